"""kg's compiled shapes give the same verdicts as pySHACL, the reference implementation.

The built graph is broken in the ways the shapes guard against, directly in
RDF, and both validators must flag the same (entity, property) pairs.
"""
from __future__ import annotations

from collections import defaultdict

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from graph.build import term
from graph.errors import OntologyError
from graph.iris import ID, KG, OA, SH
from graph.validate import Checker, compile_shapes, load_shapes, superclasses
from tests.conftest import ROOT

AGREEMENT = ID["sister-province-jawa-tengah-fujian"]
POST = ID["post-fahmi-hakim-chair-dprd-banten"]
VISIT = ID["visit-binzhou-tangerang-2025-09"]


def ours(graph: Graph) -> set:
    rules = load_shapes(ROOT / "shapes.ttl")
    view = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        view[str(s)][str(p)].append(term(o))
    ancestors = superclasses(graph)
    types = defaultdict(set)
    for s, cls in graph.subject_objects(RDF.type):
        types[str(s)] |= ancestors.get(str(cls), {str(cls)})
    checker = Checker(rules, lambda node: view.get(node, {}), lambda node: frozenset(types.get(node, ())))
    return {(v.focus, v.path) for subject in list(view) for v in checker.check(subject)}


def pyshacls(graph: Graph) -> set:
    shapes = Graph().parse(ROOT / "shapes.ttl")
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        if path is not None and not isinstance(path, URIRef):  # a sequence: we name its first step
            path = report.value(path, RDF.first)
        found.add((str(report.value(result, SH.focusNode)), str(path) if path is not None else None))
    return found


def first(graph, subject, predicate):
    return next(graph.objects(subject, predicate))


BREAKS = {
    "as built": lambda g: None,
    "one party": lambda g: g.remove((AGREEMENT, KG.party, ID["fujian"])),
    "party is a person": lambda g: g.add((AGREEMENT, KG.party, ID["qu-yuekuan"])),
    "post without role": lambda g: g.remove((POST, KG.role, None)),
    "post with two holders": lambda g: g.add((POST, KG.heldBy, ID["qu-yuekuan"])),
    "date as text": lambda g: g.add((VISIT, KG.date, Literal("22 September"))),
    "sector that is a region": lambda g: g.add((VISIT, KG.sector, ID["banten"])),
    "no label": lambda g: g.remove((ID["qu-yuekuan"], RDFS.label, None)),
    "article in French": lambda g: [g.set((s, DCTERMS.language, Literal("fr")))
                                    for s in g.subjects(RDF.type, KG.Article)][:1],
    "evidence without a quote": lambda g: g.remove((None, OA.exact, None)),
    "offset as text": lambda g: [g.set((s, OA.start, Literal(str(o), datatype=XSD.string)))
                                 for s, o in list(g.subject_objects(OA.start))[:3]],
    "location a literal": lambda g: g.add((ID["banten"], KG.locatedIn, Literal("Java"))),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_same_verdicts_as_pyshacl(shipped, name):
    graph = Graph()
    for triple in shipped.graph:
        graph.add(triple)
    BREAKS[name](graph)
    expected = pyshacls(graph)
    assert ours(graph) == expected
    assert bool(expected) == (name != "as built")


def test_unsupported_shacl_is_refused_by_name(tmp_path):
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://w3id.org/id-cn-ties/ontology#> .
        kg:S a sh:NodeShape ; sh:targetClass kg:Person ;
             sh:property [ sh:path kg:name ; sh:pattern "^A" ] .""", format="turtle")
    with pytest.raises(OntologyError, match="sh:pattern .* not support"):
        compile_shapes(shapes, tmp_path / "shapes.ttl")

"""The ontology documents itself in both languages and reuses standard vocabularies."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.iris import KG
from graph.ontology import load_vocabulary
from tests.conftest import ROOT


def ontology() -> Graph:
    return load_vocabulary(ROOT / "ontology.ttl").graph


def test_every_class_and_property_has_labels_in_both_languages_and_a_comment():
    graph = ontology()
    terms = [t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(KG))]
    assert len(terms) > 60
    for term in terms:
        labels = {lit.language for lit in graph.objects(term, RDFS.label)}
        comments = {lit.language for lit in graph.objects(term, RDFS.comment)}
        assert {"en", "id"} <= labels, term
        assert {"en", "id"} <= comments, term


def test_every_concept_has_a_notation_a_scheme_and_labels():
    graph = ontology()
    concepts = set(graph.subjects(SKOS.inScheme, None))
    assert len(concepts) > 40
    notations = [str(n) for c in concepts for n in graph.objects(c, SKOS.notation)]
    assert len(notations) == len(set(notations)) == len(concepts)
    for concept in concepts:
        assert {lit.language for lit in graph.objects(concept, RDFS.label)} >= {"en", "id"}, concept


def test_our_terms_refine_standard_ones():
    graph = ontology()
    parents = {str(o) for o in graph.objects(None, RDFS.subClassOf)} | {str(o) for o in graph.objects(None, RDFS.subPropertyOf)}
    for vocabulary in ("http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#", "https://schema.org/",
                       "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/", "http://www.w3.org/ns/oa#"):
        assert any(p.startswith(vocabulary) for p in parents), vocabulary


def test_shapes_parse():
    shapes = Graph().parse(ROOT / "shapes.ttl")
    assert len(shapes) > 50


def test_the_plain_namespaces_are_the_rdflib_ones():
    """`kg query` reads graph/namespaces.py (no rdflib); the build, graph/iris.py: they must agree."""
    from graph import iris, namespaces

    assert {prefix: str(ns) for prefix, ns in iris.PREFIXES.items()} == namespaces.PREFIXES
    assert str(iris.named_graph("000_x")) == namespaces.PREFIXES["g"] + "000_x"

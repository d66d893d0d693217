"""kg build on the shipped sources: every output re-parses strictly, nothing is lost, output is reproducible."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import BNode, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph.iris import KG, OA, SOURCE
from tests.conftest import ROOT

FORMATS = {
    "graph.ttl": ox.RdfFormat.TURTLE,
    "graph.trig": ox.RdfFormat.TRIG,
    "graph.nt": ox.RdfFormat.N_TRIPLES,
    "graph.nq": ox.RdfFormat.N_QUADS,
    "graph.jsonld": ox.RdfFormat.JSON_LD,
}


def statements(path, fmt):
    return list(ox.parse(path=str(path), format=fmt))


def test_every_output_reparses_with_pyoxigraph_to_the_same_counts(shipped):
    union = len(shipped.graph)
    quads = sum(len(g) for g in shipped.dataset.graphs() if len(g))
    for name, fmt in FORMATS.items():
        parsed = statements(shipped.out / name, fmt)
        expected = quads if name in ("graph.trig", "graph.nq") else union
        assert len(parsed) == expected, name
        assert len(set(parsed)) == len(parsed), f"{name} repeats statements"


def test_named_graphs_hold_all_facts(shipped):
    parsed = statements(shipped.out / "graph.nq", ox.RdfFormat.N_QUADS)
    assert all(quad.graph_name != ox.DefaultGraph() for quad in parsed)
    triples = statements(shipped.out / "graph.nt", ox.RdfFormat.N_TRIPLES)
    assert {(q.subject, q.predicate, q.object) for q in parsed} == {(t.subject, t.predicate, t.object) for t in triples}


@pytest.mark.parametrize("name, syntax", [("graph.ttl", "turtle"), ("graph.nt", "ntriples"),
                                          ("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_rapper_reads_every_output(shipped, name, syntax):
    result = subprocess.run(["rapper", "-i", syntax, "-c", str(shipped.out / name)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    count = int(result.stderr.split("returned")[1].split()[0])
    assert count == len(statements(shipped.out / name, FORMATS[name]))


@pytest.mark.parametrize("name, syntax", [("graph.ttl", "turtle"), ("graph.nt", "ntriples"),
                                          ("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_serdi_reads_every_output(shipped, name, syntax):
    result = subprocess.run(["serdi", "-i", syntax, "-o", "ntriples", str(shipped.out / name)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == len(statements(shipped.out / name, FORMATS[name]))


def test_jsonld_context_is_inline(shipped):
    doc = json.loads((shipped.out / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(doc["@context"], dict)
    assert all(isinstance(v, str) and v.startswith("http") for v in doc["@context"].values())


def test_line_files_are_in_canonical_order(shipped):
    # graph by graph in the order of their IRIs, each sorted: a change to one source moves only its lines
    quads = (shipped.out / "graph.nq").read_text(encoding="utf-8").split("\n")[:-1]
    by_graph = [(line.rsplit(" ", 2)[1], line) for line in quads]
    assert by_graph == sorted(by_graph)
    lines = (shipped.out / "graph.nt").read_text(encoding="utf-8").split("\n")[:-1]
    assert len(lines) == len(set(lines))


def test_no_blank_nodes(shipped):
    for s, p, o in shipped.graph:
        assert not isinstance(s, BNode) and not isinstance(o, BNode), (s, p, o)


def test_every_fact_has_a_source_and_located_evidence(shipped):
    graph = shipped.graph
    facts = {subject for subject, cls in graph.subject_objects(RDF.type)
             if _is_a(graph, cls, (KG.Agreement, KG.Event, KG.Post, KG.Programme))}
    assert len(facts) > 10
    for fact in facts:
        sources = set(graph.objects(fact, PROV.wasDerivedFrom))
        assert sources and all(s.startswith(str(SOURCE)) for s in sources), fact
        evidence = set(graph.objects(fact, KG.evidence))
        assert evidence, fact
        for ev in evidence:
            target = graph.value(ev, OA.hasTarget)
            source = graph.value(target, OA.hasSource)
            text = (ROOT / str(graph.value(source, KG.textFile))).read_text(encoding="utf-8")
            selectors = set(graph.objects(target, OA.hasSelector))
            exact = next(graph.value(s, OA.exact) for s in selectors if graph.value(s, OA.exact) is not None)
            start = next(graph.value(s, OA.start) for s in selectors if graph.value(s, OA.start) is not None)
            end = next(graph.value(s, OA.end) for s in selectors if graph.value(s, OA.end) is not None)
            assert text[start.toPython():end.toPython()] == str(exact)


def _is_a(graph, cls, ancestors) -> bool:
    return any(a in set(graph.transitive_objects(cls, RDFS.subClassOf)) for a in ancestors)


def test_gazetteer_is_a_source_with_provenance(shipped):
    gazetteer = URIRef(str(SOURCE) + "gazetteer")
    assert (gazetteer, RDF.type, KG.Gazetteer) in shipped.graph
    banten = URIRef("https://w3id.org/id-cn-ties/id/banten")
    assert (banten, PROV.wasDerivedFrom, gazetteer) in shipped.graph


def test_same_sources_give_byte_identical_outputs(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "graph", "build", "--root", str(ROOT), "--out", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")})
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name


def test_failed_build_leaves_previous_outputs(kg, project):
    out = project / "out"
    # --no-warm: the background work after a build keeps its own files (answers, the merged network) in out/
    assert kg("build", "--root", project, "--out", out, "--no-warm").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    shutil.rmtree(project / "sources")
    (project / "sources").mkdir()
    result = kg("build", "--root", project, "--out", out, "--no-warm")
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_build_prints_summary_and_writes_report(kg, project):
    out = project / "out"
    result = kg("build", "--root", project, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Built {out}/ from ")
    report = json.loads((out / "report.json").read_text())
    assert report["triples"] == len(statements(out / "graph.nt", ox.RdfFormat.N_TRIPLES))
    text = (out / "report.txt").read_text()
    assert "Entities per class:" in text and "Conflicts (" in text

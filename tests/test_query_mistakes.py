"""Mistakes in a query are said in one line; the default graph counts as the build does."""
from __future__ import annotations

import json

import pytest


def test_an_undeclared_prefix_is_one_line_naming_it(kg, shipped):
    result = kg("query", "-e", "SELECT * WHERE {\n  ?s a kg:Person ;\n     foaf:knows ?o ; foo:bar ?x }", "--out", shipped.out)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "kg: error: syntax error at line 3, column 22: undeclared prefix 'foo:'; declare it (PREFIX foo: <…>) or "
        "use kg's: kg:, id:, src:, g:, ev:, rdf:, rdfs:, xsd:, owl:, skos:, prov:, dct:, org:, schema:, oa:, foaf:"]


def test_a_prefix_the_query_declares_is_no_mistake(kg, shipped):
    query = "PREFIX ex: <https://w3id.org/id-cn-ties/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?p a ex:Person }"
    result = kg("query", "-e", query, "--format", "csv", "--out", shipped.out)
    assert result.exit_code == 0 and result.stdout_bytes == b"n\r\n10\r\n"


def test_other_syntax_errors_are_one_line_too(kg, shipped):
    result = kg("query", "-e", "SELECT * WHERE {\n  ?s ?p }", "--out", shipped.out)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("kg: error: syntax error at line 2, column ")


@pytest.mark.parametrize("query, warning", [
    ("SELECT ?who WHERE { ?visit kg:ledby ?who }", "line 1: kg:ledby is not in the ontology; did you mean kg:ledBy?"),
    ("SELECT ?p WHERE {\n ?p a kg:Persn }", "line 2: kg:Persn is not in the ontology; did you mean kg:Person?"),
    ("SELECT ?p WHERE { ?p kg:zzqqxx ?o }", "line 1: kg:zzqqxx is not in the ontology (it matches nothing)"),
])
def test_a_term_the_ontology_does_not_define_is_named(kg, shipped, query, warning):
    result = kg("query", "-e", query, "--out", shipped.out)
    assert result.exit_code == 0 and "(0 rows)" in result.stdout
    assert result.stderr == f"kg: warning: {warning}\n"


def test_terms_the_ontology_defines_and_text_that_only_looks_like_terms_raise_nothing(kg, shipped):
    query = 'SELECT ?who WHERE { ?visit kg:ledBy ?who ; a kg:DelegationVisit FILTER(?who != "kg:nothing") } # kg:nope'
    result = kg("query", "-e", query, "--out", shipped.out)
    assert result.exit_code == 0 and result.stderr == ""


def test_no_saved_query_names_an_undefined_term(kg, shipped):
    from graph.query import warnings
    from graph.saved import saved_queries

    assert {name: warnings(saved.text, shipped.out) for name, saved in saved_queries().items()} == {
        name: [] for name in saved_queries()}


def count(kg, shipped, query):
    result = kg("query", "-e", query, "--format", "json", "--out", shipped.out)
    assert result.exit_code == 0, result.stderr
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


def test_the_default_graph_holds_each_statement_once(kg, shipped):
    """COUNT(*) without GRAPH agrees with the build's triple count, though some statements are in several graphs."""
    built = shipped.result.report["triples"]
    assert count(kg, shipped, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == built == len(shipped.graph)
    in_graphs = count(kg, shipped, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert in_graphs == len(list(shipped.dataset.quads())) > built  # the sources do repeat each other


def test_a_statement_two_sources_make_comes_back_once_and_graph_still_tells_them_apart(kg, shipped):
    query = "SELECT ?g WHERE { GRAPH ?g { id:hangzhou kg:capitalOf id:zhejiang } }"
    result = kg("query", "-e", query, "--format", "csv", "--out", shipped.out)
    assert result.stdout.split()[1:] == ["https://w3id.org/id-cn-ties/graph/002_df0ee3cb47686a21",
                                         "https://w3id.org/id-cn-ties/graph/gazetteer"]
    assert count(kg, shipped, "SELECT (COUNT(*) AS ?n) WHERE { id:hangzhou kg:capitalOf id:zhejiang }") == 1
    one_source = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH g:002_df0ee3cb47686a21 { ?s ?p ?o } }"
    assert count(kg, shipped, one_source) == len(list(shipped.dataset.graph(
        "https://w3id.org/id-cn-ties/graph/002_df0ee3cb47686a21")))

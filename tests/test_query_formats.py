"""kg query answers in the standard formats: SPARQL 1.1 results (JSON, XML, CSV, TSV) and RDF for graphs.

Every answer is read back with a parser other than the one that wrote it
(rdflib's SPARQL results parsers, the standard library's XML and CSV readers),
so a format that only looks right fails here.
"""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result

from graph import answers
from click.testing import CliRunner

from graph.cli import QUERY_FORMATS, cli
from graph.query import run

ID = "https://w3id.org/id-cn-ties/id/"
KG = "https://w3id.org/id-cn-ties/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SPARQL_RESULTS = "{http://www.w3.org/2005/sparql-results#}"
# Fahmi Hakim chairs DPRD Banten: an IRI with a label, a literal with a language tag, and a typed literal.
POST = ("SELECT ?person ?name ?n WHERE { ?post kg:postIn id:dprd-banten ; kg:heldBy ?person . "
        "?person rdfs:label ?name FILTER(LANG(?name) = 'en') BIND(7 AS ?n) }")
PERSON = URIRef(ID + "fahmi-hakim")


def ask(kg, shipped, *args, query=POST):
    result = kg("query", "-e", query, "--out", shipped.out, *args)
    assert result.exit_code == 0, result.stderr
    return result.output


def rdflib_rows(data: str, fmt: str) -> list[dict]:
    return [dict(row.asdict()) for row in Result.parse(io.StringIO(data), format=fmt)]


def test_the_formats_offered_are_the_ones_written():
    assert set(QUERY_FORMATS) == set(answers.FORMATS)


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_select_answers_keep_every_term_whole(kg, shipped, fmt):
    """IRIs, language tags and datatypes survive, as read by rdflib's own results parsers."""
    [row] = rdflib_rows(ask(kg, shipped, "--format", fmt), fmt)
    assert row == {"person": PERSON, "name": Literal("Fahmi Hakim", lang="en"),
                   "n": Literal("7", datatype=URIRef(XSD + "integer"))}


def test_xml_is_sparql_results_xml(kg, shipped):
    root = ET.fromstring(ask(kg, shipped, "--format", "xml"))
    assert root.tag == f"{SPARQL_RESULTS}sparql"
    assert [v.get("name") for v in root.iter(f"{SPARQL_RESULTS}variable")] == ["person", "name", "n"]
    bindings = {b.get("name"): b[0] for b in root.iter(f"{SPARQL_RESULTS}binding")}
    assert bindings["person"].tag == f"{SPARQL_RESULTS}uri" and bindings["person"].text == str(PERSON)
    assert bindings["name"].get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert bindings["n"].get("datatype") == XSD + "integer"


def test_tsv_writes_terms_as_turtle_does(kg, shipped):
    assert ask(kg, shipped, "--format", "tsv").splitlines() == [
        "?person\t?name\t?n", f'<{PERSON}>\t"Fahmi Hakim"@en\t7']


def test_csv_with_labels_names_each_iri(kg, shipped):
    rows = list(csv.reader(io.StringIO(ask(kg, shipped, "--format", "csv", "--labels"))))
    assert rows == [["person", "person_label", "name", "n"], [str(PERSON), "Fahmi Hakim", "Fahmi Hakim", "7"]]


def test_labels_are_literals_with_their_language_in_json(kg, shipped):
    data = json.loads(ask(kg, shipped, "--format", "json", "--labels"))
    assert data["head"]["vars"] == ["person", "person_label", "name", "n"]
    [row] = data["results"]["bindings"]
    assert row["person_label"] == {"type": "literal", "value": "Fahmi Hakim", "xml:lang": "en"}


def test_labels_follow_the_chosen_language(kg, shipped):
    query = "SELECT ?region WHERE { BIND(id:jawa-tengah AS ?region) }"
    english = json.loads(ask(kg, shipped, "--format", "json", "--labels", query=query))
    indonesian = json.loads(ask(kg, shipped, "--format", "json", "--labels", "--lang", "id", query=query))
    assert english["results"]["bindings"][0]["region_label"]["value"] == "Central Java"
    assert indonesian["results"]["bindings"][0]["region_label"] == {
        "type": "literal", "value": "Provinsi Jawa Tengah", "xml:lang": "id"}


def test_tables_have_labels_unless_told_not_to(kg, shipped):
    assert "Fahmi Hakim (id:fahmi-hakim)" in ask(kg, shipped)
    assert "Fahmi Hakim (id:fahmi-hakim)" not in ask(kg, shipped, "--no-labels")
    assert "id:fahmi-hakim" in ask(kg, shipped, "--no-labels")


@pytest.mark.parametrize("fmt", ["xml", "json", "csv", "tsv"])
def test_ask_answers_in_each_results_format(kg, shipped, fmt):
    text = ask(kg, shipped, "--format", fmt, query="ASK { id:fahmi-hakim a kg:Person }")
    if fmt in ("csv", "tsv"):  # SPARQL 1.1 defines these for SELECT only: the engine writes the word
        assert text == "true\n"
    else:
        assert Result.parse(io.StringIO(text), format=fmt).askAnswer is True


CONSTRUCT = "CONSTRUCT { ?p a kg:Person ; rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }"


@pytest.mark.parametrize("fmt, parser", [("turtle", "turtle"), ("ntriples", "nt"), ("nquads", "nquads"),
                                         ("jsonld", "json-ld")])
def test_construct_answers_in_the_format_asked(kg, shipped, fmt, parser):
    reference = Graph().parse(data=ask(kg, shipped, query=CONSTRUCT), format="turtle")  # the default: Turtle
    assert len(reference) > 20
    answer = ask(kg, shipped, "--format", fmt, query=CONSTRUCT)
    if fmt == "ntriples":
        assert "@prefix" not in answer and all(line.endswith(" .") for line in answer.splitlines())
    assert isomorphic(Graph().parse(data=answer, format=parser), reference)


@pytest.mark.parametrize("query, fmt, says", [
    (CONSTRUCT, "csv", "a CONSTRUCT answer is a graph: use --format turtle, ntriples, nquads, jsonld"),
    (CONSTRUCT, "table", "a CONSTRUCT answer is a graph"),
    (POST, "turtle", "--format turtle is for CONSTRUCT and DESCRIBE answers"),
])
def test_a_format_that_does_not_fit_the_answer_is_refused(kg, shipped, query, fmt, says):
    result = kg("query", "-e", query, "--format", fmt, "--out", shipped.out)
    assert result.exit_code == 2 and says in result.stderr and result.stdout == ""


def test_output_file_is_written_whole_and_nothing_printed(kg, shipped, tmp_path):
    target = tmp_path / "answers" / "posts.xml"
    result = kg("query", "posts", "--format", "xml", "-o", target, "--out", shipped.out)
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == f"Wrote {target}\n"
    assert len(list(Result.parse(target.open(encoding="utf-8"), format="xml"))) == 14
    target.write_text("old", encoding="utf-8")
    kg("query", "posts", "--format", "csv", "-o", target, "--out", shipped.out)
    assert target.read_bytes().startswith(b"person,role,where,source\r\n")
    assert sorted(p.name for p in target.parent.iterdir()) == ["posts.xml"]  # no temporary left


def test_a_dash_reads_the_query_from_standard_input(kg, shipped):
    result = CliRunner().invoke(cli, ["query", "-", "--format", "tsv", "--out", str(shipped.out)], input=POST)
    assert result.exit_code == 0 and result.output.splitlines()[1] == f'<{PERSON}>\t"Fahmi Hakim"@en\t7'


def test_a_table_wider_than_the_terminal_is_laid_out_to_fit(shipped):
    plain = run(POST.replace("?n WHERE", "?n ?post WHERE"), shipped.out, "table").decode()
    assert max(map(len, plain.splitlines())) > 60
    fitted = run(POST.replace("?n WHERE", "?n ?post WHERE"), shipped.out, "table", width=60).decode()
    assert max(map(len, fitted.splitlines())) <= 60
    assert fitted.splitlines()[-1] == "(1 row)"
    one_column = run("SELECT ?post WHERE { ?post kg:heldBy id:fahmi-hakim }", shipped.out, "table", width=20).decode()
    assert max(map(len, one_column.splitlines())) <= 20
    cell = "".join("".join(one_column.splitlines()[2:-1]).split())
    assert cell == "Chair,BantenProvincialLegislativeCouncil(id:post-fahmi-hakim-chair-dprd-banten)"  # folded, never cut
    assert run(POST, shipped.out, "table", width=200).decode() == run(POST, shipped.out, "table").decode()


def test_a_long_answer_is_left_as_it_is_on_a_terminal(shipped):
    """Laid out by rich, thousands of rows would take seconds to print."""
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    assert run(query, shipped.out, "table", width=40) == run(query, shipped.out, "table")


def test_article_text_in_a_fitted_table_is_text_not_markup(shipped):
    query = 'SELECT ?x ?y WHERE { BIND("[bold red]not markup[/] :smile:" AS ?x) BIND("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" AS ?y) }'
    fitted = run(query, shipped.out, "table", width=50).decode()
    assert "[bold red]not" in fitted and ":smile:" in fitted and "\x1b" not in fitted

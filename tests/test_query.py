"""kg query: saved queries with their expected rows, every format, bad input, and no network."""
from __future__ import annotations

import csv
import io
import json
import time

import pyoxigraph as ox
import pytest
from rdflib import Graph

import graph.labels
from graph.namespaces import PREFIXES
from graph.query import saved_queries
from graph.store import open_store

ID = "https://w3id.org/id-cn-ties/id/"
KG = "https://w3id.org/id-cn-ties/ontology#"


def rows(kg, shipped, query, *columns):
    result = kg("query", query, "--format", "json", "--out", shipped.out)
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    return sorted(tuple(_short(b.get(c, {}).get("value", "")) for c in columns) for b in bindings)


def _short(value: str) -> str:
    for prefix in (ID, KG, "https://w3id.org/id-cn-ties/graph/", "https://w3id.org/id-cn-ties/source/", "https://schema.org/"):
        if value.startswith(prefix):
            return value[len(prefix):]
    return value


SERANG_LOI = "loi-serang-hangzhou-2025"
BINZHOU_VISIT = "visit-binzhou-tangerang-2025-09"
ZHEJIANG_VISIT = "visit-zhejiang-dprd-banten-2025-12"
A000, A001, A002, A003, A004 = ("000_2a1c289181b610ec", "001_e199924c3d84b130", "002_df0ee3cb47686a21",
                                "003_3145671221fec416", "004_9c028631066dd723")

EXPECTED = {
    "sister-ties": (("indonesian", "chinese", "kind", "since"), [
        ("jawa-tengah", "fujian", "Sister-province relationship", ""),
        ("kabupaten-tangerang", "binzhou", "Cooperation agreement", ""),
        ("kabupaten-tangerang", "binzhou", "Letter of Intent", "2025-06"),
        ("kabupaten-tangerang", "binzhou", "Sister-city relationship", ""),
        ("kota-serang", "hangzhou", "Letter of Intent", "2025-09-05"),
        ("sumatra-utara", "guangdong", "Sister-province relationship", ""),
    ]),
    "signed-or-led": (("person", "role", "what"), [
        ("budi-rustandi", "signed", SERANG_LOI), ("qu-yuekuan", "led", BINZHOU_VISIT)]),
    "capitals": (("city", "region", "source"), [
        ("hangzhou", "zhejiang", A002), ("hangzhou", "zhejiang", "gazetteer"),
        ("kota-serang", "banten", A003), ("kota-serang", "banten", "gazetteer")]),
    "disagreements": (("subject", "property", "value1", "source1", "value2", "source2"), [
        (BINZHOU_VISIT, "statedWeekday", "Wednesday", A000, "Tuesday", A001)]),
    "events-in-range": (("event", "date"), [
        ("visit-serang-hangzhou-2025", "2025-09-05"), (BINZHOU_VISIT, "2025-09-22"), (ZHEJIANG_VISIT, "2025-12-09")]),
    "mentions": (("article", "fact"), [(A000, BINZHOU_VISIT), (A001, BINZHOU_VISIT)]),
    "connection": (("fact", "link"), [
        (SERANG_LOI, "hangzhou"), ("visit-serang-hangzhou-2025", "hangzhou"), (ZHEJIANG_VISIT, "pemprov-zhejiang")]),
    "tie-sectors": (("tie",), [("cooperation-tangerang-binzhou-2025-09",), (SERANG_LOI,),
                               ("loi-tangerang-binzhou-2025",), ("sister-city-tangerang-binzhou",)]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_saved_query_rows(kg, shipped, name):
    columns, expected = EXPECTED[name]
    assert rows(kg, shipped, name, *columns) == sorted(expected)


def test_posts_query_lists_every_post_once_per_source(kg, shipped):
    found = rows(kg, shipped, "posts", "person", "role", "where", "source")
    assert ("fahmi-hakim", "Chair", "dprd-banten", A003) in found
    assert ("qu-yuekuan", "DeputyMayor", "binzhou", A000) in found
    assert ("qu-yuekuan", "DeputyMayor", "binzhou", A001) in found
    assert ("budi-rustandi", "Mayor", "kota-serang", A002) in found
    assert len(found) == len(set(found)) == 14


def test_tie_sectors_of_the_serang_loi(kg, shipped):
    assert rows(kg, shipped, "tie-sectors", "tie", "sectors")[1] == (SERANG_LOI, "People-to-people exchange")


def test_org_across_events_counts_icbc_once_in_two_sources(kg, shipped):
    found = {r[0]: r[1:] for r in rows(kg, shipped, "org-across-events", "organisation", "facts", "sources")}
    assert found["icbc"] == ("1", "2")
    assert found["kikt"] == ("1", "1")


def test_source_support_covers_every_article(kg, shipped):
    found = rows(kg, shipped, "source-support", "source", "fact")
    assert {source for source, _ in found} == {A000, A001, A002, A003, A004}
    assert (A004, "expo-smart-city-2023") in found


def test_entity_evidence_quotes_come_from_the_article(kg, shipped):
    found = rows(kg, shipped, "entity-evidence", "fact", "quote", "source")
    assert ("kota-serang", "Kota Serang sebagai ibu kota provinsi tentu menjadi etalase Banten.", A003) in found


def test_every_saved_query_has_a_question_and_a_test():
    saved = saved_queries()
    assert len(saved) >= 10
    tested = set(EXPECTED) | {"posts", "org-across-events", "source-support", "entity-evidence"}
    assert set(saved) == tested
    assert all(q.question.endswith(("?", ".", ")")) for q in saved.values())


def test_list_shows_questions(kg):
    result = kg("query", "--list")
    assert "sister-ties" in result.output and "Which Indonesian and Chinese regions have ties" in result.output


def test_table_shows_labels_and_prefixed_names(kg, shipped):
    result = kg("query", "-e", "SELECT ?p WHERE { ?post kg:postIn id:dprd-banten ; kg:heldBy ?p }", "--out", shipped.out)
    assert result.output == "p\n----------------------------\nFahmi Hakim (id:fahmi-hakim)\n(1 row)\n"


def test_labels_read_all_at_once_are_the_labels_looked_up_one_by_one(shipped):
    """A table of more than 2,000 IRIs reads every label in the store instead of looking each up; same choice."""
    store = open_store(shipped.out)
    iris = {term.value for quad in store for term in (quad.subject, quad.object) if isinstance(term, ox.NamedNode)}
    looked_up = graph.labels.looked_up(store, iris, "en")
    assert len(looked_up) > 100 and looked_up[PREFIXES["id"] + "fahmi-hakim"] == ox.Literal("Fahmi Hakim", language="en")
    assert graph.labels.labels_of(graph.labels.every_label(store, "en"), iris) == looked_up


def test_csv_and_tsv(kg, shipped):
    query = "SELECT ?p ?name WHERE { ?post kg:postIn id:dprd-banten ; kg:heldBy ?p . ?p rdfs:label ?name FILTER(LANG(?name)='en') }"
    result = kg("query", "-e", query, "--format", "csv", "--out", shipped.out)
    assert list(csv.reader(io.StringIO(result.output))) == [["p", "name"], [ID + "fahmi-hakim", "Fahmi Hakim"]]
    result = kg("query", "-e", query, "--format", "tsv", "--out", shipped.out)
    assert result.output == f'?p\t?name\n<{ID}fahmi-hakim>\t"Fahmi Hakim"@en\n'  # SPARQL 1.1 TSV: terms as in Turtle


def test_construct_prints_turtle(kg, shipped):
    result = kg("query", "-e", "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }", "--out", shipped.out)
    graph = Graph().parse(data=result.output, format="turtle")
    assert len(graph) == 10


def test_graph_restricts_to_one_source(kg, shipped):
    query = "SELECT DISTINCT ?p WHERE { GRAPH g:004_9c028631066dd723 { ?post kg:heldBy ?p } }"
    result = kg("query", "-e", query, "--format", "json", "--out", shipped.out)
    people = sorted(b["p"]["value"].rsplit("/", 1)[1] for b in json.loads(result.output)["results"]["bindings"])
    assert people == ["ben-yura-rimba", "garibaldi-thohir", "teddy-sugianto"]


def test_syntax_error_gives_line_and_column(kg, shipped):
    result = kg("query", "-e", "SELECT * WHERE {\n  ?s ?p }", "--out", shipped.out)
    assert result.exit_code == 2
    assert result.stderr.startswith("kg: error: syntax error at line 2, column ")


def test_unknown_saved_query_lists_known_ones(kg, shipped):
    result = kg("query", "sister-tie", "--out", shipped.out)
    assert result.exit_code == 2
    assert "no saved query 'sister-tie'; known: capitals, connection," in result.stderr


def test_not_built_says_how_to_build(kg, tmp_path):
    result = kg("query", "posts", "--out", tmp_path)
    assert result.exit_code == 2 and "run `kg build` first" in result.stderr


@pytest.mark.parametrize("query", ["INSERT DATA { id:a id:b id:c }", "DELETE WHERE { ?s ?p ?o }",
                                   "CLEAR ALL", "LOAD <http://127.0.0.1:1/x>"])
def test_updates_are_refused(kg, shipped, query):
    result = kg("query", "-e", query, "--out", shipped.out)
    assert result.exit_code == 2 and "is refused: queries only read the graph" in result.stderr


def test_a_string_or_comment_that_says_service_or_from_is_no_keyword(kg, shipped):
    query = 'SELECT ?s WHERE { ?s ?p "service from" } # SERVICE <http://127.0.0.1:1/> FROM <x>\r\n'
    result = kg("query", "-e", query, "--out", shipped.out)
    assert result.exit_code == 0, result.stderr
    assert result.output.endswith("(0 rows)\n")


@pytest.mark.parametrize("value", ["nan", "inf", "1e300", "0", "-1"])
def test_a_time_limit_that_is_no_real_number_of_seconds_is_refused(kg, shipped, value):
    result = kg("query", "capitals", "--timeout", value, "--out", shipped.out)
    assert result.exit_code == 2
    assert "Invalid value for '--timeout'" in result.stderr and "Traceback" not in result.stderr


def test_memory_limit_stops_a_greedy_query(kg, shipped):
    query = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY DESC(CONCAT(STR(?c), STR(?f)))"
    result = kg("query", "-e", query, "--memory", "200", "--timeout", "120", "--out", shipped.out)
    assert result.exit_code == 2
    assert result.stderr == ("kg: error: the query needed more than 200 MiB of memory and was stopped "
                             "(raise --memory to allow more)\n")


def test_a_query_slow_to_check_is_stopped_at_its_time_limit_too(kg, shipped):
    # rdflib's parser, the guard's second check, takes seconds on a FILTER of thousands of alternatives
    query = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {n}" for n in range(3000)) + ") } # from"
    began = time.monotonic()
    result = kg("query", "-e", query, "--timeout", "1", "--out", shipped.out)
    assert result.exit_code == 2 and "ran longer than 1 s and was stopped" in result.stderr
    assert time.monotonic() - began < 5


def test_timeout_stops_a_runaway_query(kg, shipped):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = kg("query", "-e", query, "--timeout", "0.5", "--out", shipped.out)
    assert result.exit_code == 2
    assert "ran longer than 0.5 s and was stopped" in result.stderr


@pytest.mark.parametrize("template, message", [
    ("SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
    ("SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
    ("SELECT * WHERE {{ {{ SELECT ?s WHERE {{ service <{url}/q> {{ ?s ?p ?o }} }} }} }}", "SERVICE is refused"),
    # SPARQL ends a comment at a bare CR too: the text check once read SERVICE as part of the comment
    ("SELECT * WHERE {{ #x\rSERVICE <{url}/s> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
    ("SELECT * WHERE {{ #x\r\tservice\r<{url}/s> {{ ?s ?p ?o }} }}", "SERVICE is refused"),
    # rdflib reads \u0022 as a quote before parsing, Oxigraph only inside strings: each check sees it its own way
    ('SELECT * WHERE {{ BIND("\\u0022" AS ?x) SERVICE <{url}/s> {{ ?s ?p ?o }} BIND("\\u0022" AS ?y) }}',
     "SERVICE is refused"),
])
def test_service_never_reaches_the_network(kg, shipped, counting_server, template, message):
    url, hits = counting_server
    result = kg("query", "-e", template.format(url=url), "--out", shipped.out)
    assert result.exit_code == 2 and message in result.stderr
    assert hits == []


@pytest.mark.parametrize("template", [
    "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT * FROM <file:///etc/passwd> WHERE {{ ?s ?p ?o }}",
])
def test_from_is_refused_and_never_loads_anything(kg, shipped, counting_server, template):
    url, hits = counting_server
    result = kg("query", "-e", template.format(url=url), "--out", shipped.out)
    assert result.exit_code == 2
    assert "FROM is refused" in result.stderr
    assert hits == []


def test_control_characters_are_escaped_in_tables(kg, shipped):
    query = 'SELECT ?x WHERE { BIND("a\\u001b[2Jb\\rc\\u202ed" AS ?x) }'
    result = kg("query", "-e", query, "--out", shipped.out)
    assert "\x1b" not in result.output and "\r" not in result.output and "\u202e" not in result.output
    assert "a\\u001b[2Jb\\rc\\u202ed" in result.output

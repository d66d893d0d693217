"""The saved queries are written for Oxigraph's planner; they must answer exactly as their plain forms do.

PLAIN holds each tuned query's plain form (the text it had before it was
tuned). Both run on the shipped graph and must give the same rows, the same
number of times, in the same order of their ORDER BY keys.
"""
from __future__ import annotations

import re

import pytest

from graph.query import PREFIX_MAP, saved_queries
from graph.store import open_store

PLAIN = {
    "disagreements": """
SELECT DISTINCT ?subject ?property ?value1 ?source1 ?value2 ?source2 WHERE {
  ?property a owl:FunctionalProperty .
  GRAPH ?source1 { ?subject ?property ?value1 }
  GRAPH ?source2 { ?subject ?property ?value2 }
  FILTER(STR(?source1) < STR(?source2) && ?value1 != ?value2)
}
ORDER BY ?subject ?property""",
    "events-in-range": """
SELECT DISTINCT ?event ?class ?date ?where WHERE {
  ?event a ?class ; kg:date|kg:startDate ?date .
  ?class rdfs:subClassOf* kg:Event .
  OPTIONAL { ?event kg:location ?where }
  FILTER(STR(?date) >= "2025-01-01" && STR(?date) <= "2025-12-31")
}
ORDER BY ?date""",
    "mentions-icbc": """
SELECT DISTINCT ?article ?fact WHERE {
  GRAPH ?g { ?fact ?relation id:icbc }
  ?article a kg:Article ; dct:identifier ?id .
  FILTER(STRAFTER(STR(?g), "/graph/") = STR(?id))
}
ORDER BY ?article ?fact""",
    "org-across-events": """
SELECT DISTINCT ?organisation (COUNT(DISTINCT ?fact) AS ?facts) (COUNT(DISTINCT ?g) AS ?sources) WHERE {
  ?organisation a/rdfs:subClassOf* kg:Organisation .
  GRAPH ?g { ?fact ?relation ?organisation }
  ?fact a/rdfs:subClassOf* ?factClass .
  VALUES ?factClass { kg:Event kg:Agreement }
  FILTER(?g != g:gazetteer)
}
GROUP BY ?organisation
ORDER BY DESC(?facts) ?organisation""",
    "posts": """
SELECT DISTINCT ?person ?role ?where ?source WHERE {
  ?post a kg:Post ; kg:heldBy ?person ; kg:role ?role ; kg:postIn ?where ; prov:wasDerivedFrom ?source .
}
ORDER BY ?where ?person ?role ?source""",
    "signed-or-led": """
SELECT DISTINCT ?person ?role ?what ?date WHERE {
  { ?what kg:signatory ?person . BIND("signed" AS ?role) OPTIONAL { ?what kg:signedOn ?date } }
  UNION
  { ?what kg:ledBy ?person . BIND("led" AS ?role) OPTIONAL { ?what kg:date ?date } }
}
ORDER BY ?person ?what""",
    "sister-ties": """
SELECT DISTINCT ?indonesian ?chinese ?kind ?since ?tie WHERE {
  ?tie a ?kindClass ; kg:party ?indonesian , ?chinese .
  ?kindClass rdfs:subClassOf* kg:Agreement ; rdfs:label ?kindLabel FILTER(LANG(?kindLabel) = "en") BIND(STR(?kindLabel) AS ?kind)
  ?indonesian kg:locatedIn+ id:indonesia .
  ?chinese kg:locatedIn+ id:china .
  OPTIONAL { ?tie kg:signedOn ?since }
}
ORDER BY ?indonesian ?chinese ?kind""",
    "source-support": """
SELECT DISTINCT ?source ?fact ?class (COUNT(DISTINCT ?evidence) AS ?quotes) WHERE {
  ?source a kg:Article .
  ?fact prov:wasDerivedFrom ?source ; kg:evidence ?evidence ; a ?class .
  ?evidence oa:hasTarget/oa:hasSource ?source .
  FILTER(?class != kg:Evidence)
}
GROUP BY ?source ?fact ?class
ORDER BY ?source ?fact""",
    "tie-sectors": """
SELECT DISTINCT ?tie (GROUP_CONCAT(DISTINCT STR(?sectorName); separator=", ") AS ?sectors) WHERE {
  ?tie a/rdfs:subClassOf* kg:Agreement ; kg:sector ?sector .
  ?sector rdfs:label ?sectorName FILTER(LANG(?sectorName) = "en")
}
GROUP BY ?tie
ORDER BY ?tie""",
}


def answer(store, text):
    """(variables, rows as N-Triples strings in the engine's order, the ORDER BY variables)."""
    results = store.query(text, prefixes=PREFIX_MAP, use_default_graph_as_union=True)
    variables = [v.value for v in results.variables]
    rows = [tuple("" if term is None else str(term) for term in solution) for solution in results]
    order = re.search(r"ORDER BY(.*)$", text, re.S)
    return variables, rows, re.findall(r"[?$](\w+)", order.group(1)) if order else []


def same_answer(first, second):
    (variables, rows, order), (variables2, rows2, _) = first, second
    assert variables == variables2
    assert sorted(rows) == sorted(rows2)
    keys = [variables.index(name) for name in order]
    assert [[row[k] for k in keys] for row in rows] == [[row[k] for k in keys] for row in rows2]


@pytest.fixture(scope="module")
def store(shipped):
    return open_store(shipped.out)


def test_every_tuned_query_has_its_plain_form():
    tuned = {name for name, saved in saved_queries().items() if "SELECT" in saved.text.split("WHERE", 1)[1]}
    assert tuned <= set(PLAIN)
    assert set(PLAIN) <= set(saved_queries())


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_tuned_query_answers_as_its_plain_form(store, name):
    plain, tuned = answer(store, PLAIN[name]), answer(store, saved_queries()[name].text)
    assert plain[1], f"{name}: the shipped graph should give some rows to compare"
    same_answer(plain, tuned)

"""Saved queries take their entities and dates as parameters (--bind), and --list shows them with an example."""
from __future__ import annotations

import json
import re
import shlex

import pytest

from graph.saved import parameters, saved_queries
from graph.sparql import blanked, prefixed_names
from tests.helpers import refusal

ID = "https://w3id.org/id-cn-ties/id/"


def answer(kg, shipped, name, *binds, lang="en"):
    args = [a for bind in binds for a in ("--bind", bind)]
    result = kg("query", name, *args, "--format", "json", "--lang", lang, "--out", shipped.out)
    assert result.exit_code == 0, result.stderr
    return [{k: v["value"].removeprefix(ID) for k, v in row.items()}
            for row in json.loads(result.stdout)["results"]["bindings"]]


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_entities_and_dates_are_written_only_as_parameters(name):
    text = saved_queries()[name].text
    values_lines = [m.span() for m in re.finditer(r"VALUES \?\w+ \{[^{}]*\}", blanked(text))]
    outside = "".join(text[end:start] for (_, end), (start, _) in zip([(0, 0), *values_lines], [*values_lines, (len(text), 0)]))
    assert [n for n in prefixed_names(outside) if n[2] == "id"] == []
    assert not re.search(r"\d{4}-\d\d-\d\d", blanked(outside))
    assert not re.search(r'"(en|id)"', outside)  # a label language is a parameter too


def test_connection_asks_about_any_two_entities(kg, shipped):
    default = {(r["fact"], r["link"]) for r in answer(kg, shipped, "connection")}
    assert ("loi-serang-hangzhou-2025", "hangzhou") in default  # Zhejiang's capital
    assert ("visit-zhejiang-dprd-banten-2025-12", "pemprov-zhejiang") in default  # its government
    other = {(r["fact"], r["link"]) for r in answer(kg, shipped, "connection", "a=id:kabupaten-tangerang", "b=id:binzhou")}
    assert other == {(fact, "binzhou") for fact in ("cooperation-tangerang-binzhou-2025-09", "loi-tangerang-binzhou-2025",
                                                   "sister-city-tangerang-binzhou", "visit-binzhou-tangerang-2025-09")}


def test_entity_evidence_asks_about_the_entity_bound(kg, shipped):
    rows = answer(kg, shipped, "entity-evidence", "entity=id:kabupaten-tangerang")
    assert rows and {r["fact"] for r in rows} >= {"loi-tangerang-binzhou-2025"}
    assert "kota-serang" not in {r["fact"] for r in rows}


def test_events_in_range_takes_its_dates(kg, shipped):
    assert [r["date"] for r in answer(kg, shipped, "events-in-range")] == ["2025-09-05", "2025-09-22", "2025-12-09"]
    assert [r["date"] for r in answer(kg, shipped, "events-in-range", "from=2025-09-10", "to=2025-09-30")] == ["2025-09-22"]


def test_mentions_and_posts_take_their_entity(kg, shipped):
    assert {r["fact"] for r in answer(kg, shipped, "mentions", "entity=id:kikt")} >= {"expo-smart-city-2023"}
    assert {r["where"] for r in answer(kg, shipped, "posts", "where=id:kota-serang")} == {"kota-serang"}
    assert len({r["where"] for r in answer(kg, shipped, "posts")}) > 3  # unbound: every place


def test_the_label_language_is_a_parameter_the_command_line_sets(kg, shipped):
    english = {r["kind"] for r in answer(kg, shipped, "sister-ties")}
    indonesian = {r["kind"] for r in answer(kg, shipped, "sister-ties", lang="id")}
    assert "Sister-city relationship" in english and "Hubungan kota kembar" in indonesian


def test_list_shows_each_parameter_with_an_example_that_runs(kg, shipped):
    listing = kg("query", "--list").stdout
    examples = [line.split("e.g. ", 1)[1] for line in listing.splitlines() if "e.g. kg query" in line]
    with_parameters = [name for name, saved in saved_queries().items()
                       if any(p.name != "lang" for p in parameters(saved.text))]
    assert len(examples) == len(with_parameters) >= 5
    assert "parameters: a (id:kota-serang), b (id:zhejiang)" in listing
    assert "parameters: where (any)" in listing
    for example in examples:
        command = shlex.split(example)[1:]  # without "kg"
        result = kg(*command, "--format", "json", "--out", shipped.out)
        assert result.exit_code == 0, (example, result.stderr)
        assert json.loads(result.stdout)["results"]["bindings"], example


@pytest.mark.parametrize("bind, message", [
    ("where=kota serang", "the value must be <IRI>, a prefixed name"),
    ("from=2025-02-30", "2025-02-30 is not a date"),
    ("nowhere=id:kota-serang", "the query has no variable ?nowhere"),
    ("where", "write NAME=VALUE"),
])
def test_a_bad_binding_is_one_line(kg, shipped, bind, message):
    name = "events-in-range" if bind.startswith("from") else "posts"
    assert message in refusal(kg("query", name, "--bind", bind, "--out", shipped.out))

"""The pieces under `kg build`: strict YAML, quote location, literal values."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph.errors import SourceError
from graph.evidence import NormalisedText
from graph.literals import date_literal
from graph.yamlfile import parse_yaml


def test_quote_matches_across_line_breaks_and_reports_published_offsets():
    text = "Wali Kota\n  Serang   Budi Rustandi berkata."
    location = NormalisedText(text).locate("Kota Serang Budi\nRustandi")
    assert (location.start, location.end) == (5, 34)
    assert text[location.start:location.end] == location.exact == "Kota\n  Serang   Budi Rustandi"
    assert location.prefix == "Wali " and location.suffix == " berkata."


def test_quote_not_found_and_empty_quote():
    folded = NormalisedText("Kabupaten Tangerang")
    assert folded.locate("Kota Tangerang") is None
    assert folded.locate("   ") is None


def _located_char_by_char(text, quote):
    """The obvious way: fold the text keeping every folded character's original offset."""
    folded, origin = [], []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group().isspace():
            folded.append(" ")
            origin.append(match.start())
        else:
            folded.extend(match.group())
            origin.extend(range(match.start(), match.end()))
    needle = re.sub(r"\s+", " ", quote).strip()
    at = "".join(folded).find(needle) if needle else -1
    return None if at < 0 else (origin[at], origin[at + len(needle) - 1] + 1)


def test_quote_offsets_agree_with_a_character_by_character_fold():
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "b", "c", " ", "  ", "\n", "\t", "\u2028", "é"]) for _ in range(rng.randint(0, 30)))
        start, end = sorted(rng.choice(range(len(text) + 1)) for _ in range(2))
        for quote in (text[start:end], text[start:end] + "b", " a  b "):
            found = NormalisedText(text).locate(quote)
            assert (found and (found.start, found.end)) == _located_char_by_char(text, quote) or \
                (found is None and _located_char_by_char(text, quote) is None), (text, quote)


def test_offsets_count_code_points_not_bytes():
    text = "“Ini merupakan langkah strategis” ujar Intan."
    location = NormalisedText(text).locate("ujar Intan")
    assert text[location.start:location.end] == "ujar Intan"
    assert location.start == 34


@pytest.mark.parametrize("value, datatype, lexical", [
    (dt.date(2025, 9, 5), XSD.date, "2025-09-05"),
    ("2025-09-05", XSD.date, "2025-09-05"),
    ("2025-06", XSD.gYearMonth, "2025-06"),
    (2025, XSD.gYear, "2025"),
    ("2025", XSD.gYear, "2025"),
])
def test_dates_keep_their_precision(value, datatype, lexical):
    assert date_literal(value) == Literal(lexical, datatype=datatype)


@pytest.mark.parametrize("value", ["2025-13", "22/09/25", "next week", 12, True, dt.datetime(2025, 9, 5, 10, 0)])
def test_bad_dates_are_refused(value):
    with pytest.raises(ValueError):
        date_literal(value)


def test_yaml_keeps_lines_of_keys_and_items():
    doc = parse_yaml("a: 1\nlist:\n  - x\n  - y\n", "f.yaml")
    assert doc.line_of("list") == 2
    assert doc["list"].line_of(1) == 4


def test_yaml_alias_bomb_is_refused():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    with pytest.raises(SourceError, match="anchors and aliases are not allowed"):
        parse_yaml("\n".join(lines) + "\n", "bomb.yaml")


@pytest.mark.parametrize("text, message", [
    ("a: 1\na: 2\n", "duplicate key 'a' (first on line 1)"),
    ("<<: {a: 1}\n", "not allowed"),
    ("a: !!binary aGVsbG8=\n", "not allowed"),
    ("? [1, 2]\n: x\n", "a key must be a name"),
    ("a: b\x00\n", "NUL character"),
    ("[" * 50 + "]" * 50 + "\n", "nested more than"),
])
def test_yaml_surprises_are_errors_with_lines(text, message):
    with pytest.raises(SourceError) as info:
        parse_yaml(text, "f.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("f.yaml:")

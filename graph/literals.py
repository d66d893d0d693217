"""The RDF literals a source file's written values stand for, by the range the ontology gives the property.

Kept apart from the parsing of records (graph.sources) because the extractor's
drafts and the tests make literals the same way.
"""
from __future__ import annotations

import datetime as dt
import re

from rdflib import Literal
from rdflib.namespace import XSD

from graph.ontology import BOOLEAN_RANGES, CODE_RANGES, DATE_RANGE, INTEGER_RANGES, STRING_RANGES, TEXT_RANGES, Property
from graph.yamlfile import Mapping

_LANG_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")
_YEAR_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\Z")
_YEAR = re.compile(r"\d{4}\Z")
_CODE_EXAMPLES = dict(zip(CODE_RANGES, ("36.03", "371600", "ID-BT")))


def literal_values(prop: Property, value, language: str) -> list[Literal]:
    """The literals a written value stands for, given the property's range."""
    rng = prop.range
    if rng == DATE_RANGE:
        return [date_literal(value)]
    if rng in TEXT_RANGES:
        if isinstance(value, str):
            return [Literal(clean_text(value), lang=language)]
        if isinstance(value, Mapping):
            return [Literal(clean_text(text), lang=lang) for lang, text in language_map(value).items()]
        raise ValueError(f"expected text or a map by language, not {value!r}")
    if rng in STRING_RANGES:
        if not isinstance(value, str):
            raise ValueError(f"expected text, not {value!r}")
        return [Literal(clean_text(value), datatype=XSD.string)]
    if rng in INTEGER_RANGES:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"expected a whole number, not {value!r}")
        if rng == XSD.nonNegativeInteger and value < 0:
            raise ValueError(f"expected a number of zero or more, not {value!r}")
        return [Literal(value, datatype=rng)]
    if rng in BOOLEAN_RANGES:
        if not isinstance(value, bool):
            raise ValueError(f"expected true or false, not {value!r}")
        return [Literal(value)]
    if rng in CODE_RANGES:
        if not isinstance(value, str) or not CODE_RANGES[rng].match(value):
            raise ValueError(f"expected a code such as {_CODE_EXAMPLES[rng]!r} (in quotes), not {value!r}")
        return [Literal(value, datatype=rng)]
    raise ValueError(f"values of range {rng} cannot be written in a source file")


def date_literal(value) -> Literal:
    """2025-09-05 (a date), 2025-09 (a month) or 2025 (a year)."""
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date without a time, not {value!r}")
    if isinstance(value, dt.date):
        return Literal(value)  # xsd:date, its text the ISO date: half the time of parsing that text back
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return Literal(str(value), datatype=XSD.gYear)
    if isinstance(value, str):
        if _YEAR.match(value):
            return Literal(value, datatype=XSD.gYear)
        if _YEAR_MONTH.match(value):
            return Literal(value, datatype=XSD.gYearMonth)
        try:
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            pass
    raise ValueError(f"expected a date such as 2025-09-05, 2025-09 or 2025, not {value!r}")


def language_map(value: Mapping) -> dict[str, str]:
    result = {}
    for lang, text in value.items():
        if not _LANG_TAG.match(lang):
            raise ValueError(f"{lang!r} is not a language tag such as id or en")
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"the {lang} text must be non-empty text")
        result[lang] = text
    return result


def clean_text(text: str) -> str:
    """Fold white space (YAML block scalars keep line breaks) and refuse what no text holds."""
    folded = " ".join(text.split())
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in folded):
        raise ValueError("contains a lone surrogate, which is not a character")
    return folded

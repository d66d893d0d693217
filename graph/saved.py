"""Saved queries (queries/*.rq), their parameters, and the values a query is asked with (``--bind``).

A saved query's first comment lines say what it answers. Its parameters are
its ``VALUES ?name { value }`` lines, each one variable and one value, the
value it answers about when not asked otherwise (``UNDEF``: anything), with an
optional ``# e.g. VALUE`` after it for ``kg query --list`` to show.
``--bind name=VALUE`` writes VALUE into that line, wherever it is: inside a
subquery too, which Oxigraph's own substitution cannot reach (it binds only
variables the query selects). Any other ``--bind`` names a selected variable,
and Oxigraph runs the query as if it had that value. A parameter called
``lang`` takes the label language (``kg --lang``) unless bound.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.namespaces import PREFIXES
from graph.sparql import blanked

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
_VALUES = re.compile(r"(?<![\w?$])VALUES\s+[?$](\w+)\s*\{([^{}]*)\}", re.IGNORECASE)
_ONE_VALUE = re.compile(r'UNDEF|<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"(?:@[\w-]+|\^\^\S+)?|[+-]?\d+|[\w.-]*:[\w.-]*')
_DATE_VALUE = re.compile(r'"(\d{4}-\d\d-\d\d)"\^\^xsd:date')
_EXAMPLE = re.compile(r"#\s*e\.g\.\s*(\S+)")
_BIND = re.compile(r"([A-Za-z_]\w*)=(.*)", re.S)
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Parameter:
    name: str
    default: str  # as written in the query ("UNDEF": anything), a date as written on the command line
    example: str  # a value to show in --list


@dataclass(frozen=True)
class SavedQuery:
    name: str
    question: str
    text: str

    @property
    def parameters(self) -> list[Parameter]:
        return parameters(self.text)

    def example(self) -> str:
        """A command that asks this query about its example values."""
        binds = "".join(f" --bind {p.name}={p.example}" for p in self.parameters if p.name != "lang")
        return f"kg query {self.name}{binds}"


def saved_queries(folder: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    result = {}
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            header.append(line.lstrip("#").strip())
        result[path.stem] = SavedQuery(path.stem, " ".join(h for h in header if h), text)
    return result


def parameters(text: str) -> list[Parameter]:
    """The query's parameters, in the order they are written (each name once)."""
    found: dict[str, Parameter] = {}
    masked = blanked(text)
    for match in _VALUES.finditer(masked):
        default = text[match.start(2):match.end(2)].strip()
        if not _ONE_VALUE.fullmatch(default):  # a table of values, not a parameter
            continue
        line_end = text.find("\n", match.end())
        example = _EXAMPLE.search(text[match.end(): line_end if line_end >= 0 else len(text)])
        bare_date = _DATE_VALUE.fullmatch(default)  # a date is written on the command line without quotes
        default = bare_date.group(1) if bare_date else default
        found.setdefault(match.group(1), Parameter(match.group(1), default, example.group(1) if example else default))
    return list(found.values())


def bind(text: str, bindings: tuple[str, ...], lang: str | None = None) -> tuple[str, dict]:
    """The query with its parameters set, and the Oxigraph substitutions for the other bindings.

    ``["where=id:dprd-banten"]``: the value is <IRI>, prefix:name, "text", "text"@lang, a date
    (2025-06-01) or an integer.
    """
    masked = blanked(text)
    given = {}
    for binding in bindings:
        match = _BIND.fullmatch(binding.strip())
        if not match:
            raise QueryError(f"--bind {binding!r}: write NAME=VALUE, e.g. --bind where=id:dprd-banten")
        given[match.group(1)] = (term(match.group(2).strip(), binding), binding)
    names = {p.name for p in parameters(text)}
    if lang and "lang" in names and "lang" not in given:
        given["lang"] = (ox.Literal(lang), "lang")
    substitutions = {}
    for name, (value, binding) in given.items():
        if name in names:
            text = _set_values(text, name, str(value))
        elif re.search(rf"[?$]{name}(?!\w)", masked):
            substitutions[ox.Variable(name)] = value
        else:
            raise QueryError(f"--bind {name}=…: the query has no variable ?{name}")
    return text, substitutions


def _set_values(text: str, name: str, value: str) -> str:
    """``VALUES ?name { … }`` lines of the query with ``value`` in them instead."""
    pieces, at = [], 0
    for match in _VALUES.finditer(blanked(text)):
        if match.group(1) == name:
            pieces += [text[at:match.start(2)], f" {value} "]
            at = match.end(2)
    return "".join(pieces) + text[at:]


def term(value: str, binding: str = ""):
    """A value written on the command line as the RDF term it names."""
    binding = binding or value
    if re.fullmatch(r"<[^<>\"{}|^`\\\s]+>", value):
        return ox.NamedNode(value[1:-1])
    quoted = re.fullmatch(r'"([^"\\]*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?', value)
    if quoted:
        return ox.Literal(quoted.group(1), language=quoted.group(2))
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"--bind {binding!r}: {value} is not a date") from None
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "date"))
    if re.fullmatch(r"[+-]?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode(_XSD + "integer"))
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIXES and re.fullmatch(r"[\w.-]*", local):
        return ox.NamedNode(PREFIXES[prefix] + local)
    raise QueryError(f"--bind {binding!r}: the value must be <IRI>, a prefixed name such as id:dprd-banten, "
                     f"\"text\", a date such as 2025-06-01, or a number")

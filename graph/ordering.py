"""ORDER BY done in Python, as Oxigraph would do it, for the queries where that is sure to give its order.

Oxigraph sorts slowly: each comparison of two IRIs or long strings reads both
from the store, so ORDER BY over 20,000 rows takes seconds. A query that ends
in ORDER BY of plain variables therefore runs without it and its rows are
sorted here, by the same rules (SPARQL's order: unbound, IRIs by their text,
then literals), whenever every sort column holds IRIs or one kind of literal
whose order Python knows; otherwise the engine sorts as written.
"""
from __future__ import annotations

import re
from datetime import date

import pyoxigraph as ox

from graph.sparql import FORM, blanked

_ORDER_BY = re.compile(r"(?<![?$:\w])ORDER\s+BY(?![\w:])", re.IGNORECASE)
_ORDER_CONDITION = re.compile(r"\s*(?:(ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+))", re.IGNORECASE)


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """A SELECT query whose last clause is ORDER BY of plain variables, as (the query without it, [(variable, descending)]).

    None when the query sorts by expressions, has LIMIT, OFFSET or VALUES after its
    ORDER BY, or is not a SELECT: then the engine must sort it.

    >>> split_order("SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?a DESC(?b)")
    ('SELECT ?a ?b WHERE { ?a ?p ?b } ', [('a', False), ('b', True)])
    >>> split_order("SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 3") is None
    True
    """
    masked = blanked(text)
    form = FORM.search(masked)
    if not form or form.group(1).upper() != "SELECT":
        return None
    end = masked.rfind("}")
    order = _ORDER_BY.search(masked, end + 1)
    if order is None:
        return None
    keys, at = [], order.end()
    while match := _ORDER_CONDITION.match(masked, at):
        keys.append((match.group(2) or match.group(3), (match.group(1) or "").upper() == "DESC"))
        at = match.end()
    if not keys or masked[at:].strip():
        return None
    return text[: order.start()] + text[at:], keys


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _sort_key(terms: list) -> object | None:
    """A key that orders these terms (one column) as Oxigraph's ORDER BY does, or None if not sure how."""
    kinds = {type(t) for t in terms if t is not None}
    if not kinds:
        return lambda t: 0
    if kinds == {ox.NamedNode}:
        return lambda t: (0, "") if t is None else (1, t.value)
    if kinds != {ox.Literal} or any(t is not None and t.language for t in terms):
        return None
    datatypes = {t.datatype.value for t in terms if t is not None}
    if datatypes == {_XSD + "string"}:
        return lambda t: (0, "") if t is None else (1, t.value)
    if datatypes == {_XSD + "integer"} and all(t is None or re.fullmatch(r"[+-]?\d+", t.value) for t in terms):
        return lambda t: (0, 0) if t is None else (1, int(t.value))
    if datatypes == {_XSD + "date"} and all(t is None or _valid_date(t.value) for t in terms):
        return lambda t: (0, "") if t is None else (1, t.value)
    return None


def _valid_date(text: str) -> bool:
    """A date whose text sorts as its value: four-digit year, no time zone."""
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def sort_rows(variables: list[str], rows: list[list], keys: list[tuple[str, bool]]) -> list[list] | None:
    """The rows sorted by these (variable, descending) keys, as the engine would, or None if it must sort them."""
    if any(name not in variables for name, _ in keys):
        return None
    columns = [(variables.index(name), descending) for name, descending in keys]
    key_functions = [_sort_key([row[index] for row in rows]) for index, _ in columns]
    if any(key is None for key in key_functions):
        return None
    if len({descending for _, descending in columns}) == 1:  # one pass with a composite key
        pairs = [(index, key) for (index, _), key in zip(columns, key_functions)]
        return sorted(rows, key=lambda row: tuple(key(row[index]) for index, key in pairs), reverse=columns[0][1])
    rows = list(rows)
    for (index, descending), key in reversed(list(zip(columns, key_functions))):  # stable: last key first
        rows.sort(key=lambda row: key(row[index]), reverse=descending)
    return rows

"""kg query's answers, written in the format asked for.

A SELECT or ASK answer is a table for people, or SPARQL 1.1 Query Results in
JSON, XML, CSV or TSV; a CONSTRUCT or DESCRIBE answer is a graph, in Turtle,
N-Triples, N-Quads or JSON-LD. The standard formats are written by
pyoxigraph's own serialisers: the rows (sorted in Python where they can be, see graph/ordering.py) go to
them as SPARQL TSV, which writes every term whole, and come back as their
query results. With labels, each column holding IRIs gets a ``<name>_label``
column beside it, holding the label literal (with its language tag).

A table shows each IRI as ``Label (prefix:name)``. Printed to a pipe or a file
it is plain text with aligned columns; printed to a terminal narrower than that,
rich lays it out to the terminal's width, folding long cells.
"""
from __future__ import annotations

import io
import json
import re

import pyoxigraph as ox

from graph.namespaces import PREFIXES

RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}
TABLE = "table"
CELLS = "cells"  # a table's cells as JSON, kept so that a table can be laid out again for a narrower terminal
# rich lays out 2,000 rows in 4-8 s here: a longer answer than this is printed as it is (`less -S` pages it).
FIT_ROWS = 200
FORMATS = (TABLE, *RESULT_FORMATS, *GRAPH_FORMATS)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_PREFIXES_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda p: -len(p[1]))
_LOCAL_NAME = re.compile(r"[\w.-]*")
# Characters that would let article text move the cursor, recolour or reorder a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def formatted(answer, fmt: str, labels) -> bytes:
    """An answer (``query._answer``: a boolean, a list of triples, or (variables, rows)) written as ``fmt``.

    ``labels(iris)`` gives {IRI: label literal} for the IRIs to label, or is None for no labels.
    """
    if isinstance(answer, bool):
        if fmt in (TABLE, CELLS):
            return b"yes\n" if answer else b"no\n"
        results = ox.parse_query_results(json.dumps({"head": {}, "boolean": answer}), format=ox.QueryResultsFormat.JSON)
        return _ended(results.serialize(format=RESULT_FORMATS[fmt]))
    if isinstance(answer, list):
        return ox.serialize(answer, format=GRAPH_FORMATS[fmt], prefixes=PREFIXES)
    variables, rows = answer
    found = labels(_iris(rows)) if labels is not None else {}
    if fmt == TABLE:
        return plain_table(table_cells(variables, rows, found))
    if fmt == CELLS:
        return json.dumps(table_cells(variables, rows, found), ensure_ascii=False).encode("utf-8")
    if labels is not None:
        variables, rows = _with_labels(variables, rows, found)
    tsv = "\n".join(["\t".join(f"?{name}" for name in variables),
                     *("\t".join("" if term is None else str(term) for term in row) for row in rows)]) + "\n"
    results = ox.parse_query_results(tsv.encode("utf-8"), format=ox.QueryResultsFormat.TSV)
    return _ended(results.serialize(format=RESULT_FORMATS[fmt]))


def _ended(data: bytes) -> bytes:
    return data if data.endswith(b"\n") else data + b"\n"


def _iris(rows) -> set[str]:
    return {term.value for row in rows for term in row if isinstance(term, ox.NamedNode)}


def _with_labels(variables: list[str], rows: list[list], labels: dict) -> tuple[list[str], list[list]]:
    """A ``<name>_label`` column after each column that holds a labelled IRI."""
    taken = set(variables)
    labelled = {i for i, name in enumerate(variables)
                if f"{name}_label" not in taken and any(isinstance(row[i], ox.NamedNode) and row[i].value in labels
                                                        for row in rows)}
    if not labelled:
        return variables, rows
    names = []
    for i, name in enumerate(variables):
        names += [name, f"{name}_label"] if i in labelled else [name]

    def widened(row):
        cells = []
        for i, term in enumerate(row):
            cells.append(term)
            if i in labelled:
                cells.append(labels.get(term.value) if isinstance(term, ox.NamedNode) else None)
        return cells

    return names, [widened(row) for row in rows]


def shorten(iri: str) -> str:
    for prefix, namespace in _PREFIXES_LONGEST_FIRST:
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def table_cells(variables: list[str], rows: list[list], labels: dict) -> dict:
    """The text of each cell: ``Label (prefix:name)`` for a labelled IRI, ``text@lang`` for a tagged literal."""
    shortened: dict[str, str] = {}

    def cell(term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            iri = term.value
            if iri not in shortened:
                shortened[iri] = f"{labels[iri].value} ({shorten(iri)})" if iri in labels else shorten(iri)
            return shortened[iri]
        if isinstance(term, ox.Literal) and term.language:
            return f"{term.value}@{term.language}"
        return term.value

    return {"vars": variables, "rows": [[_escape(cell(term)) for term in row] for row in rows]}


def _escape(text: str) -> str:
    """Make control characters visible instead of letting them act on the terminal."""
    if text.isprintable():  # every character _CONTROL matches is unprintable
        return text
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _count(rows) -> str:
    return f"({len(rows)} row{'s' if len(rows) != 1 else ''})"


def plain_table(cells: dict) -> bytes:
    variables, rows = cells["vars"], cells["rows"]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return ("\n".join([line, rule, *body, _count(rows)]) + "\n").encode("utf-8")


def table_width(table: bytes) -> int:
    """How wide a plain table is: its rule line (the second) is as wide as its widest row."""
    lines = table.split(b"\n", 2)
    return len(lines[1].decode("utf-8")) if len(lines) > 2 else 0


def fitted_table(cells: bytes, width: int) -> bytes:
    """A table laid out by rich to ``width`` columns, long cells folded; plain text, no colour or markup.

    A table of more than FIT_ROWS rows is left as it is.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    found = json.loads(cells)
    if len(found["rows"]) > FIT_ROWS:
        return plain_table(found)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="", expand=False)
    for name in found["vars"]:
        table.add_column(Text(name), overflow="fold")
    for row in found["rows"]:
        table.add_row(*(Text(cell) for cell in row))  # Text: article text is never read as rich markup
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False,
                      markup=False, emoji=False, legacy_windows=False)
    console.print(table)
    console.print(Text(_count(found["rows"])))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).encode("utf-8") + b"\n"

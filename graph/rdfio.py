"""The one reader of RDF files that users hand us (kg diff).

Only Turtle, TriG, N-Triples and N-Quads are accepted, chosen by extension:
no RDF/XML (whose parsers can be made to hang) and no JSON-LD (whose contexts
can make a parser fetch URLs). Parsing is strict (pyoxigraph) and errors name
the file, line and column.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.errors import RDFSyntaxError

FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}


def read_quads(path: Path) -> list[ox.Quad]:
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise RDFSyntaxError(f"not a Turtle, TriG, N-Triples or N-Quads file (by its extension: "
                             f"{', '.join(FORMATS)})", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RDFSyntaxError(f"cannot read: {exc.strerror}", path) from None
    try:
        return list(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        message = str(exc).split(": ", 1)[-1]
        raise RDFSyntaxError(message, path, exc.lineno, exc.offset) from None

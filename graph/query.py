"""Run SPARQL queries on the built graph, safely, and format the answers.

Queries run on the embedded pyoxigraph store in out/ with the default graph as
the union of every source's named graph. They never reach the network or the
file system: SERVICE, FROM / FROM NAMED and updates are refused before the
engine sees the query (GRAPH g:<source> reads one source's facts).
Each query runs in a child process that is killed at the time limit.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.iris import PREFIXES
from graph.store import open_store, store_path

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
FORMATS = ("table", "csv", "tsv", "json")
PREFIX_MAP = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

# Strings, IRIs and comments are masked before looking for keywords, so that
# a literal "SERVICE" or a variable ?service is not mistaken for the keyword.
_MASK = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![?$:\w])SERVICE(?![\w:])", re.IGNORECASE)
_FROM = re.compile(r"(?<![?$:\w])FROM(?![\w:])", re.IGNORECASE)
_UPDATE = re.compile(r"(?<![?$:\w])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:])", re.IGNORECASE)
_FORM = re.compile(r"(?<![?$:\w])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
# Characters that would let article text move the cursor, recolour or reorder a terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class SavedQuery:
    name: str
    question: str
    text: str


def saved_queries(folder: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    result = {}
    for path in sorted(Path(folder).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
        result[path.stem] = SavedQuery(path.stem, " ".join(h for h in header if h), text)
    return result


def resolve(query: str | None, expression: str | None) -> str:
    """The query's text, from -e, a file, or a saved query's name."""
    if expression is not None:
        return expression
    if query is None:
        raise QueryError("give a saved query's name, a .rq file, or -e 'SELECT …' (kg query --list shows the saved ones)")
    path = Path(query)
    if path.suffix == ".rq" or path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read: {exc}") from None
    saved = saved_queries()
    if query not in saved:
        raise QueryError(f"no saved query {query!r}; known: {', '.join(saved)}")
    return saved[query].text


def check_safe(text: str) -> None:
    masked = _MASK.sub(lambda m: " " * len(m.group()) if not m.group().startswith("#") else "", text)
    if _SERVICE.search(masked):
        raise QueryError("SERVICE is refused: queries never leave this machine")
    if _FROM.search(masked):
        raise QueryError("FROM is refused: nothing is loaded from elsewhere; use GRAPH g:<source> to read one source's facts")
    update = _UPDATE.search(masked)
    if update and not _FORM.search(masked[: update.start()]):
        raise QueryError(f"{update.group(1).upper()} is refused: kg query only reads the graph")


def run(text: str, out: Path, fmt: str = "table", timeout: float = 30.0) -> str:
    """Run a query in a child process, killed after ``timeout`` seconds; return the formatted answer."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    check_safe(text)
    store_path(out)  # says "run kg build" before anything is forked
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(text, str(out), fmt, sender), daemon=True)
    child.start()
    sender.close()
    if not receiver.poll(timeout):
        child.kill()
        child.join()
        raise QueryError(f"the query ran longer than {timeout:g} s and was stopped (raise --timeout to allow more)")
    try:
        ok, payload = receiver.recv()
    except EOFError:
        child.join()
        raise QueryError(f"the query process died (exit {child.exitcode})") from None
    child.join()
    if not ok:
        raise QueryError(payload)
    return payload


def _child(text, out, fmt, sender) -> None:
    try:
        sender.send((True, execute(text, Path(out), fmt)))
    except QueryError as exc:
        sender.send((False, str(exc)))
    except Exception as exc:  # anything else the engine raises, as one line
        sender.send((False, f"query failed: {exc}"))


def execute(text: str, out: Path, fmt: str) -> str:
    store = open_store(out)
    try:
        results = store.query(text, prefixes=PREFIX_MAP, use_default_graph_as_union=True)
    except SyntaxError as exc:
        found = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.S)
        where = f" at line {found.group(1)}, column {found.group(2)}" if found else ""
        raise QueryError(f"syntax error{where}: {found.group(3) if found else exc}") from None
    if isinstance(results, ox.QueryBoolean):
        results = bool(results)
        return {"json": json.dumps({"head": {}, "boolean": results}) + "\n", "table": f"{'yes' if results else 'no'}\n"}.get(
            fmt, f"{'true' if results else 'false'}\n")
    if isinstance(results, ox.QueryTriples):
        return _turtle(results)
    variables = [v.value for v in results.variables]
    rows = [[solution[v] for v in variables] for solution in results]
    if fmt == "json":
        return json.dumps(_json_results(variables, rows), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        return _delimited(variables, rows, fmt)
    return _table(variables, rows, _labels(store, rows))


def _turtle(triples) -> str:
    from rdflib import Graph

    from graph.network import to_rdflib

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in triples:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph.serialize(format="turtle")


def _json_results(variables, rows) -> dict:
    bindings = []
    for row in rows:
        binding = {}
        for name, term in zip(variables, row):
            if term is None:
                continue
            if isinstance(term, ox.NamedNode):
                binding[name] = {"type": "uri", "value": term.value}
            elif isinstance(term, ox.BlankNode):
                binding[name] = {"type": "bnode", "value": term.value}
            else:
                value = {"type": "literal", "value": term.value}
                if term.language:
                    value["xml:lang"] = term.language
                elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                    value["datatype"] = term.datatype.value
                binding[name] = value
        bindings.append(binding)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def _plain(term) -> str:
    return "" if term is None else term.value


def _delimited(variables, rows, fmt) -> str:
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_plain(t) for t in row] for row in rows)
        return buffer.getvalue()
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_escape(_plain(t)).replace("\t", "\\t") for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def _labels(store, rows) -> dict[str, str]:
    """Labels (English where there is one) of the IRIs in the answer."""
    iris = {t.value for row in rows for t in row if isinstance(t, ox.NamedNode)}
    labels = {}
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for iri in iris:
        found = {q.object.language: q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), label, None)}
        if found:
            labels[iri] = found.get("en") or found.get("id") or sorted(found.values())[0]
    return labels


def shorten(iri: str) -> str:
    for prefix, namespace in sorted(PREFIX_MAP.items(), key=lambda p: -len(p[1])):
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]*", iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _cell(term, labels) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        short = shorten(term.value)
        return f"{labels[term.value]} ({short})" if term.value in labels else short
    if isinstance(term, ox.Literal) and term.language:
        return f"{term.value}@{term.language}"
    return term.value


def _escape(text: str) -> str:
    """Make control characters visible instead of letting them act on the terminal."""
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _table(variables, rows, labels) -> str:
    cells = [[_escape(_cell(t, labels)) for t in row] for row in rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join([line, rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]) + "\n"

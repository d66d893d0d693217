"""Run SPARQL queries on the built graph, safely, and format the answers.

Queries run on the embedded pyoxigraph store in out/, whose default graph
holds every statement once (graph/store.py). They never reach the network or the
file system: SERVICE, FROM / FROM NAMED and updates are refused before the
engine sees the query, by graph/guard.py (GRAPH g:<source> reads one source's facts).
Each query runs in a child process that is killed at the time limit or past its memory limit.

A store never changes once built (a build makes a new one), so an answer is
kept beside it, in out/.answers/<store>/, keyed by the query, its options and
this code, and the same question asked again is answered from there. After a
build, a process of its own answers the saved queries ahead of time (``warm``).

Oxigraph sorts slowly, so a query that ends in ORDER BY of plain variables may
run without it and have its rows sorted in Python (graph/ordering.py).
"""
from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from graph import answers, portable
from graph.errors import QueryError
from graph.guard import MEMORY_EXIT, check_limits, check_parsed, guarded, limit_memory
from graph.labels import every_label, labels_of, lookup
from graph.namespaces import PREFIXES, graph_iri
from graph.ordering import sort_rows, split_order
from graph.saved import bind, saved_queries
from graph.sparql import declared_prefixes, form, prefixed_names
from graph.store import ANSWERS, is_current, open_store, store_path

PREFIX_MAP = dict(PREFIXES)
DEFAULT_LANG = "en"
MEMORY_MIB = 1024  # how much memory a query's process may use unless told otherwise (kg query --memory)


def resolve(query: str | None, expression: str | None, stdin=None) -> str:
    """The query's text, from -e, standard input (``-``), a file, or a saved query's name."""
    if expression is not None:
        return expression
    if query is None:
        raise QueryError("give a saved query's name, a .rq file, - (standard input) or -e 'SELECT …' "
                         "(kg query --list shows the saved ones)")
    if query == "-":
        return (stdin or sys.stdin).read()
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


def answer_format(text: str, fmt: str | None) -> str:
    """The format to answer in: ``fmt`` if it suits the query's form, else an error; by default, a table or Turtle."""
    graph_form = form(text) in ("CONSTRUCT", "DESCRIBE")
    if fmt is None:
        return "turtle" if graph_form else answers.TABLE
    if fmt not in answers.FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(answers.FORMATS)}")
    if graph_form and fmt not in answers.GRAPH_FORMATS:
        raise QueryError(f"--format {fmt} is for SELECT and ASK answers; a {form(text)} answer is a graph: "
                         f"use --format {', '.join(answers.GRAPH_FORMATS)}")
    if not graph_form and fmt in answers.GRAPH_FORMATS:
        raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE answers; for SELECT and ASK use "
                         f"--format {', '.join(f for f in answers.FORMATS if f not in answers.GRAPH_FORMATS)}")
    return fmt


def run(text: str, out: Path, fmt: str | None = None, timeout: float = 30.0, limit: int | None = None,
        bindings: tuple[str, ...] = (), labels: bool | None = None, lang: str = DEFAULT_LANG,
        width: int | None = None, memory: int | None = MEMORY_MIB) -> bytes:
    """Run a query in a child process, killed after ``timeout`` seconds or past ``memory`` MiB; return the formatted answer, UTF-8.

    ``limit`` keeps the first rows of a SELECT answer (after sorting); ``bindings``
    (``["where=id:dprd-banten"]``) set the query's parameters or selected variables
    (graph/saved.py); ``labels`` (by default, for tables only) adds each IRI's label
    in ``lang``; ``width``, for a terminal, lays out a table wider than that to fit.
    """
    check_limits(timeout, memory)
    text = guarded(text)  # the parsed check runs in the child, under its limits
    fmt = answer_format(text, fmt)
    check_prefixes(text)
    text, substitutions = bind(text, bindings, lang)
    labels = fmt == answers.TABLE if labels is None else labels
    store = store_path(out)  # says "run kg build" if need be; a build that swaps it meanwhile changes nothing here
    views = [fmt, answers.CELLS] if fmt == answers.TABLE and width else [fmt]
    kept = {view: _kept_path(store, text, view, limit, substitutions, labels, lang) for view in views}
    found = {view: answer for view, path in kept.items() if (answer := _read_kept(path)) is not None}
    if fmt == answers.TABLE and width and fmt in found and answers.table_width(found[fmt]) <= width:
        return found[fmt]  # it fits: its cells are not needed
    missing = [view for view in views if view not in found]
    if missing:
        made = _in_child(text, store, missing, limit, substitutions, labels, lang, timeout, memory)
        for view, answer in made.items():
            _keep(kept[view], answer)
        found.update(made)
    if fmt == answers.TABLE and width and answers.table_width(found[fmt]) > width:
        return answers.fitted_table(found[answers.CELLS], width)
    return found[fmt]


def _in_child(text, store, views, limit, substitutions, labels, lang, timeout, memory) -> dict[str, bytes]:
    context = portable.processes()
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(text, store, views, limit, substitutions, labels, lang, memory, sender),
                            daemon=True)
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
        if memory is not None and (child.exitcode == MEMORY_EXIT or child.exitcode < 0):
            raise QueryError(f"the query needed more than {memory} MiB of memory and was stopped "
                             "(raise --memory to allow more)") from None
        raise QueryError(f"the query process died (exit {child.exitcode})") from None
    child.join()
    if not ok:
        raise QueryError(payload)
    return payload


KEPT_ANSWERS = 64  # per store; the least recently asked go first
KEPT_BYTES = 256 * 2**20
# the modules that decide what a query is answered (or refused: the parsed check runs only when no answer is kept)
ANSWER_CODE = ("query.py", "answers.py", "guard.py", "labels.py", "namespaces.py", "ordering.py", "saved.py", "sparql.py")


@functools.cache
def _code_digest():
    """A hash of the code that makes and writes answers, and of the engine's version."""
    here = Path(__file__)
    code = b"".join(here.with_name(name).read_bytes() for name in ANSWER_CODE)
    return hashlib.sha256(code + ox.__version__.encode())


def _kept_path(store: Path, text: str, fmt: str, limit: int | None, substitutions: dict, labels: bool, lang: str) -> Path:
    """Where the answer to this question, on this store, is kept: a hash of everything the answer depends on."""
    digest = _code_digest().copy()
    for part in (text, fmt, repr(limit), repr(labels), lang, *sorted(f"{k} {v}" for k, v in substitutions.items())):
        digest.update(b"\0" + part.encode())
    return store.parent / ANSWERS / store.name / digest.hexdigest()[:32]


def _read_kept(path: Path) -> bytes | None:
    try:
        answer = path.read_bytes()
        os.utime(path)  # recently asked: kept longest
    except OSError:
        return None
    return answer


def _keep(path: Path, answer: bytes) -> None:
    """Keep an answer for the next asking; a folder we cannot write to (a shared out/) only means it is not kept."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(answer)
            file.flush()
            os.fsync(file.fileno())  # never a torn answer after a crash
        os.replace(temporary, path)
        kept = sorted(((entry.stat().st_mtime_ns, entry.stat().st_size, entry.path) for entry in os.scandir(path.parent)
                       if not entry.name.startswith(".")), reverse=True)
        total = 0
        for count, (_, size, older) in enumerate(kept):
            total += size
            if count >= KEPT_ANSWERS or total > KEPT_BYTES:
                os.unlink(older)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


# What kg query prints (a table, and its cells for a narrower terminal), and what programs read.
WARM_FORMATS = (answers.TABLE, answers.CELLS, "json")


def warm(out: Path, formats: tuple[str, ...] = WARM_FORMATS, processes: int = 2, lang: str = DEFAULT_LANG) -> int:
    """Answer every saved query on out/'s current store and keep the answers; return how many were kept.

    `kg build` starts this in a process of its own, at the lowest CPU priority,
    once its outputs are in place, so that a saved query asked afterwards is
    read rather than run. The queries are shared among ``processes``. It stops
    as soon as out/store is another store: the newer build's own warming takes
    over (one at a time, by a lock).
    """
    portable.lowest_priority()
    store = store_path(out)
    (store.parent / ANSWERS).mkdir(exist_ok=True)
    ontology_terms(out)  # what kg query checks its kg: terms against, read once for every query
    with portable.exclusive(store.parent / ANSWERS / ".warming"):
        work = functools.partial(_warm_one, out, store, formats, lang)
        texts = [saved.text for saved in saved_queries().values()]
        if processes > 1:
            with portable.processes().Pool(processes) as pool:
                return sum(pool.imap_unordered(work, texts))
        try:
            return sum(map(work, texts))
        finally:
            _warming_store.cache_clear()
            _warming_labels.cache_clear()


@functools.cache
def _warming_store(store: Path) -> ox.Store:
    """The store, opened once by each process that warms."""
    return ox.Store.read_only(str(store))


@functools.cache
def _warming_labels(store: Path, lang: str) -> dict[str, ox.Literal]:
    """Every label in the store, read once by each process that warms: it serves every table."""
    return every_label(_warming_store(store), lang)


def _warm_one(out: Path, store: Path, formats: tuple[str, ...], lang: str, text: str) -> int:
    """Keep the answers to one query, as kg query would ask it, in each format not kept yet; return how many were kept."""
    text, _ = bind(text, (), lang)
    if form(text) in ("CONSTRUCT", "DESCRIBE"):
        formats = (answer_format(text, None),)
    missing = {fmt: path for fmt in formats
               if not (path := _kept_path(store, text, fmt, None, {}, fmt in (answers.TABLE, answers.CELLS), lang)).exists()}
    if not missing or not is_current(out, store):
        return 0

    def labelled(iris) -> dict[str, ox.Literal]:
        return labels_of(_warming_labels(store, lang), iris)

    try:
        answer = _answer(_warming_store(store), text, None, None)  # once for all its formats
        for fmt, path in missing.items():
            _keep(path, answers.formatted(answer, fmt, labelled if fmt in (answers.TABLE, answers.CELLS) else None))
    except (QueryError, OSError, SyntaxError):
        return 0  # kg query NAME says what is wrong
    return len(missing)


def start_warming(out: Path, lang: str = DEFAULT_LANG) -> None:
    """Start ``warm`` in a process of its own, which nothing waits for."""
    import subprocess

    with contextlib.suppress(OSError):
        subprocess.Popen([sys.executable, "-m", "graph", "query", "--warm", "--lang", lang, "--out", str(out)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)


def _child(text, store, views, limit, substitutions, labels, lang, memory, sender) -> None:
    if memory is not None:
        limit_memory(memory)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # what goes wrong is sent back; the engine's own cries past the memory limit are not for the user
    os.close(null)
    try:
        check_parsed(text)
        sender.send((True, _answers(ox.Store.read_only(str(store)), text, views, limit, substitutions, labels, lang)))
    except QueryError as exc:
        sender.send((False, str(exc)))
    except MemoryError:
        os._exit(MEMORY_EXIT)
    except Exception as exc:  # anything else the engine raises, as one line
        sender.send((False, f"query failed: {exc}"))


def execute(text: str, out: Path | None, fmt: str | None = None, limit: int | None = None,
            substitutions: dict | None = None, store_folder: Path | None = None, labels: bool | None = None,
            lang: str = DEFAULT_LANG) -> str:
    """Run a query on the store in ``out`` (or in ``store_folder``) and format its answer (in this process, without a time limit)."""
    store = ox.Store.read_only(str(store_folder)) if store_folder else open_store(out)
    fmt = answer_format(text, fmt)
    labels = fmt == answers.TABLE if labels is None else labels
    return _answers(store, text, [fmt], limit, substitutions, labels, lang)[fmt].decode("utf-8")


def _answers(store, text: str, views: list[str], limit, substitutions, labels: bool, lang: str) -> dict[str, bytes]:
    """The answer to the query, written in each of ``views``."""
    answer = _answer(store, text, limit, substitutions)
    found = {}

    def looked_up(iris) -> dict[str, ox.Literal]:  # the same IRIs for every view: looked up once
        if "labels" not in found:
            found["labels"] = lookup(store, iris, lang)
        return found["labels"]

    return {view: answers.formatted(answer, view, looked_up if labels else None) for view in views}


def _answer(store, text: str, limit: int | None, substitutions: dict | None):
    """The engine's answer as Python values: a boolean, a list of triples, or (variables, rows) in the query's order."""
    split = split_order(text)
    results = _query(store, split[0] if split else text, substitutions)
    if isinstance(results, ox.QueryBoolean):
        _no_limit(limit)
        return bool(results)
    if isinstance(results, ox.QueryTriples):
        _no_limit(limit)
        return list(results)
    variables = [v.value for v in results.variables]
    if split is None:
        return variables, _rows(results, limit)
    rows = sort_rows(variables, _rows(results), split[1])
    if rows is None:  # not sure how to sort these values as the engine would: let it
        rows = _rows(_query(store, text, substitutions))
    return variables, rows[:limit] if limit is not None else rows


def _query(store, text, substitutions):
    try:
        return store.query(text, prefixes=PREFIX_MAP, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise _syntax_error(str(exc)) from None


_ENGINE_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)


def check_prefixes(text: str) -> None:
    """An undeclared prefix, in one line (the engine reports it as the characters it expected there, or worse)."""
    declared = set(PREFIX_MAP) | declared_prefixes(text)
    for line, column, prefix, _ in prefixed_names(text):
        if prefix not in declared:
            raise QueryError(f"syntax error at line {line}, column {column}: undeclared prefix '{prefix}:'; "
                             f"declare it (PREFIX {prefix}: <…>) or use kg's: " + ", ".join(f"{p}:" for p in PREFIX_MAP))


def _syntax_error(message: str) -> QueryError:
    """The engine's syntax error as one line: where, and what is wrong (not the characters it expected)."""
    found = _ENGINE_ERROR.match(message)
    where = f" at line {found.group(1)}, column {found.group(2)}" if found else ""
    detail = " ".join((found.group(3) if found else message).split())
    if detail.startswith("expected one of") and len(detail) > 100:
        detail = "unexpected text here"
    return QueryError(f"syntax error{where}: {detail}")


def _rows(results, limit: int | None = None) -> list[list]:
    width = len(results.variables)
    rows = []
    for solution in results:
        if limit is not None and len(rows) >= limit:
            break
        rows.append([solution[i] for i in range(width)])
    return rows


def _no_limit(limit) -> None:
    if limit is not None:
        raise QueryError("--limit applies to SELECT answers only")


# ---------------------------------------------------------------------------
# Mistakes the engine does not report: terms the ontology does not define
# ---------------------------------------------------------------------------

_TERMS = ".ontology-terms"  # in out/.answers/<store>/: the kg: terms the ontology defines, read once per store


def warnings(text: str, out: Path) -> list[str]:
    """A line for each kg: term in the query that the ontology does not define, with the nearest one it does.

    Such a term is no error (the graph simply has no such statement), but it is
    almost always a misspelling, and the query silently answers nothing.
    """
    if "kg" in declared_prefixes(text):  # the query means something else by kg:
        return []
    used = {}
    for line, _, prefix, local in prefixed_names(text):
        if prefix == "kg" and local:
            used.setdefault(local, line)
    if not used:
        return []
    defined = ontology_terms(out)
    lines = []
    for local, line in used.items():
        if local in defined:
            continue
        near = [t for t in defined if t.lower() == local.lower()] or difflib.get_close_matches(local, defined, n=1, cutoff=0.7)
        lines.append(f"line {line}: kg:{local} is not in the ontology"
                     + (f"; did you mean kg:{near[0]}?" if near else " (it matches nothing)"))
    return lines


def ontology_terms(out: Path) -> list[str]:
    """The local names of the kg: classes, properties and concepts the built graph's ontology defines."""
    store = store_path(out)
    kept = store.parent / ANSWERS / store.name / _TERMS
    with contextlib.suppress(OSError, ValueError):
        return json.loads(kept.read_bytes())
    namespace = PREFIX_MAP["kg"]
    ontology = ox.NamedNode(graph_iri("ontology"))
    terms = sorted({term.value[len(namespace):] for quad in ox.Store.read_only(str(store)).quads_for_pattern(None, None, None, ontology)
                    for term in (quad.subject, quad.predicate, quad.object)
                    if isinstance(term, ox.NamedNode) and term.value.startswith(namespace)} - {""})
    _keep(kept, json.dumps(terms).encode())
    return terms

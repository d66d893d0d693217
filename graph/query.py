"""Run SPARQL queries on the built graph, safely, and format the answers.

Queries run on the embedded pyoxigraph store in out/ with the default graph as
the union of every source's named graph. They never reach the network or the
file system: SERVICE, FROM / FROM NAMED and updates are refused before the
engine sees the query, by graph/guard.py (GRAPH g:<source> reads one source's facts).
Each query runs in a child process that is killed at the time limit or past its memory limit.

A store never changes once built (a build makes a new one), so an answer is
kept beside it, in out/.answers/<store>/, keyed by the query, its options and
this code, and the same question asked again is answered from there. After a
build, a process of its own answers the saved queries ahead of time (``warm``).

Oxigraph sorts slowly: each comparison of two IRIs or long strings reads both
from the store, so ORDER BY over 20,000 rows takes seconds. A query that ends
in ORDER BY of plain variables therefore runs without it and its rows are
sorted here, by the same rules (SPARQL's order: unbound, IRIs by their text,
then literals), whenever every sort column holds IRIs or one kind of literal
whose order Python knows; otherwise the engine sorts as written.
"""
from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from json.encoder import encode_basestring
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.guard import MASK, MEMORY_EXIT, check_limits, check_parsed, guarded, limit_memory
from graph.namespaces import PREFIXES
from graph.store import ANSWERS, is_current, open_store, store_path

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
FORMATS = ("table", "csv", "tsv", "json")
MEMORY_MIB = 1024  # how much memory a query's process may use unless told otherwise (kg query --memory)
PREFIX_MAP = dict(PREFIXES)

# Strings, IRIs and comments are masked before looking for keywords, so that
# a literal "SELECT" or a variable ?order is not mistaken for the keyword.
_MASK = MASK
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


def _blanked(text: str) -> str:
    """The text with strings, IRIs and comments blanked out, same length, so keywords and braces can be found."""
    return _MASK.sub(lambda m: " " * len(m.group()), text)


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
    masked = _blanked(text)
    form = _FORM.search(masked)
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


_BIND = re.compile(r"([A-Za-z_]\w*)=(.*)", re.S)


def parse_bindings(text: str, bindings: tuple[str, ...]) -> dict:
    """``["where=id:dprd-banten"]`` as Oxigraph substitutions; the value is <IRI>, prefix:name or "text"."""
    masked = _blanked(text)
    substitutions = {}
    for binding in bindings:
        match = _BIND.fullmatch(binding.strip())
        if not match:
            raise QueryError(f"--bind {binding!r}: write NAME=VALUE, e.g. --bind where=id:dprd-banten")
        name, value = match.group(1), match.group(2).strip()
        if not re.search(rf"[?$]{name}(?!\w)", masked):
            raise QueryError(f"--bind {name}=…: the query has no variable ?{name}")
        substitutions[ox.Variable(name)] = _term(value, binding)
    return substitutions


def _term(value: str, binding: str):
    if value.startswith("<") and value.endswith(">") and re.fullmatch(r"<[^<>\"{}|^`\\\s]+>", value):
        return ox.NamedNode(value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return ox.Literal(value[1:-1])
    prefix, colon, local = value.partition(":")
    if colon and prefix in PREFIX_MAP and re.fullmatch(r"[\w.-]*", local):
        return ox.NamedNode(PREFIX_MAP[prefix] + local)
    raise QueryError(f"--bind {binding!r}: the value must be <IRI>, a prefixed name such as id:dprd-banten, or \"text\"")


def run(text: str, out: Path, fmt: str = "table", timeout: float = 30.0, limit: int | None = None,
        bindings: tuple[str, ...] = (), memory: int | None = MEMORY_MIB) -> bytes:
    """Run a query in a child process, killed after ``timeout`` seconds or past ``memory`` MiB; return the
    formatted answer, UTF-8.

    ``limit`` keeps the first rows of a SELECT answer (after sorting); ``bindings``
    (``["where=id:dprd-banten"]``) run the query as if each variable had that value.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    check_limits(timeout, memory)
    text = guarded(text)  # the parsed check runs in the child, under its limits
    substitutions = parse_bindings(text, bindings)
    store = store_path(out)  # says "run kg build" if need be; a build that swaps it meanwhile changes nothing here
    kept = _kept_path(store, text, fmt, limit, substitutions)
    answer = _read_kept(kept)
    if answer is not None:  # asked before, so it passed the guard then (the key hashes this code)
        return answer
    import multiprocessing  # here: a kept answer needs no child

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(text, store, fmt, limit, substitutions, memory, sender),
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
    _keep(kept, payload)
    return payload


KEPT_ANSWERS = 64  # per store; the least recently asked go first
KEPT_BYTES = 256 * 2**20


@functools.cache
def _code_digest():
    """A hash of the code that makes and writes answers, and of the engine's version."""
    code = b"".join(path.read_bytes() for path in (Path(__file__), Path(__file__).with_name("namespaces.py")))
    return hashlib.sha256(code + ox.__version__.encode())


def _kept_path(store: Path, text: str, fmt: str, limit: int | None, substitutions: dict) -> Path:
    """Where the answer to this question, on this store, is kept: a hash of everything the answer depends on."""
    digest = _code_digest().copy()
    for part in (text, fmt, repr(limit), *sorted(f"{k} {v}" for k, v in substitutions.items())):
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


WARM_FORMATS = ("table", "json")  # what kg query prints, and what programs read


def warm(out: Path, formats: tuple[str, ...] = WARM_FORMATS, processes: int = 2) -> int:
    """Answer every saved query on out/'s current store and keep the answers; return how many were kept.

    `kg build` starts this in a process of its own, at the lowest CPU priority,
    once its outputs are in place, so that a saved query asked afterwards is
    read rather than run. The queries are shared among ``processes``. It stops
    as soon as out/store is another store: the newer build's own warming takes
    over (one at a time, by a lock).
    """
    import fcntl

    with contextlib.suppress(OSError):
        os.nice(19)
    store = store_path(out)
    (store.parent / ANSWERS).mkdir(exist_ok=True)
    with open(store.parent / ANSWERS / ".warming", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        work = functools.partial(_warm_one, out, store, formats)
        texts = [saved.text for saved in saved_queries().values()]
        if processes > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(processes) as pool:
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
def _warming_labels(store: Path) -> dict[str, str]:
    """Every label in the store, read once by each process that warms: it serves every table."""
    return _every_label(_warming_store(store))


def _warm_one(out: Path, store: Path, formats: tuple[str, ...], text: str) -> int:
    """Keep the answers to one query in each format not kept yet; return how many were kept."""
    missing = {fmt: path for fmt in formats if not (path := _kept_path(store, text, fmt, None, {})).exists()}
    if not missing or not is_current(out, store):
        return 0

    def labels(rows) -> dict[str, str]:
        return _labels_of(_warming_labels(store), _iris(rows))

    try:
        answer = _answer(_warming_store(store), text, None, None)  # once for all its formats
        for fmt, path in missing.items():
            _keep(path, _formatted(answer, fmt, labels).encode("utf-8"))
    except (QueryError, OSError, SyntaxError):
        return 0  # kg query NAME says what is wrong
    return len(missing)


def start_warming(out: Path) -> None:
    """Start ``warm`` in a process of its own, which nothing waits for."""
    import subprocess
    import sys

    with contextlib.suppress(OSError):
        subprocess.Popen([sys.executable, "-m", "graph", "query", "--warm", "--out", str(out)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)


def _child(text, store, fmt, limit, substitutions, memory, sender) -> None:
    if memory is not None:
        limit_memory(memory)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # what goes wrong is sent back; the engine's own cries past the memory limit are not for the user
    os.close(null)
    try:
        check_parsed(text)
        sender.send((True, execute(text, None, fmt, limit, substitutions, store).encode("utf-8")))
    except QueryError as exc:
        sender.send((False, str(exc)))
    except MemoryError:
        os._exit(MEMORY_EXIT)
    except Exception as exc:  # anything else the engine raises, as one line
        sender.send((False, f"query failed: {exc}"))


def execute(text: str, out: Path | None, fmt: str, limit: int | None = None, substitutions: dict | None = None,
            store_folder: Path | None = None) -> str:
    """Run a query on the store in ``out`` (or in ``store_folder``) and format its answer (in this process, without a time limit)."""
    store = ox.Store.read_only(str(store_folder)) if store_folder else open_store(out)
    return _formatted(_answer(store, text, limit, substitutions), fmt, lambda rows: _labels(store, rows))


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


def _formatted(answer, fmt: str, labels) -> str:
    """An answer printed as ``fmt``; ``labels(rows)`` gives the labels a table shows beside its IRIs."""
    if isinstance(answer, bool):
        return {"json": json.dumps({"head": {}, "boolean": answer}) + "\n", "table": f"{'yes' if answer else 'no'}\n"}.get(
            fmt, f"{'true' if answer else 'false'}\n")
    if isinstance(answer, list):
        return _turtle(answer)
    variables, rows = answer
    if fmt == "json":
        return _json(variables, rows)
    if fmt in ("csv", "tsv"):
        return _delimited(variables, rows, fmt)
    return _table(variables, rows, labels(rows))


def _query(store, text, substitutions):
    try:
        return store.query(text, prefixes=PREFIX_MAP, use_default_graph_as_union=True, substitutions=substitutions or None)
    except SyntaxError as exc:
        found = re.match(r"error at (\d+):(\d+): (.*)", str(exc), re.S)
        where = f" at line {found.group(1)}, column {found.group(2)}" if found else ""
        raise QueryError(f"syntax error{where}: {found.group(3) if found else exc}") from None


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


def _turtle(triples) -> str:
    from rdflib import Graph

    from graph.network import to_rdflib

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for triple in triples:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph.serialize(format="turtle")


def _json(variables, rows) -> str:
    """SPARQL 1.1 JSON results, one solution a line."""
    quote = encode_basestring  # a JSON string, non-ASCII kept as it is
    encoded = {}

    def term_json(term) -> str:
        text = encoded.get(term)
        if text is None:
            if isinstance(term, ox.NamedNode):
                text = f'{{"type": "uri", "value": {quote(term.value)}}}'
            elif isinstance(term, ox.BlankNode):
                text = f'{{"type": "bnode", "value": {quote(term.value)}}}'
            elif term.language:
                text = f'{{"type": "literal", "value": {quote(term.value)}, "xml:lang": {quote(term.language)}}}'
            elif term.datatype.value != _XSD + "string":
                text = f'{{"type": "literal", "value": {quote(term.value)}, "datatype": {quote(term.datatype.value)}}}'
            else:
                text = f'{{"type": "literal", "value": {quote(term.value)}}}'
            encoded[term] = text
        return text

    names = [quote(name) for name in variables]
    lines = ["{" + ", ".join(f"{name}: {term_json(term)}" for name, term in zip(names, row) if term is not None) + "}"
             for row in rows]
    head = json.dumps({"vars": variables}, ensure_ascii=False)
    return f'{{"head": {head}, "results": {{"bindings": [\n' + ",\n".join(lines) + "\n]}}\n"


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


_IRIREF = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _labels(store, rows) -> dict[str, str]:
    """Labels (English where there is one, else Indonesian, else the first) of the IRIs in the answer."""
    iris = _iris(rows)
    if len(iris) > 2000:  # reading every label once is faster than joining this many with them
        return _labels_of(_every_label(store), iris)
    return _looked_up_labels(store, iris)


def _looked_up_labels(store, iris: set[str]) -> dict[str, str]:
    found: dict[str, dict[str, set[str]]] = {}
    plain = sorted(iri for iri in iris if _IRIREF.fullmatch(iri))
    if plain:
        values = " ".join(f"<{iri}>" for iri in plain)
        for subject, label in store.query(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{_LABEL}> ?l }}",
                                          use_default_graph_as_union=True):
            _add_label(found, subject.value, label)
    for iri in iris.difference(plain):  # not writable in a query: looked up directly
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(_LABEL), None):
            _add_label(found, iri, quad.object)
    return _preferred(found)


def _iris(rows) -> set[str]:
    return {t.value for row in rows for t in row if isinstance(t, ox.NamedNode)}


def _every_label(store) -> dict[str, str]:
    """The label ``_labels`` would pick for every IRI in the store that has one."""
    found: dict[str, dict[str, set[str]]] = {}
    for subject, label in store.query(f"SELECT ?s ?l WHERE {{ ?s <{_LABEL}> ?l }}", use_default_graph_as_union=True):
        if isinstance(subject, ox.NamedNode):
            _add_label(found, subject.value, label)
    return _preferred(found)


def _labels_of(every_label: dict[str, str], iris) -> dict[str, str]:
    return {iri: every_label[iri] for iri in iris if iri in every_label}


def _add_label(found: dict, subject: str, label) -> None:
    found.setdefault(subject, {}).setdefault(label.language, set()).add(label.value)


def _preferred(found: dict[str, dict[str, set[str]]]) -> dict[str, str]:
    return {iri: min(by_language.get("en") or by_language.get("id") or min(by_language.values(), key=min))
            for iri, by_language in found.items()}


_PREFIXES_LONGEST_FIRST = sorted(PREFIX_MAP.items(), key=lambda p: -len(p[1]))
_LOCAL_NAME = re.compile(r"[\w.-]*")


def shorten(iri: str) -> str:
    for prefix, namespace in _PREFIXES_LONGEST_FIRST:
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _cell(term, labels, shortened) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        if iri not in shortened:
            shortened[iri] = f"{labels[iri]} ({shorten(iri)})" if iri in labels else shorten(iri)
        return shortened[iri]
    if isinstance(term, ox.Literal) and term.language:
        return f"{term.value}@{term.language}"
    return term.value


def _escape(text: str) -> str:
    """Make control characters visible instead of letting them act on the terminal."""
    if text.isprintable():  # every character _CONTROL matches is unprintable
        return text
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _table(variables, rows, labels) -> str:
    shortened: dict[str, str] = {}
    cells = [[_escape(_cell(t, labels, shortened)) for t in row] for row in rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
    line = "  ".join(v.ljust(w) for v, w in zip(variables, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join([line, rule, *body, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]) + "\n"

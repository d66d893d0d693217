"""What a query may not do: reach the network, load data from elsewhere, change the store, or run unbounded.

`kg query` and `kg serve` let every query through here first. SERVICE, FROM /
FROM NAMED and updates are refused twice over, because a keyword check over
text always has another spelling (a comment ended by a bare CR hid SERVICE
from the first version of this check, while Oxigraph read it):

1. ``guarded``: over the text, with strings, IRIs and comments masked as
   SPARQL's grammar lexes them; fast, and it gives the clear messages. It
   also returns the text the engine is to run, its line ends made LF, so that
   no line end can mean one thing to the check and another to the engine;
2. ``check_parsed``: over the query as rdflib's SPARQL parser reads it (a
   SERVICE pattern or a dataset clause anywhere in the tree). A query rdflib
   cannot parse is refused if the words SERVICE or FROM occur anywhere in it,
   even in a string. rdflib's parser can take seconds on a long query (2.4 s
   for a FILTER of 300 alternatives, 15 s for 3,000), so this check runs in
   the query's own process, under its time and memory limits, just before the
   engine.
"""
from __future__ import annotations

import functools
import re

from graph.errors import QueryError

# SPARQL ends a comment at CR or LF; strings may not hold either unless triple-quoted.
MASK = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
                  r'|<[^<>"{}|^`\\\s]*>|#[^\n\r]*')
_SERVICE = re.compile(r"(?<![?$:\w])SERVICE(?![\w:])", re.IGNORECASE)
_FROM = re.compile(r"(?<![?$:\w])FROM(?![\w:])", re.IGNORECASE)
_UPDATE = re.compile(r"(?<![?$:\w])(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)(?![\w:])", re.IGNORECASE)
_FORM = re.compile(r"(?<![?$:\w])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
_LETTERS = re.compile(r"service|from", re.IGNORECASE)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

SERVICE_REFUSED = "SERVICE is refused: queries never leave this machine"
FROM_REFUSED = "FROM is refused: nothing is loaded from elsewhere; use GRAPH g:<source> to read one source's facts"


class Refused(QueryError):
    """A query that would reach out or write: `kg serve` answers it with 403, not 400."""


def guarded(text: str) -> str:
    """The query to run: ``text`` with its line ends made LF, once it has passed the check over its text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text(text)
    return text


def check_text(text: str) -> None:
    """The fast first check, over the text with strings, IRIs and comments masked."""
    masked = MASK.sub(lambda m: " " * len(m.group()) if not m.group().startswith("#") else " ", text)
    if _SERVICE.search(masked):
        raise Refused(SERVICE_REFUSED)
    if _FROM.search(masked):
        raise Refused(FROM_REFUSED)
    update = _UPDATE.search(masked)
    if update and not _FORM.search(masked[: update.start()]):
        raise Refused(f"{update.group(1).upper()} is refused: queries only read the graph")


@functools.lru_cache(maxsize=256)  # kg serve sees the same few queries again and again
def check_parsed(text: str) -> None:
    """The second check, over the parse tree rdflib makes of the query.

    A query in which the letters of SERVICE and FROM occur nowhere, in any
    case or escape, cannot hold either: it is let through without parsing
    (importing rdflib's parser alone takes 0.15 s).
    """
    if not any(_LETTERS.search(spelling) for spelling in _spellings(text)):
        return
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except Exception:  # pyparsing's errors, or rdflib's own: the engine says what is wrong
        _check_unparsed(text)
        try:
            parseUpdate(text)
        except Exception:
            return
        raise Refused("updates are refused: queries only read the graph") from None
    for node in _nodes(tree):
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise Refused(SERVICE_REFUSED)
            if "datasetClause" in node:
                raise Refused(FROM_REFUSED)


def _spellings(text: str) -> tuple[str, str]:
    """The text as Oxigraph reads it, and with \\u escapes made characters first, as rdflib reads it."""
    return text, _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _check_unparsed(text: str) -> None:
    """A query rdflib cannot read: the words alone decide, wherever they are (in both spellings of escapes)."""
    for spelling in _spellings(text):
        if _SERVICE.search(spelling):
            raise Refused(SERVICE_REFUSED)
        if _FROM.search(spelling):
            raise Refused(FROM_REFUSED)


def _nodes(tree):
    """Every node of a pyparsing/rdflib parse tree, depth first, without recursion (a tree may be deep)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


MAX_TIMEOUT = 86400.0  # seconds: a day; more is a mistake (and past ~1e9 the system's wait overflows)
MEMORY_EXIT = 86  # a query's process that passed its memory limit ends with this code


def check_limits(timeout: float, memory_mib: int | None) -> None:
    """A time limit that is a number of seconds a query may really run, and a memory limit in MiB."""
    if not (isinstance(timeout, (int, float)) and 0 < timeout <= MAX_TIMEOUT):  # False for nan, too
        raise QueryError(f"the time limit must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, not {timeout!r}")
    if memory_mib is not None and not (isinstance(memory_mib, int) and 64 <= memory_mib <= 2**20):
        raise QueryError(f"the memory limit must be between 64 and {2**20} MiB, not {memory_mib!r}")


def limit_memory(memory_mib: int) -> None:
    """Bound this process (a query's child) to ``memory_mib`` MiB more than it holds already.

    Where the system enforces RLIMIT_DATA (Linux) an allocation past it fails at
    once; everywhere the `resource` module exists (Linux, macOS) a thread also
    watches the peak resident size and ends the process with MEMORY_EXIT past
    it. Windows has neither: there the time limit alone bounds a query. (What a
    forked child holds already is its parent's: small for `kg query`, large for
    a test run; the limit counts from there.)
    """
    try:
        import resource
    except ImportError:
        return
    import os
    import sys
    import threading
    import time

    limit = memory_mib * 2**20
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes on macOS, KiB elsewhere
    ceiling = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit + limit  # (a forked child inherits the peak)

    def watch():
        while resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit <= ceiling:
            time.sleep(0.05)
        os._exit(MEMORY_EXIT)

    threading.Thread(target=watch, daemon=True).start()  # before the limit: its stack counts as data
    if sys.platform.startswith("linux") and hasattr(resource, "RLIMIT_DATA"):
        try:
            with open("/proc/self/statm") as statm:  # pages: size resident shared text lib data dirty
                data = int(statm.read().split()[5]) * os.sysconf("SC_PAGE_SIZE")
            _, hard = resource.getrlimit(resource.RLIMIT_DATA)
            wanted = data + limit
            resource.setrlimit(resource.RLIMIT_DATA, (wanted if hard == resource.RLIM_INFINITY else min(wanted, hard), hard))
        except (OSError, ValueError, IndexError):
            pass  # a lower limit set by the system holds

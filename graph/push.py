"""`kg push`: publish each source's named graph to a store that speaks the SPARQL 1.1 Graph Store HTTP Protocol.

Each graph is PUT, replacing the previous version of that graph. The store is
not trusted: the whole push has one deadline (``timeout``), however slowly a
server answers; at most ``MAX_ANSWER`` bytes of each answer are read; whatever
goes wrong with the connection or the HTTP is one line; and any text the
server sends is printed with its control characters made visible.
"""
from __future__ import annotations

import contextlib
import http.client
import re
import socket
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from graph.progress import SILENT, Progress
from graph.errors import GraphError, NotBuilt

MAX_ANSWER = 1 << 16  # bytes of a store's answer read: a PUT's answer is a status line and a few words
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class PushError(GraphError):
    """The store refused, could not be reached, or took too long."""


def graphs_of(out: Path) -> dict[str, bytes]:
    """N-Triples of each named graph in out/graph.nq, by graph IRI."""
    path = Path(out) / "graph.nq"
    if not path.is_file():
        raise NotBuilt(f"no graph in {out}/: run `kg build` first")
    graphs = defaultdict(list)
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        body, _, graph = line.rstrip(" .").rpartition(" ")
        graphs[graph.strip("<>")].append(body + " .\n")
    return {name: "".join(lines).encode("utf-8") for name, lines in sorted(graphs.items())}


def push(out: Path, endpoint: str, timeout: float = 60.0, progress: Progress = SILENT,
         skip: tuple[str, ...] = ()) -> dict[str, int]:
    """PUT every named graph to ``endpoint`` (a Graph Store Protocol URL) within ``timeout`` seconds in all;
    return triples per graph. ``skip``: graphs left as the store has them, by the last part of their IRI
    (``regions``: the base gazetteer's 40,000 statements, which change only with kg's regions data or a region
    the curated gazetteer declares)."""
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"{shown(endpoint)!r} is not an http(s) address")
    if not (0 < timeout <= 86400):  # False for nan too
        raise PushError(f"the time limit must be a number of seconds above 0 and at most a day, not {timeout!r}")
    progress.stage("Reading the graph")
    graphs = graphs_of(out)
    names = {graph.rsplit("/", 1)[-1]: graph for graph in graphs}
    unknown = sorted(set(skip) - set(names))
    if unknown:
        raise PushError(f"--skip {unknown[0]!r}: the graph has no such named graph (it has {', '.join(names)})")
    graphs = {graph: data for graph, data in graphs.items() if graph.rsplit("/", 1)[-1] not in skip}
    progress.stage("Pushing named graphs", total=len(graphs))
    deadline = time.monotonic() + timeout
    # Each read has its own timeout, so a server that trickles a byte at a time would never time
    # out: at the deadline, one timer shuts the connection in use, and whatever waits on it returns.
    current: list = [None]
    cut = threading.Timer(timeout, lambda: _shut(current[0]))
    cut.daemon = True
    cut.start()
    pushed = {}
    try:
        for graph, data in graphs.items():
            separator = "&" if parts.query else "?"
            target = f"{parts.path or '/'}{'?' + parts.query if parts.query else ''}"
            target += f"{separator}graph={urllib.parse.quote(graph, safe='')}"
            status, reason = _put(parts, target, data, deadline, current, endpoint, timeout)
            if not 200 <= status < 300:
                raise PushError(f"{shown(endpoint)} refused graph <{graph}>: HTTP {status} {shown(reason)[:200]}")
            pushed[graph] = data.count(b"\n")
            progress.advance()
    finally:
        cut.cancel()
    return pushed


def _put(parts, target: str, data: bytes, deadline: float, current: list, endpoint: str,
         timeout: float) -> tuple[int, str]:
    """Send one PUT and read at most MAX_ANSWER bytes of its answer, all before ``deadline``."""
    remaining = deadline - time.monotonic()
    late = PushError(f"{shown(endpoint)} did not take the graphs within {timeout:g} s (--timeout allows more)")
    if remaining <= 0:
        raise late
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    try:
        connection = kind(parts.hostname, parts.port, timeout=remaining)
    except ValueError as exc:  # a port that is no number
        raise PushError(f"{shown(endpoint)!r} is not an http(s) address: {exc}") from None
    current[0] = connection
    try:
        connection.request("PUT", target, body=data, headers={"Content-Type": "application/n-triples"})
        response = connection.getresponse()
        response.read(MAX_ANSWER)  # the rest, if any, is not wanted: the connection is closed below
        return response.status, response.reason
    except (http.client.HTTPException, OSError) as exc:
        if time.monotonic() >= deadline - 0.05:
            raise late from None
        if isinstance(exc, http.client.HTTPException):
            raise PushError(f"{shown(endpoint)} does not answer as an HTTP server does "
                            f"({type(exc).__name__}: {shown(str(exc))[:200]})") from None
        raise PushError(f"cannot reach {shown(endpoint)}: {shown(exc.strerror or str(exc))}") from None
    finally:
        connection.close()


def _shut(connection) -> None:
    """Shut a connection from another thread: a read or write blocked on it returns at once."""
    with contextlib.suppress(OSError, AttributeError):
        connection.sock.shutdown(socket.SHUT_RDWR)


def shown(text: str) -> str:
    """Text from elsewhere, safe to print: control characters (escape sequences, bidi marks) made visible."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                        str(text))

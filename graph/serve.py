"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the built graph.

A small server of our own, not Oxigraph's: that one followed SERVICE (an open
proxy), kept a sleeping thread per query for its time limit (a flood of cheap
queries ran it out of threads), and went on answering from a store a later
build had deleted. Here:

- every query passes the same guard as `kg query` (graph/guard.py): SERVICE,
  FROM and updates get 403, a query that does not parse 400; the slow half of
  the guard runs in the query process, under the query's deadline;
- a fixed number of threads (``WORKERS``) accept connections, each with a
  query process of its own; a flood waits in the system's accept queue, so
  threads and memory stay bounded however many clients come;
- each query has a deadline (``--timeout``) for the whole request, after which
  its process is killed and replaced, and a memory limit (graph/guard.py);
- each query process looks at out/store before every query and reopens it when
  a build has made a new one, so answers follow `kg build` without a restart.

Answers are the standard formats, chosen by the Accept header: SPARQL results
as JSON (the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle (the
default), N-Triples, RDF/XML or JSON-LD.
"""
from __future__ import annotations

import contextlib
import http.server
import multiprocessing
import os
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from graph.errors import GraphError, QueryError
from graph.guard import MEMORY_EXIT, Refused, check_parsed, guarded, limit_memory
from graph.namespaces import PREFIXES
from graph.store import store_path

WORKERS = max(2, min(8, os.cpu_count() or 2))  # threads answering requests, each with a query process
BACKLOG = 256  # connections the system holds while every thread is busy
MAX_QUERY = 1 << 20  # bytes of a request body or query string
READ_TIMEOUT = 10.0  # seconds a client may take to send each part of its request
CHUNK = 1 << 16  # bytes of an answer sent at a time from the query process
RESULTS = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")
GRAPHS = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
PLAIN_TEXT = "text/plain; charset=utf-8"  # errors


def serve(out: Path, host: str, port: int, timeout: float, memory: int | None = 1024, workers: int = WORKERS,
          ready=None) -> None:
    """Answer queries on http://HOST:PORT/query until interrupted; ``ready(address)`` is called once listening."""
    if not (Path(out) / "store").exists():
        store_path(out)  # says "run kg build first"
    server = Endpoint(Path(out), host, port, timeout, memory, workers)
    try:
        if ready is not None:
            ready(server.address)
        server.run()
    finally:
        server.close()


class Endpoint:
    """The listening socket and its threads; each thread owns one query process."""

    def __init__(self, out: Path, host: str, port: int, timeout: float, memory: int | None, workers: int):
        self.out, self.timeout, self.memory = out, timeout, memory
        try:
            self.socket = socket.create_server((host, port), backlog=BACKLOG)
        except OSError as exc:
            raise GraphError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self.address = self.socket.getsockname()[:2]
        self.closing = threading.Event()
        self.busy: dict[int, tuple[float, socket.socket]] = {}  # thread number -> (deadline, connection)
        self.threads = [threading.Thread(target=self._answer_connections, args=(n,), name=f"kg-serve-{n}", daemon=True)
                        for n in range(workers)]
        self.threads.append(threading.Thread(target=self._cut_late_connections, name="kg-serve-watch", daemon=True))

    def run(self) -> None:
        for thread in self.threads:
            thread.start()
        while any(thread.is_alive() for thread in self.threads):
            self.threads[0].join(0.5)  # (a join without a timeout would not let Ctrl-C through)

    def close(self) -> None:
        self.closing.set()
        with contextlib.suppress(OSError):
            self.socket.close()

    def _answer_connections(self, number: int) -> None:
        worker = QueryProcess(self.out, self.memory)
        worker.start()
        try:
            while not self.closing.is_set():
                try:
                    connection, address = self.socket.accept()
                except OSError:
                    if self.closing.is_set():
                        return
                    time.sleep(0.05)  # out of file descriptors, say: the client will try again
                    continue
                deadline = time.monotonic() + self.timeout
                self.busy[number] = (deadline, connection)
                with connection:
                    connection.settimeout(READ_TIMEOUT)
                    try:
                        Handler(connection, address, self, worker, deadline)
                    except OSError:
                        pass  # the client went away, or was too slow
                    except Exception as exc:  # a bug: said in one line, and this thread goes on answering
                        print(f"kg serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
                self.busy.pop(number, None)
        finally:
            worker.stop()

    def _cut_late_connections(self) -> None:
        """A client that sends or reads a byte at a time keeps within each read's timeout: past its
        request's deadline (and a second's grace to say so), its connection is shut."""
        while not self.closing.wait(0.5):
            now = time.monotonic()
            for deadline, connection in list(self.busy.values()):
                if now > deadline + 1:
                    with contextlib.suppress(OSError):
                        connection.shutdown(socket.SHUT_RDWR)


class QueryProcess:
    """A process that runs queries on out/'s current store, one at a time; killed and replaced past a deadline."""

    def __init__(self, out: Path, memory: int | None):
        self.out, self.memory = out, memory
        self.process = self.pipe = None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # a clean process: this one has threads
        self.pipe, theirs = context.Pipe()
        self.process = context.Process(target=_query_process, args=(str(self.out), self.memory, theirs), daemon=True)
        self.process.start()
        theirs.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.pipe.close()
            self.process = self.pipe = None

    def ask(self, text: str, accept: list[str], deadline: float):
        """Yield ("head", status, type, message) and then the answer's chunks; raise TimeoutError past the deadline."""
        if self.process is None or not self.process.is_alive():
            self.stop()
            self.start()
        self.pipe.send((text, accept))
        finished = False
        try:
            while True:
                message = self._next(deadline)
                if message is None:
                    finished = True
                    return
                yield message
        finally:
            # The client went away, or the answer was refused: what is left of it is not for the next query.
            if not finished and self.process is not None:
                try:
                    while self._next(deadline) is not None:
                        pass
                except (TimeoutError, MemoryError, EOFError, OSError):
                    self.stop()

    def _next(self, deadline: float):
        if not self.pipe.poll(max(0.0, deadline - time.monotonic())):
            self.stop()
            raise TimeoutError
        try:
            return self.pipe.recv()
        except (EOFError, OSError):
            self.process.join(1)
            code = self.process.exitcode
            self.stop()
            if code == MEMORY_EXIT or (code is not None and code < 0 and self.memory is not None):
                raise MemoryError from None
            raise


def _query_process(out: str, memory: int | None, pipe) -> None:
    """Run each query the pipe brings on the current store; send back ("head", …) then chunks, then None."""
    import pyoxigraph as ox

    if memory is not None:
        limit_memory(memory)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)  # what goes wrong is sent back as a status; the engine's own cries past the limit are not
    os.close(null)
    store, opened = None, None
    prefixes = dict(PREFIXES)
    while True:
        try:
            text, accept = pipe.recv()
        except (EOFError, OSError):
            return  # the server is gone
        try:
            check_parsed(text)
            current = store_path(Path(out))
            if current != opened:  # a build made a new store: answer from it
                store, opened = None, None
                store, opened = ox.Store.read_only(str(current)), current
            results = store.query(text, prefixes=prefixes)  # the default graph holds every statement once (graph/store.py)
        except Refused as exc:
            _send_error(pipe, 403, str(exc))
            continue
        except SyntaxError as exc:
            _send_error(pipe, 400, f"syntax error: {exc}")
            continue
        except GraphError as exc:
            _send_error(pipe, 503, str(exc))
            continue
        except Exception as exc:  # the engine's own errors, as one line
            _send_error(pipe, 500, f"query failed: {exc}")
            continue
        graph = isinstance(results, ox.QueryTriples)
        media = _negotiate(accept, GRAPHS if graph else RESULTS)
        format_ = ox.RdfFormat.from_media_type(media) if graph else ox.QueryResultsFormat.from_media_type(media)
        writer = _ChunkWriter(pipe, media)
        try:
            results.serialize(writer, format=format_)
            writer.flush()
        except Exception as exc:
            if not writer.started:
                pipe.send(("head", 500, PLAIN_TEXT, f"query failed: {exc}"))
            else:
                pipe.send(("cut",))  # the answer began as 200: the connection is cut short instead
        pipe.send(None)


def _send_error(pipe, status: int, message: str) -> None:
    """The answer to a query that failed before its first byte: a status and a one-line message."""
    pipe.send(("head", status, PLAIN_TEXT, message))
    pipe.send(None)


class _ChunkWriter:
    """A file for pyoxigraph's serializer that sends the answer down the pipe in CHUNK-sized pieces."""

    def __init__(self, pipe, media: str):
        self.pipe, self.media = pipe, media
        self.buffer = bytearray()
        self.started = False

    def write(self, data) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self._send()
        return len(data)

    def flush(self) -> None:
        if self.buffer or not self.started:
            self._send()

    def _send(self) -> None:
        if not self.started:
            self.pipe.send(("head", 200, _with_charset(self.media), ""))
            self.started = True
        self.pipe.send(bytes(self.buffer))
        self.buffer.clear()


def _form(text: str) -> dict[str, list[str]]:
    try:
        return urllib.parse.parse_qs(text, keep_blank_values=True, max_num_fields=64)
    except ValueError:  # more fields than that
        return {}


def _with_charset(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _negotiate(accept: list[str], offered: tuple[str, ...]) -> str:
    """The first of the client's media types (in order of preference) that we offer; our default otherwise."""
    for media in accept:
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*") or media == "application/json" and offered is RESULTS:
            return offered[0] if media != "text/*" else next(m for m in offered if m.startswith("text/"))
        if media == "application/xml" and offered is RESULTS:
            return "application/sparql-results+xml"
    return offered[0]


def accepted(header: str | None) -> list[str]:
    """The media types of an Accept header, most preferred first (q=0 left out)."""
    ranked = []
    for position, part in enumerate((header or "").split(",")):
        media, *parameters = [p.strip() for p in part.split(";")]
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                with contextlib.suppress(ValueError):
                    quality = float(value)
        if media and quality > 0:
            ranked.append((-quality, position, media.lower()))
    return [media for _, _, media in sorted(ranked)]


class Handler(http.server.BaseHTTPRequestHandler):
    """One HTTP/1.0 request (the connection closes after it, so no idle client holds a thread)."""

    server_version = "kg-serve"

    def __init__(self, connection, address, endpoint: Endpoint, worker: QueryProcess, deadline: float):
        self.endpoint, self.worker, self.deadline = endpoint, worker, deadline
        self.started = False  # whether a 200 and its headers have gone out
        super().__init__(connection, address, None)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass  # no line per request: a flood would fill the terminal

    def do_GET(self):  # noqa: N802 - the stdlib's names
        path, _, query = self.path.partition("?")
        if path == "/update":
            return self._refuse(403, "updates are refused: this endpoint only reads the graph")
        if path != "/query":
            return self._refuse(404, "not found: queries go to /query")
        if len(query) > MAX_QUERY:
            return self._refuse(414, f"the query string is longer than {MAX_QUERY} bytes")
        self._answer(_form(query))

    def do_POST(self):  # noqa: N802
        path = self.path.partition("?")[0]
        if path == "/update":
            return self._refuse(403, "updates are refused: this endpoint only reads the graph")
        if path != "/query":
            return self._refuse(404, "not found: queries go to /query")
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._refuse(411, "a POST needs a Content-Length")
        if not 0 <= length <= MAX_QUERY:
            return self._refuse(413, f"the request body is longer than {MAX_QUERY} bytes")
        body = self.rfile.read(length)
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return self._refuse(400, "the query is not UTF-8")
            return self._answer({"query": [text]})
        if kind == "application/sparql-update":
            return self._refuse(403, "updates are refused: this endpoint only reads the graph")
        if kind != "application/x-www-form-urlencoded":
            return self._refuse(415, "send application/sparql-query or application/x-www-form-urlencoded")
        self._answer(_form(body.decode("utf-8", "replace")))

    def do_PUT(self):  # noqa: N802
        self._refuse(405 if self.path.partition("?")[0] == "/query" else 403, "this endpoint only reads the graph")

    do_DELETE = do_PATCH = do_PUT

    def _answer(self, parameters: dict[str, list[str]]) -> None:
        if "update" in parameters:
            return self._refuse(403, "updates are refused: this endpoint only reads the graph")
        queries = parameters.get("query", [])
        if len(queries) != 1:
            return self._refuse(400, "give exactly one query parameter")
        if "default-graph-uri" in parameters or "named-graph-uri" in parameters:
            return self._refuse(400, "default-graph-uri and named-graph-uri are not supported: the default graph is "
                                "every statement of every source, once; GRAPH g:<source> reads one")
        try:
            text = guarded(queries[0])
        except Refused as exc:
            return self._refuse(403, str(exc))
        except QueryError as exc:
            return self._refuse(400, str(exc))
        try:
            with contextlib.closing(self.worker.ask(text, accepted(self.headers.get("Accept")), self.deadline)) as answer:
                self._send(answer)
        except TimeoutError:
            self._refuse(503, f"the query ran longer than {self.endpoint.timeout:g} s and was stopped")
        except MemoryError:
            self._refuse(503, "the query needed more memory than it may use and was stopped")
        except (EOFError, OSError):
            self._refuse(500, "the query process died")

    def _send(self, answer) -> None:
        _, status, media, message = next(answer)
        if status != 200:
            return self._refuse(status, message)
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Connection", "close")
        self.end_headers()
        self.started = True
        for chunk in answer:
            if not isinstance(chunk, bytes):  # ("cut",): the engine failed partway
                return
            self.connection.settimeout(max(0.01, min(READ_TIMEOUT, self.deadline - time.monotonic())))
            self.wfile.write(chunk)

    def _refuse(self, status: int, message: str) -> None:
        """An error status and its reason as text; once a 200 has gone out, the connection is cut short instead."""
        self.close_connection = True
        if not self.started:
            with contextlib.suppress(OSError):
                body = (message + "\n").encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", PLAIN_TEXT)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

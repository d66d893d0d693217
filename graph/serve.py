"""A read-only SPARQL 1.1 Protocol endpoint over the built graph, and publishing to a shared store.

`kg serve` runs Oxigraph's own server (the `oxigraph` package's binary) on the
store `kg build` made: a real, standard endpoint, read-only, bound to
127.0.0.1 unless told otherwise, with a time limit on each query.
`kg push` sends each source's named graph to any store that speaks the SPARQL
1.1 Graph Store HTTP Protocol, replacing the previous version of that graph.
"""
from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

from graph.errors import GraphError, NotBuilt
from graph.progress import SILENT, Progress
from graph.store import store_path


class PushError(GraphError):
    """The store refused or could not be reached."""


def serve_command(out: Path, host: str, port: int, timeout: int) -> list[str]:
    binary = shutil.which("oxigraph")
    if binary is None:
        raise GraphError("the `oxigraph` server is not installed: python3 -m pip install oxigraph")
    return [binary, "serve-read-only", "--location", str(store_path(out)), "--bind", f"{host}:{port}",
            "--union-default-graph", "--timeout-s", str(timeout)]


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


def push(out: Path, endpoint: str, timeout: float = 60.0, progress: Progress = SILENT) -> dict[str, int]:
    """PUT every named graph to ``endpoint`` (a Graph Store Protocol URL); return triples per graph."""
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise PushError(f"{endpoint!r} is not an http(s) address")
    pushed = {}
    progress.stage("Reading the graph")
    graphs = graphs_of(out)
    progress.stage("Pushing named graphs", total=len(graphs))
    for graph, data in graphs.items():
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}graph={urllib.parse.quote(graph, safe='')}"
        request = urllib.request.Request(url, data=data, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise PushError(f"{endpoint} refused graph <{graph}>: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(f"cannot reach {endpoint}: {getattr(exc, 'reason', exc)}") from None
        pushed[graph] = data.count(b"\n")
        progress.advance()
    return pushed

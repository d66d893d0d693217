"""Write a build's files: serialised deterministically, replaced atomically.

``render_outputs`` is pure (a build in, file contents out). ``write_outputs``
writes every file to a temporary name in the output folder and renames them
into place only once all of them are written, so a failed or killed build
leaves each file either as it was or complete. ``output_lock`` keeps two
builds from interleaving.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from graph import iris
from graph.build import Built
from graph.errors import BuildLocked

# Files a build writes, in the order they are renamed into place.
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt", "graph.nq")
REPORT_FILES = ("report.txt", "report.json")
LOCK_FILE = ".lock"
_UMASK = os.umask(0)
os.umask(_UMASK)


def render_outputs(built: Built, report_text: str, report_data: dict) -> dict[str, bytes]:
    union = built.union
    return {
        "graph.ttl": union.serialize(format="turtle").encode("utf-8"),
        "graph.trig": render_trig(built.dataset),
        "graph.jsonld": render_jsonld(union),
        "graph.nt": sorted_lines(union.serialize(format="nt")),
        "graph.nq": sorted_lines(built.dataset.serialize(format="nquads")),
        "report.txt": report_text.encode("utf-8"),
        "report.json": (json.dumps(report_data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"),
    }


def render_trig(dataset: Dataset) -> bytes:
    """TriG with the named graphs in a stable order (rdflib's order follows a set)."""
    parts = ["".join(f"@prefix {p}: <{ns}> .\n" for p, ns in iris.PREFIXES.items())]
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(context) or not isinstance(context.identifier, URIRef):
            continue
        graph = Graph()
        for prefix, namespace in iris.PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        for triple in context:
            graph.add(triple)
        body = "\n".join(line for line in graph.serialize(format="turtle").split("\n")
                         if not line.startswith("@prefix") and line.strip())
        parts.append(f"{context.identifier.n3()} {{\n{body}\n}}\n")
    return "\n".join(parts).encode("utf-8")


def sorted_lines(text: str) -> bytes:
    """Canonical N-Triples/N-Quads: one statement a line, sorted, no blank lines."""
    # split on "\n" only: str.splitlines() also breaks at U+2028, U+0085, \x1c…, which
    # N-Triples leaves unescaped inside literals, and would cut a statement in two
    lines = sorted({line for line in text.split("\n") if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_jsonld(graph: Graph) -> bytes:
    """JSON-LD with an inline context (never a remote one), nodes sorted by @id."""
    context = {prefix: str(ns) for prefix, ns in iris.PREFIXES.items()}
    text = graph.serialize(format="json-ld", context=context, auto_compact=False)
    doc = json.loads(text)
    nodes = doc.get("@graph", [])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    doc = {"@context": context, "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def write_outputs(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write all files to temporary names, then rename each into place."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append((name, _write_temp(target, data)))
        for name, temp in staged:
            os.replace(temp, out_dir / name)
        staged = []
        _fsync_dir(out_dir)
    finally:
        for _, temp in staged:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file so that readers see the old or the new version, never a mix."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _fsync_dir(path.parent)


def _write_temp(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files left by a build that was killed mid-write."""
    for temp in Path(out_dir).glob(".*.tmp"):
        if temp.is_dir() and not temp.is_symlink():  # a store a killed or failed build was loading
            shutil.rmtree(temp, ignore_errors=True)
            continue
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


@contextlib.contextmanager
def output_lock(out_dir: Path, wait: float = 60.0):
    """Hold an exclusive lock on the output folder; wait for another build up to ``wait`` seconds."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / LOCK_FILE, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildLocked(f"{out_dir}: another kg command is writing here; "
                                      f"gave up after waiting {wait:g} s") from None
                time.sleep(0.05)
        try:
            remove_stale_temporaries(out_dir)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)

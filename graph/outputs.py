"""Write a build's files: serialised deterministically, replaced atomically.

Every graph file is a header, then one segment per named graph in the order
of the graphs' IRIs, then a footer. ``render_segments`` makes a graph's
segments (pyoxigraph writes the Turtle and JSON-LD); a rebuild copies the
segments of unchanged sources from the file it replaces, in the kernel, and
writes only the new ones. ``write_outputs`` writes every file to a temporary
name in the output folder and renames them into place only once all of them
are written, so a failed or killed build leaves each file either as it was or
complete. ``output_lock`` keeps two builds from interleaving.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from graph import iris
from graph.cache import Placed
from graph.errors import BuildLocked

# Files a build writes, in the order they are renamed into place.
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt", "graph.nq")
REPORT_FILES = ("report.txt", "report.json")
LOCK_FILE = ".lock"
_UMASK = os.umask(0)
os.umask(_UMASK)


TURTLE_PREFIXES = {p: str(ns) for p, ns in iris.PREFIXES.items() if p != "ev"}  # ev:x\/y reads badly


def prefix_header() -> bytes:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in TURTLE_PREFIXES.items()).encode() + b"\n"


JSONLD_HEADER = ('{\n"@context": ' + json.dumps({p: str(ns) for p, ns in iris.PREFIXES.items()}, sort_keys=True)
                 + ',\n"@graph": [\n').encode()
JSONLD_FOOTER = b"\n]}\n"
# How each graph file is put together from the segments of the named graphs.
LAYOUT = {  # name -> (header, separator, footer, segment kind)
    "graph.nq": (b"", b"", b"", "nq"),
    "graph.trig": (None, b"\n", b"", "trig"),
    "graph.nt": (b"", b"", b"", "nt"),
    "graph.ttl": (None, b"\n", b"", "ttl"),
    "graph.jsonld": (JSONLD_HEADER, b",\n", JSONLD_FOOTER, "jsonld"),
}


def render_segments(graph_iri: str, lines: list[str], union: list[str]) -> dict[str, bytes]:
    """One named graph's share of every graph file.

    ``lines`` are its statements (sorted N-Triples without the final " ."),
    ``union`` those of them no earlier graph states: the union files (nt, ttl,
    jsonld) hold each statement once.
    """
    nt = "".join(f"{line} .\n" for line in lines).encode("utf-8")
    triples = _parse(nt)
    union_nt = nt if union is lines else "".join(f"{line} .\n" for line in union).encode("utf-8")
    union_triples = triples if union is lines else _parse(union_nt)
    body = turtle_body(triples)
    return {
        "nq": "".join(f"{line} <{graph_iri}> .\n" for line in lines).encode("utf-8"),
        "trig": b"<" + graph_iri.encode() + b"> {\n" + body + b"}\n",
        "nt": union_nt,
        "ttl": body if union is lines else turtle_body(union_triples),
        "jsonld": jsonld_nodes(union_triples),
    }


def _parse(ntriples: bytes) -> list:
    return list(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)) if ntriples else []


def turtle_body(triples: list) -> bytes:
    """Turtle for sorted triples, without the @prefix lines (every file declares them once)."""
    if not triples:
        return b""
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return text[text.index(b"\n", text.rindex(b"@prefix ")) + 1:] if b"@prefix " in text[:4096] else text


def jsonld_nodes(triples: list) -> bytes:
    """Expanded JSON-LD node objects, one a line, without the surrounding array."""
    if not triples:
        return b""
    text = ox.serialize(triples, format=ox.RdfFormat.JSON_LD).strip()
    # a node object ends with "]}" and the next begins with {"@id": (inside a JSON string these quotes are escaped)
    return text[1:-1].replace(b']},{"@id":', b']},\n{"@id":')


def _signature(path: Path):
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


class _SegmentWriter:
    """One graph file being written: new segments as bytes, unchanged ones copied from the old file.

    New bytes are written at once, each at its offset; the ranges to copy from
    the old file are only noted, and copied by ``finish`` (in the kernel, and
    for all files at once, on threads).
    """

    def __init__(self, target: Path, layout, old: Path | None):
        header, self.separator, self.footer, self.kind = layout
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        self.fd, self.temp = fd, Path(name)
        self.old = os.open(old, os.O_RDONLY) if old is not None else None
        self.placed: dict[str, Placed] = {}
        self.copies: list[tuple[int, int, int]] = []  # (offset in the old file, offset in the new, length)
        self.offset = 0
        self.first = True
        self._bytes(prefix_header() if header is None else header)

    def add(self, source_id: str, segment: bytes | Placed) -> None:
        length = segment.length if isinstance(segment, Placed) else len(segment)
        if not length:
            return
        separator = b"" if self.first else self.separator
        self.first = False
        if isinstance(segment, Placed) and self.copies:
            start, at, run = self.copies[-1]
            if at + run == self.offset and start + run + len(separator) == segment.offset:
                # the old file holds the separator between the two segments too
                self.copies[-1] = (start, at, run + len(separator) + length)
                self.placed[source_id] = Placed(self.offset + len(separator), length)
                self.offset += len(separator) + length
                return
        self._bytes(separator)
        self.placed[source_id] = Placed(self.offset, length)
        if isinstance(segment, Placed):
            self.copies.append((segment.offset, self.offset, length))
            self.offset += length
        else:
            self._bytes(segment)

    def _bytes(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.pwrite(self.fd, view, self.offset)
            view = view[written:]
            self.offset += written

    def finish(self) -> Path:
        self._bytes(self.footer)
        for start, at, length in self.copies:
            done = 0
            while done < length:
                copied = os.copy_file_range(self.old, self.fd, length - done, start + done, at + done)
                if not copied:
                    raise OSError(errno.EIO, "the previous output is shorter than its manifest says")
                done += copied
        os.fsync(self.fd)
        self.close()
        return self.temp

    def close(self) -> None:
        for fd in (self.fd, self.old):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.fd = self.old = None


class GraphFiles:
    """The five graph files of a build, put together from every named graph's segments."""

    def __init__(self, out: Path, previous):
        self.out = Path(out)
        self.previous = previous
        self.entries: dict[str, tuple] = {}
        self.placed: dict[str, dict[str, Placed]] = {}
        self.signatures: dict[str, tuple] = {}
        self.union_keys: dict[str, str] = {}
        self._writers: dict[str, _SegmentWriter] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._finishing: dict = {}  # file name -> the future of its writer's finish()

    def add(self, source_id: str, graph_iri: str, reusable: bool, load, union_key: str = "") -> None:
        """``load()`` gives the segments; ``reusable`` when they are the same as in the previous build."""
        self.entries[graph_iri] = (source_id, reusable, load, union_key)
        if union_key:
            self.union_keys[source_id] = union_key

    def start(self, order: list[str], tee=None) -> None:
        """Write every file to a temporary name in out/; ``finish`` waits for the kernel's copies.

        ``tee``, if given, is called with each graph's id and N-Quads as graph.nq is written.
        """
        self.out.mkdir(parents=True, exist_ok=True)
        previous = self.previous
        self._writers = writers = {}
        try:
            for name in GRAPH_FILES:
                old = self.out / name
                usable = previous is not None and previous.files.get(name) == _signature(old)
                writers[name] = _SegmentWriter(old, LAYOUT[name], old if usable else None)
            for graph_iri in order:
                source_id, reusable, load, union_key = self.entries[graph_iri]
                segments = None
                for name, writer in writers.items():
                    union = writer.kind in ("nt", "ttl", "jsonld")
                    same_union = previous is not None and previous.union_keys.get(source_id, "") == union_key
                    old = (previous.placed.get(name, {}).get(source_id)
                           if writer.old is not None and reusable and (same_union or not union) else None)
                    old = Placed(*old) if old is not None else None
                    if old is not None:
                        writer.add(source_id, old)
                        if tee is not None and writer.kind == "nq":
                            tee(source_id, os.pread(writer.old, old.length, old.offset))
                        continue
                    if segments is None:
                        segments = load()
                    writer.add(source_id, segments[writer.kind])
                    if tee is not None and writer.kind == "nq":
                        tee(source_id, segments["nq"])
            # The copies and fsync run in the kernel, outside the GIL: one thread a file, while the
            # build goes on with its report.
            self._pool = ThreadPoolExecutor(len(writers))
            self._finishing = {name: self._pool.submit(writer.finish) for name, writer in writers.items()}
        except BaseException:
            self.abandon()
            raise

    def finish(self) -> dict[str, Path]:
        """Wait for every file to be complete; return the temporaries by file name."""
        try:
            staged = {name: future.result() for name, future in self._finishing.items()}
        except BaseException:
            self.abandon()
            raise
        self._pool.shutdown()
        self.placed = {name: writer.placed for name, writer in self._writers.items()}
        self.signatures = {name: _signature(path) for name, path in staged.items()}  # rename keeps them
        return staged

    def abandon(self) -> None:
        """Remove the temporaries (after a failure)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        for writer in self._writers.values():
            writer.close()
            with contextlib.suppress(FileNotFoundError):
                writer.temp.unlink()

    def record(self, manifest) -> None:
        manifest.files = dict(self.signatures)
        manifest.placed = {name: {source_id: tuple(at) for source_id, at in placed.items()}  # tuples load fast
                           for name, placed in self.placed.items()}
        manifest.union_keys = dict(self.union_keys)


def write_outputs(out_dir: Path, files: dict[str, bytes | Path]) -> None:
    """Write all files to temporary names, then rename each into place.

    A file is given as bytes, or as the temporary file it was already written to.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in files.items():
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, Path):  # already written to a temporary name
                staged.append((name, data))
            else:
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

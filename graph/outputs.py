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
import json
import os
import threading
from array import array
from concurrent.futures import ThreadPoolExecutor
from itertools import accumulate
from operator import add
from pathlib import Path

import pyoxigraph as ox

from graph import iris, portable
from graph.atomic import fsync_dir, replace_file, temporary, write_temp
from graph.network import NETWORK_FILE, network_segment

# Files a build writes, in the order they are renamed into place.
GRAPH_FILES = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.nt", "graph.nq", NETWORK_FILE)
REPORT_FILES = ("report.txt", "report.json")


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
    NETWORK_FILE: (b"", b"", b"", "net"),  # the network's share of each graph (graph/network.py)
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
        "nq": as_nquads(graph_iri, nt),
        "trig": _trig(graph_iri, body),
        "nt": union_nt,
        "ttl": body if union is lines else turtle_body(union_triples),
        "jsonld": jsonld_nodes(union_triples),
        "net": network_segment(graph_iri, triples),
    }


KEPT_KINDS = ("nt", "ttl", "jsonld", "net")  # what the build cache keeps of a graph's segments (see full_segments)


def kept_segments(segments: dict[str, bytes]) -> dict[str, bytes]:
    """A graph's segments without those that follow from the others: two fifths less to write and read."""
    return {kind: segments[kind] for kind in KEPT_KINDS}


def full_segments(graph_iri: str, kept: dict[str, bytes]) -> dict[str, bytes]:
    """Every segment of a graph, from ``kept_segments`` of its full (not union) segments."""
    return {**kept, "nq": as_nquads(graph_iri, kept["nt"]), "trig": _trig(graph_iri, kept["ttl"])}


def _trig(graph_iri: str, turtle: bytes) -> bytes:
    return b"<" + graph_iri.encode() + b"> {\n" + turtle + b"}\n"


def as_nquads(graph_iri: str, ntriples: bytes) -> bytes:
    """N-Triples lines as N-Quads in a graph. Inside a line a line break is always escaped, so " .\\n" ends one."""
    return ntriples.replace(b" .\n", b" <" + graph_iri.encode() + b"> .\n")


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


UNION_KINDS = ("nt", "ttl", "jsonld")  # segments that leave out statements an earlier graph made


WRITEBACK_EVERY = 32 << 20  # bytes a graph file is written before its writeback is started


class _Prefetch:
    """The start of an old graph file copied to its successor's temporary at the same offsets, and
    written out, while the build still scans and compiles: the new file begins as the old one does
    up to its first change, wherever that turns out to be (``stop_at``).

    Adding one article to 20,000 copies and syncs 740 MB of graph files; started once the manifest
    is read, that work overlaps the scan instead of following it.
    """

    CHUNK = 16 << 20

    def __init__(self, target: Path):
        self.signature = _signature(target)
        self.old = os.open(target, os.O_RDONLY)
        self.fd, self.temp = temporary(target)
        self.limit = os.fstat(self.old).st_size
        self.done = 0  # bytes copied, from the start
        self._lock = threading.Lock()  # held while a chunk is copied
        self._thread = threading.Thread(target=self._run, name="kg-prefetch", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                with self._lock:
                    length = min(self.CHUNK, self.limit - self.done)
                    if length <= 0:
                        return
                    _copy_range(self.old, self.fd, self.done, self.done, length)
                    self.done += length
                portable.sync_data(self.fd)  # on disk as it goes: the build's final fsync has that much less to write
        except OSError:
            return  # the build copies the rest itself (``_GraphFile.finish``)

    def stop_at(self, offset: int) -> None:
        """Copy nothing past ``offset`` from now on (the build writes there); a chunk being copied ends first."""
        with self._lock:
            self.limit = min(self.limit, offset)

    def wait(self) -> int:
        """Bytes from the start that are the old file's, once copying stopped."""
        self._thread.join()
        os.close(self.old)
        return min(self.done, self.limit)

    def abandon(self) -> None:
        self.stop_at(0)
        self.wait()
        os.close(self.fd)
        with contextlib.suppress(FileNotFoundError):
            self.temp.unlink()


def _copy_range(source: int, target: int, start: int, at: int, length: int) -> None:
    done = 0
    while done < length:
        copied = portable.copy_range(source, target, length - done, start + done, at + done)
        if not copied:
            raise OSError(errno.EIO, "the previous output is shorter than its manifest says")
        done += copied


class _GraphFile:
    """One graph file being written to a temporary name: new segments at once, old ones noted to copy.

    The file is its header, every non-empty segment followed by the separator,
    the last separator replaced by the footer. A segment's start in the old
    file is therefore a running sum over the lengths the manifest keeps, and a
    run of segments that were neighbours there is one range to copy, whatever
    its length. The copies are made by ``finish`` (in the kernel, and for all
    files at once, on threads).
    """

    def __init__(self, target: Path, layout, old: Path | None = None, old_ids=(), old_index=None, old_lengths=b"",
                 prefetch: _Prefetch | None = None):
        header, self.separator, self.footer, self.kind = layout
        self.header = prefix_header() if header is None else header
        self.prefetch = prefetch  # copying the old file's start here already: until the first change
        self.fd, self.temp = (prefetch.fd, prefetch.temp) if prefetch is not None else temporary(target)
        self.old = os.open(old, os.O_RDONLY) if old is not None else None
        self.old_ids = old_ids
        self.old_index: dict[str, int] = old_index or {}  # source id -> its place in old_ids
        if old is not None:
            self.old_lengths = lengths = array("q", old_lengths)
            sep = len(self.separator)
            # a running sum of the lengths and of a separator after each non-empty segment (in C: 20,000 a file)
            steps = map(add, lengths, map(sep.__mul__, map(bool, lengths))) if sep else lengths
            self.old_starts = list(accumulate(steps, initial=len(self.header)))
            # the last segment is followed by the footer, not by a separator
            self.old_end = self.old_starts[-1] - sep if self.old_starts[-1] > len(self.header) else len(self.header)
        self.lengths = array("q")  # each segment's length, in the new order
        self.copies: list[tuple[int, int, int]] = []  # (offset in the old file, offset in the new, length)
        self.offset = self.flushed = 0
        self._pwrite(self.header)  # the old file's header too: the prefetch may copy it alongside

    def write(self, segment: bytes) -> None:
        self.lengths.append(len(segment))
        if segment:
            self._write(segment + self.separator)

    def copy(self, first: int, end: int) -> None:
        """Copy the old file's segments ``first`` to ``end`` (exclusive, in its order)."""
        self.lengths.extend(self.old_lengths[first:end])
        start, stop = self.old_starts[first], self.old_starts[end]
        if start == stop:  # empty segments
            return
        if stop > self.old_end:  # the old file's last segment: its separator is not there to copy
            self._copy(start, self.old_end - start)
            self._write(self.separator)
        else:
            self._copy(start, stop - start)

    def _copy(self, start: int, length: int) -> None:
        if start != self.offset:
            self._first_change()
        if self.copies:
            last_start, at, run = self.copies[-1]
            if at + run == self.offset and last_start + run == start:
                self.copies[-1] = (last_start, at, run + length)
                self.offset += length
                return
        self.copies.append((start, self.offset, length))
        self.offset += length

    def read_old(self, index: int) -> bytes:
        return portable.pread(self.old, self.old_lengths[index], self.old_starts[index])

    def _first_change(self) -> None:
        """From here on the file differs from the old one: the prefetch stops here."""
        if self.prefetch is not None and self.prefetch.limit > self.offset:
            self.prefetch.stop_at(self.offset)

    def _write(self, data: bytes) -> None:
        self._first_change()
        self._pwrite(data)

    def _pwrite(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = portable.pwrite(self.fd, view, self.offset)
            view = view[written:]
            self.offset += written
        if self.offset - self.flushed >= WRITEBACK_EVERY:
            # Linux starts writing dirty pages back on this advice, without waiting: the fsync in
            # finish() then has less left to write (pages not yet clean stay cached).
            portable.write_back(self.fd, self.flushed, self.offset - self.flushed)
            self.flushed = self.offset

    def finish(self) -> Path:
        if self.offset > len(self.header):  # some segment is there: its separator makes way for the footer
            self.offset -= len(self.separator)
            start, at, length = self.copies[-1] if self.copies else (0, 0, 0)
            if at + length > self.offset:  # the separator is copied, not written: copy one less
                self.copies[-1] = (start, at, length - len(self.separator))
        self._write(self.footer)
        os.ftruncate(self.fd, self.offset)  # a longer separator than footer was written past the end
        prefetched = self.prefetch.wait() if self.prefetch is not None else 0
        self.prefetch = None
        for start, at, length in self.copies:
            if start == at and start < prefetched:  # the old file's start, where it was: copied already
                skip = min(length, prefetched - start)
                start, at, length = start + skip, at + skip, length - skip
            _copy_range(self.old, self.fd, start, at, length)
        os.fsync(self.fd)
        self.close()
        return self.temp

    def close(self) -> None:
        if self.prefetch is not None:
            self.prefetch.abandon()  # closes self.fd
            self.fd, self.prefetch = None, None
        for fd in (self.fd, self.old):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.fd = self.old = None


class GraphFiles:
    """The five graph files of a build, put together from every named graph's segments.

    The manifest keeps, for each file, the sources in their order and the
    length of each one's segment (as bytes: one object to pickle, not tens of
    thousands), so that a rebuild handles the unchanged sources a run at a
    time, not one by one.
    """

    def __init__(self, out: Path, previous, prefetches: dict | None = None):
        """``prefetches`` (``start_prefetches``) are kept if ``previous`` is the manifest they were started from."""
        self.out = Path(out)
        self.previous = previous
        self.entries: dict[str, tuple] = {}  # graph IRI -> (source id, load)
        self.stale: set[str] = set()  # sources whose segments are not those of the previous build
        self.union_keys: dict[str, str] = {}
        self.ids: tuple[str, ...] = ()
        self.placed: dict[str, tuple] = {}
        self.signatures: dict[str, tuple] = {}
        self._files: dict[str, _GraphFile] = {}
        self._prefetches: dict[str, _Prefetch] = dict(prefetches or {})
        if previous is None:
            self._drop_prefetches()
        self._pool: ThreadPoolExecutor | None = None
        self._finishing: dict = {}  # file name -> the future of its finish()

    def add(self, source_id: str, graph_iri: str, reusable: bool, load, union_key: str = "") -> None:
        """``load()`` gives the segments; ``reusable`` when they are the same as in the previous build."""
        self.entries[graph_iri] = (source_id, load)
        if not reusable:
            self.stale.add(source_id)
        if union_key:
            self.union_keys[source_id] = union_key

    def prefetch(self) -> None:
        """Start copying each previous graph file's start while the build goes on (``_Prefetch``):
        once something is known to have changed. Call with out/'s lock held."""
        if self.previous is not None and not self._prefetches:
            self._prefetches = start_prefetches(self.out, self.previous.files, self.previous.placed)

    @contextlib.contextmanager
    def abandoned_on_failure(self):
        try:
            yield self
        except BaseException:
            self.abandon()
            raise

    def start(self, order: list[str], tee=None) -> None:
        """Write every file to a temporary name in out/; ``finish`` waits for the kernel's copies.

        ``tee``, if given, is called with each graph's id and N-Quads, in order.
        """
        self.out.mkdir(parents=True, exist_ok=True)
        previous = self.previous
        self.ids = ids = tuple(self.entries[graph_iri][0] for graph_iri in order)
        self._files = files = {}
        if tee is None and self._unchanged():
            self.placed, self.signatures = dict(previous.placed), dict(previous.files)
            self._drop_prefetches()
            return
        try:
            indexes: dict[tuple, dict] = {}  # the files share one tuple of source ids, so one index
            for name in GRAPH_FILES:
                target = self.out / name
                if previous is None or previous.files.get(name) != _signature(target):
                    files[name] = _GraphFile(target, LAYOUT[name])
                    continue
                old_ids, lengths = previous.placed[name]
                if old_ids not in indexes:
                    indexes[old_ids] = dict(zip(old_ids, range(len(old_ids))))
                prefetch = self._prefetches.pop(name, None)
                if prefetch is not None and prefetch.signature != previous.files[name]:
                    prefetch.abandon()
                    prefetch = None
                files[name] = _GraphFile(target, LAYOUT[name], target, old_ids, indexes[old_ids], lengths, prefetch)
            self._drop_prefetches()
            # A union file cannot reuse a source's segment when the statements earlier graphs made changed.
            union_changed = (set() if previous is None else
                             {s for s, _ in set(self.union_keys.items()) ^ set(previous.union_keys.items())})
            stale_union = self.stale | union_changed
            # Runs of sources every file copies from its old self, and the sources in between.
            everywhere = (files["graph.nq"].old_index
                          if len(indexes) == 1 and all(f.old is not None for f in files.values()) else {})
            for item in _runs(ids, everywhere, stale_union):
                if isinstance(item, list):
                    for file in files.values():
                        file.copy(*item)
                    if tee is not None:
                        nq = files["graph.nq"]
                        for index in range(*item):
                            tee(nq.old_ids[index], nq.read_old(index))
                    continue
                source_id, segments = ids[item], None
                for file in files.values():
                    index = file.old_index.get(source_id)
                    if index is not None and source_id not in (stale_union if file.kind in UNION_KINDS else self.stale):
                        file.copy(index, index + 1)
                        continue
                    if segments is None:
                        segments = self.entries[order[item]][1]()
                    file.write(segments[file.kind])
                if tee is not None:
                    nq = files["graph.nq"]
                    tee(source_id, segments["nq"] if segments is not None else nq.read_old(nq.old_index[source_id]))
            # The copies and fsync run in the kernel, outside the GIL: one thread a file, while the
            # build goes on with its report.
            self._pool = ThreadPoolExecutor(len(files))
            self._finishing = {name: self._pool.submit(file.finish) for name, file in files.items()}
        except BaseException:
            self.abandon()
            raise

    def _unchanged(self) -> bool:
        """Whether every file in out/ is already what this build would write: same sources, none stale."""
        previous = self.previous
        if previous is None or self.stale or self.union_keys != previous.union_keys:
            return False
        return all(name in previous.placed and previous.placed[name][0] == self.ids
                   and previous.files.get(name) == _signature(self.out / name) for name in GRAPH_FILES)

    def finish(self) -> dict[str, Path]:
        """Wait for every file to be complete; return the temporaries by file name (none if nothing changed)."""
        if not self._files:
            return {}
        try:
            staged = {name: future.result() for name, future in self._finishing.items()}
        except BaseException:
            self.abandon()
            raise
        self._pool.shutdown()
        self.placed = {name: (self.ids, file.lengths.tobytes()) for name, file in self._files.items()}
        self.signatures = {name: _signature(path) for name, path in staged.items()}  # rename keeps them
        return staged

    def _drop_prefetches(self) -> None:
        for prefetch in self._prefetches.values():
            prefetch.abandon()
        self._prefetches = {}

    def abandon(self) -> None:
        """Remove the temporaries (after a failure)."""
        self._drop_prefetches()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        for file in self._files.values():
            file.close()
            with contextlib.suppress(FileNotFoundError):
                file.temp.unlink()

    def record(self, manifest) -> None:
        manifest.files = dict(self.signatures)
        manifest.placed = dict(self.placed)  # file name -> (source ids in order, their lengths as int64s)
        manifest.union_keys = dict(self.union_keys)


def start_prefetches(out: Path, files: dict, placed: dict) -> dict[str, _Prefetch]:
    """A ``_Prefetch`` of each graph file in out/ that is still the one a manifest (its ``files`` and
    ``placed``) describes. Call with out/'s lock held."""
    started = {}
    for name in GRAPH_FILES:
        target = Path(out) / name
        if name in placed and files.get(name) == _signature(target):
            with contextlib.suppress(OSError):
                started[name] = _Prefetch(target)
    return started


def _runs(ids: tuple[str, ...], old_index: dict[str, int], stale: set[str]) -> list:
    """``ids`` as [first, end] runs of old positions to copy as they are, and the positions of the rest."""
    runs: list = []
    run = None
    for position, source_id in enumerate(ids):
        index = old_index.get(source_id)
        if index is None or source_id in stale:
            runs.append(position)
            run = None
        elif run is not None and run[1] == index:
            run[1] = index + 1
        else:
            run = [index, index + 1]
            runs.append(run)
    return runs


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
                staged.append((name, write_temp(target, data)))
        for name, temp in staged:
            replace_file(temp, out_dir / name)
        staged = []
        fsync_dir(out_dir)
    finally:
        for _, temp in staged:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()

"""What a build keeps between runs: each source built, by content, and the last build's manifest.

``.kg-cache/`` (in the project folder) holds each source compiled (its
statements and what the project-wide checks need) under a key that hashes the
source's files, the ontology, the shapes and this code's version, so a changed
input is simply a different key. The compiled sources are appended to pack
files, one per process that compiles (a file per source cost more to create,
0.55 ms here, than the 40 KB in it cost to write), and ``.kg-cache/index-<xx>``
(by the key's first two characters) are append-only lists of where each key
is: a damaged or lost entry is only a source compiled again. ``out/.manifest`` describes the build whose
files are in out/: which key each source had, where each source's segment sits
in each output file, the project index (graph/index.py) and the report's
parts; each source's summary is in ``out/.summaries-<id>`` beside it, read
only when asked for. A build that fails writes no manifest and changes nothing
in out/, so the next build compares against the last one that succeeded.

Files are pickles read back with an unpickler that only builds kg's own plain
records (no other class is ever imported on load), and are written under
temporary names and renamed, like every output.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import mmap
import os
import pickle
import tempfile
import time
import zlib
from dataclasses import dataclass, field, fields
from pathlib import Path

import graph
from graph import portable

CACHE_DIR = ".kg-cache"
MANIFEST = ".manifest"
SUMMARIES = ".summaries"
KEEP_UNUSED_DAYS = 7  # another out/ folder (--reviewed-only, say) may still want them
INDEX = "index-"  # + the key's first two characters: a lookup reads one 256th of the index
PACK = "pack-"
BUSY_SECONDS = 3600  # a pack written to this recently may belong to a build still running: never moved
FORMAT = 6  # bump when what is cached changes shape
_ALLOWED = {("graph.build", "Compiled"), ("graph.build", "Claim"), ("graph.validate", "Violation"),
            ("graph.report", "ReportParts"), ("builtins", "frozenset"),
            ("builtins", "set")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in kg's cache")
        return super().find_class(module, name)


def loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


def code_version() -> str:
    """A hash of the package's own code: a new kg version never reuses an old cache."""
    digest = hashlib.sha256(f"{FORMAT}".encode())
    package = Path(graph.__file__).parent
    # Subpackages too (a stage that moves into one must still invalidate); the base regions are kg's code as well.
    for module in sorted([*package.rglob("*.py"), *package.glob("data/*.tsv")]):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class Manifest:
    inputs: str  # hash of ontology, shapes, options and code
    keys: dict[str, str]  # source id -> its key and a hash of the labels it borrowed
    # source id -> its Compiled summary without used_types (or that pickled): pickled one by one
    # into the file ``summary_file`` beside the manifest, as (offset, length) there, unpickled when asked for.
    summaries: dict[str, object]
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # output -> (size, mtime_ns, inode)
    # output -> (source ids in order, their segments' lengths as int64s)
    placed: dict[str, tuple[tuple[str, ...], bytes]] = field(default_factory=dict)
    union: dict[str, dict] = field(default_factory=dict)  # source id -> subject -> statements an earlier graph made
    union_keys: dict[str, str] = field(default_factory=dict)  # source id -> hash of those statements
    hashes: dict[str, tuple] = field(default_factory=dict)  # file -> ((size, mtime_ns, inode), sha256)
    store: str = ""  # folder name of the store in out/
    # Every IRI's classes at the end of the build, which is what every source's shapes saw (a
    # source that saw anything else was checked again), and the IRIs each source looked up.
    types: dict[str, frozenset] = field(default_factory=dict)
    used_nodes: dict[str, str] = field(default_factory=dict)  # source id -> IRIs, one a line
    text_files: dict[str, str] = field(default_factory=dict)  # source id -> its text's name, when not <id>.txt
    # (sources folder, the text_files the keys were made with, the folder's mtime before the scan): see
    # graph.scan._jobs_since and graph.pipeline._build
    scanned: tuple = ()
    index: list = field(default_factory=list)  # graph.index.ProjectIndex, as shards
    report: object = None  # graph.report.ReportParts
    summary_file: str = ""
    _loaded: dict = field(default_factory=dict, repr=False, compare=False)
    _map: object = field(default=None, repr=False, compare=False)  # the summary file, mapped

    def summary(self, source_id: str):
        """A source's summary as this build left it (None if it had no such source)."""
        found = self._loaded.get(source_id)
        if found is None:
            where = self.summaries.get(source_id)
            if where is None:
                return None
            found = self._loaded[source_id] = loads(self._map[where[0]:where[0] + where[1]]) \
                if isinstance(where, tuple) else where
        return found

    def kept(self, source_id: str, compiled) -> bool:
        """Whether ``compiled`` is this manifest's own summary of the source: unchanged since that build."""
        return compiled is not None and self._loaded.get(source_id) is compiled


_FIELDS = [f.name for f in fields(Manifest) if not f.name.startswith("_")]
LATE_FIELDS = ("files", "placed", "union_keys", "store")  # known once the graph files are written
EARLY_FIELDS = ("scanned", "files", "placed")  # what starts the copying of the graph files (Cache.manifest)


class Cache:
    """Compiled sources by key, and the manifest of the build in out/.

    Each process that compiles appends to a pack of its own; ``put`` returns
    where the entry went, as an index record, and the building process
    ``record``s those its workers send back. ``close`` appends the new records
    to the index in one write (appends of two builds never interleave).
    """

    def __init__(self, root: Path, out: Path):
        self.folder = Path(root) / CACHE_DIR
        self.manifest_path = Path(out) / MANIFEST
        self._index: dict[str, dict[str, tuple]] = {}  # shard -> key -> (pack, offset, length, crc, written), read when asked
        self._added: dict[str, tuple] = {}  # records not yet in the index file
        self._writer: tuple[int, int, str, list] | None = None  # (pid, fd, pack, [offset]) of this process's pack
        self._readers: dict[str, int] = {}

    def __getstate__(self):
        """What a worker needs to ``put``: where the cache is (it opens a pack of its own)."""
        return {"folder": self.folder, "manifest_path": self.manifest_path}

    def __setstate__(self, state) -> None:
        self.__init__(state["folder"].parent, state["manifest_path"].parent)

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *failure) -> None:
        self.close()

    def get(self, key: str):
        where = self._added.get(key) or self._shard(key).get(key)
        if where is None:
            return None
        pack, offset, length, crc, _ = where
        try:
            reader = self._readers.get(pack)
            if reader is None:
                reader = self._readers[pack] = os.open(self.folder / pack, os.O_RDONLY)
            data = portable.pread(reader, length, offset)
            if len(data) != length or zlib.crc32(data) != crc:
                return None
            return loads(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None  # lost or damaged: build it again

    def put(self, key: str, value) -> tuple:
        """Append ``value`` to this process's pack; return its index record (see ``record``)."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if self._writer is None or self._writer[0] != os.getpid():  # a worker: a pack of its own
            self.folder.mkdir(parents=True, exist_ok=True)
            pack = f"{PACK}{os.getpid()}-{os.urandom(4).hex()}"
            fd = os.open(self.folder / pack, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, 0o644)
            self._writer = (os.getpid(), fd, pack, [0])
        _, fd, pack, end = self._writer
        offset = end[0]
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        end[0] += len(data)
        entry = (key, pack, offset, len(data), zlib.crc32(data), int(time.time()))
        self.record(entry)
        return entry

    def record(self, entry: tuple) -> None:
        """Know where ``put`` (here or in a worker) stored a key; it goes into the index on ``close``."""
        self._added[entry[0]] = entry[1:]

    def close(self) -> None:
        """Add this build's records to the index, and let go of the packs."""
        by_shard: dict[str, list[str]] = {}
        for key, where in self._added.items():
            shard = _shard_of(key)
            by_shard.setdefault(shard, []).append(_index_line(key, where))
            if shard in self._index:
                self._index[shard][key] = where
        for shard, lines in by_shard.items():
            with contextlib.suppress(OSError):  # not written: only compiled again next time
                fd = os.open(self.folder / shard, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
                try:
                    os.write(fd, "".join(lines).encode())
                finally:
                    os.close(fd)
        self._added = {}
        for fd in self._readers.values():
            os.close(fd)
        self._readers = {}
        if self._writer is not None and self._writer[0] == os.getpid():
            os.close(self._writer[1])
        self._writer = None

    def _shard(self, key: str) -> dict[str, tuple]:
        name = _shard_of(key)
        if name not in self._index:
            self._index[name] = _read_index(self.folder / name)
        return self._index[name]

    def manifest(self, inputs: str, early=None) -> Manifest | None:
        """The last build's manifest, if it was made with ``inputs`` and its summary file is whole.

        ``early(fields)``, if given, is called with a few fields (``EARLY_FIELDS``, by name) as soon as
        they are read, before the rest is: a tenth of a second sooner at 20,000 sources.
        """
        try:
            fields = loads(self.manifest_path.read_bytes())
            if not isinstance(fields, dict) or loads(fields["inputs"]) != inputs:
                return None
            if early is not None:
                early({name: loads(fields[name]) for name in EARLY_FIELDS})
            manifest = Manifest(**{name: loads(data) for name, data in fields.items()})
            with open(self.manifest_path.parent / manifest.summary_file, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                manifest._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
        except (OSError, KeyError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        if any(offset + length > size for offset, length in manifest.summaries.values()):
            return None  # the summary file is not the one this manifest was written with
        return manifest

    def stage_manifest(self, manifest: Manifest, previous: Manifest | None) -> dict[str, bytes]:
        """Store the summaries new since ``previous`` and pickle the manifest's fields but ``LATE_FIELDS``.

        Done while the graph files are being copied (in the kernel, outside the
        GIL). Each field is pickled on its own: one pickle of them all spends
        twice as long in its memo. New summaries are appended to the last
        build's summary file, whose other bytes the last manifest (current
        until this one is renamed in) never refers to; when more than half of
        that file is summaries no longer used, the used ones are copied into a
        new file instead.
        """
        where, fresh = {}, {}
        for source_id, summary in manifest.summaries.items():
            if isinstance(summary, tuple):
                where[source_id] = summary
            elif isinstance(summary, bytes):  # pickled already
                fresh[source_id] = summary
            elif previous is not None and previous.kept(source_id, summary):
                where[source_id] = previous.summaries[source_id]
            else:
                fresh[source_id] = pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)
        live = sum(length for _, length in where.values())
        name = previous.summary_file if previous is not None else ""
        if not name or len(previous._map) > 2 * live + sum(map(len, fresh.values())):
            name, old = f"{SUMMARIES}-{os.urandom(4).hex()}", where
            where, fresh = {}, {**{s: previous._map[o:o + n] for s, (o, n) in old.items()}, **fresh}
        with open(self.manifest_path.parent / name, "ab") as handle:
            offset = handle.seek(0, os.SEEK_END)
            for source_id, data in fresh.items():
                where[source_id] = (offset, len(data))
                offset += len(data)
            handle.write(b"".join(fresh.values()))
        manifest.summaries, manifest.summary_file = where, name
        return {name: pickle.dumps(getattr(manifest, name), protocol=pickle.HIGHEST_PROTOCOL)
                for name in _FIELDS if name not in LATE_FIELDS}

    def save_manifest(self, manifest: Manifest, staged: dict[str, bytes]) -> None:
        """Write the manifest: the fields ``stage_manifest`` pickled, and the late ones."""
        fields = {**staged, **{name: pickle.dumps(getattr(manifest, name), protocol=pickle.HIGHEST_PROTOCOL)
                               for name in LATE_FIELDS}}
        _write(self.manifest_path, pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL))
        for stale in self.manifest_path.parent.glob(f"{SUMMARIES}-*"):
            if stale.name != manifest.summary_file:
                with contextlib.suppress(FileNotFoundError):
                    stale.unlink()

    def prune(self, keep: set[str]) -> None:
        """Forget compiled sources this build did not use and nothing wrote for a week; pack the rest tighter.

        Looked at once a day at most (a stamp file says when): with a week's grace,
        more often changes nothing. A pack mostly forgotten has its live entries
        copied to a new one; a pack written in the last hour (a build may still
        be running) is left as it is.
        """
        stamp = self.folder / ".pruned"
        now = time.time()
        with contextlib.suppress(FileNotFoundError):
            if now - stamp.stat().st_mtime < 86400:
                return
        if not self.folder.is_dir():
            return
        self.close()
        entries = {}
        for shard in self.folder.glob(f"{INDEX}*"):
            entries.update(_read_index(shard))
        live = {key: where for key, where in entries.items()
                if key in keep or where[4] >= now - KEEP_UNUSED_DAYS * 86400}
        sizes, busy = {}, set()
        for entry in os.scandir(self.folder):
            if entry.name.startswith(PACK):
                stat = entry.stat()
                sizes[entry.name] = stat.st_size
                if stat.st_mtime >= now - BUSY_SECONDS:
                    busy.add(entry.name)
        live = {key: where for key, where in live.items() if where[0] in sizes}
        used: dict[str, int] = {}
        for pack, _, length, _, _ in live.values():
            used[pack] = used.get(pack, 0) + length
        moving = {pack for pack, size in sizes.items()
                  if pack not in busy and (pack not in used or 2 * used[pack] < size)}
        for key, (pack, offset, length, crc, written) in list(live.items()):
            if pack in moving:
                value = self.get(key)
                if value is None:
                    del live[key]
                else:
                    moved = self.put(key, value)
                    live[key] = (*moved[1:5], written)
        self._added = {}
        shards: dict[str, list[str]] = {shard.name: [] for shard in self.folder.glob(f"{INDEX}*")}
        for key, where in live.items():
            shards.setdefault(_shard_of(key), []).append(_index_line(key, where))
        for shard, lines in shards.items():
            _write(self.folder / shard, "".join(lines).encode())
        self._index = {}
        self.close()
        for entry in os.scandir(self.folder):
            gone = entry.name in moving or (entry.name not in sizes and not entry.name.startswith((INDEX, "."))
                                            and entry.stat().st_mtime < now - BUSY_SECONDS)
            if gone:  # a moved pack, or a file an older kg kept here
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
        stamp.touch()


def _shard_of(key: str) -> str:
    return INDEX + key[:2]


def _index_line(key: str, where: tuple) -> str:
    return f"{key} {' '.join(map(str, where))}\n"


def _read_index(path: Path) -> dict[str, tuple]:
    """key -> (pack, offset, length, crc, written); the last line for a key wins, a damaged one is skipped."""
    entries = {}
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return entries
    for line in text.split("\n")[:-1]:  # the last is empty, or a line whose append was cut short
        fields = line.split(" ")
        if len(fields) == 6 and fields[1].startswith(PACK):
            try:
                entries[fields[0]] = (fields[1], int(fields[2]), int(fields[3]), int(fields[4]), int(fields[5]))
            except ValueError:
                continue
    return entries


def _write(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise

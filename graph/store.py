"""The embedded query store: a pyoxigraph (RocksDB) store that `kg build` fills in out/.

Queries open it read-only instead of re-parsing Turtle on every call. The store
lives in ``out/store-<hash>/`` and ``out/store`` names the current one (a
symbolic link, or a file holding the name where links cannot be made), swapped
atomically, so a build killed at any moment leaves the previous store in place
and usable. A rebuild starts from a checkpoint of the current
store and replaces only the named graphs of changed sources.

Each such rebuild adds a few files to RocksDB's first level, which every read
then merges: after a dozen rebuilds of the 20,000-article corpus (71 files
against 17) reading every label took 0.95 s against 0.46 s, and the
`posts` query 0.60 s against 0.29 s. So after a build a background process
(``compact_for_next_build``) makes a compacted copy of the new store, and the
next build starts from that copy: every store is at most one rebuild away from
compacted. A store is never changed once current, since readers may hold it.

Besides the named graphs (one per source), the store's default graph holds
every statement once: a statement two sources make is one triple there, so a
query without GRAPH counts as the build does (3537 triples, where the union of
the named graphs has 3580). The store keeps quads as a set, so each graph's
statements are simply loaded into the default graph too; a rebuild that
replaces a graph removes from the default graph only what no other graph states.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import threading
from pathlib import Path

import pyoxigraph as ox

from graph import portable
from graph.namespaces import graph_iri
from graph.errors import NotBuilt

LINK = "store"
COMPACTED = ".compacted-"  # out/.compacted-<store>/: the same statements as <store>, compacted, for the next build
FRAGMENTED = 100  # files in a store past which a build compacts its own copy (no background compaction has run)
# A bulk load does its real work (sorting, writing the index files) only when its input ends, or at
# each million statements, one batch after the other. Fed a whole 20,000-article graph, that work
# began when four fifths of the sources were compiled and the build then waited 3.5-4 s for it. So
# a new store is fed to three loads, each on a thread of its own and closed once these fractions of
# the graphs are fed: the first two work while sources still compile, the last has a tenth to do.
# (More loads, with 32 MB each, cost more than they saved: RocksDB compacts the files as they come.)
LOAD_SPLITS = (0.45, 0.9)
SPLIT_FROM = 1000  # graphs; fewer take one load well under a second
ANSWERS = ".answers"  # out/.answers/<store>/: kg query's kept answers, removed with their store


_write_ends: set[int] = set()  # the pipes to this process's loads


def _let_go_of_write_ends() -> None:
    """In a forked child (a build's worker): a load ends when every write end of its pipe is closed,
    so the child must not keep one open. Each is pointed at /dev/null rather than closed, so that the
    file object still holding the number can never close another file."""
    if _write_ends:
        null = os.open(os.devnull, os.O_WRONLY)
        for fd in _write_ends:
            os.dup2(null, fd)
        os.close(null)
        _write_ends.clear()


if hasattr(os, "register_at_fork"):  # where processes can fork (not on Windows)
    os.register_at_fork(after_in_child=_let_go_of_write_ends)


_DEFAULT = ox.DefaultGraph()


def in_default_graph(source_id: str, nquads: bytes) -> bytes:
    """A named graph's N-Quads as statements of the default graph (N-Triples lines).

    Inside a line a line break is always escaped, so " <graph> .\\n" can only be a line's end.
    """
    return nquads.replace(f" <{graph_iri(source_id)}> .\n".encode(), b" .\n")


def _with_default_graph(source_id: str, nquads: bytes) -> bytes:
    return nquads + in_default_graph(source_id, nquads)


class StoreUpdate:
    """This build's store, made beside the current one while the build runs.

    With a usable current store (``current``), ``finish`` takes a checkpoint
    of it (hard links, instant) and replaces only the changed named graphs.
    Without one, a new store is bulk-loaded on threads of its own (the loader
    runs outside the GIL; see LOAD_SPLITS) from each named graph's N-Quads,
    fed to ``feed`` as soon as the build has them: during compilation, not
    after it. Its folder sits beside out/ until ``commit`` moves it in, so a
    build that fails leaves nothing behind. ``commit`` swaps the link; the store before is kept,
    so a running `kg serve` goes on. As a context, it is abandoned if the build fails.
    """

    def __init__(self, out: Path, current: str):
        self.out = Path(out)
        link = self.out / LINK
        base = self.out / current if current else None
        self.base = base if (base is not None and (base / "CURRENT").exists()
                             and portable.pointed(link) == current) else None
        self.streaming = self.base is None
        self.fed: set[str] = set()
        self.name = ""
        self.staging: Path | None = None
        self._store = self._pipe = None  # the store being loaded, and the pipe to the load being fed
        self._loads: list[threading.Thread] = []
        self._splits: list[int] = []  # graphs fed at which a new load starts
        self._expected = 0
        self._failure: BaseException | None = None
        parent = self.out.resolve().parent
        for stale in parent.glob(f".{self.out.name}.store-*.tmp"):  # left by a build that was killed
            if not _alive(stale.name.rsplit("-", 1)[1][: -len(".tmp")]):
                shutil.rmtree(stale, ignore_errors=True)
        if self.streaming:
            self.staging = parent / f".{self.out.name}.store-{os.getpid()}.tmp"
            self._start_loading()

    def __enter__(self) -> StoreUpdate:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if error is not None:
            self.abort()

    def _start_loading(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self._store = ox.Store(str(self.staging))

    def expect(self, graphs: int) -> None:
        """How many graphs the build will feed: the loads are split at LOAD_SPLITS of them, and the
        last is closed once they are all fed."""
        self._expected = graphs
        if graphs >= SPLIT_FROM:
            self._splits = [round(graphs * fraction) for fraction in LOAD_SPLITS]

    def feed(self, source_id: str, nquads: bytes) -> None:
        """A named graph's N-Quads, for a store being loaded; a graph already fed is not fed again."""
        if not self.streaming or source_id in self.fed:
            return
        if self._splits and len(self.fed) >= self._splits[0]:
            self._splits.pop(0)
            self._close_pipe()  # that load does its work now, while the build goes on
        if self._pipe is None:
            self._new_load()
        self.fed.add(source_id)
        try:
            self._pipe.write(_with_default_graph(source_id, nquads))
        except BrokenPipeError:
            pass  # the load stopped: finish() says why
        if len(self.fed) == self._expected:
            self._close_pipe()

    def _new_load(self) -> None:
        # Every statement a build loads was parsed strictly by Oxigraph when its source was compiled
        # (outputs.render_segments), so the loader does not check IRIs again (lenient, here and in
        # finish): about a tenth less CPU, 10.4-11.0 s of user time against 11.7-12.3 s for the
        # 20,000-article graph.nq.
        reader, writer = os.pipe()
        self._pipe = os.fdopen(writer, "wb", buffering=1 << 20)
        _write_ends.add(writer)
        store = self._store

        def load():
            try:
                with os.fdopen(reader, "rb") as stream:
                    store.bulk_load(input=stream, format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as exc:  # reported by finish()
                self._failure = exc

        self._loads.append(threading.Thread(target=load, name="kg-store-load", daemon=True))
        self._loads[-1].start()

    def _close_pipe(self) -> None:
        if self._pipe is not None:
            _write_ends.discard(self._pipe.fileno())
            with contextlib.suppress(BrokenPipeError):
                self._pipe.close()
            self._pipe = None

    def _join(self) -> None:
        self._close_pipe()
        for load in self._loads:
            load.join()
        self._loads = []
        self._store = None  # closed (``finish`` opens it again)

    def finish(self, keys: dict[str, str], changed: set[str], removed: set[str], nquads, redo: set[str]) -> None:
        """Complete the new store (not yet current).

        ``keys`` are the build's sources (id -> key); ``changed``/``removed``
        say which differ from the current store; ``nquads(id)`` gives a
        source's N-Quads; ``redo`` are sources fed before they were compiled
        again (with labels that changed meanwhile).
        """
        self.name = "store-" + hashlib.sha256("\n".join(f"{s} {k}" for s, k in sorted(keys.items())).encode()).hexdigest()[:16]
        link = self.out / LINK
        if portable.pointed(link) == self.name and (self.out / self.name / "CURRENT").exists():
            self.abort()
            return  # the current store is this build's already
        compact = False
        if self.streaming:
            self._join()
            if self._failure is not None:
                raise self._failure
            replace = redo
        else:
            self.staging = self.out / f".{self.name}.tmp"
            shutil.rmtree(self.staging, ignore_errors=True)
            try:
                os.replace(self.out / f"{COMPACTED}{self.base.name}", self.staging)  # made after the last build
            except OSError:
                ox.Store.read_only(str(self.base)).backup(str(self.staging))
                compact = _files(self.staging) > FRAGMENTED
            replace = removed | changed
        store = ox.Store(str(self.staging))
        replaced = set()  # the default graph's statements that the replaced graphs made
        for source_id in sorted(replace):
            graph = ox.NamedNode(graph_iri(source_id))
            replaced.update(ox.Triple(q.subject, q.predicate, q.object)
                            for q in store.quads_for_pattern(None, None, None, graph))
            store.remove_graph(graph)
        added = sorted(replace - removed)
        if added:  # one load: each call of the bulk loader writes and ingests files of its own
            store.bulk_load(b"".join(_with_default_graph(source_id, nquads(source_id)) for source_id in added),
                            format=ox.RdfFormat.N_QUADS, lenient=True)
        for triple in replaced:
            if not any(quad.graph_name != _DEFAULT for quad in store.quads_for_pattern(*triple)):
                store.remove(ox.Quad(*triple, _DEFAULT))  # no graph states it any more
        if compact:
            store.optimize()
        store.flush()
        del store

    def commit(self) -> str:
        """Make the new store the current one; return its folder's name."""
        if self.staging is not None:
            folder = self.out / self.name
            shutil.rmtree(folder, ignore_errors=True)
            os.replace(self.staging, folder)
            self.staging = None
        self._swap_link()
        return self.name

    def abort(self) -> None:
        self._join()
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def _swap_link(self) -> None:
        out, link = self.out, self.out / LINK
        keep = {self.name, portable.pointed(link)}
        portable.point(link, self.name)
        for old in [*out.glob("store-*"), *out.glob(f"{ANSWERS}/*")]:
            if old.name not in keep:  # the previous store stays for a `kg serve` still reading it
                shutil.rmtree(old, ignore_errors=True)
        for stale in out.glob(".store-*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)
        for copy in out.glob(f"{COMPACTED}*"):  # compacted copies of stores no build will start from
            if copy.name != f"{COMPACTED}{self.name}" and not _alive(copy.suffix[1:]):  # .<pid> while being made
                shutil.rmtree(copy, ignore_errors=True)


def compact_for_next_build(out: Path) -> bool:
    """Make a compacted copy of out/'s current store for the next build to start from; True if one was made.

    Nothing is made when a copy exists already, or when a newer build replaces
    the store meanwhile (its own background process compacts that one).
    """
    out = Path(out)
    store = store_path(out)
    target = out / f"{COMPACTED}{store.name}"
    if (target / "CURRENT").exists():
        return False
    staging = out / f"{COMPACTED}{store.name}.{os.getpid()}"  # a build leaves it alone while this process lives
    try:
        ox.Store.read_only(str(store)).backup(str(staging))
        copy = ox.Store(str(staging))
        copy.optimize()
        copy.flush()
        del copy
        if is_current(out, store):
            os.replace(staging, target)
            return True
    except OSError:
        pass
    shutil.rmtree(staging, ignore_errors=True)
    return False


def _files(store: Path) -> int:
    return sum(1 for name in os.listdir(store) if name.endswith(".sst"))


def _alive(pid: str) -> bool:
    """Whether the process named in a folder's name (``…-<pid>``) still runs; False if the name holds none."""
    return pid.isdigit() and portable.alive(int(pid))


def store_path(out: Path) -> Path:
    """The current store's folder (out/store names it: a symbolic link, or a file where links cannot be made)."""
    name = portable.pointed(Path(out) / LINK)
    if not name or not (Path(out) / name / "CURRENT").exists():
        raise NotBuilt(f"no graph built in {out}/: run `kg build` first")
    return (Path(out) / name).resolve()


def is_current(out: Path, store: Path) -> bool:
    """Whether ``store`` is still out/'s current store (no newer build has replaced it)."""
    try:
        return store_path(out) == store
    except NotBuilt:
        return False


def open_store(out: Path) -> ox.Store:
    return ox.Store.read_only(str(store_path(out)))

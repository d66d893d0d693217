"""The embedded query store: a pyoxigraph (RocksDB) store that `kg build` fills in out/.

Queries open it read-only instead of re-parsing Turtle on every call. The store
lives in ``out/store-<hash>/`` and ``out/store`` is a symlink to the current
one, swapped atomically, so a build killed at any moment leaves the previous
store in place and usable. A rebuild starts from a checkpoint of the current
store and replaces only the named graphs of changed sources.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from graph import iris
from graph.errors import NotBuilt

LINK = "store"


def update_store(out: Path, current: str, keys: dict[str, str], changed: set[str], removed: set[str],
                 nquads) -> str:
    """Make the store hold this build's graphs; return its folder's name.

    ``keys`` are the build's sources (id -> key), ``changed``/``removed`` say
    which differ from the store named ``current``, and ``nquads(id)`` gives a
    source's N-Quads. The new store is made beside the current one: a
    checkpoint of it (hard links, instant) with only the changed graphs
    replaced, or, without one, a bulk load of out/graph.nq. Then the link is
    swapped. The store before is kept, so a running `kg serve` goes on.
    """
    out = Path(out)
    name = "store-" + hashlib.sha256("\n".join(f"{s} {k}" for s, k in sorted(keys.items())).encode()).hexdigest()[:16]
    folder = out / name
    link = out / LINK
    if not (link.is_symlink() and os.readlink(link) == name and (folder / "CURRENT").exists()):
        staging = out / f".{name}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        base = out / current if current else None
        if base is not None and (base / "CURRENT").exists() and link.is_symlink() and os.readlink(link) == current:
            ox.Store.read_only(str(base)).backup(str(staging))
            store = ox.Store(str(staging))
            for source_id in sorted(removed | changed):
                store.remove_graph(ox.NamedNode(str(iris.named_graph(source_id))))
            for source_id in sorted(changed):
                store.bulk_load(nquads(source_id), format=ox.RdfFormat.N_QUADS)
        else:
            store = ox.Store(str(staging))
            store.bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    keep = {name, os.readlink(link) if link.is_symlink() else ""}
    link_tmp = out / f".{LINK}.link.tmp"
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    os.symlink(name, link_tmp)
    os.replace(link_tmp, out / LINK)
    for old in out.glob("store-*"):
        if old.name not in keep:  # the previous store stays for a `kg serve` still reading it
            shutil.rmtree(old, ignore_errors=True)
    for stale in out.glob(".store-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    return name


def write_store(out: Path, nquads: bytes) -> str:
    """A store holding exactly ``nquads``, made current (for benchmarks and tools outside a build)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staged = out / ".graph.nq.store.tmp"
    staged.write_bytes(nquads)
    try:
        name = "store-" + hashlib.sha256(nquads).hexdigest()[:16]
        folder = out / name
        if not (folder / "CURRENT").exists():
            store = ox.Store(str(out / f".{name}.tmp"))
            store.bulk_load(path=str(staged), format=ox.RdfFormat.N_QUADS)
            store.flush()
            del store
            os.replace(out / f".{name}.tmp", folder)
        link_tmp = out / f".{LINK}.link.tmp"
        link_tmp.unlink(missing_ok=True)
        os.symlink(name, link_tmp)
        os.replace(link_tmp, out / LINK)
    finally:
        staged.unlink(missing_ok=True)
    return name


def store_path(out: Path) -> Path:
    path = Path(out) / LINK
    if not (path / "CURRENT").exists():
        raise NotBuilt(f"no graph built in {out}/: run `kg build` first")
    return path.resolve()


def open_store(out: Path) -> ox.Store:
    return ox.Store.read_only(str(store_path(out)))

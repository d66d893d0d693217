"""The embedded query store: a pyoxigraph (RocksDB) store that `kg build` fills in out/.

Queries open it read-only instead of re-parsing Turtle on every call. The store
lives in ``out/store-<hash>/`` and ``out/store`` is a symlink to the current
one, swapped atomically, so a build killed at any moment leaves the previous
store in place and usable.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from pathlib import Path

import pyoxigraph as ox

from graph.errors import NotBuilt

LINK = "store"


def write_store(out: Path, nquads: bytes) -> Path:
    """Load the build's N-Quads into a new store and make it current."""
    out = Path(out)
    name = f"store-{hashlib.sha256(nquads).hexdigest()[:16]}"
    folder = out / name
    link = out / LINK
    # Reuse only the store the link already points at: any other folder of that
    # name may be one a killed build was half-way through deleting.
    if not (link.is_symlink() and os.readlink(link) == name and (folder / "CURRENT").exists()):
        staging = out / f".{name}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        store = ox.Store(str(staging))
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        del store
        shutil.rmtree(folder, ignore_errors=True)
        os.replace(staging, folder)
    link_tmp = out / f".{LINK}.link.tmp"
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    os.symlink(name, link_tmp)
    os.replace(link_tmp, out / LINK)
    for old in out.glob("store-*"):
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    for stale in out.glob(".store-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    return folder


def store_path(out: Path) -> Path:
    path = Path(out) / LINK
    if not (path / "CURRENT").exists():
        raise NotBuilt(f"no graph built in {out}/: run `kg build` first")
    return path.resolve()


def open_store(out: Path) -> ox.Store:
    return ox.Store.read_only(str(store_path(out)))

"""GraphFiles on its own: a rebuild that copies runs of old segments writes the files a fresh write does.

Random sources with random segments (some empty, some ending the file) are
written once, then changed the ways a build changes them: sources added,
removed, rewritten, or left alone in some files only (a changed union key); a
damaged file is written from the segments alone. Every file must be the same,
byte for byte, as the files written without a previous build.
"""
from __future__ import annotations

import os
import random
import time
from types import SimpleNamespace

import pytest

import graph.outputs
from graph.atomic import output_lock
from graph.outputs import GRAPH_FILES, GraphFiles, write_outputs

KINDS = ("nq", "trig", "nt", "ttl", "jsonld", "net")


def segment(rng: random.Random) -> bytes:
    return b"" if rng.random() < 0.2 else bytes(rng.choice(b"abc \n") for _ in range(rng.randint(1, 12)))


def write(out, previous, sources, reusable=(), union_keys=None, prefetch=False):
    """Write ``sources`` (id -> segments by kind); return the files' bytes and the manifest.

    With ``prefetch``, the old files' starts are being copied (as a build does once its scan finds a
    change) while the segments are added and written: wherever the copying is when the first change
    is written, the files must come out the same.
    """
    union_keys = union_keys or {}
    files = GraphFiles(out, previous)
    if prefetch:
        files.prefetch()
    loaded = []
    for source_id in sorted(sources, reverse=True):  # add() in any order: start() gets the order
        files.add(source_id, f"urn:g:{source_id}", source_id in reusable,
                  lambda source_id=source_id: loaded.append(source_id) or sources[source_id],
                  union_key=union_keys.get(source_id, ""))
    teed = []
    files.start([f"urn:g:{s}" for s in sorted(sources)], tee=lambda s, nq: teed.append((s, nq)))
    write_outputs(out, files.finish())
    manifest = SimpleNamespace()
    files.record(manifest)
    assert teed == [(s, sources[s]["nq"]) for s in sorted(sources)]
    return {name: (out / name).read_bytes() for name in GRAPH_FILES}, manifest, loaded


@pytest.mark.parametrize("prefetch", [False, True])
@pytest.mark.parametrize("seed", range(40))
def test_copied_runs_give_the_files_a_fresh_write_gives(tmp_path, seed, prefetch, monkeypatch):
    monkeypatch.setattr(graph.outputs._Prefetch, "CHUNK", 64)  # so that the copying is often stopped midway
    rng = random.Random(seed)
    sources = {f"s{i:03d}": {k: segment(rng) for k in KINDS} for i in rng.sample(range(200), rng.randint(0, 30))}
    keys = {s: str(rng.randint(0, 1)) for s in sources if rng.random() < 0.5}
    _, manifest, _ = write(tmp_path / "out", None, sources, union_keys=keys)

    changed = dict(sources)
    unchanged = set(sources)  # reusable, as a build says: the same statements
    for source_id in list(changed):
        roll = rng.random()
        if roll < 0.1:
            del changed[source_id]
        elif roll < 0.2:
            changed[source_id] = {k: segment(rng) for k in KINDS}
            unchanged.remove(source_id)
        elif roll < 0.3:  # the same statements, fewer of them new in the union files: still reusable
            keys[source_id] = "changed"
            changed[source_id] = {**changed[source_id], **{k: segment(rng) for k in ("nt", "ttl", "jsonld")}}
    for i in rng.sample(range(200, 260), rng.randint(0, 5)):
        changed[f"s{i:03d}"] = {k: segment(rng) for k in KINDS}
    if rng.random() < 0.2:  # a file damaged since: written again from the segments
        os.truncate(tmp_path / "out" / rng.choice(GRAPH_FILES), 1)
    rebuilt, again, loaded = write(tmp_path / "out", manifest, changed, unchanged, keys, prefetch)
    fresh, clean, _ = write(tmp_path / "clean", None, changed, union_keys=keys)
    assert rebuilt == fresh
    assert again.placed == clean.placed
    if rng.random() < 0.5:  # nothing changed: nothing is loaded
        _, _, loaded = write(tmp_path / "out", again, changed, set(changed), keys, prefetch)
        assert loaded == []
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")) == []


def names(out):
    """The folder's names but the lock's (a system without flock removes its lock file on release)."""
    return sorted(p.name for p in out.iterdir() if p.name != ".lock")


def names_once_settled(out, expected, seconds=10.0):
    """The folder's names, once they are ``expected`` (a process of its own removes replaced files) or time is up."""
    deadline = time.monotonic() + seconds
    while names(out) != expected and time.monotonic() < deadline:
        time.sleep(0.02)
    return names(out)


def test_replaced_files_are_removed_once_the_lock_is_released(tmp_path):
    out = tmp_path / "out"
    write_outputs(out, {"a": b"old a", "b": b"old b"})
    os.link(out / "b", tmp_path / "b")  # b has another name: replacing it frees nothing
    with open(out / "a", "rb") as reader, output_lock(out):
        write_outputs(out, {"a": b"new a", "b": b"new b"})
        assert (out / "a").read_bytes() == b"new a" and reader.read() == b"old a"
        assert not (out / ".b.old.tmp").exists()
        assert (out / ".a.old.tmp").read_bytes() == b"old a"  # until the lock is released
    assert names_once_settled(out, ["a", "b"]) == ["a", "b"]
    assert (tmp_path / "b").read_bytes() == b"old b"
    write_outputs(out, {"a": b"a again"})  # without the lock: replaced at once
    assert names(out) == ["a", "b"]

"""Interrupted builds: `kg build` killed with SIGKILL at many points never leaves a half-written output.

Two versions of the project (A: as shipped; B: one source changed) are built
into reference folders first. Then builds of A and B alternate into one out/
folder, each killed after a growing delay spread over a build's duration.
After every kill each output file is byte-identical to A's or to B's, the
store is A's or B's (or not there yet), temporaries are hidden ``.*.tmp``
names, and the next complete build succeeds and leaves no temporary behind.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.outputs import GRAPH_FILES, REPORT_FILES

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = list(GRAPH_FILES + REPORT_FILES)  # and whatever else a complete build writes (graph.html…)
KILLS = 20


def copy_project(root: Path) -> Path:
    root.mkdir(parents=True)
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    return root


def kg_build(root: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph", "build", "--root", str(root), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=root)


def run_build(root: Path, out: Path) -> float:
    start = time.perf_counter()
    proc = kg_build(root, out)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    return time.perf_counter() - start


def _exited_pid() -> int:
    """The pid of a process that has exited and been reaped."""
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS if (out / name).exists()}


def store_quads(out: Path) -> int | None:
    link = out / "store"
    if not link.exists():
        return None
    return len(ox.Store.read_only(str(link.resolve())))


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    base = tmp_path_factory.mktemp("interrupted")
    root_a = copy_project(base / "a")
    root_b = copy_project(base / "b")
    gazetteer = root_b / "sources" / "gazetteer.yaml"
    text = gazetteer.read_text(encoding="utf-8")
    assert "  title: Gazetteer of" in text
    gazetteer.write_text(text.replace("  title: Gazetteer of", "  title: Version B gazetteer of", 1), encoding="utf-8")
    duration = run_build(root_a, base / "ref-a")
    run_build(root_b, base / "ref-b")
    OUTPUTS.extend(sorted(p.name for p in (base / "ref-a").iterdir()
                          if p.is_file() and not p.is_symlink() and not p.name.startswith(".") and p.name not in OUTPUTS))
    ref = {"a": snapshot(base / "ref-a"), "b": snapshot(base / "ref-b")}
    assert set(ref["a"]) == set(ref["b"]) == set(OUTPUTS)
    assert any(ref["a"][name] != ref["b"][name] for name in OUTPUTS)
    quads = {store_quads(base / "ref-a"), store_quads(base / "ref-b")}
    return base, {"a": root_a, "b": root_b}, ref, quads, duration


def assert_each_file_complete(out: Path, ref: dict, quads: set) -> None:
    for name, data in snapshot(out).items():
        assert data in (ref["a"][name], ref["b"][name]), f"{name} is neither version A nor version B"
    if (out / "previous.nq").exists():  # kg diff's copy of the graph a build replaced
        assert (out / "previous.nq").read_bytes() in (ref["a"]["graph.nq"], ref["b"]["graph.nq"])
    for path in out.iterdir():
        if path.name == "previous.nq":
            continue
        known = (path.name in OUTPUTS or path.name in (".lock", ".manifest", "store", ".answers")  # .answers: kg query's
                 or path.name.startswith("store-")
                 or path.name.startswith(".summaries-")  # the manifest's; one not yet in use goes at the next build
                 or path.name.startswith(".compacted-")  # a background compaction's, for the next build
                 or path.name in (".network-index", ".network-betweenness"))  # the background's merge of network.jsonl
        assert known or (path.name.startswith(".") and path.name.endswith(".tmp")), f"unexpected {path.name}"
    count = store_quads(out)
    assert count is None or count in quads, count


def test_kill_build_at_many_points_leaves_every_file_complete(versions, request):
    base, roots, ref, quads, duration = versions
    out = base / "out"
    run_build(roots["a"], out)  # the previous complete version
    survived = 0
    for kill in range(1, KILLS + 1):
        version = "ab"[kill % 2]  # B, A, B…: each build replaces what the one before may have written
        proc = kg_build(roots[version], out)
        time.sleep(duration * (0.3 + 0.8 * kill / KILLS))  # the first third is Python importing
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert_each_file_complete(out, ref, quads)
        survived += 1
    run_build(roots["a"], out)
    assert snapshot(out) == ref["a"]
    assert not list(out.glob(".*.tmp"))
    assert not list(base.glob(".out.store-*.tmp"))  # a store a killed clean build was loading beside out/
    assert store_quads(out) == store_quads(base / "ref-a")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nkill points survived: {survived} (build takes {duration:.2f} s; "
              f"delays {duration * (0.3 + 0.8 / KILLS):.2f}..{duration * 1.1:.2f} s)")


def test_stale_temporaries_are_never_taken_for_outputs(versions):
    """What a killed build leaves (hidden .tmp files and a half-loaded store) is cleared by the next build."""
    base, roots, ref, quads, _ = versions
    out = base / "out-stale"
    run_build(roots["a"], out)
    (out / ".graph.ttl.abc123.tmp").write_bytes(ref["b"]["graph.ttl"][:100])
    half = out / ".store-0000000000000000.tmp"
    half.mkdir()
    (half / "CURRENT").write_text("MANIFEST-000001\n")
    gone = _exited_pid()
    beside = base / f".out-stale.store-{gone}.tmp"  # what a clean build killed while loading leaves
    beside.mkdir()
    assert_each_file_complete(out, ref, quads)
    run_build(roots["b"], out)
    assert snapshot(out) == ref["b"]
    assert not list(out.glob(".*.tmp"))
    assert not beside.exists()


# --------------------------------------------------------------------------
# kg add and kg snapshot, killed
# --------------------------------------------------------------------------

ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "serang-binzhou.en.txt"
SMALL_KILLS = 8
ADD_ARGS = ("--url", "https://example.org/serang-binzhou", "--publisher", "antara", "--published", "2025-09")


def kg(*args, cwd=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, cwd=cwd)


def timed_run(*args) -> float:
    start = time.perf_counter()
    proc = kg(*args)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    return time.perf_counter() - start


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    base = tmp_path_factory.mktemp("add")
    reference = copy_project(base / "reference")
    before = tree(reference / "sources")
    duration = timed_run("add", ARTICLE, *ADD_ARGS, "--root", reference)
    after = tree(reference / "sources")
    new = {name: data for name, data in after.items() if before.get(name) != data}
    assert any(name.endswith(".yaml") for name in new) and any(name.endswith(".txt") for name in new)
    return base, before, new, duration


def test_kill_add_at_many_points_leaves_sources_whole(added, request):
    base, before, new, duration = added
    survived = 0
    for kill in range(1, SMALL_KILLS + 1):
        root = copy_project(base / f"kill-{kill}")
        proc = kg("add", ARTICLE, *ADD_ARGS, "--root", root)
        time.sleep(duration * (0.3 + 0.8 * kill / SMALL_KILLS))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        now = tree(root / "sources")
        for name, data in now.items():
            if Path(name).name.startswith(".") and name.endswith(".tmp"):
                continue  # a hidden temporary of write_atomic, not a source
            assert data == before.get(name) or data == new.get(name), f"{name} is neither before nor after add"
        assert set(before) <= set(now)
        records = [n for n in new if n.endswith(".yaml") and "/" not in n]
        if all(n in now for n in records):  # the add completed: the project builds
            assert run_build(root, root / "out") > 0
        survived += 1
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nkg add kill points survived: {survived} (add takes {duration:.2f} s)")


def test_add_killed_between_text_and_record_can_be_repeated(added):
    base, before, new, _ = added
    root = copy_project(base / "between")
    for name, data in new.items():  # what add had written when killed just before the record
        if name.endswith(".txt"):
            (root / "sources" / name).write_bytes(data)
    proc = kg("add", ARTICLE, *ADD_ARGS, "--root", root)
    _, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err.decode()
    assert {n: d for n, d in tree(root / "sources").items() if n in new} == new


def _statements(sealed: bytes) -> bytes:
    """A snapshot's statement lines, without the end marker that seals it (which must be there)."""
    statements, marker, _ = sealed.rpartition(b"# end of snapshot: ")
    assert marker
    return statements


def test_kill_snapshot_at_many_points_leaves_it_absent_or_whole(versions, request):
    base, roots, ref, quads, _ = versions
    out = base / "out-snapshot"
    run_build(roots["a"], out)
    duration = timed_run("snapshot", "first", "--out", out)
    body = b"\n".join(sorted((out / "graph.nq").read_bytes().split(b"\n")[:-1])) + b"\n"  # snapshots are sorted
    survived = 0
    for kill in range(1, SMALL_KILLS + 1):
        proc = kg("snapshot", f"s{kill}", "--out", out)
        time.sleep(duration * (0.3 + 0.8 * kill / SMALL_KILLS))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        for path in (out / "snapshots").iterdir():
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                continue
            header, _, rest = path.read_bytes().partition(b"\n")
            assert header.startswith(f"# snapshot {path.stem} taken ".encode()) and _statements(rest) == body, path.name
        survived += 1
    timed_run("snapshot", "s1", "--force", "--out", out)
    assert _statements((out / "snapshots" / "s1.nq").read_bytes().partition(b"\n")[2]) == body
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nkg snapshot kill points survived: {survived} (snapshot takes {duration:.2f} s)")

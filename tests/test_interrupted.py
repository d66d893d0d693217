"""Interrupted builds: `kg build` killed with SIGKILL at many points never leaves a half-written output.

Two versions of the project (A: as shipped; B: one source changed) are built
into reference folders first. Then builds of A and B alternate into one out/
folder, each killed after a growing delay spread over a build's duration.
After every kill each output file is byte-identical to A's or to B's, the
store is A's or B's (or not there yet), temporaries are hidden ``.*.tmp``
names, and the next complete build succeeds and leaves no temporary behind.
"""
from __future__ import annotations

import os
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
        known = path.name in OUTPUTS or path.name in (".lock", "store") or path.name.startswith("store-")
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
    assert_each_file_complete(out, ref, quads)
    run_build(roots["b"], out)
    assert snapshot(out) == ref["b"]
    assert not list(out.glob(".*.tmp"))

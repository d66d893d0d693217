"""kg on systems without Linux's extra calls (macOS, Windows): every fallback works, and workers start by spawn.

The CI runs the whole suite a second time as such a system would
(tests/portable/sitecustomize.py, KG_START_METHOD=spawn); these tests check
each fallback on its own, on any machine.
"""
from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.compile
from graph import portable
from graph.errors import BuildLocked
from graph.atomic import output_lock
from graph.pipeline import Paths, build
from graph.query import WARM_FORMATS, execute, run, warm
from graph.saved import saved_queries
from graph.store import ANSWERS

from tests.test_incremental import NEW_RECORD, NEW_TEXT, RECORD_000, add_source, edit, outputs, stated, store_quads

ROOT = Path(__file__).resolve().parents[1]
HARNESS = ROOT / "tests" / "portable"
LINUX_ONLY = ("copy_file_range", "posix_fadvise", "pread", "pwrite", "fdatasync", "fchmod", "nice")


@pytest.fixture
def without_linux_calls(monkeypatch):
    for name in LINUX_ONLY:
        if hasattr(os, name):
            monkeypatch.delattr(os, name)


def test_no_module_calls_a_linux_only_function_except_through_portable():
    """os.copy_file_range & co. are called in graph/portable.py only, and fcntl is imported nowhere."""
    modules = sorted((ROOT / "graph").rglob("*.py"))  # the subpackages (graph/diff/, graph/extract/) too
    assert ROOT / "graph" / "diff" / "read.py" in modules
    for path in modules:
        name = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                    for alias in node.names} | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "fcntl" not in imported, name
        called = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                  and isinstance(node.value, ast.Name) and node.value.id == "os"}
        if name != "graph/portable.py":
            assert called.isdisjoint(LINUX_ONLY), (name, called & set(LINUX_ONLY))


def test_copy_read_and_write_fall_back_to_plain_reads_and_writes(tmp_path, without_linux_calls):
    source, target = tmp_path / "a", tmp_path / "b"
    source.write_bytes(bytes(range(256)) * 10_000)
    with open(source, "rb") as old, open(target, "wb+") as new:
        portable.pwrite(new.fileno(), b"head", 0)
        done = 0
        while done < 100_000:
            done += portable.copy_range(old.fileno(), new.fileno(), 100_000 - done, 1000 + done, 4 + done)
        portable.write_back(new.fileno(), 0, 100_004)  # a hint: nothing to do here
        portable.sync_data(new.fileno())
        assert portable.pread(new.fileno(), 6, 2) == b"ad" + source.read_bytes()[1000:1004]
    assert target.read_bytes() == b"head" + source.read_bytes()[1000:101_000]


def test_a_rebuild_without_linux_calls_is_a_clean_builds_twin(project, tmp_path, without_linux_calls):
    """Every rebuild after an edit copies the unchanged sources' segments: by plain reads and writes here."""
    out = tmp_path / "out"
    build(Paths(project), out)
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    build(Paths(project), out)
    clean = tmp_path / "clean"
    build(Paths(project), clean)
    assert outputs(out) == outputs(clean)
    assert store_quads(out) == store_quads(clean) == stated(clean)


def test_without_symbolic_links_out_store_is_a_file_naming_the_store(project, tmp_path, monkeypatch):
    """Windows makes symbolic links only with a privilege most users lack."""
    monkeypatch.delattr(os, "symlink")
    out = tmp_path / "out"
    build(Paths(project), out)
    first = (out / "store").read_text(encoding="utf-8")
    assert not (out / "store").is_symlink() and (out / first / "CURRENT").is_file()
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    build(Paths(project), out)
    second = (out / "store").read_text(encoding="utf-8")
    assert second != first and (out / first).is_dir()  # the store before stays for a reader still on it
    clean = tmp_path / "clean"
    triples = build(Paths(project), clean).report["triples"]
    assert execute("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", out, "csv").split() == ["n", str(triples)]
    assert set(ox.Store.read_only(str(out / second))) == set(ox.Store.read_only(str(clean / (clean / "store").read_text())))


def test_the_output_lock_keeps_out_another_process_until_it_dies(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom graph.atomic import output_lock\n"
                               f"with output_lock({str(out)!r}):\n    print('held', flush=True)\n    time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)]))})
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(BuildLocked, match="another kg command is writing here; gave up after waiting 0.3 s"):
            with output_lock(out, wait=0.3):
                pass
    finally:
        holder.kill()  # killed, it never lets go itself: the system (or filelock) must
        holder.wait()
    with output_lock(out, wait=5):
        pass


def test_an_empty_fallback_lock_left_by_a_killed_holder_is_taken_over(tmp_path, monkeypatch):
    # a holder killed between making the fallback lock file and writing its name in it leaves it empty, and
    # filelock 4 waits on an empty one for ever (it takes it for an old version's holder)
    filelock = pytest.importorskip("filelock")
    if int(filelock.__version__.split(".")[0]) < 4:
        pytest.fail(f"setup.cfg asks for filelock>=4.3; found {filelock.__version__}")
    monkeypatch.setattr(filelock, "FileLock", filelock.SoftFileLock)  # as without flock and msvcrt
    lock = tmp_path / ".kg.lock"
    lock.write_bytes(b"")
    os.utime(lock, (os.path.getmtime(lock) - 10,) * 2)
    with portable.exclusive(lock, wait=8):
        assert lock.stat().st_size > 0  # ours now, with our name in it


def test_a_held_system_lock_is_never_removed_as_an_orphan(tmp_path):
    # flock's lock file stays empty while it is held: only the fallback's empty file is an orphan
    filelock = pytest.importorskip("filelock")
    lock = tmp_path / ".kg.lock"
    held = filelock.FileLock(str(lock))
    held.acquire()
    try:
        os.utime(lock, (os.path.getmtime(lock) - 10,) * 2)
        with pytest.raises(TimeoutError):
            with portable.exclusive(lock, wait=2.5):
                pass
        assert lock.exists()
    finally:
        held.release()


def test_workers_started_by_spawn_build_what_one_process_builds(project, tmp_path, monkeypatch):
    """A build's workers, started afresh, are given everything they need (nothing is inherited by fork)."""
    build(Paths(project), tmp_path / "alone")
    monkeypatch.setenv(portable.START_METHOD_VARIABLE, "spawn")
    monkeypatch.setattr(graph.compile, "PARALLEL_FROM", 1)  # the six sources on two workers
    build(Paths(project), tmp_path / "spawned")
    assert outputs(tmp_path / "spawned") == outputs(tmp_path / "alone")


def test_queries_and_warming_run_in_spawned_processes(project, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(Paths(project), out)
    query = "SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
    forked = run(query, out, "json")
    shutil.rmtree(out / ANSWERS)
    monkeypatch.setenv(portable.START_METHOD_VARIABLE, "spawn")
    assert run(query, out, "json") == forked
    assert warm(out, processes=2) == len(WARM_FORMATS) * len(saved_queries())  # on two spawned workers
    assert run(saved_queries()["posts"].text, out, "json") == execute(saved_queries()["posts"].text, out, "json").encode()


def test_kg_builds_and_rebuilds_as_on_a_system_without_them(project, tmp_path):
    """The CI's harness, end to end: no fcntl, none of the calls, workers by spawn, in every process."""
    env = {**os.environ, "KG_PORTABLE_TEST": "1", portable.START_METHOD_VARIABLE: "spawn",
           "PYTHONPATH": os.pathsep.join([str(HARNESS), str(ROOT)])}
    probe = subprocess.run([sys.executable, "-c", "import os\ntry:\n    import fcntl\nexcept ImportError:\n"
                            "    print(hasattr(os, 'copy_file_range'), hasattr(os, 'posix_fadvise'))"],
                           env=env, capture_output=True, text=True)
    assert probe.stdout == "False False\n"
    kg = [sys.executable, "-m", "graph"]
    first = subprocess.run([*kg, "build", "--no-warm", "--out", str(tmp_path / "out")], cwd=project, env=env,
                           capture_output=True, text=True)
    assert first.returncode == 0 and first.stderr == "", first.stderr
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    again = subprocess.run([*kg, "build", "--out", str(tmp_path / "out")], cwd=project / "sources", env=env,
                           capture_output=True, text=True)
    assert again.returncode == 0 and again.stderr == "", again.stderr
    build(Paths(project), tmp_path / "clean")
    assert outputs(tmp_path / "out") == outputs(tmp_path / "clean")


def test_the_package_says_which_systems_it_runs_on():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    classifiers = config["metadata"]["classifiers"].split("\n")
    assert {"Operating System :: POSIX :: Linux", "Operating System :: MacOS",
            "Operating System :: Microsoft :: Windows"} <= set(classifiers)

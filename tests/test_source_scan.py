"""A rebuild's scan of the sources, worked out from the last build's, is the scan done afresh.

``graph.scan.plan_jobs`` (each source's key and its files' hashes) normally starts from the
last build's and looks only at files whose size, mtime or inode changed. Each
step below changes the sources the way a curator might, checks that against
the same scan with nothing reused, then builds, so that the next step starts
from a manifest that knows what this one did.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import replace

from test_incremental import NEW_RECORD, NEW_TEXT

from graph.cache import Cache
from graph.pipeline import Paths, _inputs_hash, build
from graph.scan import plan_jobs

SECOND = NEW_RECORD.replace("visit-hangzhou-serang-2026-test", "visit-hangzhou-serang-2026-second")


def with_text(record: str, text: str) -> str:
    return record.replace("  language: id\n", f"  language: id\n  text: {text}\n", 1)


def touch(path):
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def steps(sources):
    yield "nothing", lambda: None
    yield "a text touched", lambda: touch(sources / "000_2a1c289181b610ec.txt")
    yield "a text edited", lambda: (sources / "000_2a1c289181b610ec.txt").write_text(
        (sources / "000_2a1c289181b610ec.txt").read_text(encoding="utf-8") + "\nCatatan.\n", encoding="utf-8")
    yield "a source added", lambda: ((sources / "900_test.txt").write_text(NEW_TEXT, encoding="utf-8"),
                                     (sources / "900_test.yaml").write_text(NEW_RECORD, encoding="utf-8"))
    yield "a record names another text", lambda: (
        os.replace(sources / "900_test.txt", sources / "shared.txt"),
        (sources / "900_test.yaml").write_text(with_text(NEW_RECORD, "shared.txt"), encoding="utf-8"))
    yield "(after a build with it)", lambda: None
    yield "a second record names the same text", lambda: (sources / "901_test.yaml").write_text(
        with_text(SECOND, "shared.txt"), encoding="utf-8")
    yield "the shared text edited", lambda: (sources / "shared.txt").write_text(NEW_TEXT + "Lagi.\n", encoding="utf-8")
    yield "the second record removed", lambda: (sources / "901_test.yaml").unlink()
    yield "a text in a subfolder", lambda: (
        (sources / "texts").mkdir(),
        shutil.copy(sources / "shared.txt", sources / "texts" / "900.txt"),
        (sources / "900_test.yaml").write_text(with_text(NEW_RECORD, "texts/900.txt"), encoding="utf-8"))
    yield "the subfolder text edited", lambda: (sources / "texts" / "900.txt").write_text(NEW_TEXT + "Lagi.\n",
                                                                                         encoding="utf-8")
    yield "back to its own text", lambda: (shutil.copy(sources / "shared.txt", sources / "900_test.txt"),
                                           (sources / "900_test.yaml").write_text(NEW_RECORD, encoding="utf-8"))
    yield "the gazetteer touched, another file added", lambda: (
        touch(sources / "gazetteer.yaml"), (sources / "notes.md").write_text("notes\n", encoding="utf-8"))
    yield "a record removed, its text kept", lambda: (sources / "900_test.yaml").unlink()
    yield "a text removed", lambda: (sources / "900_test.txt").unlink()
    yield "a record replaced by a copy (another inode)", lambda: (
        shutil.copy2(sources / "001_e199924c3d84b130.yaml", sources / "copy.tmp"),
        os.replace(sources / "copy.tmp", sources / "001_e199924c3d84b130.yaml"))


def test_the_scan_from_the_last_build_is_the_scan_afresh(project, tmp_path):
    paths, out = Paths(project), tmp_path / "out"
    inputs = _inputs_hash(paths, False)
    build(paths, out)
    reused = 0
    for name, change in steps(project / "sources"):
        change()
        previous = Cache(project, out).manifest(inputs)
        assert previous is not None and previous.scanned, name
        jobs, hashes = plan_jobs(paths, inputs, previous)
        fresh_jobs, fresh_hashes = plan_jobs(paths, inputs, replace(previous, scanned=()))
        assert list(jobs.items()) == list(fresh_jobs.items()), name
        assert hashes == fresh_hashes, name
        reused += sum(previous.keys.get(s, "").startswith(job[0]) for s, job in jobs.items())
        build(paths, out)
    assert reused > 0  # the steps did reuse the last build's keys, not only compute new ones


def test_files_hashed_on_several_processes_are_hashed_alike(project, monkeypatch):
    """Many files to hash are shared between processes (``HASH_PARALLEL_FROM``): the same hashes, a
    file that cannot be read and a record whose link leads nowhere included."""
    import graph.scan

    paths = Paths(project)
    inputs = _inputs_hash(paths, False)
    (project / "sources" / "unreadable.yaml").write_text("source: {}\n", encoding="utf-8")
    (project / "sources" / "unreadable.txt").mkdir()  # its text is a folder
    (project / "sources" / "gone.yaml").symlink_to(project / "sources" / "nowhere")
    serial = plan_jobs(paths, inputs, None)
    assert serial[1][f"{project / 'sources'}/unreadable.txt"][1] == "unreadable"
    monkeypatch.setattr(graph.scan, "HASH_PARALLEL_FROM", 1)
    assert plan_jobs(paths, inputs, None) == serial

"""kg add stays bounded: only regular files, a size limit, and UTF-8 text with a few bad bytes kept as UTF-8."""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from graph.add import MAX_FILE, MAX_TEXT

OPTIONS = ("--url", "https://example.org/a", "--publisher", "antara", "--published", "2025-01-01")
TEXT = ("Kota Serang dan Kota Binzhou membahas kerja sama pariwisata – kata para pejabat di Café Serang – "
        "pada pertemuan itu. Mereka juga akan bekerja sama dalam bidang budaya dan pendidikan.\n")


def listing(root):
    return sorted(str(p.relative_to(root)) for p in (root / "sources").rglob("*"))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_a_device_is_refused_not_read_for_ever(project, kg):
    result = kg("add", "/dev/zero", "--root", project, *OPTIONS)
    assert result.exit_code == 2
    assert result.stderr == "kg: error: /dev/zero: cannot read: not a regular file\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_not_waited_on(project, kg, tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    done = threading.Event()
    result = []
    thread = threading.Thread(target=lambda: (result.append(kg("add", fifo, "--root", project, *OPTIONS)), done.set()),
                              daemon=True)
    thread.start()
    if not done.wait(10):
        with open(fifo, "wb"):  # let the waiting open go, so the test ends
            pass
        pytest.fail("kg add waited on a FIFO")
    assert result[0].exit_code == 2 and "cannot read: not a regular file" in result[0].stderr


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(project, kg, tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(MAX_FILE + 1)  # sparse: nothing to write
    before = listing(project)
    result = kg("add", big, "--root", project, *OPTIONS)
    assert result.exit_code == 2
    assert result.stderr == (f"kg: error: {big}: too large to be an article: {MAX_FILE + 1:,} bytes, more than "
                             f"{MAX_FILE:,} (kg add takes files of at most {MAX_FILE // 2**20} MiB)\n")
    assert listing(project) == before


def test_a_text_over_the_length_limit_is_refused_at_once(project, kg, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text(TEXT * (MAX_TEXT // len(TEXT) + 1), encoding="utf-8")
    began = time.monotonic()
    result = kg("add", long, "--root", project, *OPTIONS)
    assert time.monotonic() - began < 5
    assert result.exit_code == 2
    assert "too long to be an article" in result.stderr and f"at most {MAX_TEXT:,};" in result.stderr


def test_mostly_utf8_text_stays_utf8_with_its_bad_bytes_named(project, kg, tmp_path):
    data = TEXT.encode("utf-8")
    bad_at = [data.index(b"pejabat"), data.index(b"budaya")]
    for offset in bad_at:  # a stray cp1252 en dash and a lone continuation byte
        data = data[:offset] + (b"\x96" if offset == bad_at[0] else b"\xa9") + data[offset + 1:]
    path = tmp_path / "mostly.txt"
    path.write_bytes(data)
    before = listing(project)
    result = kg("add", path, "--root", project, *OPTIONS)
    assert result.exit_code == 0, result.stderr
    assert (f"Note: 2 bytes not UTF-8 in otherwise UTF-8 text, replaced with U+FFFD: at offsets "
            f"{bad_at[0]}, {bad_at[1]}") in result.output
    text_file = next(project / name for name in listing(project) if name not in before and name.endswith(".txt"))
    stored = text_file.read_text(encoding="utf-8")
    assert "Café Serang –" in stored and "\ufffdejabat" in stored and "\ufffdudaya" in stored
    assert "вЂ" not in stored and "Ã" not in stored


def test_a_legacy_code_page_is_still_converted(project, kg, tmp_path):
    text = TEXT.replace("–", "-")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    result = kg("add", path, "--root", project, *OPTIONS)
    assert result.exit_code == 0, result.stderr
    assert "Note: converted from " in result.output and "not UTF-8 in otherwise UTF-8" not in result.output


def test_the_limits_are_in_the_readme():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_FILE // 2**20} MiB" in readme and f"{MAX_TEXT:,} characters" in readme

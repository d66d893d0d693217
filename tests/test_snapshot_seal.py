"""Snapshots are sealed (count and digest at the end): a damaged one is refused, a bad neighbour is not opened."""
from __future__ import annotations

import pytest

from tests.helpers import refusal


@pytest.fixture
def two(kg, shipped, tmp_path):
    """An out/ folder (a copy of the shipped build's graph) with two good snapshots, 'a' and 'b'."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.nq").write_bytes((shipped.out / "graph.nq").read_bytes())
    assert kg("snapshot", "a", "--out", out).exit_code == 0
    assert kg("snapshot", "b", "--out", out).exit_code == 0
    return out


@pytest.mark.parametrize("make_bad", [
    lambda folder: (folder / "bad.nq").write_bytes(b"# snapshot bad taken \xff\xfe\n<a> <b> <c> .\n"),
    lambda folder: (folder / "x.nq").mkdir(),
    lambda folder: (folder / "empty.nq").write_bytes(b""),
])
def test_a_bad_file_among_the_snapshots_does_not_stop_a_diff_of_two_good_ones(kg, two, make_bad):
    make_bad(two / "snapshots")
    result = kg("diff", "a", "b", "--out", two)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def _damage(out, how):
    path = out / "snapshots" / "b.nq"
    lines = path.read_bytes().splitlines(keepends=True)
    if how == "cut at a line's end":
        path.write_bytes(b"".join(lines[: len(lines) // 2]))
    elif how == "last statements cut":
        path.write_bytes(b"".join(lines[:-3] + lines[-1:]))
    elif how == "a statement changed":
        path.write_bytes(b"".join(lines[:2] + [lines[2].replace(b"<", b"<x", 1)] + lines[3:]))
    elif how == "empty":
        path.write_bytes(b"")
    return path


@pytest.mark.parametrize("how, message", [
    ("cut at a line's end", "cut short or damaged: its last line is not the end marker"),
    ("last statements cut", "damaged: it holds "),
    ("a statement changed", "damaged: its statements do not match the digest in its end marker"),
    ("empty", "empty: not a snapshot `kg snapshot` made"),
])
def test_a_damaged_snapshot_is_refused(kg, two, how, message):
    path = _damage(two, how)
    assert refusal(kg("diff", "a", "b", "--out", two)).startswith(f"{path}: {message}")


def test_a_snapshot_made_before_the_seal_is_compared_with_a_warning(kg, two):
    path = two / "snapshots" / "old.nq"
    sealed = (two / "snapshots" / "a.nq").read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("# snapshot old taken 2025-01-01T00:00:00+00:00\n" + "".join(sealed[1:-1]), encoding="utf-8")
    result = kg("diff", "old", "a", "--out", two)
    assert result.exit_code == 0
    assert result.stderr == (f"kg: warning: {path} was made before snapshots were sealed: whether it is whole cannot "
                             "be checked (kg snapshot --force NAME makes it again from the current build)\n")

"""kg diff's shortcuts for line files give what parsing both files whole gives (graph.diff.compare).

Two builds are compared graph by graph; snapshots and N-Triples as sorted
lines; files the shortcuts cannot vouch for (blank nodes, \\u escapes, a graph
in two stretches, the default graph first) are parsed whole.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import graph.diff.files
from graph.diff import as_json, compare, compare_files, patch, summary_text
from graph.diff.read import pair_segments
from graph.rdfio import read_quads

DATA = Path(__file__).parent / "data"
LABEL = b"<http://www.w3.org/2000/01/rdf-schema#label>"


def rendered(diff) -> tuple[str, str, str]:
    return summary_text(diff, "OLD", "NEW"), json.dumps(as_json(diff), indent=2, ensure_ascii=False), patch(diff)


def parsed_whole(old: Path, new: Path) -> tuple[str, str, str]:
    return rendered(compare(read_quads(old), read_quads(new)))


def without_parsing_whole(old: Path, new: Path) -> tuple[str, str, str]:
    """compare_files, failing if it falls back to parsing a whole file."""
    def read(path):
        raise AssertionError(f"parsed {path} whole")
    return rendered(compare_files(old, new, read))


def parsing_whole(old: Path, new: Path) -> tuple[str, str, str]:
    """compare_files, failing unless it parses both files whole."""
    read = []
    result = rendered(compare_files(old, new, lambda path: read.append(Path(path)) or read_quads(path)))
    assert read[-2:] == [old, new]
    return result


def graph_by_graph_only(monkeypatch) -> None:
    """From here on in this test, comparing as sorted lines fails it: the files must go graph by graph."""
    def refuse(*args):
        raise AssertionError("compared as sorted lines")
    monkeypatch.setattr(graph.diff.files, "_compare_lines", refuse)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def changed_builds(kg, project: Path) -> Path:
    """Build, then remove two sources, add one, change a fact and rename an entity, and build again: out/."""
    out = project / "out"
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    shutil.copy(out / "graph.nt", project / "previous.nt")
    assert kg("snapshot", "before", "--out", out).exit_code == 0
    sources = project / "sources"
    for name in ("001_e199924c3d84b130", "004_9c028631066dd723"):  # 000 reports 001's visit too
        (sources / f"{name}.yaml").unlink()
        (sources / f"{name}.txt").unlink()
    for name in ("005_tangerang_yantai.txt", "005_tangerang_yantai.yaml"):
        shutil.copy(DATA / name, sources / name)  # (Yantai is in the base gazetteer)
    edit(sources / "002_df0ee3cb47686a21.yaml", "    signedOn: 2025-06\n", "    signedOn: 2025-07\n")
    edit(sources / "gazetteer.yaml", "label: Virgojanti", "label: Virgo Janti")
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    return out


def stretches(path: Path) -> list[list[bytes]]:
    """A build's N-Quads, graph by graph."""
    groups: list[list[bytes]] = []
    for line in path.read_bytes().splitlines(keepends=True):
        if not groups or line.rsplit(b" ", 2)[-2] != groups[-1][0].rsplit(b" ", 2)[-2]:
            groups.append([])
        groups[-1].append(line)
    return groups


def test_two_builds_graph_by_graph(kg, project, monkeypatch):
    graph_by_graph_only(monkeypatch)
    out = changed_builds(kg, project)
    old, new = out / "previous.nq", out / "graph.nq"
    fast = without_parsing_whole(old, new)
    assert fast == parsed_whole(old, new)
    summary = fast[0].splitlines()
    assert summary[1] == "Sources added: 005_tangerang_yantai; removed: 001_e199924c3d84b130, " \
                         "004_9c028631066dd723; changed: 002_df0ee3cb47686a21, gazetteer"
    assert any(line.startswith("~ Binzhou delegation visit to Tangerang Regency 2025-09: - type Delegation visit; ")
               for line in summary)  # still reported by 000
    assert '- Expo "Indonesia-China Smart City Technology & Investment Expo 2023" (source: 004)' in summary
    assert '~ Virgo Janti: label changed "Virgojanti" → "Virgo Janti" [gazetteer]' in summary
    assert '~ Tangerang Regency–Binzhou LoI 2025-06: + signedOn "2025-07"; - signedOn "2025-06" [002]' in summary
    assert without_parsing_whole(new, old) == parsed_whole(new, old)


def test_snapshot_and_triples_as_sorted_lines(kg, project):
    out = changed_builds(kg, project)
    snapshot = out / "snapshots" / "before.nq"
    assert without_parsing_whole(snapshot, out / "graph.nq") == parsed_whole(snapshot, out / "graph.nq")
    assert without_parsing_whole(out / "graph.nq", snapshot) == parsed_whole(out / "graph.nq", snapshot)
    triples = without_parsing_whole(project / "previous.nt", out / "graph.nt")
    assert triples == parsed_whole(project / "previous.nt", out / "graph.nt")
    assert "as triples" in triples[0].splitlines()[0]


def test_quads_against_triples_are_parsed_whole(kg, project):
    out = changed_builds(kg, project)
    assert parsing_whole(out / "previous.nq", out / "graph.nt") == parsed_whole(out / "previous.nq", out / "graph.nt")


def respelled(line: bytes) -> bytes | None:
    """The same statement written otherwise: a tab after the subject, and an upper-case language tag or
    xsd:string spelled out; None for a statement whose object is not a literal."""
    body, graph = line[:-3].rsplit(b" ", 1)  # line is body, " ", graph, " .\n"
    subject, rest = body.split(b" ", 1)
    tag = re.search(rb'"@([a-z]+)\Z', rest)
    if tag:
        rest = rest[:tag.start(1)] + tag.group(1).upper()
    elif rest.endswith(b'"'):
        rest += b"^^<http://www.w3.org/2001/XMLSchema#string>"
    else:
        return None
    return subject + b"\t" + rest + b" " + graph + b" .\n"


def test_a_statement_written_otherwise_is_the_same_statement(kg, project, tmp_path, monkeypatch):
    graph_by_graph_only(monkeypatch)
    out = changed_builds(kg, project)
    lines = (out / "graph.nq").read_bytes().splitlines(keepends=True)
    labels = [n for n, line in enumerate(lines) if respelled(line)][::20]
    new = list(lines)
    for n in labels:
        new[n] = respelled(lines[n])
    assert new != lines
    old_path, new_path = tmp_path / "old.nq", tmp_path / "new.nq"
    old_path.write_bytes(b"".join(lines))
    new_path.write_bytes(b"".join(new))
    assert without_parsing_whole(old_path, new_path) == parsed_whole(old_path, new_path)
    assert "No differences." in without_parsing_whole(old_path, new_path)[0]
    # both spellings in OLD, one in NEW: the statement is in both
    both = list(lines)
    both.insert(labels[0] + 1, respelled(lines[labels[0]]))
    old_path.write_bytes(b"".join(both))
    for kept in (lines, [line for n, line in enumerate(both) if n != labels[0]]):
        new_path.write_bytes(b"".join(kept))
        assert without_parsing_whole(old_path, new_path) == parsed_whole(old_path, new_path)
        assert without_parsing_whole(new_path, old_path) == parsed_whole(new_path, old_path)


def test_a_line_written_twice(kg, project, tmp_path):
    out = changed_builds(kg, project)
    lines = out.joinpath("graph.nq").read_bytes().splitlines(keepends=True)
    twice = tmp_path / "twice.nq"
    for copy in (lines[:10] + lines[9:], sorted(lines[:10] + lines[9:])):
        twice.write_bytes(b"".join(copy))
        for old, new in ((twice, out / "graph.nq"), (out / "graph.nq", twice), (out / "previous.nq", twice)):
            assert without_parsing_whole(old, new) == parsed_whole(old, new)
        assert "No differences." in without_parsing_whole(twice, out / "graph.nq")[0]


def test_written_otherwise_in_sorted_lines(kg, project, tmp_path):
    out = changed_builds(kg, project)
    lines = sorted((out / "graph.nq").read_bytes().splitlines(keepends=True))
    labels = [n for n, line in enumerate(lines) if LABEL in line][::20]
    both = list(lines)
    for n in reversed(labels):
        both.insert(n + 1, respelled(lines[n]))
    old_path, new_path = tmp_path / "old.nq", tmp_path / "new.nq"
    old_path.write_bytes(b"".join(sorted(both)))
    new_path.write_bytes(b"".join(line for n, line in enumerate(lines) if n not in labels[:5]))
    assert without_parsing_whole(old_path, new_path) == parsed_whole(old_path, new_path)
    assert "0 statements added, 0 removed." not in without_parsing_whole(old_path, new_path)[0]


def test_a_graph_named_only_as_an_object_is_not_in_the_file(kg, project, tmp_path):
    """Sorted lines: a default-graph statement whose object is a removed source's graph leaves it removed."""
    out = changed_builds(kg, project)
    new = tmp_path / "new.nq"
    mention = b"<https://zz.example/s> <https://zz.example/p> <https://w3id.org/id-cn-ties/graph/004_9c028631066dd723> .\n"
    new.write_bytes(b"".join(sorted(out.joinpath("graph.nq").read_bytes().splitlines(keepends=True) + [mention])))
    snapshot = out / "snapshots" / "before.nq"
    fast = without_parsing_whole(snapshot, new)
    assert fast == parsed_whole(snapshot, new)
    assert "removed: 001_e199924c3d84b130, 004_9c028631066dd723;" in fast[0]


def test_graphs_in_another_order(kg, project, tmp_path, monkeypatch):
    graph_by_graph_only(monkeypatch)
    out = changed_builds(kg, project)
    reordered = tmp_path / "reordered.nq"
    reordered.write_bytes(b"".join(line for group in reversed(stretches(out / "graph.nq")) for line in group))
    assert without_parsing_whole(out / "previous.nq", reordered) == parsed_whole(out / "previous.nq", reordered)


def test_a_graph_in_two_stretches_is_compared_as_sorted_lines(kg, project, tmp_path):
    out = changed_builds(kg, project)
    groups = stretches(out / "graph.nq")
    groups.append([groups[0].pop()])  # the last line of the first graph, moved to the end
    split = tmp_path / "split.nq"
    split.write_bytes(b"".join(line for group in groups for line in group))
    assert pair_segments(out.joinpath("previous.nq").read_bytes(), split.read_bytes()) is None
    assert without_parsing_whole(out / "previous.nq", split) == parsed_whole(out / "previous.nq", split)


ESCAPE = b'<https://example.org/s> <https://example.org/p> "caf\\u00E9" <https://example.org/g> .\n'
BLANK = b"<https://example.org/s> <https://example.org/p> _:b0 <https://example.org/g> .\n"
DEFAULT_GRAPH = b'<https://example.org/s> <https://example.org/p> "default graph" .\n'


@pytest.mark.parametrize("odd, first", [(ESCAPE, True), (ESCAPE, False), (BLANK, True), (BLANK, False),
                                        (DEFAULT_GRAPH, True)])
def test_what_the_shortcuts_cannot_vouch_for_is_parsed_whole(kg, project, tmp_path, odd, first):
    """A \\u escape or a blank node at the start of OLD or at the end of NEW, or the default graph first."""
    out = changed_builds(kg, project)
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_bytes((odd if first else b"") + out.joinpath("previous.nq").read_bytes())
    new.write_bytes(out.joinpath("graph.nq").read_bytes() + (b"" if first else odd))
    assert parsing_whole(old, new) == parsed_whole(old, new)


def test_invalid_utf8_anywhere_is_an_error(kg, project, tmp_path):
    out = changed_builds(kg, project)
    lines = out.joinpath("previous.nq").read_bytes().splitlines(keepends=True)
    bad = next(n for n, line in enumerate(lines) if line.endswith(b'" ' + line.rsplit(b" ", 2)[-2] + b" .\n"))
    graph = lines[bad].rsplit(b" ", 2)[-2]
    lines[bad] = lines[bad][:-len(graph) - 5] + b'\xff" ' + graph + b" .\n"
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_bytes(b"".join(lines))
    new.write_bytes(b"".join(lines[:-1]))  # another graph than the bad line's: that stretch is equal
    assert lines[-1].rsplit(b" ", 2)[-2] != lines[bad].rsplit(b" ", 2)[-2]
    result = kg("diff", old, new, "--out", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: error: {old}:{bad + 1}:")

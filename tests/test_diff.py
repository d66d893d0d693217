"""kg snapshot and kg diff: exact summaries for the changes a curator makes, patches, blank nodes, bad input."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.diff import compare, patch
from graph.rdfio import read_quads

DATA = Path(__file__).parent / "data"


def apply_patch(quads: list[ox.Quad], text: str) -> list[ox.Quad]:
    """Apply an A/D patch (as `kg diff --format patch` writes) to a list of quads: the check that it gives NEW."""
    current = {str(q): q for q in quads}
    for raw in text.splitlines():
        op, _, rest = raw.partition(" ")
        if op not in ("A", "D"):
            continue
        quad = next(iter(ox.parse(rest.encode("utf-8"), format=ox.RdfFormat.N_QUADS)))
        if op == "A":
            current[str(quad)] = quad
        else:
            current.pop(str(quad), None)
    return list(current.values())


@pytest.fixture
def before(kg, project):
    """A project built once and snapshotted as 'before'; returns (project, out)."""
    out = project / "out"
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    assert kg("snapshot", "before", "--out", out).exit_code == 0
    return project, out


def rebuild_and_diff(kg, project, out, *args):
    result = kg("build", "--root", project, "--out", out)
    assert result.exit_code == 0, result.output
    return kg("diff", "--out", out, *args)


def body(result) -> list[str]:
    """The summary without its first line (which names the temporary files)."""
    return result.output.splitlines()[1:]


def test_no_change(kg, before):
    project, out = before
    result = rebuild_and_diff(kg, project, out)
    assert result.exit_code == 0
    assert body(result) == ["No differences."]


def test_adding_a_source(kg, before):
    project, out = before
    for name in ("005_tangerang_yantai.txt", "005_tangerang_yantai.yaml"):  # Yantai: in the base gazetteer
        shutil.copy(DATA / name, project / "sources" / name)
    result = rebuild_and_diff(kg, project, out)
    assert result.exit_code == 1
    added = sum(1 for line in (out / "graph.nq").read_text(encoding="utf-8").splitlines()
                if line.endswith("/graph/005_tangerang_yantai> ."))
    assert body(result) == [
        "Sources added: 005_tangerang_yantai",
        '+ LetterOfIntent "Tangerang City–Yantai LoI 2025-10-06" (source: 005)',
        f"{added} statements added, 0 removed.",
    ]


def test_removing_a_source(kg, before):
    project, out = before
    (project / "sources" / "004_9c028631066dd723.yaml").unlink()
    result = rebuild_and_diff(kg, project, out)
    assert result.exit_code == 1
    lines = body(result)
    assert lines[0] == "Sources removed: 004_9c028631066dd723"
    assert '- Expo "Indonesia-China Smart City Technology & Investment Expo 2023" (source: 004)' in lines
    assert '- Programme "Development of 100 smart cities" (source: 004)' in lines
    assert "~ Garibaldi Thohir: post removed (Chair, Kadin China Committee (KIKT))" in lines


def test_changing_one_fact(kg, before):
    project, out = before
    record = project / "sources" / "002_df0ee3cb47686a21.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("    signedOn: 2025-06\n", "    signedOn: 2025-07\n"),
                      encoding="utf-8")
    result = rebuild_and_diff(kg, project, out)
    assert result.exit_code == 1
    assert body(result) == [
        "Sources changed: 002_df0ee3cb47686a21",
        '~ Tangerang Regency–Binzhou LoI 2025-06: + signedOn "2025-07"; - signedOn "2025-06" [002]',
        "1 statements added, 1 removed.",
    ]


def test_renaming_an_entity(kg, before):
    project, out = before
    gazetteer = project / "sources" / "gazetteer.yaml"
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8").replace("label: Virgojanti", "label: Virgo Janti"),
                         encoding="utf-8")
    result = rebuild_and_diff(kg, project, out)
    assert body(result) == [
        "Sources changed: gazetteer",
        '~ Virgo Janti: label changed "Virgojanti" → "Virgo Janti" [gazetteer]',
        "3 statements added, 3 removed.",  # both labels, and the gazetteer's checksum
    ]


def test_patch_applied_to_old_gives_new(kg, before):
    project, out = before
    record = project / "sources" / "002_df0ee3cb47686a21.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("budi-rustandi", "qu-yuekuan"), encoding="utf-8")
    result = rebuild_and_diff(kg, project, out, "before", "current", "--format", "patch")
    assert result.exit_code == 1
    old, new = read_quads(out / "snapshots" / "before.nq"), read_quads(out / "graph.nq")
    assert set(map(str, apply_patch(old, result.output))) == set(map(str, new))
    assert result.output.startswith("TX .\nD ") and result.output.endswith("TC .\n")


def test_json_for_scripts(kg, before):
    project, out = before
    result = rebuild_and_diff(kg, project, out, "--format", "json")
    data = json.loads(result.output)
    assert data["same"] is True and data["mode"] == "quads" and data["statements"] == {"added": 0, "removed": 0}


def test_blank_node_names_do_not_matter():
    diff = compare(read_quads(DATA / "blank_a.ttl"), read_quads(DATA / "blank_b.nt"))
    assert diff.same and diff.canonicalised and diff.mode == "triples"


def test_blank_nodes_with_different_content_differ(kg, tmp_path):
    changed = tmp_path / "b.nt"
    changed.write_text((DATA / "blank_b.nt").read_text().replace('"Hangzhou"', '"Zhejiang"'))
    result = kg("diff", DATA / "blank_a.ttl", changed, "--out", tmp_path)
    assert result.exit_code == 1
    assert "blank nodes canonicalised with RDFC-1.0" in result.output.splitlines()[0]


def test_malformed_file_names_line_and_column(kg, tmp_path):
    result = kg("diff", DATA / "malformed.ttl", DATA / "blank_a.ttl", "--out", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kg: error: {DATA / 'malformed.ttl'}:3:")


def test_rdf_xml_is_refused(kg, tmp_path):
    result = kg("diff", DATA / "graph.rdf", DATA / "blank_a.ttl", "--out", tmp_path)
    assert result.exit_code == 2 and "not a Turtle, TriG, N-Triples or N-Quads file" in result.stderr


def test_missing_snapshot_lists_known_ones(kg, before):
    _, out = before
    result = kg("diff", "befor", "--out", out)
    assert result.exit_code == 2
    assert result.stderr == "kg: error: no snapshot or file 'befor'; known snapshots: before\n"


def test_snapshot_names_are_checked_and_not_overwritten(kg, before):
    _, out = before
    assert "exists already" in kg("snapshot", "before", "--out", out).stderr
    assert "use letters, digits" in kg("snapshot", "../x", "--out", out).stderr
    lines = (out / "snapshots" / "before.nq").read_text().splitlines()
    assert lines[0].startswith("# snapshot before taken ")
    assert lines[1:-1] == sorted(lines[1:-1])
    assert lines[-1].startswith(f"# end of snapshot: {len(lines) - 2} statements, sha256 ")


def test_build_keeps_the_previous_graph(kg, before):
    project, out = before
    record = project / "sources" / "002_df0ee3cb47686a21.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("    signedOn: 2025-06\n", "    signedOn: 2025-07\n"),
                      encoding="utf-8")
    kg("build", "--root", project, "--out", out)
    result = kg("diff", "previous", "current", "--out", out)
    assert result.exit_code == 1 and "2025-07" in result.output


def test_diff_page_colours_changes(kg, before, tmp_path):
    project, out = before
    record = project / "sources" / "002_df0ee3cb47686a21.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("budi-rustandi", "qu-yuekuan"), encoding="utf-8")
    result = rebuild_and_diff(kg, project, out, "--html", tmp_path / "diff.html")
    page = (tmp_path / "diff.html").read_text(encoding="utf-8")
    assert result.exit_code == 1 and '"status":"added"' in page and '"status":"removed"' in page


def test_quads_compare_as_sets_not_text():
    a = list(ox.parse(b"<http://a> <http://b> <http://c> .\n<http://a> <http://b> <http://d> .\n", format=ox.RdfFormat.N_TRIPLES))
    assert compare(a, list(reversed(a))).same
    assert patch(compare(a, a[:1])) == "TX .\nD <http://a> <http://b> <http://d> .\nTC .\n"

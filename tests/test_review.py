"""kg review: list the drafts, accept, correct or drop them; the record stays valid."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import refused_review

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


@pytest.fixture
def drafted(project, kg):
    """The project copy with the English test article added and drafted."""
    result = kg("add", FIXTURES / "serang-binzhou.en.txt", "--root", project, "--url", "https://example.org/t",
                "--publisher", "antara", "--published", "2025-06-13")
    assert result.exit_code == 0, result.output
    record, = [p for p in (project / "sources").glob("0*.yaml") if "serang" not in p.name
               and yaml.safe_load(p.read_text())["source"]["url"] == "https://example.org/t"]
    return project, record


def facts(record):
    return yaml.safe_load(record.read_text(encoding="utf-8"))["facts"]


def test_listing_numbers_the_drafts(drafted, kg):
    project, record = drafted
    result = kg("review", record.stem.split("_")[0], "--root", project)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{project / 'sources' / record.name}: {len(facts(record))} drafts to review and 1 draft entity"
    assert lines[1].startswith(" e1. new Association iavs “Indonesian Association of Vocational Schools (IAVS)”")
    assert lines[2].startswith("  1. Post: heldBy=budi-rustandi, role=mayor, postIn=kota-serang  “Mayor Budi")


def test_accept_correct_and_drop(drafted, kg, tmp_path):
    project, record = drafted
    before = facts(record)
    loi = next(i for i, f in enumerate(before, 1) if f.get("type") == "LetterOfIntent")
    result = kg("review", record.stem, "--root", project, "--accept", "1", "--set", f"{loi} signedAt=",
                "--accept", str(loi), "--drop", "2")
    assert result.exit_code == 0, result.output
    assert "Accepted: 1, " in result.output and "Dropped: 2" in result.output
    after = facts(record)
    assert len(after) == len(before) - 1
    assert after[0]["reviewed"] is True and after[0]["extractor"] == "kg-extract 0.1"
    accepted_loi = next(f for f in after if f.get("type") == "LetterOfIntent")
    assert accepted_loi["reviewed"] is True and "signedAt" not in accepted_loi
    assert not any(f.get("heldBy") == "qu-yuekuan" for f in after)
    # the reviewed facts stay in a --reviewed-only build, the others do not
    result = kg("build", "--root", project, "--out", tmp_path / "out", "--reviewed-only")
    assert result.exit_code == 0, result.output
    ttl = (tmp_path / "out").glob("*.nq")
    assert any("loi-kota-serang-binzhou-2025" in p.read_text() for p in ttl)  # minted by graph/match.py


def test_accept_all(drafted, kg):
    project, record = drafted
    result = kg("review", record.stem, "--root", project, "--accept", "all")
    assert result.exit_code == 0, result.output
    assert all(f["reviewed"] is True for f in facts(record))
    assert "0 drafts to review" in result.output


@pytest.mark.parametrize("args, message", [
    (("--accept", "99"), "--accept '99': there are"),
    (("--drop", "x"), "--drop 'x': there are"),
    (("--accept", "1", "--drop", "1"), "draft 1 is both accepted and dropped"),
    (("--set", "1 role"), "write it as 'N key=value'"),
    (("--set", "1 role=no-such-role"), "`role: no-such-role` refers to an undeclared entity"),
    (("--set", "1 role=huichun"), "`role: huichun`: region 'huichun' was renamed 'hunchun'"),
    (("--set", "1 reviewed=true"), "use --accept"),
])
def test_bad_review_changes_nothing(drafted, kg, args, message):
    project, record = drafted
    refused_review(kg, project, record, args, message)


def test_unknown_source(project, kg):
    result = kg("review", "999", "--root", project)
    assert result.exit_code == 2
    assert "no single source record is named '999'" in result.output


def test_extract_again_keeps_reviewed_facts_and_entities(project, kg):
    result = kg("add", FIXTURES / "tangerang-hangzhou.id.txt", "--root", project, "--url", "https://example.org/th",
                "--publisher", "antara", "--published", "2025-06-13")
    assert result.exit_code == 0, result.output
    record, = [p for p in (project / "sources").glob("0*.yaml")
               if yaml.safe_load(p.read_text())["source"]["url"] == "https://example.org/th"]
    entities = yaml.safe_load(record.read_text())["entities"]
    assert [e["id"] for e in entities] == ["li-ming", "sachrudin"]
    assert not (project / "sources" / "proposed").exists()
    # the facts that name the new person are drafts like any other
    assert any(f.get("heldBy") == "li-ming" for f in facts(record))
    assert kg("review", record.stem, "--root", project, "--accept", "1,e1").exit_code == 0
    accepted = facts(record)[0]
    result = kg("extract", record.stem, "--root", project)
    assert result.exit_code == 0, result.output
    after = facts(record)
    assert after[0] == accepted  # reviewed facts are kept as they were
    entities = yaml.safe_load(record.read_text())["entities"]
    assert [(e["id"], e["reviewed"]) for e in entities] == [("li-ming", True), ("sachrudin", False)]
    assert {"type": "Post", "heldBy": "li-ming", "role": "deputy-mayor", "postIn": "hangzhou"}.items() <= \
        next(f for f in after if f.get("heldBy") == "li-ming").items()
    claim = {k: v for k, v in accepted.items() if k not in ("reviewed", "quote")}
    assert [f for f in after if {k: v for k, v in f.items() if k not in ("reviewed", "quote")} == claim] \
        == [accepted]  # not drafted a second time
    assert kg("build", "--root", project, "--out", project / "out").exit_code == 0

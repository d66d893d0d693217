"""Helpers the tests share (plain functions; the fixtures are in conftest.py)."""
from __future__ import annotations

import json
from pathlib import Path

SHIPPED_RECORD = "002_df0ee3cb47686a21"  # a shipped article whose record ends with its list of facts


def refusal(result) -> str:
    """What a command refused with: it must exit 2 with one line on stderr ("kg: error: …") and nothing on stdout."""
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("kg: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    return result.stderr.removeprefix("kg: error: ").rstrip("\n")


def add_fact(project: Path, sentence: str, fact: dict, record: str = SHIPPED_RECORD) -> None:
    """Append ``sentence`` to a shipped article and ``fact``, quoting it, to the end of its record's facts."""
    with open(project / "sources" / f"{record}.txt", "a", encoding="utf-8") as text:
        text.write("\n" + sentence + "\n")
    # JSON values are YAML: any text the test gives is written as one double-quoted scalar
    item = "\n".join(f"    {key}: {json.dumps(value)}" for key, value in (fact | {"quote": sentence}).items())
    with open(project / "sources" / f"{record}.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n  - " + item.lstrip() + "\n")


def record_yaml(title: str, url: str, published: str, facts: str) -> str:
    """A record of an Indonesian test article from a shipped outlet; ``facts`` is the YAML of its list."""
    return f"""source:
  title: {title}
  publisher: bharata-online
  url: {url}
  language: id
  published: {published}

facts:
{facts}"""


def refused_review(kg, project: Path, record: Path, args, message: str) -> None:
    """`kg review` of ``record`` with ``args`` fails (exit 2) saying ``message``, and leaves the record as it was."""
    before = record.read_bytes()
    result = kg("review", record.stem, "--root", project, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert record.read_bytes() == before


def draft_facts(draft, type_name=None):
    """The drafted facts, whole: a fact waiting for a proposed name, not its lean twin in the record."""
    waiting = {f.get("id") for f in draft.pending if f.get("id")}
    return [f for f in draft.pending + [f for f in draft.facts if f.get("id") not in waiting]
            if type_name is None or f.get("type") == type_name]


def draft_posts(draft):
    """(holder, role, post in) of every drafted Post."""
    return {(f["heldBy"], f["role"], f["postIn"]) for f in draft_facts(draft, "Post")}


def draft_posts_by_label(draft):
    """(holder, role, post in) of every drafted Post, a body the draft proposes by its label."""
    label = {e["id"]: e["label"] for e in draft.proposed}
    return {(holder, role, label.get(body, body)) for holder, role, body in draft_posts(draft)}


def draft_people(draft):
    """The people the draft proposes, by label."""
    return {p["label"]: p for p in draft.proposed if p["type"] == "Person"}

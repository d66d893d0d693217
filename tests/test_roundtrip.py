"""Editing a record in place (graph/roundtrip.py): what is not changed stays byte for byte."""
from __future__ import annotations

import yaml

from graph.roundtrip import RecordFile, block

CURATED = """\
# head comment
source:
  title: "Quoted: title"   # why this title
  published: 2025-01-02

# the facts
facts: []
"""


def test_lists_a_record_did_not_have_are_added_in_its_layout():
    edit = RecordFile(CURATED, "r.yaml")
    edit.entries("entities").append(block({"id": "a", "type": "Person", "label": "A", "alias": ["b", "c"]}))
    edit.entries("facts").append(block({"about": "a", "quote": ["one", "two"]}))
    assert edit.render() == """\
# head comment
source:
  title: "Quoted: title"   # why this title
  published: 2025-01-02
entities:
  - id: a
    type: Person
    label: A
    alias: [b, c]

# the facts
facts:
  - about: a
    quote:
      - one
      - two
"""


WRITTEN_BY_PYYAML = """\
source:
  title: T
facts:
- id: x
  type: Expo
  label: X
  reviewed: false
# between the two
- about: x
  quote: q
  reviewed: false
- about: y   # the last
  quote: 'r'
"""


def test_each_entry_is_written_again_at_its_own_column_and_comments_between_stay():
    edit = RecordFile(WRITTEN_BY_PYYAML, "r.yaml")
    facts = edit.entries("facts")
    facts[0]["reviewed"] = True
    facts.remove(facts[1])
    new = edit.render()
    assert new == WRITTEN_BY_PYYAML.replace("  reviewed: false\n# between", "  reviewed: true\n# between").replace(
        "- about: x\n  quote: q\n  reviewed: false\n", "")
    assert yaml.safe_load(new)["facts"][1] == {"about": "y", "quote": "r"}


def test_a_record_saved_with_windows_line_ends_keeps_them():
    text = WRITTEN_BY_PYYAML.replace("\n", "\r\n")
    edit = RecordFile(text, "r.yaml")
    edit.entries("facts")[1]["reviewed"] = True
    assert edit.render() == text.replace("  quote: q\r\n  reviewed: false", "  quote: q\r\n  reviewed: true")

"""The ways news writes posts, dates, visits and agreements, in both languages, on test texts of our own."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.extract import extract
from graph.ontology import load_vocabulary
from graph.regions import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(ROOT / "sources", load_vocabulary(ROOT / "ontology.ttl"))


def facts(draft, type_name=None):
    return [f for f in draft.facts + draft.pending if type_name is None or f.get("type") == type_name]


def posts(draft):
    return {(f["heldBy"], f["role"], f["postIn"]) for f in facts(draft, "Post")}


@pytest.mark.parametrize("text, language, new, known", [
    ("Wali Kota Serang Budi Hartono menerima tamu. Budi mengatakan kerja sama akan berlanjut.\n", "id",
     "budi-hartono", "budi-rustandi"),
    ("Banten Governor Fahmi Ramadhan met the guests. Fahmi said ties were good.\n", "en",
     "fahmi-ramadhan", "fahmi-hakim"),
])
def test_people_are_never_merged_on_a_shared_first_name(gazetteer, text, language, new, known):
    draft = extract(text, language, "2025-03-01", gazetteer)
    assert known not in str(draft.facts + draft.pending) and known not in draft.mentioned
    assert new in {p["id"] for p in draft.proposed}
    assert draft.candidates[new] == [known]  # offered to the curator, not merged

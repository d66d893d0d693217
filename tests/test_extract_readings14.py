"""The fourteenth round of readings, tuned on bench/heldout13 once it had been measured blind: a title written as
the region's possession, a delegation known only by who led it in an article about the agreement he signed, and
"fly home". Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def test_a_title_written_as_the_regions_possession_is_a_post_there(gazetteer):
    text = ("A delegation from Guilin visited Madiun on Tuesday, August 10, 2027. Among its members were Tan Wen, "
            "Guilin's vice mayor, and Zhou Li, a tea grower.\n")
    assert ("tan-wen", "deputy-mayor", "guilin") in posts(extract(text, "en", "2027-08-11", gazetteer))


def test_a_regions_abbreviation_in_brackets_names_it_again_later_and_its_province_follows(gazetteer):
    text = ("MADIUN - Pemerintah Kabupaten Madiun (Kabmad), Jawa Timur, menandatangani LoI dengan Pemerintah Kota "
            "Guilin, Selasa (9/5/2028).\n\nPenandatanganan disaksikan Wakil Ketua II DPRD Kabupaten Madiun, Hj. Sri "
            "Wahyuni, Sekdakab Madiun Drs. Tontro Pahlawanto, dan Kepala Dinas Perdagangan (Disdag) Kabmad, Budi "
            "Harsono, S.E.\n")
    draft = extract(text, "id", "2028-05-10", gazetteer)
    assert ("kabupaten-madiun", "jawa-timur") in {(f["about"], f["locatedIn"]) for f in draft.facts
                                                  if "locatedIn" in f}
    held = {(holder, role) for holder, role, _ in posts(draft)}
    assert {("sri-wahyuni", "vice-chair"), ("tontro-pahlawanto", "head"), ("budi-harsono", "head")} <= held
    assert "kabmad" not in {e["id"] for e in draft.proposed}

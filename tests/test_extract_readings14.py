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


def test_a_delegation_known_by_its_leader_came_from_his_region_to_the_other_party(gazetteer):
    text = ("MADIUN — Madiun city and the city of Guilin in China's Guangxi region signed a memorandum of "
            "understanding on Tuesday.\n\n"
            "Madiun Mayor Maidi and Guilin Mayor Tan Wen signed the document.\n\n"
            "Tan led a 12-member delegation that arrived on Monday evening and is due to fly home on Thursday.\n")
    visit, = facts(extract(text, "en", "2027-08-11", gazetteer), "DelegationVisit")  # (a Wednesday)
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("kota-madiun", "guilin", "tan-wen")
    assert (visit["startDate"], visit["endDate"]) == ("2027-08-09", "2027-08-12")


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


def test_the_delegations_last_day_told_on_its_own_ends_the_visit(gazetteer):
    for last in ("Delegasi Guilin berada di Madiun hingga Rabu (13/9).",
                 "Rombongan dijadwalkan bertolak kembali ke Tiongkok, Rabu (13/9) pagi."):
        text = ("MADIUN - Wali Kota Madiun Maidi menerima kunjungan delegasi Kota Guilin di Balai Kota Madiun, Senin "
                f"(11/9/2028).\n\n{last}\n")
        visit, = facts(extract(text, "id", "2028-09-12", gazetteer), "DelegationVisit")
        assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2028-09-11", "2028-09-13",
                                                                                   "monday"), last


def test_a_missions_stay_from_one_day_to_another_gives_the_visit_its_days(gazetteer):
    text = ("A trade mission from Madiun, led by Madiun Mayor Maidi, visited Guilin and its tea gardens.\n\n"
            "The mission was in Guilin from Oct 9 to 13.\n")
    visit, = facts(extract(text, "en", "2028-10-20", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2028-10-09", "2028-10-13")


def test_a_numbered_vice_chairs_numeral_is_no_title_word_before_a_balinese_name(gazetteer):
    text = "The group was led by I Gede Ngurah Sastrawan, head of the Buleleng Marine and Fisheries Office.\n"
    assert {(holder, role) for holder, role, _ in posts(extract(text, "en", "2027-08-12", gazetteer))} == {
        ("i-gede-ngurah-sastrawan", "head")}

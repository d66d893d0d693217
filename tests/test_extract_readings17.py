"""The seventeenth round of readings, tuned on bench/heldout15 once it had been measured blind: a Chinese surname
that is also a county's name ("Duan", Du'an county) before a given name is a person's; a regional council written
"Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten X" on its working visit "(kunker) ke" a city; a business matching
held for a delegation dated by its own day, and the stay it falls in ("arrived on Monday and will leave on Friday")
a visit of its own (also when the stay is told first: "arrived on Monday and will stay until Thursday"); a fair an
agreement was signed at, an event beside the signing; an exhibition hall, no expo; a forum on one day of a tour
told by a second outlet, a meeting of its own beside the visit ("Sehari sebelumnya, … delegasi mengikuti Temu Bisnis
… yang digelar Pemkab X"), and going home "melalui Jakarta", the stay's last day; "Kabupaten X (Abbr), Province"
as one party lying in its province; a town's nickname in quotes ("City of X"), no region; a crop's processing after
the harvest, farming, and "an industrial city", no field; "a city in China's southwestern Guangxi", where it
lies; "Sekretaris DPRD (Sekwan) X", head of the council's secretariat. Test texts of our own, in the shapes
regional news uses."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.sectors import sectors
from tests.helpers import draft_facts, draft_posts as posts, draft_posts_by_label as posts_by_label


def test_a_surname_that_is_a_countys_name_before_a_given_name_is_a_persons(gazetteer):
    text = ("NGAWI - MoU ditandatangani Bupati Ngawi, Budi Santoso, dan Wakil Wali Kota Guilin, Duan Lixia, di "
            "Pendopo Kabupaten Ngawi, Selasa (11/6/2030).\n\n"
            "Duan Lixia mengatakan Guilin siap menerima pelajar dari Ngawi.\n")
    draft = extract(text, "id", "2030-06-12", gazetteer)
    assert ("duan-lixia", "deputy-mayor", "guilin") in posts(draft)
    assert "duan" not in draft.mentioned


def test_the_county_written_with_its_rank_is_still_the_county(gazetteer):
    text = ("GUILIN - A delegation from Ngawi regency visited Duan County in Hechi on Tuesday, June 11, 2030, to "
            "look at its rice terraces.\n")
    assert "duan" in extract(text, "en", "2030-06-12", gazetteer).mentioned


COUNCIL_VISIT = ("NGAWI, KN – Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Ngawi, Jawa Timur, melaksanakan "
                 "kunjungan kerja (kunker) ke Kota Guilin, Tiongkok, pada 3 hingga 7 Juni 2030.\n\n"
                 "Rombongan dipimpin Ketua DPRD Ngawi, H. Sutrisno Hadi, S.E.\n\n"
                 "Hasil kunjungan akan menjadi rekomendasi DPRD kepada pemerintah daerah.\n")


def test_a_council_named_with_its_abbreviation_inside_is_the_regions_council_on_its_working_visit(gazetteer):
    draft = extract(COUNCIL_VISIT, "id", "2030-06-08", gazetteer)
    council = {e["id"]: e for e in draft.proposed}["dprd-ngawi"]
    assert council["type"] == "Legislature"
    assert ("sutrisno-hadi", "chair", "dprd-ngawi") in posts(draft)
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["guest"], visit["host"]) == ("dprd-ngawi", "guilin")
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-03", "2030-06-07")


def test_a_bare_dprd_later_is_no_organisation_of_its_own(gazetteer):
    # "(DPRD)" abbreviates the kind, not this council: a later "rekomendasi DPRD" proposes nothing new
    draft = extract(COUNCIL_VISIT, "id", "2030-06-08", gazetteer)
    assert "dprd" not in {e["id"] for e in draft.proposed}


def test_a_datelines_agency_is_no_part_of_a_name_with_its_abbreviation(gazetteer):
    # the dateline's town shares the acronym's capital: the name still begins after the agency's dash
    text = ("DOLOPO, KN – Dewan Kopi Ngawi (DKN) menggelar temu bisnis dengan pengusaha dari Kota Guilin, Tiongkok, "
            "Selasa (4/6/2030).\n")
    draft = extract(text, "id", "2030-06-05", gazetteer)
    assert {e["label"] for e in draft.proposed if e["id"] == "dkn"} == {"Dewan Kopi Ngawi (DKN)"}


MATCHING = ("MADIUN, East Java — A 15-member delegation of furniture makers from Guilin, China, is visiting Madiun "
            "regency this week to look for teak suppliers.\n\n"
            "The delegation, led by Guilin Vice Mayor Lu Zhenhai, arrived on Monday (June 3) and will leave on Friday "
            "(June 7).\n\n"
            "Madiun Regent Ahmad Fauzan received the delegation on Tuesday at his office.\n\n"
            "On Wednesday (June 5), the Guilin businesspeople met some 40 local firms at a business matching session "
            "at the Caruban Convention Hall.\n")


def test_a_business_matching_for_a_delegation_is_dated_by_its_own_day(gazetteer):
    draft = extract(MATCHING, "en", "2030-06-06", gazetteer)
    meeting, = draft_facts(draft, "Meeting")
    assert (meeting["date"], meeting["statedWeekday"]) == ("2030-06-05", "wednesday")


def test_the_delegations_stay_from_arrival_to_leaving_is_its_visit(gazetteer):
    draft = extract(MATCHING, "en", "2030-06-06", gazetteer)
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("kabupaten-madiun", "guilin")
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-03", "2030-06-07")


def test_a_span_of_days_told_first_keeps_its_days(gazetteer):
    # the days of the whole trip come first: the forum on one of them does not shorten it
    text = ("A 12-member trade mission from Guilin met buyers in Madiun regency, East Java, on June 3-4, 2030.\n\n"
            "The business meeting on Tuesday (June 4) was attended by Madiun Regent Ahmad Fauzan.\n")
    meeting, = draft_facts(extract(text, "en", "2030-06-06", gazetteer), "Meeting")
    assert (meeting["startDate"], meeting["endDate"]) == ("2030-06-03", "2030-06-04")
    assert "date" not in meeting


def test_a_fair_an_agreement_was_signed_at_is_an_event_beside_the_signing(gazetteer):
    text = ("GUILIN, China — Teak furniture makers from Madiun regency in East Java took part in the Guilin "
            "International Wood Products Fair 2030, which ran from Tuesday to Friday (June 4-7) at the Lijiang "
            "Exhibition Centre in Guilin.\n\n"
            "The fair was organised by the Guilin Municipal Bureau of Commerce.\n\n"
            "On Tuesday, the fair's opening day, the Madiun Regency Government and the Guilin Municipal People's "
            "Government signed a letter of intent on trade at the fair. Madiun Regent Ahmad Fauzan signed for "
            "Madiun and Guilin Vice Mayor Lu Zhenhai for his city.\n")
    draft = extract(text, "en", "2030-06-09", gazetteer)
    expo, = draft_facts(draft, "Expo")
    assert (expo["startDate"], expo["endDate"]) == ("2030-06-04", "2030-06-07")
    assert "Wood Products Fair" in expo["label"]
    assert len(draft_facts(draft, "Signing")) == 1


def test_a_fair_named_in_passing_in_a_signing_story_is_no_event(gazetteer):
    text = ("MADIUN - Bupati Madiun, Ahmad Fauzan, dan Wakil Wali Kota Guilin, Lu Zhenhai, menandatangani MoU kerja "
            "sama perdagangan di Pendopo Kabupaten Madiun, Selasa (4/6/2030).\n\n"
            "Delegasi Guilin berada di Indonesia sejak awal pekan untuk menghadiri sebuah pameran kayu di Surabaya.\n")
    assert draft_facts(extract(text, "id", "2030-06-05", gazetteer), "Expo") == []


SESSION = ("GUILIN, June 5 -- A delegation from Madiun regency in Indonesia's East Java province is in Guilin this "
           "week to look for buyers of its teak furniture.\n\n"
           "The 10-member delegation, led by Ahmad Fauzan, the regent of Madiun, arrived on Monday and will stay until "
           "Thursday.\n\n"
           "On Tuesday (June 4), the delegation took part in a business matching session with Guilin furniture traders "
           "at the Guilin Lijiang Exhibition Hall.\n")


def test_a_session_on_one_day_of_a_stay_is_the_meeting_and_the_stay_the_visit(gazetteer):
    draft = extract(SESSION, "en", "2030-06-05", gazetteer)
    meeting, = draft_facts(draft, "Meeting")
    assert (meeting["date"], meeting["statedWeekday"]) == ("2030-06-04", "tuesday")
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-03", "2030-06-06")


def test_an_exhibition_hall_is_a_building_not_an_expo(gazetteer):
    assert draft_facts(extract(SESSION, "en", "2030-06-05", gazetteer), "Expo") == []


TOUR = ("Wali Kota Guilin Tinjau Hutan Jati Madiun\n\n"
        "CARUBAN - Wakil Wali Kota Guilin, Tiongkok, Lu Zhenhai beserta rombongan meninjau hutan jati rakyat di "
        "Kecamatan Saradan, Kabupaten Madiun, Rabu (5/6/2030).\n\n"
        "Kunjungan lapangan itu merupakan rangkaian kunjungan delegasi Guilin ke Madiun. Sehari sebelumnya, Selasa "
        "(4/6), delegasi mengikuti Temu Bisnis Kayu Jati Madiun-Guilin yang digelar Pemkab Madiun di Caruban.\n\n"
        "Delegasi Guilin tiba di Madiun melalui Surabaya, Senin (3/6), dan kembali ke Tiongkok melalui Jakarta, "
        "Kamis (6/6).\n")


def test_a_forum_on_one_day_of_a_tour_is_a_meeting_of_its_own(gazetteer):
    draft = extract(TOUR, "id", "2030-06-06", gazetteer)
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("kabupaten-madiun", "guilin")
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-03", "2030-06-06")
    meeting, = draft_facts(draft, "Meeting")
    assert (meeting["host"], meeting["guest"], meeting["date"]) == ("kabupaten-madiun", "guilin", "2030-06-04")
    assert meeting["organiser"] == ["kabupaten-madiun"]  # who held it, the host too


def test_a_forum_still_to_come_is_no_meeting_yet(gazetteer):
    text = TOUR.replace("Sehari sebelumnya, Selasa (4/6), delegasi mengikuti", "Kamis (6/6), delegasi dijadwalkan "
                        "mengikuti").replace("dan kembali ke Tiongkok melalui Jakarta, Kamis (6/6)",
                                             "dan kembali ke Tiongkok melalui Jakarta, Jumat (7/6)")
    assert draft_facts(extract(text, "id", "2030-06-06", gazetteer), "Meeting") == []


def test_going_home_by_way_of_a_town_is_the_last_day_of_the_stay(gazetteer):
    text = ("KUMAI - Rombongan Kota Guilin, Tiongkok, mengikuti temu bisnis yang digelar Pemkab Madiun di Caruban, "
            "Rabu (5/6/2030).\n\n"
            "Rombongan yang tiba di Madiun sejak Selasa (4/6) itu kembali ke Tiongkok melalui Jakarta, Sabtu (8/6).\n")
    draft = extract(text, "id", "2030-06-06", gazetteer)
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-04", "2030-06-08")


def test_a_regency_with_its_abbreviation_then_its_province_is_one_party(gazetteer):
    text = ("TENGGARONG - Pemerintah Kabupaten Kutai Kartanegara (Kukar), Kalimantan Timur, menjalin kerja sama "
            "pendidikan vokasi dengan Guilin Lijiang Technical College dari Kota Guilin, Tiongkok. Nota kesepahaman "
            "(MoU) kedua pihak ditandatangani di kampus tersebut, Rabu (5/6/2030).\n")
    draft = extract(text, "id", "2030-06-06", gazetteer)
    mou, = draft_facts(draft, "MemorandumOfUnderstanding")
    assert "kalimantan-timur" not in mou["party"] and "kabupaten-kutai-kartanegara" in mou["party"]
    assert {"about": "kabupaten-kutai-kartanegara", "locatedIn": "kalimantan-timur"} in [
        {k: f[k] for k in ("about", "locatedIn")} for f in draft_facts(draft) if "locatedIn" in f]


def test_a_towns_nickname_in_quotes_is_no_region(gazetteer):
    text = ("MADIUN - Bupati Madiun, Ahmad Fauzan, dan Wakil Wali Kota Guilin, Lu Zhenhai, menandatangani LoI kerja "
            "sama perdagangan di Pendopo Kabupaten Madiun, Selasa (4/6/2030).\n\n"
            "Ahmad Fauzan said Madiun, known in Indonesia as the \"City of Pecel\", hoped to sell more teak to "
            "Guilin.\n")
    draft = extract(text, "id", "2030-06-05", gazetteer)
    assert [e["id"] for e in draft.proposed if e["type"] in ("City", "Regency")] == []
    loi, = draft_facts(draft, "LetterOfIntent")
    assert sorted(loi["party"]) == ["guilin", "kabupaten-madiun"]


@pytest.mark.parametrize("text, expected", [
    ("MoU meliputi budi daya dan pengolahan pascapanen kopi", ["agriculture"]),
    ("it covers coffee cultivation and agricultural processing", ["agriculture"]),
    ("pelatihan teknik alat berat dan magang industri bagi lulusan SMK", ["human-resources", "vocational-education"]),
    ("a delegation from Guilin, an industrial city in Guangxi, visited the regency", []),
    ("kerja sama pengolahan rotan dan hilirisasi", ["industry"]),  # processing, said alone, is industry
])
def test_processing_after_the_harvest_is_farming_and_an_industrial_city_no_field(text, expected):
    assert sectors(text) == expected


@pytest.mark.parametrize("place, city, province", [
    ("Guilin, a tourist city in China's southwestern Guangxi region", "guilin", "guangxi"),
    ("Zigong, a salt-making city in northeastern Sichuan", "zigong", "sichuan"),
])
def test_a_direction_after_the_country_still_says_where_a_city_lies(gazetteer, place, city, province):
    text = f"MADIUN - A delegation from {place}, visited Madiun regency on Tuesday, June 4, 2030.\n"
    located = {(f["about"], f["locatedIn"]) for f in draft_facts(extract(text, "en", "2030-06-05", gazetteer))
               if "locatedIn" in f}
    assert (city, province) in located


@pytest.mark.parametrize("title", ["Sekretaris DPRD (Sekwan) Ngawi", "Sekretaris DPRD Ngawi", "Sekwan Ngawi"])
def test_a_councils_secretary_heads_its_secretariat(gazetteer, title):
    text = f"NGAWI - Rombongan Kota Guilin diterima {title}, Drs. Bambang Priyono, Selasa (4/6/2030).\n"
    draft = extract(text, "id", "2030-06-05", gazetteer)
    assert ("bambang-priyono", "head", "Sekretariat DPRD Kabupaten Ngawi") in posts_by_label(draft)
    assert not [e for e in draft.proposed if e["type"] == "Legislature"]  # no council called "Sekretaris DPRD"

"""The fifteenth round of readings: towns (kecamatan) read as the kabupaten or kota they lie in, from the official
list (graph/data/towns.tsv); an office said as "the city's" or "its"; a list's next item is no apposition. Test
texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from pathlib import Path

from graph.extract import extract
from graph.ontology import load_vocabulary
from graph.regions import load_gazetteer
from graph.towns import towns_by_name
from tests.helpers import draft_facts as facts, draft_posts as posts, draft_posts_by_label as posts_by_label

ROOT = Path(__file__).resolve().parent.parent


def test_the_towns_table_places_every_kecamatan_in_a_kabupaten_or_kota_of_the_regions(gazetteer):
    regions = {item.subject: item.type for item in gazetteer.items}
    towns = towns_by_name()
    assert sum(len(ids) for ids in towns.values()) > 7000
    assert {regions.get(i) for ids in towns.values() for i in ids} == {"Regency", "City"}
    assert towns["Mejayan"] == {"kabupaten-madiun"}
    assert towns["Kartoharjo"] == {"kota-madiun", "kabupaten-magetan"}


def test_a_kecamatan_by_its_rank_word_is_the_kabupaten_it_lies_in(gazetteer):
    text = ("MADIUN - Bupati Madiun Ahmad Dawami menerima kunjungan delegasi Kota Guilin, Tiongkok, di Kecamatan "
            "Mejayan, Kamis (14/9/2028).\n\nRombongan dipimpin Wakil Wali Kota Guilin Tan Wen.\n")
    draft = extract(text, "id", "2028-09-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["location"]) == ("kabupaten-madiun", "guilin", "kabupaten-madiun")
    assert not [e for e in draft.proposed if e["id"].startswith("kecamatan-")]


def test_a_town_of_the_regency_the_story_names_is_where_the_agreement_was_signed(gazetteer):
    text = ("MADIUN - Madiun Regency and the city of Guilin in China signed a letter of intent in Mejayan on "
            "Thursday (Sept 14).\n\nRegent Ahmad Dawami and Guilin Vice Mayor Tan Wen signed the document.\n")
    loi, = facts(extract(text, "en", "2028-09-15", gazetteer), "LetterOfIntent")
    assert (loi["signedAt"], loi["signedOn"]) == ("kabupaten-madiun", "2028-09-14")


def test_a_bare_town_name_is_read_only_for_a_regency_the_story_names(gazetteer):
    # Mejayan lies in Kabupaten Madiun, which this story never names; "damai" is a word as well as a kecamatan
    text = ("SURABAYA - Delegasi Kota Guilin berkunjung ke Surabaya, Kamis (14/9/2028), setelah singgah di Mejayan.\n"
            "\nWali Kota Surabaya Eri Cahyadi berharap kunjungan itu membawa suasana damai.\n")
    draft = extract(text, "id", "2028-09-15", gazetteer)
    named = {value for fact in draft.facts for value in fact.values() if isinstance(value, str)}
    assert "kabupaten-madiun" not in named
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["location"]) == ("kota-surabaya", "kota-surabaya")


def test_an_office_of_the_city_said_by_its_kind_is_the_chinese_citys_when_the_indonesian_side_is_a_regency(
        gazetteer):
    text = ("MADIUN - A delegation from Guilin visited Madiun Regency on Thursday. Among its members were Tan Wen, "
            "Guilin's vice mayor, and Zhou Li, director of the city's Bureau of Commerce and Trade.\n")
    draft = extract(text, "en", "2028-09-15", gazetteer)
    held = posts_by_label(draft)
    assert ("zhou-li", "director", "Guilin Bureau of Commerce and Trade") in held


def test_its_office_after_the_regencys_is_the_same_regencys(gazetteer):
    text = ("GUILIN - Ahmad Dawami, the regent of Madiun Regency, led a six-member delegation to Guilin from Monday "
            "to Thursday. Also in the delegation were the head of the regency's Agriculture Office, Budi Santoso, "
            "and the head of its Tourism Office, Siti Aminah.\n")
    draft = extract(text, "en", "2028-09-15", gazetteer)
    held = {(holder, body) for holder, role, body in posts_by_label(draft) if role == "head"}
    assert held == {("budi-santoso", "Madiun Agriculture Office"), ("siti-aminah", "Madiun Tourism Office")}


def test_a_known_person_before_and_the_head_of_a_known_office_is_not_its_head(tmp_path):
    (tmp_path / "gazetteer.yaml").write_text(
        (ROOT / "sources" / "gazetteer.yaml").read_text(encoding="utf-8")
        + "  - id: budi-santoso\n    type: Person\n    label: Budi Santoso\n"
          "  - id: siti-aminah\n    type: Person\n    label: Siti Aminah\n"
          "  - id: dispar-madiun\n    type: GovernmentAgency\n"
          "    label: {id: Dinas Pariwisata Kabupaten Madiun, en: Madiun Tourism Office}\n", encoding="utf-8")
    known = load_gazetteer(tmp_path, load_vocabulary(ROOT / "ontology.ttl"))
    text = ("GUILIN - Ahmad Dawami, the regent of Madiun Regency, led a six-member delegation to Guilin. Also in the "
            "delegation were the head of the regency's Agriculture Office, Budi Santoso, and the head of its Tourism "
            "Office, Siti Aminah.\n")
    held = posts(extract(text, "en", "2028-09-15", known))
    assert ("siti-aminah", "head", "dispar-madiun") in held
    assert ("budi-santoso", "head", "dispar-madiun") not in held


def test_a_return_visit_planned_for_next_year_names_no_side_of_the_visit_told(gazetteer):
    text = ("GUILIN — Madiun regency and the city of Guilin in China's Guangxi region signed a letter of intent on "
            "Thursday (Aug 17).\n\nThe letter was signed at the Guilin Municipal Government building by Madiun Regent "
            "Ahmad Dawami and Guilin Mayor Tan Wen.\n\nAhmad led an eight-member delegation that stayed in Guilin from "
            "Tuesday to Friday (Aug 15-18).\n\nThe two sides plan to sign a full memorandum of understanding during a "
            "return visit by a Guilin delegation to Madiun next year.\n")
    visit, = facts(extract(text, "en", "2028-08-21", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("guilin", "kabupaten-madiun", "ahmad-dawami")
    assert (visit["startDate"], visit["endDate"]) == ("2028-08-15", "2028-08-18")


def test_a_mission_led_by_someone_said_between_commas_was_in_a_city_from_one_day_to_another(gazetteer):
    text = ("MADIUN — A 15-member trade mission from Madiun regency spent five days in the Chinese city of Guilin last "
            "week, looking for investors in furniture.\n\n"
            "The mission, led by Madiun Regent Ahmad Dawami, was in Guilin from Oct 9 to 13.\n\n"
            "On Tuesday (Oct 10), Ahmad met Guilin Mayor Tan Wen at the Guilin Municipal Government building.\n\n"
            "Members of the mission included Siti Aminah, head of the Madiun Trade Office, and Budi Santoso, a "
            "furniture maker.\n")
    visit, = facts(extract(text, "en", "2028-10-16", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("guilin", "kabupaten-madiun", "ahmad-dawami")
    assert (visit["startDate"], visit["endDate"]) == ("2028-10-09", "2028-10-13")
    assert {"ahmad-dawami", "tan-wen", "siti-aminah", "budi-santoso"} <= set(visit["participant"])


def test_a_chambers_name_is_no_field_the_sides_discussed(gazetteer):
    text = ("MADIUN - Wali Kota Madiun Maidi menerima delegasi Kota Guilin di Balai Kota Madiun, Senin (11/9/2028). "
            "Delegasi juga bertemu pengurus Kamar Dagang dan Industri (Kadin) Kota Madiun untuk membahas pariwisata.\n")
    visit, = facts(extract(text, "id", "2028-09-12", gazetteer), "DelegationVisit")
    assert visit["sector"] == ["tourism"]


def test_who_saw_it_signed_in_whose_presence_signed_nothing_and_was_there(gazetteer):
    text = ("MADIUN - Pemerintah Kota Madiun dan Pemerintah Kota Guilin menandatangani nota kesepahaman (MoU) kota "
            "bersahabat di Balai Kota Madiun, Selasa (12/9/2028).\n\n"
            "Naskah MoU ditandatangani oleh Wali Kota Madiun, Drs. Maidi, dan Wali Kota Guilin, Tan Wen, di hadapan "
            "Ketua DPRD Kota Madiun, Hj. Siti Aminah, serta Wakil Wali Kota Guilin, Zhou Li.\n\n"
            "Kegiatan penandatanganan dilaksanakan Bagian Kerja Sama Setda Kota Madiun.\n")
    draft = extract(text, "id", "2028-09-13", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    signing, = facts(draft, "Signing")
    assert set(mou["signatory"]) == {"maidi", "tan-wen"}
    assert {"siti-aminah", "zhou-li"} <= set(signing["participant"])
    label = {e["id"]: e["label"] for e in draft.proposed}
    assert [label.get(o, o) for o in signing["organiser"]] == ["Bagian Kerja Sama Setda Kota Madiun"]


def test_a_mission_organised_by_an_office_was_led_by_and_included_people_said_after(gazetteer):
    text = ("A 15-member trade mission from Madiun city met buyers in Guilin, a city in China's Guangxi region, last "
            "Thursday and Friday.\n\n"
            "The mission, organised by the Madiun City Trade Office as part of its export programme, was led by "
            "Madiun Deputy Mayor Inda Raya. It was received on Thursday by Guilin Vice Mayor Tan Wen.\n\n"
            "Besides Head of the Madiun City Trade Office Budi Santoso, the mission included Siti Aminah, director "
            "of PT Brem Madiun Jaya, a snack maker.\n")
    draft = extract(text, "en", "2028-09-18", gazetteer)
    event, = [f for f in facts(draft) if f.get("type") in ("DelegationVisit", "Meeting")]
    assert event["ledBy"] == "inda-raya"
    assert {"inda-raya", "tan-wen", "budi-santoso", "siti-aminah"} <= set(event["participant"])


def test_an_agreement_signed_at_a_hotel_in_jakarta_was_signed_in_the_province_level_capital(gazetteer):
    text = ("Jakarta - Pemerintah Kota Madiun dan Pemerintah Kota Guilin, Provinsi Guangxi, Tiongkok, menandatangani "
            "nota kesepahaman (MoU) kerja sama perdagangan di Hotel Puri Kencana, Jakarta, Kamis (3/12).\n\n"
            "MoU diteken Wali Kota Madiun Maidi dan Wali Kota Guilin Tan Wen.\n")
    mou, = facts(extract(text, "id", "2026-12-04", gazetteer), "MemorandumOfUnderstanding")
    assert mou["signedAt"] == "dki-jakarta"


def test_a_signatory_said_by_surname_before_the_witnesses_signed(gazetteer):
    text = ("A medical team from Guilin, led by the hospital's president, Dr. Tan Wenhua, was welcomed on Monday by "
            "Madiun Mayor Maidi.\n\n"
            "On Thursday, Guilin Eye Hospital and RSUD Madiun signed a memorandum of understanding on training. The "
            "memorandum was signed by Tan and Siti Aminah, director of RSUD Madiun, and witnessed by the mayor.\n")
    mou, = facts(extract(text, "en", "2028-09-18", gazetteer), "MemorandumOfUnderstanding")
    assert set(mou["signatory"]) == {"tan-wenhua", "siti-aminah"}


def test_a_count_of_people_from_a_city_opening_the_story_came_on_a_visit_led_by_whom_it_says(gazetteer):
    text = ("Twelve batik artists and teachers from Guilin, a city in China's Guangxi region, spent Thursday showing "
            "craftsmen in Madiun city how to dye with indigo.\n\n"
            "Tan Wen, vice-president of the Guilin Arts Academy, led the delegation, which was welcomed by Madiun "
            "Mayor Maidi.\n")
    visit, = facts(extract(text, "en", "2028-05-08", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("kota-madiun", "guilin", "tan-wen")

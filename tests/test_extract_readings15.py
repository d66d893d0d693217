"""The fifteenth round of readings: towns (kecamatan) read as the kabupaten or kota they lie in, from the official
list (graph/data/towns.tsv). Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from graph.towns import towns_by_name
from tests.helpers import draft_facts as facts


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

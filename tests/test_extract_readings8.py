"""The seventh round of readings: lists of titles written first in English, offices named for a list of fields,
museums and forums, a title that names no place, Balinese names, a Chinese name with a town inside it, groups that
came from somewhere, and names that never run across a blank line. Test texts of our own, in both languages where
news writes the reading in both."""
from __future__ import annotations

import pytest

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def labels(draft):
    return {p["id"]: p["label"] for p in draft.proposed}


def test_a_list_of_titles_written_first_gives_each_person_their_post(gazetteer):
    text = ("Bitung and Jinhua signed a memorandum of understanding on fisheries in Bitung on Tuesday (May 5). "
            "Present were Head of the Bitung Marine, Fisheries and Ports Office Meiske Rumengan, Director of the Jinhua "
            "Folk Arts Museum Gao Ruolan and Chairman of the Bitung Harbour Community Forum Stenly Pangalila.\n")
    draft = extract(text, "en", "2026-05-06", gazetteer)
    held = {labels(draft)[h]: labels(draft)[p] for h, _, p in posts(draft)}
    assert held == {"Meiske Rumengan": "Bitung Marine, Fisheries and Ports Office",
                    "Gao Ruolan": "Jinhua Folk Arts Museum",
                    "Stenly Pangalila": "Bitung Harbour Community Forum"}
    assert {r for _, r, _ in posts(draft)} == {"head", "director", "chair"}


def test_an_indonesian_office_named_for_a_list_of_fields_keeps_its_commas(gazetteer):
    text = ("Hadir Kepala Dinas Kelautan, Perikanan dan Pelabuhan Kota Bitung, Meiske Rumengan, pada penandatanganan "
            "nota kesepahaman antara Kota Bitung dan Kota Jinhua.\n")
    draft = extract(text, "id", "2026-05-06", gazetteer)
    assert "Dinas Kelautan, Perikanan dan Pelabuhan Kota Bitung" in labels(draft).values()


@pytest.mark.parametrize("text, language, mayor, vice", [
    ("The memorandum was signed in Bitung by Mayor Maurits Mantiri and Vice Mayor Gao Ruolan of Jinhua, whose "
     "delegation arrived on Monday.", "en", "Maurits Mantiri", "Gao Ruolan"),
    ("Kota Bitung dan Kota Jinhua menandatangani nota kesepahaman di Bitung. Nota itu diteken Wali Kota Maurits "
     "Mantiri dan Gao Ruolan, wakil wali kota Jinhua.", "id", "Maurits Mantiri", "Gao Ruolan"),
])
def test_a_title_with_no_place_is_the_post_of_its_holders_country(gazetteer, text, language, mayor, vice):
    draft = extract(text + "\n", language, "2026-05-06", gazetteer)
    held = {(labels(draft).get(h, h), r, p) for h, r, p in posts(draft)}
    assert (mayor, "mayor", "kota-bitung") in held
    assert (vice, "deputy-mayor", "jinhua") in held


def test_a_title_with_no_place_and_a_chinese_holder_is_the_chinese_citys(gazetteer):
    text = ("A delegation from Jinhua visited Bitung on Monday (May 4). Vice Mayor Tan Qiuyue said Jinhua's traders "
            "would open a warehouse in Bitung.\n")
    draft = extract(text, "en", "2026-05-06", gazetteer)
    assert ("tan-qiuyue", "deputy-mayor", "jinhua") in posts(draft)


def test_a_chinese_name_with_a_town_inside_it_makes_no_party(gazetteer):
    # Dongyang is a county-level city of Jinhua: in "Chen Dongyang" it is a man's given name
    text = ("Kota Bitung dan Kota Jinhua menandatangani nota kesepahaman, Selasa (5/5). Chen Dongyang, wakil wali "
            "kota Jinhua, meneken nota itu bersama Wali Kota Bitung Maurits Mantiri.\n")
    draft = extract(text, "id", "2026-05-06", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert set(mou["party"]) == {"kota-bitung", "jinhua"}
    named = {v for f in facts(draft) for value in f.values() for v in (value if isinstance(value, list) else [value])
             if isinstance(v, str)}
    assert "dongyang" not in named and "chen-dongyang" in named


@pytest.mark.parametrize("text, language", [
    ("The delegation was led by I Gede Wirawan, head of the Klungkung Tourism Office.", "en"),
    ("Rombongan dipimpin I Gede Wirawan, Kepala Dinas Pariwisata Kabupaten Klungkung.", "id"),
])
def test_a_balinese_name_keeps_its_i(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-05-06", gazetteer)
    assert "I Gede Wirawan" in labels(draft).values()
    assert "Gede Wirawan" not in labels(draft).values()


@pytest.mark.parametrize("text, language", [
    ("From May 4 to 15, a 12-member group of weavers and dye makers from Klungkung regency in Indonesia's Bali "
     "province took part in a silk dyeing course in Jinhua, a city in east China's Zhejiang province.", "en"),
    ("Sebanyak 12 penenun dan perajin pewarna dari Kabupaten Klungkung, Bali, mengikuti pelatihan pewarnaan sutra di "
     "Kota Jinhua, Provinsi Zhejiang, Tiongkok, pada 4-15 Mei 2026.", "id"),
])
def test_a_group_that_came_from_a_region_is_its_visit(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-05-20", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit.get("guest"), visit.get("host")) == ("kabupaten-klungkung", "jinhua")


def test_a_region_name_never_runs_across_a_blank_line(gazetteer):
    # "Kecamatan" ends a teaser's line; the next paragraph opens with a man's name
    text = ("Bupati Klungkung menerima delegasi Kota Jinhua, Senin (4/5).\n\nBaca juga: Jalan rusak di tiga "
            "kecamatan\n\nKecamatan\n\nWirawan mengatakan kunjungan itu membuka peluang kerja sama.\n")
    draft = extract(text, "id", "2026-05-06", gazetteer)
    assert not [p for p in draft.proposed if p["type"] == "County"]

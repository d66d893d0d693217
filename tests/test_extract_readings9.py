"""The eighth round of readings: Chinese names written syllable by syllable, "Sister City" as a phrase, a
nickname in brackets, ranges of days with no year, interim chairs, the legislature that received a delegation,
a standing committee's delegation, a title's place followed by its province and country, a title that shares an
acronym's capital, a ship captain's abbreviation, and a list that names a title with no holder. Test texts of our
own, in the shapes regional news uses."""
from __future__ import annotations

import pytest

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_people as people, draft_posts as posts


def test_a_chinese_city_written_syllable_by_syllable_after_a_rank_word_is_that_city(gazetteer):
    text = ("Bitung dan Hui Zhou Jajaki Kota Kembar\n\n"
            "Pemerintah Kota Bitung menandatangani Letter of Intent (LoI) dengan Kota Hui Zhou, Provinsi Guangdong, "
            "di Hui Zhou, Senin (6/7). Program Sister City itu mencakup perikanan.\n")
    draft = extract(text, "id", "2026-07-07", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert sorted(loi["party"]) == ["huizhou", "kota-bitung"]
    assert loi["signedAt"] == "huizhou"  # the bare "di Hui Zhou" too, once the article has named it with its rank
    assert not [p for p in draft.proposed if p["type"] in ("City", "Regency", "Province")]  # no "Kota Sister"


def test_two_syllables_with_no_rank_word_stay_a_persons_name(gazetteer):
    text = "Wali Kota Bitung menerima Wu Han, pengusaha perikanan, di Bitung, Senin (6/7).\n"
    draft = extract(text, "id", "2026-07-07", gazetteer)
    assert "wuhan" not in draft.mentioned


def test_a_nickname_in_brackets_is_the_same_person_later(gazetteer):
    text = ("LoI ditandatangani Wali Kota Bitung, Maurits Lumempouw (Bung Maurits), dan Wakil Wali Kota Huizhou, "
            "Zeng Lihua, di Huizhou, Senin (6/7).\n\n"
            "Rombongan yang dipimpin Bung Maurits tiba di Huizhou sejak Minggu (5/7).\n")
    draft = extract(text, "id", "2026-07-07", gazetteer)
    assert people(draft)["Maurits Lumempouw"]["alias"] == ["Bung Maurits"]
    assert "Bung Maurits" not in people(draft)


@pytest.mark.parametrize("text, language, published, start, end", [
    ("Mayor Maurits Lumempouw led a delegation on a visit to Huizhou from July 1 to 3. On July 3, the two cities "
     "signed a letter of intent in Huizhou.", "en", "2026-07-06", "2026-07-01", "2026-07-03"),
    ("Rombongan Pemkot Bitung berkunjung ke Huizhou pada 1-3 Juli. Kedua kota menandatangani LoI di Huizhou.",
     "id", "2026-07-06", "2026-07-01", "2026-07-03"),
])
def test_a_range_of_days_with_no_year_is_read_in_the_year_of_publication(gazetteer, text, language, published,
                                                                         start, end):
    draft = extract(text + "\n", language, published, gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == (start, end)


def test_a_date_that_opens_a_sentence_dates_the_signing(gazetteer):
    text = ("Mayor Maurits Lumempouw of Bitung City visited Huizhou last week.\n\n"
            "On July 3, Vice Mayor Zeng Lihua of Huizhou and Mr. Maurits Lumempouw signed a Letter of Intent on "
            "friendly exchanges between the two cities at the Huizhou Municipal Government Building.\n")
    draft = extract(text, "en", "2026-07-06", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert loi["signedOn"] == "2026-07-03"


def test_an_interim_chair_holds_the_post_acting(gazetteer):
    text = ("Ketua Sementara DPRD Kota Bitung, Yohanis Rarung, menerima kunjungan delegasi Komite Tetap Kongres "
            "Rakyat Kota Huizhou yang berkunjung ke Bitung, Selasa (17/9).\n")
    draft = extract(text, "id", "2024-09-18", gazetteer)
    (holder, role, place), = [p for p in posts(draft) if p[1].endswith("chair")]
    assert role == "acting-chair" and people(draft)["Yohanis Rarung"]["id"] == holder
    visit, = facts(draft, "DelegationVisit")
    # the legislature that received them is the host, in its town; the congress's committee came
    assert visit["host"] == place and visit["location"] == "kota-bitung"
    assert visit["guest"] != place and "huizhou" in visit["guest"]


def test_a_titles_place_may_be_followed_by_its_region_and_country_before_the_name(gazetteer):
    text = ("Wali Kota Bitung, Maurits Lumempouw, dan Wakil Wali Kota Wuzhou, Daerah Otonom Guangxi Zhuang, "
            "Tiongkok, Mo Guanhua, menandatangani perjanjian kerja sama di Bitung, Kamis (12/11).\n")
    draft = extract(text, "id", "2026-11-13", gazetteer)
    assert (people(draft)["Mo Guanhua"]["id"], "deputy-mayor", "wuzhou") in posts(draft)


def test_a_title_that_shares_an_acronyms_capital_is_not_in_the_office_name(gazetteer):
    text = ("Penandatanganan disaksikan Kepala Kantor Kesyahbandaran dan Otoritas Pelabuhan (KSOP) Bitung, "
            "Capt. Herman Sahetapy, dan Ketua DPRD Kota Bitung.\n")
    draft = extract(text, "id", "2026-11-13", gazetteer)
    office, = [p for p in draft.proposed if p["type"] == "GovernmentAgency"]
    assert office["label"].startswith("Kantor Kesyahbandaran")
    # "Capt." is the captain's, not the end of a sentence: the name after it holds the post
    assert (people(draft)["Herman Sahetapy"]["id"], "head", office["id"]) in posts(draft)
    assert "Capt" not in people(draft)


def test_a_title_with_no_holder_in_a_list_does_not_take_the_next_title_as_a_name(gazetteer):
    text = ("Penjabat (Pj) Bupati Sikka menerima delegasi perusahaan asal Kota Ningde, Senin, 4 Maret 2024.\n\n"
            "Hadir mendampingi Pj Bupati, Kepala Bappeda Sikka, Yuliana Dua Sareng.\n\n"
            "Drs. Servasius Moa Nong, M.Si., Pj Bupati Sikka, mengatakan pihaknya butuh mitra.\n")
    draft = extract(text, "id", "2024-03-05", gazetteer)
    assert not [name for name in people(draft) if name.startswith("Kepala")]
    # a name written first, with degrees after it, holds the title after them
    assert (people(draft)["Servasius Moa Nong"]["id"], "acting-regent", "kabupaten-sikka") in posts(draft)


def test_a_bare_name_two_regions_share_is_the_kind_said_right_after_it(gazetteer):
    text = ("Ten furniture makers from Tegal, the Central Java port city, are showing their work at the Yiwu "
            "International Fair in Yiwu, which opened on Wednesday (16/09/2026).\n")
    draft = extract(text, "en", "2026-09-18", gazetteer)
    assert "kota-tegal" in draft.mentioned and "kabupaten-tegal" not in draft.mentioned


def test_a_towns_chapter_of_a_chamber_is_the_chamber_named_again_by_its_short_name_and_town(gazetteer):
    text = ("Head of the Tegal Trade Office Wahyu Santosa led the group, with support from the Tegal chapter of "
            "the Indonesian Chamber of Commerce and Industry (Kadin). Also in the group was Chairman of Kadin Tegal "
            "Gunawan Hartono.\n")
    draft = extract(text, "en", "2026-09-18", gazetteer)
    chambers = [p for p in draft.proposed if p["type"] == "BusinessAssociation"]
    assert len(chambers) == 1, chambers


@pytest.mark.parametrize("text, language, published, day", [
    ("TANJUNG PANDAN – Sebanyak 30 seniman Sanggar Barongsai Naga Emas dari Kota Shantou tampil di Taman Kota, "
     "Sabtu malam (24/10). Pertunjukan itu menjadi puncak Festival Budaya Belitung. Pertunjukan digelar Dinas "
     "Pariwisata dan Kebudayaan Kabupaten Belitung.", "id", "2026-10-25", "2026-10-24"),
    ("A 30-member lion dance troupe from Shantou performed at the town park on Friday night, opening the "
     "Belitung Culture Festival. The performance was organized by the Belitung Tourism and Culture Office.",
     "en", "2026-10-24", "2026-10-23"),
])
def test_a_troupe_that_came_to_open_a_festival_made_a_visit_to_the_organisers_town(gazetteer, text, language,
                                                                                    published, day):
    draft = extract(text + "\n", language, published, gazetteer)
    assert not facts(draft, "Expo")
    visit, = facts(draft, "DelegationVisit")
    assert (visit["guest"], visit["host"], visit["location"], visit["date"]) == \
        ("shantou", "kabupaten-belitung", "kabupaten-belitung", day)


def test_who_signed_for_the_hosts_during_the_visit_was_at_the_visit(gazetteer):
    text = ("Wali Kota Bitung, Maurits Lumempouw, dan Wakil Wali Kota Huizhou, Zeng Lihua, menandatangani Letter of "
            "Intent (LoI) kerja sama perikanan di Kantor Wali Kota Huizhou, Kamis (2/7). Penandatanganan disaksikan "
            "Ketua DPRD Kota Bitung, Yohanis Rarung.\n\n"
            "Rombongan Pemkot Bitung yang dipimpin Maurits berada di Huizhou sejak Rabu (1/7).\n")
    draft = extract(text, "id", "2026-07-03", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    zeng, rarung = people(draft)["Zeng Lihua"]["id"], people(draft)["Yohanis Rarung"]["id"]
    assert zeng in visit["participant"]  # the hosts' signatory met the delegation
    assert rarung in signing["participant"] and rarung in visit["participant"]  # who witnessed it: at both


def test_a_delegation_led_by_a_title_the_ontology_has_no_role_for_is_led_by_the_name_after_it(gazetteer):
    text = ("Wali Kota Bitung menerima kunjungan delegasi Huizhou Polytechnic dari Kota Huizhou di Balai Kota Bitung, "
            "Selasa (14/4). Rombongan empat orang itu dipimpin Wakil Rektor Bidang Kerja Sama Luar Negeri, Prof. "
            "Liang Wenbo.\n")
    draft = extract(text, "id", "2026-04-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["ledBy"] == people(draft)["Liang Wenbo"]["id"]


def test_a_council_member_holds_a_members_post_and_its_secretary_heads_the_councils_secretariat(gazetteer):
    # (the secretary was read as holding no post until round 17; bench/heldout13/README.md set the convention that
    # "Sekretaris DPRD (Sekwan)" heads the council's secretariat, and heldout13 and heldout15 are written so)
    text = ("Ketua DPRD Kota Bitung, Yohanis Rarung, didampingi anggota DPRD Kota Bitung, Hj. Fatma Ismail, serta "
            "Sekretaris DPRD Kota Bitung, Robert Kalalo, menerima delegasi Kota Huizhou, Selasa (17/9).\n")
    draft = extract(text, "id", "2024-09-18", gazetteer)
    held = {(people(draft).get(n, {}).get("id"), r) for n, r in (("Fatma Ismail", "member"),
                                                                  ("Yohanis Rarung", "chair"))}
    assert held <= {(h, r) for h, r, _ in posts(draft)}
    assert [(role, place) for holder, role, place in posts(draft) if holder == people(draft)["Robert Kalalo"]["id"]] \
        == [("head", "setwan-kota-bitung")]


def test_where_a_region_lies_said_in_english_appositions(gazetteer):
    text = ("Potters from Yixing, the pottery capital in China's Jiangsu province, spent a week with craftsmen in "
            "Sumbawa regency in Indonesia's West Nusa Tenggara province.\n")
    draft = extract(text, "en", "2026-05-08", gazetteer)
    located = {(f["about"], f["locatedIn"]) for f in facts(draft) if "locatedIn" in f}
    assert {("yixing", "jiangsu"), ("kabupaten-sumbawa", "nusa-tenggara-barat")} <= located
    # the province read whole, not a second one proposed from its last two words
    assert not [p for p in draft.proposed if p["type"] == "Province"]


def test_a_headline_verb_and_a_regents_office_name_no_one(gazetteer):
    text = ("Pj Bupati Sikka Terima Delegasi Ningde, Bahas Rumput Laut\n\n"
            "Maumere - Penjabat (Pj) Bupati Sikka, Dr. Servasius Moa Nong, menerima delegasi Kota Ningde di ruang "
            "rapat Kantor Bupati Sikka, Maumere, pada Senin, 4 Maret 2024.\n")
    draft = extract(text, "id", "2024-03-05", gazetteer)
    assert set(people(draft)) == {"Servasius Moa Nong"}
    assert {(h, r) for h, r, _ in posts(draft)} == {(people(draft)["Servasius Moa Nong"]["id"], "acting-regent")}

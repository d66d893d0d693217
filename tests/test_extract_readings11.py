"""The eleventh round of readings: a regency's agreement with a company, a town written with the town it lies in,
rooms named for a title. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

import pytest

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def heads_by_label(draft):
    """Who heads what, each body by its label when it is proposed."""
    label = {e["id"]: e["label"] for e in draft.proposed}
    return {holder: label.get(body, body) for holder, role, body in posts(draft) if role == "head"}


def test_a_regency_that_signs_with_a_company_has_the_company_as_the_other_party(gazetteer):
    text = ("Pemerintah Kabupaten Halmahera Selatan menandatangani nota kesepahaman (MoU) dengan Fuqing Haixing "
            "Aquatic Co., Ltd., perusahaan budidaya asal Kota Fuqing, Fuzhou, Provinsi Fujian, tentang budidaya "
            "rumput laut di Bacan, Selasa (8/9).\n\n"
            "MoU ditandatangani oleh Chairman Fuqing Haixing Aquatic Co., Ltd., Mr. Chen Weiguo, bersama Bupati "
            "Halmahera Selatan Rusdi Abdullah Tomagola.\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    company = next(e["id"] for e in draft.proposed if e["label"] == "Fuqing Haixing Aquatic Co., Ltd.")
    assert mou["party"] == ["kabupaten-halmahera-selatan", company]
    assert mou["signedOn"] == "2026-09-08"
    assert {"chen-weiguo", "rusdi-abdullah-tomagola"} <= set(mou["signatory"])


def test_a_town_written_with_the_town_the_gazetteer_puts_it_in_lies_there(gazetteer):
    text = "Rombongan pengusaha asal Kota Fuqing, Fuzhou, Provinsi Fujian, tiba di Bacan pada Senin (7/9).\n"
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2026-09-10", gazetteer).facts
               if "locatedIn" in f}
    assert ("fuqing", "fuzhou-fujian") in located


def test_two_towns_in_a_list_do_not_lie_in_each_other(gazetteer):
    text = "Delegasi itu juga akan mengunjungi Kota Ningde, Fuzhou, dan Xiamen pekan depan.\n"
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2026-09-10", gazetteer).facts
               if "locatedIn" in f}
    assert ("ningde", "fuzhou-fujian") not in located


def test_a_room_named_for_the_regent_is_no_region_and_no_person(gazetteer):
    text = ("Pemerintah Kabupaten Halmahera Selatan dan Kota Fuqing menandatangani LoI kerja sama perikanan.\n\n"
            "Penandatanganan berlangsung di Ruang Rapat Bupati, Kantor Bupati Halmahera Selatan, Selasa (8/9).\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    assert not [e for e in draft.proposed if e["type"] in ("Regency", "Person")]
    assert not [post for post in posts(draft) if post[1] == "regent"]


def test_a_weekday_alone_closing_the_lead_dates_the_visit(gazetteer):
    text = ("Pacitan (Warta Selatan) - Bupati Pacitan menerima kunjungan delegasi Pemerintah Kota Wuzhou, Provinsi "
            "Guangxi, di Pendopo Kabupaten Pacitan, Selasa.\n\n"
            "Delegasi itu dipimpin Wakil Wali Kota Wuzhou, Tan Xiaoming.\n")
    visit, = facts(extract(text, "id", "2026-09-10", gazetteer), "DelegationVisit")  # a Thursday
    assert (visit["date"], visit["statedWeekday"]) == ("2026-09-08", "tuesday")


def test_the_weekday_a_quote_was_spoken_dates_nothing(gazetteer):
    text = ("Delegasi Pemerintah Kota Wuzhou berkunjung ke Kabupaten Pacitan pekan lalu.\n\n"
            "\"Kami ingin belajar pengolahan batu akik,\" kata Tan Xiaoming saat dihubungi, Selasa.\n")
    visit, = facts(extract(text, "id", "2026-09-10", gazetteer), "DelegationVisit")
    assert "date" not in visit


def test_offices_listed_first_pair_in_order_with_the_names_after_masing_masing(gazetteer):
    text = ("Bupati Pacitan didampingi Sekda, Kepala Dinas Pariwisata, serta Kepala Dinas Koperasi dan UKM "
            "Kabupaten Pacitan, masing-masing Drs. Agus Prasetyo Wibowo, Sri Lestari Handayani, dan Bambang "
            "Sutrisno Adi, S.E.\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    held = heads_by_label(draft)
    assert held == {"agus-prasetyo-wibowo": "Sekretariat Daerah Kabupaten Pacitan",
                    "sri-lestari-handayani": "Dinas Pariwisata Kabupaten Pacitan",
                    "bambang-sutrisno-adi": "Dinas Koperasi dan UKM Kabupaten Pacitan"}


def test_a_list_of_offices_and_a_list_of_another_length_pair_nothing(gazetteer):
    text = ("Bupati Pacitan didampingi Kepala Dinas Pariwisata dan Kepala Dinas Koperasi Kabupaten Pacitan, "
            "masing-masing Sri Lestari Handayani, Bambang Sutrisno Adi, dan Agus Prasetyo Wibowo.\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    assert not [post for post in posts(draft) if post[1] == "head"]


def test_the_heads_of_the_provincial_offices_respectively(gazetteer):
    text = ("The Guangxi delegation was received by South Sulawesi Vice Governor Andi Rahman Sompa in Makassar.\n\n"
            "Also present were the heads of the provincial Tourism Office, the Trade Office and the Plantation "
            "Office, Nurhayati Said, Andi Baso Mappiare and Syamsul Alam, respectively.\n")
    draft = extract(text, "en", "2026-09-10", gazetteer)
    held = heads_by_label(draft)
    assert held == {"nurhayati-said": "South Sulawesi Tourism Office", "andi-baso-mappiare": "South Sulawesi Trade Office",
                    "syamsul-alam": "South Sulawesi Plantation Office"}


def test_a_known_office_written_with_its_short_name_between_its_name_and_its_town(tmp_path):
    from pathlib import Path
    from graph.ontology import load_vocabulary
    from graph.regions import load_gazetteer
    root = Path(__file__).resolve().parent.parent
    (tmp_path / "gazetteer.yaml").write_text(
        (root / "sources" / "gazetteer.yaml").read_text(encoding="utf-8")
        + "  - id: dinkop-pacitan\n    type: GovernmentAgency\n"
          "    label: Dinas Koperasi dan UKM Kabupaten Pacitan\n", encoding="utf-8")
    known = load_gazetteer(tmp_path, load_vocabulary(root / "ontology.ttl"))
    text = ("Kunjungan lapangan diselenggarakan Dinas Koperasi dan UKM (Dinkop) Kabupaten Pacitan.\n\n"
            "Rombongan disambut Kepala Dinkop Pacitan Sri Lestari Handayani.\n")
    draft = extract(text, "id", "2026-09-10", known)
    assert ("sri-lestari-handayani", "head", "dinkop-pacitan") in posts(draft)
    assert not [e for e in draft.proposed if e["type"] == "GovernmentAgency"]


def test_the_one_mou_named_again_after_the_venue_and_the_caption_has_its_signatories(gazetteer):
    text = ("Pemerintah Kabupaten Halmahera Selatan menandatangani nota kesepahaman (MoU) dengan Fuqing Haixing "
            "Aquatic Co., Ltd. tentang budidaya rumput laut.\n"
            "Selasa (8/9/2026).\n\n"
            "Penandatanganan berlangsung di Ruang Rapat Bupati, Kantor Bupati Halmahera Selatan.\n\n"
            "Bupati mengatakan kerja sama itu sudah lama dirintis.\n\n"
            "MoU ditandatangani oleh Chairman Fuqing Haixing Aquatic Co., Ltd., Mr. Chen Weiguo, bersama Bupati "
            "Halmahera Selatan, Rusdi Abdullah Tomagola.\n")
    mou, = facts(extract(text, "id", "2026-09-10", gazetteer), "MemorandumOfUnderstanding")
    assert set(mou["signatory"]) == {"chen-weiguo", "rusdi-abdullah-tomagola"}


@pytest.mark.parametrize("language, text, venue", [
    ("id", "Pemerintah Kabupaten Pacitan dan Pemerintah Kota Wuzhou menandatangani LoI di Pendapa Kabupaten Pacitan, "
           "Selasa (8/9).\n", "Pendapa Kabupaten Pacitan"),
    ("en", "Pacitan Regent Indah Puspitasari and Wuzhou Vice Mayor Tan Xiaoming signed a letter of intent at the "
           "regent's official residence on Tuesday.\n", "regent's official residence")])
def test_a_pendapa_and_an_officials_residence_are_where_it_was_signed(gazetteer, language, text, venue):
    signing, = facts(extract(text, language, "2026-09-10", gazetteer), "Signing")
    assert signing["venue"] == venue


def test_a_city_secretary_heads_the_city_secretariat(gazetteer):
    text = "Pacitan Regent Indah Puspitasari and Madiun City Secretary Rudi Santoso Wibowo received the delegation.\n"
    draft = extract(text, "en", "2026-09-10", gazetteer)
    held = heads_by_label(draft)
    assert held == {"rudi-santoso-wibowo": "Sekretariat Daerah Kota Madiun"}


def test_a_fair_whose_name_has_and_inside_is_named_whole_and_held_in_its_town(gazetteer):
    text = ("Seaweed and dried fish from Indonesia's Maluku province drew crowds at the Xiamen International Fishery "
            "and Ocean Products Fair, which opened on Thursday and runs until Sunday.\n\n"
            "Maluku's 12-member delegation is led by Vice Governor Johan Pattiradjawane.\n")
    draft = extract(text, "en", "2026-09-11", gazetteer)
    expo = next(f for f in facts(draft) if f.get("type") == "Expo")
    assert expo["label"] == "Xiamen International Fishery and Ocean Products Fair"
    assert expo["location"] == "xiamen"


def test_the_visitors_home_named_in_a_visits_sentence_is_not_where_it_took_place(gazetteer):
    text = ("On Friday the Maluku delegation met Xiamen Vice Mayor Zheng Lihua at the Xiamen Municipal Government "
            "building, where the two sides discussed investment in fish processing in Maluku.\n")
    visit, = facts(extract(text, "en", "2026-09-12", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["location"]) == ("xiamen", "maluku", "xiamen")


def test_the_days_the_delegation_is_in_town_are_the_visits_first_and_last(gazetteer):
    text = ("On Friday the Maluku delegation met Xiamen Vice Mayor Zheng Lihua at the Xiamen Municipal Government "
            "building.\n\n"
            "The delegation is in Xiamen from September 9 to 13.\n")
    visit, = facts(extract(text, "en", "2026-09-12", gazetteer), "DelegationVisit")
    assert (visit.get("startDate"), visit.get("endDate"), visit.get("date")) == ("2026-09-09", "2026-09-13", None)


@pytest.mark.parametrize("language, text", [
    ("en", "On Friday the Maluku delegation met Xiamen Vice Mayor Zheng Lihua in Xiamen. The delegation is led by "
           "Vice Governor Johan Pattiradjawane. It includes Nur Aisyah Latuconsina, head of the Maluku Tourism "
           "Office, and Ronald Tahapary, chairman of the Ambon Pearl Traders Cooperative.\n"),
    ("id", "Wakil Wali Kota Ambon menerima kunjungan delegasi Kota Xiamen, Senin (7/9). Rombongan dipimpin Wakil "
           "Wali Kota Xiamen, Zheng Lihua, dan terdiri atas 12 orang. Di antaranya Direktur Xiamen Haiyun Fisheries "
           "Co., Ltd., Nur Aisyah Latuconsina, dan Ketua Kamar Dagang Distrik Siming, Ronald Tahapary.\n")])
def test_the_members_listed_after_the_delegation_was_named_were_at_the_visit(gazetteer, language, text):
    visit, = facts(extract(text, language, "2026-09-12", gazetteer), "DelegationVisit")
    assert {"nur-aisyah-latuconsina", "ronald-tahapary"} <= set(visit["participant"])


def test_a_visit_arranged_by_a_government_office_is_organised_by_it(gazetteer):
    text = ("A delegation from Pacitan Regency visited Wuzhou on Tuesday. The visit was arranged by the Wuzhou "
            "Municipal Foreign Affairs Office.\n")
    visit, = facts(extract(text, "en", "2026-09-10", gazetteer), "DelegationVisit")
    office = next(e["id"] for e in extract(text, "en", "2026-09-10", gazetteer).proposed
                  if e["label"] == "Wuzhou Municipal Foreign Affairs Office")
    assert visit.get("organiser") == [office] and not visit.get("partner")


def test_a_room_is_named_with_the_building_it_is_in(gazetteer):
    text = ("Bupati Pacitan menerima kunjungan delegasi Kota Wuzhou di Ruang Rapat Bupati, Kantor Bupati Pacitan, "
            "Selasa (8/9).\n")
    visit, = facts(extract(text, "id", "2026-09-10", gazetteer), "DelegationVisit")
    assert visit["venue"] == "Ruang Rapat Bupati, Kantor Bupati Pacitan"


@pytest.mark.parametrize("text, town, province", [
    ("Quzhou, a city of about 2.3 million people in western Zhejiang province, signed the letter.\n", "quzhou",
     "zhejiang"),
    ("Growers from Pacitan regency, in Indonesia's East Java province, sold their coffee.\n", "kabupaten-pacitan",
     "jawa-timur"),
    ("PACITAN: Pacitan, the East Java regency known for its caves, has signed a letter of intent.\n",
     "kabupaten-pacitan", "jawa-timur")])
def test_where_an_english_apposition_says_a_town_lies(gazetteer, text, town, province):
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "en", "2026-09-10", gazetteer).facts
               if "locatedIn" in f}
    assert (town, province) in located


def test_a_chapter_known_by_a_short_name_and_its_region_before_its_heads_name(gazetteer):
    text = "Ketua Hipmi Kaltim, Rudy Hartono Saragih, berharap pertemuan ini berlanjut.\n"
    draft = extract(text, "id", "2026-09-10", gazetteer)
    label = {e["id"]: e["label"] for e in draft.proposed}
    assert {(label.get(h, h), r, label.get(b, b)) for h, r, b in posts(draft)} == {
        ("Rudy Hartono Saragih", "chair", "Hipmi Kaltim")}


def test_a_title_without_a_place_takes_the_place_of_the_delegation_its_holder_headed(gazetteer):
    text = ("Vice Mayor Tan Xiaoming, who headed Wuzhou's delegation, and Guilin Vice Mayor Li Hongmei signed the "
            "letters with Madiun Mayor Rudi Santoso Wibowo on Tuesday.\n")
    assert ("tan-xiaoming", "deputy-mayor", "wuzhou") in posts(extract(text, "en", "2026-09-10", gazetteer))


def test_who_was_elected_regent_of_a_regency_holds_that_post(gazetteer):
    text = "Indah Puspitasari, who was elected regent of Pacitan for the 2025-2030 term, received the delegation.\n"
    assert ("indah-puspitasari", "regent", "kabupaten-pacitan") in posts(extract(text, "en", "2026-09-10", gazetteer))


def test_also_in_the_group_are_lists_the_delegations_members(gazetteer):
    text = ("Twelve metalworking firms from Pacitan are showing their tools at the Wuzhou Hardware Fair, which opened "
            "on Tuesday.\n\n"
            "Also in the group are Head of the Pacitan Industry Office Sri Lestari Handayani and Chairman of the "
            "Pacitan Smiths Association Bambang Sutrisno Adi.\n")
    expo = next(f for f in facts(extract(text, "en", "2026-09-10", gazetteer)) if f.get("type") == "Expo")
    assert {"sri-lestari-handayani", "bambang-sutrisno-adi"} <= set(expo["participant"])


@pytest.mark.parametrize("language, text", [
    ("en", "Pacitan Regent Indah Puspitasari received Wuzhou Vice Mayor Tan Xiaoming, who is leading a delegation on "
           "a three-day working visit to the regency that began on Monday.\n"),
    ("id", "Bupati Pacitan menerima Wakil Wali Kota Wuzhou Tan Xiaoming yang memimpin delegasi dalam kunjungan kerja "
           "selama tiga hari sejak Senin (7/9).\n")])
def test_a_visit_of_some_days_from_a_day_ends_that_many_days_on(gazetteer, language, text):
    visit, = facts(extract(text, language, "2026-09-09", gazetteer), "DelegationVisit")
    assert (visit.get("startDate"), visit.get("endDate"), visit.get("date")) == ("2026-09-07", "2026-09-09", None)


def test_a_fair_is_held_in_the_town_named_after_its_building(gazetteer):
    text = ("Pameran Produk Unggulan Wuzhou 2026 resmi dibuka di Gedung Pameran Graha Wisata, Kabupaten Pacitan, "
            "Jumat (4/9/2026) malam, dan berlangsung hingga Minggu (13/9).\n")
    expo = next(f for f in facts(extract(text, "id", "2026-09-05", gazetteer)) if f.get("type") == "Expo")
    assert expo["location"] == "kabupaten-pacitan"

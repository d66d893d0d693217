"""The ninth round of readings: who attended a signing during a visit, sectors said of "the two cities" when
colleges signed too, "agreed to deepen exchanges in …". Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

import pytest

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_people as people, draft_posts as posts


def test_who_attended_a_signing_during_the_visit_was_at_the_visit(gazetteer):
    text = ("On July 2, the Huizhou Municipal People's Government and the Bitung City Government signed a letter of "
            "intent in Bitung. A 9-member Huizhou delegation visited Bitung from July 1 to 3.\n\n"
            "Tang Meiling, Director of the Huizhou Port Authority, and Yohanis Rarung, Speaker of Bitung City "
            "Council, attended the signing ceremony.\n")
    draft = extract(text, "en", "2026-07-05", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    named = people(draft)
    for name in ("Tang Meiling", "Yohanis Rarung"):
        assert named[name]["id"] in signing["participant"] and named[name]["id"] in visit["participant"]


def test_what_the_two_cities_will_cover_is_the_cities_agreement_not_the_colleges(gazetteer):
    text = ("Pemerintah Kota Bitung dan Pemerintah Kota Huizhou menandatangani Letter of Intent (LoI) di Bitung, "
            "Kamis (2/7).\n\n"
            "Di tempat yang sama, Politeknik Negeri Nusa Utara dan Huizhou Maritime College menandatangani nota "
            "kesepahaman (MoU).\n\n"
            "Wali kota mengatakan hubungan itu sudah lama terjalin.\n\n"
            "Menurut rencana, kerja sama kedua kota akan mencakup pariwisata dan perikanan.\n")
    draft = extract(text, "id", "2026-07-03", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert loi["sector"] == ["tourism", "fisheries"]
    assert not {"tourism", "fisheries"} & set(mou.get("sector", []))


def test_both_sides_agreed_to_deepen_exchanges_in_says_what_the_agreement_covers(gazetteer):
    text = ("Bitung and Huizhou signed a letter of intent on friendly city relations in Bitung on July 2.\n\n"
            "The mayor said the two ports had traded for decades.\n\n"
            "Both sides agreed to deepen exchanges in tourism, fisheries and trade.\n")
    loi, = facts(extract(text, "en", "2026-07-03", gazetteer), "LetterOfIntent")
    assert loi["sector"] == ["tourism", "fisheries", "trade"]


def test_a_given_name_that_is_also_a_county_stays_part_of_the_persons_name(gazetteer):
    # Lingling is a district of Yongzhou and Jiali a county in Tibet; here both are given names
    text = ("Dari pihak Yantai hadir Direktur Kantor Urusan Luar Negeri Kota Yantai Qu Lingling dan Ketua Kamar "
            "Dagang Kota Changde Wu Jiali.\n")
    draft = extract(text, "id", "2026-09-05", gazetteer)
    held = {(p["heldBy"], p["role"]): p["postIn"] for p in facts(draft, "Post")}
    assert held[("qu-lingling", "director")] == "kantor-urusan-luar-negeri-kota-yantai"
    assert held[("wu-jiali", "chair")] == "kamar-dagang-kota-changde"


def test_a_list_of_titles_with_no_commas_gives_each_name_its_own_post(gazetteer):
    text = ("Ikut dalam rombongan Wakil Ketua DPRD Kota Madiun Hj. Sri Wahyuni Lestari Anggota DPRD Kota Madiun "
            "Joko Prasetyo Utomo dan Sekretaris DPRD Kota Madiun Drs. Hadi Kuncoro.\n")
    draft = extract(text, "id", "2026-09-05", gazetteer)
    named = people(draft)
    assert {(named[n]["id"], r) for n, r in (("Sri Wahyuni Lestari", "vice-chair"), ("Joko Prasetyo Utomo", "member"))} \
        <= {(p["heldBy"], p["role"]) for p in facts(draft, "Post")}
    assert not [e for e in draft.proposed if "Sri" in e["label"] and e["type"] != "Person"]  # no DPRD "… Hj. Sri"


def test_an_english_list_of_offices_and_titles_with_no_commas(gazetteer):
    text = ("Also at the signing were Bitung City Council Chairman Yosef Hendrik Mandagi Bitung Tourism Office Head "
            "Wa Ode Sitti Aminah Bitung Fisheries Office Head La Ode Rahmat Jaya and Chairwoman of the Huizhou "
            "Yacht Club Association Fan Liqin.\n")
    draft = extract(text, "en", "2026-07-05", gazetteer)
    label = {e["id"]: e["label"] for e in draft.proposed}
    held = {(p["heldBy"], p["role"], label.get(p["postIn"], p["postIn"])) for p in facts(draft, "Post")}
    assert ("yosef-hendrik-mandagi", "chair", "Bitung City Council") in held
    assert ("wa-ode-sitti-aminah", "head", "Bitung Tourism Office") in held
    assert ("la-ode-rahmat-jaya", "head", "Bitung Fisheries Office") in held
    assert ("fan-liqin", "chair", "Huizhou Yacht Club Association") in held


def test_an_office_written_before_a_lower_case_title_and_balinese_names(gazetteer):
    text = ("The delegation included Tabanan Tourism Office head Ni Luh Made Sekar Arini and Tabanan Agriculture "
            "Office head I Nyoman Gede Suarjana.\n")
    draft = extract(text, "en", "2026-03-21", gazetteer)
    label = {e["id"]: e["label"] for e in draft.proposed}
    held = {(label[p["heldBy"]], p["role"], label[p["postIn"]]) for p in facts(draft, "Post")}
    assert held == {("Ni Luh Made Sekar Arini", "head", "Tabanan Tourism Office"),
                    ("I Nyoman Gede Suarjana", "head", "Tabanan Agriculture Office")}


def test_who_was_among_the_delegates_and_on_the_hosts_side_was_at_the_meeting(gazetteer):
    text = ("PADANG — A 12-member delegation from Ningbo held talks with the Padang city government on Wednesday "
            "(May 13).\n\n"
            "Among the Ningbo delegates were Xu Haoran, director of the Ningbo Municipal Bureau of Commerce, and Lou "
            "Jiayi, president of Ningbo Harbour Textile Group. On the Padang side were Head of the Padang Trade Office "
            "Rina Septiani Putri and Nofri Yandi, chairman of the Padang Traders Association.\n")
    draft = extract(text, "en", "2026-05-18", gazetteer)
    event, = [f for f in facts(draft) if f.get("type") in ("Meeting", "DelegationVisit")]
    named = people(draft)
    assert {named[n]["id"] for n in ("Xu Haoran", "Lou Jiayi", "Rina Septiani Putri", "Nofri Yandi")} \
        <= set(event["participant"])


def test_the_day_a_statement_came_dates_nothing(gazetteer):
    text = ("JAKARTA (Wire) -- Bitung signed a memorandum of understanding with Huizhou in Huizhou last week, the "
            "Bitung city government said in a statement received here on Monday.\n")
    draft = extract(text, "en", "2026-11-23", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert "signedOn" not in mou
    assert not [f for f in facts(draft) if f.get("date") or f.get("startDate")]


def test_a_butonese_name_opened_by_la_ode_keeps_all_five_words(gazetteer):
    text = "The MoU was signed by Kendari Mayor La Ode Muhammad Rizal Hidayat and Huizhou Vice Mayor Tang Wei.\n"
    draft = extract(text, "en", "2026-11-23", gazetteer)
    assert "La Ode Muhammad Rizal Hidayat" in people(draft)


def test_a_college_named_after_a_regency_and_named_again_without_its_town_is_one_college(gazetteer):
    # Kapuas is a regency of Central Kalimantan; here it is part of a college's name
    text = ("Di tempat yang sama, Politeknik Kapuas Jaya Singkawang dan Huizhou Maritime College menandatangani nota "
            "kesepahaman (MoU). MoU diteken Direktur Politeknik Kapuas Jaya, Dr. Yohanes Bong Kiat, dan Presiden "
            "Huizhou Maritime College, Prof. Tang Wei.\n")
    draft = extract(text, "id", "2026-06-09", gazetteer)
    colleges = [e for e in draft.proposed if "Kapuas" in e["label"]]
    assert len(colleges) == 1 and not [e for e in draft.proposed if e["label"] == "Jaya"]
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert sorted(mou["party"]) == sorted([colleges[0]["id"], "huizhou-maritime-college"])
    assert "kabupaten-kapuas" not in mou["party"]
    director = people(draft)["Yohanes Bong Kiat"]["id"]
    assert (director, "director", colleges[0]["id"]) in posts(draft)


def test_also_at_the_signing_were(gazetteer):
    text = ("Bitung and Huizhou signed a memorandum of understanding in Huizhou on Tuesday (Nov 17). Also at the "
            "signing, according to the statement, was Bitung City Council Chairman Yosef Hendrik Mandagi.\n")
    signing, = facts(extract(text, "en", "2026-11-23", gazetteer), "Signing")
    assert "yosef-hendrik-mandagi" in signing["participant"]


def test_a_visit_facilitated_by_a_forum_led_by_the_mayor(gazetteer):
    text = ("The MoU was signed by Bitung Mayor Maurits Lumempouw and Huizhou Vice Mayor Tang Wei in Huizhou, during "
            "a visit to Huizhou by a 9-member Bitung delegation led by the mayor.\n\n"
            "The visit was facilitated by the Sulawesi Coastal Cities Forum (SCCF), a business network.\n")
    draft = extract(text, "en", "2026-11-23", gazetteer)
    assert not facts(draft, "Meeting")  # the forum is who facilitated it, not an event held
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("huizhou", "kota-bitung")
    assert visit["ledBy"] == "maurits-lumempouw"


def test_people_named_after_titles_the_ontology_has_no_role_for(gazetteer):
    text = ("Konsul Jenderal Tiongkok di Makassar, Lin Feng, berkunjung ke Kota Bitung, Senin (5/10). Dalam kunjungan "
            "tersebut, Lin didampingi Konsul Bidang Kebudayaan, Gao Shuyan, serta Atase Pendidikan, Qian Mo Lin.\n\n"
            "Turut mendampingi wali kota, Asisten Pemerintahan Setda Kota Bitung, Hendra Lumowa.\n")
    draft = extract(text, "id", "2026-10-06", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    named = people(draft)
    assert {named[n]["id"] for n in ("Gao Shuyan", "Qian Mo Lin", "Hendra Lumowa")} <= set(visit["participant"])
    assert not [p for p in draft.proposed if str(p["label"]).startswith(("Asisten", "Atase"))]


def test_a_delegation_written_province_first_is_the_citys(gazetteer):
    text = ("Bupati Lombok Timur menerima kunjungan delegasi Pemerintah Provinsi Hunan, Kota Changde, Republik Rakyat "
            "Tiongkok, di Pendopo Bupati Lombok Timur, Selasa (13/10).\n")
    draft = extract(text, "id", "2026-10-13", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("kabupaten-lombok-timur", "changde")
    assert ("changde", "hunan") in {(f["about"], f["locatedIn"]) for f in facts(draft) if "locatedIn" in f}


def test_a_company_a_caption_names_first_keeps_its_legal_form_in_the_body(gazetteer):
    text = ("PANEN PERDANA: Bupati Banyuasin bersama Direktur Utama Jiujiang Hengfeng Seed Co., Ltd. Xu Liang di sawah. "
            "(Foto: Humas)\n\n"
            "BANYUASIN - Jiujiang Hengfeng Seed Co., Ltd. memanen padi hibrida di Banyuasin, Kamis (9/4).\n\n"
            "Rombongan perusahaan dipimpin Direktur Utama Jiujiang Hengfeng Seed Co., Ltd., Xu Liang.\n\n"
            "Hadir antara lain Ketua Kelompok Tani Sumber Jaya, Suparno.\n")
    draft = extract(text, "id", "2026-04-10", gazetteer)
    named = people(draft)
    posts_held = {(p["heldBy"], p["role"]) for p in facts(draft, "Post")}
    assert (named["Xu Liang"]["id"], "director") in posts_held
    assert (named["Suparno"]["id"], "chair") in posts_held  # a farmers' group's chair, named by one word


def test_two_provinces_sign_and_a_municipality_has_a_vice_mayor(gazetteer):
    text = ("Pemerintah Provinsi Jambi dan Pemerintah Kota Tianjin, Republik Rakyat Tiongkok, menandatangani nota "
            "kesepahaman (MoU) kerja sama provinsi bersahabat di Rumah Dinas Gubernur, Senin (15/6).\n\n"
            "MoU diteken Gubernur Jambi, Hendra Wijaya, dan Wakil Wali Kota Tianjin, Ma Jianhua.\n\n"
            "Rombongan Tianjin dipimpin Ma Jianhua. Delegasi berada di Jambi sejak Minggu (14/6).\n")
    draft = extract(text, "id", "2026-06-16", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert sorted(mou["party"]) == ["jambi", "tianjin"]
    assert ("ma-jianhua", "deputy-mayor", "tianjin") in posts(draft)
    visit, = facts(draft, "DelegationVisit")  # signed at a building alone: with the side the delegation came to
    assert (visit["host"], visit["guest"]) == ("jambi", "tianjin")


def test_a_municipal_delegation_is_its_municipalitys(gazetteer):
    text = ("Vice Mayor Ma Jianhua led an 11-member Tianjin municipal delegation to Jambi province, Indonesia, from "
            "June 14 to 17. On June 16, Ma and Hendra Wijaya, governor of Jambi, signed a memorandum of understanding "
            "between the Tianjin Municipal People's Government and the Jambi Provincial Government.\n")
    draft = extract(text, "en", "2026-06-18", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("jambi", "tianjin", "ma-jianhua")
    assert ("ma-jianhua", "deputy-mayor", "tianjin") in posts(draft)


def test_a_line_that_dates_the_page_dates_no_event(gazetteer):
    text = ("Friday, 14 Aug 2026 16:40 WITA\n\n"
            "ENDE - A 14-member medical team from Xuzhou visited Ende this week.\n")
    draft = extract(text, "en", "2026-08-14", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert "date" not in visit


def test_a_hospitals_short_name_with_its_town_and_its_director(gazetteer):
    text = ("The team operated at Ende Regional General Hospital (RSUD Ende) all week.\n\n"
            "On Thursday, Xuzhou Guanghui Eye Hospital and RSUD Ende signed a memorandum of understanding on training. "
            "The memorandum was signed by RSUD Ende director dr. Maria Goreti Wea.\n")
    draft = extract(text, "en", "2026-08-14", gazetteer)
    hospital, = [e for e in draft.proposed if "RSUD Ende" in e["alias"]]
    assert "Ende Regional General Hospital" in [hospital["label"], *hospital["alias"]]
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert sorted(mou["party"]) == sorted([hospital["id"], "xuzhou-guanghui-eye-hospital"])
    assert (people(draft)["Maria Goreti Wea"]["id"], "director", hospital["id"]) in posts(draft)


def test_led_by_the_hospitals_president_and_signed_by_his_surname(gazetteer):
    text = ("ENDE - A 14-member medical team from Xuzhou Guanghui Eye Hospital operated on 212 patients in Ende this "
            "week. The team, led by the hospital's president, Dr. Kong Dezhi, was welcomed by Ende Regent Marselinus "
            "Ndori Bata.\n\n"
            "On Thursday, Xuzhou Guanghui Eye Hospital and Ende Regional General Hospital (RSUD Ende) signed a "
            "memorandum of understanding. The memorandum was signed by Kong and RSUD Ende director dr. Maria Goreti "
            "Wea.\n")
    draft = extract(text, "en", "2026-08-14", gazetteer)
    kong = people(draft)["Kong Dezhi"]["id"]
    visit, = facts(draft, "DelegationVisit")
    assert visit["ledBy"] == kong
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert kong in mou["signatory"]


def test_an_office_signs_with_a_college_whose_delegation_came_to_sign(gazetteer):
    text = ("Dinas Pendidikan dan Kebudayaan (Disdikbud) Kota Bitung menandatangani nota kesepahaman (MoU) pertukaran "
            "guru dengan Huizhou Maritime Vocational and Technical College dari Huizhou, Tiongkok, pada hari Selasa "
            "(08/09/2026).\n\n"
            "Penandatanganan berlangsung di Kantor Wali Kota Bitung. MoU diteken Kepala Disdikbud Kota Bitung, Dra. "
            "Yuliana Rondonuwu, dan Presiden Huizhou Maritime Vocational and Technical College, Prof. Tang Wei.\n\n"
            "Delegasi Huizhou berjumlah lima orang.\n")
    draft = extract(text, "id", "2026-09-09", gazetteer)
    college, = [e for e in draft.proposed if e["label"] == "Huizhou Maritime Vocational and Technical College"]
    office, = [e for e in draft.proposed if "Disdikbud" in " ".join([str(e["label"]), *e["alias"]])]
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert mou["party"] == [office["id"], college["id"]]
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("kota-bitung", college["id"])


def test_a_trade_mission_from_a_city_and_a_cv_companys_managing_director(gazetteer):
    text = ("A 15-member trade mission from Bitung city, North Sulawesi, visited buyers in Huizhou last Thursday.\n\n"
            "The mission included Hendro Susanto Liem, managing director of CV Tenun Ikat Bandar, a weaving "
            "workshop.\n")
    draft = extract(text, "en", "2026-12-02", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["guest"] == "kota-bitung"
    company, = [e for e in draft.proposed if e["type"] == "Company"]
    assert company["label"] == "CV Tenun Ikat Bandar"
    assert (people(draft)["Hendro Susanto Liem"]["id"], "director", company["id"]) in posts(draft)


def test_a_group_at_a_fair_named_for_its_town_that_will_visit_a_factory_later(gazetteer):
    text = ("Eleven sago businesses from Bitung are showing their products at the Huizhou International Food Fair, "
            "which opened on Wednesday (Oct. 28) at the Huizhou Expo Centre and runs until Saturday.\n\n"
            "The Bitung group is led by Vice Mayor Hengky Honandar and includes Head of the Bitung Trade Office "
            "Syafrizal Hamid.\n\n"
            "Syafrizal said the group would visit a noodle factory in Shenzhen after the fair closes.\n")
    draft = extract(text, "en", "2026-10-30", gazetteer)
    assert not facts(draft, "DelegationVisit")  # at the fair alone, and a visit still to come
    expo, = facts(draft, "Expo")
    assert expo["location"] == "huizhou"
    named = people(draft)
    assert expo["ledBy"] == named["Hengky Honandar"]["id"]
    assert named["Syafrizal Hamid"]["id"] in expo["participant"]


@pytest.mark.parametrize("text, language, published, expected", [
    # there since a day: the visit's first day
    ("Delegasi Huizhou dipimpin Tang Wei berada di Kota Bitung sejak Minggu (14/6).", "id", "2026-06-16",
     {"startDate": "2026-06-14"}),
    # a range in brackets after the weekdays
    ("A 14-member medical team from Huizhou operated in Bitung from Monday to Thursday (Aug 10-13).", "en",
     "2026-08-14", {"startDate": "2026-08-10", "endDate": "2026-08-13"}),
])
def test_a_visits_days(gazetteer, text, language, published, expected):
    visit, = facts(extract(text + "\n", language, published, gazetteer), "DelegationVisit")
    assert {k: visit.get(k) for k in expected} == expected and "date" not in visit


def test_on_a_weekday_at_a_sentences_start_and_until_a_weekday(gazetteer):
    signed = "On Thursday, Bitung and Huizhou signed a memorandum of understanding in Bitung.\n"
    mou, = facts(extract(signed, "en", "2026-10-30", gazetteer), "MemorandumOfUnderstanding")
    assert mou["signedOn"] == "2026-10-29"
    fair = ("Bitung firms are at the Huizhou Food Fair, which opened on Wednesday (Oct. 28) at the Huizhou Expo "
            "Centre and runs until Saturday.\n")
    expo, = facts(extract(fair, "en", "2026-10-30", gazetteer), "Expo")
    assert (expo["startDate"], expo["endDate"]) == ("2026-10-28", "2026-10-31")


def test_signed_at_a_building_named_alone_is_signed_where_the_delegation_was_received(gazetteer):
    text = ("Pemerintah Provinsi Jambi dan Pemerintah Kota Tianjin menandatangani nota kesepahaman (MoU) di Griya "
            "Agung, Senin (15/6). MoU diteken Gubernur Jambi, Hendra Wijaya, dan Wakil Wali Kota Tianjin, Ma "
            "Jianhua.\n\n"
            "Rombongan Tianjin dipimpin Ma Jianhua. Delegasi berada di Jambi sejak Minggu (14/6).\n")
    draft = extract(text, "id", "2026-06-16", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    signing, = facts(draft, "Signing")
    assert (mou["signedAt"], signing["location"], signing["venue"]) == ("jambi", "jambi", "Griya Agung")

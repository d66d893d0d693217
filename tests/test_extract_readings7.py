"""The sixth round of readings: bodies that are not governments (schools, colleges, companies, chambers) as parties,
guests and hosts, business meetings, signings at a distance, and the people a line places at an event. Test texts
of our own, in both languages where news writes the reading in both."""
from __future__ import annotations

import pytest

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def labels(draft):
    return {p["id"]: p["label"] for p in draft.proposed}


def test_an_office_named_with_its_short_name_takes_no_word_before_it(gazetteer):
    text = ("Hadir pula Ketua DPRD Kabupaten Sragen, Hj. Wulan Anggraeni, dan Kepala Dinas Koperasi dan Usaha Mikro "
            "(Diskopum) Sragen, Ir. Bayu Prasetyo.\n")
    draft = extract(text, "id", "2026-03-01", gazetteer)
    office, = [o for o, role, _ in [(p, r, h) for h, r, p in posts(draft)] if role == "head"]
    assert labels(draft)[office] == "Dinas Koperasi dan Usaha Mikro Sragen"


def test_an_office_whose_name_lists_its_fields_with_commas(gazetteer):
    # (an Indonesian reading: the short name is made of the Indonesian name's syllables)
    text = "Kegiatan itu didukung Dinas Kebudayaan, Pariwisata dan Olahraga (Disbudparpora) Kabupaten Sragen.\n"
    draft = extract(text, "id", "2026-03-01", gazetteer)
    assert "Dinas Kebudayaan, Pariwisata dan Olahraga Kabupaten Sragen" in labels(draft).values()


@pytest.mark.parametrize("text, language", [
    ("Sragen and Zibo signed a memorandum of understanding on trade on Monday (March 2) by video link: Sragen Regent "
     "Hendra Wibisono signed at his office in Sragen while Zibo Vice Mayor Kong Ruiqi signed in Zibo.", "en"),
    ("Kabupaten Sragen dan Kota Zibo menandatangani nota kesepahaman perdagangan secara daring, Senin (2/3). Bupati "
     "Sragen Hendra Wibisono meneken di kantornya di Sragen, sedangkan Wakil Wali Kota Zibo Kong Ruiqi di Zibo.", "id"),
])
def test_an_agreement_signed_at_a_distance_has_no_place_of_signing(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert mou["signedOn"] == "2026-03-02" and "signedAt" not in mou
    assert all("location" not in s for s in facts(draft, "Signing"))


def test_an_organiser_named_before_which_organized_and_its_director_said_again(gazetteer):
    text = ("Zibo and Sragen signed a letter of intent on Monday (March 2). The letter was signed by Zibo Vice Mayor "
            "Kong Ruiqi and Sragen Regent Hendra Wibisono in a meeting room of the Zibo Municipal Foreign Affairs "
            "Office, which organized the ceremony. Watching were Dian Lestari, head of the Sragen trade office, and "
            "Ratih Kusuma, rector of a Sragen college. Tian Meng, director of the foreign affairs office, presided.\n")
    draft = extract(text, "en", "2026-03-03", gazetteer)
    signing, = facts(draft, "Signing")
    office = labels(draft)
    assert [office[o] for o in signing["organiser"]] == ["Zibo Municipal Foreign Affairs Office"]
    assert {"dian-lestari", "ratih-kusuma", "tian-meng"} <= set(signing["participant"])
    assert ("tian-meng", "director", signing["organiser"][0]) in posts(draft)


@pytest.mark.parametrize("text, language", [
    ("Sragen signed a letter of intent with Linqu County, part of Weifang in China's Shandong province, on Tuesday.",
     "en"),
    ("Kabupaten Sragen meneken surat pernyataan minat dengan Linqu, bagian dari Kota Weifang, pada Selasa (3/3).",
     "id"),
])
def test_a_town_said_to_be_part_of_another_is_not_a_party(gazetteer, text, language):
    loi, = facts(extract(text + "\n", language, "2026-03-05", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["kabupaten-sragen", "linqu"]


def test_the_deputy_head_of_a_county_is_its_vice_regent_and_an_office_head_is_not(gazetteer):
    text = ("Regent Hendra Wibisono met Gao Lan, deputy head of Linqu County, and Sun Yue, head of Linqu County. "
            "Also there was Dian Sari, head of the Sragen Investment Office.\n")
    assert posts(extract(text, "en", "2026-03-05", gazetteer)) >= {
        ("gao-lan", "vice-regent", "linqu"), ("sun-yue", "regent", "linqu")}
    assert not any(role == "regent" and holder == "dian-sari"
                   for holder, role, _ in posts(extract(text, "en", "2026-03-05", gazetteer)))


def test_a_delegation_from_a_town_described_by_its_province_came_from_the_town(gazetteer):
    text = ("Mayor of Sawahlunto Rudi Hartono, who is leading a nine-member delegation from the West Sumatra city, "
            "arrived in Zibo on Monday.\n")
    visit, = facts(extract(text, "en", "2026-03-05", gazetteer), "DelegationVisit")
    assert visit["guest"] == "kota-sawahlunto" and visit["host"] == "zibo"


@pytest.mark.parametrize("text, language", [
    ("The Sragen delegation, which arrived in Zibo on Monday (March 2), toured two ceramics plants before flying "
     "home on Thursday (March 5).", "en"),
    ("Rombongan Kabupaten Sragen yang tiba di Kota Zibo pada Senin (2/3) meninjau dua pabrik keramik sebelum pulang ke "
     "tanah air pada Kamis (5/3).", "id"),
])
def test_a_trip_from_arrival_to_the_flight_home(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2026-03-06", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2026-03-02", "2026-03-05")


@pytest.mark.parametrize("text, language, key", [
    ("Rombongan Kota Zibo berkunjung ke Kabupaten Sragen, Senin (2/3). Kegiatan itu difasilitasi Dinas Perdagangan "
     "Kabupaten Sragen.", "id", "organiser"),
    ("A delegation from Zibo visited Sragen on Monday (March 2). The visit was facilitated by the Sragen Trade "
     "Office.", "en", "organiser"),
    ("Rombongan Kota Zibo berkunjung ke Kabupaten Sragen, Senin (2/3). Kunjungan itu difasilitasi Perkumpulan "
     "Pengusaha Sragen–Tiongkok.", "id", "partner"),
])
def test_a_government_office_that_facilitates_organises(gazetteer, text, language, key):
    visit, = facts(extract(text + "\n", language, "2026-03-03", gazetteer), "DelegationVisit")
    assert key in visit and ({"partner", "organiser"} - {key}).isdisjoint(visit)


def test_a_facilitator_with_a_partner_of_its_own_organises(gazetteer):
    text = ("Rombongan Kota Zibo berkunjung ke Kabupaten Sragen, Senin (2/3). Program itu difasilitasi Perkumpulan "
            "Persahabatan Sragen–Zibo bekerja sama dengan Dinas Pendidikan Kabupaten Sragen.\n")
    visit, = facts(extract(text, "id", "2026-03-03", gazetteer), "DelegationVisit")
    names = labels(extract(text, "id", "2026-03-03", gazetteer))
    assert [names[o] for o in visit["organiser"]] == ["Perkumpulan Persahabatan Sragen–Zibo"]
    assert [names[p] for p in visit["partner"]] == ["Dinas Pendidikan Kabupaten Sragen"]


def test_a_region_inside_a_persons_name_is_not_where_their_post_is(gazetteer):
    text = "Rombongan disambut Wakil Bupati Sragen, H. Muhammad Ali Santoso, S.Ag., Senin (2/3).\n"
    assert ("muhammad-ali-santoso", "vice-regent", "kabupaten-sragen") in posts(
        extract(text, "id", "2026-03-03", gazetteer))


@pytest.mark.parametrize("text, language", [
    ("Sebanyak 25 pelajar dari Kota Zibo, Provinsi Shandong, tiba di Kabupaten Sragen untuk program pertukaran "
     "pelajar, Senin (2/3).", "id"),
    ("Twenty-five students from Zibo arrived in Sragen on Monday (March 2) for a student exchange.", "en"),
])
def test_students_arriving_are_a_visit(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2026-03-03", gazetteer), "DelegationVisit")
    assert (visit["guest"], visit["host"]) == ("zibo", "kabupaten-sragen")


def test_an_office_said_again_by_its_short_name_and_region_is_one_office(gazetteer):
    text = ("Program itu bekerja sama dengan Dinas Pendidikan, Kepemudaan dan Olahraga (Disdikpora) Kabupaten Sragen. "
            "Kepala Disdikpora Sragen, Drs. Yudi Hartanto, menyambut rombongan.\n")
    draft = extract(text, "id", "2026-03-03", gazetteer)
    offices = [p for p in draft.proposed if p["type"] not in ("Person",)]
    assert len(offices) == 1 and ("yudi-hartanto", "head", offices[0]["id"]) in posts(draft)


@pytest.mark.parametrize("text, language", [
    ("Perusahaan keramik asal Kota Zibo, Zibo Huaguang Ceramics Co., Ltd., meninjau lahan di Kabupaten Sragen, "
     "Senin (2/3). Rombongan lima orang dipimpin Wakil Presiden Direktur Zibo Huaguang Ceramics, Wu Jiahao. "
     "Rombongan diterima Bupati Sragen, Hendra Wibisono.", "id"),
    ("A five-member delegation led by Wu Jiahao, vice president of Zibo Huaguang Ceramics Co., Ltd., was received by "
     "Sragen Regent Hendra Wibisono on Monday (March 2).", "en"),
])
def test_a_companys_delegation_has_the_company_as_its_guest(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert labels(draft)[visit["guest"]] == "Zibo Huaguang Ceramics Co., Ltd."
    assert visit["host"] == "kabupaten-sragen" and visit["ledBy"] == "wu-jiahao"
    assert "visited" not in visit and not any(p[0] == "wu-jiahao" for p in posts(draft))  # a deputy: no post


@pytest.mark.parametrize("text, language, held_by", [
    ("Sebanyak 12 pengusaha dari Kota Zibo mengikuti temu bisnis dengan pelaku usaha Sragen di Hotel Sukowati Raya, "
     "Senin (2/3). Temu bisnis itu digelar Kamar Dagang dan Industri (Kadin) Kabupaten Sragen. Rombongan dipimpin "
     "Wakil Ketua Kamar Dagang Kota Zibo, Zhao Peng.", "id", "Kamar Dagang dan Industri (Kadin) Kabupaten Sragen"),
    ("Dinas Perdagangan Kabupaten Sragen menggelar temu bisnis dengan rombongan pengusaha asal Kota Zibo, Senin "
     "(2/3), di Hotel Sukowati Raya. Rombongan yang dipimpin Zhao Peng, Wakil Ketua Kamar Dagang Kota Zibo, "
     "diterima Bupati Sragen, Hendra Wibisono.", "id", "Dinas Perdagangan Kabupaten Sragen"),
    ("Twelve businesspeople from Zibo met Sragen traders at a business meeting on Monday (March 2). The meeting was "
     "hosted by the Sragen Chamber of Commerce. The Zibo group was led by Zhao Peng, vice chairman of the Zibo "
     "Chamber of Commerce.", "en", "Sragen Chamber of Commerce"),
])
def test_a_business_meeting_is_between_the_chamber_that_came_and_the_body_that_held_it(gazetteer, text, language,
                                                                                        held_by):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    meeting, = facts(draft, "Meeting")
    names = labels(draft)
    assert names[meeting["host"]] == held_by and meeting["organiser"] == [meeting["host"]]
    assert names[meeting["guest"]] in ("Kamar Dagang Kota Zibo", "Zibo Chamber of Commerce")
    assert meeting["location"] == "kabupaten-sragen" and meeting["date"] == "2026-03-02"


@pytest.mark.parametrize("text, language", [
    ("A vocational school in Sragen and a ceramics college from Zibo signed a memorandum of understanding on Monday "
     "(March 2). The MoU between SMK Keramik Sukowati and the Zibo College of Ceramic Arts was signed at the "
     "school's hall in Sragen by its principal, Eko Susanto, and the college's president, Hu Xiaodong.", "en"),
    ("Sebuah sekolah kejuruan di Sragen dan sebuah kolese dari Zibo menandatangani nota kesepahaman, Senin (2/3). "
     "MoU antara SMK Keramik Sukowati dan Zibo College of Ceramic Arts itu ditandatangani di Kabupaten Sragen oleh "
     "Kepala SMK Keramik Sukowati, Eko Susanto, dan Presiden Zibo College of Ceramic Arts, Hu Xiaodong.", "id"),
])
def test_a_school_and_a_college_sign_with_their_heads(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    names = labels(draft)
    assert sorted(names[p] for p in mou["party"]) == ["SMK Keramik Sukowati", "Zibo College of Ceramic Arts"]
    assert sorted(mou["signatory"]) == ["eko-susanto", "hu-xiaodong"]
    assert mou["signedOn"] == "2026-03-02" and mou["signedAt"] == "kabupaten-sragen"
    assert {(holder, role) for holder, role, _ in posts(draft)} == {("eko-susanto", "head"), ("hu-xiaodong", "head")}


def test_the_institute_whose_head_signed_is_the_party_not_its_town(gazetteer):
    text = ("Sragen will send ten students a year to Zibo under a memorandum of understanding signed on Monday. "
            "Regent Hendra Wibisono signed the MoU with Hu Xiaodong, president of the Zibo Institute of Ceramic "
            "Technology, in the institute's main hall.\n")
    draft = extract(text, "en", "2026-03-03", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert sorted(labels(draft).get(p, p) for p in mou["party"]) == ["Zibo Institute of Ceramic Technology",
                                                                       "kabupaten-sragen"]
    assert mou["signedAt"] == "zibo"


@pytest.mark.parametrize("text, language, venue", [
    ("Sragen Regent Hendra Wibisono signed a letter of intent with Zibo Vice Mayor Kong Ruiqi on Monday at the Zibo "
     "Ceramics Industry Park.", "en", "Zibo Ceramics Industry Park"),
    ("Rombongan Kota Zibo berkunjung ke Kabupaten Sragen dan meninjau lahan di Kawasan Industri Sragen Raya, "
     "Senin (2/3).", "id", "Kawasan Industri Sragen Raya"),
])
def test_parks_and_estates_are_venues(gazetteer, text, language, venue):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    assert venue in {f.get("venue") for f in facts(draft)}


@pytest.mark.parametrize("name, kind, town", [
    ("Kamar Dagang dan Industri (Kadin) Kabupaten Sragen", "BusinessAssociation", "kabupaten-sragen"),
    ("Kadin Sragen", "BusinessAssociation", "kabupaten-sragen"),
    ("Zibo Chamber of Commerce", "BusinessAssociation", "zibo"),
    ("the Sragen Trade Office", "GovernmentAgency", "kabupaten-sragen"),
    ("Zibo College of Ceramic Arts", "Organisation", None),  # a college's agreements are not its town's
    ("Kamar Dagang Indonesia", "BusinessAssociation", None),
])
def test_the_town_a_chamber_or_office_serves(gazetteer, name, kind, town):
    from graph.extract.names import Names
    assert Names(gazetteer).body_town(name, kind) == town


def test_one_business_meeting_told_by_two_outlets_naming_different_hosts_is_one_meeting():
    from graph.match import find_match, known_facts
    declared = {"facts": [{"id": "meeting-zibo-chamber-kadin-sragen-2026-03", "type": "Meeting",
                           "host": "kadin-sragen", "guest": "zibo-chamber", "location": "kabupaten-sragen",
                           "date": "2026-03-02"}]}
    drafted = {"id": "meeting-x", "type": "Meeting", "host": "disdag-sragen", "guest": "zibo-chamber",
               "location": "kabupaten-sragen", "date": "2026-03-02"}
    towns = {"kadin-sragen": "kabupaten-sragen", "disdag-sragen": "kabupaten-sragen", "zibo-chamber": "zibo"}
    known = known_facts([("001", declared)])
    assert find_match(drafted, known, seats=towns).id == "meeting-zibo-chamber-kadin-sragen-2026-03"
    assert find_match(drafted, known) is None  # without the towns: one side in common of two


def test_a_draft_says_which_town_each_chamber_it_proposes_serves(gazetteer):
    text = "Rombongan dipimpin Wakil Ketua Kamar Dagang Kota Zibo, Zhao Peng.\n"
    draft = extract(text, "id", "2026-03-03", gazetteer)
    chamber, = [p["id"] for p in draft.proposed if p["type"] == "BusinessAssociation"]
    assert draft.towns[chamber] == "zibo"


def test_the_signing_of_an_agreement_that_matched_is_the_declared_ceremony():
    from graph.match import settle
    declared = ("005_a", {"source": {"published": "2026-03-03"}, "facts": [
        {"id": "loi-kabupaten-sragen-zibo-2026", "type": "LetterOfIntent", "party": ["kabupaten-sragen", "zibo"],
         "signedOn": "2026-03-02"},
        {"id": "signing-kabupaten-sragen-2026-03", "type": "Signing", "location": "kabupaten-sragen",
         "date": "2026-03-02", "participant": ["hendra-wibisono", "kong-ruiqi"]}]})
    # the other outlet dates it a day later and names only one of the signatories, and no place
    drafted = [{"id": "loi-zibo-sragen-2026", "type": "LetterOfIntent", "party": ["zibo", "kabupaten-sragen"],
                "signedOn": "2026-03-03"},
               {"id": "signing-loi-zibo-sragen-2026", "type": "Signing", "date": "2026-03-03",
                "participant": ["hendra-wibisono"]}]
    facts, _ = settle(drafted, [], [declared], published="2026-03-04")
    assert [f["id"] for f in facts] == ["loi-kabupaten-sragen-zibo-2026", "signing-kabupaten-sragen-2026-03"]
    assert "the signing of loi-kabupaten-sragen-zibo-2026" in facts[1]["match"]


def test_a_known_name_that_goes_on_past_a_short_name_is_read_whole(gazetteer):
    # the gazetteer writes the council "Indonesia–China Business Council (ICBC) Jakarta": its town is no person
    text = "Turut hadir Ketua Indonesia–China Business Council (ICBC) Jakarta, Budi Wiryawan, pada Senin (2/3).\n"
    assert posts(extract(text, "id", "2026-03-03", gazetteer)) == {("budi-wiryawan", "chair", "icbc")}


@pytest.mark.parametrize("text, language", [
    ("Sebanyak 25 pelajar dari Kota Zibo tiba di Kabupaten Sragen untuk program pertukaran pelajar selama sepekan. "
     "Rombongan disambut Bupati Sragen, Hendra Wibisono, Senin (2/3).", "id"),
    ("Twenty-five students from Zibo arrived in Sragen for a week-long exchange. The delegation was welcomed by "
     "Sragen Regent Hendra Wibisono on Monday (March 2).", "en"),
])
def test_a_stay_of_some_days_dated_once_starts_that_day(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2026-03-03", gazetteer), "DelegationVisit")
    assert visit["startDate"] == "2026-03-02" and "date" not in visit


@pytest.mark.parametrize("text, language", [
    ("Rombongan Kota Zibo yang dipimpin Zhao Peng, Wakil Ketua Kamar Dagang Kota Zibo, diterima Bupati Sragen, "
     "Hendra Wibisono, Senin (2/3). Ikut mendampingi Zhao, Sekretaris Jenderal Kamar Dagang Kota Zibo, Qin Yue.",
     "id"),
    ("The Zibo delegation, led by Zhao Peng, vice chairman of the Zibo Chamber of Commerce, was received by Sragen "
     "Regent Hendra Wibisono on Monday (March 2). Accompanying Zhao was Qin Yue, secretary general of the Zibo "
     "Chamber of Commerce.",
     "en"),
])
def test_a_secretary_general_gets_no_post_but_is_there(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-03-03", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert "qin-yue" in visit["participant"] and not any(p[0] == "qin-yue" for p in posts(draft))
    assert ("zhao-peng", "vice-chair") in {(h, r) for h, r, _ in posts(draft)}


@pytest.mark.parametrize("text, language", [
    ("The Zibo delegation was led by Vice Mayor Kong Ruiqi and included Shandong provincial commerce department "
     "official Mei Lan and Zibo ceramics bureau adviser Guo Tao. They were received by Sragen Regent Hendra "
     "Wibisono on Monday (March 2).", "en"),
    ("Rombongan Kota Zibo dipimpin Wakil Wali Kota Zibo, Kong Ruiqi, dan beranggotakan pejabat dinas perdagangan "
     "Mei Lan serta penasihat biro keramik Guo Tao. Rombongan diterima Bupati Sragen, Hendra Wibisono, Senin (2/3).",
     "id"),
])
def test_members_listed_after_what_they_do_were_on_the_visit(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2026-03-03", gazetteer), "DelegationVisit")
    assert {"mei-lan", "guo-tao"} <= set(visit["participant"])


def test_a_delegations_members_were_on_the_visit_not_said_to_be_at_its_signing(gazetteer):
    text = ("The Sragen delegation, led by Regent Hendra Wibisono, arrived in Zibo on Monday (March 2) and included "
            "trade office head Dian Lestari and ceramics cooperative chairman Joko Pramono. On Tuesday (March 3) "
            "Sragen Regent Hendra Wibisono and Zibo Vice Mayor Kong Ruiqi signed a letter of intent in Zibo.\n")
    draft = extract(text, "en", "2026-03-04", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert {"dian-lestari", "joko-pramono"} <= set(visit["participant"])
    assert not {"dian-lestari", "joko-pramono"} & set(signing["participant"])


def test_an_office_of_a_towns_government_is_named_to_the_end(gazetteer):
    text = ("Sragen Regent Hendra Wibisono and Zibo Vice Mayor Kong Ruiqi signed the letter of intent at a ceremony "
            "organized by the Foreign Affairs Office of the Zibo Municipal People's Government.\n")
    draft = extract(text, "en", "2026-03-03", gazetteer)
    signing, = facts(draft, "Signing")
    assert [labels(draft)[o] for o in signing["organiser"]] == [
        "Foreign Affairs Office of the Zibo Municipal People's Government"]


def test_a_mission_named_by_its_countrys_people_and_its_head_said_through_whose(gazetteer):
    text = ("A delegation from Sragen met Zibo officials on Monday (March 2). The meeting was arranged by the "
            "Indonesian Consulate General in Shanghai, whose consul general, Rudi Santosa, accompanied the mission.\n")
    draft = extract(text, "en", "2026-03-03", gazetteer)
    event, = [f for f in facts(draft) if f["type"] in ("DelegationVisit", "Meeting")]
    mission, = event["partner"]
    assert labels(draft)[mission]["en"] == "Consulate General of Indonesia in Shanghai"
    assert ("rudi-santosa", "consul-general", mission) in posts(draft)
    assert "rudi-santosa" in event["participant"]


@pytest.mark.parametrize("text, language", [
    ("A Zibo culture week opened at Taman Budaya Sragen on Friday (March 6). The event, which runs until Sunday "
     "(March 8), is organised by the Zibo Municipal Bureau of Culture and Tourism.", "en"),
    ("Pekan Budaya Zibo dibuka di Taman Budaya Sragen, Jumat (6/3). Acara itu berlangsung hingga Minggu (8/3) dan "
     "diselenggarakan Dinas Pariwisata Kabupaten Sragen.", "id"),
])
def test_the_last_day_of_an_event_said_in_the_sentence_after_it(gazetteer, text, language):
    week, = facts(extract(text + "\n", language, "2026-03-07", gazetteer), "Expo")
    assert (week["startDate"], week["endDate"]) == ("2026-03-06", "2026-03-08")
    assert week["venue"] == "Taman Budaya Sragen" and week["location"] == "kabupaten-sragen"


@pytest.mark.parametrize("text, language", [
    ("Sebanyak 12 pengusaha asal Kota Zibo bertemu pelaku usaha Sragen, Senin (2/3). Dari pihak Sragen hadir Bupati "
     "Hendra Wibisono.", "id"),
    ("Twelve businesspeople from Zibo met Sragen traders on Monday (March 2). From Sragen came Regent Hendra "
     "Wibisono.", "en"),
])
def test_a_title_with_no_place_speaks_for_the_side_the_line_opens_with(gazetteer, text, language):
    assert ("hendra-wibisono", "regent", "kabupaten-sragen") in posts(extract(text + "\n", language, "2026-03-03",
                                                                             gazetteer))


def test_a_director_general_of_the_office_the_article_named(gazetteer):
    text = ("The letter was signed at a ceremony hosted by the Zibo Municipal Foreign Affairs Office. Tian Meng, "
            "director general of the office, said trade would come first.\n")
    draft = extract(text, "en", "2026-03-03", gazetteer)
    office, = [p["id"] for p in draft.proposed if p["type"] == "GovernmentAgency"]
    assert ("tian-meng", "director", office) in posts(draft)

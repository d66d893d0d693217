"""The thirteenth round of readings: a secretary named without a town, a town that closes a body's name, what two sides
agree on after signing, a province signing beside its regency, legs only planned, ranks and nicknames around a
name, a town a distance is measured from. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def labels(draft):
    return {e["id"]: e["label"] for e in draft.proposed}


def test_a_regional_secretary_without_a_town_is_the_secretary_of_the_regency_whose_regent_sent_him(gazetteer):
    # "Malang" is both a regency and a city: the regent's title says which
    text = ("Malang (Warta Kepanjen) - Bupati Malang Sanusi berhalangan hadir dan diwakili Sekretaris Daerah (Sekda) "
            "Ir. Wahyu Hidayat, M.T.\n")
    draft = extract(text, "id", "2027-04-08", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads == {"wahyu-hidayat": "Sekretariat Daerah Kabupaten Malang"}


def test_a_town_that_closes_a_bodys_name_lies_in_the_province_written_after_it(gazetteer):
    text = ("Kendal (Warta Kendal) - Pelaku usaha Kendal bertemu delegasi Asosiasi Pengusaha Otomotif (APO) Kota "
            "Liuzhou, Provinsi Guangxi, Tiongkok, Rabu (7/4/2027).\n")
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2027-04-08", gazetteer).facts
               if "locatedIn" in f}
    assert ("liuzhou", "guangxi") in located


def test_cooperation_the_two_sides_agree_on_after_signing_a_memorandum_is_what_it_covers(gazetteer):
    text = ("A delegation from Luzhou visited Bone Regency from June 7 to 9. On June 8 the mayor of Luzhou and the "
            "regent of Bone signed a memorandum of understanding between Luzhou and Bone Regency.\n\n"
            "The two sides agreed to strengthen cooperation in agriculture, tourism and vocational education.\n")
    draft = extract(text, "en", "2027-06-10", gazetteer)
    assert not facts(draft, "CooperationAgreement")
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert {"agriculture", "tourism", "vocational-education"} <= set(mou["sector"])


def test_an_agreement_signed_during_their_meeting_was_signed_where_the_delegation_was_received(gazetteer):
    text = ("A delegation of the Luzhou Municipal People's Government headed by Vice Mayor Tang Wei paid a visit to "
            "Bone Regency in South Sulawesi Province from June 7 to 9.\n\n"
            "During their meeting on June 8, Tang and Bone Regent Andi Fashar Padjalangi signed a memorandum of "
            "understanding between Luzhou and Bone Regency.\n")
    mou, = facts(extract(text, "en", "2027-06-10", gazetteer), "MemorandumOfUnderstanding")
    assert (mou["signedOn"], mou["signedAt"]) == ("2027-06-08", "kabupaten-bone")


def test_a_deputy_named_in_a_line_of_who_attended_was_there(gazetteer):
    text = ("A delegation of the Luzhou Municipal People's Government paid a visit to Bone Regency on June 8.\n\n"
            "Zhou Min, Deputy Secretary-General of the Municipal Government, and Andi Rahman, Chairman of the Bone "
            "Regency Council, attended the meeting.\n")
    draft = extract(text, "en", "2027-06-10", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert "zhou-min" in visit["participant"]


def test_a_stay_told_by_they_after_the_delegation_is_named_gives_the_visit_its_days(gazetteer):
    text = ("Tegal (Warta Pantura) - Pemerintah Kota Tegal menerima kunjungan delegasi Kota Liuzhou, Senin "
            "(15/2/2027).\n\n"
            "Rombongan Liuzhou berjumlah enam orang. Mereka berada di Kota Tegal pada Senin-Selasa (15-16/2/2027).\n")
    visit, = facts(extract(text, "id", "2027-02-17", gazetteer), "DelegationVisit")
    assert (visit.get("startDate"), visit.get("endDate")) == ("2027-02-15", "2027-02-16")


def test_a_leg_only_scheduled_or_the_way_out_is_no_visit_of_its_own(gazetteer):
    scheduled = ("Dairi (Warta Sidikalang) - Wakil Bupati Dairi menerima kunjungan delegasi Kota Liuzhou di Sidikalang, "
                 "Senin (6/12/2027).\n\n"
                 "Usai pertemuan, rombongan dijadwalkan melanjutkan perjalanan ke Kota Medan, Selasa (7/12) pagi.\n")
    way_out = ("Dairi (Warta Sidikalang) - Wakil Bupati Dairi menerima kunjungan delegasi Kota Liuzhou di Sidikalang, "
               "Senin (6/12/2027).\n\n"
               "Selasa (7/12) pagi, rombongan meninjau kebun kopi sebelum bertolak ke Kota Medan.\n")
    for text in (scheduled, way_out):
        visits = facts(extract(text, "id", "2027-12-07", gazetteer), "DelegationVisit")
        assert [v["guest"] for v in visits] == ["liuzhou"], text


def test_a_province_named_as_a_government_beside_its_regency_is_a_third_party(gazetteer):
    text = ("Sikka (Warta Flores) - Pemerintah Provinsi Nusa Tenggara Timur bersama Pemerintah Kabupaten Sikka "
            "menandatangani LoI kerja sama perikanan dengan Pemerintah Kota Luzhou, Provinsi Sichuan, Selasa "
            "(9/11/2027).\n")
    loi, = facts(extract(text, "id", "2027-11-10", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["kabupaten-sikka", "luzhou", "nusa-tenggara-timur"]


def test_a_province_written_first_with_its_city_after_is_no_party(gazetteer):
    # (the guard of the rule above: the province only says where the city lies)
    text = ("Sikka (Warta Flores) - Pemerintah Kabupaten Sikka menandatangani LoI kerja sama perikanan dengan "
            "Pemerintah Provinsi Sichuan, Kota Luzhou, Selasa (9/11/2027).\n")
    loi, = facts(extract(text, "id", "2027-11-10", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["kabupaten-sikka", "luzhou"]


def test_a_region_described_with_its_population_and_island_lies_in_the_province_after(gazetteer):
    text = ("Sikka, a regency of about 320,000 people on Flores island in East Nusa Tenggara province, is known for "
            "its ikat weaving. East Lombok, on the eastern coast of Lombok island in West Nusa Tenggara, grows "
            "tobacco.\n")
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "en", "2027-11-10", gazetteer).facts
               if "locatedIn" in f}
    assert {("kabupaten-sikka", "nusa-tenggara-timur"),
            ("kabupaten-lombok-timur", "nusa-tenggara-barat")} <= located


def test_acting_written_before_the_region_and_its_title_makes_an_acting_post(gazetteer):
    text = ("The memorandum was signed by acting Sikka Regent Yohanes Parera and Luzhou Mayor Tang Wei.\n")
    assert ("yohanes-parera", "acting-regent", "kabupaten-sikka") in posts(extract(text, "en", "2027-11-10",
                                                                                     gazetteer))


def test_a_rank_kept_before_a_regents_name_is_no_part_of_the_name(gazetteer):
    text = ("Sidikalang (Warta Dairi) - Bupati Dairi, Brigjen Pol [Purn] Dr. Markus Sinaga, M.Si., menerima "
            "kunjungan delegasi Kota Liuzhou, Rabu (26/11/2025).\n")
    assert ("markus-sinaga", "regent", "kabupaten-dairi") in posts(extract(text, "id", "2025-11-27", gazetteer))


def test_a_nickname_after_a_governors_name_is_no_organisation(gazetteer):
    text = "East Nusa Tenggara Governor Viktor Laiskodat (VBL) received the Luzhou delegation on Monday.\n"
    draft = extract(text, "en", "2027-11-10", gazetteer)
    assert not [e for e in draft.proposed if e["type"] != "Person"]
    assert ("viktor-laiskodat", "governor", "nusa-tenggara-timur") in posts(draft)


def test_the_town_a_distance_is_measured_from_is_neither_party_nor_where_it_was_signed(gazetteer):
    text = ("Luzhou, China - Wali Kota Luzhou Tang Wei bersama Bupati Sikka Yohanes Parera menandatangani naskah "
            "LoI kota kembar pada Jumat (18/10/2027) di tengah kota tua yang berjarak sekitar 250 kilometer dari "
            "Ibu Kota Provinsi Sichuan di Chengdu.\n")
    loi, = facts(extract(text, "id", "2027-10-19", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["kabupaten-sikka", "luzhou"]
    assert loi.get("signedAt") != "chengdu"


def test_an_executive_vice_mayor_is_a_deputy_mayor_not_a_name(gazetteer):
    text = ("Tegal (Warta Pantura) - Delegasi Pemerintah Kota Luzhou dipimpin Wakil Wali Kota Eksekutif Luzhou, "
            "Ms. Chen Hong, bertemu Wali Kota Tegal, Kamis (15/5/2027).\n")
    draft = extract(text, "id", "2027-05-16", gazetteer)
    assert ("chen-hong", "deputy-mayor", "luzhou") in posts(draft)
    assert not [e for e in draft.proposed if "Eksekutif" in str(e["label"])]


def test_a_place_a_hotel_is_named_after_is_no_party(gazetteer):
    text = ("Tegal (Warta Pantura) - Penandatanganan LoI antara Pemkot Tegal dengan Kota Luzhou dilakukan oleh Wali "
            "Kota Tegal Dedy Yon dengan Wali Kota Luzhou Tang Wei di Hotel Shangri-La Jakarta, Rabu (24/4/2027).\n")
    loi, = facts(extract(text, "id", "2027-04-25", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["kota-tegal", "luzhou"]


def test_a_city_said_to_be_from_a_province_lies_in_it(gazetteer):
    text = "Pemkot Tegal menjalin kerja sama dengan Kota Luzhou dari Provinsi Sichuan, Tiongkok.\n"
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2027-04-25", gazetteer).facts
               if "locatedIn" in f}
    assert ("luzhou", "sichuan") in located


def test_a_chinese_name_closing_a_title_the_ontology_lacks_leads_the_delegation(gazetteer):
    text = ("Madiun (Warta Madiun) - Wali Kota Madiun Maidi menerima kunjungan delegasi Kota Guilin, Guangxi, yang "
            "dipimpin oleh Kepala Kantor Urusan Luar Negeri Pemerintah Tan Wen Hao, Kamis (9/9/2027).\n")
    visit, = facts(extract(text, "id", "2027-09-10", gazetteer), "DelegationVisit")
    assert (visit["guest"], visit["ledBy"]) == ("guilin", "tan-wen-hao")


def test_a_governments_short_name_in_brackets_before_its_region_is_no_body_of_its_own(gazetteer):
    text = ("Madiun (Warta Madiun) - Kerja sama itu difasilitasi oleh Pemerintah Provinsi (Pemprov) Jawa Timur, "
            "kata Sekretaris Daerah Kota Madiun, Soeko Dwi Handiarto.\n")
    assert "pemerintah-provinsi" not in labels(extract(text, "id", "2027-09-10", gazetteer))


def test_an_ambassador_named_by_his_countrys_people_heads_its_embassy(gazetteer):
    text = ("Madiun Mayor Maidi received a visit from the Chinese Ambassador to Indonesia Zhao Ming in Madiun on "
            "Friday, September 10.\n")
    draft = extract(text, "en", "2027-09-11", gazetteer)
    (holder, role, embassy), = {p for p in posts(draft) if p[1] == "ambassador"}
    assert (holder, labels(draft)[embassy]["en"]) == ("zhao-ming", "Embassy of China in Jakarta")
    visit, = facts(draft, "DelegationVisit")
    assert visit["guest"] == embassy and "zhao-ming" in visit["participant"]


def test_a_range_of_days_takes_the_first_weekday_it_states_and_may_leave_out_the_year(gazetteer):
    text = ("Madiun (Warta Madiun) - Delegasi Kota Guilin berada di Kota Madiun pada Sabtu-Minggu (7-8/8). "
            "Rombongan diterima Wali Kota Madiun Maidi.\n")
    visit, = facts(extract(text, "id", "2027-08-10", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2027-08-07", "2027-08-08", "saturday")
    text = ("Madiun (Warta Madiun) - Delegasi Kota Guilin berkunjung ke Kota Madiun Senin hingga Rabu "
            "(9-11/8/2027). Rombongan diterima Wali Kota Madiun Maidi.\n")
    visit, = facts(extract(text, "id", "2027-08-12", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2027-08-09", "2027-08-11", "monday")


def test_a_months_days_written_with_no_word_before_are_a_range(gazetteer):
    text = ("The Guilin Tea Fair runs Nov. 13-17 at the Guilin International Convention Center. A delegation from "
            "Madiun led by Mayor Maidi is taking part in the expo.\n")
    expo, = facts(extract(text, "en", "2027-11-14", gazetteer), "Expo")
    assert (expo["startDate"], expo["endDate"]) == ("2027-11-13", "2027-11-17")


def test_a_day_to_day_stand_in_plh_holds_an_acting_post(gazetteer):
    text = "Madiun (Warta Madiun) - Plh Wali Kota Madiun Soeko Dwi Handiarto menerima delegasi Kota Guilin.\n"
    assert ("soeko-dwi-handiarto", "acting-mayor", "kota-madiun") in posts(extract(text, "id", "2027-08-10",
                                                                                      gazetteer))


def test_a_director_general_named_before_or_after_the_title_directs_the_bureau(gazetteer):
    for text in ("The delegation was led by Tan Wen, director-general of the Guilin Commerce Bureau.\n",
                 "Director-General of the Guilin Commerce Bureau Tan Wen led the delegation.\n"):
        draft = extract(text, "en", "2027-08-10", gazetteer)
        assert {(holder, role, labels(draft)[body]) for holder, role, body in posts(draft)} == {
            ("tan-wen", "director", "Guilin Commerce Bureau")}


def test_who_backed_the_event_is_its_partner(gazetteer):
    text = ("Madiun (Warta Madiun) - Temu bisnis itu diselenggarakan Dinas Perdagangan Kota Madiun dengan dukungan "
            "Asosiasi Pengusaha Pecel Madiun (APPM), Selasa (10/8/2027). Delegasi Kota Guilin dipimpin Wakil Wali "
            "Kota Guilin Tan Wen.\n")
    draft = extract(text, "id", "2027-08-11", gazetteer)
    event, = facts(draft, "DelegationVisit") or facts(draft, "Meeting")
    assert [labels(draft)[p] for p in event["partner"]] == ["Asosiasi Pengusaha Pecel Madiun (APPM)"]


def test_in_a_list_of_names_and_titles_a_one_word_name_holds_the_title_after_it(gazetteer):
    text = ("Madiun (Warta Madiun) - Tan Wen, Wakil Wali Kota Guilin, Maidi, Wali Kota Madiun, Soeko Dwi "
            "Handiarto, Sekretaris Daerah Kota Madiun, dan lainnya menghadiri acara tersebut.\n")
    assert {(holder, role) for holder, role, _ in posts(extract(text, "id", "2027-08-10", gazetteer))} == {
        ("tan-wen", "deputy-mayor"), ("maidi", "mayor"), ("soeko-dwi-handiarto", "head")}


def test_two_weekdays_joined_by_and_are_the_visits_first_and_last_days(gazetteer):
    text = ("A 12-member trade mission from Madiun met buyers in Guilin, an industrial city in China's Guangxi, last "
            "Thursday and Friday. The mission was led by Madiun Mayor Maidi.\n")
    visit, = facts(extract(text, "en", "2027-12-01", gazetteer), "DelegationVisit")  # (a Wednesday)
    assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2027-11-25", "2027-11-26", "thursday")


def test_a_delegation_that_arrived_and_stays_until_a_later_day_gives_the_visit_its_days(gazetteer):
    text = ("Madiun (Warta Madiun) - Wali Kota Madiun Maidi menerima delegasi Kota Guilin di Balai Kota Madiun, Kamis "
            "(7/10/2027).\n\nRombongan Guilin tiba di Madiun Rabu (6/10/27) malam dan berada di Madiun hingga Sabtu "
            "(9/10/27).\n")
    visit, = facts(extract(text, "id", "2027-10-08", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2027-10-06", "2027-10-09")


def test_led_directly_with_no_word_between_names_the_leader(gazetteer):
    text = ("Madiun (Warta Madiun) - Wali Kota Madiun Maidi menerima delegasi Kota Guilin, Selasa (10/8/2027). "
            "Wakil Wali Kota Guilin Tan Wen menyerahkan cendera mata.\n\n"
            "Delegasi Guilin berjumlah 12 orang dan dipimpin langsung Tan Wen.\n")
    visit, = facts(extract(text, "id", "2027-08-11", gazetteer), "DelegationVisit")
    assert visit["ledBy"] == "tan-wen"


def test_a_visit_to_a_regions_government_is_hosted_by_the_region(gazetteer):
    text = ("Madiun (Warta Madiun) - Konsul Jendral Republik Rakyat Tiongkok di Surabaya Li Hua melakukan kunjungan ke "
            "Pemerintah Kota Madiun yang diterima Wali Kota Madiun Maidi, Selasa (10/8/2027).\n")
    draft = extract(text, "id", "2027-08-11", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], labels(draft)[visit["guest"]]["en"]) == ("kota-madiun", "Consulate General of China in Surabaya")
    assert ("li-hua", "consul-general", visit["guest"]) in posts(draft)


def test_an_ambassador_extraordinary_and_plenipotentiary_is_an_ambassador(gazetteer):
    text = ("Madiun (Warta Madiun) - Kunjungan itu dipimpin langsung oleh Duta Besar Luar Biasa dan Berkuasa Penuh "
            "Republik Rakyat Tiongkok untuk Indonesia, Zhao Ming, Rabu (11/8/2027).\n")
    draft = extract(text, "id", "2027-08-12", gazetteer)
    assert {(holder, role) for holder, role, _ in posts(draft)} == {("zhao-ming", "ambassador")}


def test_a_headlines_verb_in_title_case_is_no_officials_name(gazetteer):
    text = ("Gubernur Jatim Merayu Tiongkok\n\n"
            "SURABAYA - Gubernur Jawa Timur, Siti Rahayu, menerima kunjungan Duta Besar Tiongkok, Rabu (11/8/2027).\n")
    draft = extract(text, "id", "2027-08-12", gazetteer)
    assert {holder for holder, _, _ in posts(draft)} == {"siti-rahayu"} and "merayu" not in labels(draft)


def test_initials_may_close_an_officials_name(gazetteer):
    text = ("Madiun (Warta Madiun) - Wali Kota Madiun Maidi HN menerima delegasi Kota Guilin, Rabu (11/8/2027). "
            "Hadir pula Sekretaris Daerah Kota Madiun Soeko Dwi Handiarto RI.\n")
    holders = {holder for holder, _, _ in posts(extract(text, "id", "2027-08-12", gazetteer))}
    assert holders == {"maidi-hn", "soeko-dwi-handiarto"}  # (RI is the country, not his initials)


def test_dates_as_news_writes_them_with_a_weekday_by_name_or_days_joined_by_and(gazetteer):
    cases = [  # (text, published, (date, startDate, endDate, statedWeekday))
        ("Wali Kota Madiun Maidi menerima delegasi Kota Guilin pada Rabu, 11 Agustus.", "2027-08-13",
         ("2027-08-11", None, None, "wednesday")),
        ("Wali Kota Madiun Maidi menerima delegasi Kota Guilin, Rabu (11 Agustus 2027).", "2027-08-13",
         ("2027-08-11", None, None, "wednesday")),
        ("Wali Kota Madiun Maidi menerima delegasi Kota Guilin pada 11 Agustus lalu.", "2027-09-02",
         ("2027-08-11", None, None, None)),
        ("Delegasi Kota Guilin berada di Kota Madiun pada 11 dan 12 Agustus 2027.", "2027-08-13",
         (None, "2027-08-11", "2027-08-12", None)),
        ("A delegation from Guilin visited Madiun between August 11 and 13.", "2027-08-20",
         (None, "2027-08-11", "2027-08-13", None)),
    ]
    for text, published, expected in cases:
        visit, = facts(extract(text + "\n", "id" if "Madiun Maidi" in text or "berada" in text else "en",
                               published, gazetteer), "DelegationVisit")
        assert tuple(visit.get(k) for k in ("date", "startDate", "endDate", "statedWeekday")) == expected, text


def test_an_office_that_held_a_forum_hosted_it_and_whose_initiative_it_was_organised_it(gazetteer):
    text = ("The Madiun Trade Office held a business forum for a delegation from Guilin on Wednesday, August 11, "
            "2027. The delegation was led by Vice Mayor Tan Wen.\n")
    draft = extract(text, "en", "2027-08-12", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert (labels(draft)[meeting["host"]], meeting["guest"]) == ("Madiun Trade Office", "guilin")
    text = ("The business forum, an initiative of the Madiun Trade Office, was held on Wednesday, August 11, 2027 for a "
            "delegation from Guilin led by Vice Mayor Tan Wen.\n")
    draft = extract(text, "en", "2027-08-12", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert [labels(draft)[o] for o in meeting["organiser"]] == ["Madiun Trade Office"]

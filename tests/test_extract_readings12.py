"""The twelfth round of readings: agencies known by their acronyms, a signing told far from its lead, the talks a
signing closed, a delegation's stay told after its meeting. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def labels(draft):
    return {e["id"]: e["label"] for e in draft.proposed}


def test_an_agency_written_as_its_acronym_is_the_office_its_head_leads(gazetteer):
    text = ("Kebumen (Suara Kedu) - Rombongan Pemkab Kebumen berada di Zigong sejak Senin (13/9). Rombongan terdiri "
            "atas Kepala Bappedalitbang Kebumen Ir. Sutrisno Adiwibowo, Kepala Dinporapar Kebumen Rina Kusumastuti, "
            "dan Kepala Diskopukmperindag Kebumen Yosef Hartanto.\n")
    draft = extract(text, "id", "2027-09-15", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads == {"sutrisno-adiwibowo": "Bappedalitbang Kebumen", "rina-kusumastuti": "Dinporapar Kebumen",
                     "yosef-hartanto": "Diskopukmperindag Kebumen"}


def test_the_signing_told_after_the_delegations_paragraphs_is_the_one_agreements(gazetteer):
    text = ("Kebumen (Suara Kedu) - Pemerintah Kabupaten Kebumen dan Pemerintah Kota Zigong menandatangani surat "
            "pernyataan kehendak (LoI) kerja sama kota persahabatan.\n\n"
            "Baca Juga: Festival Lanting Kebumen Kembali Digelar Bulan Depan\n\n"
            "Rombongan Pemkab Kebumen yang dipimpin Bupati Kebumen Arif Sugiyanto berada di Zigong sejak Senin (13/9) "
            "hingga Kamis (16/9).\n\n"
            "Kunjungan itu juga diikuti sejumlah pelaku usaha batik dan genteng.\n\n"
            "Penandatanganan berlangsung pada Selasa, 14 September 2027 sore waktu setempat, di Hotel Jinyue, Zigong.\n")
    draft = extract(text, "id", "2027-09-16", gazetteer)
    signing, = facts(draft, "Signing")
    assert (signing["date"], signing["statedWeekday"], signing["venue"]) == ("2027-09-14", "tuesday",
                                                                              "Hotel Jinyue")
    assert signing["location"] == "zigong"


def test_an_association_that_bridged_the_trip_is_its_partner_and_named_by_its_short_name(gazetteer):
    text = ("Kebumen (Suara Kedu) - Rombongan Pemkab Kebumen berada di Zigong sejak Senin (13/9) hingga Kamis "
            "(16/9).\n\n"
            "Perjalanan dinas tersebut dijembatani Paguyuban Pengusaha Tionghoa Gombong (P3TG). Ketua P3TG, Hendra "
            "Wijaya Kusuma, ikut dalam rombongan.\n")
    draft = extract(text, "id", "2027-09-16", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    association = next(e for e in draft.proposed if e["label"] == "Paguyuban Pengusaha Tionghoa Gombong")
    assert "P3TG" in association["alias"]
    assert visit["partner"] == [association["id"]]


def test_sectors_said_of_the_letter_again_after_the_visit_are_the_letters(gazetteer):
    text = ("Kebumen (Suara Kedu) - Pemerintah Kabupaten Kebumen dan Pemerintah Kota Zigong menandatangani LoI kota "
            "persahabatan di Zigong, Selasa (14/9).\n\n"
            "Rombongan Pemkab Kebumen berada di Zigong sejak Senin (13/9) hingga Kamis (16/9).\n\n"
            "Pada hari kedua, rombongan dijadwalkan meninjau kawasan industri garam.\n\n"
            "LoI tersebut menjadi pintu masuk kerja sama di bidang pariwisata dan pendidikan vokasi.\n")
    loi, = facts(extract(text, "id", "2027-09-16", gazetteer), "LetterOfIntent")
    assert {"tourism", "vocational-education"} <= set(loi.get("sector", []))


def test_a_dateline_with_its_country_and_date_dates_nothing(gazetteer):
    text = ("ZIGONG, China, Sept. 16, 2027 (Salt City Daily) -- On September 14, Yang Ming, Mayor of Zigong, met "
            "with Arif Sugiyanto, Regent of Kebumen Regency, and his delegation at the Jinyue Hotel.\n")
    draft = extract(text, "en", "2027-09-16", gazetteer)
    meeting, = [f for f in draft.facts if f.get("type") in ("Meeting", "DelegationVisit")]
    assert meeting["date"] == "2027-09-14"


def test_the_two_sides_that_signed_after_the_talks_are_the_two_who_met(gazetteer):
    text = ("ZIGONG, China, Sept. 16, 2027 (Salt City Daily) -- On September 14, Yang Ming, Mayor of Zigong, met "
            "with Arif Sugiyanto, Regent of Kebumen Regency, and his delegation at the Jinyue Hotel. After the "
            "talks, the two sides signed a letter of intent on friendly city relations between Zigong and Kebumen.\n")
    draft = extract(text, "en", "2027-09-16", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    signing, = facts(draft, "Signing")
    assert sorted(loi["signatory"]) == ["arif-sugiyanto", "yang-ming"]
    assert (loi["signedOn"], loi["signedAt"]) == ("2027-09-14", "zigong")
    assert (signing["date"], signing["venue"], signing["location"]) == ("2027-09-14", "Jinyue Hotel", "zigong")


def test_talks_before_an_agreement_that_names_its_parties_take_no_signatories(gazetteer):
    text = ("On September 14, Yang Ming, Mayor of Zigong, met with Arif Sugiyanto, Regent of Kebumen Regency. "
            "The two sides signed a letter of intent on friendly city relations between Zigong and Kebumen "
            "last year.\n")
    loi, = facts(extract(text, "en", "2027-09-16", gazetteer), "LetterOfIntent")
    assert "signedOn" not in loi or loi["signedOn"] != "2027-09-14"


def test_a_delegation_met_on_one_day_whose_stay_is_told_later_made_a_visit_of_days(gazetteer):
    text = ("ZIGONG, China, Sept. 16, 2027 (Salt City Daily) -- On September 14, Yang Ming, Mayor of Zigong, met "
            "with Arif Sugiyanto, Regent of Kebumen Regency, and his delegation.\n\n"
            "The 12-member Kebumen delegation is visiting Zigong from Sept 13th to 16th at the invitation of the "
            "Zigong Municipal People's Government.\n")
    visit, = facts(extract(text, "en", "2027-09-16", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2027-09-13", "2027-09-16")
    assert "date" not in visit


def test_an_english_day_written_with_its_ordinal_ending_is_read(gazetteer):
    text = "Arif Sugiyanto, Regent of Kebumen Regency, met Yang Ming, Mayor of Zigong, on October 2nd, 2027.\n"
    meeting, = facts(extract(text, "en", "2027-10-05", gazetteer), "Meeting")
    assert meeting["date"] == "2027-10-02"


def test_who_took_part_in_the_meeting_and_signing_ceremony_was_at_the_signing(gazetteer):
    text = ("On September 14, Yang Ming, Mayor of Zigong, met with Arif Sugiyanto, Regent of Kebumen Regency, at "
            "the Jinyue Hotel. After the talks, the two sides signed a letter of intent on friendly city relations "
            "between Zigong and Kebumen.\n\n"
            "Li Na, Vice Mayor of Zigong, and Tri Handoko, Speaker of the Kebumen Regency Council, participated in "
            "the meeting and signing ceremony.\n")
    signing, = facts(extract(text, "en", "2027-09-16", gazetteer), "Signing")
    assert {"li-na", "tri-handoko"} <= set(signing["participant"])


def test_a_general_chair_is_the_chair_of_the_council_he_leads(gazetteer):
    text = ("Tuban (Warta Tuban) - Forum bisnis digelar bersama Dewan Bisnis Indonesia-Sichuan (DBIS).\n\n"
            "Ketua Umum DBIS, Bapak Harsono Tedjo, mengatakan empat perusahaan Deyang berminat.\n")
    draft = extract(text, "id", "2027-10-08", gazetteer)
    named = labels(draft)
    chairs = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "chair"}
    assert chairs.get("harsono-tedjo", "").startswith("Dewan Bisnis Indonesia-Sichuan")


def test_the_regent_who_gave_the_welcoming_speech_took_part_in_the_forum(gazetteer):
    text = ("Tuban (Warta Tuban) - Pemerintah Kabupaten Tuban menggelar forum bisnis dengan delegasi Kota Deyang, "
            "Provinsi Sichuan, di Pendopo Krido Manunggal, Kamis (7/10/27).\n\n"
            "Bupati Tuban Aditya Halindra Faridzky dalam sambutannya mengatakan Tuban menawarkan peluang investasi "
            "di bidang perikanan.\n")
    meeting, = facts(extract(text, "id", "2027-10-08", gazetteer), "Meeting")
    assert "aditya-halindra-faridzky" in meeting["participant"]


FAIR = ("CIMAHI, Indonesia, August 6, 2027 (Priangan Trade Review) -- Furniture and hardware from Zigong are on show "
        "at the Zigong Lantern Goods Fair Indonesia 2027, which opened on Thursday at the Pasteur Expo Hall in "
        "Cimahi.\n\n"
        "The fair runs from August 5th to 8th and brings together 40 companies from Zigong.\n\n"
        "It is organized by the Zigong Municipal Bureau of Commerce, which is headed by Luo Jianping, with the West "
        "Java Furniture Makers Association (WJFMA) as its local partner.\n\n"
        "WJFMA chairwoman Ratna Sari Dewi, speaking at the opening, said buyers had registered for all four days.\n\n"
        "Luo, who attended the opening, said Zigong hoped to return next year.\n")


def test_an_office_said_to_be_headed_by_someone_is_theirs(gazetteer):
    draft = extract(FAIR, "en", "2027-08-06", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads.get("luo-jianping", "").endswith("Bureau of Commerce")


def test_an_association_with_which_a_fair_is_held_as_its_local_partner_is_its_partner(gazetteer):
    draft = extract(FAIR, "en", "2027-08-06", gazetteer)
    fair, = facts(draft, "Expo")
    association = next(e["id"] for e in draft.proposed if e["label"].startswith("West Java Furniture Makers"))
    assert fair["partner"] == [association]


def test_a_fair_that_opened_on_a_day_and_runs_over_days_ends_on_the_last(gazetteer):
    fair, = facts(extract(FAIR, "en", "2027-08-06", gazetteer), "Expo")
    assert (fair["startDate"], fair["endDate"], fair["statedWeekday"]) == ("2027-08-05", "2027-08-08", "thursday")


def test_a_hall_with_a_name_of_its_own_is_that_name_without_its_town(gazetteer):
    fair, = facts(extract(FAIR, "en", "2027-08-06", gazetteer), "Expo")
    assert (fair["venue"], fair["location"]) == ("Pasteur Expo Hall", "kota-cimahi")


def test_who_spoke_at_the_opening_or_attended_it_by_one_word_of_their_name_took_part(gazetteer):
    fair, = facts(extract(FAIR, "en", "2027-08-06", gazetteer), "Expo")
    assert {"ratna-sari-dewi", "luo-jianping"} <= set(fair["participant"])


CHAMBER = ("Tebing Tinggi (Warta Deli) - Wali Kota Tebing Tinggi Iman Irdian Saragih menerima audiensi delegasi Kamar "
           "Dagang Umum Kota Jiangmen, Provinsi Guangdong, di Balai Kota Tebing Tinggi, Kamis (2/9/2027).\n\n"
           "Delegasi itu terdiri dari Tan Guoqiang Chairman Of Jiangmen General Chamber Of Commerce, Mo Lihua "
           "Secretary General Of Jiangmen General Chamber Of Commerce dan staf.\n\n"
           "Wali Kota didampingi Kadis Perindag Rosmawati Siregar dan pejabat lainnya.\n\n"
           "Dalam kesempatan itu dilakukan penandatanganan nota kesepahaman (MoU) kerja sama perdagangan antara "
           "Dewan Bisnis Tebing Tinggi-Tiongkok (DBTT) dan Kamar Dagang Umum Kota Jiangmen. MoU diteken Ketua DBTT, "
           "Hendrik Lim, dan Tan Guoqiang.\n")


def test_a_chamber_named_whole_as_the_delegation_and_a_side_of_the_mou_is_proposed_and_signs(gazetteer):
    draft = extract(CHAMBER, "id", "2027-09-03", gazetteer)
    chamber = next(e["id"] for e in draft.proposed if e["label"] == "Kamar Dagang Umum Kota Jiangmen")
    council = next(e["id"] for e in draft.proposed if e["label"].startswith("Dewan Bisnis Tebing Tinggi"))
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert mou["party"] == [council, chamber]
    assert sorted(mou["signatory"]) == ["hendrik-lim", "tan-guoqiang"]


def test_a_signing_done_on_that_occasion_is_at_the_visits_day_town_and_building(gazetteer):
    draft = extract(CHAMBER, "id", "2027-09-03", gazetteer)
    signing, = facts(draft, "Signing")
    assert (signing["date"], signing["statedWeekday"]) == ("2027-09-02", "thursday")
    assert (signing["location"], signing["venue"]) == ("kota-tebing-tinggi", "Balai Kota Tebing Tinggi")


def test_an_english_title_in_title_case_glued_after_a_name_is_that_persons(gazetteer):
    draft = extract(CHAMBER, "id", "2027-09-03", gazetteer)
    named = labels(draft)
    chairs = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "chair"}
    assert chairs.get("tan-guoqiang") == "Jiangmen General Chamber Of Commerce"
    assert "mo-lihua" not in chairs


def test_an_office_head_written_kadis_and_the_field_alone_heads_the_towns_office(gazetteer):
    draft = extract(CHAMBER, "id", "2027-09-03", gazetteer)
    office = next(e for e in draft.proposed if e["type"] == "GovernmentAgency")
    assert office["label"] == "Dinas Perindag Kota Tebing Tinggi"
    assert "Disperindag Tebing Tinggi" in office["alias"]
    assert ("rosmawati-siregar", "head", office["id"]) in posts(draft)


def test_an_office_named_without_its_town_among_the_visitors_is_not_the_hosts(gazetteer):
    text = ("Jember (Warta Tapal Kuda) - Delegasi Kota Yuxi berkunjung ke Kabupaten Jember, Senin (8/3). Delegasi "
            "beranggotakan Pu Wenjie, Wakil Wali Kota, dan Kepala Kantor Urusan Luar Negeri, Yang Shuxian.\n")
    draft = extract(text, "id", "2027-03-09", gazetteer)
    assert not [e for e in draft.proposed if "Jember" in e["label"] and e["type"] != "Person"]


CRAFT_VISIT = ("Ciamis Regent Herdiat Sunarya received a delegation from Zigong City, Sichuan Province, China, at the "
               "Ciamis Regency Hall, Wednesday (10/13).\n\n"
               "The regent was accompanied by Regency Secretary Andang Firman Triyadi and Head of the Cooperatives, "
               "SMEs, Industry and Trade Office (Diskopukmperindag) Rina Lestari.\n\n"
               "The visit was facilitated by the Ciamis Batik Makers Association (Apbatik), whose chairman Haji Dadang "
               "Sutisna also attended the meeting.\n\n"
               "Zhou said Zigong wanted to send designers to Ciamis.\n\n"
               "The two sides agreed to explore cooperation in tourism and vocational education, and to prepare a "
               "letter of intent to be signed next year.\n")


def test_a_weekday_with_its_day_written_month_first_is_read(gazetteer):
    visit, = facts(extract(CRAFT_VISIT, "en", "2027-10-14", gazetteer), "DelegationVisit")
    assert (visit["date"], visit["statedWeekday"]) == ("2027-10-13", "wednesday")


def test_a_letter_still_to_be_prepared_is_no_agreement_and_the_talks_sectors_are_the_visits(gazetteer):
    draft = extract(CRAFT_VISIT, "en", "2027-10-14", gazetteer)
    assert not facts(draft, "LetterOfIntent")
    visit, = facts(draft, "DelegationVisit")
    assert {"tourism", "vocational-education"} <= set(visit["sector"])


def test_english_titles_beside_the_regent_name_the_regencys_offices(gazetteer):
    draft = extract(CRAFT_VISIT, "en", "2027-10-14", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads["andang-firman-triyadi"] == "Sekretariat Daerah Kabupaten Ciamis"
    office = next(e for e in draft.proposed if e["label"] == "Cooperatives, SMEs, Industry and Trade Office")
    assert "Diskopukmperindag" in office["alias"] and heads["rina-lestari"] == office["label"]


def test_whose_chairman_with_no_comma_before_a_haji_is_the_associations_chair(gazetteer):
    draft = extract(CRAFT_VISIT, "en", "2027-10-14", gazetteer)
    chairs = {holder for holder, role, _ in posts(draft) if role == "chair"}
    assert "dadang-sutisna" in chairs


def test_a_cooperative_named_for_a_town_of_several_words_keeps_them_before_its_chair(gazetteer):
    text = ("Rombongan Kabupaten Siak dipimpin Ketua Dekranasda Kabupaten Siak, Ibu Hj. Rosnaini Zulfikar. Turut "
            "dalam rombongan Ketua Koperasi Tenun Siak Sri Indrapura, Ibu Juliana Ratnasari, yang mengikuti Zigong "
            "Lantern Fair 2027.\n")
    draft = extract(text, "id", "2027-09-20", gazetteer)
    named = labels(draft)
    chairs = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "chair"}
    assert chairs["juliana-ratnasari"] == "Koperasi Tenun Siak Sri Indrapura"
    assert not [e for e in draft.proposed if e["label"] == "Sri Indrapura"]


MOU_EN = ("AIRMADIDI -- North Minahasa regency and the city of Shantou in China's Guangdong province on Thursday signed "
          "a memorandum of understanding on fisheries.\n\n"
          "The memorandum was signed at the regency's Likupang tourism office by North Minahasa Regent Joune Ganda "
          "and Shantou Vice Mayor Ms Lin Qiuping, who led the Chinese delegation.\n\n"
          "Ten delegates from Shantou, including Mr Cai Weiming, deputy secretary-general of the Shantou Municipal "
          "People's Government, arrived in North Minahasa on Wednesday to sign the memorandum and begin a three-day "
          "tour of the regency.\n\n"
          "The signing was organised by the regency's Investment and One-Stop Service Office (DPMPTSP), whose head, "
          "Rivo Kalalo, said two processors were studying sites.\n")


def test_a_delegation_that_arrived_to_begin_a_three_day_tour_stayed_three_days(gazetteer):
    visit, = facts(extract(MOU_EN, "en", "2027-10-08", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2027-10-06", "2027-10-08")


def test_members_named_after_mr_or_ms_are_people_and_came_to_the_visit_not_the_signing(gazetteer):
    draft = extract(MOU_EN, "en", "2027-10-08", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert {"lin-qiuping", "cai-weiming"} <= set(visit["participant"])
    assert "cai-weiming" not in signing["participant"]
    assert not [e for e in draft.proposed if "Government" in e["label"] and e["type"] == "Person"]


def test_the_regencys_office_and_building_are_the_story_regencys(gazetteer):
    draft = extract(MOU_EN, "en", "2027-10-08", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    signing, = facts(draft, "Signing")
    office = next(e for e in draft.proposed if e["type"] == "GovernmentAgency")
    assert office["label"] == "North Minahasa Investment and One-Stop Service Office"
    assert "DPMPTSP Minahasa Utara" in office["alias"]
    assert signing["organiser"] == [office["id"]]
    assert ("rivo-kalalo", "head", office["id"]) in posts(draft)
    assert (mou["signedAt"], signing["venue"]) == ("kabupaten-minahasa-utara", "regency's Likupang tourism office")


def test_a_visit_held_thanks_to_two_bodies_was_organised_by_them_in_the_regents_office(gazetteer):
    text = ("Sungailiat (Warta Sungailiat) - Bupati Bangka Mulkan menerima kunjungan delegasi Pemerintah Kota "
            "Shantou, Provinsi Guangdong, di ruang kerjanya di Kantor Bupati Bangka, Senin (25/10).\n\n"
            "Kunjungan ini terselenggara berkat kerja sama Perkumpulan Teochew Bangka (PTB) dan Kantor Urusan Luar "
            "Negeri Kota Shantou.\n\n"
            "Kedua pihak juga sepakat menyiapkan surat pernyataan kehendak (LoI) kota kembar untuk diteken tahun "
            "depan.\n")
    draft = extract(text, "id", "2027-10-26", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["venue"] == "Kantor Bupati Bangka"
    assert len(visit["organiser"]) == 2
    assert not facts(draft, "LetterOfIntent") and not facts(draft, "SisterCityRelationship")


def test_a_visit_that_came_to_sign_was_about_what_it_signed(gazetteer):
    text = ("Tuban (Warta Tuban) - Bupati Tuban Aditya Halindra Faridzky menerima kunjungan delegasi Kota Deyang, "
            "Provinsi Sichuan, di Pendopo Krido Manunggal, Selasa (5/10/2027).\n\n"
            "Dalam kesempatan itu kedua daerah menandatangani nota kesepahaman (MoU) kerja sama perikanan dan "
            "pariwisata.\n")
    draft = extract(text, "id", "2027-10-06", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert {"fisheries", "tourism"} <= set(visit["sector"])


FORUM = ("Tuban (Warta Tuban) - Pemerintah Kabupaten Tuban menggelar Forum Bisnis Tuban-Deyang di Pendopo Krido "
         "Manunggal, Kamis (7/10/27). Forum tersebut mempertemukan delegasi Kota Deyang, Provinsi Sichuan, dengan "
         "pelaku usaha perikanan Tuban.\n\n"
         "Delegasi Deyang dipimpin Wakil Wali Kota Deyang Zhao Mingyuan.\n\n"
         "Rombongan Deyang tiba di Tuban Rabu (6/10/27) malam dan berada di Tuban hingga Sabtu (9/10/27).\n\n"
         "Forum membahas kerja sama budi daya udang dan ekspor hasil perikanan.\n")


def test_a_forum_held_for_a_delegation_that_stayed_days_is_a_meeting_within_its_visit(gazetteer):
    draft = extract(FORUM, "id", "2027-10-07", gazetteer)
    meeting, = facts(draft, "Meeting")
    visit, = facts(draft, "DelegationVisit")
    assert meeting["date"] == "2027-10-07"
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("kabupaten-tuban", "deyang", "zhao-mingyuan")
    assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2027-10-06", "2027-10-09",
                                                                              "wednesday")
    assert "zhao-mingyuan" in visit["participant"] and "fisheries" in visit["sector"]


def test_a_stay_that_does_not_take_in_the_forums_day_is_no_visit_of_it(gazetteer):
    text = FORUM.replace("tiba di Tuban Rabu (6/10/27) malam dan berada di Tuban hingga Sabtu (9/10/27)",
                         "tiba di Tuban Jumat (8/10/27) malam dan berada di Tuban hingga Sabtu (9/10/27)")
    assert not facts(extract(text, "id", "2027-10-07", gazetteer), "DelegationVisit")


def test_the_official_met_with_his_delegation_led_it(gazetteer):
    text = ("ZIGONG, China, Sept. 16, 2027 (Salt City Daily) -- On September 14, Yang Ming, Mayor of Zigong, met "
            "with Arif Sugiyanto, Regent of Kebumen Regency, Central Java Province, Indonesia, and his delegation at "
            "the Jinyue Hotel.\n\n"
            "The 10-member Kebumen delegation is visiting Zigong from Sept 13th to 16th at the invitation of the "
            "Zigong Municipal People's Government.\n")
    visit, = facts(extract(text, "en", "2027-09-16", gazetteer), "DelegationVisit")
    assert (visit["ledBy"], visit["guest"]) == ("arif-sugiyanto", "kabupaten-kebumen")


def test_a_kaban_and_a_kabag_head_the_badan_and_the_bagian_of_their_town(gazetteer):
    text = ("Tuban (Warta Tuban) - Bupati didampingi Kaban Kesbangpol Tuban Sugeng Riyadi dan Kabag Protokol Tuban "
            "Rina Wati.\n")
    draft = extract(text, "id", "2027-10-06", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads == {"sugeng-riyadi": "Badan Kesbangpol Tuban", "rina-wati": "Bagian Protokol Tuban"}


def test_a_section_named_with_no_town_before_its_heads_name_proposes_no_body_with_the_name_in_it(gazetteer):
    text = ("Tebing Tinggi (Warta Deli) - Wali Kota Tebing Tinggi menerima delegasi Kota Jiangmen. Wali Kota "
            "didampingi Kadis Perindag Rosmawati Siregar, Kabag Kerja Sama Zulkarnain Harahap dan pejabat "
            "lainnya.\n")
    draft = extract(text, "id", "2027-09-03", gazetteer)
    assert not [e for e in draft.proposed if "Harahap" in e["label"] and e["type"] != "Person"]
    assert not [e for e in draft.proposed if "Perindag Rosmawati" in e["label"]]


# round 13: tuned on bench/heldout12 once it had been measured blind


def test_a_delegation_that_arrived_on_monday_and_leaves_on_thursday_stayed_those_days(gazetteer):
    text = ("KUBU RAYA -- Kubu Raya Regent Muda Mahendrawan received a delegation from Guigang, Guangxi, on Tuesday. "
            "The 16-strong Guigang delegation, led by Meng Xiang, arrived in Kubu Raya on Monday and is scheduled to "
            "leave for Pontianak on Thursday after visiting rice fields.\n")
    visit, = facts(extract(text, "en", "2027-12-15", gazetteer), "DelegationVisit")  # a Wednesday
    assert (visit["startDate"], visit["endDate"], visit["statedWeekday"]) == ("2027-12-13", "2027-12-16", "monday")


def test_a_citys_government_and_a_provincial_administration_organised_the_expo(gazetteer):
    text = ("YIBIN -- The Yibin Bamboo Industry Expo 2027 opened on Thursday at the Yibin International Convention "
            "and Exhibition Center. The expo is organised by the Yibin Municipal People's Government and the "
            "Sichuan Provincial Forestry and Grassland Administration.\n")
    draft = extract(text, "en", "2027-10-22", gazetteer)
    expo, = facts(draft, "Expo")
    assert expo["label"] == "Yibin Bamboo Industry Expo 2027"
    assert expo["venue"] == "Yibin International Convention and Exhibition Center"
    assert expo["organiser"][0] == "yibin" and len(expo["organiser"]) == 2


def test_the_head_of_the_regencys_office_heads_the_story_regencys_office(gazetteer):
    text = ("SANMING -- Lalu Ahmad, Regent of Central Lombok, led a nine-member delegation that was in Sanming from "
            "June 29 to July 2. Also in the delegation was the head of the regency's Agriculture Office, Lalu "
            "Zaenal Mutaqin.\n")
    draft = extract(text, "en", "2027-07-03", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads["lalu-zaenal-mutaqin"] == "Central Lombok Agriculture Office"


def test_a_regent_who_could_not_attend_and_sent_his_secretary_was_not_there(gazetteer):
    text = ("Pasuruan - Pemkab Pasuruan menggelar forum bisnis dengan delegasi Kota Chuzhou, Rabu (10/3/2027). "
            "Bupati Pasuruan H. Abdul Wahid Maksum berhalangan hadir dan diwakili Sekretaris Daerah (Sekda) Ir. Agus "
            "Tri Wicaksono, M.T.\n")
    draft = extract(text, "id", "2027-03-11", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert meeting["participant"] == ["agus-tri-wicaksono"]
    assert ("agus-tri-wicaksono", "head", "setda-kabupaten-pasuruan") in posts(draft)


def test_a_group_company_keeps_its_legal_form_and_its_director(gazetteer):
    text = ("Gowa - Delegasi Zunyi berada di Gowa sejak Senin (17/5/2027). Di antaranya Direktur Zunyi Maotai Tea "
            "Group Co., Ltd., Wang Haiping.\n")
    draft = extract(text, "id", "2027-05-19", gazetteer)
    company = next(e for e in draft.proposed if e["type"] == "Company")
    assert company["label"] == "Zunyi Maotai Tea Group Co., Ltd."
    assert ("wang-haiping", "director", company["id"]) in posts(draft)


def test_a_kadis_of_an_office_named_for_a_list_of_fields_heads_it(gazetteer):
    text = ("Gowa - Bupati didampingi Kadis Pertanian, Tanaman Pangan dan Hortikultura Gowa Ir. Hasnah Rahmi, serta "
            "Kadis Pariwisata Gowa Syahrul Tutu.\n")
    draft = extract(text, "id", "2027-05-19", gazetteer)
    named = labels(draft)
    heads = {holder: named.get(body, body) for holder, role, body in posts(draft) if role == "head"}
    assert heads["hasnah-rahmi"] == "Dinas Pertanian, Tanaman Pangan dan Hortikultura Gowa"
    assert heads["syahrul-tutu"] == "Dinas Pariwisata Gowa"


def test_dkp_is_an_agency_its_head_leads(gazetteer):
    text = "Nabire - Bupati didampingi Kepala DKP Kabupaten Nabire Agustinus Yeimo.\n"
    draft = extract(text, "id", "2027-11-12", gazetteer)
    assert [(holder, role) for holder, role, _ in posts(draft)] == [("agustinus-yeimo", "head")]


def test_a_delegation_that_arrived_on_monday_and_flew_on_on_thursday_stayed_those_days(gazetteer):
    text = ("Nabire - Bupati Nabire mengajak delegasi Kota Danzhou meninjau pelabuhan perikanan, Rabu (10/11).\n\n"
            "Rombongan yang tiba di Nabire Senin (8/11) itu sudah bertolak ke Jayapura, Kamis (11/11) kemarin.\n")
    visit, = facts(extract(text, "id", "2027-11-12", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2027-11-08", "2027-11-11")


def test_an_agreement_signed_on_a_weekday_said_with_lalu_is_dated_the_one_before(gazetteer):
    text = ("Peninjauan ini merupakan tindak lanjut LoI kerja sama perikanan yang diteken Pemkab Nabire dan Pemerintah "
            "Kota Danzhou di Nabire, Selasa lalu.\n")
    loi, = facts(extract(text, "id", "2027-11-12", gazetteer), "LetterOfIntent")  # a Friday
    assert loi["signedOn"] == "2027-11-09"


FORUM_TWO_DAYS = ("Pasuruan - Pemerintah Kabupaten Pasuruan menggelar Forum Temu Bisnis Pasuruan-Chuzhou di Pendopo "
                  "Nyawiji, Rabu (10/3/2027). Forum mempertemukan pelaku usaha dengan delegasi Kota Chuzhou, Provinsi "
                  "Anhui.\n\n"
                  "Forum terselenggara atas kerja sama tiga pihak, yakni Dinas Penanaman Modal dan Pelayanan Terpadu "
                  "Satu Pintu (DPMPTSP) Kabupaten Pasuruan, Kamar Dagang dan Industri (Kadin) Kabupaten Pasuruan, dan "
                  "Pemerintah Kota Chuzhou.\n\n"
                  "Delegasi berada di Kabupaten Pasuruan Rabu-Kamis (10-11/3/2027).\n")


def test_a_forum_on_the_first_of_the_two_days_a_delegation_stayed_is_within_its_visit(gazetteer):
    draft = extract(FORUM_TWO_DAYS, "id", "2027-03-11", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["startDate"], visit["endDate"]) == ("kabupaten-pasuruan", "2027-03-10", "2027-03-11")


def test_bodies_listed_with_commas_after_yakni_organised_it(gazetteer):
    meeting, = facts(extract(FORUM_TWO_DAYS, "id", "2027-03-11", gazetteer), "Meeting")
    assert len(meeting["organiser"]) >= 2


def test_the_province_a_city_lies_in_is_no_second_organiser(gazetteer):
    text = ("Siak - Tim Dekranasda Kabupaten Siak mengikuti Nantong Home Textile Fair 2027 yang diselenggarakan "
            "Pemerintah Kota Nantong, Provinsi Jiangsu, mulai 16 hingga 19 September 2027.\n")
    fair, = facts(extract(text, "id", "2027-09-20", gazetteer), "Expo")
    assert fair["organiser"] == ["nantong"]

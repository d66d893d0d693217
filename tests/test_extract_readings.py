"""The ways news writes posts, dates, visits and agreements, in both languages, on test texts of our own."""
from __future__ import annotations

import pytest
import yaml

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


@pytest.mark.parametrize("text, language, new, known", [
    ("Wali Kota Serang Budi Hartono menerima tamu. Budi mengatakan kerja sama akan berlanjut.\n", "id",
     "budi-hartono", "budi-rustandi"),
    ("Banten Governor Fahmi Ramadhan met the guests. Fahmi said ties were good.\n", "en",
     "fahmi-ramadhan", "fahmi-hakim"),
])
def test_people_are_never_merged_on_a_shared_first_name(gazetteer, text, language, new, known):
    draft = extract(text, language, "2025-03-01", gazetteer)
    assert known not in str(draft.facts + draft.pending) and known not in draft.mentioned
    assert new in {p["id"] for p in draft.proposed}
    assert draft.candidates[new] == [known]  # offered to the curator, not merged


def proposed(draft):
    return {p["id"]: p for p in draft.proposed}


@pytest.mark.parametrize("text, language, post", [
    # name before the title, in both languages
    ("Fahmi Rahman, Ketua DPRD Sumatera Barat, membuka rapat.", "id", ("fahmi-rahman", "chair", "dprd-sumatera-barat")),
    ("Wang Lei, director of the Hangzhou Commerce Bureau, said the talks went well.", "en",
     ("wang-lei", "director", "hangzhou-commerce-bureau")),
    # acting officials hold acting roles of their own
    ("Penjabat (Pj) Gubernur Kalimantan Barat Hendrik Saragih membuka pertemuan.", "id",
     ("hendrik-saragih", "acting-governor", "kalimantan-barat")),
    ("Plt Wali Kota Sorong Yohanis Kambu menerima tamu.", "id", ("yohanis-kambu", "acting-mayor", "kota-sorong")),
    ("The acting governor of West Kalimantan, Hendrik Saragih, opened the meeting.", "en",
     ("hendrik-saragih", "acting-governor", "kalimantan-barat")),
    # bracketed abbreviations of titles
    ("Wakil Gubernur (Wagub) Jawa Timur Hendra Kusuma hadir.", "id", ("hendra-kusuma", "vice-governor", "jawa-timur")),
    ("Wali Kota (Wako) Palembang Hidayat Nasution hadir.", "id", ("hidayat-nasution", "mayor", "kota-palembang")),
    # consuls and ambassadors hold their posts in their mission
    ("Turut hadir Konsul Jenderal (Konjen) Tiongkok di Medan, yaitu Mr. Zhou Haitao.", "id",
     ("zhou-haitao", "consul-general", "konjen-tiongkok-medan")),
    ("Consul General of China in Surabaya Gao Yuan attended.", "en",
     ("gao-yuan", "consul-general", "konjen-tiongkok-surabaya")),
    ("China's Consul General in Denpasar, Zhao Lin, met the guests.", "en",
     ("zhao-lin", "consul-general", "konjen-tiongkok-denpasar")),
    ("Duta Besar Indonesia untuk Tiongkok Djauhari Oratmangun memberi sambutan.", "id",
     ("djauhari-oratmangun", "ambassador", "kedubes-indonesia-beijing")),
    ("The guests met the speaker of the West Nusa Tenggara provincial legislature, Baiq Nurhayati.", "en",
     ("baiq-nurhayati", "chair", "west-nusa-tenggara-provincial-legislature")),
    # heads of agencies the gazetteer does not know, and "Kadis"
    ("Kepala Dinas Koperasi dan UKM Kota Medan, Sri Wahyuni, hadir.", "id",
     ("sri-wahyuni", "head", "dinas-koperasi-dan-ukm-kota-medan")),
    ("Kadis Perindag Kalbar, Agus Salim, mengatakan ekspor naik.", "id", ("agus-salim", "head", "dinas-perindag-kalbar")),
])
def test_posts_as_news_writes_them(gazetteer, text, language, post):
    draft = extract(text + "\n", language, "2025-03-01", gazetteer)
    assert posts(draft) == {post}
    assert post[0] in proposed(draft)


def test_a_consulate_is_proposed_with_its_names_in_both_languages(gazetteer):
    draft = extract("Turut hadir Konsul Jenderal (Konjen) Tiongkok di Medan, yaitu Mr. Zhou Haitao.\n", "id",
                    "2025-03-01", gazetteer)
    consulate = proposed(draft)["konjen-tiongkok-medan"]
    assert consulate["type"] == "Consulate"
    assert consulate["label"] == {"id": "Konsulat Jenderal Tiongkok di Medan", "en": "Consulate General of China in Medan"}
    assert "konjen" not in proposed(draft) and "wagub" not in proposed(draft)  # a title's abbreviation is no organisation


def test_a_list_of_name_and_title(gazetteer):
    text = ("Hadir Sri Wahyuni, Kepala Dinas Pariwisata Kota Medan; Bambang Setiadi, Direktur PT Maju Jaya; "
            "dan Li Wei, Ketua Kamar Dagang Nanning.\n")
    draft = extract(text, "id", "2025-03-01", gazetteer)
    assert posts(draft) == {("sri-wahyuni", "head", "dinas-pariwisata-kota-medan"),
                            ("bambang-setiadi", "director", "pt-maju-jaya"),
                            ("li-wei", "chair", "kamar-dagang-nanning")}
    assert proposed(draft)["pt-maju-jaya"]["type"] == "Company"


@pytest.mark.parametrize("text, language", [
    ("Ketua DPRD Nusa Tenggara Barat (NTB) periode 2024-2029, Baiq Nurhayati, menerima tamu.", "id"),
    ("Baiq Nurhayati, chair of the West Nusa Tenggara Provincial Council for the 2024-2029 term, met the guests.", "en"),
])
def test_terms_of_office(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-03-01", gazetteer)
    post, = facts(draft, "Post")
    assert (post["heldBy"], post["role"], post["termStart"], post["termEnd"]) == ("baiq-nurhayati", "chair", "2024",
                                                                                  "2029")


@pytest.mark.parametrize("text, language, published, date, weekday", [
    ("Delegasi Kota Nanning berkunjung ke Kota Medan, Rabu (14/5).", "id", "2025-05-15", "2025-05-14", "wednesday"),
    ("The Nanning delegation visited Medan City on Thursday (May 15).", "en", "2025-05-16", "2025-05-15", "thursday"),
    # published early in January, about late December: the year before
    ("Delegasi Kota Nanning berkunjung ke Kota Medan pada Selasa (30/12).", "id", "2026-01-02", "2025-12-30",
     "tuesday"),
    # only the month of publication is known
    ("The Nanning delegation visited Medan City on Friday (May 16).", "en", "2025-05", "2025-05-16", "friday"),
])
def test_day_and_month_without_a_year(gazetteer, text, language, published, date, weekday):
    draft = extract(text + "\n", language, published, gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["date"], visit["statedWeekday"]) == (date, weekday)
    assert draft.notes == []


def test_a_weekday_that_the_date_contradicts_is_noted(gazetteer):
    draft = extract("Delegasi Kota Nanning berkunjung ke Kota Medan, Senin (14/5).\n", "id", "2025-05-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["date"], visit["statedWeekday"]) == ("2025-05-14", "monday")  # both kept, for the curator
    assert draft.notes == ["“Senin (14/5)”: 2025-05-14 (the year of publication) is a Wednesday, not a Monday"]


@pytest.mark.parametrize("language, text", [
    ("id", "Delegasi Kota Nanning berkunjung ke Kota Medan, Rabu (14/5)."),
    ("en", "The Nanning delegation visited Medan City on Thursday (May 15)."),
])
def test_without_a_publication_date_a_date_needing_a_year_is_left_open(gazetteer, language, text):
    draft = extract(text + "\n", language, None, gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert "date" not in visit
    assert len(draft.notes) == 1 and "has no year and the publication date is not known" in draft.notes[0]


@pytest.mark.parametrize("text, language, published", [
    ("Kota Sorong dan Kota Zhanjiang menjalin kerja sama kota kembar. MoU kerja sama itu ditandatangani oleh "
     "Wali Kota Sorong Yohanis Kambu dan Wakil Wali Kota Zhanjiang Liu Peng pada Kamis (9/10) di Kantor Wali Kota "
     "Sorong.", "id", "2025-10-10"),
    ("Sorong City and Zhanjiang signed a memorandum of understanding on fisheries. The memorandum was signed on "
     "Thursday (Oct 9) at the Sorong Mayor's Office by Sorong Mayor Yohanis Kambu and Zhanjiang Vice Mayor Liu Peng.",
     "en", "2025-10-10"),
])
def test_signed_by_with_place_and_date_and_the_ceremony_as_an_event(gazetteer, text, language, published):
    draft = extract(text + "\n", language, published, gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert (mou["party"], mou["signedOn"], mou["signedAt"]) == (["kota-sorong", "zhanjiang"], "2025-10-09",
                                                                 "kota-sorong")
    assert sorted(mou["signatory"]) == ["liu-peng", "yohanis-kambu"]
    signing, = facts(draft, "Signing")
    assert (signing["location"], signing["date"], signing["statedWeekday"]) == ("kota-sorong", "2025-10-09",
                                                                                 "thursday")
    assert sorted(signing["participant"]) == ["liu-peng", "yohanis-kambu"]


def test_an_intent_letter_is_a_letter_of_intent(gazetteer):
    draft = extract("Semarang City and Wenzhou signed an Intent Letter on friendly cooperation.\n", "en",
                    "2025-02-13", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert loi["party"] == ["kota-semarang", "wenzhou"]


def test_a_caption_with_a_trailing_credit_repeats_no_agreement(gazetteer):
    text = ("Pemerintah Kabupaten Badung dan Pemerintah Kota Sanya menandatangani LoI kerja sama pariwisata.\n"
            "Wakil Wali Kota Sanya dan Bupati Badung bertukar naskah LoI. (Kabar Bali/Nama Fotografer)\n")
    draft = extract(text, "id", "2025-11-04", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert loi["party"] == ["kabupaten-badung", "sanya"]


@pytest.mark.parametrize("text, language", [
    ("Ketua Kadin Jatim Yusuf Effendi hadir.", "id"),
    ("Kadin Jatim chairman Yusuf Effendi said so.", "en"),
])
def test_a_regional_branch_is_not_the_national_organisation(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-03-01", gazetteer)
    assert posts(draft) == {("yusuf-effendi", "chair", "kadin-jatim")}
    assert proposed(draft)["kadin-jatim"]["type"] == "BusinessAssociation"
    assert "kadin" not in draft.mentioned


@pytest.mark.parametrize("text, language, expected", [
    ("Wakil Wali Kota Ambon Marthin Pattiasina menggelar pertemuan dengan delegasi Pemerintah Kota Zhangzhou di "
     "Balai Kota Ambon, Kamis (24/4). Delegasi dipimpin Wakil Wali Kota Zhangzhou Lin Qiang.", "id",
     {"type": "Meeting", "host": "kota-ambon", "guest": "zhangzhou", "ledBy": "lin-qiang", "venue": "Balai Kota Ambon",
      "date": "2025-04-24"}),
    ("Aceh Vice Governor Teuku Hasbi met with a delegation from China's Yunnan province on Wednesday (Jan 22). "
     "The delegation was led by Yang Fan, vice mayor of Kunming.", "en",
     {"type": "Meeting", "host": "aceh", "guest": "yunnan", "ledBy": "yang-fan", "date": "2025-01-22"}),
    ("Wali Kota Padang menerima kunjungan delegasi Kota Chengdu, Selasa (16/9). Ketua rombongan, Zhou Ming, "
     "menyampaikan terima kasih.", "id",
     {"type": "DelegationVisit", "host": "kota-padang", "guest": "chengdu", "ledBy": "zhou-ming"}),
    ("Delegasi Kota Chengdu berkunjung ke Kota Padang, Selasa (16/9). Zhou Ming, selaku ketua rombongan, "
     "menyampaikan terima kasih.", "id",
     {"type": "DelegationVisit", "host": "kota-padang", "guest": "chengdu", "ledBy": "zhou-ming"}),
])
def test_meetings_visits_and_who_led_them(gazetteer, text, language, expected):
    published = "2025-01-23" if "Jan" in text else "2025-09-17" if "16/9" in text else "2025-04-25"
    draft = extract(text + "\n", language, published, gazetteer)
    event, = facts(draft, expected["type"])
    assert {k: event.get(k) for k in expected} == expected


@pytest.mark.parametrize("text, language, organiser, partner", [
    ("Pameran Dagang Jawa Timur Expo 2025 diselenggarakan oleh Dinas Perindustrian dan Perdagangan Jawa Timur, "
     "bekerja sama dengan Konsulat Jenderal Tiongkok di Surabaya.", "id",
     "dinas-perindustrian-dan-perdagangan-jawa-timur", "konjen-tiongkok-surabaya"),
    ("The Surabaya Trade Expo 2025 was organised by the East Java Industry Office in partnership with the "
     "Guangdong Chamber of International Commerce.", "en", "east-java-industry-office",
     "guangdong-chamber-of-international-commerce"),
])
def test_organisers_and_partners(gazetteer, text, language, organiser, partner):
    draft = extract(text + "\n", language, "2025-08-21", gazetteer)
    expo, = facts(draft, "Expo")
    assert (expo["organiser"], expo["partner"]) == ([organiser], [partner])


def test_no_two_drafted_facts_share_a_value_that_yaml_would_write_as_an_alias(gazetteer):
    # a signing's participants are its agreement's signatories: written twice, never as &id001/*id001
    text = ("Kota Sorong dan Kota Zhanjiang menandatangani MoU di Sorong. MoU ditandatangani oleh Wali Kota Sorong "
            "Yohanis Kambu dan Wakil Wali Kota Zhanjiang Liu Peng pada Kamis (9/10) di Kantor Wali Kota Sorong.\n")
    draft = extract(text, "id", "2025-10-10", gazetteer)
    assert facts(draft, "Signing")
    dumped = yaml.safe_dump([*draft.facts, *draft.pending], allow_unicode=True)
    assert "&id" not in dumped and "*id" not in dumped


@pytest.mark.parametrize("text, language, sectors", [
    ("Kota Makassar dan Kota Haikou menandatangani LoI. Andi mengatakan kerja sama akan difokuskan pada pariwisata, "
     "perikanan, dan pendidikan.", "id", ["tourism", "fisheries", "education"]),
    ("Makassar City and Haikou signed an LoI. The cooperation will cover tourism, trade and port development.", "en",
     ["tourism", "trade", "logistics"]),
])
def test_what_the_one_agreement_of_an_article_covers(gazetteer, text, language, sectors):
    draft = extract(text + "\n", language, "2025-06-21", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert loi["sector"] == sectors


@pytest.mark.parametrize("text, fact", [
    ("Zhanjiang, a coastal city in south China's Guangdong Province, signed the deal.",
     {"about": "zhanjiang", "locatedIn": "guangdong"}),
    ("Haikou, capital of south China's Hainan Province, signed the deal.", {"about": "haikou", "capitalOf": "hainan"}),
    ("The deal links Sorong City in Indonesia's Southwest Papua province with the port.",
     {"about": "kota-sorong", "locatedIn": "papua-barat-daya"}),
])
def test_where_a_region_lies_written_with_a_country_possessive(gazetteer, text, fact):
    draft = extract(text + "\n", "en", "2025-06-21", gazetteer)
    about = [{k: v for k, v in f.items() if k in ("about", "capitalOf", "locatedIn")} for f in facts(draft)
             if "about" in f]
    assert fact in about


def test_a_town_named_only_in_the_dateline_is_not_where_the_meeting_was(gazetteer):
    text = ("Pontianak (Kabar Kalbar) - Gubernur Kalimantan Barat Ria Norsan menggelar pertemuan dengan delegasi "
            "Kota Chongqing, Senin (7/7).\n")
    draft = extract(text, "id", "2025-07-08", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert (meeting["host"], meeting["guest"]) == ("kalimantan-barat", "chongqing")
    assert "location" not in meeting  # the reporter's town, not the story's
    assert "kabar" not in str(draft.facts + draft.pending + draft.proposed).lower()  # the outlet is no one


def test_an_embassy_as_partner(gazetteer):
    text = ("Kota Makassar dan Kota Haikou menandatangani LoI di Haikou oleh Wali Kota Makassar Andi Baso. "
            "Penandatanganan tersebut difasilitasi Kedutaan Besar Republik Indonesia (KBRI) di Beijing.\n")
    draft = extract(text, "id", "2025-06-21", gazetteer)
    signing, = facts(draft, "Signing")
    assert signing["partner"] == ["kedubes-indonesia-beijing"]
    embassy = proposed(draft)["kedubes-indonesia-beijing"]
    assert embassy["type"] == "Embassy" and "KBRI Beijing" in embassy["alias"]


def test_an_agency_written_with_its_acronym_and_region(gazetteer):
    text = ("Pameran Dagang Expo 2025 dibuka. Expo tersebut diselenggarakan Dinas Perindustrian dan Perdagangan "
            "(Disperindag) Jawa Timur.\n")
    draft = extract(text, "id", "2025-08-21", gazetteer)
    expo, = facts(draft, "Expo")
    agency = "dinas-perindustrian-dan-perdagangan-jawa-timur"
    assert expo["organiser"] == [agency] and agency not in expo.get("participant", [])
    assert proposed(draft)[agency]["alias"][0] == "Disperindag Jawa Timur"
    assert "disperindag" not in proposed(draft)  # never written without its region


def test_a_provincial_government_organises_as_its_province(gazetteer):
    text = ("Konsul Jenderal Tiongkok di Surabaya Gao Yuan membuka pameran. Pameran Dagang Expo 2025 "
            "diselenggarakan oleh Pemerintah Provinsi Jawa Timur di Grand City Convention and Exhibition Surabaya.\n")
    draft = extract(text, "id", "2025-08-24", gazetteer)
    expo, = facts(draft, "Expo")
    assert expo["organiser"] == ["jawa-timur"]
    assert expo["venue"] == "Grand City Convention and Exhibition Surabaya"


def test_the_city_in_a_consul_title_is_not_where_the_meeting_was(gazetteer):
    text = ("China's Consul General in Denpasar, Zhao Lin, met the speaker of the West Nusa Tenggara provincial "
            "legislature, Baiq Nurhayati, on Tuesday (March 11).\n")
    draft = extract(text, "en", "2025-03-12", gazetteer)
    events = [f for f in facts(draft) if f.get("type") in ("Meeting", "DelegationVisit")]
    assert all("kota-denpasar" not in (f.get("location"), f.get("host")) for f in events), events


@pytest.mark.parametrize("text, language", [
    ("The guests were received by the speaker of the Banten provincial legislature, Rina Marlina.", "en"),
    ("Ketua Dewan Perwakilan Rakyat Daerah Banten, Rina Marlina, menerima para tamu.", "id"),
    ("Rina Marlina, the chair of the Banten Provincial People's Council, received the guests.", "en"),
])
def test_a_legislature_is_known_by_its_kind_and_region_in_either_language(gazetteer, text, language):
    # the gazetteer's DPRD Provinsi Banten, whatever words name it: not a new legislature
    draft = extract(text + "\n", language, "2025-03-01", gazetteer)
    assert posts(draft) == {("rina-marlina", "chair", "dprd-banten")}
    assert {p["type"] for p in draft.proposed} == {"Person"}


def test_a_legislature_of_another_region_is_a_new_one(gazetteer):
    draft = extract("The guests met the speaker of the Lampung provincial legislature, Rina Marlina.\n", "en",
                    "2025-03-01", gazetteer)
    legislature, = [p for p in draft.proposed if p["type"] == "Legislature"]
    assert legislature["id"] == "lampung-provincial-legislature" and draft.seats[legislature["id"]] == "lampung"


@pytest.mark.parametrize("text, language", [
    ("Consul General of China in Surabaya Wu Gang met the chair of the Banten provincial legislature, "
     "Rina Marlina, on Monday (March 3) to talk about tourism.", "en"),
    ("Konsul Jenderal Tiongkok di Surabaya, Wu Gang, bertemu Ketua DPRD Banten Rina Marlina pada Senin (3/3).", "id"),
])
def test_one_official_meeting_another_is_a_meeting_of_their_sides(gazetteer, text, language):
    # no delegation named: the official named first came to the other's house
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert (meeting["host"], meeting["guest"], meeting["ledBy"], meeting["date"]) == \
        ("dprd-banten", "konjen-tiongkok-surabaya", "wu-gang", "2025-03-03")


@pytest.mark.parametrize("text, language, town", [
    ("Pameran Produk Unggulan Expo 2025 dibuka di Hotel Santika Pekanbaru, Senin (3/3).", "id", "kota-pekanbaru"),
    ("The Spice Route Trade Expo 2025 opened at the Harbour Convention Center Makassar on Monday (March 3).", "en",
     "kota-makassar"),
])
def test_an_expo_is_in_the_town_its_hall_is_named_after(gazetteer, text, language, town):
    draft = extract(text + "\n", language, "2025-03-04", gazetteer)
    expo, = facts(draft, "Expo")
    assert expo["location"] == town and expo["venue"].endswith(expo["venue"].split()[-1])


@pytest.mark.parametrize("text, language, expected", [
    # a letter of intent for a tie: the tie is its aim, not drafted as existing
    ("Kota Serang dan Kota Binzhou menandatangani LoI kota kembar di Binzhou.", "id", ["LetterOfIntent"]),
    ("Serang and Binzhou signed a letter of intent on becoming sister cities.", "en", ["LetterOfIntent"]),
    # an agreement still to come is not one
    ("Kota Serang dan Kota Binzhou menandatangani LoI. LoI itu menjadi langkah awal menuju perjanjian kerja sama "
     "yang lebih rinci.", "id", ["LetterOfIntent"]),
    ("Serang and Binzhou signed a letter of intent, paving the way for a memorandum of understanding.", "en",
     ["LetterOfIntent"]),
    # a memorandum that makes two cities sister cities: both are facts
    ("Kota Serang dan Kota Binzhou resmi menjadi kota kembar setelah menandatangani MoU.", "id",
     ["MemorandumOfUnderstanding", "SisterCityRelationship"]),
])
def test_what_an_agreement_is_for_or_leads_to_is_not_another_agreement(gazetteer, text, language, expected):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    kinds = sorted(f["type"] for f in facts(draft) if "party" in f)
    assert kinds == expected


@pytest.mark.parametrize("text, key, expected, label", [
    # an English office named with its region after "of"
    ("Serang City and Binzhou signed an LoI. The letter was signed by Serang Mayor Budi Rustandi at a ceremony organised by "
     "the Foreign Affairs Office of Shandong Province.", "organiser", "foreign-affairs-office-of-shandong-province",
     "Foreign Affairs Office of Shandong Province"),
    # a unit of a known organisation, in lower case after its possessive
    ("Serang City and Binzhou signed an LoI. The letter was signed by Serang Mayor Budi Rustandi in a ceremony organised by "
     "the Serang City Government's international cooperation bureau.", "organiser", "serang-city-government-international-cooperation-bureau",
     "Serang City Government international cooperation bureau"),
    # "arranged by": the one who made the visit happen, beside those who made it
    ("The Binzhou delegation visited Serang City on Monday (March 3). The visit was arranged by the Consulate "
     "General of the People's Republic of China in Surabaya.", "partner", "konjen-tiongkok-surabaya", None),
])
def test_organisations_as_english_news_writes_them(gazetteer, text, key, expected, label):
    draft = extract(text + "\n", "en", "2025-03-05", gazetteer)
    fact, = [f for f in facts(draft) if key in f]
    assert fact[key] == [expected]
    assert "kota-surabaya" not in (fact.get("location"), fact.get("host"))  # the consulate's town, not the visit's
    if label:
        assert proposed(draft)[expected]["label"] == label


def test_a_chapter_of_a_chamber_and_its_short_name_in_brackets(gazetteer):
    text = ("The Serang Trade Expo 2025 opened on Monday (March 3). It is organised by the Banten chapter of the "
            "Indonesian Chamber of Commerce and Industry (Kadin Banten) together with the Shandong Chamber of "
            "International Commerce. Also attending was Rudy Tan, chairman of the Serang chapter of the Indonesian "
            "Chamber of Commerce and Industry, and Lin Feng, director of Binzhou Harbour Shipping Co.\n")
    draft = extract(text, "en", "2025-03-05", gazetteer)
    expo, = facts(draft, "Expo")
    assert expo["organiser"] == ["kadin-banten", "shandong-chamber-of-international-commerce"]
    assert posts(draft) == {("rudy-tan", "chair", "serang-chapter-of-the-indonesian-chamber-of-commerce-and-industry"),
                            ("lin-feng", "director", "binzhou-harbour-shipping-co")}
    assert proposed(draft)["binzhou-harbour-shipping-co"]["type"] == "Company"


@pytest.mark.parametrize("text, language, fact", [
    ("Serang is the capital of Banten province.", "en", {"about": "kota-serang", "capitalOf": "banten"}),
    ("Kota Serang merupakan ibu kota Provinsi Banten.", "id", {"about": "kota-serang", "capitalOf": "banten"}),
    ("The guests came from Jinan, the provincial capital of Shandong.", "en",
     {"about": "jinan", "capitalOf": "shandong"}),
])
def test_a_capital_said_as_a_sentence_of_its_own(gazetteer, text, language, fact):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    assert fact in [{k: f[k] for k in ("about", "capitalOf") if k in f} for f in facts(draft) if "about" in f]


@pytest.mark.parametrize("text, language, post", [
    # a new person in an apposition with a regional post
    ("The delegation was led by Wang Tao, vice mayor of Jinan.", "en", ("wang-tao", "deputy-mayor", "jinan")),
    # the larger region set off by commas between the post's place and the name
    ("Wakil Wali Kota Liuzhou, Daerah Otonom Guangxi Zhuang, Qin Hua, menandatangani LoI.", "id",
     ("qin-hua", "deputy-mayor", "liuzhou")),
    # an office, its bracketed short form, then its region: named with the region in full
    ("Hadir mendampingi, Kepala Dinas Pariwisata dan Kebudayaan (Kadis Parbud) Banten, Agus Salim.", "id",
     ("agus-salim", "head", "dinas-pariwisata-dan-kebudayaan-banten")),
])
def test_more_posts_as_news_writes_them(gazetteer, text, language, post):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    assert post in posts(draft)


@pytest.mark.parametrize("text, holder, org", [
    # news names a person in full once, then by one name: the words it uses alone are the holder's
    ("Pertemuan itu dihadiri Ketua Kamar Dagang Banten-Binzhou Rina Marlina. Menurut Rina, pengusaha Binzhou "
     "tertarik membuka pabrik.", "rina-marlina", "kamar-dagang-banten-binzhou"),
])
def test_a_holder_glued_to_the_organisation_is_told_apart_by_a_later_mention(gazetteer, text, holder, org):
    draft = extract(text + "\n", "id", "2025-03-05", gazetteer)
    assert posts(draft) == {(holder, "chair", org)}
    assert proposed(draft)[org]["label"] == "Kamar Dagang Banten-Binzhou"


def test_without_a_later_mention_the_glued_name_is_left_for_review(gazetteer):
    draft = extract("Pertemuan itu dihadiri Ketua Kamar Dagang Banten-Binzhou Rina Marlina.\n", "id", "2025-03-05",
                    gazetteer)
    assert "rina-marlina" not in proposed(draft)  # no evidence where the name ends: not guessed


@pytest.mark.parametrize("text, language, post", [
    ("Andi Wijaya, who chairs the Banten provincial legislature, welcomed the guests.", "en",
     ("andi-wijaya", "chair", "dprd-banten")),
    ("Rina Marlina, who heads the Serang Tourism Office, presented the plan.", "en",
     ("rina-marlina", "head", "serang-tourism-office")),
    ("Rina Marlina, yang memimpin Dinas Pariwisata Kota Serang, memaparkan rencana itu.", "id",
     ("rina-marlina", "head", "dinas-pariwisata-kota-serang")),
])
def test_a_post_said_with_a_verb(gazetteer, text, language, post):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    assert posts(draft) == {post}


def test_the_legislature_a_visit_went_to_and_who_leads_it_for_a_term(gazetteer):
    text = ("A Binzhou delegation visited the Banten Provincial Legislature on Monday (March 3). Andi Wijaya, who "
            "leads the legislature for the 2024-2029 term, welcomed the guests. Fahmi, who leads the legislature, "
            "spoke too.\n")
    draft = extract(text, "en", "2025-03-05", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("dprd-banten", "binzhou")
    post, = facts(draft, "Post")  # "Fahmi" alone is not the known Fahmi Hakim, nor anyone named here
    assert (post["heldBy"], post["role"], post["postIn"], post["termStart"], post["termEnd"]) == \
        ("andi-wijaya", "chair", "dprd-banten", "2024", "2029")


def test_a_legislature_named_in_lower_case_after_its_region_is_one_mention(gazetteer):
    # "West Nusa Tenggara" alone is the province; with "provincial legislature" after it, the legislature
    text = ("Rina Marlina, the speaker of the Lampung provincial legislature, met the guests. Rina Marlina, who "
            "chairs the legislature for the 2024-2029 term, thanked them.\n")
    draft = extract(text, "en", "2025-03-05", gazetteer)
    post, = facts(draft, "Post")
    assert (post["postIn"], post["termStart"], post["termEnd"]) == ("lampung-provincial-legislature", "2024", "2029")


@pytest.mark.parametrize("text, language, kind, sectors", [
    # what a visitor proposes or invites the hosts to
    ("A delegation from Binzhou visited Serang City on Monday (March 3). Qu Yuekuan proposed exchanges between "
     "vocational schools and invited small and medium enterprises to a fair.", "en", "DelegationVisit",
     ["vocational-education", "msme"]),
    # what an expo is said to bring together
    ("Serang Trade Expo 2025 dibuka di Kota Serang, Senin (3/3). Pameran ini mempertemukan pelaku UMKM dengan "
     "pembeli dari Binzhou.", "id", "Expo", ["trade", "msme"]),
    # what an agreement will cover, and farming
    ("Serang City and Binzhou signed an MoU on Monday (March 3). The two cities will cooperate in farming and "
     "tourism.", "en", "MemorandumOfUnderstanding", ["agriculture", "tourism"]),
])
def test_sectors_as_news_writes_them(gazetteer, text, language, kind, sectors):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    fact, = facts(draft, kind)
    assert fact["sector"] == sectors


@pytest.mark.parametrize("text, language, venue", [
    ("Wali Kota Serang Budi Rustandi menerima delegasi Kota Binzhou di ruang rapat utama Balai Kota Serang, "
     "Senin (3/3).", "id", "ruang rapat utama Balai Kota Serang"),
    ("Serang Mayor Budi Rustandi received a Binzhou delegation at the mayor's residence on Monday (March 3).", "en",
     "mayor's residence"),
    ("Serang Mayor Budi Rustandi received a Binzhou delegation at the Serang Municipal Government building on "
     "Monday (March 3).", "en", "Serang Municipal Government building"),
    ("Serang Mayor Budi Rustandi received a Binzhou delegation at the regent's office in Ciruas on Monday "
     "(March 3).", "en", "regent's office in Ciruas"),
])
def test_venues_and_the_visited_town_as_the_place(gazetteer, text, language, venue):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    # a visit to a city takes place there; the building is its venue
    assert (visit["host"], visit["location"], visit["venue"]) == ("kota-serang", "kota-serang", venue)


def test_a_list_of_titles_and_names_is_no_apposition(gazetteer):
    text = ("Pertemuan itu dihadiri oleh Wakil Bupati Rina Marlina, Wakil Wali Kota Binzhou Wang Tao, serta anggota "
            "Kadin.\n")
    draft = extract(text, "id", "2025-03-05", gazetteer)
    assert ("wang-tao", "deputy-mayor", "binzhou") in posts(draft)
    assert ("rina-marlina", "deputy-mayor", "binzhou") not in posts(draft)


@pytest.mark.parametrize("text, language, kind, leader, others", [
    # who else was there, in a line of its own
    ("Wali Kota Serang Budi Rustandi menerima delegasi Kota Binzhou, Senin (3/3). Turut mendampingi, Rina Marlina, "
     "Kepala Dinas Pariwisata Kota Serang.", "id", "DelegationVisit", None, ["budi-rustandi", "rina-marlina"]),
    ("A Binzhou delegation visited Serang City on Monday (March 3). The delegation was led by Binzhou Vice Mayor "
     "Wang Tao. Also present was Li Hua, director of the Binzhou Commerce Bureau.", "en", "DelegationVisit",
     "wang-tao", ["wang-tao", "li-hua"]),
    # a leader named by title and one name: the person the article named in full
    ("Wali Kota Serang Andi Wijaya memimpin kunjungan ke Kota Binzhou, Senin (3/3). Wako Andi selaku ketua "
     "rombongan berada di Binzhou selama tiga hari.", "id", "DelegationVisit", "andi-wijaya", ["andi-wijaya"]),
    # the visiting delegation's leader at an expo
    ("Serang Trade Expo 2025 dibuka di Kota Serang, Senin (3/3). Delegasi Binzhou dipimpin Wang Tao, Direktur Biro "
     "Perdagangan Kota Binzhou.", "id", "Expo", "wang-tao", ["wang-tao"]),
])
def test_who_led_and_who_else_was_there(gazetteer, text, language, kind, leader, others):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    event, = facts(draft, kind)
    assert event.get("ledBy") == leader
    assert event["participant"] == others


def test_an_office_head_travelling_along_is_not_the_visiting_side(gazetteer):
    # the signing is the story; "Dalam kunjungan ke Binzhou" mentions the trip in passing, with an office's head
    text = ("Kota Serang dan Kota Binzhou menandatangani LoI. LoI itu ditandatangani oleh Wali Kota Serang Budi "
            "Rustandi pada Jumat (7/3) di Binzhou. Penandatanganan tersebut difasilitasi Kadin. Dalam kunjungan ke "
            "Binzhou, Budi didampingi Kepala Dinas Pariwisata Kota Serang Rina Marlina.\n")
    draft = extract(text, "id", "2025-03-08", gazetteer)
    assert not facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert "rina-marlina" in signing["participant"]


@pytest.mark.parametrize("text, language, expected", [
    ("Gubernur Banten membuka Serang Trade Expo 2025 di Kota Serang, Rabu (5/3). Pameran yang berlangsung hingga "
     "Sabtu (8/3) itu diikuti 90 perusahaan.", "id",
     {"startDate": "2025-03-05", "endDate": "2025-03-08", "statedWeekday": "wednesday"}),
    ("Serang Trade Expo 2025 resmi ditutup pada Sabtu (8/3).", "id", {"endDate": "2025-03-08"}),
    ("The Serang Trade Expo 2025 opened in Serang City on Wednesday (March 5).", "en",
     {"startDate": "2025-03-05", "statedWeekday": "wednesday"}),
])
def test_an_expo_opens_and_closes(gazetteer, text, language, expected):
    draft = extract(text + "\n", language, "2025-03-09", gazetteer)
    expo, = facts(draft, "Expo")
    assert {k: expo[k] for k in ("date", "startDate", "endDate", "statedWeekday") if k in expo} == expected


@pytest.mark.parametrize("text, language", [
    ("A delegation from Serang City, led by Mayor Andi Wijaya, visited Binzhou on Monday (March 3).", "en"),
    ("Rombongan dari Kota Serang yang dipimpin Wali Kota Andi Wijaya mengunjungi Binzhou, Senin (3/3).", "id"),
])
def test_a_leaders_title_without_a_place_is_held_where_the_delegation_comes_from(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    assert posts(draft) == {("andi-wijaya", "mayor", "kota-serang")}


@pytest.mark.parametrize("text, language, post, label", [
    ("Kepala dinas pariwisata Kota Serang, Rina Marlina, memaparkan rencana itu.", "id",
     ("rina-marlina", "head", "dinas-pariwisata-kota-serang"), "Dinas Pariwisata Kota Serang"),
    ("Rina Marlina, head of the Serang City tourism office, presented the plan.", "en",
     ("rina-marlina", "head", "serang-city-tourism-office"), "Serang City Tourism Office"),
])
def test_an_office_written_in_lower_case(gazetteer, text, language, post, label):
    draft = extract(text + "\n", language, "2025-03-05", gazetteer)
    assert posts(draft) == {post}
    assert proposed(draft)[post[2]]["label"] == label


def test_a_city_title_reads_the_name_before_it_as_the_city(gazetteer):
    # "Yogyakarta" alone names the province; "Deputy Mayor" says it is the city, and the vice mayor named
    # later keeps a post of his own (never given to the name before him)
    draft = extract("Yogyakarta Deputy Mayor Agus Setiawan opened the fair alongside Zhou Min, vice mayor of "
                    "Wuhan.\n", "en", "2025-03-01", gazetteer)
    assert posts(draft) == {("agus-setiawan", "deputy-mayor", "kota-yogyakarta"),
                            ("zhou-min", "deputy-mayor", "wuhan")}


def test_no_located_in_that_the_gazetteer_contradicts(gazetteer):
    # "… Sichuan di Indonesia": an association's home abroad, not Sichuan placed in Indonesia
    draft = extract("Pameran itu diselenggarakan bersama Asosiasi Pengusaha Sichuan di Indonesia. Kota Padang di "
                    "Sumatera Barat menjadi tuan rumah.\n", "id", "2025-03-01", gazetteer)
    located = {(f["about"], f["locatedIn"]) for f in facts(draft) if "locatedIn" in f}
    assert ("sichuan", "indonesia") not in located
    assert ("kota-padang", "sumatera-barat") in located  # one the gazetteer agrees with is still drafted


@pytest.mark.parametrize("text, language, host, guest", [
    ("Pemerintah Provinsi Riau menggelar Forum Investasi Riau-Sichuan di Pekanbaru, Selasa (3/6). Delegasi "
     "Sichuan dipimpin Wakil Gubernur Sichuan Li Hong.\n", "id", "riau", "sichuan"),
    ("Sebanyak 20 pengusaha dari Provinsi Sichuan mengikuti forum bisnis di Kota Padang, Selasa (3/6). "
     "Rombongan Sichuan dipimpin Li Hong.\n", "id", "kota-padang", "sichuan"),
])
def test_a_business_forum_is_a_meeting(gazetteer, text, language, host, guest):
    event, = facts(extract(text, language, "2025-06-05", gazetteer), "Meeting")
    assert (event["host"], event["guest"], event["date"]) == (host, guest, "2025-06-03")


@pytest.mark.parametrize("text, language", [
    ("A four-day Sichuan culture and food week opened at the Padang city hall on Thursday (Jun 5), bringing "
     "tea masters and dancers to the city. The event runs until Sunday (Jun 8).\n", "en"),
    ("Festival Budaya Sichuan dibuka di Padang, Kamis (5/6), dan berlangsung hingga Minggu (8/6).\n", "id"),
])
def test_a_culture_week_or_festival_is_an_event(gazetteer, text, language):
    event, = facts(extract(text, language, "2025-06-09", gazetteer), "Expo")
    assert event["startDate"] == "2025-06-05"


def test_a_governor_title_reads_a_city_named_name_as_the_province(gazetteer):
    # the article names Kota Jambi first; "Gubernur Jambi" is still the province's governor
    draft = extract("Forum itu digelar di Kota Jambi. Forum dibuka Gubernur Jambi Rusdi Hamzah.\n", "id",
                    "2025-06-09", gazetteer)
    assert ("rusdi-hamzah", "governor", "jambi") in posts(draft)


def test_a_visit_to_a_chinese_legislature_named_in_indonesian(gazetteer):
    # the host is the congress the delegation went to, not the city it sits in
    draft = extract("Rombongan DPRD Sumatera Barat melakukan kunjungan kerja ke Kongres Rakyat Provinsi Yunnan di "
                    "Kunming, Senin (7/7).\n", "id", "2025-07-09", gazetteer)
    event, = facts(draft, "DelegationVisit")
    assert proposed(draft)[event["host"]]["label"] == "Kongres Rakyat Provinsi Yunnan"
    assert proposed(draft)[event["host"]]["type"] == "Legislature"
    assert event["location"] == "kunming"


@pytest.mark.parametrize("text, language", [
    ("Gubernur Riau Ahmad Syukri bertemu Duta Besar Republik Rakyat Tiongkok untuk Indonesia, Chen Bo, di "
     "Pekanbaru.\n", "id"),
    ("Riau Governor Ahmad Syukri met the Ambassador of China to Indonesia, Chen Bo, in Pekanbaru.\n", "en"),
])
def test_an_ambassador_to_a_country_heads_the_embassy_in_its_capital(gazetteer, text, language):
    draft = extract(text, language, "2025-07-09", gazetteer)
    held = {(holder, role): place for holder, role, place in posts(draft)}
    assert proposed(draft)[held["chen-bo", "ambassador"]]["label"]["en"] == "Embassy of China in Jakarta"


@pytest.mark.parametrize("text, language", [
    ("Pemerintah Kota Padang dan Pemerintah Kota Kunming menandatangani Letter of Intent (LoI) kota kembar di "
     "Kunming, Rabu (9/7). Penandatanganan dilakukan oleh Wali Kota Padang Fadli Amran dan Wakil Wali Kota Kunming "
     "Gao Feng. Turut menyaksikan Kepala Dinas Pariwisata Kota Padang, Sari Dewi.\n", "id"),
    ("The Padang and Kunming city governments signed a Letter of Intent on sister-city ties in Kunming on "
     "Wednesday (Jul 9). The signing was done by Padang Mayor Fadli Amran and Kunming Vice Mayor Gao Feng. "
     "It was witnessed by Sari Dewi, head of the Padang City Tourism Office.\n", "en"),
])
def test_who_signed_said_in_the_next_sentence(gazetteer, text, language):
    draft = extract(text, language, "2025-07-10", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert sorted(loi["signatory"]) == ["fadli-amran", "gao-feng"]
    signing, = facts(draft, "Signing")
    assert set(signing["participant"]) == {"fadli-amran", "gao-feng", "sari-dewi"}


def test_a_two_word_town_written_as_one_word(gazetteer):
    # "Pangkal Pinang" is mostly written "Pangkalpinang": the visit takes place there, not in the regency a
    # later sentence names in passing
    draft = extract("Bangka Belitung Governor Hendra Wijaya received a delegation from Hefei at his office in "
                    "Pangkalpinang on Monday (Oct 6). A member of the delegation said a factory could follow in "
                    "South Bangka after the meeting.\n", "en", "2025-10-08", gazetteer)
    event, = facts(draft, "DelegationVisit")
    assert event["location"] == "kota-pangkal-pinang"


@pytest.mark.parametrize("text, language, fact_type, expected", [
    # a signer saying, in quotes, what the cooperation will cover
    ("Kota Padang dan Kota Kunming menandatangani Letter of Intent (LoI) kota kembar di Kunming, Rabu (9/7). "
     "“Kerja sama pertama akan kami fokuskan pada perikanan dan pariwisata,” kata Fadli.\n", "id",
     "LetterOfIntent", {"fisheries", "tourism"}),
    # what the visitors are said to be interested in
    ("Delegasi Provinsi Sichuan berkunjung ke Kota Padang, Rabu (9/7). Ketua rombongan mengatakan pengusaha "
     "Sichuan tertarik pada perikanan dan pariwisata di Padang.\n", "id", "DelegationVisit",
     {"fisheries", "tourism"}),
])
def test_sectors_said_as_a_focus_or_an_interest(gazetteer, text, language, fact_type, expected):
    fact, = facts(extract(text, language, "2025-07-10", gazetteer), fact_type)
    assert expected <= set(fact.get("sector", []))


def test_an_office_named_with_its_field_and_no_region_from_a_demonym(gazetteer):
    draft = extract("Li Ping, director of the Sichuan Provincial Department of Education and Sports, said schools from "
                    "the southwest Chinese province would come to the city.\n", "en", "2025-07-10", gazetteer)
    assert ("li-ping", "director", "sichuan-provincial-department-of-education-and-sports") in posts(draft)
    assert not [p for p in draft.proposed if "chinese" in p["id"]]  # no region called "Chinese"


@pytest.mark.parametrize("text, post", [
    ("Sari Dewi, the Indonesian consul general in Chengdu, also attended the signing.",
     ("sari-dewi", "consul-general", "Consulate General of Indonesia in Chengdu")),
    ("Riau Governor Ahmad Syukri met Chen Bo, the Chinese ambassador to Indonesia, in Pekanbaru.",
     ("chen-bo", "ambassador", "Embassy of China in Jakarta")),
])
def test_a_diplomat_named_by_his_countrys_people(gazetteer, text, post):
    draft = extract(text + "\n", "en", "2025-07-10", gazetteer)
    held = {(holder, role): place for holder, role, place in posts(draft)}
    assert proposed(draft)[held[post[:2]]]["label"]["en"] == post[2]


@pytest.mark.parametrize("text, language, post, label", [
    # an abbreviated given name is part of the name, not the end of a sentence
    ("Kepala Dinas Perikanan Kota Ambon, Moh. Rizal Tuasikal, membuka acara.", "id",
     ("moh-rizal-tuasikal", "head", "dinas-perikanan-kota-ambon"), "Moh. Rizal Tuasikal"),
    ("The fair was opened by Ambon Mayor M. Yani Latuconsina on Monday.", "en",
     ("m-yani-latuconsina", "mayor", "kota-ambon"), "M. Yani Latuconsina"),
    # a lower-case honorific ("dr.") and a degree after the name
    ("Acara dibuka Wali Kota Ambon, dr. Yani Latuconsina, Sp.A, di balai kota.", "id",
     ("yani-latuconsina", "mayor", "kota-ambon"), "Yani Latuconsina"),
    ("Bupati Lebak, Hj. Siti Aminah, S.E., M.M., menerima tamu dari Kota Nanning.", "id",
     ("siti-aminah", "regent", "kabupaten-lebak"), "Siti Aminah"),
])
def test_names_with_abbreviations_honorifics_and_degrees(gazetteer, text, language, post, label):
    draft = extract(text + "\n", language, "2025-03-01", gazetteer)
    assert post in posts(draft)
    assert proposed(draft)[post[0]]["label"] == label
    assert len([s for s in facts(draft) if s.get("type") == "Post"]) == 1  # the name was not cut into two


@pytest.mark.parametrize("text, language, expected", [
    # the visitors described before where they come from; the host said by who received them, a sentence later;
    # a title in lower case; a day and month with neither weekday nor year
    ("A delegation from the southern Chinese city of Nanning toured a fish market in Ambon on Oct 7. The "
     "visitors, led by Nanning vice mayor Li Qiang, were received by Ambon Mayor Yani Latuconsina.", "en",
     {"type": "DelegationVisit", "host": "kota-ambon", "guest": "nanning", "ledBy": "li-qiang", "date": "2025-10-07"}),
    ("Rombongan pengusaha dari Kota Nanning meninjau pasar ikan di Ambon pada 7 Oktober. Rombongan yang dipimpin "
     "Wakil Wali Kota Nanning Li Qiang itu disambut Wali Kota Ambon Yani Latuconsina.", "id",
     {"type": "DelegationVisit", "host": "kota-ambon", "guest": "nanning", "ledBy": "li-qiang", "date": "2025-10-07"}),
])
def test_a_visit_said_over_two_sentences(gazetteer, text, language, expected):
    draft = extract(text + "\n", language, "2025-10-09", gazetteer)
    event, = facts(draft, expected["type"])
    assert {k: event.get(k) for k in expected} == expected
    assert "yani-latuconsina" in event["participant"]
    assert ("li-qiang", "deputy-mayor", "nanning") in posts(draft)


def test_a_range_said_with_sampai_dengan(gazetteer):
    draft = extract("Delegasi Kota Nanning berkunjung ke Kota Ambon pada tanggal 6 sampai dengan 8 Oktober 2025.\n",
                    "id", "2025-10-09", gazetteer)
    event, = facts(draft, "DelegationVisit")
    assert (event["startDate"], event["endDate"]) == ("2025-10-06", "2025-10-08")


@pytest.mark.parametrize("text, language, party, signatories", [
    # a college signs with a province; officials only witness; the college's town is no party
    ("Pemerintah Provinsi Maluku dan Nanning Polytechnic of Commerce dari Kota Nanning meneken nota kesepahaman "
     "(MoU) pelatihan vokasi, Senin (6/10/2025). Nota kesepahaman ditandatangani oleh Gubernur Maluku, Hendrik "
     "Lewerissa, dan Rektor Nanning Polytechnic of Commerce, Wei Dong, di Gedung Siwalima, Kota Ambon. "
     "Penandatanganan disaksikan Kepala Dinas Pendidikan Provinsi Maluku, Sarah Latuheru.", "id",
     "nanning-polytechnic-of-commerce", ["hendrik-lewerissa", "wei-dong"]),
    ("Maluku province and Universitas Pattimura signed a memorandum of understanding on marine research on Monday "
     "(Oct 6). The memorandum was signed by Maluku Governor Hendrik Lewerissa and the university's rector, "
     "Sarah Latuheru, at the governor's office in Ambon. The signing was witnessed by Chinese Consul General "
     "Wei Dong of the consulate general in Makassar.", "en",
     "universitas-pattimura", ["hendrik-lewerissa"]),
])
def test_an_agreement_with_a_college_witnessed_by_officials(gazetteer, text, language, party, signatories):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert mou["party"] == ["maluku", party]
    assert mou["signedOn"] == "2025-10-06"
    assert [s for s in ([mou["signatory"]] if isinstance(mou["signatory"], str) else mou["signatory"])
            if s != "sarah-latuheru"] == signatories  # witnesses never sign
    assert mou["signedAt"] == "kota-ambon"  # the consulate's town is not where it was signed
    signing, = facts(draft, "Signing")
    assert signing["location"] == "kota-ambon"


@pytest.mark.parametrize("text, language", [
    ("Kota Ambon dan Kota Nanning menandatangani LoI kota kembar, Senin (6/10). Penandatanganan berlangsung di "
     "Balai Kota Nanning dan dilakukan oleh Wali Kota Ambon Yani Latuconsina bersama Wakil Wali Kota Nanning Li Qiang.",
     "id"),
    ("Ambon and Nanning signed a sister-city letter of intent on Monday (Oct 6). Ambon Mayor Yani Latuconsina signed "
     "for the city and Nanning Vice Mayor Li Qiang for the Chinese side, at the Nanning city hall.", "en"),
])
def test_a_signing_told_in_the_sentence_after_the_agreement(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    assert sorted(loi["signatory"]) == ["li-qiang", "yani-latuconsina"]
    assert loi["signedAt"] == "nanning"
    signing, = facts(draft, "Signing")
    assert (signing["location"], signing["date"]) == ("nanning", "2025-10-06")


@pytest.mark.parametrize("text, language", [
    ("Kota Ambon dan Kota Nanning menandatangani LoI kota kembar di Balai Kota Nanning, Senin (6/10). Rombongan "
     "Pemkot Ambon yang berjumlah delapan orang dipimpin langsung oleh Wali Kota Ambon Yani Latuconsina.", "id"),
    ("Ambon and Nanning signed a sister-city letter of intent at the Nanning city hall on Monday (Oct 6). The "
     "Indonesian delegation, led by Ambon Mayor Yani Latuconsina, also included two councillors.", "en"),
])
def test_a_delegation_that_came_to_sign(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert {k: visit.get(k) for k in ("host", "guest", "location", "ledBy")} == {
        "host": "nanning", "guest": "kota-ambon", "location": "nanning", "ledBy": "yani-latuconsina"}
    assert facts(draft, "LetterOfIntent")


def test_a_delegation_still_to_come_is_no_visit(gazetteer):
    draft = extract("Ambon and Nanning signed a letter of intent at the Nanning city hall on Monday (Oct 6). Nanning "
                    "would send a delegation of teachers to Ambon next year.\n", "en", "2025-10-07", gazetteer)
    assert not facts(draft, "DelegationVisit")


@pytest.mark.parametrize("text, language", [
    ("Wali Kota Ambon Yani Latuconsina menerima delegasi Kota Nanning, Senin (6/10). Wakil Wali Kota Nanning "
     "Li Qiang menyampaikan salam. Delegasi itu dipimpin oleh Li.", "id"),
    ("Ambon Mayor Yani Latuconsina received a delegation from Nanning on Monday (Oct 6). Nanning Vice Mayor Li Qiang "
     "spoke first. The delegation, led by Li, toured the port.", "en"),
])
def test_who_led_named_by_one_name_after_the_full_one(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2025-10-07", gazetteer), "DelegationVisit")
    assert visit["ledBy"] == "li-qiang"


@pytest.mark.parametrize("text, language", [
    ("Konsul Jenderal Tiongkok di Surabaya, Gao Yuan, melakukan kunjungan kerja ke Provinsi Maluku pada 6 Oktober. "
     "Keesokan harinya, Konjen Gao bertemu pengusaha di Ambon.", "id"),
    ("China's Consul General in Surabaya, Gao Yuan, paid a working visit to Maluku province on Oct 6. The next day "
     "Gao met businesspeople in Ambon.", "en"),
])
def test_an_official_visiting_speaks_for_the_guest(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-09", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert {k: visit.get(k) for k in ("host", "guest", "ledBy")} == {
        "host": "maluku", "guest": "konjen-tiongkok-surabaya", "ledBy": "gao-yuan"}
    assert visit.get("location") != "kota-ambon"  # where they went the next day is not where the visit was


@pytest.mark.parametrize("text, language", [
    ("Gubernur Maluku, Hendrik Lewerissa, menerima delegasi Kota Nanning. Gubernur Hendrik berharap kerja sama "
     "perikanan segera dimulai.", "id"),
    ("Maluku Governor Hendrik Lewerissa received a delegation from Nanning. Governor Hendrik said fisheries would "
     "come first.", "en"),
])
def test_a_title_and_one_name_after_the_full_name_is_the_same_person(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-09", gazetteer)
    assert "hendrik" not in proposed(draft)
    assert posts(draft) == {("hendrik-lewerissa", "governor", "maluku")}


@pytest.mark.parametrize("text, language", [
    ("Sebanyak 15 pengusaha asal Kota Nanning bertemu puluhan pelaku usaha Maluku dalam forum bisnis di Kota Ambon, "
     "Senin (6/10).", "id"),
    ("Fifteen businesspeople from Nanning met with Maluku traders at a business forum in Ambon on Monday (Oct 6).",
     "en"),
])
def test_businesspeople_meeting_their_counterparts(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert {k: meeting.get(k) for k in ("host", "guest", "location", "date")} == {
        "host": "maluku", "guest": "nanning", "location": "kota-ambon", "date": "2025-10-06"}


@pytest.mark.parametrize("text, language, expected", [
    ("Pameran Maluku Expo 2025 di Kota Ambon berlangsung dari Kamis (9/10) hingga Minggu (12/10), diselenggarakan "
     "oleh Dinas Perindustrian Provinsi Maluku.", "id", ("2025-10-09", "2025-10-12")),
    ("The Maluku Trade Expo in Ambon runs from Thursday (Oct 9) to Sunday (Oct 12).", "en",
     ("2025-10-09", "2025-10-12")),
])
def test_a_span_of_two_days_joined_by_to(gazetteer, text, language, expected):
    expo, = facts(extract(text + "\n", language, "2025-10-08", gazetteer), "Expo")
    assert (expo["startDate"], expo["endDate"]) == expected


@pytest.mark.parametrize("text, language, organiser", [
    ("The Maluku Trade Expo in Ambon was opened by Li Wei, director of the Maluku Trade Office, which organises "
     "the expo.", "en", "maluku-trade-office"),
    ("Pameran Maluku Expo 2025 di Kota Ambon dibuka oleh Kepala Dinas Perdagangan Kota Ambon, Sarah Latuheru, "
     "yang menyelenggarakan pameran itu.", "id", None),
])
def test_an_organiser_named_before_it_is_said_to_organise(gazetteer, text, language, organiser):
    expo, = facts(extract(text + "\n", language, "2025-10-08", gazetteer), "Expo")
    if organiser is not None:
        assert expo["organiser"] == [organiser]
    else:  # "…, Sarah Latuheru, yang menyelenggarakan": a person is no organiser
        assert "organiser" not in expo


def test_a_person_whose_name_contains_a_town(gazetteer):
    draft = extract("Ma Jinhua, director of the Ningxia Department of Commerce, opened the fair.\n", "en",
                    "2025-10-08", gazetteer)
    assert ("ma-jinhua", "director", "ningxia-department-of-commerce") in posts(draft)


@pytest.mark.parametrize("text, language", [
    ("Delegasi Kota Nanning yang dipimpin Wakil Wali Kota Nanning Li Qiang berkunjung ke Kota Ambon, Senin (6/10). "
     "Kota Ambon dan Kota Nanning menandatangani LoI kota kembar di Balai Kota Ambon. Penandatanganan disaksikan "
     "Ketua DPRD Kota Ambon, Sarah Latuheru.", "id"),
    ("A delegation from Nanning led by Nanning Vice Mayor Li Qiang visited Ambon on Monday (Oct 6). Ambon and "
     "Nanning signed a sister-city letter of intent at the Ambon city hall. The signing was witnessed by Sarah "
     "Latuheru, chair of the Ambon city council.", "en"),
])
def test_who_led_was_there_and_who_witnessed_was_at_the_signing_and_so_at_the_visit(gazetteer, text, language):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["ledBy"] == "li-qiang" and "li-qiang" in visit["participant"]
    assert "sarah-latuheru" in visit["participant"]
    signing, = facts(draft, "Signing")
    assert "sarah-latuheru" in signing["participant"]


@pytest.mark.parametrize("text, language, post", [
    ("Ambon's acting mayor, Yani Latuconsina, signed for the city.", "en",
     ("yani-latuconsina", "acting-mayor", "kota-ambon")),
    ("Delegasi Nanning dipimpin Li Qiang selaku Wakil Wali Kota Nanning dan beranggotakan 12 pengusaha.", "id",
     ("li-qiang", "deputy-mayor", "nanning")),
])
def test_a_possessive_region_before_a_title_and_a_name_selaku_title(gazetteer, text, language, post):
    assert posts(extract(text + "\n", language, "2025-10-07", gazetteer)) == {post}


@pytest.mark.parametrize("text, language", [
    ("Wali Kota Padang Fadli Amran menerima delegasi Kota Chengdu di gedung DPRD Sumatera Barat, Senin (6/10).",
     "id"),
    ("Padang Mayor Fadli Amran received a delegation from Chengdu at the office of the West Sumatra Provincial "
     "Legislature on Monday (Oct 6).", "en"),
])
def test_offices_named_in_passing_are_not_participants(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2025-10-07", gazetteer), "DelegationVisit")
    assert visit["participant"] == ["fadli-amran"]


@pytest.mark.parametrize("text, language, expected", [
    ("Delegasi Kota Nanning berkunjung ke Kota Ambon, Senin (6/10). Kedua pihak membahas mekanisasi sawah, "
     "energi surya, ekspor tuna, dan peti kemas.", "id",
     {"agriculture", "technology", "green-technology", "fisheries", "logistics", "export"}),
    ("A delegation from Nanning visited Ambon on Monday (Oct 6). The two sides discussed how to mechanise rice "
     "farms, solar power, tuna exports and container handling.", "en",
     {"agriculture", "technology", "green-technology", "fisheries", "logistics", "export"}),
])
def test_sectors_of_farms_energy_fish_and_ports(gazetteer, text, language, expected):
    visit, = facts(extract(text + "\n", language, "2025-10-07", gazetteer), "DelegationVisit")
    assert expected <= set(visit["sector"])


@pytest.mark.parametrize("text, language, post, label", [
    ("Hadir pula Pj Sekda Maluku, Sarah Latuheru, dalam pertemuan itu.", "id",
     ("sarah-latuheru", "acting-head", "setda-maluku"), "Sekretariat Daerah Provinsi Maluku"),
    ("Sekretaris Daerah Kota Ambon, Yani Latuconsina, membuka acara.", "id",
     ("yani-latuconsina", "head", "setda-kota-ambon"), "Sekretariat Daerah Kota Ambon"),
    ("Maluku's acting regional secretary, Sarah Latuheru, opened the forum.", "en",
     ("sarah-latuheru", "acting-head", "setda-maluku"), "Sekretariat Daerah Provinsi Maluku"),
])
def test_a_regional_secretary_heads_the_regions_secretariat(gazetteer, text, language, post, label):
    draft = extract(text + "\n", language, "2025-10-07", gazetteer)
    assert posts(draft) == {post}
    assert proposed(draft)[post[2]]["label"] == label


@pytest.mark.parametrize("text, language", [
    ("Wali Kota Padang Fadli Amran menerima delegasi Kota Chengdu, Senin (6/10). Pertemuan itu juga dihadiri "
     "pengurus Kamar Dagang Chengdu (KDC).", "id"),
    ("Padang Mayor Fadli Amran received a delegation from Chengdu on Monday (Oct 6). The meeting was also attended "
     "by the Chengdu Chamber of Commerce (CCC).", "en"),
])
def test_an_organisation_said_to_attend_takes_part(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2025-10-07", gazetteer), "DelegationVisit")
    assert len(visit["participant"]) == 2 and visit["participant"][0] == "fadli-amran"


# --------------------------------------------------------------------------
# Agreements: who the parties are, one agreement said twice, its date
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, parties", [
    # a place said in steps is where the party lies, not a party of its own
    ("Pemerintah Kota Ambon dan Pemerintah Kota Linbei, Prefektur Otonom Yanbian, Provinsi Jilin, menandatangani LoI "
     "kerja sama perikanan.", "id", ["kota-ambon", "kota-linbei"]),
    ("The governments of Ambon and the city of Linbei, Yanbian Prefecture, Jilin Province, signed a letter of intent "
     "on fisheries.", "en", ["kota-ambon", "kota-linbei"]),
    ("Universitas Pattimura dan Guilin Medical College dari Kota Guilin, ibu kota Provinsi Guangxi, menandatangani "
     "MoU kerja sama pendidikan.", "id", ["universitas-pattimura", "guilin-medical-college"]),
    # a party described by where it lies, in an apposition
    ("The city of Linbei, a county-level city in Jilin province's Yanbian Prefecture, on Wednesday signed a letter "
     "of intent with the Indonesian port city of Ambon.", "en", ["kota-linbei", "kota-ambon"]),
    ("Kota Linbei, sebuah kota setingkat kabupaten di Prefektur Yanbian, Provinsi Jilin, menandatangani LoI dengan "
     "Kota Ambon.", "id", ["kota-linbei", "kota-ambon"]),
    # a place inside a person's name is no party: Zhenhai is a district of Ningbo
    ("Universitas Pattimura dan Guilin Medical College menandatangani MoU. Naskah MoU diteken Presiden Guilin Medical "
     "College, Qiao Zhenhai.", "id", ["universitas-pattimura", "guilin-medical-college"]),
])
def test_a_region_that_says_where_a_party_lies_is_no_party(gazetteer, text, language, parties):
    agreement, = [f for f in facts(extract(text + "\n", language, "2026-10-15", gazetteer)) if "party" in f]
    assert agreement["party"] == parties


@pytest.mark.parametrize("text, language", [
    ("Pemerintah Kota Ambon menjajaki kerja sama dengan Kota Xiamen, Provinsi Fujian. Kedua daerah menandatangani "
     "LoI di Balai Kota Xiamen, Rabu (14/10).", "id"),
    ("The Ambon city government is exploring ties with Xiamen in Fujian province. The two cities signed a letter "
     "of intent at Xiamen city hall on Wednesday (Oct 14).", "en"),
])
def test_the_two_sides_said_again_are_the_sides_named_before(gazetteer, text, language):
    letter, = facts(extract(text + "\n", language, "2026-10-15", gazetteer), "LetterOfIntent")
    assert (letter["party"], letter["signedOn"], letter["signedAt"]) == (["kota-ambon", "xiamen"], "2026-10-14",
                                                                         "xiamen")


@pytest.mark.parametrize("date_line", ["Rabu [14/10/2026]", "(Rabu, 14/10/2026)"])
def test_a_date_on_a_line_of_its_own_dates_the_lead(gazetteer, date_line):
    text = ("Kota Ambon dan Kota Xiamen menandatangani LoI kerja sama pariwisata di Balai Kota Ambon.\n"
            f"{date_line}\n\nLoI diteken Wali Kota Ambon Bodewin Wattimena dan Wakil Wali Kota Xiamen Lin Tao.\n")
    draft = extract(text, "id", "2026-10-15", gazetteer)
    letter, = facts(draft, "LetterOfIntent")
    signing, = facts(draft, "Signing")
    assert letter["signedOn"] == signing["date"] == "2026-10-14"
    assert signing["statedWeekday"] == "wednesday"  # "Rabu" before the bracket, round or square
    assert letter["signatory"] == ["bodewin-wattimena", "lin-tao"]


@pytest.mark.parametrize("text, language", [
    ("Kota Ambon dan Kota Xiamen menandatangani LoI kerja sama pariwisata di Balai Kota Ambon. LoI diteken Wakil "
     "Wali Kota Xiamen Lin Tao dan Wali Kota Ambon Bodewin Wattimena.", "id"),
    ("Ambon and Xiamen signed a letter of intent on tourism at Ambon city hall. The letter of intent was signed by "
     "Xiamen Vice Mayor Lin Tao and Ambon Mayor Bodewin Wattimena.", "en"),
    # a caption names the signatories again, the other way round: never a second agreement
    ("Kota Ambon dan Kota Xiamen menandatangani LoI kerja sama pariwisata di Balai Kota Ambon.\n"
     "(dari kiri ke kanan) Wali Kota Xiamen Lin Tao dan Wali Kota Ambon Bodewin Wattimena berfoto usai "
     "penandatanganan LoI Xiamen-Ambon.", "id"),
    ("Ambon and Xiamen signed a letter of intent on tourism at Ambon city hall.\n"
     "[Photo/Ambon Daily] Xiamen Vice Mayor Lin Tao and Ambon Mayor Bodewin Wattimena signed the letter in Ambon.",
     "en"),
])
def test_one_agreement_named_again_with_its_sides_the_other_way_round_is_one(gazetteer, text, language):
    letter, = facts(extract(text + "\n", language, "2026-10-15", gazetteer), "LetterOfIntent")
    assert set(letter["party"]) == {"kota-ambon", "xiamen"}


@pytest.mark.parametrize("text, language", [
    ("Kota Ambon dan Kota Linbei menandatangani LoI. LoI diteken Wali Kota Ambon Bodewin Wattimena dan Wakil Wali "
     "Kota Linbei Piao Chengzhe.", "id"),
    ("Ambon and the city of Linbei signed a letter of intent. It was signed by Ambon Mayor Bodewin Wattimena and "
     "Linbei Vice Mayor Piao Chengzhe.", "en"),
])
def test_a_region_proposed_once_is_the_same_name_after_a_title(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-10-15", gazetteer)
    assert ("piao-chengzhe", "deputy-mayor", "kota-linbei") in posts(draft)


# --------------------------------------------------------------------------
# A list of titles and names: each name holds the title before it
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Penandatanganan disaksikan Wali Kota Serang, Budi Rustandi, Wakil Gubernur Banten, H. Moh. Dimas Prayoga, "
     "S.H., dan sejumlah pejabat.", "id"),
    ("The signing was witnessed by the mayor of Serang, Budi Rustandi, the vice governor of Banten, Moh. Dimas "
     "Prayoga, and other officials.", "en"),
])
def test_a_known_person_never_takes_the_post_of_the_new_one_named_after_him(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-10-15", gazetteer)
    assert posts(draft) == {("budi-rustandi", "mayor", "kota-serang"),
                            ("moh-dimas-prayoga", "vice-governor", "banten")}


# --------------------------------------------------------------------------
# A forum held for a delegation is a meeting
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Kota Ambon menggelar forum investasi perikanan dengan delegasi dari Kota Xiamen, Kamis (14/5). Forum dibuka "
     "Wali Kota Ambon Bodewin Wattimena.", "id"),
    ("Ambon held a fisheries investment forum with a delegation from Xiamen on Thursday (May 14). The forum was "
     "opened by Ambon Mayor Bodewin Wattimena.", "en"),
])
def test_a_forum_with_a_delegation_is_a_meeting(gazetteer, text, language):
    meeting, = facts(extract(text + "\n", language, "2026-05-15", gazetteer), "Meeting")
    assert (meeting["host"], meeting["guest"], meeting["date"]) == ("kota-ambon", "xiamen", "2026-05-14")


# --------------------------------------------------------------------------
# A visit that goes on to a named expo: two events
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, language", [
    ("Rombongan Pemerintah Kota Ambon dipimpin Wali Kota Ambon Bodewin Wattimena melakukan kunjungan kerja ke Kota "
     "Xiamen, Senin 8/06-2026). Rombongan diterima Wakil Wali Kota Xiamen Lin Tao.\n"
     "Dua hari kemudian, Rabu (10/6), Bodewin menghadiri pembukaan Xiamen Ocean Fisheries Expo 2026 yang "
     "berlangsung hingga Jumat (12/6).", "id"),
    ("A delegation from Ambon led by Ambon Mayor Bodewin Wattimena visited Xiamen on Monday (June 8). The delegation "
     "was received by Xiamen Vice Mayor Lin Tao.\n"
     "Two days later, on Wednesday (June 10), Bodewin attended the opening of the Xiamen Ocean Fisheries Expo 2026, "
     "which runs until Friday (June 12).", "en"),
])
def test_a_named_expo_the_visitors_go_on_to_is_an_event_of_its_own(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-06-11", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    expo, = facts(draft, "Expo")
    assert (visit["host"], visit["guest"], visit["date"], visit["ledBy"]) == \
        ("xiamen", "kota-ambon", "2026-06-08", "bodewin-wattimena")
    assert (expo["label"], expo["startDate"], expo["endDate"]) == \
        ("Xiamen Ocean Fisheries Expo 2026", "2026-06-10", "2026-06-12")
    assert "ledBy" not in expo  # who led the visit did not lead the expo


def test_an_expo_named_in_passing_by_a_visit_is_no_event(gazetteer):
    text = ("Delegasi Kota Xiamen berkunjung ke Kota Ambon, Senin (8/6). Rombongan diterima Wali Kota Ambon Bodewin "
            "Wattimena. Mereka juga mengundang Ambon ke sebuah pameran perikanan tahun depan.\n")
    draft = extract(text, "id", "2026-06-11", gazetteer)
    assert len(facts(draft, "DelegationVisit")) == 1 and not facts(draft, "Expo")


@pytest.mark.parametrize("text, language", [
    ("Coffee growers from Ambon are selling beans at the Fujian Maritime Silk Road Commodities Fair in Xiamen. The "
     "fair opened on Thursday, Aug 20 and runs through Monday, Aug 24. The Ambon stand was opened by Mayor Bodewin "
     "Wattimena, who leads a delegation of nine officials.", "en"),
    ("Petani kopi dari Ambon memasarkan biji kopi di Pameran Komoditas Jalur Sutra Maritim Fujian di Xiamen. "
     "Pameran dibuka Kamis (20/8) dan berlangsung hingga Senin (24/8). Stan Ambon dibuka Wali Kota Bodewin "
     "Wattimena, yang memimpin delegasi sembilan pejabat.", "id"),
])
def test_a_fair_its_days_and_who_leads_the_delegation_to_it(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-08-21", gazetteer)
    expo, = facts(draft, "Expo")
    assert (expo["location"], expo["startDate"], expo["endDate"], expo["ledBy"]) == \
        ("xiamen", "2026-08-20", "2026-08-24", "bodewin-wattimena")


@pytest.mark.parametrize("text, language, hall", [
    ("Wali Kota Ambon Bodewin Wattimena menerima delegasi Kota Xiamen di Ruang Sidang Lantai III Kantor Wali Kota "
     "Ambon, Kamis (14/5).", "id", "Ruang Sidang Lantai III Kantor Wali Kota Ambon"),
    ("Ambon Mayor Bodewin Wattimena received a delegation from Xiamen at the Ambon Mayor's Office on Thursday "
     "(May 14).", "en", "Ambon Mayor's Office"),
])
def test_a_hall_named_in_many_words_is_the_venue_whole(gazetteer, text, language, hall):
    visit, = facts(extract(text + "\n", language, "2026-05-15", gazetteer), "DelegationVisit")
    assert visit["venue"] == hall


@pytest.mark.parametrize("text, language", [
    ("Wali Kota Ambon Bodewin Wattimena menerima kunjungan delegasi Kota Xiamen, Kamis (14/5). Dalam pertemuan "
     "tersebut, rombongan menjajaki pembangunan pabrik pengolahan ikan dan pelatihan tenaga kerja lokal.", "id"),
    ("Ambon Mayor Bodewin Wattimena received a delegation from Xiamen on Thursday (May 14). At this meeting, the "
     "visitors explored building a fish processing plant and training local jobseekers for employment.", "en"),
])
def test_what_a_later_sentence_about_the_meeting_names_are_its_sectors(gazetteer, text, language):
    visit, = facts(extract(text + "\n", language, "2026-05-15", gazetteer), "DelegationVisit")
    assert {"industry", "employment"} <= set(visit["sector"])


@pytest.mark.parametrize("text, language", [
    ("Rombongan Kota Xiamen dipimpin oleh Wakil Direktur Biro Perdagangan Kota Xiamen, Cui Hai, berkunjung ke Kota "
     "Ambon. Turut hadir Wakil Presiden Guilin Medical College, Bao Lin.", "id"),
    ("A Xiamen delegation led by the deputy director of the Xiamen Commerce Bureau, Cui Hai, visited Ambon. Also "
     "present was the vice president of Guilin Medical College, Bao Lin.", "en"),
])
def test_a_deputy_title_with_no_role_gives_no_post_but_its_holder_is_there(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-05-15", gazetteer)
    assert posts(draft) == set()  # not the director's nor the president's post
    visit, = facts(draft, "DelegationVisit")
    assert visit["ledBy"] == "cui-hai"


@pytest.mark.parametrize("text, language, post", [
    ("Hadir pula Kepala Dinas Kelautan dan Perikanan Kota Ambon, Ir.Marthen Lumenta.", "id",
     ("marthen-lumenta", "head", "dinas-kelautan-dan-perikanan-kota-ambon")),
    # a post said through the office: English news writes it so
    ("The forum was organised by the Ambon Investment and One-Stop Service Office (DPMPTSP), whose head, Yustina "
     "Lende Awa, said 40 traders came.", "en",
     ("yustina-lende-awa", "head", "ambon-investment-and-one-stop-service-office")),
])
def test_a_name_glued_to_its_honorific_and_a_head_named_through_the_office(gazetteer, text, language, post):
    assert post in posts(extract(text + "\n", language, "2026-05-15", gazetteer))


@pytest.mark.parametrize("text, language, partner", [
    ("Ambon coffee is at the Fujian Commodities Fair in Xiamen. The fair opened on Thursday (May 14). The Ambon "
     "stand was put together with the Ambon Cooperatives Office.", "en", "ambon-cooperatives-office"),
    ("Kopi Ambon hadir di Pameran Komoditas Fujian di Xiamen. Pameran dibuka Kamis (14/5). Stan Ambon disiapkan "
     "bersama Dinas Koperasi Kota Ambon.", "id", "dinas-koperasi-kota-ambon"),
])
def test_a_stand_put_together_with_an_office_names_a_partner(gazetteer, text, language, partner):
    expo, = facts(extract(text + "\n", language, "2026-05-15", gazetteer), "Expo")
    assert expo["partner"] == [partner]


@pytest.mark.parametrize("text, language", [
    ("Xiamen Vice Mayor Lin Tao, who headed the delegation, and Ambon Mayor Bodewin Wattimena both addressed the "
     "investment forum on Thursday (May 14).", "en"),
    ("Wakil Wali Kota Xiamen Lin Tao, yang memimpin delegasi, dan Wali Kota Ambon Bodewin Wattimena sama-sama "
     "berbicara di forum investasi, Kamis (14/5).", "id"),
])
def test_the_side_of_whoever_led_the_delegation_came_to_the_other(gazetteer, text, language):
    meeting, = facts(extract(text + "\n", language, "2026-05-15", gazetteer), "Meeting")
    assert (meeting["guest"], meeting["host"], meeting["ledBy"]) == ("xiamen", "kota-ambon", "lin-tao")


@pytest.mark.parametrize("text, language", [
    ("Direktur Biro Kebudayaan, Pariwisata dan Olahraga Kota Xiamen, Du Wen, mengatakan pihaknya siap.", "id"),
    ("Head of the Trade, Tourism and Sports Bureau of Xiamen, Du Wen, said they were ready.", "en"),
])
def test_a_field_in_an_offices_name_is_never_a_person(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-05-15", gazetteer)
    assert not {p["label"] for p in draft.proposed if p["type"] == "Person"} & {"Pariwisata", "Tourism"}
    assert not any(f.get("heldBy") in ("pariwisata", "tourism") for f in facts(draft, "Post"))


@pytest.mark.parametrize("text, language, post", [
    ("The Xiamen delegation was led by Vice Mayor Lin Tao and included Sarula, who chairs the Xiamen Livestock "
     "Association.", "en", ("sarula", "chair", "xiamen-livestock-association")),
    ("Rombongan Xiamen dipimpin Wakil Wali Kota Lin Tao, termasuk Sarula, yang mengetuai Asosiasi Peternak Xiamen.",
     "id", ("sarula", "chair", "asosiasi-peternak-xiamen")),
])
def test_someone_known_by_one_name_introduced_mid_sentence_holds_the_post(gazetteer, text, language, post):
    draft = extract(text + "\n", language, "2026-05-15", gazetteer)
    assert post in posts(draft)
    assert facts(draft, "DelegationVisit")[0]["participant"] == ["lin-tao", "sarula"]


def test_a_one_word_name_opening_a_sentence_is_not_proposed(gazetteer):
    # "Han, who chairs …" with no Han named before: the first word of a sentence may be anything
    draft = extract("Han, who chairs the Xiamen Livestock Association, spoke.\n", "en", "2026-05-15", gazetteer)
    assert not [p for p in draft.proposed if p["type"] == "Person"]


@pytest.mark.parametrize("text, language, dated", [
    ("Kota Ambon dan Kota Xiamen menandatangani LoI di Balai Kota Ambon, Rabu (14/10). LoI diteken Wali Kota Ambon "
     "Bodewin Wattimena dan Wakil Wali Kota Xiamen Lin Tao yang memimpin rombongan delapan orang.", "id", False),
    ("Ambon and Xiamen signed a letter of intent at Ambon city hall on Wednesday (Oct 14). The letter was signed by "
     "Ambon Mayor Bodewin Wattimena and Xiamen Vice Mayor Lin Tao, who led the city's delegation.", "en", False),
    # the visit's own sentence dates it: it keeps the date
    ("Rombongan Kota Xiamen tiba di Kota Ambon, Rabu (14/10), untuk kunjungan kerja. Kota Ambon dan Kota Xiamen "
     "menandatangani LoI di Balai Kota Ambon, Rabu (14/10).", "id", True),
])
def test_a_visit_dated_only_by_its_signing_is_left_undated(gazetteer, text, language, dated):
    draft = extract(text + "\n", language, "2026-10-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert ("date" in visit) == dated
    assert facts(draft, "LetterOfIntent")[0]["signedOn"] == "2026-10-14"


@pytest.mark.parametrize("text, language, expected", [
    ("Tumen, a county-level city in Jilin province's Yanbian Korean Autonomous Prefecture, signed a letter of intent "
     "with Ambon.", "en", {("tumen", "yanbian"), ("yanbian", "jilin")}),
    ("Kota Tumen di Prefektur Otonom Yanbian, Provinsi Jilin, menandatangani LoI dengan Kota Ambon.", "id",
     {("yanbian", "jilin")}),
])
def test_a_province_written_as_the_owner_of_a_prefecture_holds_it(gazetteer, text, language, expected):
    draft = extract(text + "\n", language, "2026-03-11", gazetteer)
    assert {(f["about"], f["locatedIn"]) for f in facts(draft) if "locatedIn" in f} == expected
    assert not draft.proposed  # "Korean Autonomous" is no city
    assert facts(draft, "LetterOfIntent")[0]["party"] == ["tumen", "kota-ambon"]


@pytest.mark.parametrize("text, language, post", [
    ("The trip was organised by the Xiamen Municipal Bureau of Commerce, said Tian Shu, director of the bureau, who "
     "travelled with the group.", "en", ("tian-shu", "director", "xiamen-municipal-bureau-of-commerce")),
    ("Kunjungan ini difasilitasi Biro Perdagangan Kota Xiamen. Tian Shu, kepala biro tersebut, turut dalam "
     "rombongan.", "id", ("tian-shu", "head", "biro-perdagangan-kota-xiamen")),
])
def test_a_post_in_the_office_the_article_named_before(gazetteer, text, language, post):
    assert posts(extract(text + "\n", language, "2026-05-16", gazetteer)) == {post}


def test_the_office_said_again_must_be_the_only_one_of_its_kind(gazetteer):
    text = ("The trip was organised by the Xiamen Commerce Bureau. It was supported by the Xiamen Tourism Bureau. "
            "Tian Shu, director of the bureau, said it went well.\n")
    assert not posts(extract(text, "en", "2026-05-16", gazetteer))


def test_a_forum_in_an_organisations_name_does_not_make_a_visit_a_meeting(gazetteer):
    text = ("Wali Kota Ambon Bodewin Wattimena menerima kunjungan delegasi Kota Xiamen, Kamis (14/5). Pertemuan itu "
            "juga dihadiri pengurus Forum Bisnis Ambon Xiamen.\n")
    assert len(facts(extract(text, "id", "2026-05-15", gazetteer), "DelegationVisit")) == 1


@pytest.mark.parametrize("text, language", [
    ("He Jun, vice mayor of Ningbo, opened the forum. He said the talks went well.", "en"),
    ("Wakil Wali Kota Ningbo, He Jun, membuka forum. Ia mengatakan pembicaraan berjalan baik.", "id"),
])
def test_he_before_a_given_name_is_a_surname_and_alone_a_pronoun(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-05-16", gazetteer)
    assert posts(draft) == {("he-jun", "deputy-mayor", "ningbo")}
    assert set(proposed(draft)) == {"he-jun"}  # "He said" proposes nobody


@pytest.mark.parametrize("text, language, leader", [
    ("Wali Kota Padang menerima kunjungan delegasi Kota Ningbo, Selasa (16/9). Wakil Wali Kota Ningbo, Chen Hui, "
     "yang memimpin delegasi delapan orang, menyampaikan terima kasih.", "id", "chen-hui"),
    ("Padang received a visit by a delegation from Ningbo on Tuesday (Sept 16). Chen Hui, vice mayor of Ningbo, who "
     "heads a 12-member delegation, thanked the hosts.", "en", "chen-hui"),
    ("Bupati Kudus, Dr. H. Sam Pratama, M.Si., memimpin rombongan Pemerintah Kabupaten Kudus berkunjung ke Kota "
     "Ningbo, Selasa (16/9).", "id", "sam-pratama"),
])
def test_who_led_the_delegation_said_after_the_officials_name_and_title(gazetteer, text, language, leader):
    draft = extract(text + "\n", language, "2026-09-17", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["ledBy"] == leader and leader in visit["participant"]


@pytest.mark.parametrize("text, language, visit, expo", [
    ("Sebanyak 15 pengusaha asal Kabupaten Kudus mengikuti misi dagang ke Kota Ningbo. Misi dagang itu dipimpin "
     "Wakil Bupati Kudus, Budi Santosa. Rombongan menghadiri pembukaan Ningbo Textile Expo 2026 di Ningbo, "
     "Kamis (20/8). Pameran itu berlangsung hingga Minggu (23/8).", "id",
     {"host": "ningbo", "guest": "kabupaten-kudus", "ledBy": "budi-santosa"},
     {"startDate": "2026-08-20", "endDate": "2026-08-23"}),
    ("A week of culture and tourism from Ningbo opened at the Padang Art Hall on Wednesday (Aug 19) and runs until "
     "Sunday (Aug 23). Padang Mayor Andre Putra opened the week together with Chen Hui, vice mayor of Ningbo, who "
     "heads a 20-member delegation.", "en",
     {"host": "kota-padang", "guest": "ningbo", "ledBy": "chen-hui"},
     {"startDate": "2026-08-19", "endDate": "2026-08-23"}),
])
def test_a_delegation_come_to_an_expo_makes_a_visit_beside_the_expo(gazetteer, text, language, visit, expo):
    draft = extract(text + "\n", language, "2026-08-21", gazetteer)
    came, = facts(draft, "DelegationVisit")
    held, = facts(draft, "Expo")
    assert {k: came.get(k) for k in visit} == visit
    assert "date" not in came  # dated only by the expo it went to
    assert {k: held.get(k) for k in expo} == expo


def test_a_delegation_only_said_to_be_at_a_fair_makes_no_visit(gazetteer):
    text = ("The Ningbo Textile Expo 2026 opened in Padang on Wednesday (Aug 19). The Ningbo delegation is headed by "
            "Chen Hui, director of the Ningbo Commerce Bureau.\n")
    draft = extract(text, "en", "2026-08-21", gazetteer)
    assert len(facts(draft, "Expo")) == 1 and not facts(draft, "DelegationVisit")


@pytest.mark.parametrize("text, language", [
    ("Delegasi Kota Ningbo berkunjung ke Kota Padang untuk menandatangani LoI. LoI ditandatangani Wali Kota Padang "
     "Andre Putra dan Wakil Wali Kota Ningbo Chen Hui di Balai Kota Padang, Selasa (13/10). Turut hadir Kepala Dinas "
     "Perhubungan Kota Padang, Rudi Hartawan.", "id"),
    ("A delegation from Ningbo visited Padang to sign an LoI. Padang Mayor Andre Putra and Ningbo Vice Mayor Chen Hui "
     "signed the letter at Padang City Hall on Tuesday (Oct 13). Also present was Rudi Hartawan, head of the Padang "
     "Transport Office.", "en"),
])
def test_who_else_was_there_was_at_the_visit_and_at_its_signing(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-10-14", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert "rudi-hartawan" in visit["participant"] and "rudi-hartawan" in signing["participant"]


@pytest.mark.parametrize("text, language, visit", [
    ("Regent Budi Santosa of Kudus signed the MoU with the Ningbo Port Academy on Tuesday. Budi is leading a "
     "10-member delegation that arrived in Ningbo on Monday.", "en",
     {"host": "ningbo", "guest": "kabupaten-kudus", "ledBy": "budi-santosa", "startDate": "2026-09-28"}),
    ("Bupati Kudus Budi Santosa menandatangani MoU dengan Akademi Pelabuhan Ningbo pada Selasa (29/9). Rombongan "
     "yang dipimpin Budi tiba di Ningbo pada Senin (28/9).", "id",
     {"host": "ningbo", "guest": "kabupaten-kudus", "ledBy": "budi-santosa", "startDate": "2026-09-28"}),
])
def test_a_delegation_that_arrived_somewhere_to_sign_is_a_visit_from_its_leaders_region(gazetteer, text, language,
                                                                                        visit):
    draft = extract(text + "\n", language, "2026-09-30", gazetteer)
    came, = facts(draft, "DelegationVisit")
    assert {k: came.get(k) for k in visit} == visit and "date" not in came  # arriving is the visit's first day


def test_a_delegation_named_by_its_towns_possessive_is_the_guest_and_the_ceremony_has_its_organiser(gazetteer):
    text = ("Vice Mayor Chen Hui, who headed Ningbo's delegation, signed the letter of intent with Padang Mayor "
            "Andre Putra on Wednesday. The ceremony was organized by the Ningbo Port Bureau.\n")
    draft = extract(text, "en", "2026-10-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert (visit["host"], visit["guest"]) == ("kota-padang", "ningbo")
    assert signing["organiser"] == ["ningbo-port-bureau"] and "organiser" not in visit


@pytest.mark.parametrize("text, language, parties, signatories", [
    ("Rumah Sakit Harapan Bahari (RSHB) Kota Padang menjalin kerja sama dengan Rumah Sakit Ortopedi Lingang dari Kota "
     "Ningbo. Nota kesepahaman (MoU) kedua rumah sakit diteken pada Kamis, 9 Juli 2026. MoU ditandatangani Direktur "
     "Utama RSHB, Yusuf Maulana, dan Presiden Rumah Sakit Ortopedi Lingang, Dr. Zhou Ping.", "id",
     ["rshb", "rumah-sakit-ortopedi-lingang"], ["yusuf-maulana", "zhou-ping"]),
    ("The Harapan Bahari Hospital in Padang has teamed up with Ningbo's Lingang Orthopaedic Hospital. The two "
     "hospitals signed a memorandum of understanding on Thursday, July 9.", "en",
     ["harapan-bahari-hospital", "lingang-orthopaedic-hospital"], []),
])
def test_an_agreement_between_two_hospitals_named_in_the_sentence_before(gazetteer, text, language, parties,
                                                                          signatories):
    draft = extract(text + "\n", language, "2026-07-10", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert sorted(mou["party"]) == sorted(parties) and mou["signedOn"] == "2026-07-09"
    assert sorted(mou.get("signatory", [])) == signatories


def test_a_hospital_named_with_its_short_name_and_town_is_not_a_branch_and_its_short_name_names_it_again(gazetteer):
    text = ("Rumah Sakit Harapan Bahari (RSHB) Kota Padang menandatangani MoU dengan Kota Ningbo. Direktur Utama RSHB, "
            "Yusuf Maulana, hadir.\n")
    draft = extract(text, "id", "2026-07-10", gazetteer)
    assert set(proposed(draft)) == {"rshb", "yusuf-maulana"}
    assert posts(draft) == {("yusuf-maulana", "director", "rshb")}


@pytest.mark.parametrize("text, language, organisers", [
    ("A week of culture and tourism from Ningbo opened at the Padang Art Hall on Wednesday (Aug 19) and runs until "
     "Sunday (Aug 23). Padang Mayor Andre Putra opened the week together with Chen Hui, vice mayor of Ningbo, who "
     "heads a 20-member delegation. The week is organised by the Padang tourism, youth and sports office.", "en",
     ["padang-tourism-youth-and-sports-office"]),
    ("Sebanyak 15 pengusaha asal Kabupaten Kudus mengikuti misi dagang ke Kota Ningbo. Misi dagang itu dipimpin "
     "Wakil Bupati Kudus, Budi Santosa. Rombongan menghadiri pembukaan Ningbo Textile Expo 2026 di Ningbo, "
     "Kamis (20/8). Pameran itu digelar oleh Asosiasi Tekstil Ningbo.", "id", ["asosiasi-tekstil-ningbo"]),
])
def test_who_organised_the_expo_a_delegation_came_to_is_the_expos_organiser(gazetteer, text, language, organisers):
    draft = extract(text + "\n", language, "2026-08-21", gazetteer)
    came, = facts(draft, "DelegationVisit")
    held, = facts(draft, "Expo")
    assert held["organiser"] == organisers and "organiser" not in came
    assert "ledBy" not in held and came["ledBy"]  # the delegation's leader led the visit, not the expo


@pytest.mark.parametrize("text, language", [
    ("Rombongan Pemerintah Kabupaten Kudus melakukan kunjungan kerja ke Kota Ningbo, Senin (14/9). Rombongan dipimpin "
     "Bupati Kudus Budi Santosa. Dua hari kemudian, Rabu (16/9), rombongan bergeser ke Kota Shaoxing dan diterima "
     "pejabat setempat.", "id"),
    ("A delegation from Kudus regency visited Ningbo on Monday (Sept 14). The delegation was led by Kudus Regent Budi "
     "Santosa. On Wednesday (Sept 16) the delegation moved on to Shaoxing, where local officials received it.", "en"),
])
def test_a_delegation_moving_on_to_another_town_on_a_later_day_makes_a_visit_of_its_own(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-09-18", gazetteer)
    visits = {v["host"]: v for v in facts(draft, "DelegationVisit")}
    assert set(visits) == {"ningbo", "shaoxing"}
    leg = visits["shaoxing"]
    assert (leg["guest"], leg["ledBy"], leg["date"]) == ("kabupaten-kudus", "budi-santosa", "2026-09-16")
    assert visits["ningbo"]["date"] == "2026-09-14"


def test_the_group_led_by_said_in_a_sentence_of_its_own_and_a_chapters_short_name(gazetteer):
    text = ("Twenty businesspeople from Ningbo met local traders at a business forum in Padang on Friday (Nov 6). The "
            "forum was hosted by the Padang chapter of the Archipelago Trade Council (ATC). The Ningbo group was led "
            "by Chen Hui, vice chairman of the Ningbo General Chamber of Commerce.\n")
    draft = extract(text, "en", "2026-11-07", gazetteer)
    meeting, = facts(draft, "Meeting")
    assert meeting["ledBy"] == "chen-hui"
    chapter = proposed(draft)[meeting["organiser"][0]]
    assert chapter["label"] == "Padang chapter of the Archipelago Trade Council" and "ATC" in chapter["alias"]


@pytest.mark.parametrize("text, language", [
    ("Rombongan Kota Ningbo dipimpin Wakil Wali Kota Ningbo Chen Hui. Kota Padang dan Kota Ningbo menandatangani LoI "
     "di Balai Kota Padang, Selasa (13/10). Turut hadir Kepala Dinas Perhubungan Kota Padang, Rudi Hartawan. "
     "Penandatanganan disaksikan Ketua DPRD Kota Padang, Sarah Latuheru.", "id"),
])
def test_who_else_was_there_and_a_witness_are_at_both(gazetteer, text, language):
    draft = extract(text + "\n", language, "2026-10-14", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert "rudi-hartawan" in visit["participant"] and "rudi-hartawan" in signing["participant"]
    assert "sarah-latuheru" in signing["participant"] and "sarah-latuheru" in visit["participant"]


@pytest.mark.parametrize("text, language, fact", [
    ("Businesspeople from Chenghai, a district of Shantou, signed the deal.", "en", ("chenghai", "shantou")),
    ("Jiangyin, a county-level city administered by Wuxi, signed a letter of intent with Ambon.", "en",
     ("jiangyin", "wuxi")),
    ("Rombongan bergeser ke Kabupaten Hepu, wilayah Kota Beihai, Rabu (16/9).", "id", ("hepu", "beihai")),
])
def test_a_region_said_to_be_part_of_a_town_lies_in_it(gazetteer, text, language, fact):
    draft = extract(text + "\n", language, "2026-09-18", gazetteer)
    assert fact in {(f["about"], f["locatedIn"]) for f in facts(draft) if "locatedIn" in f}


def test_a_region_said_to_be_part_of_a_town_is_not_a_party(gazetteer):
    text = "Jiangyin, a county-level city administered by Wuxi, signed a letter of intent with Ambon.\n"
    loi, = facts(extract(text, "en", "2026-09-18", gazetteer), "LetterOfIntent")
    assert sorted(loi["party"]) == ["jiangyin", "kota-ambon"]


def test_the_delegation_at_an_expo_took_part_in_it(gazetteer):
    text = ("Sebanyak 15 pengusaha asal Kabupaten Kudus mengikuti misi dagang ke Kota Ningbo. Misi dagang itu dipimpin "
            "Wakil Bupati Kudus, Budi Santosa. Turut dalam rombongan Kepala Dinas Perdagangan Kabupaten Kudus, Rina "
            "Wulandari. Rombongan menghadiri pembukaan Ningbo Textile Expo 2026 di Ningbo, Kamis (20/8).\n")
    draft = extract(text, "id", "2026-08-21", gazetteer)
    held, = facts(draft, "Expo")
    assert {"budi-santosa", "rina-wulandari"} <= set(held["participant"])


@pytest.mark.parametrize("text, language, house", [
    ("Rombongan DPRD Kota Padang melakukan kunjungan kerja ke Kota Ningbo, Senin (14/9). Rombongan diterima Wakil "
     "Ketua Komite Tetap Kongres Rakyat Kota Ningbo, Wang Fang, di gedung kongres.", "id", "kongres-rakyat-kota-ningbo"),
    ("A delegation of the Padang City Council visited Ningbo on Monday (Sept 14). The delegation was received by "
     "Vice Chairman of the Standing Committee of the Ningbo Municipal People's Congress Wang Fang.", "en",
     "ningbo-municipal-peoples-congress"),
])
def test_a_visit_received_by_the_towns_legislature_is_hosted_by_it(gazetteer, text, language, house):
    draft = extract(text + "\n", language, "2026-09-18", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    assert visit["host"] == house
    assert ("wang-fang", "vice-chair", house) in posts(draft)


@pytest.mark.parametrize("text, language, place", [
    ("Rombongan Kabupaten Kudus berkunjung ke Kota Ningbo, Rabu (18/11). Di Balai Kota Ningbo, rombongan diterima "
     "Wakil Wali Kota Ningbo Chen Hui.", "id", "Balai Kota Ningbo"),
    ("Rombongan Kabupaten Kudus berkunjung ke Kota Ningbo, Rabu (18/11), dan diterima di Aula Lantai 3 Balai Kota "
     "Ningbo.", "id", "Aula Lantai 3 Balai Kota Ningbo"),
    ("A delegation from Ningbo met traders at a business forum in Padang on Friday (Nov 6). The forum, held in the "
     "Siti Nurbaya Ballroom of the Bukit Gado Hotel, was opened by Padang Mayor Andre Putra.", "en",
     "Siti Nurbaya Ballroom of the Bukit Gado Hotel"),
])
def test_venues_as_news_names_them(gazetteer, text, language, place):
    draft = extract(text + "\n", language, "2026-11-19", gazetteer)
    event, = [f for f in facts(draft) if f.get("type") in ("DelegationVisit", "Meeting")]
    assert event["venue"] == place


def test_where_the_agreement_was_signed_is_the_signings_building_not_the_visits(gazetteer):
    text = ("Vice Mayor Chen Hui, who headed Ningbo's delegation, signed the letter of intent with Padang Mayor "
            "Andre Putra at Gedung Daerah on Wednesday.\n")
    draft = extract(text, "en", "2026-10-15", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    assert signing["venue"] == "Gedung Daerah" and "venue" not in visit


def test_the_office_said_again_with_its_town_is_the_one_of_that_town(gazetteer):
    text = ("The week is organised by the Ningbo Municipal Bureau of Culture and Tourism. The Padang Tourism Bureau "
            "is a partner. Chen Hui, director of the Ningbo bureau, said tour operators would draft joint packages.\n")
    assert posts(extract(text, "en", "2026-06-26", gazetteer)) == {
        ("chen-hui", "director", "ningbo-municipal-bureau-of-culture-and-tourism")}

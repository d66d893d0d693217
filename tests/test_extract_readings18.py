"""The eighteenth round of readings, tuned on bench/heldout16 once it had been measured blind: a region's booth at a
fair is no visit to the region; a company's general manager directs it; who was "among those at" a ceremony or gave
a report there was at it; the town a partner lies in is not where it signed; a fair's organisers are the fair's, a
mission's the mission's; a named forum held on one day of a stay is dated by its day; a delegation said to stay in a
town visited it, and one that set out for it, told first; who was with the leader took part, and who was listed
"dalam rombongan" or "among its members", or ran the ceremony; one that arrived on a day "for a three-day visit"
stayed three days. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from graph.ontology import load_vocabulary
from graph.regions import load_gazetteer
from tests.conftest import ROOT
from tests.helpers import draft_facts


def test_a_hosts_official_visiting_the_visitors_booth_does_not_turn_the_visit_round(gazetteer):
    text = ("Madiun teak makers bring home Guilin orders\n\n"
            "MADIUN, East Java — Nine furniture makers from Madiun regency took part in the Guilin Wood Products Fair "
            "2030 in Guilin, in China's Guangxi region, from June 4 to 7, on a trade mission organised by the "
            "regency's Trade Office.\n\n"
            "The 12-member mission was led by Madiun Vice Regent Siti Rahayu.\n\n"
            "Guilin Vice Mayor Lu Zhenhai received the group at the fair on its opening day and later visited the "
            "Madiun booth, where the makers showed teak chairs.\n")
    visit, = draft_facts(extract(text, "en", "2030-06-10", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("guilin", "kabupaten-madiun")
    assert visit["ledBy"] != "lu-zhenhai"


def test_a_companys_general_manager_directs_it_in_either_language(gazetteer):
    text = ("Ngawi signs rice deal with Guilin trader\n\n"
            "NGAWI — Ngawi Regent Budi Santoso received a business delegation from Guilin on Monday (June 3, 2030).\n\n"
            "Also present at the meeting was Li Wenhua, general manager of the Guilin Osmanthus Grain Trading Co., "
            "Ltd.\n\n"
            "Ikut dalam rombongan General Manager Guilin Lijiang Tea Co., Ltd., Zhou Meiling.\n")
    draft = extract(text, "en", "2030-06-04", gazetteer)
    posts = {(p["heldBy"], p["role"]) for p in draft_facts(draft, "Post")}
    assert {("li-wenhua", "director"), ("zhou-meiling", "director")} <= posts
    visit, = draft_facts(draft, "DelegationVisit")
    assert "li-wenhua" in visit["participant"]


def test_who_was_among_those_at_the_ceremony_was_at_the_signing_and_the_visit(gazetteer):
    text = ("Guilin, Madiun sign letter on sister-city ties\n\n"
            "GUILIN, June 5 (Lijiang Post) -- Guilin on Wednesday signed a letter of intent with Madiun, a regency in "
            "Indonesia's East Java province, on becoming sister cities.\n\n"
            "Guilin Mayor Lu Zhenhai and Madiun Regent Budi Santoso signed the letter at the Guilin Convention "
            "Center.\n\n"
            "Vice Mayor Tang Meixiu, Qin Dawei, director of the Guilin Municipal Bureau of Commerce, and Siti "
            "Rahayu, speaker of the Madiun regional legislature, were among those at the ceremony.\n\n"
            "The Indonesian delegation, headed by Budi, is on a four-day visit to Guilin that began on Monday.\n")
    draft = extract(text, "en", "2030-06-06", gazetteer)
    signing, = draft_facts(draft, "Signing")
    visit, = draft_facts(draft, "DelegationVisit")
    for person in ("tang-meixiu", "qin-dawei", "siti-rahayu"):
        assert person in signing["participant"] and person in visit["participant"]


def test_who_gave_the_report_at_a_signing_was_there(gazetteer):
    text = ("Ngawi dan Guilin teken MoU tebu\n\n"
            "NGAWI — Pemerintah Kabupaten Ngawi dan Pemerintah Kota Guilin menandatangani nota kesepahaman kerja sama "
            "perkebunan tebu di Pendopo Wedya Graha, Ngawi, Selasa (4/6/2030).\n\n"
            "Nota kesepahaman diteken Bupati Ngawi Budi Santoso dan Wakil Wali Kota Guilin Lu Zhenhai.\n\n"
            "Kepala Dinas Perkebunan Ngawi, Ir. Hendra Wijaya, dalam laporannya menyebut luas kebun tebu rakyat "
            "di kabupaten itu mencapai 12 ribu hektare.\n")
    signing, = draft_facts(extract(text, "id", "2030-06-05", gazetteer), "Signing")
    assert "hendra-wijaya" in signing["participant"]


def test_the_town_a_partner_lies_in_is_not_where_the_agreement_was_signed(gazetteer):
    text = ("Madiun, Guilin sign tourism pact\n\n"
            "Madiun regency in East Java signed a memorandum of understanding on tourism with Yangshuo, a county in "
            "Guilin in China's Guangxi region, on Monday (May 12, 2031).\n\n"
            "Madiun Regent Budi Santoso and Yangshuo County head Lu Zhenhai signed the memorandum at the Pendopo "
            "Hall in Madiun.\n")
    mou, = draft_facts(extract(text, "en", "2031-05-13", gazetteer), "MemorandumOfUnderstanding")
    assert mou["signedAt"] == "kabupaten-madiun"


def test_the_fairs_organisers_are_the_fairs_and_its_town_received_the_delegation_among_its_guests(gazetteer):
    text = ("Osmanthus fair opens in Guilin, Indonesian regency among guests\n\n"
            "The Guilin Osmanthus and Tea Fair 2031 opened on Friday (Sept. 12, 2031) at the Guilin International "
            "Exhibition Center, drawing traders from 12 countries.\n\n"
            "The three-day fair is organized by the Guilin Municipal Bureau of Commerce and the Guilin Tea Trade "
            "Association.\n\n"
            "Among the guests was a 10-member delegation from Madiun Regency in Indonesia's East Java province, led "
            "by Vice Regent Siti Rahayu. Guilin Vice Mayor Lu Zhenhai met the delegation after the opening "
            "ceremony.\n")
    draft = extract(text, "en", "2031-09-13", gazetteer)
    expo, = draft_facts(draft, "Expo")
    visit, = draft_facts(draft, "DelegationVisit")
    assert len(expo.get("organiser", [])) == 2 and not visit.get("organiser")
    assert (visit.get("host"), visit["guest"]) == ("guilin", "kabupaten-madiun")


def test_a_trade_mission_organised_by_an_office_is_the_missions_not_the_fairs(gazetteer):
    text = ("Madiun teak makers bring home Guilin orders\n\n"
            "MADIUN, East Java — Nine furniture makers from Madiun regency took part in the Guilin Wood Products Fair "
            "2031 in Guilin, in China's Guangxi region, from Sept. 12 to 15, on a trade mission organised by the "
            "Madiun Trade Office.\n\n"
            "The 12-member mission was led by Madiun Vice Regent Siti Rahayu.\n")
    draft = extract(text, "en", "2031-09-17", gazetteer)
    expo, = draft_facts(draft, "Expo")
    visit, = draft_facts(draft, "DelegationVisit")
    assert visit.get("organiser") and not expo.get("organiser")


def test_a_named_forum_held_on_the_second_day_of_a_stay_is_dated_by_its_day_and_the_stay_is_the_visit(gazetteer):
    text = ("Delegasi Guilin Dua Hari di Ngawi, Jajaki Dagang Beras\n\n"
            "NGAWI - Rombongan Pemerintah Kota Guilin, Daerah Otonomi Guangxi, Tiongkok, berada di Ngawi selama dua "
            "hari, Selasa-Rabu (4-5/6/2030), untuk menjajaki kerja sama perdagangan beras.\n\n"
            "Delegasi berjumlah sembilan orang dan dipimpin Wakil Wali Kota Guilin, Lu Zhenhai.\n\n"
            "Setibanya di Ngawi, Selasa (4/6), rombongan diterima Bupati Ngawi, Budi Santoso, di Pendopo Kabupaten "
            "Ngawi.\n\n"
            "Keesokan harinya, Rabu (5/6), digelar Forum Bisnis Beras Ngawi-Guilin di Hotel Sriti. Forum tersebut "
            "diselenggarakan Dinas Perdagangan Kabupaten Ngawi.\n")
    draft = extract(text, "id", "2030-06-06", gazetteer)
    meeting, = draft_facts(draft, "Meeting")
    visit, = draft_facts(draft, "DelegationVisit")
    assert meeting["date"] == "2030-06-05"
    assert (visit["startDate"], visit["endDate"]) == ("2030-06-04", "2030-06-05")
    assert (visit["host"], visit["guest"]) == ("kabupaten-ngawi", "guilin")


def test_a_delegation_said_to_stay_in_a_town_for_days_visited_it_in_an_article_about_a_signing(tmp_path):
    (tmp_path / "gazetteer.yaml").write_text(
        (ROOT / "sources" / "gazetteer.yaml").read_text(encoding="utf-8")
        + "  - id: dinas-pendidikan-ngawi\n    type: GovernmentAgency\n    label: Dinas Pendidikan Kabupaten Ngawi\n"
          "  - id: biro-pendidikan-guilin\n    type: GovernmentAgency\n    label: Biro Pendidikan Kota Guilin\n"
          "    alias: [Biro Pendidikan Guilin]\n", encoding="utf-8")
    known = load_gazetteer(tmp_path, load_vocabulary(ROOT / "ontology.ttl"))
    text = ("Dinas Pendidikan Ngawi Teken LoI dengan Biro Pendidikan Guilin\n\n"
            "NGAWI - Dinas Pendidikan Kabupaten Ngawi dan Biro Pendidikan Kota Guilin meneken surat pernyataan "
            "kehendak (letter of intent) kerja sama pendidikan di Pendopo Kabupaten Ngawi, Jumat (21/3/2031).\n\n"
            "LoI ditandatangani Kepala Dinas Pendidikan Kabupaten Ngawi, Siti Rahayu, dan Direktur Biro Pendidikan "
            "Kota Guilin, Lu Zhenhai, yang sekaligus memimpin delegasi Guilin.\n\n"
            "Delegasi Biro Pendidikan Guilin berjumlah delapan orang dan berada di Ngawi selama tiga hari, Kamis "
            "hingga Sabtu (20-22/3).\n")
    visit, = draft_facts(extract(text, "id", "2031-03-22", known), "DelegationVisit")
    assert visit["host"] == "kabupaten-ngawi"
    assert (visit["startDate"], visit["endDate"]) == ("2031-03-20", "2031-03-22")


def test_setting_out_for_a_town_told_first_visits_it_leaving_for_one_later_does_not(gazetteer):
    text = ("12 Perajin Batik Ngawi Berangkat Belajar ke Guilin\n\n"
            "NGAWI, Selasa (4/11/2031) - Sebanyak 12 perajin batik asal Kabupaten Ngawi, Jawa Timur, berangkat ke "
            "Kota Guilin, Daerah Otonomi Guangxi, Tiongkok, untuk mengikuti pelatihan desain tekstil selama dua "
            "pekan.\n\n"
            "Rombongan dipimpin Kepala Dinas Perindustrian Kabupaten Ngawi, Siti Rahayu.\n")
    visit, = draft_facts(extract(text, "id", "2031-11-04", gazetteer), "DelegationVisit")
    assert (visit.get("host"), visit["guest"]) == ("guilin", "kabupaten-ngawi")
    text = ("Delegasi Guilin Tinjau Sawah Ngawi\n\n"
            "NGAWI - Rombongan Pemerintah Kota Guilin tiba di Ngawi, Senin (8/7/2030), dan diterima Bupati Ngawi, Budi "
            "Santoso.\n\n"
            "Rabu (10/7) pagi ini, rombongan dijadwalkan meninjau sawah sebelum bertolak ke Madiun.\n")
    visit, = draft_facts(extract(text, "id", "2030-07-10", gazetteer), "DelegationVisit")
    assert visit["host"] == "kabupaten-ngawi"


def test_who_was_with_the_leader_took_part(gazetteer):
    text = ("Madiun teak makers at Guilin fair\n\n"
            "GUILIN — Furniture makers from Madiun regency took part in the Guilin Wood Products Fair 2031, which ran "
            "from Sept. 12 to 15 at the Guilin International Exhibition Center.\n\n"
            "Madiun Vice Regent Siti Rahayu led the regency's nine-member group. With her were Budi Santoso, head of "
            "the Madiun Trade Office, and Hendra Wijaya, chairman of the Madiun Teak Makers Association.\n")
    draft = extract(text, "en", "2031-09-16", gazetteer)
    people = {p for f in draft_facts(draft) if f.get("type") in ("Expo", "DelegationVisit")
              for p in f.get("participant", [])}
    assert {"budi-santoso", "hendra-wijaya"} <= people


def test_members_listed_in_the_group_and_who_ran_the_ceremony_were_there(gazetteer):
    text = ("Guilin dan Ngawi Teken MoU Beras\n\n"
            "NGAWI - Naskah MoU ditandatangani oleh Bupati Ngawi, Budi Santoso, dan Wali Kota Guilin, Lu Zhenhai, di "
            "Pendopo Kabupaten Ngawi, Selasa (14/3/2028).\n\n"
            "Rombongan Pemkot Guilin berjumlah 11 orang. Mereka tiba di Ngawi, Senin malam (13/3), dan dijadwalkan "
            "berada di Ngawi hingga Kamis (16/3). Dalam rombongan antara lain Direktur Biro Pertanian Kota Guilin Tang "
            "Meixiu.\n\n"
            "Kepala Bagian Kerja Sama Setda Ngawi, Hendra Wijaya, yang memandu jalannya acara, menyebut penyusunan "
            "naskah MoU memakan waktu setahun.\n")
    draft = extract(text, "id", "2028-03-15", gazetteer)
    signing, = draft_facts(draft, "Signing")
    visit, = draft_facts(draft, "DelegationVisit")
    assert "tang-meixiu" in visit["participant"]
    assert "hendra-wijaya" in signing["participant"]
    text = ("Lu led a 12-member delegation that arrived in Ngawi on Monday. Among its members were Tang Meixiu, "
            "Guilin's vice mayor, and Qin Dawei, director of the city's Bureau of Commerce.\n")
    visit, = draft_facts(extract(text, "en", "2028-03-15", gazetteer), "DelegationVisit")
    assert {"tang-meixiu", "qin-dawei"} <= set(visit.get("participant", []))


def test_a_delegation_that_arrived_on_a_day_for_a_three_day_visit_stayed_three_days(gazetteer):
    text = ("Madiun, Guilin sign tourism pact\n\n"
            "Madiun regency in East Java signed a memorandum of understanding on tourism with Guilin, a city in "
            "China's Guangxi region, on Monday (May 12, 2031).\n\n"
            "Madiun Regent Budi Santoso and Guilin Mayor Lu Zhenhai signed the memorandum at the Pendopo Hall in "
            "Madiun.\n\n"
            "Lu is leading a 10-member delegation that arrived in Madiun on Sunday for a "
            "three-day visit.\n")
    visit, = draft_facts(extract(text, "en", "2031-05-13", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2031-05-11", "2031-05-13")

"""The eighteenth round of readings, tuned on bench/heldout16 once it had been measured blind: a region's booth at a
fair is no visit to the region; a company's general manager directs it; who was "among those at" a ceremony or gave
a report there was at it; the town a partner lies in is not where it signed; a fair's organisers are the fair's, a
mission's the mission's. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
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

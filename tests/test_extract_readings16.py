"""The sixteenth round of readings, tuned on bench/heldout14 once it had been measured blind: a head and the office
abbreviated together ("Kepala Dinas Perikanan (Kadiskan) Ngawi"), "Tanjab Barat", the province a regency lies in
is no event's place, a group led by someone said with its size, and two bodies that signed (a cooperative and a
company, an office and a college) as the agreement's parties, with the office's head. Test texts of our own, in the
shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts, draft_posts_by_label as posts_by_label


def test_a_head_and_the_office_abbreviated_together_is_the_head_of_the_office_of_the_town_after(gazetteer):
    text = ("NGAWI - Forum bisnis Ngawi-Guilin dihadiri Kepala Dinas Perikanan (Kadiskan) Ngawi, Ir. Budi Santoso, "
            "dan Plt Kepala Dinas Perkebunan dan Peternakan (Kadisbunnak) Ngawi, Siti Aminah, Selasa (10/7/2029).\n")
    draft = extract(text, "id", "2029-07-11", gazetteer)
    held = posts_by_label(draft)
    assert held >= {("budi-santoso", "head", "Dinas Perikanan Kabupaten Ngawi"),
                    ("siti-aminah", "acting-head", "Dinas Perkebunan dan Peternakan Kabupaten Ngawi")}
    assert not [e for e in draft.proposed if e["id"].startswith("kepala-")]


def test_tanjab_barat_is_the_regency_the_press_shortens_so(gazetteer):
    text = ("KUALA TUNGKAL - Wakil Bupati Tanjab Barat, Hairul Fikri, menerima delegasi Kota Guilin di Kuala Tungkal, "
            "Senin (12/11/2029).\n")
    draft = extract(text, "id", "2029-11-13", gazetteer)
    assert ("hairul-fikri", "vice-regent", "kabupaten-tanjung-jabung-barat") in posts(draft)
    assert not [e for e in draft.proposed if e["type"] == "Regency"]


def test_the_province_a_regency_lies_in_is_not_where_its_people_went_and_their_leader_is_said_with_its_size(
        gazetteer):
    text = ("NGAWI — Small producers from Ngawi regency in East Java took rice crackers and teak crafts to the Guilin "
            "Border Goods Fair 2029, which opened on Thursday, Aug 23, in Guilin, in China's Guangxi region.\n\n"
            "Ngawi's 13-member group was led by Budi Santoso, head of the Ngawi Trade Office.\n")
    expo, = facts(extract(text, "en", "2029-08-28", gazetteer), "Expo")
    assert (expo["location"], expo["ledBy"]) == ("guilin", "budi-santoso")


def test_two_bodies_that_signed_are_the_parties_not_the_towns_they_are_in(gazetteer):
    text = ("NGAWI - Koperasi Tani Makmur Kabupaten Ngawi (Ngawi) dan Guilin Sanhua Rice Co., Ltd. dari Kota Guilin, "
            "Provinsi Guangxi, Tiongkok, menandatangani perjanjian kerja sama (PKS) pasokan beras di Pendopo "
            "Kabupaten Ngawi, Senin (12/11/2029).\n\n"
            "PKS diteken Ketua Koperasi Tani Makmur, H. Budi Santoso, dan Direktur Utama Guilin Sanhua Rice, Li Wei.\n")
    draft = extract(text, "id", "2029-11-13", gazetteer)
    agreement, = facts(draft, "CooperationAgreement")
    labels = {e["id"]: e["label"] for e in draft.proposed}
    assert sorted(str(labels.get(p, p)) for p in agreement["party"]) == [
        "Guilin Sanhua Rice Co., Ltd.", "Koperasi Tani Makmur"]
    assert agreement["signatory"] == ["budi-santoso", "li-wei"]


def test_an_office_and_a_college_that_signed_are_the_parties_and_the_offices_head_signed_for_it(gazetteer):
    text = ("GUILIN — A delegation from Ngawi regency visited Guilin on Tuesday, Sept 25, 2029.\n\n"
            "At the same reception, the Ngawi Manpower Office and the Guilin Lijiang Technical College signed a "
            "cooperation agreement on training machine operators. The agreement was signed by the office's head, "
            "Budi Santoso, and the college's president, Li Wei.\n")
    draft = extract(text, "en", "2029-09-26", gazetteer)
    agreement, = facts(draft, "CooperationAgreement")
    assert agreement["party"] == ["ngawi-manpower-office", "guilin-lijiang-technical-college"]
    assert agreement["signatory"] == ["budi-santoso", "li-wei"]
    assert ("budi-santoso", "head", "ngawi-manpower-office") in posts(draft)


def test_a_regent_and_a_mayor_who_signed_leave_their_towns_the_parties(gazetteer):
    text = ("NGAWI - Bupati Ngawi Budi Santoso dan Wali Kota Guilin Li Wei menandatangani MoU kerja sama pertanian di "
            "Pendopo Kabupaten Ngawi, Senin (12/11/2029).\n")
    mou, = facts(extract(text, "id", "2029-11-13", gazetteer), "MemorandumOfUnderstanding")
    assert sorted(mou["party"]) == ["guilin", "kabupaten-ngawi"]



def test_a_meeting_whose_host_is_not_named_is_hosted_by_the_town_whose_office_organised_it(gazetteer):
    text = ("Forum Bisnis Ngawi-Guilin Digelar, Investor Guangxi Lirik Padi Organik\n\n"
            "NGAWI - Sebanyak 15 anggota delegasi Pemerintah Kota Guilin, Tiongkok, mengikuti Forum Bisnis dan "
            "Investasi Ngawi-Guilin 2029 di Ballroom Hotel Sentosa, Kamis (12/7/2029).\n\n"
            "Forum dibuka Wakil Gubernur Jawa Timur, Budi Santoso, didampingi Plt Bupati Ngawi, Sri Wahyuni.\n\n"
            "Kegiatan diselenggarakan Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) Ngawi.\n")
    meeting, = facts(extract(text, "id", "2029-07-13", gazetteer), "Meeting")
    assert (meeting["host"], meeting["guest"], meeting["location"]) == ("kabupaten-ngawi", "guilin", "kabupaten-ngawi")


def test_an_office_of_the_regency_of_a_name_a_city_shares_serves_the_regency(gazetteer):
    text = ("MADIUN - Sebanyak 15 anggota delegasi Pemerintah Kota Guilin, Tiongkok, mengikuti Forum Bisnis "
            "Madiun-Guilin 2029 di Ballroom Hotel Sentosa, Kamis (12/7/2029).\n\n"
            "Kegiatan diselenggarakan Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) Kabupaten "
            "Madiun.\n")
    visit, = facts(extract(text, "id", "2029-07-13", gazetteer), "DelegationVisit")
    assert (visit["host"], visit["guest"]) == ("kabupaten-madiun", "guilin")


YULIN_AGAIN = ("NGAWI - Rombongan Pemerintah Kota Yulin, Tiongkok, yang berjumlah 20 orang meninjau kawasan industri "
               "Kabupaten Ngawi, Jumat (13/7/2029). Rombongan dipimpin Wakil Wali Kota Yulin Chen Hao.\n\n"
               "Dalam peninjauan itu, delegasi didampingi Bupati Ngawi, Budi Santoso.\n")


def test_a_name_two_cities_share_is_the_one_other_records_name_as_a_side(gazetteer):
    def guests(sides):
        draft = extract(YULIN_AGAIN, "id", "2029-07-14", gazetteer, {}, frozenset(sides))
        return {f["guest"] for f in facts(draft, "DelegationVisit")}, posts(draft)

    assert guests({"yulin-shaanxi", "kabupaten-ngawi"}) == ({"yulin-shaanxi"}, {
        ("chen-hao", "deputy-mayor", "yulin-shaanxi"), ("budi-santoso", "regent", "kabupaten-ngawi")})
    found, held = guests({"yulin-shaanxi", "yulin-guangxi"})  # both dealt with: the article does not say which
    assert not found and not {p for p in held if p[2].startswith("yulin")}


BOALEMO_FAIR = ("TILAMUTA — Small producers from Boalemo regency in Gorontalo took corn chips to the Guilin Border "
                "Goods Fair 2029, which opened on Thursday, Aug 23, in Guilin.\n\n"
                "Boalemo's 10-member group was led by Budi Santoso, acting head of the regency's Trade Office.\n\n"
                "Boalemo, the easternmost regency of Gorontalo province, lies on the Gulf of Tomini.\n\n"
                "Caption: Boalemo producers at the Guilin fair. (Gorontalo Daily/HO-Boalemo Regency)\n")


def test_the_regency_of_a_province_is_not_the_regency_of_that_name_and_its_office_is_the_story_regencys(gazetteer):
    draft = extract(BOALEMO_FAIR, "en", "2029-08-28", gazetteer)
    assert "kabupaten-gorontalo" not in draft.mentioned
    held = posts_by_label(draft)
    assert ("budi-santoso", "acting-head", "Boalemo Trade Office") in held


def test_a_handout_photos_credit_names_no_new_regency(gazetteer):
    draft = extract(BOALEMO_FAIR, "en", "2029-08-28", gazetteer)
    assert not [e for e in draft.proposed if e["type"] == "Regency"]


def test_the_regencys_office_is_named_with_the_regency_as_the_article_writes_it(gazetteer):
    text = ("GUILIN, Nov. 7 -- A delegation from Tapanuli Tengah regency in Indonesia's North Sumatra province is in "
            "Guilin this week.\n\n"
            "The delegation includes Siti Aminah, acting head of the regency's Marine Affairs and Fisheries Office.\n")
    held = posts_by_label(extract(text, "en", "2029-11-07", gazetteer))
    assert ("siti-aminah", "acting-head", "Tapanuli Tengah Marine Affairs and Fisheries Office") in held
    english = text.replace("Tapanuli Tengah regency", "Central Tapanuli regency")
    held = posts_by_label(extract(english, "en", "2029-11-07", gazetteer))
    assert ("siti-aminah", "acting-head", "Central Tapanuli Marine Affairs and Fisheries Office") in held


def test_a_chamber_whose_chair_is_named_after_it_in_indonesian_and_an_arabic_surname_with_al(gazetteer):
    text = ("NGAWI - Delegasi Kota Guilin bertemu Bupati Ngawi, Budi Santoso, Rabu (10/10/2029).\n\n"
            "Pertemuan ini difasilitasi Kamar Dagang dan Industri (Kadin) Ngawi, yang ketuanya, H. Ahmad Fauzi "
            "Al-Farisi, ikut hadir.\n")
    held = posts(extract(text, "id", "2029-10-11", gazetteer))
    assert [(holder, role) for holder, role, _ in held if holder.startswith("ahmad")] == [
        ("ahmad-fauzi-al-farisi", "chair")]

"""The sixteenth round of readings, tuned on bench/heldout14 once it had been measured blind: a head and the office
abbreviated together ("Kepala Dinas Perikanan (Kadiskan) Ngawi"), "Tanjab Barat", the province a regency lies in
is no event's place, and a group led by someone said with its size. Test texts of our own, in the shapes regional
news uses."""
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

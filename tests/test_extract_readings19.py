"""The nineteenth round of readings, tuned on bench/heldout17 once it had been measured blind: a trip told after it
("has returned from X, where they studied …", "spent three days in X, arriving on Monday"), a vice chairwoman; where
a town lies, said as "in the east of the … Region" or "kota setingkat kabupaten di bawah Kota X"; the title of an
office named before, then the name ("Wakil Ketua asosiasi tersebut, Name", "the association's chairman, Name");
experts from a body abroad who came to train ("Lima ahli dari Asosiasi … melatih …") made a visit; a stay told by
its end and length ("wrapped up a four-day visit to X on Friday"). Test texts of our own, in the shapes regional
news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts, draft_posts


def test_a_trip_told_after_it_is_a_visit_to_where_they_returned_from_for_the_days_they_spent(gazetteer):
    text = ("Madiun farmers study Guilin's rice terraces\n\n"
            "MADIUN, East Java — A six-member team of farmers' group leaders from Madiun regency has returned from "
            "Guilin, a city in China's Guangxi region, where they studied terrace irrigation.\n\n"
            "The team spent three days in Guilin, arriving on Monday (Aug. 9, 2032), at the invitation of the Guilin "
            "Agriculture Bureau.\n\n"
            "On Tuesday, Tang Meixiu, vice chairwoman of the Guilin Rice Growers Association, received the team.\n")
    draft = extract(text, "en", "2032-08-13", gazetteer)
    visit, = draft_facts(draft, "DelegationVisit")
    assert visit["host"] == "guilin" and visit.get("guest") != "guilin"
    assert (visit["startDate"], visit["endDate"]) == ("2032-08-09", "2032-08-11")
    assert any(holder == "tang-meixiu" and role == "vice-chair" for holder, role, _ in draft_posts(draft))


def test_where_a_town_lies_said_as_the_part_of_a_province_or_a_city_it_is_in(gazetteer):
    def located(text, language):
        return {(f["about"], f["locatedIn"]) for f in draft_facts(extract(text, language, "2032-05-01", gazetteer))
                if "locatedIn" in f}
    assert ("guilin", "guangxi") in located(
        "Guilin, in the north of the Guangxi Zhuang Autonomous Region, is known for its karst hills.\n", "en")
    assert ("yangshuo", "guilin") in located(
        "Yangshuo merupakan kabupaten di bawah Kota Guilin dan dikenal dengan Sungai Li.\n", "id")


def test_the_title_of_an_office_named_before_then_the_name(gazetteer):
    text = ("NGAWI - Pelatihan diselenggarakan Dinas Pertanian Kabupaten Ngawi bekerja sama dengan Asosiasi Petani "
            "Teh Guilin. Tim ahli dipimpin Wakil Ketua asosiasi tersebut, Tang Meixiu.\n")
    posts = draft_posts(extract(text, "id", "2032-06-01", gazetteer))
    assert any(holder == "tang-meixiu" and role == "vice-chair" for holder, role, _ in posts)
    text = ("GUILIN - A team of rice farmers from Madiun visited Guilin on Monday (June 7, 2032). The trip was "
            "organised by the Madiun Farmers Association and led by the association's chairman, Budi Santoso.\n")
    posts = draft_posts(extract(text, "en", "2032-06-09", gazetteer))
    assert any(holder == "budi-santoso" and role == "chair" for holder, role, _ in posts)


def test_experts_from_a_chinese_body_who_came_to_train_made_a_visit(gazetteer):
    text = ("Ahli dari Guilin Latih Petani Teh Ngawi\n\n"
            "NGAWI - Enam ahli dari Asosiasi Petani Teh Guilin, Kota Guilin, Tiongkok, melatih puluhan petani teh di "
            "Kabupaten Ngawi. Pelatihan berlangsung tiga hari, Selasa hingga Kamis (8-10/6/2032), di Pendopo "
            "Kabupaten Ngawi.\n\n"
            "Bupati Ngawi, Budi Santoso, membuka pelatihan pada hari pertama.\n")
    visit, = draft_facts(extract(text, "id", "2032-06-11", gazetteer), "DelegationVisit")
    assert visit["host"] == "kabupaten-ngawi"


def test_a_stay_told_by_its_end_and_length_is_the_visit_around_its_forum(gazetteer):
    text = ("Guilin, Madiun look at rice trade at matchmaking forum\n\n"
            "A 12-member delegation from Madiun regency in Indonesia's East Java province wrapped up a four-day visit "
            "to Guilin on Friday (Oct. 22, 2032).\n\n"
            "The delegation was led by Madiun Regent Budi Santoso. Guilin Mayor Lu Zhenhai received the group on "
            "Tuesday.\n\n"
            "On Wednesday, the Guilin-Madiun Rice Trade Matchmaking Forum was held at the Guilin Grand Hotel. The "
            "forum was organized by the Guilin Municipal Bureau of Commerce.\n")
    draft = extract(text, "en", "2032-10-23", gazetteer)
    visit, = draft_facts(draft, "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2032-10-19", "2032-10-22")
    text = ("A delegation from Madiun regency wrapped up a three-day visit to Guilin on Friday (Oct. 22, 2032). Guilin "
            "Mayor Lu Zhenhai received the group on Wednesday.\n")
    visit, = draft_facts(extract(text, "en", "2032-10-23", gazetteer), "DelegationVisit")
    assert (visit["startDate"], visit["endDate"]) == ("2032-10-20", "2032-10-22")

"""The eighteenth round of readings, tuned on bench/heldout16 once it had been measured blind: a region's booth at a
fair is no visit to the region. Test texts of our own, in the shapes regional news uses."""
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

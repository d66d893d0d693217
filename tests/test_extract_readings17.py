"""The seventeenth round of readings, tuned on bench/heldout15 once it had been measured blind: a Chinese surname
that is also a county's name ("Duan", Du'an county) before a given name is a person's. Test texts of our own, in
the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_posts as posts


def test_a_surname_that_is_a_countys_name_before_a_given_name_is_a_persons(gazetteer):
    text = ("NGAWI - MoU ditandatangani Bupati Ngawi, Budi Santoso, dan Wakil Wali Kota Guilin, Duan Lixia, di "
            "Pendopo Kabupaten Ngawi, Selasa (11/6/2030).\n\n"
            "Duan Lixia mengatakan Guilin siap menerima pelajar dari Ngawi.\n")
    draft = extract(text, "id", "2030-06-12", gazetteer)
    assert ("duan-lixia", "deputy-mayor", "guilin") in posts(draft)
    assert "duan" not in draft.mentioned


def test_the_county_written_with_its_rank_is_still_the_county(gazetteer):
    text = ("GUILIN - A delegation from Ngawi regency visited Duan County in Hechi on Tuesday, June 11, 2030, to "
            "look at its rice terraces.\n")
    assert "duan" in extract(text, "en", "2030-06-12", gazetteer).mentioned

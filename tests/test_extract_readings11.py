"""The eleventh round of readings: a regency's agreement with a company, a town written with the town it lies in,
rooms named for a title. Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts, draft_posts as posts


def test_a_regency_that_signs_with_a_company_has_the_company_as_the_other_party(gazetteer):
    text = ("Pemerintah Kabupaten Halmahera Selatan menandatangani nota kesepahaman (MoU) dengan Fuqing Haixing "
            "Aquatic Co., Ltd., perusahaan budidaya asal Kota Fuqing, Fuzhou, Provinsi Fujian, tentang budidaya "
            "rumput laut di Bacan, Selasa (8/9).\n\n"
            "MoU ditandatangani oleh Chairman Fuqing Haixing Aquatic Co., Ltd., Mr. Chen Weiguo, bersama Bupati "
            "Halmahera Selatan Rusdi Abdullah Tomagola.\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    mou, = facts(draft, "MemorandumOfUnderstanding")
    company = next(e["id"] for e in draft.proposed if e["label"] == "Fuqing Haixing Aquatic Co., Ltd.")
    assert mou["party"] == ["kabupaten-halmahera-selatan", company]
    assert mou["signedOn"] == "2026-09-08"
    assert {"chen-weiguo", "rusdi-abdullah-tomagola"} <= set(mou["signatory"])


def test_a_town_written_with_the_town_the_gazetteer_puts_it_in_lies_there(gazetteer):
    text = "Rombongan pengusaha asal Kota Fuqing, Fuzhou, Provinsi Fujian, tiba di Bacan pada Senin (7/9).\n"
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2026-09-10", gazetteer).facts
               if "locatedIn" in f}
    assert ("fuqing", "fuzhou-fujian") in located


def test_two_towns_in_a_list_do_not_lie_in_each_other(gazetteer):
    text = "Delegasi itu juga akan mengunjungi Kota Ningde, Fuzhou, dan Xiamen pekan depan.\n"
    located = {(f["about"], f["locatedIn"]) for f in extract(text, "id", "2026-09-10", gazetteer).facts
               if "locatedIn" in f}
    assert ("ningde", "fuzhou-fujian") not in located


def test_a_room_named_for_the_regent_is_no_region_and_no_person(gazetteer):
    text = ("Pemerintah Kabupaten Halmahera Selatan dan Kota Fuqing menandatangani LoI kerja sama perikanan.\n\n"
            "Penandatanganan berlangsung di Ruang Rapat Bupati, Kantor Bupati Halmahera Selatan, Selasa (8/9).\n")
    draft = extract(text, "id", "2026-09-10", gazetteer)
    assert not [e for e in draft.proposed if e["type"] in ("Regency", "Person")]
    assert not [p for p in posts(draft) if p["role"] == "regent"]

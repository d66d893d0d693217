"""The ninth round of readings: who attended a signing during a visit, sectors said of "the two cities" when
colleges signed too, "agreed to deepen exchanges in …". Test texts of our own, in the shapes regional news uses."""
from __future__ import annotations

from graph.extract import extract
from tests.helpers import draft_facts as facts


def people(draft):
    return {p["label"]: p for p in draft.proposed if p["type"] == "Person"}


def test_who_attended_a_signing_during_the_visit_was_at_the_visit(gazetteer):
    text = ("On July 2, the Huizhou Municipal People's Government and the Bitung City Government signed a letter of "
            "intent in Bitung. A 9-member Huizhou delegation visited Bitung from July 1 to 3.\n\n"
            "Tang Meiling, Director of the Huizhou Port Authority, and Yohanis Rarung, Speaker of Bitung City "
            "Council, attended the signing ceremony.\n")
    draft = extract(text, "en", "2026-07-05", gazetteer)
    visit, = facts(draft, "DelegationVisit")
    signing, = facts(draft, "Signing")
    named = people(draft)
    for name in ("Tang Meiling", "Yohanis Rarung"):
        assert named[name]["id"] in signing["participant"] and named[name]["id"] in visit["participant"]


def test_what_the_two_cities_will_cover_is_the_cities_agreement_not_the_colleges(gazetteer):
    text = ("Pemerintah Kota Bitung dan Pemerintah Kota Huizhou menandatangani Letter of Intent (LoI) di Bitung, "
            "Kamis (2/7).\n\n"
            "Di tempat yang sama, Politeknik Negeri Nusa Utara dan Huizhou Maritime College menandatangani nota "
            "kesepahaman (MoU).\n\n"
            "Wali kota mengatakan hubungan itu sudah lama terjalin.\n\n"
            "Menurut rencana, kerja sama kedua kota akan mencakup pariwisata dan perikanan.\n")
    draft = extract(text, "id", "2026-07-03", gazetteer)
    loi, = facts(draft, "LetterOfIntent")
    mou, = facts(draft, "MemorandumOfUnderstanding")
    assert loi["sector"] == ["tourism", "fisheries"]
    assert not {"tourism", "fisheries"} & set(mou.get("sector", []))


def test_both_sides_agreed_to_deepen_exchanges_in_says_what_the_agreement_covers(gazetteer):
    text = ("Bitung and Huizhou signed a letter of intent on friendly city relations in Bitung on July 2.\n\n"
            "The mayor said the two ports had traded for decades.\n\n"
            "Both sides agreed to deepen exchanges in tourism, fisheries and trade.\n")
    loi, = facts(extract(text, "en", "2026-07-03", gazetteer), "LetterOfIntent")
    assert loi["sector"] == ["tourism", "fisheries", "trade"]

"""The extractor never crashes, and never quotes what the text does not say, on any news-shaped text.

Texts are made from the rules' own vocabulary (titles, abbreviations, rank words, agreement and
visit words, months and weekdays) and the gazetteer's names (regions of the base gazetteer,
people, organisations), in random order with punctuation, numbers and line breaks.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.evidence import NormalisedText
from graph.extract import EXTRACTOR, Draft, extract
from graph.extract import vocabulary as words
from graph.ontology import load_vocabulary
from graph.regions import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = load_gazetteer(ROOT / "sources", load_vocabulary(ROOT / "ontology.ttl"))
NAMES = sorted({name for item in GAZETTEER.items for name in [*item.labels.values(), *item.aliases]})
VOCABULARY = sorted({
    *(t for t, _, _ in words.TITLES), *words.RANK_BEFORE, *words.RANK_AFTER, *words.HONORIFICS,
    *words.MONTHS, *words.WEEKDAYS, *words.APPOSITION_ROLES, *words.APPOSITION_REGIONAL,
    *(k for ks in words.SECTORS.values() for k in ks),
    "Pj", "Plt", "Penjabat", "acting", "Wagub", "Konjen", "Kadis", "Wako", "Kadin", "DPRD", "Ketua DPRD",
    "LoI", "MoU", "Letter of Intent", "Intent Letter", "sister city", "kota kembar", "menandatangani",
    "ditandatangani oleh", "signed by", "delegasi", "rombongan", "ketua rombongan", "dipimpin", "led by",
    "kunjungan", "visited", "pertemuan", "met with", "Expo", "pameran", "di", "ke", "dan", "and", "of", "the",
    "yaitu", "periode", "Baca juga", "Read also", "Berita terkait", "Foto", "ANTARA", "Editor", "Reporter",
})
PUNCTUATION = [",", ".", "(", ")", "/", "-", "–", ":", ";", "“", "”", '"', "\n", "\n\n", " "]
PEOPLE = ["Budi Hartono", "Li Wei", "Siti Aminah", "Fahmi", "Zhang", "Mr. Chen Bo", "Hj. Dewi Lestari"]

token = st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(NAMES), st.sampled_from(PUNCTUATION),
                  st.sampled_from(PEOPLE), st.integers(0, 2100).map(str),
                  st.tuples(st.integers(0, 40), st.integers(0, 14)).map(lambda d: f"({d[0]}/{d[1]})"),
                  st.text(alphabet="abcXYZ éü中文", max_size=6))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(token, max_size=60), language=st.sampled_from(["id", "en"]),
       published=st.sampled_from([None, "2025-06-13", "2024-04", "2023"]))
@pytest.mark.slow
def test_any_news_shaped_text_gives_a_draft_that_quotes_the_text(parts, language, published):
    text = " ".join(parts)
    draft = extract(text, language, published, GAZETTEER)
    assert isinstance(draft, Draft)
    folded = NormalisedText(text)
    for fact in draft.facts + draft.pending:
        assert fact["extractor"] == EXTRACTOR and fact["reviewed"] is False
        quotes = fact["quote"] if isinstance(fact["quote"], list) else [fact["quote"]]
        assert quotes and all(q and folded.locate(q) is not None for q in quotes), (fact, text)


def test_a_title_without_a_region_class_is_read_not_a_crash():
    # "Kadis" (kepala dinas) is held in an agency, not a region: it crashed kg add with KeyError: None
    draft = extract("Kadis Pariwisata Kota Serang Budi Hartono hadir.\n", "id", "2025-01-01", GAZETTEER)
    assert isinstance(draft, Draft) and draft.reason is None

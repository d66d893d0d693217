"""Each stage of the extractor on its own: names, segments, dates, mentions."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.extract.names import NameIndex
from graph.extract.segments import segments


def test_name_index_finds_the_longest_whole_name():
    index = NameIndex(["Kab. Tangerang", "Tangerang", "Kota Tangerang", "Jawa", "Jawa Barat", "Sino"])
    text = "Dari Kota  Tangerang ke Kab. Tangerang, Jawa Barat; bukan Tangerangan atau Sino-Jawa."
    found = [name for _, _, name in index.finditer(text)]
    assert found == ["Kota Tangerang", "Kab. Tangerang", "Jawa Barat"]  # not in "Sino-Jawa"
    start, end, _ = next(index.finditer(text))
    assert text[start:end] == "Kota  Tangerang"  # any run of spaces between the words
    assert list(index.finditer("Kota\nTangerang")) == [(5, 14, "Tangerang")]  # never across a line


def test_segments_mark_page_furniture_and_the_dateline():
    text = ("Judul berita tentang kerja sama\n"
            "Mataram (ANTARA) - Wali Kota Mataram menerima tamu. Mereka membahas pariwisata.\n"
            "Baca juga: Delegasi lain datang ke Lombok\n"
            "Wali Kota Mataram (kiri) menyambut tamu dari Guilin (ANTARA/HO-Pemkot)\n"
            "Pewarta: Nama Wartawan\n"
            "Read also: Another story\n"
            "Foto: Nama Fotografer\n")
    kinds = [(s.kind, s.text) for s in segments(text)]
    assert kinds == [
        ("body", "Judul berita tentang kerja sama"), ("dateline", "Mataram (ANTARA) - "),
        ("body", "Wali Kota Mataram menerima tamu."), ("body", "Mereka membahas pariwisata."),
        ("teaser", "Baca juga: Delegasi lain datang ke Lombok"),
        ("caption", "Wali Kota Mataram (kiri) menyambut tamu dari Guilin (ANTARA/HO-Pemkot)"),
        ("credit", "Pewarta: Nama Wartawan"), ("teaser", "Read also: Another story"),
        ("caption", "Foto: Nama Fotografer")]


@pytest.mark.parametrize("text, language", [
    ("Kota Mataram dan Kota Guilin menandatangani MoU kerja sama pariwisata.\n"
     "Kota Guilin dan Kota Mataram berjabat tangan usai penandatanganan MoU (ANTARA/HO-Humas)\n", "id"),
    ("Mataram City and Guilin City signed an MoU on tourism.\n"
     "Photo: Guilin City and Mataram City officials after the MoU signing\n", "en"),
])
def test_a_caption_never_duplicates_a_fact(gazetteer, text, language):
    draft = extract(text, language, "2025-05-02", gazetteer)
    mous = [f for f in draft.facts + draft.pending if f.get("type") == "MemorandumOfUnderstanding"]
    assert len({tuple(sorted(f["party"])) for f in mous}) == 1
    assert mous[0]["party"] == ["kota-mataram", "guilin"]
    assert all("Photo" not in str(f["quote"]) and "ANTARA" not in str(f["quote"]) for f in mous)


def test_a_dateline_and_a_byline_name_no_participant(gazetteer):
    text = ("Surakarta (ANTARA) - Delegasi Kota Guilin berkunjung ke Kota Mataram, Jumat (18/10/2024).\n"
            "Delegasi dipimpin Wakil Wali Kota Guilin Li Qiang.\n"
            "Pewarta: Andi Kusuma\n")
    draft = extract(text, "id", "2024-10-19", gazetteer)
    visit, = [f for f in draft.facts if f.get("type") == "DelegationVisit"]
    assert (visit["host"], visit["guest"]) == ("kota-mataram", "guilin")
    values = str(draft.facts + draft.pending + draft.proposed)
    assert "surakarta" not in values and "antara" not in values.lower() and "andi" not in values.lower()

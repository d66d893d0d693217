"""Text -> segments: sentences, each with its paragraph and what kind of text it is.

News pages carry text that is not the story: "Baca juga"/"Berita terkait"/"Read also"
teasers, bylines and credits ("Pewarta: …", "Editor: …"), photo captions ("… (kiri) …
(ANTARA/HO-Humas)"), and a dateline before the first sentence ("Surakarta (ANTARA) - ",
"BEIJING, May 12 (Xinhua) -- "). They are marked here, and only body sentences give facts:
a caption repeats the story with the parties in another order, a dateline names the
reporter's town and the agency, never a participant.

"H. Budi", "K.H. Ahmad", "dr. Yosua" or "Muh. Arsyad" do not end a sentence. The boundary test looks at a few
characters before each candidate cut, never at the whole paragraph, so a long text
is cut in one pass.
"""
from __future__ import annotations

import re

from graph.extract.doc import Sentence

_BOUNDARY_RE = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])")
# an initial, a title's or a given name's abbreviation ("H.", "Prof.", "dr.", "Muh.", "Moch."): never a sentence end
_ABBREVIATION_RE = re.compile(r"[\s(](?:[A-Z]|[A-Z][a-z]{1,2}|K\.H|Drs|Dra|Prof|Moch|Muhd|dr|drg|Capt|Kapt)\.\Z")
# a whole line that is page furniture, by its first words
_TEASER_RE = re.compile(r"\s*(?:Baca [Jj]uga|BACA JUGA|Berita [Tt]erkait|BERITA TERKAIT|Lihat [Jj]uga|Simak [Jj]uga|"
                        r"Read [Aa]lso|READ ALSO|Also [Rr]ead|Related(?: [Nn]ews| [Ss]tories)?)\b")
_CREDIT_RE = re.compile(r"\s*(?:Pewarta|Reporter|Penulis|Editor|Redaktur|Penerjemah|Penyunting|Kontributor|Oleh|"
                        r"Translator|Writer|Written by|Reporting by|Editing by|Edited by|Sumber|Source|"
                        r"Copyright|Hak [Cc]ipta)\s*[:：]|\s*©|\s*\((?:[a-z]{2,5}/)+[a-z]{2,5}\)\s*$")
_CAPTION_RE = re.compile(r"\s*(?:Foto|FOTO|Photo|PHOTO|Keterangan [Ff]oto|Caption)\s*[:：]|"
                         r"\s*\[(?:Foto|FOTO|Photo|PHOTO)\b[^\]\n]*\]|"  # "[Photo/Outlet] …"
                         r".*\((?:(?:dua |tiga )?dari |from )?(?:kiri|kanan|tengah|left|right|centre|center)"
                         r"(?: ke (?:kiri|kanan)| to (?:left|right))?\)|"
                         r".*\((?:ANTARA|Antara|Foto|FOTO|Photo|Dok\.?|Doc\.?|HO|Humas|Xinhua)\b[^()]*\)\s*$|"
                         # a trailing credit "(Outlet/Photographer)", "(Harian X/HO-Humas)"
                         r".*\([A-Z][^()/\n]{1,40}/\s*[A-Za-z][^()\n]{0,60}\)\s*$")
# "Surakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ", "BEIJING, May 12 (Xinhua) -- ", "Serang, Antara, Jumat - ",
# "LUZHOU, China, Sept. 15, 2027 (Outlet) -- "
_DATELINE_RE = re.compile(r"[A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,3}(?:\s*,\s*[\w./ ()]{1,40}?){0,3}"
                          r"(?:\s*\([^()\n]{2,30}\))?\s*(?:-{1,2}|–|—)\s+")
_FIRST_PARAGRAPHS = 4  # a dateline opens the story: it is looked for in the first lines only


# a line that only says when the page was published: "Friday, 14 Aug 2026 16:40 WITA", "Selasa, 16 Juni 2026 |
# 08:10 WIB", "Updated: 2026-06-18 15:20 | Outlet", "Outlet | November 23, 2026" (it dates the page, not the story)
_STAMP_RE = re.compile(r"\s*(?:[A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,3}\s*[|—–-]\s*)?"
                       r"(?:(?:Updated|Published|Posted|Diperbarui|Dipublikasikan|Terbit)\s*:?\s*)?"
                       r"(?:[A-Z][a-z]+,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|"
                       r"\d{4}-\d{2}-\d{2})"
                       r"(?:\s*[,|]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC)(?:[+-]\d+)?)?)?"
                       r"(?:\s*\|[^|\n]{0,40})?\s*$")


def kind_of_line(line: str) -> str:
    """What a whole line is: teaser, credit, caption, or body."""
    if _TEASER_RE.match(line):
        return "teaser"
    if _CREDIT_RE.match(line) or (len(line) < 90 and _STAMP_RE.match(line)):
        return "credit"
    if _CAPTION_RE.match(line):
        return "caption"
    return "body"


def segments(text: str) -> list[Sentence]:
    """Every sentence with its offsets and kind, paragraph by paragraph (a paragraph is a line)."""
    result = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+", text)):
        line = block.group()
        kind = kind_of_line(line)
        if kind != "body":
            if line.strip():
                result.append(Sentence(block.start(), block.end(), line, paragraph, kind))
            continue
        cuts = [block.start()]
        dateline = _DATELINE_RE.match(line) if paragraph < _FIRST_PARAGRAPHS else None
        if dateline:
            result.append(Sentence(block.start(), block.start() + dateline.end(), dateline.group(), paragraph,
                                   "dateline"))
            cuts = [block.start() + dateline.end()]
        for boundary in _BOUNDARY_RE.finditer(line, cuts[0] - block.start()):
            # an initial or a title's abbreviation just before: "H. Budi", "Prof. Li"
            before = " " + line[max(0, boundary.start() - 6):boundary.start()] if boundary.start() <= 6 \
                else line[boundary.start() - 7:boundary.start()]
            if _ABBREVIATION_RE.search(before):
                continue
            cuts += [block.start() + boundary.start(), block.start() + boundary.end()]
        cuts.append(block.end())
        for start, end in zip(cuts[::2], cuts[1::2]):
            if text[start:end].strip():
                result.append(Sentence(start, end, text[start:end], paragraph))
    return result


def sentences(text: str) -> list[Sentence]:
    """The story's own sentences (the body), in order."""
    return [s for s in segments(text) if s.kind == "body"]


def parts(text, start, end):
    """Parts of a sentence that list separate pairs ("A dan B serta C dan D")."""
    cuts = [m.start() for m in re.finditer(r"\bserta\b|;|\bas well as\b|\bwhile\b|\bsedangkan\b", text[start:end])]
    bounds = [start, *[start + c for c in cuts], end]
    return list(zip(bounds, bounds[1:]))

"""Text -> sentences, each with its paragraph.

"H. Budi" or "K.H. Ahmad" do not end a sentence. The boundary test looks at a few
characters before each candidate cut, never at the whole paragraph, so a long text
is cut in one pass.
"""
from __future__ import annotations

import re

from graph.extract.doc import Sentence

_BOUNDARY_RE = re.compile(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])")
_ABBREVIATION_RE = re.compile(r"[\s(](?:[A-Z]|[A-Z][a-z]{1,2}|K\.H|Drs|Dra|Prof)\.\Z")


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets, paragraph by paragraph (a paragraph is a line)."""
    result = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+", text)):
        line = block.group()
        cuts = [block.start()]
        for boundary in _BOUNDARY_RE.finditer(line):
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


def parts(text, start, end):
    """Parts of a sentence that list separate pairs ("A dan B serta C dan D")."""
    cuts = [m.start() for m in re.finditer(r"\bserta\b|;|\bas well as\b|\bwhile\b|\bsedangkan\b", text[start:end])]
    bounds = [start, *[start + c for c in cuts], end]
    return list(zip(bounds, bounds[1:]))

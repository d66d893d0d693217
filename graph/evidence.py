"""Find curators' quotes in article text and describe where they are.

Quotes are matched with runs of white space folded to one space (a quote
copied across a line break still matches); offsets are those of the published
text, in Unicode code points, as Web Annotation selectors count them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
CONTEXT = 32  # characters of prefix and suffix kept with a quote


@dataclass(frozen=True)
class Location:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


class NormalisedText:
    """An article's text with white space folded, and the way back to offsets."""

    def __init__(self, text: str):
        self.text = text
        chars: list[str] = []
        origin: list[int] = []
        for match in re.finditer(r"\s+|\S+", text):
            if match.group().isspace():
                chars.append(" ")
                origin.append(match.start())
            else:
                chars.extend(match.group())
                origin.extend(range(match.start(), match.end()))
        self.folded = "".join(chars)
        self.origin = origin

    def locate(self, quote: str) -> Location | None:
        """Where the first occurrence of ``quote`` is, or None."""
        needle = _SPACE.sub(" ", quote).strip()
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        start = self.origin[at]
        end = self.origin[at + len(needle) - 1] + 1
        return Location(
            start=start,
            end=end,
            exact=self.text[start:end],
            prefix=self.text[max(0, start - CONTEXT):start],
            suffix=self.text[end:end + CONTEXT],
        )

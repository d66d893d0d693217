"""Find curators' quotes in article text and describe where they are.

Quotes are matched with runs of white space folded to one space (a quote
copied across a line break still matches); offsets are those of the published
text, in Unicode code points, as Web Annotation selectors count them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
_LONG_SPACE = re.compile(r"\s{2,}")
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
        self.folded = _SPACE.sub(" ", text)
        # Only runs of two or more white-space characters move offsets: from each run's second
        # folded position on, the original offset is the folded one plus a shift.
        self._starts, self._shifts = [0], [0]
        shift = 0
        for run in _LONG_SPACE.finditer(text):
            shift += len(run.group()) - 1
            self._starts.append(run.start() - self._shifts[-1] + 1)
            self._shifts.append(shift)

    def _origin(self, folded: int) -> int:
        """The original offset of a folded one (a folded space is where its run began)."""
        return folded + self._shifts[bisect.bisect_right(self._starts, folded) - 1]

    def locate(self, quote: str) -> Location | None:
        """Where the first occurrence of ``quote`` is, or None."""
        needle = _SPACE.sub(" ", quote).strip()
        if not needle:
            return None
        at = self.folded.find(needle)
        if at < 0:
            return None
        start = self._origin(at)
        end = self._origin(at + len(needle) - 1) + 1
        return Location(
            start=start,
            end=end,
            exact=self.text[start:end],
            prefix=self.text[max(0, start - CONTEXT):start],
            suffix=self.text[end:end + CONTEXT],
        )

"""The gazetteer as names: every way it writes an entity, looked up word by word.

A name is found by walking a trie of its tokens from each word of the text, so
finding every known name costs one pass over the text whatever the size of the
gazetteer (an alternation of 20,000 aliases in one regular expression is tried
name by name at every position).
"""
from __future__ import annotations

import re

from graph.extract.vocabulary import COMPATIBLE, RANK_BEFORE, REGION_TYPES, SEAT_RANKS, SEAT_RES
from graph.sources import Source

# chambers and offices, which serve a town (graph/match.py reads them as its side); not colleges or companies,
# whose own agreements are not their town's
BODIES = ("BusinessAssociation", "GovernmentAgency")
_RANK_WORDS = {"Kota", "Kabupaten", "Kab.", "Provinsi", "Prov."}
_TOWNS = {"Regency", "City", "PrefectureLevelCity", "Prefecture", "County", "CountyLevelCity", "Province"}
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_END = ""  # the trie key under which a node keeps the name that ends there


def tokens(text: str, start: int = 0, end: int | None = None):
    """(start, end) of each word or punctuation mark."""
    return [m.span() for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


class NameIndex:
    """Names found in a text as whole words: "Kab. Tangerang" in "… di Kab. Tangerang, …".

    Between two words of a name the text may have any run of spaces (not a line break) where
    the name has one, and nothing where it has nothing ("Kab." is "Kab" then ".").
    """

    def __init__(self, names):
        self.trie: dict = {}
        for name in names:
            node = self.trie
            spans = tokens(name)
            if not spans:
                continue
            for i, (a, b) in enumerate(spans):
                spaced = i > 0 and a > spans[i - 1][1]
                node = node.setdefault((spaced, name[a:b]), {})
            node[_END] = name

    def finditer(self, text: str):
        """(start, end, name) of the longest known name at each word, left to right, never overlapping."""
        spans = tokens(text)
        i = 0
        while i < len(spans):
            start = spans[i][0]
            found = None
            if start == 0 or not _joins(text[start - 1]):
                node, j = self.trie, i
                while j < len(spans):
                    a, b = spans[j]
                    gap = text[spans[j - 1][1]:a] if j > i else ""
                    if gap and (not gap.isspace() or "\n" in gap):
                        break
                    node = node.get((bool(gap), text[a:b]))
                    if node is None:
                        break
                    j += 1
                    if _END in node and (b == len(text) or not _joins(text[b])):
                        found = (j, node[_END])
            if found:
                j, name = found
                yield start, spans[j - 1][1], name
                i = j
            else:
                i += 1


_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_FINAL = r"(?:iang|iong|uang|uai|uan|ian|iao|ing|ang|eng|ong|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|ia|ua|uo|a|o|e|i|u)"
_SYLLABLE_RE = re.compile(_INITIAL + "?" + _FINAL)
_LATER_SYLLABLE_RE = re.compile(_INITIAL + _FINAL)


def pinyin_spellings(name: str) -> set[str]:
    """A one-word pinyin name as written syllable by syllable: "Zhaoqing" -> {"Zhao Qing"}, "Fangchenggang" ->
    {"Fang Cheng Gang"}. Each later syllable starts with a consonant ("Jinan" is "Ji Nan", never "Jin An")."""
    word = name.lower()
    if not word.isascii() or not word.isalpha():
        return set()

    def splits(pos: int, first: bool):
        if pos == len(word):
            yield []
            return
        syllable_re = _SYLLABLE_RE if first else _LATER_SYLLABLE_RE
        for end in range(len(word), pos, -1):
            if syllable_re.fullmatch(word, pos, end):
                for rest in splits(end, False):
                    yield [word[pos:end], *rest]

    return {" ".join(s.capitalize() for s in parts) for parts in splits(0, True) if 2 <= len(parts) <= 3}


def _joins(char: str) -> bool:
    """A character that would make a name part of a longer word ("Sino-" or "Serangan")."""
    return char.isalnum() or char in "_-"


class Names:
    """Every way the gazetteer writes an entity, and the entity's type."""

    def __init__(self, gazetteer: Source):
        self.types: dict[str, str] = {}
        self.labels: dict[str, dict[str, str]] = {}
        self.by_name: dict[str, set[str]] = {}
        self.located: dict[str, str] = {}
        self.jurisdiction: dict[str, str] = {}  # a local government -> its region
        one_word: list[tuple[str, str]] = []  # regions' one-word names, for their syllable-by-syllable spelling
        for item in gazetteer.items:
            self.types[item.subject] = item.type
            self.labels[item.subject] = item.labels
            for name in [*item.labels.values(), *item.aliases]:
                self.by_name.setdefault(name, set()).add(item.subject)
            for name in [*item.labels.values(), *item.aliases] if item.type in REGION_TYPES else []:
                # a town of two words is often written as one: "Pangkal Pinang" as "Pangkalpinang"
                joined = re.fullmatch(r"([A-Z][a-z]+) ([A-Z][a-z]+)", name)
                if joined:
                    self.by_name.setdefault(joined.group(1) + joined.group(2).lower(), set()).add(item.subject)
                if re.fullmatch(r"[A-Z][a-z]+", name):
                    one_word.append((item.subject, name))
            for statement in item.statements:
                if statement.prop.name == "locatedIn":
                    self.located[item.subject] = statement.value
                if statement.prop.name == "jurisdiction":
                    self.jurisdiction[item.subject] = statement.value
        self.index = NameIndex(self.by_name)
        # a Chinese region written syllable by syllable ("Kota Zhao Qing"): read only after a rank word, where
        # no person's name stands ("Wu Han" may be a man; "Kota Wu Han" is Wuhan)
        self.spaced: dict[str, str] = {}
        for entity, name in one_word:
            if self.in_country(entity, "china"):
                for spelling in pinyin_spellings(name):
                    self.spaced.setdefault(spelling, name)
        # an organisation a region has one of (its legislature, its government) -> that region, and back
        self.seat: dict[str, str] = {}
        for item in gazetteer.items:
            if item.type in SEAT_RES:
                names = [*item.labels.values(), *item.aliases]
                region = self.jurisdiction.get(item.subject) or next(
                    (r for r in (self.seat_of(n, item.type) for n in names) if r), None)
                if region:
                    self.seat[item.subject] = region
        # a chamber or office -> the town it serves, read from its name (graph/match.py: a side as its town)
        self.body_towns: dict[str, str] = {}
        for item in gazetteer.items:
            town = next((t for t in (self.body_town(n, item.type) for n in [*item.labels.values(), *item.aliases])
                         if t), None) if item.type in BODIES else None
            if town:
                self.body_towns[item.subject] = town
        self.seated: dict[tuple[str, str], set[str]] = {}
        for entity, region in self.seat.items():
            self.seated.setdefault((self.types[entity], region), set()).add(entity)

    def in_country(self, region: str, country: str) -> bool:
        """Whether the gazetteer places ``region`` in ``country``, at any depth."""
        seen, parent = {region}, self.located.get(region)
        while parent is not None and parent not in seen:
            if parent == country:
                return True
            seen.add(parent)
            parent = self.located.get(parent)
        return False

    def contradicts(self, region: str, larger: str) -> bool:
        """Whether the gazetteer places ``region`` in another region of ``larger``'s kind (another country,
        another province), so that "region in larger" is a misreading."""
        seen, parent = {region}, self.located.get(region)
        while parent is not None and parent not in seen:
            if parent == larger:
                return False
            if self.types.get(parent) == self.types.get(larger):
                return True
            seen.add(parent)
            parent = self.located.get(parent)
        return False

    def seat_of(self, name: str, type_name: str) -> str | None:
        """The region an organisation of ``type_name`` serves, read from its name: "DPRD Sumbar" and "West
        Sumatra Provincial Legislature" -> sumatera-barat; None when the name says no known region."""
        for pattern in SEAT_RES.get(type_name, ()):
            found = pattern.fullmatch(" ".join(name.split()))
            if found is None:
                continue
            rank = SEAT_RANKS.get((found.group("rank") or "").capitalize())
            wanted = COMPATIBLE[rank] if rank else REGION_TYPES - {"Country"}
            regions = self.resolve(found.group("region"), wanted)
            if len(regions) == 1:
                return next(iter(regions))
        return None

    def body_town(self, name: str, type_name: str) -> str | None:
        """The town a chamber or an office serves, by its name: "Kadin Kota Banjarmasin", "Dinas … Kabupaten Kudus",
        "Yueyang Chamber of Commerce", "the Sragen Trade Office"; None when the name says no one town."""
        if type_name not in BODIES:
            return None
        words = re.sub(r"\A[Tt]he\s+", "", " ".join(name.split())).split()
        after_rank = [i + 1 for i, w in enumerate(words) if w in _RANK_WORDS]
        for tail in ([words[after_rank[-1]:]] if after_rank else []) + [words[-1:], words[:2], words[:1]]:
            regions = self.resolve(" ".join(tail), _TOWNS) if tail else set()
            if len(regions) > 1 and after_rank and tail == words[after_rank[-1]:]:
                # "… Kabupaten Madiun", not the city of that name
                regions = {r for r in regions if self.types[r] in COMPATIBLE[RANK_BEFORE[words[after_rank[-1] - 1]]]}
            if len(regions) == 1:
                return next(iter(regions))
        return None

    def same_organisation(self, name: str, type_name: str) -> str | None:
        """The known organisation of ``type_name`` that ``name`` stands for by its kind and seat, if one."""
        region = self.seat_of(name, type_name)
        found = self.seated.get((type_name, region), set()) if region else set()
        return next(iter(found)) if len(found) == 1 else None

    def resolve(self, name: str, wanted: set[str] | None = None) -> set[str]:
        found = self.by_name.get(name, set())
        if wanted:
            found = {e for e in found if self.types[e] in wanted}
        return found

    def resolve_ranked(self, name: str, wanted: set[str]) -> set[str]:
        """A name after a rank word ("Kota Zhao Qing"), which may be a Chinese name written syllable by
        syllable."""
        return self.resolve(name, wanted) or (self.resolve(self.spaced[name], wanted) if name in self.spaced
                                              else set())

"""The article as the stages see it: its text, sentences, mentions and proposed entities.

Each stage reads a ``Doc`` and adds to it (spaCy's shape: a pipeline of components over one
document). Mentions are kept sorted by their start, so every lookup by position is a binary
search: drafting stays linear in the text.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from graph.extract.names import Names
from graph.extract.vocabulary import REGION_TYPES


@dataclass
class Mention:
    start: int
    end: int
    entity: str  # a gazetteer id, a proposed id, or "a|b" while ambiguous
    type: str
    text: str


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    kind: str = "body"  # body, dateline, byline, caption, credit or teaser (see segments.py)


class Mentions:
    """Mentions sorted by start; they never overlap."""

    def __init__(self, mentions=()):
        self.items: list[Mention] = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def replace(self, mention: Mention):
        """Add ``mention`` in place of those it overlaps: "Universitas Bengkulu" is a university, not the province."""
        kept = [m for m in self.items if not (m.start < mention.end and mention.start < m.end)]
        self.__init__([*kept, mention])

    def add(self, mention: Mention):
        index = bisect.bisect_left(self.starts, mention.start)
        self.items.insert(index, mention)
        self.starts.insert(index, mention.start)

    def starting(self, low: int, high: int) -> list[Mention]:
        """Mentions that start in [low, high]."""
        return self.items[bisect.bisect_left(self.starts, low):bisect.bisect_right(self.starts, high)]

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.starting(start, end) if m.end <= end]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        first = max(0, bisect.bisect_left(self.starts, start) - 1)
        return [m for m in self.items[first:bisect.bisect_left(self.starts, end)] if m.start < end and start < m.end]

    def ending(self, low: int, high: int) -> list[Mention]:
        """Mentions that end in [low, high], in order (they start before ``high``)."""
        last = bisect.bisect_left(self.starts, high)
        found = []
        for m in reversed(self.items[max(0, last - 4):last]):
            if low <= m.end <= high:
                found.append(m)
        return found[::-1]


class Doc:
    def __init__(self, text: str, published, names: Names, taken: dict[str, str], sides=frozenset()):
        self.text = text
        self.names = names
        self.taken = taken
        self.sides = sides  # entities other records name as a side (extract())
        self.published = as_date(published)
        self.published_month = as_month(published)
        self.segments: list[Sentence] = []  # every sentence, furniture included
        self.sentences: list[Sentence] = []  # the story's own (body) sentences: the only ones facts come from
        self.proposed: dict[str, dict] = {}
        self.mentions = Mentions()
        self.facts: list[dict] = []
        self.notes: list[str] = []  # what the draft could not settle, for the curator
        self.posts_at: list[tuple[int, str, str]] = []  # (where the text states it, holder, place) of each post
        self.post_ends: list[tuple[int, str]] = []  # (where its text ends, holder) of each post
        self.seats: dict[str, str] = {}  # a proposed legislature or government -> the region it serves
        self.institutions: set[str] = set()  # colleges, universities, hospitals named as parties (agreements.py)
        self.late_posts: list = []  # posts read by a later stage (an institution's head, once it is named)
        self._regions: dict = {}

    def propose(self, entity_id, type_name, label, aliases, quote) -> str:
        """A name the gazetteer does not know, as a new entity; or the known one it stands for by its kind and
        seat (a legislature or government named in the other language: "West Sumatra Provincial Legislature"
        is the known "DPRD Sumbar")."""
        names = [*(label.values() if isinstance(label, dict) else [label]), *aliases]
        for name in names:
            known = self.names.same_organisation(name, type_name)
            if known is not None:
                return known
        already = self.proposed_organisation(label.values() if isinstance(label, dict) else [label], type_name) \
            or self._proposed_person(label, type_name) or \
            self._with_its_town(list(label.values()) if isinstance(label, dict) else [label], type_name)
        if already is not None:
            return already
        if entity_id in self.names.types:
            entity_id = entity_id + "-2"
        seat = next((r for r in (self.names.seat_of(n, type_name) for n in names) if r), None)
        if seat is not None:
            self.seats[entity_id] = seat
        entry = self.proposed.setdefault(entity_id, {"id": entity_id, "type": type_name, "label": label,
                                                     "alias": [], "seen": quote})
        for alias in aliases:
            if alias not in entry["alias"] and alias != label:
                entry["alias"].append(alias)
        return entity_id

    def _with_its_town(self, names, type_name):
        """The organisation named before with its town after the name ("Politeknik Kapuas Raya Singkawang"), now
        named without it ("Direktur Politeknik Kapuas Raya, Dr. …"), or the other way round."""
        if type_name in REGION_TYPES or type_name == "Person":
            return None
        towns = self._town_names()
        for name in names:
            longer = {f"{name} {town}" for town in towns}  # (the same name with its town, or without it)
            longer |= {name[:-len(town)].rstrip() for town in towns if name.endswith(f" {town}")}
            known = {e for n in longer for e in self.names.resolve(n)
                     if self.names.types.get(e) not in REGION_TYPES | {"Person"}}
            if len(known) == 1:
                return next(iter(known))
            proposed = self.proposed_organisation(longer, type_name)
            if proposed is not None:
                return proposed
        return None

    def _town_names(self):
        """How the article writes the regions it names; kept until the mentions change (asked per proposal)."""
        key = ("towns", len(self.mentions))
        if key not in self._regions:
            regions = [m for m in self.mentions if self.entity_type(m.entity) in REGION_TYPES]
            # as written, and by the label of the region ("Kabupaten Sumenep" where the text says "Sumenep")
            self._regions[key] = {" ".join(m.text.split()) for m in regions} | {
                self.label(m.entity, "id") for m in regions if "|" not in m.entity} - {None}
        return self._regions[key]

    def _proposed_person(self, name, type_name):
        """The person already proposed who goes by ``name``: "Cak Hadi" after "Hadi Santoso (Cak Hadi)"."""
        if type_name != "Person" or not isinstance(name, str):
            return None
        return next((e["id"] for e in self.proposed.values() if e["type"] == "Person" and name in e["alias"]), None)

    def proposed_organisation(self, names, type_name):
        """The organisation already proposed under one of ``names`` (a new one's labels) as its label or an alias:
        "Disdikpora Kudus" after "Dinas … (Disdikpora) Kabupaten Kudus" is one office. (A new name's own aliases
        are not asked: "the Padang chapter of the … Council (ATC)" is not the council whose short name it shares.)"""
        if type_name in REGION_TYPES or type_name == "Person":
            return None
        wanted = {" ".join(n.split()).casefold() for n in names}
        for entity, entry in self.proposed.items():
            if entry["type"] in REGION_TYPES or entry["type"] == "Person":
                continue
            label = entry["label"]
            own = [*(label.values() if isinstance(label, dict) else [label]), *entry["alias"]]
            if wanted & {" ".join(n.split()).casefold() for n in own}:
                return entity
        return None

    def entity_type(self, entity):
        if entity in self.names.types:
            return self.names.types[entity]
        return self.proposed.get(entity, {}).get("type", "?")

    def in_span(self, start, end, types=None):
        return [m for m in self.mentions.within(start, end) if "|" not in m.entity
                and (types is None or self.entity_type(m.entity) in types)]

    def mention_at(self, pos, types, organisations=False):
        """The mention that begins at ``pos`` (or one character on), of one of ``types``."""
        for m in self.mentions.starting(pos - 5, pos + 1):
            if m.start < pos < m.end and m.start >= pos - 5:
                pos = m.start  # "Wali Kota Serang": the title's last word begins the region's name
            if pos <= m.start <= pos + 1 and "|" not in m.entity:
                kind = self.entity_type(m.entity)
                if organisations and kind not in REGION_TYPES and kind != "Person":
                    return m
                if types is not None and kind in types:
                    return m
                if types is not None and kind in REGION_TYPES:
                    # "Kota Jambi … Gubernur Jambi": a name the article settled as the city is, after a
                    # governor's title, the province of the same name
                    same = self.names.resolve(m.text.strip(), types)
                    if len(same) == 1:
                        entity, = same
                        return Mention(m.start, m.end, entity, self.names.types[entity], m.text)
            if pos <= m.start <= pos + 1 and "|" in m.entity and types:
                options = [e for e in m.entity.split("|") if self.names.types.get(e) in types]
                if len(options) == 1:
                    return Mention(m.start, m.end, options[0], self.names.types[options[0]], m.text)
        return None

    def body_town(self, entity):
        """The town a chamber or office serves: the gazetteer's, or read from a proposed one's names."""
        if entity in self.names.body_towns:
            return self.names.body_towns[entity]
        entry = self.proposed.get(entity)
        if entry is None:
            return None
        labels = entry["label"].values() if isinstance(entry["label"], dict) else [entry["label"]]
        return next((t for t in (self.names.body_town(n, entry["type"]) for n in [*labels, *entry["alias"]]) if t),
                    None)

    def only_region(self, types):
        """The one region of ``types`` the article names, if it names only one."""
        key = (frozenset(types), len(self.mentions))  # asked once per title: kept, so posts stay linear
        if key not in self._regions:
            self._regions[key] = self._only_region(types)
        return self._regions[key]

    def _only_region(self, types):
        found = {m.entity for m in self.mentions if "|" not in m.entity and self.entity_type(m.entity) in types}
        found |= {self.names.jurisdiction[m.entity] for m in self.mentions if m.entity in self.names.jurisdiction
                  and self.entity_type(self.names.jurisdiction[m.entity]) in types}
        return found.pop() if len(found) == 1 else None

    def label(self, entity, language):
        if entity in self.names.labels:
            labels = self.names.labels[entity]
            return labels.get(language) or next(iter(labels.values()))
        label = self.proposed[entity]["label"]
        return label.get(language, entity) if isinstance(label, dict) else label

    def new_id(self, base, type_name):
        candidate, n = base, 2
        while (self.taken.get(candidate, type_name) != type_name or candidate in self.names.types
               or any(f.get("id") == candidate and f["type"] != type_name for f in self.facts)):
            candidate, n = f"{base}-{n}", n + 1
        return candidate


def slug(text: str) -> str:
    text = text.lower().replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


def as_month(value) -> tuple[int, int] | None:
    if isinstance(value, dt.date):
        return value.year, value.month
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}", value):
        return int(value[:4]), int(value[5:7])
    return None

"""One event, one agreement across outlets: drafted facts matched against those the records declare.

Two outlets reporting one visit draft two facts; this stage, run on a
draft after extraction (graph/add.py), gives the second the id the first
already has, so that the build compares what they say (their dates, their
organisers) and reports where they differ. A drafted event or agreement is
the same as a declared one when

- their kinds are compatible (the same class, a class and its general
  class, or a delegation visit and a meeting);
- they are between the same sides (hosts, guests, parties): at least two
  in common, or the one side the vaguer of them names; facts that name no
  side (an expo, a signing) need the same name, or dates and the same place,
  an organiser or two participants in common;
- their dates are at most ``WINDOW_DAYS`` apart (a fact without sides, one of them undated: the
  same place and a participant or organiser in common); a date that is not known
  does not stand in the way, but an undated fact happened before its
  article was published (give or take the window: visits are announced);
- a host is not the other's guest: a return visit is a visit of its own;
- their places (``location``, ``signedAt``) are the same or lie one within
  the other, where both are known.

The draft takes the declared fact's id, class and label, and keeps why in
its ``match`` key ("same as X: same host and guest, dates 1 day apart"),
which `kg review` shows and `kg review --split` undoes (the curator then
gives it a label of its own).
Drafts that match nothing get an id minted from their kind, sides and date
(graph/iris.py ``fact_id``), never from a word of the article.

Everything here is pure: records and drafts in, drafts out.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from graph.iris import FACT_PREFIXES, fact_id

WINDOW_DAYS = 7  # one visit, reported a few days apart (or on its first and last day), is still one visit
MATCH_KEY = "match"

EVENTS = frozenset({"Event", "DelegationVisit", "Meeting", "Signing", "Expo"})
AGREEMENTS = frozenset({"Agreement", "LetterOfIntent", "MemorandumOfUnderstanding", "SisterCityRelationship",
                        "SisterProvinceRelationship", "CooperationAgreement"})
KINDS = EVENTS | AGREEMENTS
_GENERAL = {"Event", "Agreement"}
_ALIKE = {frozenset({"DelegationVisit", "Meeting"})}  # one outlet's visit is another's meeting
SIDES = ("host", "guest", "party", "organiser")
_BETWEEN = ("host", "guest", "party")  # who a fact is between; organisers change hands between outlets
_PLACES = ("location", "signedAt")
_DATES = ("date", "startDate", "endDate", "signedOn")
_NOT_REFERENCES = {"id", "type", "label", "quote", "reviewed", "extractor", MATCH_KEY, "title", "note", "venue",
                   *_DATES}
_MAX_PARTS = 3


@dataclass
class Known:
    """An event or agreement the records declare, with what every record says of it."""

    id: str
    type: str
    sides: dict[str, set[str]] = field(default_factory=dict)  # host/guest/party/organiser -> ids
    spans: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    reported: list[dt.date] = field(default_factory=list)  # when the records that give no date were published
    dates: set[str] = field(default_factory=set)  # the dates as written
    places: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # its participants
    names: set[str] = field(default_factory=set)  # its labels and titles, as slugs
    label: object = None  # as the first record to declare it writes it
    sources: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    id: str
    type: str
    reason: str  # "same as X: …"


# --------------------------------------------------------------------------
# What a fact says
# --------------------------------------------------------------------------

def _values(fact: dict, key: str) -> list[str]:
    value = fact.get(key)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _names(fact: dict) -> set[str]:
    """A fact's labels and titles in every language, as slugs ("Smart City Expo 2023": smart-city-expo-2023)."""
    found = set()
    for key in ("label", "title"):
        value = fact.get(key)
        for text in value.values() if isinstance(value, dict) else [value]:
            if isinstance(text, str) and _slug(text):
                found.add(_slug(text))
    return found


def _sides(fact: dict) -> dict[str, set[str]]:
    return {key: set(_values(fact, key)) for key in SIDES if _values(fact, key)}


def _span(value: str) -> tuple[dt.date, dt.date] | None:
    """The days a date covers: 2025-09-22, 2025-09 (the whole month) or 2025 (the whole year)."""
    value = str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            first = dt.date.fromisoformat(value + "-01")
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _fact_span(fact: dict) -> tuple[dt.date, dt.date] | None:
    """When a fact happened: its date, its first to last day, or its signing."""
    spans = [s for s in (_span(v) for key in _DATES for v in _values(fact, key)) if s]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


def _declared(records: Iterable[tuple[str, dict]], replacing: str | None):
    """(source id, when it was published, fact) for every fact of ``records`` ((source id, parsed YAML)
    pairs), but the drafts (``reviewed: false``) of the record ``replacing``, which a new draft replaces."""
    for source_id, doc in records:
        meta = doc.get("source")
        published = str(meta.get("published", "")) if isinstance(meta, dict) else ""
        for fact in doc.get("facts") or []:
            if isinstance(fact, dict) and not (source_id == replacing and fact.get("reviewed") is False):
                yield source_id, published, fact


def known_facts(records: Iterable[tuple[str, dict]], replacing: str | None = None) -> list[Known]:
    """The events and agreements ``records`` declare, by id (see ``_declared``)."""
    found: dict[str, Known] = {}
    for source_id, published, fact in _declared(records, replacing):
        if not isinstance(fact.get("id"), str) or fact.get("type") not in KINDS:
            continue
        known = found.setdefault(fact["id"], Known(fact["id"], fact["type"]))
        known.sources.add(source_id)
        for key, ids in _sides(fact).items():
            known.sides.setdefault(key, set()).update(ids)
        span = _fact_span(fact)
        if span:
            known.spans.append(span)
            known.dates.update(str(v) for key in _DATES for v in _values(fact, key))
        elif _span(published):
            known.reported.append(_span(published)[1])
        known.places.update(v for key in _PLACES for v in _values(fact, key))
        known.people.update(_values(fact, "participant"))
        known.names |= _names(fact)
        if known.label is None:
            known.label = fact.get("label")
    return [found[k] for k in sorted(found)]


def ids_in_use(records: Iterable[tuple[str, dict]], replacing: str | None = None) -> set[str]:
    """Every fact id ``records`` declare (see ``_declared``)."""
    return {fact["id"] for _, _, fact in _declared(records, replacing) if isinstance(fact.get("id"), str)}


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------

def compatible(a: str, b: str) -> bool:
    """Whether facts of classes ``a`` and ``b`` may be one thing."""
    if a == b:
        return True
    family = EVENTS if a in EVENTS else AGREEMENTS
    return b in family and a in family and (a in _GENERAL or b in _GENERAL or frozenset({a, b}) in _ALIKE)


def _within(place: str, other: str, parents: dict[str, set[str]]) -> bool:
    seen, todo = set(), [place]
    while todo:
        current = todo.pop()
        if current == other:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(parents.get(current, ()))
    return False


def _reported_near(span, reported, candidate, window) -> bool:
    """Whether, of an undated fact and a dated one, the undated one's article was published within ``window``
    days of the other's date (``span``: the fact's dates; ``reported``: its article's publication day)."""
    if span is None:
        return reported is not None and bool(candidate.spans) and _gap(
            reported, (min(s[0] for s in candidate.spans), max(s[1] for s in candidate.spans))) <= window
    return any(_gap(span, (day, day)) <= window for day in candidate.reported)


def find_match(fact: dict, known: list[Known], *, parents: dict[str, set[str]] | None = None,
               window: int = WINDOW_DAYS, own: str | None = None, published: str | None = None,
               seats: dict[str, str] | None = None) -> Match | None:
    """The declared fact that ``fact`` (a drafted event or agreement) is the same as, or None.

    ``parents`` maps a place to the places it lies in (the gazetteer's
    ``locatedIn``); ``own`` is the draft's own source, whose declared facts
    are preferred (drafting an article again meets its earlier facts);
    ``published``: when the draft's article was, which bounds an undated fact;
    ``seats`` maps an organisation a region has one of (its legislature, its
    government) to that region: as a side, it stands for its region ("a Sichuan
    delegation" and "the Sichuan People's Congress delegation" are one guest).
    """
    if fact.get("type") not in KINDS:
        return None
    parents = parents or {}
    seats = seats or {}
    sides = _seated(_sides(fact), seats)
    mine = _between(sides)
    span = _fact_span(fact)
    places = {v for key in _PLACES for v in _values(fact, key)}
    reported = _span(str(published)) if published else None
    best = None
    for candidate in known:
        if not compatible(fact["type"], candidate.type):
            continue
        gaps = [_gap(span, s) for s in candidate.spans] if span else []
        if gaps and min(gaps) > window:
            continue
        if span is None and reported and candidate.spans and \
                min(s[0] for s in candidate.spans) > reported[1] + dt.timedelta(days=window):
            continue  # it happened after this article was written
        if span and not candidate.spans and candidate.reported and \
                span[0] > max(candidate.reported) + dt.timedelta(days=window):
            continue  # it happened after every article that reported the declared one
        same_place = None if not (places and candidate.places) else any(
            _within(p, q, parents) or _within(q, p, parents) for p in places for q in candidate.places)
        if same_place is False:
            continue
        their_sides = _seated(candidate.sides, seats)
        theirs = _between(their_sides)
        if sides.get("host", set()) & their_sides.get("guest", set()) or \
                sides.get("guest", set()) & their_sides.get("host", set()):
            continue
        if mine and theirs:
            shared = mine & theirs
            if not shared or len(shared) < min(2, len(mine), len(theirs)):
                continue
        elif (mine or theirs) and not fact["type"] == candidate.type == "Expo":
            continue  # (an expo is between no one: a town one outlet says hosted it is where it was held)
        else:  # neither says who it is between (an expo, a signing): its name, or dates and the place, an
            # organiser or two participants in common (the two signatories of one ceremony)
            shared = sides.get("organiser", set()) & candidate.sides.get("organiser", set())
            met = set(_values(fact, "participant")) & candidate.people
            # one of them undated: the same place and someone in common, the ceremony one outlet dates and the
            # other does not ("Selasa" vs "on Wednesday")
            if not (_names(fact) & candidate.names or gaps and (same_place or shared or len(met) >= 2)
                    or not gaps and same_place and (shared or met) and _reported_near(span, reported, candidate,
                                                                                      window)):
                continue
            shared = shared or met
        # (of two declared events that fit alike, the one of its own kind: a story's visit and the forum held
        # during it are the other story's visit and forum, not the other way round)
        rank = (own not in candidate.sources, -len(shared), candidate.type != fact["type"],
                min(gaps) if gaps else window + 1, candidate.id)
        if best is None or rank < best[0]:
            best = (rank, candidate, shared, gaps, their_sides)
    if best is None:
        return None
    _, candidate, shared, gaps, their_sides = best
    return Match(candidate.id, candidate.type, f"same as {candidate.id}: "
                 + ", ".join(_reasons(fact, sides, their_sides, span, places, candidate, shared, gaps)))


def _seated(sides: dict[str, set[str]], seats: dict[str, str]) -> dict[str, set[str]]:
    """Sides with each legislature or government written as the region it serves."""
    return {key: ({seats.get(x, x) for x in ids} if key in _BETWEEN else ids) for key, ids in sides.items()}


def _between(sides: dict[str, set[str]]) -> set[str]:
    return set().union(*(sides.get(key, set()) for key in _BETWEEN))


def _reasons(fact, sides, theirs, span, places, candidate: Known, shared, gaps) -> list[str]:
    if sides.get("host") and sides.get("guest") and sides.get("host") == theirs.get("host") \
            and sides.get("guest") == theirs.get("guest"):
        said = ["same host and guest"]
    elif sides.get("party") and sides.get("party") == theirs.get("party"):
        said = ["same parties"]
    else:
        said = [f"both name {', '.join(sorted(shared))}"] if shared else []
        if not _between(sides) and _names(fact) & candidate.names:
            said.insert(0, "same name")
    if span is None and not candidate.spans:
        said.append("neither dated")
    elif span is None:
        said.append("no date here")
    elif not candidate.spans:
        said.append(f"{candidate.id} has no date")
    else:
        gap = min(gaps)
        written = {str(v) for key in _DATES for v in _values(fact, key)}
        if gap == 0:
            said.append("same date" if written & candidate.dates else "dates overlap")
        else:
            said.append(f"dates {gap} day{'s' if gap > 1 else ''} apart")
    if places and candidate.places:
        said.append("same place" if places & candidate.places else "one place within the other")
    if fact["type"] != candidate.type:
        said.append(f"drafted as {fact['type']}")
    return said


# --------------------------------------------------------------------------
# Ids
# --------------------------------------------------------------------------

def _slug(text: str) -> str:
    # accents go, other marks part words: "Papua–Nabire" (an en dash) is papua-nabire, not papuanabire
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c if c.isascii() or unicodedata.combining(c) else " " for c in text)
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text.replace("'", "")).strip("-")


def mint_id(fact: dict, taken: Iterable[str] = ()) -> str:
    """A new event's or agreement's id, from its kind, sides and date; ``-2``, ``-3``… if ``taken``.

    Events are dated to the month (``visit-binzhou-kabupaten-tangerang-2025-09``),
    agreements to the year (``loi-kota-serang-hangzhou-2025``); one that names
    no side, host, organiser or place by its (English) label.
    """
    kind = fact["type"]
    if kind in AGREEMENTS:
        parts = _values(fact, "party") + _values(fact, "unnamedCounterpartIn")
        period = next((v[:4] for v in _values(fact, "signedOn")), None)
    else:
        parts = (_values(fact, "guest") + _values(fact, "host")) or _values(fact, "organiser") \
            or _values(fact, "location")
        period = next((v[:7] for key in ("date", "startDate") for v in _values(fact, key)), None)
    parts = list(dict.fromkeys(parts))[:_MAX_PARTS]
    label = fact.get("label")
    name = _slug(label.get("en") or next(iter(label.values()), "") if isinstance(label, dict) else str(label or ""))
    if parts or not name:
        base = fact_id(kind, parts, period)
    else:  # named by its name, with the kind's word and the year if it lacks them: smart-city-expo-2023
        words = name.split("-")
        base = "-".join(([] if FACT_PREFIXES[kind] in words else [FACT_PREFIXES[kind]]) + words
                        + ([period[:4]] if period and period[:4] not in words else []))
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --------------------------------------------------------------------------
# A whole draft
# --------------------------------------------------------------------------

def settle(facts: list[dict], pending: list[dict], records: list[tuple[str, dict]], taken: Iterable[str] = (), *,
           parents: dict[str, set[str]] | None = None, own: str | None = None, published: str | None = None,
           window: int = WINDOW_DAYS, seats: dict[str, str] | None = None) -> tuple[list[dict], list[dict]]:
    """``facts`` and ``pending`` (a draft's, as the extractor left them) with their events and agreements
    matched to those ``records`` declare or given minted ids, and references to them renamed.

    ``records``: (source id, parsed YAML) of the project's records; ``own``:
    the draft's source, whose earlier drafts it replaces; ``published``: when
    its article was; ``taken``: ids in use besides the records' (the gazetteer's).
    """
    known = known_facts(records, replacing=own)
    labels = {k.id: k.label for k in known}
    used = set(taken) | ids_in_use(records, replacing=own)
    renamed: dict[str, tuple[str, Match | None]] = {}
    for fact in [*facts, *pending]:
        old = fact.get("id")
        if fact.get("type") not in KINDS or not isinstance(old, str) or old in renamed:
            continue
        claimed = {new for new, found in renamed.values() if found is not None}
        found = find_match(fact, [k for k in known if k.id not in claimed], parents=parents, own=own,
                           published=published, window=window, seats=seats) or \
            _signing_of_matched(fact, renamed, known, claimed, window)
        new = found.id if found else mint_id(fact, used | {new for new, _ in renamed.values()})
        renamed[old] = (new, found)

    def redo(fact: dict) -> dict:
        fact = rename(fact, {old: new for old, (new, _) in renamed.items()})
        if fact.get("id") in renamed:
            new, found = renamed[fact["id"]]
            fact["id"] = new
            if found is not None:  # its kind and name as declared: one event, one label per language
                fact["type"] = found.type
                if labels[new] is not None:
                    fact["label"] = labels[new]
                fact[MATCH_KEY] = found.reason
        return fact

    return [redo(f) for f in facts], [redo(f) for f in pending]


def _signing_of_matched(fact: dict, renamed: dict, known: list[Known], claimed: set[str], window: int) -> Match | None:
    """The declared ceremony of the agreement a drafted signing's agreement matched: the extractor names a signing
    after its agreement (``signing-<agreement id>``), and an outlet that names too few of its people or places to
    match it on its own still reports the one ceremony (within ``window`` days of it, where both are dated)."""
    if fact.get("type") != "Signing" or not str(fact.get("id", "")).startswith("signing-"):
        return None
    agreement = renamed.get(str(fact["id"]).removeprefix("signing-"), (None, None))[1]
    if agreement is None:
        return None
    sources = next((k.sources for k in known if k.id == agreement.id), set())
    span = _fact_span(fact)
    ceremonies = [k for k in known if k.type == "Signing" and k.id not in claimed and k.sources & sources
                  and (span is None or not k.spans or min(_gap(span, s) for s in k.spans) <= window)]
    if len(ceremonies) != 1:
        return None
    return Match(ceremonies[0].id, "Signing", f"same as {ceremonies[0].id}: the signing of {agreement.id}")


def rename(fact: dict, renamed: dict[str, str]) -> dict:
    """``fact`` with its references to the ids ``renamed`` (old -> new) following them (not its own id)."""
    def one(value):
        if isinstance(value, list):
            return [one(v) for v in value]
        return renamed.get(value, value) if isinstance(value, str) else value

    return {k: one(v) if k not in _NOT_REFERENCES else v for k, v in fact.items()}


def split(fact: dict, taken: Iterable[str]) -> dict:
    """A matched draft as a fact of its own: a new minted id, and no ``match``."""
    fact = {k: v for k, v in fact.items() if k != MATCH_KEY}
    fact["id"] = mint_id(fact, set(taken) | {fact["id"]})
    return fact


def record_seats(records: Iterable[tuple[str, dict]], seat_of) -> dict[str, str]:
    """The region each legislature or government the records draft (their ``entities:``) serves, read from its
    names by ``seat_of(name, class)`` (graph/extract/names.py): two outlets' drafts of one legislature, in two
    languages, are then one side."""
    seats = {}
    for _, doc in records:
        for entity in doc.get("entities") or []:
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                continue
            label = entity.get("label")
            names = [*(label.values() if isinstance(label, dict) else [label]), *(entity.get("alias") or [])]
            found = [r for r in (seat_of(n, str(entity.get("type"))) for n in names if isinstance(n, str)) if r]
            if found:
                seats.setdefault(entity["id"], found[0])
    return seats


def places_within(entities: Iterable[tuple[str, str, str]]) -> dict[str, set[str]]:
    """place -> the places it lies in, from (subject, property, value) statements (``locatedIn``)."""
    parents: dict[str, set[str]] = {}
    for subject, prop, value in entities:
        if prop == "locatedIn":
            parents.setdefault(subject, set()).add(value)
    return parents

"""The Draft: facts in the record format curators write, each with verbatim quotes,
``reviewed: false`` and the extractor's name; entities the gazetteer does not know, proposed;
and facts waiting for them.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Callable

VERSION = "0.1"
EXTRACTOR = f"kg-extract {VERSION}"

# the keys of a drafted fact, in the order a record lists them
ORDER = ["id", "type", "about", "label", "honorific", "party", "heldBy", "role", "postIn", "termStart", "termEnd", "signatory", "signedOn",
         "signedAt", "host", "guest", "ledBy", "organiser", "partner", "location", "venue", "date", "startDate", "endDate", "statedWeekday",
         "participant", "visited", "locatedIn", "capitalOf", "unnamedCounterpartIn", "sector"]
# references a fact stands without: drafted with the known ones while the others are proposed
OPTIONAL_REFS = {"participant", "ledBy", "signatory", "visited", "signedAt", "location", "organiser", "partner"}


@dataclass
class Draft:
    facts: list[dict] = field(default_factory=list)  # ready for the record
    pending: list[dict] = field(default_factory=list)  # need a proposed entity first
    proposed: list[dict] = field(default_factory=list)  # new gazetteer entries, for the curator
    mentioned: set[str] = field(default_factory=set)  # known entities the text names
    reason: str | None = None  # why nothing was extracted
    # a proposed person -> known people with a name in common, for the curator to merge by hand
    # (never merged by the extractor: "Budi Hartono" is not "Budi Rustandi")
    candidates: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the draft left open, and why
    # a legislature or government (known or proposed) -> the region it serves, for matching sides (match.py)
    seats: dict[str, str] = field(default_factory=dict)
    # (name, class) -> the region an organisation of that name serves (Names.seat_of), for other records' drafts
    seat_of: Callable[[str, str], str | None] = field(default=lambda name, type_name: None, repr=False)
    # a chamber or office (known or proposed) -> the town it serves, and the same read from a name (Names.body_town)
    towns: dict[str, str] = field(default_factory=dict)
    town_of: Callable[[str, str], str | None] = field(default=lambda name, type_name: None, repr=False)


def finish(doc, facts) -> Draft:
    draft = Draft()
    draft.proposed = [doc.proposed[k] for k in sorted(doc.proposed)]
    draft.mentioned = {m.entity for m in doc.mentions if m.entity in doc.names.types}
    draft.candidates = candidates(doc)
    draft.notes = list(dict.fromkeys(doc.notes))
    draft.seats = {**doc.names.seat, **doc.seats}
    draft.seat_of = doc.names.seat_of
    draft.town_of = doc.names.body_town
    draft.towns = dict(doc.names.body_towns)
    for entry in draft.proposed:
        town = doc.body_town(entry["id"])
        if town:
            draft.towns[entry["id"]] = town
    for fact in facts:
        # copies: two facts sharing one list would be written as a YAML alias, which records refuse
        clean = {k: copy.deepcopy(fact[k]) for k in ORDER if k in fact and fact[k] not in (None, [])}
        clean["quote"] = [trim(q) for q in dict.fromkeys(fact["quote"])]
        clean["quote"] = clean["quote"][0] if len(clean["quote"]) == 1 else clean["quote"]
        clean["reviewed"] = False
        clean["extractor"] = EXTRACTOR
        unknown = {k for k, v in clean.items() if k not in ("label", "quote", "extractor", "id", "type")
                   and any(x in doc.proposed for x in (v if isinstance(v, list) else [v]) if isinstance(x, str))}
        if not unknown:
            draft.facts.append(clean)
            continue
        draft.pending.append(clean)  # whole, for when the curator has declared the new names
        if unknown <= OPTIONAL_REFS and clean["type"] != "Signing":
            # the fact stands without them: draft it with the known ones (a signing is its place and people)
            lean = {}
            for key, value in clean.items():
                if key in unknown:
                    value = [x for x in value if x not in doc.proposed] if isinstance(value, list) else None
                    if not value:
                        continue
                lean[key] = copy.deepcopy(value)
            draft.facts.append(lean)
    return draft


def candidates(doc) -> dict[str, list[str]]:
    """Known people who share a word of their name (or an alias) with each proposed person."""
    people: dict[str, set[str]] = {}
    for name, entities in doc.names.by_name.items():
        for entity in entities:
            if doc.names.types.get(entity) == "Person":
                for word in name.lower().split():
                    if len(word) > 2 and not word.endswith("."):
                        people.setdefault(word, set()).add(entity)
    found = {}
    for entry in doc.proposed.values():
        if entry["type"] != "Person":
            continue
        close = set().union(*[people.get(w, set()) for w in entry["label"].lower().split()])
        if close:
            found[entry["id"]] = sorted(close)
    return dict(sorted(found.items()))


def trim(quote: str) -> str:
    return quote.strip().rstrip(",;:")

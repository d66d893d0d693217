"""`kg review SOURCE`: list a record's machine drafts; accept, correct, rename, merge or drop them.

Drafts are the entries marked ``reviewed: false``: the record's new entities,
numbered e1, e2, …, and its facts, numbered 1, 2, …, in the order the record
lists them; every number in one call refers to that listing. Accepting sets
``reviewed: true`` (the ``extractor`` stays, as provenance); correcting sets a
key (``--set 3 role=regent``); dropping removes the entry (a dropped entity
takes the drafted facts that name it along). Renaming an entity gives it a
new label and the id made from it; merging replaces its id by a known
entity's everywhere in the record and removes it. The record is edited in
place (graph.roundtrip: comments and layout kept) and checked like any record
(keys, ids, quotes found in the text) before it replaces the old one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph import roundtrip
from graph.add import check_record, declarations, declared_ids, find_record
from graph.drafts import rename_in
from graph.errors import InputError
from graph.extract import slug
from graph.match import MATCH_KEY, rename, split as split_fact
from graph.ontology import load_vocabulary
from graph.atomic import write_atomic
from graph.regions import load_gazetteer
from graph.safe_read import read_text
from graph.sources import GAZETTEER_FILE, parse_record

_NUMBER = re.compile(r"(e?)(\d+)\Z")


class ReviewError(InputError):
    """A review command names a draft that is not there, or a correction that does not parse."""


@dataclass
class Review:
    record: Path
    drafts: list[dict]  # the drafted facts left after this call
    accepted: list[str]
    corrected: list[str]
    dropped: list[str]
    entities: list[dict] = field(default_factory=list)  # the draft entities left after this call
    renamed: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # known ids a draft entity is close to -> label
    waiting: list[tuple[str, list[str]]] = field(default_factory=list)  # accepted facts naming draft entities
    publisher: str | None = None
    split: list[str] = field(default_factory=list)


def review(sources: Path, ontology: Path, ref: str, accept=(), drop=(), corrections=(), renames=(),
           merges=(), split=()) -> Review:
    sources = Path(sources)
    path = find_record(sources, ref)
    edit = roundtrip.RecordFile(read_text(path), path)
    listing = _Listing(edit)
    accepted = listing.numbers(accept, "--accept")
    dropped = listing.numbers(drop, "--drop")
    both = sorted(set(accepted) & set(dropped), key=_order)
    if both:
        raise ReviewError(f"draft {both[0]} is both accepted and dropped", path)
    corrected = _correct(listing, corrections, dropped, path)
    splits = listing.numbers(split, "--split")
    if splits:
        _split(sources, path, listing.facts, splits, dropped)
    renamed, merged = _rename_and_merge(edit, listing, renames, merges, dropped, sources, ontology, path)
    for number in accepted:
        listing.entry(number)["reviewed"] = True
    _drop(edit, [listing.entry(n) for n in dropped], path)
    if accepted or dropped or corrected or renamed or merged or splits:
        _write_checked(edit, path, ontology)
    left = _Listing(edit)
    drafted = {e.get("id") for e in left.entities}
    waiting = [(n, sorted(_names(listing.entry(n)) & drafted)) for n in accepted if not n.startswith("e")]
    labels = {}
    if any(e.get("candidates") for e in left.entities):
        labels = {item.subject: _label(item.labels) for item in _gazetteer(sources, ontology).items}
    return Review(path, left.facts, accepted, sorted(set(corrected), key=_order), dropped, left.entities,
                  renamed, merged, labels, [(n, ids) for n, ids in waiting if ids], edit.source.get("publisher"),
                  splits)


def _correct(listing, corrections, dropped, path: Path) -> list[str]:
    """Apply each ``--set N key=value`` (an empty value removes the key); the numbers corrected."""
    corrected = []
    for spec in corrections:
        number, key, value = _correction(spec, listing, path)
        if number in dropped:
            raise ReviewError(f"draft {number} is both corrected and dropped", path)
        entry = listing.entry(number)
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = roundtrip.flow(value)
        corrected.append(number)
    return corrected


def _rename_and_merge(edit, listing, renames, merges, dropped, sources: Path, ontology: Path,
                      path: Path) -> tuple[list[str], list[str]]:
    """Apply each ``--rename 'eN New Name'`` and ``--merge 'eN known-id'``; the entities renamed and merged."""
    gazetteer = None  # read once, and only if an entity is renamed or merged
    renamed, merged = [], []
    for option, specs in (("--rename", renames), ("--merge", merges)):
        for spec in specs:
            number, _, rest = spec.strip().partition(" ")
            if not number.startswith("e") or not rest.strip():
                raise ReviewError(f"{option} {spec!r}: write it as 'eN " + ("New Name'" if option == "--rename"
                                  else "known-id'") + ", with the number of a draft entity", path)
            number = listing.numbers([number], option)[0]
            if number in dropped:
                raise ReviewError(f"draft {number} is both {option[2:]}d and dropped", path)
            gazetteer = gazetteer or declarations(sources, _gazetteer(sources, ontology), leave_out=path)
            if option == "--rename":
                _rename(edit, listing.entry(number), " ".join(rest.split()), gazetteer, path, spec)
                renamed.append(number)
            else:
                _merge(edit, listing.entry(number), rest.strip(), gazetteer, path, spec)
                merged.append(number)
    return renamed, merged


def _write_checked(edit, path: Path, ontology: Path) -> None:
    """Replace the record with the edited one, once it is checked like any record."""
    new = edit.render()
    vocab = load_vocabulary(ontology)
    record = parse_record(new, path, vocab)
    check_record(new, path, read_text(record.text_path), vocab)
    write_atomic(path, new.encode())


def _split(sources: Path, path: Path, drafts: list, numbers: list[str], dropped) -> None:
    """Matched drafts become facts of their own, with new ids; the record's other drafts follow."""
    gazetteer = yaml.safe_load(read_text(sources / GAZETTEER_FILE)) or {}
    taken = set(declared_ids(sources)) | {e["id"] for e in gazetteer.get("entities") or []
                                          if isinstance(e, dict) and isinstance(e.get("id"), str)}
    for number in numbers:
        if number.startswith("e"):
            raise ReviewError(f"--split {number}: only a drafted fact can be split", path)
        draft = drafts[int(number) - 1]
        if number in dropped:
            raise ReviewError(f"draft {number} is both split and dropped", path)
        if MATCH_KEY not in draft:
            raise ReviewError(f"--split {number}: draft {number} was not matched to another fact", path)
        new = split_fact(dict(draft), taken)
        taken.add(new["id"])
        for other in drafts:  # the record's own drafts that name it (an LoI reached at this visit) follow it
            if other is not draft:
                for key, value in rename(dict(other), {draft["id"]: new["id"]}).items():
                    if value != other[key]:
                        other[key] = roundtrip.flow(value)
        for key in [k for k in draft if k not in new]:
            del draft[key]
        for key, value in new.items():
            if value != draft.get(key):
                draft[key] = roundtrip.flow(value)


class _Listing:
    """A record's drafts as the reviewer sees them numbered: entities e1, e2, …; facts 1, 2, …"""

    def __init__(self, edit):
        self.path = edit.path
        self.entities = [e for e in edit.doc.get("entities") or [] if isinstance(e, dict) and e.get("reviewed") is False]
        self.facts = [f for f in edit.doc.get("facts") or [] if isinstance(f, dict) and f.get("reviewed") is False]

    def entry(self, number: str):
        return self.entities[int(number[1:]) - 1] if number.startswith("e") else self.facts[int(number) - 1]

    def numbers(self, values, option) -> list[str]:
        numbers = []
        for value in values:
            for part in str(value).split(","):
                part = part.strip()
                if part == "all":
                    numbers += [f"e{n}" for n in range(1, len(self.entities) + 1)]
                    numbers += [str(n) for n in range(1, len(self.facts) + 1)]
                    continue
                first, dash, last = part.partition("-")
                one, other = _NUMBER.match(first), _NUMBER.match(last)
                if dash and one and other and one.group(1) == other.group(1):
                    span = range(int(one.group(2)), int(other.group(2)) + 1)
                    if span and all(self._exists(f"{one.group(1)}{n}") for n in span):
                        numbers += [f"{one.group(1)}{n}" for n in span]
                        continue
                if not self._exists(part):
                    raise ReviewError(f"{option} {part!r}: {self._counts()}", self.path)
                numbers.append(part)
        return sorted(set(numbers), key=_order)

    def _exists(self, number: str) -> bool:
        match = _NUMBER.match(number)
        if not match:
            return False
        count = len(self.entities) if match.group(1) else len(self.facts)
        return 1 <= int(match.group(2)) <= count

    def _counts(self) -> str:
        if not self.entities and not self.facts:
            return "this record has no drafts left"
        parts = []
        if self.facts:
            parts.append(f"there are {len(self.facts)} drafts, numbered 1 to {len(self.facts)}")
        else:
            parts.append("there are 0 drafts")
        if self.entities:
            parts.append(f"{len(self.entities)} draft entities, e1 to e{len(self.entities)}")
        return " and ".join(parts)


def _order(number: str):
    return (0, int(number[1:])) if number.startswith("e") else (1, int(number))


def _gazetteer(sources, ontology):
    return load_gazetteer(sources, load_vocabulary(ontology))  # the base regions under the curated gazetteer


def _label(labels: dict) -> str:
    return labels.get("en") or next(iter(labels.values()), "")


def _replace_id(edit, old: str, new: str) -> None:
    """Every mention of the id ``old`` in the record, as ``new`` (only the entries naming it change)."""
    renames = {old: new}
    for key in ("entities", "facts"):
        entries = edit.doc.get(key) or []
        for entry in entries:
            if isinstance(entry, dict):
                renamed = rename_in(dict(entry), renames)
                for name, value in renamed.items():
                    if value != entry[name]:
                        entry[name] = roundtrip.flow(value)
    source = edit.source
    if source.get("publisher") == old:
        source["publisher"] = new
    if isinstance(source.get("credits"), list) and old in source["credits"]:
        source["credits"] = roundtrip.flow([new if c == old else c for c in source["credits"]])


def _rename(edit, entity, name: str, declared: dict, path, spec) -> None:
    new_id = slug(name)
    if not new_id:
        raise ReviewError(f"--rename {spec!r}: {name!r} makes no id", path)
    old_id, old_label = entity["id"], entity.get("label")
    others = {e.get("id"): (e.get("type"), e.get("label")) for e in edit.doc.get("entities") or []
              if isinstance(e, dict) and e is not entity}
    taken = {**declared, **others}
    if new_id != old_id and new_id in taken and (taken[new_id] != (entity["type"], name) or new_id in others):
        raise ReviewError(f"--rename {spec!r}: the id {new_id!r} is taken; if it is the same "
                          f"{entity['type']}, --merge it into {new_id!r}", path)
    written = list(old_label.values()) if isinstance(old_label, dict) else [old_label]  # how the text wrote it
    aliases = list(entity.get("alias") or [])
    aliases += [a for a in dict.fromkeys(written) if isinstance(a, str) and a not in aliases]
    aliases = [a for a in aliases if a != name]
    if aliases != list(entity.get("alias") or []):
        if "alias" in entity:
            entity["alias"] = roundtrip.flow(aliases)
        else:
            entity.insert(list(entity).index("label") + 1, "alias", roundtrip.flow(aliases))
    entity["label"] = name
    if new_id != old_id:
        entity["id"] = new_id
        _replace_id(edit, old_id, new_id)


def _merge(edit, entity, known: str, declared: dict, path, spec) -> None:
    own = {e.get("id") for e in edit.doc.get("entities") or [] if isinstance(e, dict) and e is not entity}
    if known not in declared and known not in own:
        raise ReviewError(f"--merge {spec!r}: {known!r} is not declared in the gazetteer or any record", path)
    edit.doc["entities"].remove(entity)
    _replace_id(edit, entity["id"], known)


def _drop(edit, entries, path) -> None:
    """Remove the entries; a dropped entity takes along the drafted facts naming it."""
    entities = [e for e in entries if any(e is x for x in edit.doc.get("entities") or [])]
    gone = {e["id"] for e in entities}
    if edit.source.get("publisher") in gone:
        raise ReviewError(f"the draft entity {edit.source['publisher']!r} is the article's publisher: accept, "
                          "rename or merge it instead", path)
    for entity in entities:
        edit.doc["entities"].remove(entity)
    facts = edit.doc.get("facts") or []
    for fact in [f for f in facts if any(f is e for e in entries) or (
            isinstance(f, dict) and f.get("reviewed") is False and _names(f) & gone)]:
        facts.remove(fact)


def _names(entry: dict) -> set[str]:
    """The ids an entry names (its own id, quote and label aside)."""
    return {v for k, value in entry.items() if k not in ("id", "label", "quote", "extractor", "alias")
            for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}


def needs(entity_id: str, facts: list[dict]) -> list[int]:
    """The numbers of the drafted facts that name an entity."""
    return [n for n, fact in enumerate(facts, 1) if entity_id in _names(fact)]


def _correction(spec: str, listing: _Listing, path) -> tuple[str, str, object]:
    """``3 role=regent``, ``3 party=[a, b]``, ``e1 type=Legislature``, or ``3 signedAt=`` to remove a key."""
    head, _, assignment = spec.partition(" ")
    key, equals, value = assignment.partition("=")
    key = key.strip()
    if not _NUMBER.match(head) or not equals or not key:
        raise ReviewError(f"--set {spec!r}: write it as 'N key=value', e.g. '3 role=regent'", path)
    if not listing._exists(head):
        raise ReviewError(f"--set {spec!r}: {listing._counts()}", path)
    if key in ("reviewed", "extractor"):
        raise ReviewError(f"--set {spec!r}: use --accept to mark a draft reviewed", path)
    if not value.strip():
        return head, key, None
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        raise ReviewError(f"--set {spec!r}: the value is not YAML", path) from None
    return head, key, parsed


def describe(draft: dict) -> str:
    """One line for a draft: its kind, its values, the start of its first quote."""
    kind = draft.get("type") or f"about {draft.get('about')}"
    values = ", ".join(f"{k}={_short(v)}" for k, v in draft.items()
                       if k not in ("type", "about", "label", "quote", "reviewed", "extractor", MATCH_KEY))
    quote = draft.get("quote")
    quote = quote[0] if isinstance(quote, list) else quote
    quote = " ".join(str(quote).split())
    quote = quote if len(quote) <= 70 else quote[:69] + "…"
    same, _, because = str(draft.get(MATCH_KEY, "")).partition(": ")
    matched = f"\n       {same}, because {because} (--split to keep it apart)" if because else ""
    return f"{kind}: {values}  “{quote}”{matched}"


def describe_entity(entity: dict, facts: list[dict], labels: dict[str, str], publisher: str | None = None) -> list[str]:
    """A draft entity's line (its class, id, label, the facts that name it, its quote), and its close names."""
    label = entity.get("label")
    label = " / ".join(dict.fromkeys(label.values())) if isinstance(label, dict) else str(label)
    named = needs(entity["id"], facts)
    named = f", named by {', '.join(map(str, named))}" if named else ""
    if entity["id"] == publisher:
        named = f", the article's publisher{named}"
    quote = f"  “{_quote(entity)}”" if entity.get("quote") else "  (from the page's metadata)"
    lines = [f"new {entity.get('type')} {entity['id']} “{label}”{named}{quote}"]
    close = entity.get("candidates") or []
    if close:
        lines.append("close to known: " + "; ".join(f"{c} ({labels[c]})" if labels.get(c) else c for c in close))
    return lines


def _quote(entry: dict) -> str:
    """The start of an entity's quote, as a fact's line shows it."""
    quote = entry.get("quote")
    quote = " ".join(str(quote[0] if isinstance(quote, list) else quote).split())
    return quote if len(quote) <= 70 else quote[:69] + "…"


def _short(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)

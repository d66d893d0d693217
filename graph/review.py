"""`kg review SOURCE`: list a record's machine-drafted facts; accept, correct or drop them.

Drafts are the facts marked ``reviewed: false``; they are numbered 1, 2, …
in the order the record lists them, and every number in one call refers to
that listing. Accepting sets ``reviewed: true`` (the ``extractor`` stays, as
provenance); correcting sets a key (``--set 3 role=regent``); dropping
removes the fact. The new record is checked like any record (keys, ids,
quotes found in the text) before it replaces the old one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph.add import PROPOSED_FOLDER, _check_record, _dump, declared_ids, find_record
from graph.errors import InputError
from graph.match import MATCH_KEY, rename, split as split_fact
from graph.ontology import load_vocabulary
from graph.outputs import write_atomic
from graph.sources import GAZETTEER_FILE, parse_record, read_text


class ReviewError(InputError):
    """A review command names a draft that is not there, or a correction that does not parse."""


@dataclass
class Review:
    record: Path
    drafts: list[dict]  # the drafts left after this call
    accepted: list[int]
    corrected: list[int]
    dropped: list[int]
    proposed: Path | None
    split: list[int] = field(default_factory=list)


def review(sources: Path, ontology: Path, ref: str, accept=(), drop=(), corrections=(), split=()) -> Review:
    sources = Path(sources)
    path = find_record(sources, ref)
    text = read_text(path)
    doc = yaml.safe_load(text)
    facts = doc.get("facts") or []
    drafts = [f for f in facts if isinstance(f, dict) and f.get("reviewed") is False]
    accepted = _numbers(accept, len(drafts), "--accept", path)
    dropped = _numbers(drop, len(drafts), "--drop", path)
    both = sorted(set(accepted) & set(dropped))
    if both:
        raise ReviewError(f"draft {both[0]} is both accepted and dropped", path)
    corrected = []
    for spec in corrections:
        number, key, value = _correction(spec, len(drafts), path)
        if number in dropped:
            raise ReviewError(f"draft {number} is both corrected and dropped", path)
        if value is None:
            drafts[number - 1].pop(key, None)
        else:
            drafts[number - 1][key] = value
        corrected.append(number)
    splits = _numbers(split, len(drafts), "--split", path)
    if splits:
        _split(sources, path, drafts, splits, dropped)
    changed = bool(accepted or dropped or corrected or splits)
    if changed:
        for number in accepted:
            drafts[number - 1]["reviewed"] = True
        gone = {id(drafts[n - 1]) for n in dropped}
        doc["facts"] = [f for f in facts if id(f) not in gone]
        new = _render(text, doc)
        vocab = load_vocabulary(ontology)
        record = parse_record(new, path, vocab)
        _check_record(new, path, read_text(record.text_path), vocab)
        write_atomic(path, new.encode())
    left = [f for f in doc["facts"] if isinstance(f, dict) and f.get("reviewed") is False]
    proposed = sources / PROPOSED_FOLDER / f"{path.stem}.yaml"
    return Review(path, left, accepted, sorted(set(corrected)), dropped, proposed if proposed.exists() else None,
                  splits)


def _split(sources: Path, path: Path, drafts: list[dict], numbers: list[int], dropped) -> None:
    """Matched drafts become facts of their own, with new ids; the record's other drafts follow."""
    gazetteer = yaml.safe_load(read_text(sources / GAZETTEER_FILE)) or {}
    taken = set(declared_ids(sources)) | {e["id"] for e in gazetteer.get("entities") or []
                                          if isinstance(e, dict) and isinstance(e.get("id"), str)}
    for number in numbers:
        draft = drafts[number - 1]
        if number in dropped:
            raise ReviewError(f"draft {number} is both split and dropped", path)
        if MATCH_KEY not in draft:
            raise ReviewError(f"--split {number}: draft {number} was not matched to another fact", path)
        new = split_fact(draft, taken)
        taken.add(new["id"])
        for other in drafts:  # the record's own drafts that name it (an LoI reached at this visit) follow it
            if other is not draft:
                followed = rename(other, {draft["id"]: new["id"]})
                other.clear()
                other.update(followed)
        draft.clear()
        draft.update(new)


def _render(old: str, doc: dict) -> str:
    lines = old.splitlines()
    header = lines[: next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))]
    source = {k: (str(v) if k == "published" else v) for k, v in doc["source"].items()}
    return "".join(line + "\n" for line in header) + _dump({"source": source, "facts": doc["facts"]})


def _numbers(values, count, option, path) -> list[int]:
    numbers = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if part == "all":
                numbers.extend(range(1, count + 1))
                continue
            first, dash, last = part.partition("-")
            if dash and first.isdigit() and last.isdigit() and 1 <= int(first) <= int(last) <= count:
                numbers.extend(range(int(first), int(last) + 1))
                continue
            if not part.isdigit() or not 1 <= int(part) <= count:
                raise ReviewError(f"{option} {part!r}: there are {count} drafts, numbered 1 to {count}"
                                  if count else f"{option} {part!r}: this record has no drafts left", path)
            numbers.append(int(part))
    return sorted(set(numbers))


def _correction(spec: str, count: int, path) -> tuple[int, str, object]:
    """``3 role=regent``, ``3 party=[a, b]``, or ``3 signedAt=`` to remove a key."""
    head, _, assignment = spec.partition(" ")
    key, equals, value = assignment.partition("=")
    key = key.strip()
    if not head.isdigit() or not equals or not key:
        raise ReviewError(f"--set {spec!r}: write it as 'N key=value', e.g. '3 role=regent'", path)
    number = int(head)
    if not 1 <= number <= count:
        raise ReviewError(f"--set {spec!r}: there are {count} drafts", path)
    if key in ("reviewed", "extractor"):
        raise ReviewError(f"--set {spec!r}: use --accept to mark a draft reviewed", path)
    if not value.strip():
        return number, key, None
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        raise ReviewError(f"--set {spec!r}: the value is not YAML", path) from None
    return number, key, parsed


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


def _short(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)

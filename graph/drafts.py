"""Draft entities: names the gazetteer does not know, declared in the article's own record.

The extractor (graph.extract) *proposes* an entry for each new person,
organisation or region, and holds back the facts that need one
(``Draft.pending``). Here those proposals become the record's ``entities:``,
each ``reviewed: false`` with the quote it was seen in, and the held-back
facts become ordinary drafts, so that everything an article says is in the
graph at once, marked as a draft until a curator reviews it.

Ids are settled against the whole project: a new entity takes an id another
record already drafted only when it is the same kind of thing with the very
same name; any other clash gets a number (``li-wei-2``), never a merge.
"""
from __future__ import annotations

import re
from urllib.parse import urlparse

from graph.extract import EXTRACTOR, Draft, slug

_NOT_VALUES = ("id", "type", "label", "alias", "quote", "reviewed", "extractor", "candidates", "honorific")


def facts_in_full(draft: Draft) -> list[dict]:
    """The drafted facts, a fact held back for a new name in full in place of its lean twin."""
    facts = list(draft.facts)
    for full in draft.pending:
        twin = next((i for i, fact in enumerate(facts) if _lean_twin(fact, full)), None)
        if twin is None:
            facts.append(full)
        else:
            facts[twin] = full
    return facts


def _lean_twin(lean: dict, full: dict) -> bool:
    """Whether ``lean`` is ``full`` with its new names left out (graph.extract drafts both)."""
    if any(lean.get(k) != full.get(k) for k in ("type", "id", "about", "quote")) or not set(lean) <= set(full):
        return False
    return all(lean[k] == full[k] or (isinstance(lean[k], list) and isinstance(full[k], list)
                                      and set(map(str, lean[k])) <= set(map(str, full[k]))) for k in lean)


def outlet(site: str | None, url: str | None, text: str) -> dict | None:
    """A draft NewsPublisher for a page whose publisher the gazetteer does not know: named as the page
    names itself (its site name), else by its address's host."""
    host = (urlparse(url).hostname or "").removeprefix("www.") if url else ""
    name = next((n for n in (" ".join((site or "").split()), host) if slug(n)), None)  # 新华网 makes no id
    if name is None:
        return None
    entry = {"id": slug(name), "type": "NewsPublisher", "label": name}
    if host and host != name:
        entry["alias"] = [host]
    site_word = host.rsplit(".", 1)[0].rsplit(".", 1)[-1] if "." in host else ""  # kompas.com: "Kompas"
    for written in (name, host, site_word if len(site_word) > 3 else ""):
        found = re.search(r"(?<!\w)" + re.escape(written) + r"(?!\w)", text, re.IGNORECASE) if written else None
        if found:
            entry["quote"] = found.group()
            break
    entry["reviewed"] = False
    entry["extractor"] = EXTRACTOR
    return entry


def entities_of(draft: Draft) -> list[dict]:
    """The extractor's proposals as entries of a record's ``entities:``."""
    candidates = getattr(draft, "candidates", None) or {}
    result = []
    for proposed in draft.proposed:
        entry = {k: v for k, v in proposed.items() if k != "seen" and v not in ([], None, "")}
        close = [c.get("id") if isinstance(c, dict) else c for c in candidates.get(proposed["id"], [])]
        if close:
            entry["candidates"] = [c for c in close if isinstance(c, str)]
        entry["quote"] = proposed["seen"].strip()
        entry["reviewed"] = False
        entry["extractor"] = EXTRACTOR
        result.append(entry)
    return result


def settle(entries: list[dict], declared: dict[str, tuple[str, object]], own: dict[str, tuple[str, object]]):
    """Give each new entity an id no one else uses for something else.

    ``declared``: id -> (class, label) of what the gazetteer and the other
    records declare (label None where the id may not be shared: the
    gazetteer's entities, facts); ``own``: the same for the entities this
    record keeps. Returns the entries to declare and the ids renamed
    (old -> new); an entry the record already declares is not declared again.
    """
    renames, result, taken = {}, [], set()
    for entry in entries:
        wanted, same = entry["id"], (entry["type"], entry.get("label"))
        if own.get(wanted) == same:
            continue
        new, number = wanted, 1
        stem = re.sub(r"-\d+\Z", "", wanted) or wanted
        while new in taken or new in own or (new in declared and declared[new] != same) \
                or (new in declared and declared[new][1] is None):
            number += 1
            new = f"{stem}-{number}"
        taken.add(new)
        if new != wanted:
            renames[wanted] = new
        result.append({**entry, "id": new})
    return result, renames


def rename_in(fact: dict, renames: dict[str, str]) -> dict:
    """``fact`` with every id it names renamed (its own id, quote and label untouched)."""
    if not renames:
        return fact
    result = {}
    for key, value in fact.items():
        if key not in _NOT_VALUES:
            if isinstance(value, str):
                value = renames.get(value, value)
            elif isinstance(value, list):
                value = [renames.get(v, v) if isinstance(v, str) else v for v in value]
        result[key] = value
    return result

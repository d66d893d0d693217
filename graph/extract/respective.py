"""Offices listed first and their holders after, paired in order: "didampingi Sekda, Kepala Dinas A, serta Kepala
Dinas B Kabupaten X, masing-masing Name1, Name2, dan Name3"; "the heads of the provincial A Office, the B Office
and the C Office, Name1, Name2 and Name3, respectively". The region that closes the list is every office's.
"""
from __future__ import annotations

import re

from graph.extract.doc import slug
from graph.extract.organisations import secretariat
from graph.extract.people import Held, person_at
from graph.extract.title_places import region_of_country
from graph.extract.vocabulary import (COMPATIBLE, LOCAL_REGIONS, ORG_HEADS_LAST, REGION_TYPES, TITLE_RE, TITLE_ROLE,
                                      org_type)

_EACH_RE = re.compile(r",?\s+masing-masing\s+(?=[A-Z])")
_RESPECTIVELY_RE = re.compile(r",\s+respectively\b")
# between two names of the list, degrees and all: "Ir. A, B, dan C, S.Pi."
_DEGREES = r"(?:,\s*(?:[A-Z][A-Za-z]{0,3}\.){1,3})*"
_NAME_SEP_RE = re.compile(_DEGREES + r"\s*(?:,\s*(?:dan\s+|serta\s+|and\s+)?|\s+(?:dan|serta|and)\s+)")
_LIST_SEP_BEFORE_RE = re.compile(r"(?:,|\bserta|\bdan)\s*\Z")
# "the heads of the provincial …": one title for every office of the list
_HEADS_OF_RE = re.compile(r"\b(?:the\s+)?(heads|chiefs|directors|chairs|chairmen)\s+of\s+(?:the\s+)?")
_EN_ITEM_SEP_RE = re.compile(r",\s+(?:and\s+)?the\s+|\s+and\s+the\s+")
_EN_LEVEL = {"provincial": {"Province"}, "city": LOCAL_REGIONS, "regency": LOCAL_REGIONS, "municipal": LOCAL_REGIONS}
_EN_ROLE = {"heads": "head", "chiefs": "head", "directors": "director", "chairs": "chair", "chairmen": "chair"}


def respective_posts(doc) -> list[Held]:
    found = []
    for sentence in doc.sentences:
        each = _EACH_RE.search(sentence.text)
        if each is not None:
            found += _listed_first(doc, sentence, sentence.start + each.start(), sentence.start + each.end(),
                                   sentence.end)
            continue
        respectively = _RESPECTIVELY_RE.search(sentence.text)
        if respectively is not None:
            found += _heads_of(doc, sentence, sentence.start + respectively.start())
    return found


def _count_names(text: str) -> int:
    text = re.sub(_DEGREES + r"[\s.]*\Z", "", text.strip())
    return len([part for part in _NAME_SEP_RE.split(text) if part.strip(" ,.")])


def _names(doc, pos, limit, wanted) -> list[tuple[str, int, int]]:
    """The ``wanted`` names listed from ``pos``, or [] when the list holds another number of them."""
    if _count_names(doc.text[pos:limit]) != wanted:
        return []
    people = []
    while len(people) < wanted:
        person = person_at(doc, pos, limit, single=True)
        if person is None:
            return []
        people.append(person)
        gap = _NAME_SEP_RE.match(doc.text, person[2], limit)
        pos = gap.end() if gap else person[2]
    return people


def _closing_region(doc, start, end):
    """The region named last in the list of offices, closing it, as (id, as written): every office's. Also when it
    ends the name of an office the gazetteer knows ("… Dinas Perikanan Kabupaten Sumenep")."""
    regions = [m for m in doc.in_span(start, end, REGION_TYPES - {"Country"}) if "|" not in m.entity]
    if regions and not doc.text[regions[-1].end:end].strip(" ,"):
        return regions[-1].entity, regions[-1].text
    words = doc.text[start:end].strip(" ,").split()
    for size in (3, 2, 1):
        found = doc.names.resolve(" ".join(words[-size:]), REGION_TYPES - {"Country"}) if len(words) > size else set()
        if len(found) == 1:
            return next(iter(found)), " ".join(words[-size:])
    return None


def _listed_first(doc, sentence, marker, names_start, limit) -> list[Held]:
    titles = list(TITLE_RE.finditer(doc.text, sentence.start, marker))
    # the list is the run of titles just before the marker, each after a comma or "serta" / "dan" but the first
    items = []
    for match, nxt in zip(reversed(titles), [None, *reversed(titles)]):
        items.insert(0, (match, nxt.start() if nxt is not None else marker))
        if not _LIST_SEP_BEFORE_RE.search(doc.text, max(sentence.start, match.start() - 8), match.start()):
            break  # the first office of the list: "didampingi Sekda, …"
    if len(items) < 2:
        return []
    people = _names(doc, names_start, limit, len(items))
    if not people:
        return []
    region = _closing_region(doc, items[-1][0].end(), marker)
    held = []
    for (match, end), person in zip(items, people):
        office = _office(doc, match, end, region)
        if office is not None:
            role, place = office
            held.append(Held(person[0], role, place, doc.text[match.start():person[2]], sentence))
    return held


def _office(doc, match, end, region):
    """(role, place) of one title of the list, its office read with the list's closing region when it names
    none of its own."""
    title = match.group("title")
    role, region_class = TITLE_ROLE[title.lower()]
    office = re.sub(r"[\s,;]*(?:\b(?:serta|dan|and))?[\s,;]*\Z", "", doc.text[match.end():end])
    if region_class in ("Secretariat", "CouncilSecretariat"):
        if region is None or office:
            return None
        return role, secretariat(doc, region[0], region[1], doc.text[match.start():end].rstrip(" ,"),
                                 region_class == "CouncilSecretariat")
    if region_class is not None:
        if region is None or doc.entity_type(region[0]) not in COMPATIBLE[region_class]:
            return None
        return role, region[0]
    if not office:
        return None
    own = [m for m in doc.in_span(match.end(), end, REGION_TYPES - {"Country"}) if "|" not in m.entity]
    name = " ".join(office.split())
    if not own and region is not None and not name.endswith(region[1]):
        name = f"{name} {region[1]}"
    return role, _organisation(doc, name, office.strip())


def _organisation(doc, name, quote):
    """The office ``name`` stands for, known or proposed (``quote``: as the text writes it)."""
    known = doc.names.resolve(name)
    if len(known) == 1:
        return next(iter(known))
    return doc.propose(slug(name), org_type(name), name, [], quote)  # (an office proposed already: that one)


def _heads_of(doc, sentence, marker) -> list[Held]:
    found = list(_HEADS_OF_RE.finditer(doc.text, sentence.start, marker))
    if not found:
        return []
    heads = found[-1]  # the title nearest the list
    text = doc.text[heads.end():marker]
    parts = _EN_ITEM_SEP_RE.split(text)
    # the names follow the last office, after its comma: "… and the Plantation Office, A, B and C"
    last, comma, names = parts[-1].partition(", ")
    if not comma:
        return []
    offices = [*parts[:-1], last]
    if len(offices) < 2 or not all(o.split()[-1] in ORG_HEADS_LAST for o in offices if o.split()):
        return []
    names_start = heads.end() + len(text) - len(names)
    people = _names(doc, names_start, marker, len(offices))
    if not people:
        return []
    level = offices[0].split()[0].lower()
    # "the provincial … Office": the one Indonesian region of that level the article names
    region = region_of_country(doc, "indonesia", _EN_LEVEL[level]) if level in _EN_LEVEL else None
    if region is None:
        return []
    held = []
    for office, person in zip(offices, people):
        words = office.split()
        if words[0].lower() in _EN_LEVEL:
            words = words[1:]
        name = f"{doc.label(region, 'en')} {' '.join(words)}"
        held.append(Held(person[0], _EN_ROLE[heads.group(1).lower()], _organisation(doc, name, office.strip()),
                         doc.text[heads.start():marker], sentence))
    return held


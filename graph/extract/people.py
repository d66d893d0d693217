"""People and their posts: "Wali Kota Serang Budi Rustandi", "Binzhou Deputy Mayor Qu Yuekuan",
"Budi Rustandi, the Mayor of Serang", "Name, peneliti … di ORG".

A title says what kind of region its holder governs, so an unknown place before or after it
is proposed with that kind ("Bupati Lebak" -> a regency).
"""
from __future__ import annotations

import re

from graph.extract.mentions import propose_region
from graph.extract.vocabulary import (APPOSITION_REGIONAL, HONORIFIC_NAME_RE, APPOSITION_REGIONAL_RE, APPOSITION_ROLES, COMPATIBLE,
                                      HONORIFIC_RE, NAME_RE, NOT_NAMES, PLACE_BEFORE_HONORIFIC_RE,
                                      PLACE_BEFORE_TITLE_RE, REGION_TYPES, TITLE_RE, TITLE_ROLE)
from graph.extract.doc import slug

_GAP_RE = re.compile(r"[\s,]*")
_OF_RE = re.compile(r"\s*(?:of\s+(?:the\s+)?)?")


def person_at(doc, pos, limit, single=False) -> tuple[str, int, int] | None:
    """A person's name starting at ``pos`` (honorifics skipped): (id, start, end)."""
    skip = _GAP_RE.match(doc.text, pos, limit).end()
    honorific = HONORIFIC_RE.match(doc.text, skip, limit)
    if honorific:
        skip = honorific.end()
    match = NAME_RE.match(doc.text, skip, limit)
    if not match:
        return None
    words = match.group().split()
    # a region or organisation is not a person
    start = match.start()
    for m in doc.mentions.overlapping(start, start + 1):
        if doc.entity_type(m.entity) not in ("Person", "?"):
            return None
    while words and words[-1] in NOT_NAMES:
        words.pop()
    if not words or words[0] in NOT_NAMES:
        return None
    name = " ".join(words)
    found = doc.names.resolve(name, {"Person"})
    if len(found) == 1:
        entity, = found
    elif len(words) >= 2 or (single and len(words[0]) > 2):
        entity = doc.propose(slug(name), "Person", name, [], doc.text[start:start + len(name)])
    else:
        return None
    return entity, start, start + len(name)


def posts(doc):
    posts = []
    for sentence in doc.sentences:
        for match in TITLE_RE.finditer(sentence.text):
            title = match.group(1)[0].upper() + match.group(1)[1:]
            role, region_class = TITLE_ROLE[title]
            pos = sentence.start + match.end()
            limit = sentence.end
            place = None
            # "Mayor of X" / "Wali Kota X" / "Ketua DPRD Provinsi Banten" / "Kepala Dinas … X"
            after = _OF_RE.match(doc.text, pos, limit).end()
            if region_class is None:  # a post in an organisation: "Ketua DPRD …", "Kadis Pariwisata …"
                org = doc.mention_at(after, None, organisations=True)
                if org is not None:
                    place, pos = org.entity, org.end
                else:  # "KIKT chairperson Garibaldi Thohir"
                    at = sentence.start + match.start()
                    before = [m for m in doc.mentions.ending(at - 1, at) if "|" not in m.entity and
                              doc.entity_type(m.entity) not in REGION_TYPES | {"Person", "?"}]
                    if not before:
                        continue
                    place = before[-1].entity
            else:
                region = doc.mention_at(after, COMPATIBLE[region_class])
                if region is not None:
                    place, pos = region.entity, region.end
                else:
                    at = sentence.start + match.start()
                    before = [m for m in doc.mentions.ending(at - 1, at) if
                              doc.entity_type(m.entity) in COMPATIBLE[region_class]]
                    unknown = PLACE_BEFORE_HONORIFIC_RE.match(doc.text, after, limit)
                    prefix = PLACE_BEFORE_TITLE_RE.search(doc.text, sentence.start,
                                                           sentence.start + match.start())
                    if prefix and doc.mentions.overlapping(prefix.start(1), prefix.end(1)):
                        prefix = None  # a name the gazetteer knows, of another kind
                    if before:
                        place = before[-1].entity
                    elif prefix and prefix.group(1) not in NOT_NAMES and \
                            not doc.text[:prefix.start(1)].rstrip().endswith((".", "“", '"')) and \
                            prefix.start(1) > sentence.start:
                        # "Surabaya Mayor Eri Cahyadi": the title says what kind of region Surabaya is
                        name = prefix.group(1)
                        place = propose_region(doc, name, region_class, doc.text[prefix.start(1):
                                                                                    sentence.start + match.end()])
                    elif unknown and unknown.group(1) not in NOT_NAMES:
                        # "Bupati Lebak Hj. Siti Aminah": the title says what kind of region Lebak is
                        place = propose_region(doc, unknown.group(1), region_class,
                                                     doc.text[sentence.start + match.start():unknown.end(1)])
                        pos = unknown.end(1)
                    else:
                        place = doc.only_region(COMPATIBLE[region_class])
            person = person_at(doc, pos, limit, single=True)
            if person is None or place is None:
                continue
            quote_start = sentence.start + match.start()
            posts.append((person[0], role, place, doc.text[quote_start:person[2]], sentence))
        # apposition: "Name, peneliti sekaligus direktur China-Indonesia di ORG"
        for match in re.finditer(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+((?:[\w-]+\s+){0,6}?)"
                                 r"(?:di|at|of|dari|from)\s+", sentence.text):
            roles = [r for w, r in APPOSITION_ROLES.items()
                     if re.search(rf"(?i)\b{w}\b", match.group(2))]
            if not roles:
                continue
            org = doc.mention_at(sentence.start + match.end(), None, organisations=True)
            name = match.group(1)
            found = doc.names.resolve(name, {"Person"})
            if org is None or len(found) != 1:
                continue
            entity, = found
            for role in dict.fromkeys(roles):
                posts.append((entity, role, org.entity, doc.text[sentence.start + match.start():org.end],
                              sentence))
        for match in APPOSITION_REGIONAL_RE.finditer(sentence.text):
            role, region_class = APPOSITION_REGIONAL[match.group(2).lower()]
            name = match.group(1)
            found = doc.names.resolve(name, {"Person"})
            region = doc.mention_at(sentence.start + match.end(), COMPATIBLE[region_class])
            if region is None or len(found) != 1 or not name[0].isupper():
                continue
            entity, = found
            posts.append((entity, role, region.entity, doc.text[sentence.start + match.start():region.end],
                          sentence))
    return posts



def post_facts(doc, held):
    """Post facts (one per holder, role and place) and honorifics apart from the name; and, per
    sentence start, the (holder, place) pairs its posts name, for the later stages."""
    facts: list[dict] = []
    person_of_post: dict[int, list] = {}
    seen_posts = set()
    honorifics = set()
    for holder, role, place, quote, sentence in held:
        found = HONORIFIC_NAME_RE.search(quote)
        if found and holder not in honorifics:  # "H. Budi Rustandi": the honorific, apart from the name
            honorifics.add(holder)
            value = " ".join(found.group(1).split())
            if holder in doc.proposed:
                doc.proposed[holder]["honorific"] = value
            else:
                facts.append({"about": holder, "honorific": value, "quote": [found.group()]})
    for holder, role, place, quote, sentence in held:
        key = (holder, role, place)
        person_of_post.setdefault(sentence.start, []).append((holder, place))
        if key in seen_posts:
            continue
        seen_posts.add(key)
        facts.append({"type": "Post", "heldBy": holder, "role": role, "postIn": place, "quote": [quote]})
    return facts, person_of_post

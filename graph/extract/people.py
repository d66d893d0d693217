"""People and their posts: "Wali Kota Serang Budi Rustandi", "Binzhou Deputy Mayor Qu Yuekuan",
"Budi Rustandi, the Mayor of Serang", "Name, peneliti … di ORG".

A title says what kind of region its holder governs, so an unknown place before or after it
is proposed with that kind ("Bupati Lebak" -> a regency).
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from graph.extract.mentions import propose_region
from graph.extract.organisations import COUNTRY_BEFORE_RE, diplomatic_mission, office_before, org_phrase, secretariat
from graph.extract.vocabulary import (ACTING, ACTING_WORDS, APPOSITION_REGIONAL, APPOSITION_REGIONAL_RE,
                                      APPOSITION_ROLES, BALINESE_I, CHINESE_SURNAMES, COMPATIBLE, DEMONYMS, DIPLOMATS,
                                      HONORIFIC_NAME_RE, HONORIFIC_RE, NAME_GAP_RE, NAME_RE, NOT_NAMES,
                                      PLACE_BEFORE_HONORIFIC_RE, PLACE_BEFORE_TITLE_RE, REGION_TYPES, SECTORS,
                                      TERM_RE, TITLE_RE, TITLE_ROLE, TITLE_WORDS)
from graph.extract.doc import Mention, slug
from graph.extract.title_places import (delegation_led_after, delegation_origin, holders_country, larger_region_end,
                                        of_class, municipality_at, region_of_country, side_said_first)

_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Z][a-z'’-]+)")
_ABBREVIATION_RE = re.compile(r"(?:\s*\([A-Z][A-Za-z]{1,20}\))?")  # ("(NTB)", "(Diskopukmperindag)")
# (a Chinese people's congress posts its officers on its standing committee: "Wakil Ketua Komite Tetap Kongres
# Rakyat Kota Beihai", "vice chairman of the Standing Committee of the … People's Congress": the congress's)
_OF_RE = re.compile(r"\s*(?:[Oo]f\s+(?:[Tt]he\s+)?)?(?:(?:Komite Tetap|Standing Committee(?:\s+of)?(?:\s+the)?)\s+)?")


def person_at(doc, pos, limit, single=False) -> tuple[str, int, int] | None:
    """A person's name starting at ``pos`` (honorifics skipped): (id, start, end)."""
    skip = NAME_GAP_RE.match(doc.text, pos, limit).end()
    honorific = HONORIFIC_RE.match(doc.text, skip, limit)
    if honorific:
        skip = honorific.end()
    match = NAME_RE.match(doc.text, skip, limit)
    if not match or TITLE_RE.match(doc.text, skip, limit):
        return None  # "Pj Bupati, Kepala DPMPTSP Sikka, Name": another title, not a name
    words = match.group().split()
    # a list with no commas: the next title ends the name ("Hj. Name Anggota DPRD …"), and so does the next
    # office or its town, after two words ("… Chairman Name Name Kendari Tourism Office Head …")
    starts = [match.start() + w.start() for w in re.finditer(r"\S+", match.group())]
    for i in range(1, len(words)):
        if (words[i][0].isupper() and TITLE_RE.match(doc.text, starts[i], limit)) or (
                i >= 2 and _opens_next_office(doc, starts[i], starts[i] + len(words[i]))):
            words = words[:i]
            break
    # a region or organisation is not a person
    start = match.start()
    for m in doc.mentions.overlapping(start, start + 1):
        if doc.entity_type(m.entity) not in ("Person", "?"):
            return None
    while words and (words[-1] in NOT_NAMES or words[-1].isupper() and len(words[-1]) > 1 and (
            len(words) == 1 or doc.names.resolve(words[-1]))):
        words.pop()  # (initials close a name, an acronym the gazetteer knows does not: "… Herman HN", "… Name RI")
    if not words or (words[0] in NOT_NAMES and not _surname_he(words)) or words[0].lower() in _FIELD_WORDS:
        return None  # "Biro Kebudayaan, Pariwisata dan Olahraga": a field in an office's name, not a person
    name = " ".join(words)
    found = doc.names.resolve(name, {"Person"})
    earlier = named_before(doc, name) if len(words) == 1 else None
    if earlier is not None:  # "Gubernur Abdullah" after "Gubernur …, Abdullah Syamsuddin", whoever else is Abdullah
        entity = earlier
    elif len(found) == 1:
        entity, = found
    elif len(words) >= 2 or (single and len(words[0]) > 2):
        nickname = _NICKNAME_RE.match(doc.text, start + len(name), limit)
        aliases = [nickname.group(1)] if nickname and not TITLE_RE.match(nickname.group(1)) else []
        entity = doc.propose(slug(name), "Person", name, aliases, doc.text[start:start + len(name)])
    else:
        return None
    return entity, start, start + len(name)


_CAPITAL_NEXT_RE = re.compile(r"\s+[A-Z]")


def _opens_next_office(doc, start, end) -> bool:
    """Whether the word at ``start`` begins a known name that is no person, with a capitalised word after it."""
    return _CAPITAL_NEXT_RE.match(doc.text, end) is not None and any(
        m.start == start and doc.entity_type(m.entity) not in ("Person", "?")
        for m in doc.mentions.overlapping(start, start + 1))


# the name a person goes by, in brackets after their name: "Hadi Santoso (Cak Hadi)"
_NICKNAME_RE = re.compile(r"\s*\(((?:[A-Z][a-z'’.-]+\s+){0,2}[A-Z][a-z'’-]+)\)")


def _surname_he(words) -> bool:
    """"He Yuzhen": the Chinese surname He (何) before a given name, not the pronoun (which a verb follows)."""
    return words[0] == "He" and len(words) == 2


# the one-word names of fields ("pariwisata", "perdagangan"): never a person's name
_FIELD_WORDS = {k.lower() for keys in SECTORS.values() for k in keys if " " not in k and k.islower() and len(k) > 4}


@dataclass
class Held:
    """A post as the text states it (``role`` None: a title with no role in the ontology, whose holder is
    still someone the article names there)."""
    holder: str
    role: str | None
    place: str
    quote: str
    sentence: object
    term: tuple[str, str, str] | None = None  # (start year, end year, quote)


def posts(doc):
    posts = []
    for sentence in doc.sentences:
        holders_end: set[int] = set()  # where the names read as holders of this sentence's titles end
        for match in TITLE_RE.finditer(sentence.text):
            post = title_post(doc, sentence, match, holders_end)
            if post is not None and _headline_verb(doc, sentence, post):
                doc.proposed.pop(post.holder)  # "Gubernur Jateng Merayu Tiongkok": a headline's verb, in title
                continue  # case, is no name
            if post is not None:
                posts.append(post)
                holders_end.add(doc.text.find(post.quote, sentence.start) + len(post.quote))
        # apposition: "Name, peneliti sekaligus direktur China-Indonesia di ORG" (not "Name, and the head of ORG":
        # the list's next item)
        for match in re.finditer(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?!(?:and|dan|serta)\s)"
                                 r"((?:[\w-]+\s+){0,6}?)"
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
                posts.append(Held(entity, role, org.entity, doc.text[sentence.start + match.start():org.end],
                                  sentence))
        for match in _WHO_HOLDS_RE.finditer(sentence.text):
            post = who_holds(doc, sentence, match)
            if post is not None:
                posts.append(post)
        for match in _APPOSITION_DIPLOMAT_RE.finditer(sentence.text):
            # "Rina Kartika, the Indonesian consul general in Guangzhou": a mission named by its country's people
            country = DEMONYMS[match.group(2)]
            role = TITLE_ROLE[" ".join(match.group(3).replace("-", " ").split()).lower()]
            mission = diplomatic_mission(doc, sentence.start + match.end(), sentence.end, role[0], country)
            holder = person_named(doc, match.group(1), sentence.start + match.start(1)) if mission else None
            if holder is not None:
                posts.append(Held(holder, role[0], mission[0], doc.text[sentence.start + match.start():mission[1]],
                                  sentence))
        for match in APPOSITION_REGIONAL_RE.finditer(sentence.text):
            role, region_class = APPOSITION_REGIONAL[match.group(2).lower()]
            region = doc.mention_at(sentence.start + match.end(), COMPATIBLE[region_class])
            holder_after = _NEXT_WORD_RE.match(doc.text, region.end, sentence.end) if region else None
            if holder_after is not None and holder_after.group(1) not in NOT_NAMES:
                continue  # a list, "Wakil Bupati Intan, Wakil Wali Kota Binzhou Qu Yuekuan": the title is Qu's
            # "Yang Fan, vice mayor of Kunming": known by that name, else a new person
            if sentence.start + match.end(1) in holders_end:
                continue  # "Wakil Gubernur A, Name, Wakil Wali Kota B, …": Name holds the title before it
            entity = person_named(doc, match.group(1), sentence.start + match.start(1)) if region else None
            if entity is None:
                continue
            posts.append(Held(entity, role, region.entity, doc.text[sentence.start + match.start():region.end],
                              sentence))
        for match in _NAME_COMMA_RE.finditer(sentence.text):
            # "Dao Meixiang, Pu'er's vice mayor": the region's title, written as its possession
            at = sentence.start + match.end()
            region = doc.mention_at(at, REGION_TYPES - {"Country"})
            title = _POSSESSED_TITLE_RE.match(doc.text, region.end, sentence.end) if region else None
            role, region_class = APPOSITION_REGIONAL[title.group(1).lower()] if title else (None, None)
            if role is None or doc.entity_type(region.entity) not in COMPATIBLE[region_class]:
                continue
            entity = person_named(doc, match.group(1), sentence.start + match.start(1))
            if entity is not None:
                posts.append(Held(entity, role, region.entity, doc.text[sentence.start + match.start(1):title.end()],
                                  sentence))
    return posts


_NAME_COMMA_RE = re.compile(r"(" + BALINESE_I + r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?:the\s+)?"
                            r"(?=[A-Z])")
_POSSESSED_TITLE_RE = re.compile(r"['’]s\s+((?i:" + "|".join(sorted(APPOSITION_REGIONAL, key=len, reverse=True))
                                 + r"))\b")


_APPOSITION_DIPLOMAT_RE = re.compile(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?:the\s+)?(" + "|".join(DEMONYMS)
                                     + r")\s+((?i:consul general|consul-general|consul|ambassador))\s+"
                                     r"(?=(?:in|to)\s+[A-Z])")
# "Andi Wijaya, who chairs the Banten legislature", "Rina, yang memimpin Dinas Pariwisata Banten"
_WHO_HOLDS_RE = re.compile(r"(" + BALINESE_I + r"(?:[A-Z][a-z'’-]+\s+){0,3}[A-Z][a-z'’-]+),\s+(?:who\s+(?:also\s+|now\s+)?"
                           r"(chairs|heads|leads|directs)|yang\s+(?:juga\s+)?(mengetuai|memimpin|mengepalai))"
                           r"\s+(?:the\s+)?")
# a lower-case word just before a one-word name: it is introduced in the sentence, not its first word
_ONE_NAME_AFTER_RE = re.compile(r"\b(?:included|including|and|with|termasuk|dan|serta|yakni|yaitu|namely)\s+\Z")
_LEGISLATURE_BACK_RE = re.compile(r"(?:legislature|parliament|dewan)\b")
_WHO_HOLDS_ROLE = {"chairs": "chair", "heads": "head", "leads": "head", "directs": "director", "mengetuai": "chair",
                   "memimpin": "head", "mengepalai": "head"}


def who_holds(doc, sentence, match) -> Held | None:
    """A post said with a verb: "Andi Wijaya, who chairs the Banten provincial legislature, …"."""
    pos, limit = sentence.start + match.end(), sentence.end
    org = doc.mention_at(pos, None, organisations=True)
    place, end = (org.entity, org.end) if org is not None else (org_phrase(doc, pos, limit, "") or (None, pos))
    back = _LEGISLATURE_BACK_RE.match(doc.text, pos, limit) if place is None else None
    if back is not None:  # "who leads the legislature": the one the article has named
        houses = {m.entity for m in doc.mentions if doc.entity_type(m.entity) == "Legislature"}
        houses |= {e for e, entry in doc.proposed.items() if entry["type"] == "Legislature"}
        place, end = (houses.pop(), back.end()) if len(houses) == 1 else (None, pos)
    if place is None:
        return None
    role = _WHO_HOLDS_ROLE[match.group(2) or match.group(3)]
    if role == "head" and doc.entity_type(place) == "Legislature":
        role = "chair"  # who leads a legislature chairs it
    name = match.group(1)
    at = sentence.start + match.start(1)
    holder = person_named(doc, name, at) if " " in name else named_before(doc, name)
    if holder is None and " " not in name and _ONE_NAME_AFTER_RE.search(doc.text, sentence.start, at) \
            and name not in NOT_NAMES and name not in TITLE_WORDS and name.lower() not in _FIELD_WORDS \
            and not doc.mentions.overlapping(at, at + len(name)):
        # "… and included Sarula, who chairs the …": someone known by one name, introduced mid-sentence
        holder = doc.propose(slug(name), "Person", name, [], name)
    if holder is None:
        return None
    term = _term(doc, end, limit)
    return Held(holder, role, place, doc.text[sentence.start + match.start(1):end], sentence,
                None if term is None else term[:3])


def named_before(doc, word: str):
    """The person a name of one word stands for: the one the article has already named in full with that word
    ("Andi Wijaya … Andi, who chairs …"); never a known person merely sharing it."""
    found = {e for e, entry in doc.proposed.items() if entry["type"] == "Person" and word in entry["label"].split()}
    found |= {m.entity for m in doc.mentions if doc.entity_type(m.entity) == "Person" and " " in m.text.strip()
              and word in m.text.split()}
    return found.pop() if len(found) == 1 else None


def named_by_surname(doc, surname, before):
    """The person a Chinese surname alone stands for, named in full earlier in the text though not read yet
    ("… led by the hospital's president, Dr. Kong Dezhi" … "signed by Kong and …")."""
    if surname not in CHINESE_SURNAMES:
        return None
    found = list(re.compile(rf"(?<![\w'’-]){surname}\s+[A-Z][a-z]+(?![\w'’-])").finditer(doc.text, 0, before))
    if len({m.group() for m in found}) != 1 or doc.mentions.overlapping(found[0].start(), found[0].end()):
        return None
    person = person_named(doc, found[0].group(), found[0].start())
    return person if person is not None and doc.entity_type(person) == "Person" else None


def _headline_verb(doc, sentence, post) -> bool:
    """Whether a post's holder is one word of the headline that the article never writes again."""
    entry = doc.proposed.get(post.holder)
    headline = sentence is doc.sentences[0] and not sentence.text.rstrip().endswith((".", "!", "?")) \
        and doc.text[sentence.end:sentence.end + 2].lstrip(" ").startswith("\n")
    if not headline or entry is None or " " in entry["label"]:
        return False
    return len(re.findall(rf"(?<![\w'’-]){re.escape(entry['label'])}(?![\w'’-])", doc.text)) == 1


def title_post(doc, sentence, match, holders_end=frozenset()) -> Held | None:
    """The post a title names, and its holder: after the title ("Wali Kota Serang Budi Rustandi",
    "Kepala Dinas Pariwisata Kota Makassar, Intan …", "Konjen Tiongkok di Medan, yaitu Mr. Zhou …")
    or before it ("Fahmi Rahman, Ketua DPRD Sumbar periode 2024-2029", "Li Na, director of …")."""
    title = match.group("title")[0].upper() + match.group("title")[1:]
    role, region_class = TITLE_ROLE[title.lower()]
    at = sentence.start + match.start()
    if _BUILDING_BEFORE_RE.search(doc.text, max(0, at - 16), at):
        return None  # "di Kantor Bupati Maluku Tengah, Masohi": a building, and the town it stands in
    deputy = _DEPUTY_BEFORE_RE.search(doc.text, max(sentence.start, sentence.start + match.start() - 20),
                                      sentence.start + match.start())
    if deputy:
        role = None  # "Wakil Presiden … College", "Wakil Direktur …": a deputy's title the ontology has no role for
    county = doc.mention_at(_OF_RE.match(doc.text, sentence.start + match.end()).end(), {"County", "Regency"}) \
        if title.lower() == "head" else None
    if county is not None and not re.match(r"\s+[A-Z]", doc.text[county.end:sentence.end]):
        # "Name, deputy head of Anji County": who heads a county governs it, as a regent does (not "head of the
        # Semarang Investment … Office": an office's)
        role, region_class = ("vice-regent" if deputy else "regent"), "Regency"
    if (match.group("acting") or match.group("interim")) and role in ACTING:
        role = "acting-" + role
    start = deputy.start() if deputy else sentence.start + match.start()  # "Name, deputy head of …": Name's
    pos, limit = sentence.start + match.end(), sentence.end
    after = _OF_RE.match(doc.text, pos, limit).end()
    place = None
    if region_class in ("Secretariat", "CouncilSecretariat"):  # "Sekda Kalteng": the region's secretariat
        region = doc.mention_at(after, REGION_TYPES - {"Country"})
        before = [m for m in [*doc.mentions.ending(start - 4, start), *doc.mentions.overlapping(start, start + 1)]
                  if (m.start < start < m.end or _POSSESSIVE_GAP_RE.fullmatch(doc.text, m.end, start))
                  and doc.entity_type(m.entity) in REGION_TYPES - {"Country"} and "|" not in m.entity]
        # ("Bogor City Secretary": the title's first word is the end of the region's name)
        if region is None and not before:
            # "City Secretary Name" beside the mayor: a regional secretary is an Indonesian post, of the story's
            # one Indonesian town (or province)
            kinds = {"Province"} if title.lower().startswith(("provincial", "sekretaris provinsi")) else \
                {"City"} if title.lower().startswith("city") else {"Regency"} if title.lower().startswith("regency") \
                else {"Regency", "City"}
            town = region_of_country(doc, "indonesia", kinds)
            if town is None:
                return None
            place = secretariat(doc, town, doc.label(town, "id"), doc.text[start:pos],
                                region_class == "CouncilSecretariat")
        else:
            region = region or before[-1]
            place = secretariat(doc, region.entity, region.text,
                                doc.text[min(start, region.start):max(pos, region.end)],
                                region_class == "CouncilSecretariat")
            pos = max(pos, region.end)
    elif region_class is None:  # a post in an organisation: "Ketua DPRD …", "Kadis Pariwisata …"
        org = doc.mention_at(after, None, organisations=True)
        office = office_before(doc, sentence.start, start) if not doc.text[pos:after].strip() else None
        if office is not None:  # "Tabanan Tourism Office head Name", "Kendari City Council Chairman Name"
            place = office
        elif org is not None:
            place, pos = org.entity, org.end
        elif role in DIPLOMATS:
            # "China's Ambassador to Indonesia Name", "the Chinese Ambassador to Indonesia Lu Kang"
            country = COUNTRY_BEFORE_RE.search(doc.text, sentence.start, start)
            demonym = _DEMONYM_BEFORE_RE.search(doc.text, sentence.start, start) if country is None else None
            name = country.group(1) if country else DEMONYMS[demonym.group(1)] if demonym else None
            mission = diplomatic_mission(doc, after, limit, role, name)
            if mission is not None:
                place, pos = mission
        else:
            unknown = org_phrase(doc, after, limit, title)
            if unknown is not None:
                place, pos = unknown
        if place is None:  # "KIKT chairperson Garibaldi Thohir"
            before = [m for m in doc.mentions.ending(start - 1, start) if "|" not in m.entity and
                      doc.entity_type(m.entity) not in REGION_TYPES | {"Person", "?"}]
            if not before:
                return None
            place = before[-1].entity
    else:
        region = doc.mention_at(after, COMPATIBLE[region_class]) or (
            municipality_at(doc, after) if region_class == "City" else None)
        if region is not None:
            place, pos = region.entity, region.end
            pos = larger_region_end(doc, pos, limit)
        else:
            before = [of_class(doc, m, COMPATIBLE[region_class]) for m in doc.mentions.ending(start - 4, start)
                      if _POSSESSIVE_GAP_RE.fullmatch(doc.text, m.end, start)]
            before = [m for m in before if m is not None]
            unknown = PLACE_BEFORE_HONORIFIC_RE.match(doc.text, after, limit)
            prefix = PLACE_BEFORE_TITLE_RE.search(doc.text, sentence.start, start)
            if prefix and doc.mentions.overlapping(prefix.start(1), prefix.end(1)):
                prefix = None  # a name the gazetteer knows, of another kind
            if before:
                place = before[-1].entity
                if role in ACTING and not role.startswith("acting-") and _ACTING_BEFORE_RE.search(
                        doc.text, max(sentence.start, before[-1].start - 24), before[-1].start):
                    role = "acting-" + role  # "acting Kubu Raya Regent Name"
            elif prefix and prefix.group(1) not in NOT_NAMES and \
                    not doc.text[:prefix.start(1)].rstrip().endswith((".", "“", '"')) and \
                    prefix.start(1) > sentence.start and not _NAME_BEFORE_RE.search(doc.text, sentence.start, start):
                # "Surabaya Mayor Eri Cahyadi": the title says what kind of region Surabaya is
                place = propose_region(doc, prefix.group(1), region_class, doc.text[prefix.start(1):pos])
            elif unknown and unknown.group(1) not in NOT_NAMES:
                # "Bupati Lebak Hj. Siti Aminah": the title says what kind of region Lebak is
                place = propose_region(doc, unknown.group(1), region_class, doc.text[start:unknown.end(1)])
                pos = unknown.end(1)
            else:
                place = delegation_origin(doc, sentence.start, start, COMPATIBLE[region_class]) or \
                    delegation_led_after(doc, pos, limit, COMPATIBLE[region_class]) or \
                    side_said_first(doc, sentence.start, start, COMPATIBLE[region_class]) or \
                    doc.only_region(COMPATIBLE[region_class]) or \
                    region_of_country(doc, holders_country(doc, title, pos, limit), COMPATIBLE[region_class])
    if place is None:
        return None
    pos = _ABBREVIATION_RE.match(doc.text, pos, limit).end()  # "DPRD Nusa Tenggara Barat (NTB)"
    term = _term(doc, pos, limit)
    if term is not None:
        pos = term[3]
    glued = _NAME_GLUED_RE.search(doc.text, max(sentence.start, start - 60), start) \
        if _TITLE_CASE_OF_RE.match(doc.text, sentence.start + match.end()) else None
    holder = person_named(doc, glued.group(1), glued.start(1)) if glued else None
    if holder is not None and doc.entity_type(holder) == "Person":
        # "Ye Zhaohui Chairman Of Huizhou General Chamber Of Commerce, Lai Shuyi …": an English title in title
        # case, glued after its holder's name
        return Held(holder, role, place, doc.text[glued.start(1):pos], sentence, None if term is None else term[:3])
    # the holder's name right after the post wins; else a name written first: "Fahmi Rahman, Ketua DPRD …"
    person = person_at(doc, pos, limit, single=True)
    if person is not None and "," not in doc.text[pos:person[1]]:
        return _held(doc, person, role, place, start, sentence, term, limit)
    named = _NAME_BEFORE_RE.search(doc.text, max(sentence.start, start - 60), start)
    if named is not None and named.end(1) in holders_end:
        # a list "Wakil Gubernur A, Name A, Wakil Wali Kota B, H. Name B": the name before this title is the
        # holder of the title before it, never of this one (a new person must not take a known one's post)
        named = None
    if named is not None and " " not in named.group(1) and person is not None and " " in doc.text[person[1]:person[2]] \
            and not _TITLE_NEXT_RE.match(doc.text, person[2], limit):
        # "Ikut mendampingi Deng, Sekretaris Jenderal …, Tang Wenjing": a name already given in full, said again
        # by one word, is whom the newly named person (in full, after the title) came with (not in a list
        # "Hevearita, Walikota Semarang, Ben Perkasa Drajat, Konjen RI di Guangzhou": the one after has a title of
        # his own)
        named = None
    if named is not None:
        holder = person_named(doc, named.group(1), named.start(1))
        if holder is not None:
            return Held(holder, role, place, doc.text[named.start(1):pos], sentence,
                        None if term is None else term[:3])
    if person is None:
        return None
    return _held(doc, person, role, place, start, sentence, term, limit)


_TITLE_NEXT_RE = re.compile(r",\s+(?:the\s+)?(?=" + TITLE_RE.pattern + ")")
_DEMONYM_BEFORE_RE = re.compile(r"\b(" + "|".join(DEMONYMS) + r")\s+\Z")
_ACTING_BEFORE_RE = re.compile(r"\b" + ACTING_WORDS + r"\s+\Z")
_BUILDING_BEFORE_RE = re.compile(r"\b(?:[Kk]antor|[Rr]umah (?:[Dd]inas|[Jj]abatan)|[Pp]endopo|[Aa]ula)\s+\Z")
# ("Wakil Presiden Direktur", "Vice President Director": a deputy to the president director)
_DEPUTY_BEFORE_RE = re.compile(r"\b(?:[Ww]akil|[Dd]eputy|[Vv]ice)(?:[ -](?:Presiden|President))?[ -]\Z")
def _held(doc, person, role, place, start, sentence, term, limit) -> Held:
    # the name is a person's from here on: a place inside it ("Qiao Zhenhai") is no party or host
    doc.mentions.replace(Mention(person[1], person[2], person[0], "Person", doc.text[person[1]:person[2]]))
    if term is None:
        term = _term(doc, person[2], limit)
    return Held(person[0], role, place, doc.text[start:person[2]], sentence, None if term is None else term[:3])


# "Name, " (maybe "the", "selaku", "yang juga") or "Name selaku " just before a title
_NAME_BEFORE_RE = re.compile(r"(?<![\w-])(" + BALINESE_I + r"(?:[A-Z][a-z'’-]+\s+){0,3}[A-Z][a-z'’-]+)"
                             r"(?:,\s*(?:[A-Z][a-z]{0,3}\.){1,3})*"  # degrees: "Name, S.T., M.Si., Pj Bupati …"
                             r"(?:,\s+(?:the\s+|selaku\s+|"
                             r"yang juga\s+|yang menjabat(?: sebagai)?\s+|who is(?: also)?(?: the)?\s+)?|"
                             r"\s+(?:selaku|sebagai)\s+)\Z")
_TITLE_CASE_OF_RE = re.compile(r"\s+Of\s+[A-Z]")
_NAME_GLUED_RE = re.compile(r"(?<![\w-])((?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+)\s+\Z")
# between a region and the title after it: "Kota Ambon " or "Jayapura's acting mayor"
_POSSESSIVE_GAP_RE = re.compile(r"(?:['’]s)?\s?")


def _term(doc, pos, limit):
    """(start year, end year, quote, end) of a term of office written at ``pos``."""
    found = TERM_RE.match(doc.text, pos, limit)
    if found is None:
        return None
    return found.group(1), found.group(2), doc.text[found.start():found.end()].strip(" ,()"), found.end()


def person_named(doc, name: str, start: int):
    """The person a name written before a title stands for: known by that exact name, else proposed."""
    spans = [(m.group(), start + m.start()) for m in re.finditer(r"\S+", name)]

    def not_the_name(word, at, left):  # a title's word, or its place ("Wakil Wali Kota Xiamen Lin Tao, yang …")
        return (word in NOT_NAMES and not (word == "He" and left == 2)) or word in TITLE_WORDS or left > 2 and any(
            doc.entity_type(m.entity) in REGION_TYPES for m in doc.mentions.overlapping(at, at + 1))
    while spans and not_the_name(*spans[0], len(spans)):
        spans.pop(0)
    words = [word for word, _ in spans]
    start = spans[0][1] if spans else start
    if len(words) < 2:
        # "Wako Hidayat", "Budi is leading …": the Hidayat or Budi the article names in full, before a known
        # person who merely shares the word
        earlier = named_before(doc, words[0]) if words else None
        if earlier is not None:
            return earlier
        found = doc.names.resolve(" ".join(words), {"Person"})
        return next(iter(found)) if len(found) == 1 and words else None
    name = " ".join(words)
    read = [m.entity for m in doc.mentions.overlapping(start, start + len(name))
            if m.start == start and doc.entity_type(m.entity) == "Person"]
    if read:
        return read[0]  # the holder a title before the name has read
    if any(m.start <= start for m in doc.mentions.overlapping(start, start + len(name))) \
            and not doc.names.resolve(name, {"Person"}):
        return None  # a region or organisation's name, not a person's ("Ma Jinhua" is a person: Jinhua a town)
    found = doc.names.resolve(name, {"Person"})
    entity = next(iter(found)) if len(found) == 1 else doc.propose(slug(name), "Person", name, [], name)
    # the name is a person's from here on: a town inside it ("Zhao Xinyu": Xinyu) is no party or host
    end = spans[-1][1] + len(spans[-1][0])
    doc.mentions.replace(Mention(start, end, entity, "Person", doc.text[start:end]))
    return entity


def post_facts(doc, held: list[Held]):
    """Post facts (one per holder, role and place) and honorifics apart from the name; and, per
    sentence start, the (holder, place) pairs its posts name, for the later stages."""
    facts: list[dict] = []
    person_of_post: dict[int, list] = {}
    seen_posts = set()
    honorifics = set()
    for post in held:
        holder, quote = post.holder, post.quote
        found = HONORIFIC_NAME_RE.search(quote)
        if found and holder not in honorifics:  # "H. Budi Rustandi": the honorific, apart from the name
            honorifics.add(holder)
            value = " ".join(found.group(1).split())
            if holder in doc.proposed:
                doc.proposed[holder]["honorific"] = value
            else:
                facts.append({"about": holder, "honorific": value, "quote": [found.group()]})
    for post in held:
        key = (post.holder, post.role, post.place)
        person_of_post.setdefault(post.sentence.start, []).append((post.holder, post.place))
        at = doc.text.find(post.quote, post.sentence.start)
        doc.posts_at.append((at, post.holder, post.place))
        doc.post_ends.append((at + len(post.quote), post.holder))
        if post.role is None:
            continue
        if key in seen_posts:
            first = next(f for f in facts if (f.get("heldBy"), f.get("role"), f.get("postIn")) == key)
            if post.term is not None and "termStart" not in first:  # the term said the second time: "X, who
                first["termStart"], first["termEnd"] = post.term[0], post.term[1]  # chairs it for the … term"
                first["quote"] += [q for q in (post.quote, post.term[2]) if q not in first["quote"]]
            continue
        seen_posts.add(key)
        fact = {"type": "Post", "heldBy": post.holder, "role": post.role, "postIn": post.place,
                "quote": [post.quote]}
        if post.term is not None:
            fact["termStart"], fact["termEnd"] = post.term[0], post.term[1]
            if post.term[2] not in post.quote:
                fact["quote"].append(post.term[2])
        facts.append(fact)
    return facts, person_of_post


# the head of an institution the sentence has named, said by its kind: "the college's president, Yang Jinsong",
# "its principal, Name", "rektor universitas itu, Name"
_INSTITUTION_HEAD_RE = re.compile(
    r"\b(?:(?:the\s+(?P<kind>school|college|university|hospital|institute|academy|polytechnic|office|agency|"
    r"bureau)['’]s)|its)\s+"
    r"(?P<role>principal|president|rector|director|head|dean)\s*,\s+(?P<name>(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+)")
_HEAD_ROLE = {"principal": "head", "president": "head", "rector": "head", "head": "head", "dean": "head",
              "director": "director"}
# what an institution of a kind is called; a principal heads a school, a rector a university
_KIND_WORDS = {"school": r"\b(?:School|SMKN?|SMAN?|SMPN?|Sekolah Menengah|Madrasah)\b",
               "college": r"\b(?:College|Sekolah Tinggi|Akademi)\b", "university": r"\b(?:University|Universitas)\b",
               "hospital": r"\b(?:Hospital|Rumah Sakit)\b", "institute": r"\b(?:Institute|Institut)\b",
               "academy": r"\bAcadem(?:y|i)\b", "polytechnic": r"\b(?:Polytechnic|Politeknik)\b"}
_ROLE_KIND = {"principal": "school", "rector": "university"}
_OFFICE_KINDS = {"office", "agency", "bureau"}


def institution_heads(doc, sentence) -> list[Held]:
    """Heads of the institutions the article names, said through their kind ("the college's president, Name")."""
    found = []
    for match in _INSTITUTION_HEAD_RE.finditer(doc.text, sentence.start, sentence.end):
        kind = match.group("kind") or _ROLE_KIND.get(match.group("role"))
        if kind is None:
            continue
        if kind in _OFFICE_KINDS:  # "the office's head, Name": the last office named, here or in the sentence before
            index = doc.sentences.index(sentence)
            begin = doc.sentences[index - 1].start if index else sentence.start
            offices = doc.in_span(begin, match.start(), {"GovernmentAgency"})
            bodies = {offices[-1].entity} if offices else set()
        else:
            bodies = {e for e in doc.institutions if re.search(_KIND_WORDS[kind], doc.label(e, "en") or "")}
        holder = person_named(doc, match.group("name"), match.start("name")) if len(bodies) == 1 else None
        if holder is not None and doc.entity_type(holder) == "Person":
            found.append(Held(holder, _HEAD_ROLE[match.group("role")], bodies.pop(),
                              doc.text[match.start():match.end()], sentence))
    return found

"""Mentions: where the text names a region, organisation or person the gazetteer knows, and
regions and organisations it does not know, proposed from the way they are written
("Kabupaten Lebak", "Guangzhou City", "Expansion (ACRONYM)").

Overlaps are settled by order: acronym expansions, legislatures named by their region, known
names of two words or more, ranked regions, then every other known name.
"""
from __future__ import annotations

import bisect
import re

from graph.extract.doc import Mention, Mentions, slug
from graph.extract.names import NameIndex
from graph.extract.organisations import bare_name
from graph.extract.vocabulary import (AGREEMENTS, CHINESE_SURNAMES, COMPATIBLE, INSTITUTION_RE, LEVEL, TITLE_WORDS,
                                      NOT_NAMES, ORG_HEADS_FIRST, RANK_AFTER, RANK_BEFORE, RANK_PREFIX,
                                      REGION_TYPES, TITLE_RE, org_type)
from graph.towns import towns_by_name


# a government's or legislature's words without its region: "Pemerintah Provinsi (Pemprov) Jawa Tengah"
_GOVERNMENT_WORDS_RE = re.compile(r"(?:Pemerintah|Pemda)(?:\s+(?:Provinsi|Kabupaten|Kota|Daerah))?|"
                                  r"Dewan Perwakilan Rakyat Daerah|"
                                  r"(?:Provincial|Regency|City|Municipal)\s+Government")
_CAPITAL_NEXT_RE = re.compile(r"\s+[A-Z]")
# a hotel named after a place elsewhere: "di Hotel Shangri-La Jakarta" (Shangri-La is a county of Yunnan)
_HOTEL_BEFORE_RE = re.compile(r"\bHotel\s+\Z")
# a title, maybe with its region, just before a name: "Gubernur Jawa Barat ", "West Java Governor "
_TITLE_THEN_RE = re.compile(r"(?:" + TITLE_RE.pattern + r")(?:\s+[A-Z][\w'’-]*){0,3}\s+\Z")


def find_mentions(doc):
    text = doc.text
    spans: list[Mention] = []
    taken = [False] * len(text)

    def add(m: Mention) -> bool:
        if any(taken[m.start:m.end]):
            return False
        for i in range(m.start, m.end):
            taken[i] = True
        spans.append(m)
        return True

    # organisations written "Expansion (ACRONYM)"
    longer_known = [(a, b, n) for a, b, n in doc.names.index.finditer(text) if "(" in n]
    short_names = []
    # (a capitalised word may end with a comma: "Dinas Pendidikan, Kepemudaan dan Olahraga (Disdikpora)")
    word = r"(?:[A-Z][\w’'–-]*,?|of|and|for|dan|untuk|the|&|–)"
    # (a short name may carry its town: "Ende Regional General Hospital (RSUD Ende)")
    for match in re.finditer(rf"({word}(?:\s+{word}){{0,9}})\s+\(([A-Z][A-Za-z]{{1,14}}(?: [A-Z][a-z]+)?)\)", text):
        words = match.group(1).split()
        acronym = match.group(2)
        if " " in acronym and (acronym.split()[1] not in words or not any(
                doc.names.types.get(e) in REGION_TYPES for e in doc.names.resolve(acronym.split()[1]))):
            continue  # (the town of the short name is the full name's; "(Bung Maurits)" is a nickname)
        town = acronym.split()[1] if " " in acronym else None
        words = _from_acronym_capital(words, acronym, town)
        while len(words) > 2 and TITLE_RE.fullmatch(words[0]) and words[1][0] == acronym[0].upper():
            words.pop(0)  # "Kepala Kantor Kesyahbandaran … (KSOP)": a title that shares the capital
        if any(w.endswith(",") for w in words) and words[0] not in ORG_HEADS_FIRST:
            # a comma inside the name only in an office's list of fields; else the name begins after it (and
            # at the acronym's capital: "DOMPU, ST – Dewan Perwakilan Rakyat Daerah (DPRD)", a dateline before)
            words = _from_acronym_capital(words[max(i for i, w in enumerate(words) if w.endswith(",")) + 1:],
                                          acronym, town)
        while words and not words[-1][0].isupper():
            words.pop()
        if len(words) < 2 or any(re.search(p, match.group()) for p, _, _ in AGREEMENTS):
            continue
        if words[0] in ("Kedutaan", "Konsulat", "Embassy", "Consulate"):
            continue  # a mission is named by its country and city ("… (KBRI) di Beijing"): see people.py
        if TITLE_RE.fullmatch(" ".join(words)) or TITLE_RE.fullmatch(acronym) or acronym in TITLE_WORDS:
            continue  # a title and its abbreviation: "Wakil Gubernur (Wagub)", "Konsul Jenderal (Konjen)"
        if TITLE_RE.fullmatch(words[0]) and acronym.startswith("Ka") and acronym[2:3].upper() == words[1][0]:
            continue  # a head and the office together: "Kepala Dinas Perikanan (Kadiskan) Bulungan" (people.py)
        expansion = " ".join(words)
        if _GOVERNMENT_WORDS_RE.fullmatch(expansion) and _CAPITAL_NEXT_RE.match(text, match.end()):
            # "Pemerintah Provinsi (Pemprov) Jawa Tengah", "Dewan Perwakilan Rakyat Daerah (DPRD) Kabupaten Dompu": the
            # region's government or legislature, named after the bracket
            continue
        start = match.start(1) + match.group(1).index(words[0])
        if org_type(expansion) == "Organisation" and _TITLE_THEN_RE.search(text, max(0, start - 60), start):
            continue  # a nickname after a title's holder: "West Java Governor Ahmad Heryawan (Aher)"
        if any(a <= start and b > match.end() for a, b, _ in longer_known):
            continue  # a known name goes on past it: "Dinas … (DPMPTSP) Bantaeng" as declared
        known = doc.names.resolve(expansion) | doc.names.resolve(acronym) | \
            doc.names.resolve(f"{expansion} ({acronym})")
        known = {e for e in known if doc.names.types[e] not in REGION_TYPES}
        if doc.names.resolve(expansion) - known or doc.names.resolve(acronym) - known:
            regions = doc.names.resolve(expansion) - known
            if len(regions) == 1 and not doc.names.resolve(acronym):
                # an abbreviation the article gives a region: "Kota Tidore Kepulauan (Tikep)", then "Disperindag Tikep"
                region, = regions
                short_names.append((acronym, region, doc.names.types[region]))
            continue  # a region written with its abbreviation, e.g. "Nusa Tenggara Barat (NTB)"
        town_after, end = None, match.end()
        if not known:  # "Dinas … (Disperindag) Kabupaten Sumenep": a known office whose town follows the bracket
            known, town_after, end = _known_with_town_after(doc, expansion, match.end())
        if len(known) == 1:
            entity, = known
            type_name = doc.names.types[entity]
        else:
            type_name = org_type(expansion)
            entity = doc.propose(slug(acronym), type_name, f"{expansion} ({acronym})", [acronym, expansion],
                                  text[start:match.end()])
            short_names.append((acronym, entity, type_name))
        if town_after is not None:  # and by its short name with that town: "Kepala Disperindag Sumenep"
            short_names.append((f"{acronym} {town_after}", entity, type_name))
            short_names.append((acronym, entity, type_name))
        add(Mention(start, end, entity, type_name, text[start:end]))
    for acronym, entity, type_name in short_names:
        # a new organisation named again by its short name alone: "Direktur Utama RSPC, …", "di Aula RSPC" (not
        # "DPMPTSP Kalteng": a short name and a region are the office there, read as a regional branch)
        ahead = r"(?![\w)])" if " " in acronym else r"(?![\w)]|\s+[A-Z])"  # ("Disperindag Sumenep Name": its town's)
        for again in re.finditer(rf"(?<![\w(]){re.escape(acronym)}{ahead}", text):
            add(Mention(again.start(), again.end(), entity, type_name, acronym))
    companies(doc, add)

    # legislatures named in English by their region: "the West Sumatra Provincial Legislature" (the known
    # DPRD Sumbar when the gazetteer has it: see Doc.propose)
    for match in _LEGISLATURE_RE.finditer(text):
        name = " ".join(match.group(1).split())
        if doc.names.seat_of(name, "Legislature") is not None:
            add(Mention(match.start(1), match.end(1), doc.propose(slug(name), "Legislature", name, [], name),
                        "Legislature", match.group(1)))

    # and a Chinese one in Indonesian by its kind first: "Kongres Rakyat Provinsi Guizhou" (the longest run of
    # capitalised words after it that names a known region; a DPRD is read with its titles, in people.py)
    for match in _LEGISLATURE_ID_RE.finditer(text):
        words = match.group(1).split()
        while len(words) > 1 and doc.names.seat_of(" ".join(words), "Legislature") is None:
            words.pop()
        name = " ".join(words)
        if len(words) > 1 and doc.names.seat_of(name, "Legislature") is not None and not doc.names.resolve(name):
            end = match.start(1) + len(" ".join(text[match.start(1):].split(maxsplit=len(words))[:len(words)]))
            add(Mention(match.start(1), end, doc.propose(slug(name), "Legislature", name, [], name), "Legislature",
                        text[match.start(1):end]))

    # names the gazetteer knows, of two words or more: "Pemerintah Provinsi Zhejiang"
    known = list(doc.names.index.finditer(text))
    for start, end, name in known:
        if " " in name:
            candidates = sorted(doc.names.by_name[name])
            add(Mention(start, end, "|".join(candidates), "?", text[start:end]))

    towns(doc, add, known)

    # regions with a rank word
    rank_before = "|".join(re.escape(r) for r in sorted(RANK_BEFORE, key=len, reverse=True))
    # (one line break at most between the words: a blank line ends a paragraph, and no name runs across it)
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)(?=\S)"
    name = rf"[A-Z][\w'’-]*(?:{gap}[A-Z][\w'’-]*){{0,2}}"
    for match in re.finditer(rf"(?<![\w-])({rank_before}){gap}({name})", text):
        rank, words = match.group(1), match.group(2).split()
        if text[max(0, match.start() - 6):match.start()].rstrip().endswith(("Wali", "Wakil", "Kantor", "Ibu")):
            if rank == "Kota":
                continue  # "Wali Kota X" is a title, "Ibu Kota" a capital: handled elsewhere
        if rank.endswith(" of") and _RANK_AFTER_NAME_RE.match(text, match.end()):
            continue  # "the westernmost regency of Gorontalo province": a regency of the province
        rank_mention(doc, add, RANK_BEFORE[rank], rank, words, match.start(), match.start(2), before=True)
    rank_after = "|".join(re.escape(r) for r in RANK_AFTER)
    for match in re.finditer(rf"(?<![\w-])({name}){gap}({rank_after})\b", text):
        words = match.group(1).split()
        words = words[-2:]  # "Guangdong province": the name is the last one or two words
        while words and re.search(r"['’]s\Z", words[0]):  # "China's Yunnan province"
            words = words[1:]
        if words and words[0].startswith("HO-"):  # a handout photo's credit: "(Antara/HO-Pohuwato Regency)"
            words = [words[0][3:], *words[1:]]
        kind = RANK_AFTER[match.group(2)]
        start = match.end(1) - len(" ".join(words))
        if words and words[0] in NOT_NAMES | {"The"} and len(words) > 1:
            words = words[1:]
            start = match.end(1) - len(" ".join(words))
        if not words or words[-1] in NOT_NAMES or re.match(r"\s+[A-Z]", text[match.end():]) \
                or any(w in NOT_NAMES or w in _NOT_RANKED for w in words) \
                or words[-1] in ("Autonomous", "Special", "Otonom", "Khusus"):
            continue  # part of a longer name: "Smart City Technology Expo", "Yanbian Korean Autonomous Prefecture"
        rank_mention(doc, add, kind, match.group(2), words, start, start, before=False, end=match.end())

    # a Chinese name written syllable by syllable after a rank word ("Kota Zhao Qing") is that region
    # wherever the article writes it so ("di Zhao Qing")
    spaced = {}
    for m in spans:
        words = m.text.split()
        for n in (2, 3):
            if m.entity in doc.names.resolve(doc.names.spaced.get(" ".join(words[-n:]), "")):
                spaced[" ".join(words[-n:])] = m.entity
    for spelling, entity in spaced.items():
        for again in re.finditer(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", text):
            add(Mention(again.start(), again.end(), entity, doc.names.types[entity], spelling))

    # every name the gazetteer knows (not a county's name that is a Chinese given name after its surname:
    # "Qu Lingling", "Wu Jiali"; nor one that is a surname before a given name: "Duan Lixia", Du'an county's)
    for start, end, name in known:
        candidates = doc.names.by_name[name]
        if " " not in name and (_after_surname(text, start) or _before_given_name(text, name, end)) and \
                all(doc.names.types.get(c) in ("County", "District", "CountyLevelCity") for c in candidates):
            continue
        entity = sorted(candidates)[0] if len(candidates) == 1 else "|".join(sorted(candidates))
        add(Mention(start, end, entity, "?", text[start:end]))
    spans.sort(key=lambda m: m.start)
    # ambiguous bare names ("Tangerang"): the one the article also names with a rank word
    ranked = {m.entity for m in spans if "|" not in m.entity and m.entity in doc.names.types}
    ranked |= {doc.names.jurisdiction[e] for e in ranked if e in doc.names.jurisdiction}
    for m in spans:
        if "|" in m.entity:
            m.entity = _said_after(doc, m) or settle(doc, m.entity.split("|"), ranked) or m.entity
        if m.type == "?" and "|" not in m.entity:
            m.type = doc.names.types.get(m.entity, "?")
    # page furniture names no participant: a dateline's town and agency, a caption, a byline;
    # and a news outlet is never a party to what it reports
    furniture = [(s.start, s.end) for s in doc.segments if s.kind != "body"]
    starts = [a for a, _ in furniture]

    def in_furniture(pos):
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < furniture[i][1]

    kept = [m for m in spans if doc.entity_type(m.entity) != "NewsPublisher" and not in_furniture(m.start)
            and not (doc.entity_type(m.entity) in REGION_TYPES and _HOTEL_BEFORE_RE.search(text, max(0, m.start - 8),
                                                                                          m.start))]
    kept = Mentions(regional_branches(doc, kept))
    # people named in full somewhere in the article: a one-word alias may stand for them elsewhere
    in_full = {m.entity for m in kept if " " in m.text.strip() and doc.entity_type(m.entity) == "Person"}
    doc.mentions = Mentions(m for m in kept if doc.entity_type(m.entity) != "Person"
                            or same_person(doc, m, kept, in_full))


# a kecamatan by its rank word ("Kecamatan Kumai", "Kec. Arut Selatan", Papua's "Distrik Abepura"), or by its name
# alone after a word of place ("tiba di Luwuk")
# (a weekday after it is no part of the name: "di Luwuk Senin (12/5)")
_WEEKDAY = (r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|"
            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_TOWN_NAME = rf"([A-Z][\w'’-]*(?:[ \t]+(?!{_WEEKDAY}\b)[A-Z][\w'’-]*){{0,2}})"
_RANKED_TOWN_RE = re.compile(rf"(?<![\w-])(?:Kecamatan|Kec\.|Distrik)[ \t]+{_TOWN_NAME}")
_PLACED_TOWN_RE = re.compile(rf"(?<![\w-])(?:di|ke|dari|in|at|to|from|near)[ \t]+{_TOWN_NAME}")
_WORD_RE = re.compile(r"\S+")


def _from_acronym_capital(words, acronym, town):
    """The words from the first with the acronym's capital (or the town before it): "dan Kepala Dinas …
    (DPMPTSP)" -> "Dinas …"."""
    while words and words[0][0] != acronym[0].upper() and not (
            words[0] == town and len(words) > 1 and words[1][0] == acronym[0].upper()):
        words = words[1:]
    return words


def towns(doc, add, known):
    """A kecamatan is read as the kabupaten or kota it lies in (graph/towns.py). By its rank word: of the one
    the article names, or of the only one with a kecamatan of that name. By its name alone after a word of place:
    only of a kabupaten or kota the article names, and not a name the gazetteer knows, a word the article also
    writes in lower case ("Damai", "Jaya"), or the first word of a longer name ("di Balai Kota")."""
    named = {e for _, _, name in known for e in doc.names.by_name[name]
             if doc.names.types.get(e) in ("Regency", "City")}
    by_name = towns_by_name()
    text = doc.text
    for pattern, ranked in ((_RANKED_TOWN_RE, True), (_PLACED_TOWN_RE, False)):
        for match in pattern.finditer(text):
            words = list(_WORD_RE.finditer(match.group(1)))
            for size in range(len(words), 0, -1):
                name = " ".join(w.group() for w in words[:size])
                places = by_name.get(name, frozenset())
                if ranked:
                    region = _one(places & named) or _one(places)
                else:
                    region = _one(places & named)
                    if region is not None and (size < len(words) or len(name) <= 3 or doc.names.resolve(name) or
                                               re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text)):
                        region = None
                if region is not None and region in doc.names.types:
                    # (to the end of the last word as written, its punctuation too: "Luwuk,")
                    start = match.start() if ranked else match.start(1)
                    end = _WORD_RE.match(text, match.start(1) + words[size - 1].start()).end()
                    add(Mention(start, end, region, doc.names.types[region], text[start:end]))
                    break
                if places:
                    break


def _one(ids):
    return next(iter(ids)) if len(ids) == 1 else None


_GIVEN_NAME_AFTER_RE = re.compile(r"[ \t]+([A-Z][a-z]{2,8})(?![\w'’-])")
_NEXT_WORD_RE = re.compile(r"[ \t]+[A-Z]")


def _before_given_name(text, name, end) -> bool:
    """Whether a Chinese surname is followed by one capitalised word that is no rank or kind ("Duan Lixia", not
    "Duan County" or "Duan Yao Autonomous County")."""
    if name not in CHINESE_SURNAMES:
        return False
    given = _GIVEN_NAME_AFTER_RE.match(text, end)
    return given is not None and given.group(1) not in RANK_AFTER and not _NEXT_WORD_RE.match(text, given.end())


def _after_surname(text, start) -> bool:
    before = text[max(0, start - 12):start]
    found = re.search(r"(?<![\w'’-])([A-Z][a-z]{1,5})[ \t]+\Z", before)
    return found is not None and found.group(1) in CHINESE_SURNAMES


# a company by its legal form: "Baise Hongtai Aluminium Co., Ltd.", "PT Sinar Bambu Lestari", "CV Tenun Ikat", "Zhongda Group"
_COMPANY_RE = re.compile(r"(?<![\w'’-])(?:(?P<pt>(?:PT|CV)\.?\s+(?:[A-Z][\w&'’-]*\s+){0,3}[A-Z][\w&'’-]*(?:\s+Tbk\.?)?)|"
                         r"(?P<name>(?:[A-Z][\w&'’-]*\s+){1,5}?)(?P<form>Co\.,?\s*Ltd\.?|Company Limited|"
                         r"Co\.\s+Limited|Ltd\.|Limited|Inc\.|Corporation|Corp\.|"
                         r"Group(?:\s+Co\.,?\s*Ltd\.?|\s+Limited)?)(?![\w-]))")  # ("… Tea Group Co., Ltd.")


def companies(doc, add) -> None:
    """Companies named with their legal form, proposed when unknown, and named again without it: "Wakil Presiden
    Direktur Baise Hongtai Aluminium" after "Baise Hongtai Aluminium Co., Ltd."."""
    named_again = []
    for match in _COMPANY_RE.finditer(doc.text):
        words = (match.group("name") or "").split()
        while words and (words[0] in NOT_NAMES or words[0] in TITLE_WORDS or words[0] in ("The", "the")):
            words.pop(0)
        if match.group("name") is not None and not words:
            continue
        start = match.end() - len(match.group("pt") or " ".join([*words, match.group("form")]))
        full = " ".join(doc.text[start:match.end()].split())
        short = " ".join(words) if words else re.sub(r"\A(?:PT|CV)\.?\s+|\s+Tbk\.?\Z", "", full)
        known = doc.names.resolve(full) | doc.names.resolve(short)
        entity = next(iter(known)) if len(known) == 1 else doc.propose(
            slug(full if match.group("pt") else short), "Company", full, [short] if short != full else [], full)
        if add(Mention(start, match.end(), entity, "Company", doc.text[start:match.end()])) and len(short.split()) > 1:
            named_again.append((short, entity))
    for short, entity in named_again:  # (after every name with its legal form: a caption may name it first)
        for again in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", doc.text):
            add(Mention(again.start(), again.end(), entity, "Company", short))


_LEGISLATURE_RE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,4}(?:[Pp]rovincial\s+|[Cc]ity\s+|[Rr]egency\s+|"
                             r"[Mm]unicipal\s+)?(?:[Ll]egislature|[Ll]egislative [Cc]ouncil|People's Congress|"
                             r"People's Council))\b")


_LEGISLATURE_ID_RE = re.compile(r"(?<![\w-])((?:Kongres Rakyat(?: Daerah)?)(?:[ \t]+[A-Z][\w'’.-]*){1,3})")


def regional_branches(doc, mentions):
    """A known organisation's name followed by a region's is another organisation, its branch there:
    "Kadin Jatim" is not the national Kadin. It is proposed (as the same kind), never merged."""
    result, branches = [], {}  # (organisation, region) -> its branch there: "Disdikpora Kudus" again is the one
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        kind = doc.entity_type(m.entity)
        if nxt is not None and "|" not in m.entity and kind not in REGION_TYPES | {"Person", "?"} \
                and doc.text[m.end:nxt.start] == " " and nxt.entity.split("|")[0] in doc.names.types \
                and doc.names.types[nxt.entity.split("|")[0]] in REGION_TYPES - {"Country"} \
                and not INSTITUTION_RE.fullmatch(re.sub(r"\s+\([A-Z][A-Za-z]+\)\Z", "", m.text)):
            # (a hospital or college has no branches: "Rumah Sakit X (RSX) Kota Cirebon" is X, in Cirebon)
            name = doc.text[m.start:nxt.end]
            aliases = []
            written = re.fullmatch(r"(.+) \(([A-Z][A-Za-z]+)\)", m.text)
            if written and m.entity in doc.proposed:  # "Dinas … (Disperindag) Jawa Timur"
                region = doc.text[nxt.start:nxt.end]
                bare = bare_name(region)  # "Disdikpora Kudus"
                aliases = list(dict.fromkeys([f"{written.group(2)} {region}", f"{written.group(2)} {bare}", name]))
                name = f"{written.group(1)} {region}"
                if not any(o.entity == m.entity for o in mentions if o is not m):
                    del doc.proposed[m.entity]  # only ever written with its region: not an entity of its own
            known = set().union(*(doc.names.resolve(n) for n in [name, *aliases]))
            if len(known) == 1:
                entity = next(iter(known))
            elif (m.entity, nxt.entity) in branches:
                entity = branches[m.entity, nxt.entity]
                doc.proposed[entity]["alias"] = list(dict.fromkeys([*doc.proposed[entity]["alias"], name]))
            else:
                entity = doc.propose(slug(name), kind, name, aliases, doc.text[m.start:nxt.end])
            branches[m.entity, nxt.entity] = entity
            result.append(Mention(m.start, nxt.end, entity, kind, name))
            i += 2
            continue
        result.append(m)
        i += 1
    return result


_NEXT_NAME_RE = re.compile(r"[ \t]+([A-Z][a-z'’-]+)")
_LAST_NAME_RE = re.compile(r"([A-Z][a-z'’-]+)[ \t]+\Z")


def same_person(doc, m, mentions: Mentions, in_full: set[str]) -> bool:
    """Whether a known person's name in the text is that person, not part of a longer name.

    People are never merged on a shared name: "Budi Hartono" is not the known "Budi" (an alias
    of Budi Rustandi), nor "Ahmad Budi Rustandi" Budi Rustandi. A name of one word stands for
    the known person only where the article also names them in full. (A capitalised word before
    a full name is most often a title or an organisation's: "Committee Ben Yura Rimba".)
    """
    after = _NEXT_NAME_RE.match(doc.text, m.end)
    if after and after.group(1) not in NOT_NAMES and not TITLE_RE.match(after.group(1)):
        return False
    single = " " not in m.text.strip()
    before = _LAST_NAME_RE.search(doc.text, max(0, m.start - 30), m.start) if single else None
    if before and before.group(1) not in NOT_NAMES and not TITLE_RE.fullmatch(before.group(1)) \
            and not [o for o in mentions.overlapping(before.start(1), m.start) if o is not m] \
            and before.group(1) not in RANK_BEFORE and not _title_word(before.group(1)):
        return False
    return not single or m.entity in in_full


def _title_word(word: str) -> bool:
    """A word that ends a title or a place before a name ("Wali Kota Serang Budi")."""
    return word in TITLE_WORDS


def settle_by_posts(doc, places):
    """A bare name the posts have settled: "Sorong acting mayor …" makes every "Sorong" the city, unless
    the article also names another of its entities ("Kabupaten Tangerang" beside "Wali Kota Tangerang")."""
    named = {m.entity for m in doc.mentions if "|" not in m.entity}
    for m in doc.mentions:
        if "|" in m.entity:
            options = m.entity.split("|")
            chosen = [e for e in options if e in places]
            if any(e in named for e in options if e not in chosen):
                continue
            if len(chosen) == 1:
                m.entity, m.type = chosen[0], doc.names.types.get(chosen[0], "?")


# what a bare name is, said right after it: "from Tegal, the Central Java port city" (the city, not the regency)
_KIND_AFTER_RE = re.compile(r",\s+(?:the|a|an|sebuah)?\s*(?:[\w-]+\s+){0,4}?(city|regency|kota|kabupaten)\b",
                            re.IGNORECASE)


def _said_after(doc, m):
    said = _KIND_AFTER_RE.match(doc.text, m.end)
    if said is None:
        return None
    kind = {"city": "City", "kota": "City", "regency": "Regency", "kabupaten": "Regency"}[said.group(1).lower()]
    chosen = [e for e in m.entity.split("|") if doc.names.types.get(e) in COMPATIBLE[kind]]
    return chosen[0] if len(chosen) == 1 else None


def settle(doc, options, named):
    """The one entity an ambiguous name stands for, if the article says which; else None.

    In order: the one the article also names unambiguously ("Kota Tangerang" settles a bare
    "Tangerang"); the one whose province or parent it names ("Binzhou … Shandong"); the one other
    records name as a side (a second story of Bulungan's guests from "Kota Yulin, Tiongkok", after one
    that said Guangxi); the one of the highest level ("Binzhou" the prefecture-level city, not the
    county-level city in Shaanxi: the convention of the region ids too). Two of one level stay ambiguous.
    """
    for rule in (lambda e: e in named, lambda e: doc.names.located.get(e) in named, lambda e: e in doc.sides):
        chosen = [e for e in options if rule(e)]
        if len(chosen) == 1:
            return chosen[0]
    levels = {e: LEVEL.get(doc.names.types.get(e), 0) for e in options}
    top = [e for e in options if levels[e] == max(levels.values())]
    if len(top) == 1 and all(doc.names.types.get(e) in REGION_TYPES for e in options):
        return top[0]
    return None


_RANK_AFTER_NAME_RE = re.compile(r"[ \t]+(?:" + "|".join(RANK_AFTER) + r")\b")
# words that make a rank word part of a phrase, not a region's name: "Sister City", "Kota Kembar", "Smart City"
_NOT_RANKED = {"Smart", "Capital", "Green", "Sister", "Twin", "Friendship", "Kembar", "Bersaudara", "Persahabatan"}


def rank_mention(doc, add, kind, rank, words, start, name_start, before, end=None):
    if before and words[0] in _NOT_RANKED:
        return
    wanted = COMPATIBLE[kind]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n])
        stop = (name_start + len(name)) if before else end
        found = doc.names.resolve_ranked(name, wanted) | doc.names.resolve(f"{rank} {name}", wanted)
        if len(found) == 1:
            entity, = found
            add(Mention(start, stop, entity, doc.names.types[entity], doc.text[start:stop]))
            return
    # unknown: one capitalised word unless the words go on as a known name (not a nickname in quotes: known as
    # the "City of Silk")
    if doc.text[max(0, start - 1):start] in ('"', "“", "'", "‘"):
        return
    name = words[0]
    if not before:  # "East Java province": every word before the rank word
        name = " ".join(words)
    elif len(words) > 1 and words[1] not in doc.names.by_name and words[1] not in NOT_NAMES \
            and not TITLE_RE.fullmatch(words[1]) and looks_like_place(doc, words):
        name = " ".join(words[:2])
    if name in NOT_NAMES or doc.names.resolve(name) - set().union(*[doc.names.resolve(name, wanted)]):
        return
    stop = (name_start + len(name)) if before else end
    quote = doc.text[start:stop]
    mention = Mention(start, stop, "", kind, quote)
    if add(mention):  # (not inside a name already read: "Indonesia's West Nusa Tenggara province")
        mention.entity = propose_region(doc, name, kind, quote)


_TOWN_AFTER_RE = re.compile(r"[ \t]+((?:Kabupaten|Kota|Provinsi)[ \t]+)?"
                            r"([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})")


def _known_with_town_after(doc, expansion, pos):
    """({the known office}, its town as written after the bracket, where the town ends) when the expansion and the
    town after it name one; else (set(), None, pos)."""
    after = _TOWN_AFTER_RE.match(doc.text, pos)
    if after is None:
        return set(), None, pos
    words = after.group(2).split()
    for size in range(len(words), 0, -1):
        town = " ".join(words[:size])
        if not doc.names.resolve(town, REGION_TYPES - {"Country"}):
            continue
        known = {e for e in doc.names.resolve(f"{expansion} {after.group(1) or ''}{town}")
                 if doc.names.types[e] not in REGION_TYPES}
        if len(known) == 1:
            return known, town, after.start(2) + len(town)
        break
    return set(), None, pos


def mention_proposed_regions(doc):
    """A region proposed from one sentence ("Guangzhou Vice Mayor") is the same name elsewhere."""
    names = {alias: entry["id"] for entry in doc.proposed.values() if entry["type"] in REGION_TYPES
             for alias in entry["alias"]}
    if not names:
        return
    for start, end, name in NameIndex(names).finditer(doc.text):
        if not doc.mentions.overlapping(start, end):
            entity = names[name]
            doc.mentions.add(Mention(start, end, entity, doc.entity_type(entity), doc.text[start:end]))


def propose_region(doc, name, kind, quote):
    id_word, en_word = {"Regency": ("Kabupaten", "Regency"), "City": ("Kota", "City"),
                        "Province": ("Provinsi", "Province"), "County": ("Kecamatan", "County")}[kind]
    return doc.propose(RANK_PREFIX[kind] + slug(name), kind,
                        {"id": f"{id_word} {name}", "en": f"{name} {en_word}"}, [name], quote)


def looks_like_place(doc, words):
    # "Kota Bandar Lampung" yes; "Kota Serang Budi" (a person follows) is cut by the title rules
    return len(words) == 2 and words[1] not in doc.names.by_name


"""Organisations as news names them: offices and chambers after a title ("Kepala Dinas Koperasi dan UKM
Kota Medan", "the Foreign Affairs Office of Hainan Province", "the X chapter of the … (Kadin X)"), in lower
case ("dinas pariwisata Kota Serang"), as a unit after a possessive ("the City Government's cooperation
bureau"), legislatures named by their region, and consulates and embassies ("Konjen Tiongkok di Medan").

Each reader takes the position where a name should begin and returns (id, end of the name): a known
entity's id, or a proposed one's.
"""
from __future__ import annotations

import re

from graph.extract.doc import Mention, slug
from graph.extract.title_places import region_of_country
from graph.extract.vocabulary import (AGENCY_ACRONYM_RE, CAPITALS, HONORIFICS, INSTITUTION_RE, NOT_NAMES,
                                      ORG_HEADS_FIRST, ORG_HEADS_LAST, REGION_TYPES, TITLE_RE, TITLE_WORDS, org_type)


_ORG_WORD = r"(?:[A-Z][\w.&’'–-]*|dan|and|of|the|for|untuk|&|chapter|branch)"
_LEGISLATURE_RE = re.compile(r"(?:the\s+)?((?:[A-Z][\w'’-]*\s+){1,4}(?:provincial\s+|city\s+|regency\s+|municipal\s+|"
                             r"regional\s+)?(?:legislature|council|parliament|assembly|people's congress))\b")
_ORG_PHRASE_RE = re.compile(rf"{_ORG_WORD}(?:[ \t]+{_ORG_WORD}){{0,12}}")
# an office named for a list of fields, commas and all, closed by its kind: "the Sawahlunto Tourism, Youth and
# Sports Office", "Dinas Pariwisata, Pemuda dan Olahraga" (a comma after a name otherwise ends it)
_FIELD_LIST_RE = re.compile(r"(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]*(?:,[ \t]+[A-Z][\w'’-]*){1,4},?[ \t]+(?:and|dan|&)"
                            r"[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}?[ \t]+(?:" +
                            "|".join(sorted(ORG_HEADS_LAST, key=len, reverse=True)) + r")\b|"
                            r"(?:Dinas|Badan|Kantor|Biro)[ \t]+[A-Z][\w'’-]*(?:,[ \t]+[A-Z][\w'’-]*){1,4},?[ \t]+dan"
                            r"[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}")
# the fields a Kadis's office serves, commas and all: "Kadis Pertanian, Tanaman Pangan dan Hortikultura Gowa Name"
_FIELDS_AFTER_HEAD_RE = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?(?:,[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)"
                                   r"{1,4},?[ \t]+dan[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}")
# a unit of an organisation, written in lower case after its possessive: "… Government's cooperation bureau"
_UNIT_RE = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,3}(?:bureau|office|department|division|agency|unit|"
                      r"secretariat|section))\b")
_BRACKET_RE = re.compile(r"\s*\([^()\n]{2,30}\)\s+")
_SHORT_RE = re.compile(r"\s*\(")  # an organisation's short name in brackets after its full name
# the government a region's office belongs to, named after the region
GOVERNMENT_AFTER_RE = re.compile(r"\s+(?:Municipal\s+|Provincial\s+|City\s+|Regency\s+|County\s+)?(?:People['’]s\s+)?"
                                 r"Government\b")
_OF_REGION_RE = re.compile(r"\s+of\s+(?:the\s+)?")  # "… Office of Hainan Province"
# the field an office serves, after its kind: "… Department of Culture and Tourism", "… Bureau of Commerce"
_OF_FIELD_RE = re.compile(r"\s+of\s+[A-Z][a-z]+(?:(?:\s+(?:and|&))?\s+[A-Z][a-z]+){0,3}\b")


def org_phrase(doc, pos, limit, title):
    """An organisation the gazetteer does not know, written after an organisation's title:
    "Kepala Dinas Koperasi dan UKM Kota Medan, Sri …" -> (proposed id, end of its name)."""
    its = ITS_REGION_RE.match(doc.text, pos, limit)
    if its is not None:  # "the head of the regency's Agriculture Office, Name"
        return office_of_the_story_town(doc, its, limit)
    lower = _lower_case_office(doc, pos, limit)
    if lower is not None:
        return lower
    house = _LEGISLATURE_RE.match(doc.text, pos, limit)
    if house is not None:  # "the speaker of the West Nusa Tenggara provincial legislature"
        name = " ".join(house.group(1).split())
        known = doc.names.resolve(name)
        entity = next(iter(known)) if len(known) == 1 else doc.propose(slug(name), "Legislature", name, [], name)
        return entity, house.end()
    found = (_FIELDS_AFTER_HEAD_RE.match(doc.text, pos, limit) if title in ("Kadis", "Kaban") else None) \
        or _FIELD_LIST_RE.match(doc.text, pos, limit) or _ORG_PHRASE_RE.match(doc.text, pos, limit)
    if found is None:
        return None
    end = _next_title(doc.text, pos, found.end())
    second = _AND_THE_RE.search(doc.text, pos, end)
    if second is not None and any(w in ORG_HEADS_LAST for w in re.findall(r"[^\s.,;:]+", doc.text[pos:second.start()])):
        end = second.start()  # "the Guilin Bureau of Commerce and the Guilin Tea Association": two bodies
    phrase = doc.text[pos:end]
    if re.search(r"[a-z]{3}\.\Z", phrase):
        end -= 1  # the sentence's full stop, not part of the name: "… Desi Anggraini."
    unit = _UNIT_RE.match(doc.text, end, limit) if re.search(r"['’]s\Z", phrase) else None
    if unit is not None:  # "the Semarang City Government's cooperation bureau"
        name = f"{doc.text[pos:end - 2]} {' '.join(unit.group(1).split())}"
        quote = doc.text[pos:unit.end()]
        return doc.propose(slug(name), org_type(name.title()), name, [quote], quote), unit.end()
    heads = [m for m in re.finditer(r"[^\s.,;:]+", phrase) if m.group() in ORG_HEADS_LAST]
    regions = doc.in_span(pos, end, REGION_TYPES)
    bracket = _BRACKET_RE.match(doc.text, end, limit)
    region_after = doc.mention_at(bracket.end(), REGION_TYPES - {"Country"}) if bracket and not regions else None
    if region_after is not None and "|" not in region_after.entity:
        # "Dinas Perindustrian dan Perdagangan (Kadis Perindag) Kalbar, Agus Salim": the office's name, a bracketed
        # short form (of the title and office), then its region, named in full in the label
        phrase = " ".join(doc.text[pos:end].split())
        written = f"{phrase} {region_after.text}"
        full = f"{phrase} {doc.label(region_after.entity, 'id')}"  # "… Provinsi Kalimantan Barat"
        name = full.replace(" Provinsi ", " ")
        if phrase.split()[0] in ORG_HEADS_FIRST or AGENCY_ACRONYM_RE.fullmatch(phrase.split()[0]):
            known = doc.names.resolve(name) | doc.names.resolve(written) | doc.names.resolve(full)
            entity = next(iter(known)) if len(known) == 1 else doc.propose(
                slug(name), org_type(name), name, list(dict.fromkeys([written, full])), doc.text[pos:region_after.end])
            return entity, region_after.end
    if heads:  # English names end with their kind: "the Nanning Commerce Bureau"
        end = pos + heads[-1].end()
        of = _OF_REGION_RE.match(doc.text, end, limit)
        region = doc.mention_at(of.end(), REGION_TYPES - {"Country"}) if of else None
        field = _OF_FIELD_RE.match(doc.text, end, limit)
        if region is not None:  # "the Foreign Affairs Office of Hainan Province"
            end = region.end
            government = GOVERNMENT_AFTER_RE.match(doc.text, end, limit)
            if government is not None:  # "… Office of the Xiamen Municipal People's Government": its government's
                end = government.end()
        elif field is not None and not doc.in_span(end, field.end(), REGION_TYPES):
            end = field.end()  # "the Shaanxi Provincial Department of Culture and Tourism"
    elif regions and not _INSTITUTION_BEFORE_HOLDER_RE.match(doc.text, pos, limit):
        end = regions[-1].end  # the region closes the name: "… Kota Makassar Intan Permatasari"
        town = _TOWN_BEFORE_HOLDER_RE.match(doc.text, end, limit)
        if town is not None:  # "Koperasi Tenun Siak Sri Indrapura, Ibu Name": the rest of its town's name
            end = town.end(1)
    elif title == "Kabag":
        return None  # a section's name runs to several words ("Kabag Kerja Sama Name"): where it ends is not known
    elif title in ("Kadis", "Kaban") and _FIELD_THEN_NAME_RE.fullmatch(doc.text[pos:end].strip()):
        end = pos + len(doc.text[pos:end].split()[0])  # "Kadis Perindag Dewi Anggraini": the field, then the head
    elif not re.match(r"\s*(?:[,;.]|dan\b|and\b|[a-z]+\b|$)", doc.text[end:limit]) \
            and not _SHORT_NAME_RE.match(doc.text, end, limit):  # (a verb, or its short name, after it closes it)
        return None  # nothing closes it: where the name ends is not known
    else:
        end = _before_holder(doc, pos, end)
    short = _SHORT_RE.match(doc.text, end, limit)
    named = doc.mention_at(short.end(), None, organisations=True) if short else None
    if named is not None and doc.text.startswith(")", named.end):
        return named.entity, named.end + 1  # "… Chamber of Commerce and Industry (Kadin Jatim)": the short name's
    words = doc.text[pos:end].split()
    while words and words[-1] in ("dan", "and", "of", "the", "for", "untuk", "&"):
        words.pop()
    town_aliases = []
    if not regions and words and (words[0] in _REGIONAL_OFFICES or AGENCY_ACRONYM_RE.fullmatch(words[0])
                                  or title in ("Kadis", "Kaban")):
        # a regional office named without its region ("Kadis Perindag Name" beside the mayor): the story's one
        # Indonesian town's
        town = region_of_country(doc, "indonesia", {"Regency", "City"})
        full = doc.label(town, "id") if town is not None else None
        if full:
            bare = bare_name(full)
            town_aliases = [" ".join([*words, bare])]  # ("Bappeda Binjai")
            if title == "Kadis" and len(words) == 1:
                town_aliases.append(f"Dis{words[0].lower()} {bare}")  # "Kadis Perindag" heads the Disperindag
            words = [*words, *full.split()]
    if title in _HEAD_OF_KIND and words:
        words = [_HEAD_OF_KIND[title], *words]  # "Kadis Pariwisata" heads the Dinas Pariwisata
    if len(words) < 2 or not (heads or words[0] in ORG_HEADS_FIRST or words[-1] in ORG_HEADS_LAST
                              or AGENCY_ACRONYM_RE.fullmatch(words[0]) or INSTITUTION_RE.fullmatch(" ".join(words))
                              or _short_name_and_region(doc, pos, end, words)):
        return None  # (a hospital or college: "Presiden Rumah Sakit Rehabilitasi Haibin, Dr. Name")
    name = " ".join(words)
    known = doc.names.resolve(name)
    if len(known) == 1:
        return next(iter(known)), end
    quote = doc.text[pos:end]
    aliases = [] if quote == name else [quote]
    bracket = _SHORT_NAME_RE.match(doc.text, end, limit)
    if bracket is not None:  # "the Pematangsiantar chapter of the … Business Council (NTBC)": its short name
        aliases.append(bracket.group(1))
        chapter = _CHAPTER_RE.match(name)
        if chapter:  # "the Tegal chapter of the … Chamber … (Kadin)" is "Kadin Tegal", before or after
            branch = f"{bracket.group(1)} {chapter.group(1)}"
            aliases.append(branch)
            known = doc.names.resolve(branch)
            earlier = doc.proposed_organisation([branch], org_type(name))
            if len(known) == 1 or earlier is not None:
                return (next(iter(known)) if len(known) == 1 else earlier), end
    entity = doc.propose(slug(name), org_type(name), name, aliases + town_aliases, quote)
    return entity, end


# more capitalised words after the region, up to a comma and the holder's honorific: the name goes on
_TOWN_BEFORE_HOLDER_RE = re.compile(r"((?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?:" + "|".join(
    re.escape(h) for h in HONORIFICS) + r")\s")
_REGIONAL_OFFICES = {"Dinas"}
# a head's title that says the kind of office: "Kadis" (kepala dinas), "Kaban" (kepala badan), "Kabag" (kepala bagian)
_HEAD_OF_KIND = {"Kadis": "Dinas", "Kaban": "Badan", "Kabag": "Bagian"}  # ("Kantor", "Badan", "Biro" name Chinese offices too)
# a one-word field, then its head's name: "Perindag Dewi Anggraini Sembiring"
_FIELD_THEN_NAME_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){2,4}(?:\s+(?:dan|and|&))?")


def bare_name(label: str) -> str:
    """A region's name without its kind: "Kabupaten Gowa" -> "Gowa", as "Disperindag Gowa" writes it."""
    return re.sub(r"\A(?:Kabupaten|Kota|Provinsi|Kab\.|Prov\.)\s+", "", label)


def _short_name_and_region(doc, pos, end, words) -> bool:
    """Whether the name is an organisation's short name and the region it is in, before its head's name: "Ketua
    Apindo Kalteng, Name" (a chapter of a body known by one word)."""
    if len(words) < 2 or not re.fullmatch(r"[A-Z][A-Za-z]{2,11}", words[0]) or words[0] in NOT_NAMES \
            or words[0] in TITLE_WORDS or doc.names.resolve(words[0]):
        return False
    regions = doc.in_span(pos, end, REGION_TYPES - {"Country"})
    return len(regions) == 1 and regions[0].start == pos + len(words[0]) + 1 and regions[0].end == end \
        and doc.text.startswith(",", end)


_AND_THE_RE = re.compile(r"[ \t]+(?:and|dan|&)[ \t]+the[ \t]+(?=[A-Z])")
_AND_NEXT_RE = re.compile(r"[ \t]+(?:and|dan|&)[ \t]+(?=[A-Z])")


# an office named in English just before its holder's title: "… Tabanan Tourism Office head Name"
_OFFICE_BEFORE_RE = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+){1,5}(?:" + "|".join(sorted(ORG_HEADS_LAST, key=len, reverse=True))
                               + r"))[ \t]+\Z")


def office_before(doc, begin, at):
    """The office whose name, opened by its region, ends just before the title at ``at``: "Kendari Tourism Office
    Head Name" (not a name before the region: "… Name Kendari Tourism Office Head"); None if there is none."""
    found = office_span_before(doc, begin, at)
    return found[0] if found else None


def office_span_before(doc, begin, at):
    """(office, where its name begins, where it ends) for office_before; None if there is none."""
    found = _OFFICE_BEFORE_RE.search(doc.text, max(begin, at - 80), at)
    if found is None:
        return None
    known = [m for m in doc.mentions.overlapping(found.start(1), found.end(1)) if "|" not in m.entity]
    if known and known[-1].end == found.end(1) and doc.entity_type(known[-1].entity) not in REGION_TYPES | {"Person"}:
        return known[-1].entity, known[-1].start, known[-1].end  # "Kendari City Council", the city's legislature
    regions = [m for m in known if doc.entity_type(m.entity) in REGION_TYPES - {"Country"}]
    if not regions or regions[-1].end >= found.end(1):
        return None
    start, end = regions[-1].start, found.end(1)
    name = " ".join(doc.text[start:end].split())
    found_known = doc.names.resolve(name)
    if len(found_known) == 1:
        return next(iter(found_known)), start, end
    kind = "Legislature" if _LEGISLATURE_RE.fullmatch(name) else org_type(name)  # "Kendari City Council"
    return doc.propose(slug(name), kind, name, [], doc.text[start:end]), start, end


# a college named after a place, then a comma and its head: "Direktur Politeknik Kapuas Raya, Dr. Name" (Kapuas
# is a regency; the name goes on past it)
_INSTITUTION_BEFORE_HOLDER_RE = re.compile(r"(?:Universitas|Politeknik|Akademi|Institut|Sekolah Tinggi)"
                                           r"(?:[ \t]+[A-Z][\w'’-]*){1,4},[ \t]+(?:[A-Z][a-z]{0,3}\.[ \t]*)*[A-Z]")


def _next_title(text, pos, end):
    """Where a name read at ``pos`` ends when a list goes on with the next title: "Director of the Zigong Museum
    Luo Jianping and Chairman of the … Forum Name" -> before "and Chairman"; or with its holder's honorific,
    which no organisation's name holds: "Wakil Ketua DPRD Kota Madiun Hj. Name Anggota …" -> before "Hj."."""
    for found in _AND_NEXT_RE.finditer(text, pos, end):
        if TITLE_RE.match(text, found.end()):
            end = found.start()
            break
    honorific = _HONORIFIC_INSIDE_RE.search(text, pos, end)
    return honorific.start() if honorific is not None else end


_HONORIFIC_INSIDE_RE = re.compile(r"(?<=\s)(?:" + "|".join(re.escape(h) for h in HONORIFICS if h.endswith(".")) +
                                  r")(?=\s|[A-Z])")


_SHORT_NAME_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,20})\)")  # ("(P2TP)", "(Diskopukmperindag)")
_CHAPTER_RE = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:chapter|branch)\s+of\b")
# an office written in lower case, as news often does: "dinas pariwisata Kota Serang" (its region closes the
# name), "the Serang tourism office" (its region opens it)
_LOWER_OFFICE_ID_RE = re.compile(r"(dinas|badan|kantor|biro|bagian)((?:\s+(?:[a-z]+|dan)){1,4}?)\s+(?=[A-Z])")
_LOWER_OFFICE_EN_RE = re.compile(r"((?:,?\s+[a-z]+){1,5}?)\s+(office|bureau|department|agency)\b")  # "… tourism, youth
# and sports office"


def _lower_case_office(doc, pos, limit):
    """(id, end) of an office written in lower case at ``pos``, named in capitals ("Dinas Pariwisata Kota
    Serang", "Serang Tourism Office"); None if there is none."""
    indonesian = _LOWER_OFFICE_ID_RE.match(doc.text, pos, limit)
    region = doc.mention_at(indonesian.end(), REGION_TYPES - {"Country"}) if indonesian else None
    if region is not None and "|" not in region.entity:
        words, end = f"{indonesian.group(1)}{indonesian.group(2)}".split(), region.end
        name = " ".join(w if w == "dan" else w.capitalize() for w in words) + " " + region.text
    else:
        region = doc.mention_at(pos, REGION_TYPES - {"Country"})
        english = _LOWER_OFFICE_EN_RE.match(doc.text, region.end, limit) if region and "|" not in region.entity \
            else None
        if english is None:
            return None
        end = english.end()
        name = region.text + " " + " ".join(w if w == "and" else w.capitalize() for w in doc.text[region.end:end].split())
    known = doc.names.resolve(name)
    if len(known) == 1:
        return next(iter(known)), end
    quote = doc.text[pos:end]
    return doc.propose(slug(name), org_type(name), name, [] if quote == name else [quote], quote), end


def _before_holder(doc, pos, end):
    """Where an organisation's name ends when its holder's name is glued on: "Ketua Kamar Dagang Riau-Liuzhou
    Desi Anggraini. Menurut Desi, …". News names a person in full once and later by one of their names alone:
    the last two or three words are the holder's when one of them stands alone elsewhere in the text."""
    words = list(re.finditer(r"\S+", doc.text[pos:end]))
    for k in (3, 2):
        if len(words) < k + 2:
            continue
        tail = [w.group() for w in words[-k:]]
        if any(w in ORG_HEADS_FIRST or w in ORG_HEADS_LAST or w in NOT_NAMES or not re.fullmatch(r"[A-Z][a-z]+", w)
               or doc.names.resolve(w) for w in tail):
            continue
        cut = pos + words[-k].start()
        for word in tail:
            for alone in re.finditer(rf"(?<![\w-]){word}(?![\w-])(?!\s+[A-Z])", doc.text):
                before = re.search(r"([A-Z][\w-]*)\s+\Z", doc.text[max(0, alone.start() - 30):alone.start()])
                if not cut <= alone.start() < end and (before is None or before.group(1) in NOT_NAMES):
                    return pos + words[-k - 1].end()
    return end


_MISSION_RE = re.compile(r"(?:(?:Republik Rakyat|the People's Republic of|Republik)\s+)?([A-Z][\w]+)"
                         r"(?:\s*\([A-Z]{2,8}\))?\s+(?:di|in|untuk|for|to)\s+([A-Z][\w]+)")


COUNTRY_BEFORE_RE = re.compile(r"([A-Z]\w+)['’]s\s+\Z")
_CITY_RE = re.compile(r"(?:di|in|untuk|to)\s+([A-Z]\w+)")


def diplomatic_mission(doc, pos, limit, role, country_before: str | None = None):
    """The consulate or embassy a consul or ambassador heads: "Konjen Tiongkok di Medan",
    "Consul General of China in Medan", "China's Consul General in Denpasar" -> (proposed id, end of its name).
    ``country_before``: the country's name when the text gives it before the title ("China's", or by its people,
    "the Chinese Ambassador to Indonesia …") rather than in the mission's name."""
    found = _MISSION_RE.match(doc.text, pos, limit)
    if found is None and country_before is not None:
        found = _CITY_RE.match(doc.text, pos, limit)
        country_name, city = country_before, found.group(1) if found else None
    elif found is not None:
        country_name, city = found.group(1), found.group(2)
    if found is None:
        return None
    country = doc.names.resolve(country_name, {"Country"})
    if len(country) != 1:
        return None
    country, = country
    consulate = role != "ambassador"
    if not consulate and doc.names.resolve(city or "", {"Country"}) & CAPITALS.keys():
        # "Duta Besar Tiongkok untuk Indonesia": an ambassador to a country heads the embassy in its capital
        city = CAPITALS[next(iter(doc.names.resolve(city, {"Country"})))]
    type_name = "Consulate" if consulate else "Embassy"
    id_word = "Konsulat Jenderal" if consulate else "Kedutaan Besar"
    en_word = "Consulate General" if consulate else "Embassy"
    country_id, country_en = doc.label(country, "id"), doc.label(country, "en")
    label = {"id": f"{id_word} {country_id} di {city}", "en": f"{en_word} of {country_en} in {city}"}
    short = f"Konjen {country_id} di {city}" if consulate else f"Kedubes {country_id} di {city}"
    aliases = [short]
    if country == "indonesia":  # Indonesia's own: KBRI (embassy), KJRI (consulate)
        word = "KJRI" if consulate else "KBRI"
        aliases += [f"{word} di {city}", f"{word} {city}"]
    known = set().union(*(doc.names.resolve(n) for n in (label["id"], label["en"], *aliases)))
    if len(known) == 1:
        return next(iter(known)), found.end()
    entity = doc.propose(f"{'konjen' if consulate else 'kedubes'}-{slug(country_id)}-{slug(city)}", type_name,
                         label, aliases, doc.text[pos:found.end()])
    return entity, found.end()


_RANK_LABEL = {"Province": "Provinsi", "Regency": "Kabupaten", "City": "Kota"}


def secretariat(doc, region, written, quote, council=False) -> str:
    """The secretariat of ``region`` (written ``written``) whose secretary a title names: "Sekda Kalteng" ->
    Sekretariat Daerah Provinsi Kalimantan Tengah, known or proposed, with "Setda Kalteng" as alias; of its council
    (``council``): "Sekretaris DPRD Dompu" -> Sekretariat DPRD Kabupaten Dompu, "Setwan Dompu"."""
    label = doc.label(region, "id")
    rank = _RANK_LABEL.get(doc.entity_type(region), "")
    if rank and not label.startswith(rank):
        label = f"{rank} {label}"
    written = " ".join(written.split())
    kind, short = ("Sekretariat DPRD", f"Setwan {written}") if council else ("Sekretariat Daerah", f"Setda {written}")
    name = f"{kind} {label}"
    known = doc.names.resolve(name) | doc.names.resolve(short) | doc.names.resolve(f"{kind} {written}")
    if len(known) == 1:
        return next(iter(known))
    return doc.propose(slug(short), "GovernmentAgency", name, [short, f"{kind} {written}"] if council else [short],
                       quote)


# an association named whole, with the town that closes its name, as a delegation's or an agreement's side:
# "audiensi delegasi Kamar Dagang Umum Kota Huizhou", "MoU antara DBBT dan Kamar Dagang Umum Kota Huizhou"
_SIDE_BODY_RE = re.compile(r"\b(?:delegasi|rombongan|antara|dan|dengan|between|and|with)\s+(?:the\s+)?"
                           r"(?=(?:Kamar Dagang|Asosiasi|Perhimpunan|Himpunan|Dewan Bisnis|Paguyuban|Perkumpulan|"
                           r"Ikatan|Gabungan)\s+[A-Z])")


def side_bodies(doc) -> None:
    """Mention (proposing it when the gazetteer does not know it) each association a sentence names as a side,
    its name closed by its town, so a visit or an agreement can have it as a side."""
    for sentence in doc.sentences:
        for match in _SIDE_BODY_RE.finditer(doc.text, sentence.start, sentence.end):
            if doc.mentions.overlapping(match.end(), match.end() + 1):
                continue  # known already
            found = org_phrase(doc, match.end(), sentence.end, "")
            if found is None or not doc.in_span(match.end(), found[1], REGION_TYPES - {"Country"}):
                continue  # (only a name its town closes: where any other name ends is not known)
            entity, end = found
            doc.mentions.replace(Mention(match.end(), end, entity, doc.entity_type(entity), doc.text[match.end():end]))


# the story's town, said by its kind: "the regency's …", "the city's …", "the province's …"; or by "its" after
# one of these in the sentence ("the head of the regency's Fisheries Office, …, and the head of its Tourism Office")
ITS_REGION_RE = re.compile(r"(regency|city|province)['’]s\s+|its\s+(?=[A-Z])")
_KIND_SAID_RE = re.compile(r"(regency|city|province)['’]s\s+[^.;\n]*\Z")
_KINDS_SAID = {"regency": {"Regency"}, "city": {"City"}, "province": {"Province"}}
# (a Chinese one when no Indonesian town is of that kind: "Li Xiaoming, director of the city's Bureau of …")
_CHINESE_KINDS_SAID = {"city": {"PrefectureLevelCity", "CountyLevelCity"}, "province": {"Province"}}
_OFFICE_NAME_RE = re.compile(r"(?:[A-Z][\w'’&-]*,?\s+|(?:and|of|for|&)\s+){0,8}?(?:" +
                             "|".join(sorted(ORG_HEADS_LAST, key=len, reverse=True)) + r")\b")


_RANK_AFTER_RE = re.compile(r"\s+(?:[Rr]egency|[Cc]ity|[Pp]rovince)\Z")


def _town_as_written(doc, town) -> str:
    """A town's name, without the rank word, as its English label has it if the article writes it so, else as the
    article writes it ("Pesisir Selatan", which the label calls "South Pesisir"; not a kecamatan read as its
    regency)."""
    label = _RANK_AFTER_RE.sub("", doc.label(town, "en") or "")
    written = {" ".join(_RANK_AFTER_RE.sub("", bare_name(m.text)).split()) for m in doc.mentions if m.entity == town}
    written = sorted((w for w in written if town in doc.names.resolve(w)), key=lambda w: (len(w), w))
    return label if label in written or not written else written[0]


def office_of_the_story_town(doc, its, limit):
    """(id, end) of an office named after "the regency's" (the story's one Indonesian regency, city or province):
    "the regency's Investment and One-Stop Service Office (DPMPTSP)" -> North Minahasa Investment and One-Stop
    Service Office, known or proposed, with its short name; None when the town or the name is not clear."""
    kind = its.group(1)
    if kind is None:
        said = _KIND_SAID_RE.search(doc.text, max(0, its.start() - 300), its.start())
        kind = said.group(1) if said is not None else None
    if kind is None:
        return None
    town = region_of_country(doc, "indonesia", _KINDS_SAID[kind])
    if town is None and kind in _CHINESE_KINDS_SAID:
        town = region_of_country(doc, "china", _CHINESE_KINDS_SAID[kind])
    name = _OFFICE_NAME_RE.match(doc.text, its.end(), limit)
    if town is None or name is None:
        return None
    # (its field after it when the kind comes first: "the city's Bureau of Agriculture and Rural Affairs")
    field = _OF_FIELD_RE.match(doc.text, name.end(), limit) if " " not in name.group() else None
    end = field.end() if field is not None else name.end()
    label = f"{_town_as_written(doc, town)} {' '.join(doc.text[name.start():end].split())}"
    aliases = []
    short = _SHORT_NAME_RE.match(doc.text, end, limit)
    if short is not None:
        aliases = [short.group(1), f"{short.group(1)} {bare_name(doc.label(town, 'id') or '')}"]
    known = doc.names.resolve(label) | {e for a in aliases[1:] for e in doc.names.resolve(a)}
    entity = next(iter(known)) if len(known) == 1 else doc.propose(slug(label), org_type(label), label, aliases,
                                                                  doc.text[its.start():end])
    doc.mentions.replace(Mention(its.start(), end, entity, doc.entity_type(entity), doc.text[its.start():end]))
    return entity, end


"""Where a region lies and what it is the capital of: "Kota X di Provinsi Y", "X, Y province",
"Pemerintah Kabupaten X di Indonesia", "Hangzhou, ibu kota Provinsi Zhejiang", "X, the capital of Y".
"""
from __future__ import annotations

import re

from graph.extract.vocabulary import LEVEL, LOCAL_REGIONS, REGION_TYPES

# what may stand between a region and the larger one it lies in: "south China's", "Indonesia's", "China's
# southwestern", "northeastern"
_DIRECTION = r"(?:south|north|east|west|central|southwest|southeast|northwest|northeast)(?:ern)?"
_QUALIFIER = rf"(?:(?:the\s+)?{_DIRECTION}\s+(?:of\s+(?:the\s+)?)?)?(?:[A-Z]\w+['’]s\s+)?(?:{_DIRECTION}\s+)?"
# ("Hezhou, in the east of the Guangxi Zhuang Autonomous Region", "… by Ningde in the northeast of Fujian province")
# "Buleleng regency in Bali", "Kota Yantai dari Provinsi Shandong", "Ngada, a regency of about 170,000 people on
# Flores island in …", "Central Lombok, on the southern coast of Lombok island in …"
_LOCATED_GAP_RE = re.compile(r"(?:\s+(?:regency|city|county|district|prefecture))?(?:\s*\([A-Z][A-Za-z]{1,10}\))?"
                             r"(?:\s*(?:,|di|in)\s*|\s+dari\s+|,\s+(?:di|in)\s+|,?\s+(?:a|an|the|on the)\s+"
                             r"(?:(?:\d{1,3}(?:,\d{3})+|[\w.-]+)\s+){0,9}?in\s+|"
                             r"\s+in\s+)" + _QUALIFIER)
_CAPITAL_GAP_RE = re.compile(r",?\s*(?:yang merupakan |yang juga |merupakan |adalah |is |was )?(?:ibu ?kota"
                             r"(?: provinsi)?|the (?:provincial )?capital(?: city)? of|capital of)\s+" + _QUALIFIER,
                             re.IGNORECASE)


# "Tegal, the Central Java port city …", "Tabanan, the Bali regency home to …": a town said to be its province's
_PROVINCES_TOWN_GAP_RE = re.compile(r",\s+the\s+\Z")
_PROVINCES_TOWN_AFTER_RE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?:regency|city|town|county|district)\b")
_PART_OF_GAP_RE = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:administered by|under|of)|part of|"
                             r"(?:yang merupakan\s+)?(?:wilayah|bagian(?: dari)?)(?:\s+(?:Kota|Kabupaten|Provinsi))?)\s+|"
                             # "Emeishan merupakan kota setingkat kabupaten di bawah Kota Leshan"
                             r"\s+(?:merupakan|adalah|ialah)\s+(?:[\w-]+\s+){0,4}?di bawah\s+")
# a town that closes an organisation's name: "Federasi Industri dan Perdagangan (FIP) Kota Chuzhou, Provinsi Anhui"
_TOWN_CLOSING_RE = re.compile(r"\b(?:Kota|Kabupaten|Kab\.)\s+((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)\Z")
# a larger region written as the owner of a smaller one: "Jilin province's ", "Guangxi's "
_POSSESSIVE_GAP_RE = re.compile(r"\s+(?:(?:province|autonomous region|region)\s*)?['’]s\s+|['’]s\s+")


def place_facts(doc) -> list[dict]:
    facts = []
    located = set()
    # a country written as a possessive ("China's Hainan Province") qualifies the next name: skipped
    mentions = [m for m in doc.mentions if not (doc.entity_type(m.entity) == "Country"
                                                and re.match(r"['’]s\s", doc.text[m.end:m.end + 3]))]
    # a region's abbreviation in brackets after its name is no name of its own: "Kabupaten Kutai Timur (Kutim),
    # Kalimantan Timur" reads as "Kabupaten Kutai Timur, Kalimantan Timur"
    mentions = [m for before, m in zip([None, *mentions], mentions)
                if not (before is not None and before.entity == m.entity and doc.entity_type(m.entity) in LOCAL_REGIONS
                        and re.fullmatch(r"\s*\(", doc.text[before.end:m.start]))]
    for a, b, c in zip(mentions, mentions[1:], [*mentions[2:], None]):
        if c is not None and _POSSESSIVE_GAP_RE.fullmatch(doc.text, b.end, c.start) and "|" not in b.entity + c.entity \
                and doc.entity_type(c.entity) in REGION_TYPES and (c.entity, b.entity) not in located \
                and LEVEL.get(doc.entity_type(b.entity), 0) > LEVEL.get(doc.entity_type(c.entity), 9) \
                and not doc.names.contradicts(c.entity, b.entity):
            # "Jilin province's Yanbian Korean Autonomous Prefecture": Yanbian lies in Jilin
            located.add((c.entity, b.entity))
            facts.append({"about": c.entity, "locatedIn": b.entity, "quote": [doc.text[b.start:c.end]]})
        if "|" not in a.entity + b.entity and doc.entity_type(a.entity) == "Province" and a.text.startswith("Provinsi ") \
                and doc.entity_type(b.entity) in LOCAL_REGIONS and re.match(r"(?:Kota|Kabupaten|Kab\.) ", b.text) \
                and doc.text[a.end:b.start] == ", " and (b.entity, a.entity) not in located \
                and not doc.names.contradicts(b.entity, a.entity):
            # written province first: "delegasi Pemerintah Provinsi Hunan, Kota Changde" (Changde lies in Hunan)
            located.add((b.entity, a.entity))
            facts.append({"about": b.entity, "locatedIn": a.entity, "quote": [doc.text[a.start:b.end]]})
            continue
        subject, start = doc.names.jurisdiction.get(a.entity), a.start
        if subject is None:
            subject, start = _town_closing(doc, a) or (a.entity, a.start)
        ta, tb = doc.entity_type(subject), doc.entity_type(b.entity)
        gap = doc.text[a.end:b.start]
        kind_after = _PROVINCES_TOWN_AFTER_RE.match(doc.text, b.end)
        if ta in LOCAL_REGIONS and tb == "Province" and "|" not in a.entity + b.entity \
                and _PROVINCES_TOWN_GAP_RE.fullmatch(gap) and kind_after \
                and (subject, b.entity) not in located and not doc.names.contradicts(subject, b.entity):
            located.add((subject, b.entity))
            facts.append({"about": subject, "locatedIn": b.entity, "quote": [doc.text[start:kind_after.end()]]})
            continue
        if gap == ", " and tb in LOCAL_REGIONS and doc.names.located.get(subject) == b.entity \
                and (subject, b.entity) not in located:
            # "Kota Wenling, Taizhou, Provinsi Zhejiang": a town written with the town it lies in (two towns side
            # by side are a list unless the gazetteer puts one in the other)
            located.add((subject, b.entity))
            facts.append({"about": subject, "locatedIn": b.entity, "quote": [doc.text[start:b.end]]})
            continue
        if "|" not in a.entity + b.entity and ta in REGION_TYPES and tb in REGION_TYPES - {"Country"} \
                and LEVEL.get(tb, 0) > LEVEL.get(ta, 9) and _PART_OF_GAP_RE.fullmatch(gap) \
                and not _CAPITAL_GAP_RE.fullmatch(gap) \
                and (subject, b.entity) not in located and not doc.names.contradicts(subject, b.entity):
            # "Chenghai, a district of Shantou", "Fuqing, a county-level city administered by Fuzhou", "Kabupaten
            # Hepu, wilayah Kota Beihai": said to be part of it, a town lies in a town as in a province
            located.add((subject, b.entity))
            facts.append({"about": subject, "locatedIn": b.entity, "quote": [doc.text[start:b.end]]})
            continue
        if "|" in a.entity or "|" in b.entity or ta not in REGION_TYPES or tb not in ("Province", "Country",
                                                                                      "Island"):
            continue
        if LEVEL[tb] <= LEVEL.get(ta, 9) or doc.names.contradicts(subject, b.entity):
            continue  # "Gorontalo ... China": two sentences' names side by side, not one inside the other
        if _LOCATED_GAP_RE.fullmatch(gap) and (subject, b.entity) not in located:
            larger, end = b.entity, b.end
            if (c is not None and _POSSESSIVE_GAP_RE.fullmatch(doc.text, b.end, c.start) and "|" not in c.entity
                    and LEVEL.get(ta, 9) < LEVEL.get(doc.entity_type(c.entity), 0) < LEVEL[tb]):
                larger, end = c.entity, c.end  # "a city in Jilin province's Yanbian …": in Yanbian, the nearer
            located.add((subject, larger))
            facts.append({"about": subject, "locatedIn": larger, "quote": [doc.text[start:end]]})
        elif _CAPITAL_GAP_RE.fullmatch(gap):
            facts.append({"about": subject, "capitalOf": b.entity, "quote": [doc.text[start:b.end]]})
    return facts


def _town_closing(doc, mention) -> tuple[str, int] | None:
    """The town an organisation's name ends with, written with its province after it (the town lies there)."""
    if doc.entity_type(mention.entity) in REGION_TYPES | {"Person"}:
        return None
    closing = _TOWN_CLOSING_RE.search(doc.text, mention.start, mention.end)
    towns = doc.names.resolve(closing.group(1), LOCAL_REGIONS) if closing else set()
    return (next(iter(towns)), closing.start()) if len(towns) == 1 else None

"""Where a title's post is when no place follows the title: the side a line speaks for ("Dari pihak Kalteng
hadir Gubernur …"), the delegation the title leads ("A delegation from Manado, led by Mayor …"), the one
region of the holder's country ("Mayor Name" in a story about Sawahlunto and Zigong), and the larger regions
written between a title's place and its holder ("Wakil Wali Kota Wuzhou, Daerah Otonom Guangxi Zhuang,
Tiongkok, Name").
"""
from __future__ import annotations

import re

from graph.extract.vocabulary import (CHINESE_SURNAMES, COMPATIBLE, HONORIFIC_RE, NAME_GAP_RE, NAME_RE, REGION_TYPES,
                                      TITLE_RE, TITLE_ROLE)

# "A delegation from Manado, led by Mayor …", "Rombongan dari Kota Ambon yang dipimpin Wali Kota …"
_LED_FROM_RE = re.compile(r"(?i)\b(?:delegation|delegasi|rombongan|team|tim)\s+(?:from|dari|asal)\s+$")
_LED_BY_RE = re.compile(r"(?i)^,?\s*(?:which was |that was |yang )?(?:led|headed|dipimpin|diketuai)(?:\s+(?:by|oleh))?\s+"
                        r"(?:the\s+)?$")


# the side a line of who came names first: "Dari pihak Kalteng hadir Gubernur …", "From Sragen came Regent …"
_SIDE_FIRST_RE = re.compile(r"(?:Dari|From)\s+(?:pihak\s+|the\s+)?")
_SIDE_THEN_RE = re.compile(r"\s*,?\s+(?:hadir|datang|turut hadir|came|attended|were)\b")


def side_said_first(doc, low, title_start, types):
    """The place of a title with none after it, when the line opens with the side it speaks for."""
    opening = _SIDE_FIRST_RE.match(doc.text, low, title_start)
    region = doc.mention_at(opening.end(), types) if opening else None
    if region is None or not _SIDE_THEN_RE.match(doc.text, region.end, title_start):
        return None
    region = of_class(doc, region, types)
    return region.entity if region is not None else None


# titles only Indonesia's regions have
_INDONESIAN_TITLE_RE = re.compile(r"(?i)(?:wakil\s+)?(?:bupati|wali\s?kota|gubernur|wabup|wawali|wagub|wako)\b")

MUNICIPALITIES = {"beijing", "shanghai", "tianjin", "chongqing"}  # provinces that have a mayor


def holders_country(doc, title, pos, limit) -> str | None:
    """Whose official a title with no place names: Indonesia's for an Indonesian title ("Bupati"), else the
    country the holder's name says ("Vice Mayor Tan Weiguo": China's; "Mayor Hendra Saputra": Indonesia's)."""
    if _INDONESIAN_TITLE_RE.fullmatch(title):
        return "indonesia"
    pos = NAME_GAP_RE.match(doc.text, pos, limit).end()
    skip = HONORIFIC_RE.match(doc.text, pos, limit)
    name = NAME_RE.match(doc.text, skip.end() if skip else pos, limit)
    if name is None:
        return None
    words = name.group().split()
    chinese = 2 <= len(words) <= 3 and words[0] in CHINESE_SURNAMES and all(w[1:].islower() for w in words)
    return "china" if chinese else "indonesia"


def region_of_country(doc, country, types):
    """The one region of ``types`` in ``country`` the article names, if it names only one there: "Mayor Name"
    in a story about Sawahlunto and Zigong is Sawahlunto's mayor when Name is Indonesian (a mayor's, a
    municipality's too when no city is named there: "Vice Mayor Gu Xinrong" in a story about Shanghai)."""
    if country is None:
        return None
    found = set()
    for m in doc.mentions:
        m = m if "|" not in m.entity else _settled_by_title(doc, m)
        if m is not None and doc.entity_type(m.entity) in types and doc.names.in_country(m.entity, country):
            found.add(m.entity)
    if not found and "City" in types:
        found = {m.entity for m in doc.mentions if m.entity in MUNICIPALITIES}
    return found.pop() if len(found) == 1 else None


def _settled_by_title(doc, mention):
    """A name two regions share, settled by the title just before it: "Bupati Pasuruan" is the regency."""
    for title in TITLE_RE.finditer(doc.text, max(0, mention.start - 40), mention.start):
        region_class = TITLE_ROLE[title.group("title").lower()][1]
        if not doc.text[title.end():mention.start].strip() and region_class in COMPATIBLE:
            return of_class(doc, mention, COMPATIBLE[region_class])
    return None


def municipality_at(doc, pos):
    """A municipality named at ``pos``: a province with a mayor ("Wakil Wali Kota Shanghai, Name")."""
    found = doc.mention_at(pos, {"Province"})
    return found if found is not None and found.entity in MUNICIPALITIES else None


def delegation_origin(doc, low, title_start, types):
    """The place of a title with none after it, said by the delegation it leads: "A delegation from Manado,
    led by Mayor Frans Wowor" -> Manado."""
    for m in reversed(doc.mentions.starting(low, title_start)):
        if _LED_BY_RE.match(doc.text[m.end:title_start]) and _LED_FROM_RE.search(doc.text[low:m.start]):
            region = of_class(doc, m, types)
            return region.entity if region is not None else None
    return None


# "Vice Mayor Lin Guorong, who headed Fuqing's delegation": the title's place, said by the delegation after the name
_HEADED_DELEGATION_RE = re.compile(r"\s*(?:[A-Z][a-z'’-]+\s+){0,3}[A-Z][a-z'’-]+,\s+(?:who|yang)\s+(?:also\s+)?"
                                   r"(?:headed|heads|led|leads|is leading|was leading|memimpin)\s+(?:the\s+)?")
_DELEGATION_AFTER_RE = re.compile(r"(?:['’]s\s+|\s+)(?:[\w-]+\s+){0,2}?(?:delegation|delegasi|rombongan)\b")


def delegation_led_after(doc, pos, limit, types):
    """The place of a title with none after it, said by the delegation its holder is then said to lead."""
    led = _HEADED_DELEGATION_RE.match(doc.text, pos, limit)
    region = doc.mention_at(led.end(), types) if led else None
    if region is None or "|" in region.entity or not _DELEGATION_AFTER_RE.match(doc.text, region.end, limit):
        return None
    return region.entity


_COMMA_RE = re.compile(r"\s*,\s*")
_RANK_GAP_RE = re.compile(r"(?:(?:Daerah|Otonom|Provinsi|Prefektur|Kota|Kabupaten|Autonomous|Region)\s+){0,2}")
_REGION_TAIL_RE = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,2}\s*,")


def larger_region_end(doc, pos, limit):
    """Past the larger regions set off by commas after a post's place: "Wakil Wali Kota Liuzhou, Daerah
    Otonom Guangxi Zhuang, Qin Lei" and "Wakil Wali Kota Wuzhou, Daerah Otonom Guangxi Zhuang, Tiongkok, Liang
    Jiahao" -> where the name starts; else ``pos``."""
    past = pos
    while True:
        comma = _COMMA_RE.match(doc.text, past, limit) if past == pos else re.compile(r"\s*").match(doc.text, past)
        if comma is None:
            return past
        for m in doc.mentions.starting(comma.end(), comma.end() + 15):
            if "|" not in m.entity and doc.entity_type(m.entity) in REGION_TYPES \
                    and _RANK_GAP_RE.fullmatch(doc.text, comma.end(), m.start):  # not "H. Muhammad Ali Ridho"'s Ali
                tail = _REGION_TAIL_RE.match(doc.text, m.end, limit)
                if tail:
                    past = tail.end()
                    break
        else:
            return past
        if not tail:
            return past



def of_class(doc, mention, types):
    """The mention as an entity of ``types``; an ambiguous name ("Sorong") settled by the title's kind."""
    if "|" not in mention.entity and doc.entity_type(mention.entity) in types:
        return mention
    # "Yogyakarta Deputy Mayor": the name read as the province is also the city's, and the title says which
    options = [e for e in mention.entity.split("|") if doc.names.types.get(e) in types] or \
        sorted(doc.names.resolve(mention.text.strip(), types))
    if len(options) != 1:
        return None
    return type(mention)(mention.start, mention.end, options[0], doc.names.types[options[0]], mention.text)

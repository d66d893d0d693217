"""Sectors: the fields an agreement covers or a visit discusses ("pariwisata", "UMKM", "smart city").

Keywords are looked for in a fact's own sentences, and in cooperation sentences just after
them that refer back ("kerja sama ini", "the two cities").
"""
from __future__ import annotations

import re

from graph.extract.vocabulary import (AGREEMENTS, COOPERATION_RE, DISCUSSION_RE, EXPO_RE, FOCUS_SPEECH_RE,
                                      NOT_SECTOR_RE, REFERS_BACK_RE, REGION_TYPES, SECTOR_RE)


_PATTERNS = [*SECTOR_RE, ("", NOT_SECTOR_RE)]  # ("": words that name no field, claimed so no sector takes them)


def sectors(text: str) -> list[str]:
    """Sector notations named in ``text``, in order; a longer keyword wins over one inside it."""
    taken = [False] * len(text)
    found = []
    spans = []
    for notation, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            spans.append((-(match.end() - match.start()), match.start(), match.end(), notation))
    for _, start, end, notation in sorted(spans):
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        if notation:
            found.append((start, notation))
    return list(dict.fromkeys(n for _, n in sorted(found)))


def direct_speech(sentence: str) -> bool:
    """A speaker's own words ("“Binzhou memiliki …,” kata Qu"): opinions, not what was agreed or discussed;
    unless they say what the cooperation will cover ("“Kerja sama awal akan kami fokuskan pada …”")."""
    return sentence.lstrip().startswith(("“", '"', "‘")) and not FOCUS_SPEECH_RE.search(sentence)


_TIES = ("SisterCityRelationship", "SisterProvinceRelationship")
_AGREEMENT_CLASSES = {class_name for _, class_name, _ in AGREEMENTS}
_PLACES_BACK_RE = re.compile(r"(?i)\b(?:kedua|dua) (?:kota|daerah|kabupaten|provinsi|wilayah)\b|"
                             r"\b(?:the|both) (?:two )?(?:cities|regions|provinces|places)\b")


def _between_regions(doc, fact) -> bool:
    return fact["type"] not in _AGREEMENT_CLASSES or all(doc.entity_type(p) in REGION_TYPES
                                                            for p in fact.get("party", []))


def _without_bodies(doc, sentence) -> str:
    """The sentence with the names of the chambers in it blanked: "Kamar Dagang dan Industri" names a chamber, not
    a field the sides discussed."""
    text = sentence.text
    for m in doc.mentions.within(sentence.start, sentence.start + len(text)):
        if doc.entity_type(m.entity) == "BusinessAssociation":
            start, end = m.start - sentence.start, m.end - sentence.start
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def attach_sectors(doc, anchors, event, agreements):
    """Add ``sector`` (and the sentence as a quote) to the facts that ``anchors`` tie to sentences."""
    by_sentence: dict[int, list[dict]] = {}
    for i, fact in anchors:
        by_sentence.setdefault(i, []).append(fact)
    for index, sentence in enumerate(doc.sentences):
        found = sectors(_without_bodies(doc, sentence))
        if not found:
            continue
        own = list(by_sentence.get(index, []))
        if not own and COOPERATION_RE.search(sentence.text) and REFERS_BACK_RE.search(sentence.text) \
                and not sentence.text.lstrip().startswith(("“", '"')):
            before = [i for i in (index - 1, index - 2) if i in by_sentence]
            own = list(by_sentence[before[0]]) if before else []
            if _PLACES_BACK_RE.search(sentence.text):
                own = [f for f in own if _between_regions(doc, f)]  # "kedua kota": not the colleges' MoU
        if not own and event is not None and not agreements and not direct_speech(sentence.text) and \
                (COOPERATION_RE.search(sentence.text) or DISCUSSION_RE.search(sentence.text)
                 or (event["type"] == "Expo" and EXPO_RE.search(sentence.text))):
            # what a visit's article says is discussed or offered; what an expo is said to bring together
            own = [event]
        signed = [a for a in agreements if a["type"] not in _TIES]
        if len(signed) > 1 and _PLACES_BACK_RE.search(sentence.text):
            # "kerja sama kedua kota …" when the cities and two colleges each signed: the cities' agreement
            signed = [a for a in signed if _between_regions(doc, a)]
        if not own and len(signed) == 1 and not direct_speech(sentence.text) and \
                (COOPERATION_RE.search(sentence.text) or DISCUSSION_RE.search(sentence.text)):
            own = signed  # an article about one agreement: what its cooperation will cover
        for fact in own:
            named = fact.setdefault("sector", [])
            named.extend(s for s in found if s not in named)
            if sentence.text not in fact["quote"]:
                fact["quote"].append(sentence.text)
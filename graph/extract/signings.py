"""Signings: who signed an agreement, where and when, and the ceremony as an event of its own."""
from __future__ import annotations

import re

from graph.extract.dates import dates
from graph.extract.people import named_before, named_by_surname
from graph.extract.title_places import region_of_country
from graph.extract.vocabulary import FAR_FROM_RE, IN_RE, LIES_IN_RE, LOCAL_REGIONS, NOT_NAMES, WITNESS_RE


# the story's town said by its kind, where it was signed: "signed at the regency's Likupang tourism office"
_AT_ITS_RE = re.compile(r"\b(?:at|in) the (regency|city)['’]s\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:[a-z]+\s+){0,2}"
                        r"(?:[Oo]ffice|[Hh]all|[Bb]uilding)\b")


# a place after a building's name: "di Gedung Daerah Balai Raya Semarak, Kota Bengkulu", "at the Jayapura city hall"
AT_VENUE_RE = re.compile(r"\b(?:di|at|in)\s+(?:the\s+)?(?:[A-Z][\w'’]*,?\s+){0,6}\Z")


# a mission's town: "the consulate general in Makassar", "Konsulat Jenderal Tiongkok di Makassar"
_MISSION_TOWN_RE = re.compile(r"(?i)\b(?:consulate|konsulat|embassy|kedutaan|consul|konsul|konjen|kjri|kbri)\b"
                              r"[^,.;]{0,40}\b(?:di|in|at)\s+\Z")


# the sides an agreement is between, said again without their names
BOTH_SIDES_RE = re.compile(r"(?i)\b(?:kedua (?:daerah|kota|kabupaten|provinsi|pemerintah|pemda|pihak|belah pihak|"
                            r"rumah sakit|universitas|kampus|perguruan tinggi|lembaga|institusi|sekolah)|"
                            r"(?:the two|both) (?:cities|regions|sides|governments|provinces|regencies|hospitals|"
                            r"universities|colleges|institutes|institutions|schools))\b")


# a signing at a distance: "signed online", "by video link", "secara daring", "melalui konferensi video"
_REMOTE_RE = re.compile(r"(?i)\b(?:online|video ?(?:link|conference|call)|virtual(?:ly)?|daring|"
                        r"konferensi video|telekonferensi|teleconference)\b")


def more_precise(new: str, old: str | None) -> bool:
    return old is None or (new.startswith(old) and len(new) > len(old))


# a signing done at the event the story is about: "Dalam kesempatan itu dilakukan penandatanganan …", "During the
# visit, the two sides signed …"
_ON_THAT_OCCASION_RE = re.compile(r"(?i)\s*(?:(?:dalam|pada|di) kesempatan (?:itu|tersebut|yang sama)|"
                                  r"(?:dalam|pada) (?:pertemuan|kunjungan|audiensi|acara) (?:itu|tersebut)|"
                                  r"(?:on|at) the (?:same )?occasion|"
                                  r"during (?:the|their|this|that) (?:visit|meeting|talks))\b")


def signed_in(doc, fact, sentence, signing, person_of_post):
    """A sentence that says how the agreement was signed: who, where, when; it is also the
    quote of the signing ceremony (see signing_events)."""
    signing_of(doc, fact, sentence, signing, person_of_post)
    if _ON_THAT_OCCASION_RE.match(sentence.text):
        fact["_at_event"] = True  # "Dalam kesempatan itu dilakukan penandatanganan …": at the story's event
    found = dates(doc, sentence.start, sentence.end)
    if found and more_precise(found[0].value, fact.get("signedOn")):
        fact["signedOn"], fact["_weekday"] = found[0].value, found[0].weekday
    fact.setdefault("_signing", [])
    if sentence.text not in fact["_signing"]:
        fact["_signing"].append(sentence.text)


def signing_events(doc, agreements) -> list[dict]:
    """The ceremony at which each agreement was signed, as an event of its own: where, when, who."""
    events = []
    for fact in agreements:
        if not fact.get("_signing") or not fact.get("id") or not (fact.get("signedAt") or fact.get("signatory")
                                                                  or fact.get("_at_event")):
            continue  # a signing named in passing, with neither place nor signatories, is no event of its own
            # (one done "on that occasion" is at the story's event, which says where and when)
        event = {"id": doc.new_id(f"signing-{fact['id']}", "Signing"), "type": "Signing",
                 "quote": list(fact["_signing"]), "_sentence": fact["_sentence"], "_agreement": fact}
        event["label"] = {"id": f"Penandatanganan {fact['label']['id']}", "en": f"Signing of the {fact['label']['en']}"}
        if "signedAt" in fact:
            event["location"] = fact["signedAt"]
        if "signedOn" in fact:
            event["date"] = fact["signedOn"]
            if fact.get("_weekday"):
                event["statedWeekday"] = fact["_weekday"]
        if "signatory" in fact:
            event["participant"] = fact["signatory"] if isinstance(fact["signatory"], list) else [fact["signatory"]]
        events.append(event)
    return events


def signing_of(doc, fact, sentence, signing, person_of_post):
    """Who signed and where, from a sentence with a signing verb."""
    people = [h for h, _ in person_of_post.get(sentence.start, [])]
    people += [m.entity for m in doc.in_span(sentence.start, sentence.end, {"Person"})]
    witnessed = WITNESS_RE.search(sentence.text)
    cut = sentence.start + witnessed.start() if witnessed else sentence.end
    by_one_name = set()  # (each named before the witnesses: the scan stops there)
    for word in re.finditer(r"(?<![\w'’.-])[A-Z][a-z]{1,9}(?![\w'’-])", doc.text[sentence.start:cut]):
        # "Gu and Hendra …, acting governor of …, signed", "signed by Kong and …": a person named in full before
        at = sentence.start + word.start()
        if not doc.mentions.overlapping(at, at + len(word.group())) and word.group() not in NOT_NAMES:
            person = named_before(doc, word.group()) or named_by_surname(doc, word.group(), sentence.start)
            if person is not None and person not in people:
                people.append(person)
                by_one_name.add(person)
    people = list(dict.fromkeys(people))
    index = next((i for i, s in enumerate(doc.sentences) if s == sentence), 0)
    if not people and index and BOTH_SIDES_RE.search(sentence.text):
        # "A, Mayor of X, met B, Regent of Y. … the two sides signed": who spoke for each side, named just before
        held = list(dict.fromkeys((h, place) for h, place in person_of_post.get(doc.sentences[index - 1].start, [])
                                  if place in fact.get("party", [])))
        if len(held) == len(fact.get("party", [])) == len({place for _, place in held}):
            people = [h for h, _ in held]
    if witnessed:  # "X dan Y menandatangani …, disaksikan Z": who signed is named before the witnesses
        people = [p for p in people if p in by_one_name
                  or any(at < cut for at, holder, _ in doc.posts_at if holder == p)
                  or any(m.start < cut for m in doc.in_span(sentence.start, cut, {"Person"}) if m.entity == p)]
    if people and "signatory" not in fact:
        fact["signatory"] = people if len(people) > 1 else people[0]
    if _REMOTE_RE.search(sentence.text):
        fact["_remote"] = True  # each side signed in its own town: the agreement has no one place of signing
    after = signing.end() + sentence.start
    its = _AT_ITS_RE.search(doc.text, after, sentence.end)
    if its is not None and "signedAt" not in fact and not fact.get("_remote"):
        # "signed at the regency's Likupang tourism office": the story's one Indonesian regency
        town = region_of_country(doc, "indonesia", {its.group(1).capitalize()})
        if town is not None:
            fact["signedAt"] = town
    if "signedAt" not in fact and not fact.get("_remote"):
        # a town first; else a province ("di Hotel Graha Samudra, Jakarta": Jakarta is a province-level region), not
        # one the sentence names as where one of its towns lies ("with Tarakan, an island city in Indonesia's North
        # Kalimantan province")
        towns_in = {doc.names.located.get(m.entity) for m in doc.in_span(sentence.start, sentence.end, LOCAL_REGIONS)}
        place = _place_said(doc, sentence, after, LOCAL_REGIONS, set()) or \
            _place_said(doc, sentence, after, {"Province"}, towns_in)
        if place is not None:
            fact["signedAt"] = place


def _place_said(doc, sentence, after, types, lying_in):
    """The first region of ``types`` after the signing verb that the sentence says it happened in: "di Haikou", "in
    Sorong", "di Kantor Wali Kota Sorong", "at the Batam Mayor's Office". Not a consulate's or embassy's town, the
    town a distance is measured from ("… 55 km from Chengdu"), or one of ``lying_in`` (the provinces the sentence
    says its towns lie in: "with Sorong in Indonesia's Southwest Papua province")."""
    for m in doc.in_span(after, sentence.end, types):
        if _MISSION_TOWN_RE.search(doc.text, max(sentence.start, m.start - 70), m.start) or \
                FAR_FROM_RE.search(doc.text, max(sentence.start, m.start - 100), m.start) or m.entity in lying_in \
                or LIES_IN_RE.search(doc.text, max(sentence.start, m.start - 30), m.start):
            continue
        if IN_RE.search(doc.text[max(0, m.start - 4):m.start]) or \
                AT_VENUE_RE.search(doc.text, max(after, m.start - 60), m.start):
            return m.entity
    return None

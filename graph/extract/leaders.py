"""Who led a delegation, by the ways news says so, and the chamber or company the leader speaks for."""
from __future__ import annotations

import re

from graph.extract.people import named_before, person_at, person_named
from graph.extract.vocabulary import (CHINESE_SURNAMES, LEADER_AFTER_RE, LEADER_BEFORE_RE, LEADER_RE, REGION_TYPES,
                                      TITLE_RE, TITLE_WORDS)


def who_led(doc, sentence):
    """Who led the delegation, by the ways news says so: "Ketua rombongan, Name, …", "Name, selaku ketua
    rombongan", "Name memimpin delegasi", "dipimpin Wakil Wali Kota X Name", "led by Nanning Vice Mayor Name"."""
    named = _leader_named(doc, sentence)
    lead = LEADER_RE.search(sentence.text)
    if named is not None or lead is None:
        return named
    pos = sentence.start + lead.end()
    role = _ITS_ROLE_RE.match(doc.text, pos, sentence.end)
    if role is not None:  # "led by the hospital's president, Dr. Name", "led by its artistic director, Name"
        pos = role.end()
    bare = _BARE_TITLE_RE.match(doc.text, pos, sentence.end)
    if bare is not None:  # "a 9-member Kendari delegation led by the mayor": the one mayor the article names
        holders = {holder for at, holder, _ in doc.posts_at if at < pos and re.match(
            rf"(?:[\w'’.-]+\s+){{0,3}}?(?<!vice )(?<!deputy )(?<!wakil ){bare.group(1)}\b", doc.text[at:at + 60],
            re.IGNORECASE)}
        return holders.pop() if len(holders) == 1 else None
    titled = [holder for at, holder, _ in sorted(doc.posts_at) if pos <= at <= pos + 12]
    if titled:  # "dipimpin oleh Wakil Direktur Biro …, Name": the holder of the title read there
        return titled[0]
    before = doc.mention_at(pos, REGION_TYPES - {"Country"})  # "led by Nanning Vice Mayor …": the place first
    title = TITLE_RE.match(doc.text, before.end + 1 if before else pos)
    if title:
        pos = title.end()
        region = doc.mention_at(pos + 1, REGION_TYPES)
        pos = region.end if region else pos
    person = person_at(doc, pos, sentence.end)
    phrase = _TITLE_PHRASE_RE.match(doc.text, pos, sentence.end) if person is None else None
    if phrase and phrase.group(1) in TITLE_WORDS:
        # "dipimpin Wakil Rektor Bidang Kerja Sama Internasional JVTC, Prof. Name": a title the ontology has no
        # role for, then the name
        person = person_at(doc, phrase.end(), sentence.end)
        if person is not None and " " in doc.text[person[1]:person[2]]:
            return person[0]
        person = None
    if person is None and phrase is None:
        # "dipimpin oleh Kepala Staf Ahli Pemerintah Su Zhi Qiu": a title the ontology has no role for, closed by
        # a Chinese name with no comma between
        at = _chinese_name_closing(doc, sentence.start + lead.end(), sentence.end)
        person = person_at(doc, at, sentence.end) if at is not None else None
    if person is None:  # "dipimpin langsung oleh Yosua": the Yosua the article has named in full
        word = _ONE_NAME_RE.match(doc.text, pos, sentence.end)
        return named_before(doc, word.group(1)) if word else None
    return person[0]


_ONE_NAME_RE = re.compile(r"([A-Z][a-z'’-]+)\b(?!\s+[A-Z])")
_ITS_ROLE_RE = re.compile(r"(?:the|its|their)\s+(?:[a-z]+['’]s\s+)?(?:[a-z-]+\s+){0,2}(?:president|director|head|"
                          r"chairman|chairwoman|chairperson|leader|chief|rector|principal),\s+")
_BARE_TITLE_RE = re.compile(r"the (mayor|regent|governor|vice mayor|deputy mayor|vice governor|chairman|chairwoman)\b"
                            r"(?!\s+(?:of\b|[A-Z]))")
_TITLE_PHRASE_RE = re.compile(r"([A-Z][a-z]+)(?:\s+[\w&'’-]+){1,9}?,\s*")


_CAPITAL_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")


def _chinese_name_closing(doc, pos, end):
    """Where a Chinese name (surname, then one or two words) ends a run of capitalised words that opens with a
    title word; None if it does not."""
    run = _CAPITAL_RUN_RE.match(doc.text, pos, end)
    words = list(re.finditer(r"\S+", run.group())) if run else []
    if not words or words[0].group() not in TITLE_WORDS:
        return None
    for i in range(1, len(words)):
        rest = [w.group() for w in words[i:]]
        if rest[0] in CHINESE_SURNAMES and 2 <= len(rest) <= 3 and not TITLE_WORDS & set(rest):
            return run.start() + words[i].start()
    return None


# an official just named, then that they lead the delegation: "Wakil Wali Kota X, Name, yang memimpin delegasi
# tujuh orang", "Name, vice mayor of X, who heads a 25-member delegation", "Bupati X, Dr. H. Name, M.Si., memimpin
# rombongan" (degrees between the name and the verb)
_LEADS_RE = re.compile(r"(?:,?\s*(?:[A-Z][A-Za-z]{0,4}\.)+(?:[A-Z][A-Za-z]{1,4}\b\.?)?)*\s*,?\s*"
                       r"(?:(?:yang|who)\s+(?:(?:also|juga|datang|kini|now)\s+)*)?"
                       r"(?:memimpin|mengetuai|heads|headed|leads|led|is leading)\s+(?:[\w'’-]+\s+){0,4}?"
                       r"(?:delegasi|rombongan|delegation|team|group|mission|misi)\b")


def _leader_of_post(doc, sentence):
    """The holder of the post whose words end where the sentence says they lead the delegation; None if none."""
    for end, holder in sorted(doc.post_ends, reverse=True):
        if sentence.start < end <= sentence.end and _LEADS_RE.match(doc.text, end, sentence.end):
            return holder
    return None


def _leader_named(doc, sentence):
    holder = _leader_of_post(doc, sentence)
    if holder is not None:
        return holder
    after = LEADER_AFTER_RE.search(sentence.text)
    if after and not TITLE_RE.match(doc.text, sentence.start + after.end()):  # a title first: see who_led
        person = person_at(doc, sentence.start + after.end(), sentence.end)
        if person:
            return person[0]
    before = LEADER_BEFORE_RE.search(sentence.text)
    if before:
        return person_named(doc, before.group(1), sentence.start + before.start(1))
    return None


def leaders_body(doc, leader):
    """The chamber or company whose post (any, a deputy's too) the delegation's leader holds; None if not one."""
    bodies = {place for _, holder, place in doc.posts_at
              if holder == leader and doc.entity_type(place) in ("BusinessAssociation", "Company")}
    return bodies.pop() if len(bodies) == 1 else None

"""Several events of one trip: the visit of a delegation that came to an expo, the later legs of a visit (the
delegation moving on to another town on a later day), and a forum held on one day of its stay.
"""
from __future__ import annotations

import datetime as dt
import re

from graph.extract.agreements import short
from graph.extract.dates import MONTH, WEEKDAY, DateHit, dates
from graph.extract.events import FUTURE_RE, HOME_WORDS, STAYED_RE, event, name_visit
from graph.extract.organisers import settings
from graph.extract.vocabulary import LOCAL_REGIONS, REGION_TYPES


def mission_to_expo(doc, person_of_post, main):
    """The delegation's own visit in an article about an expo it travelled to ("misi dagang ke Kota Dongguan …
    Rombongan menghadiri pembukaan … Expo", "who heads a 25-member delegation" at a culture week): an event of its
    own, with a host and a guest from elsewhere. None when no delegation came, or the article's event is no expo."""
    if main is None or main["type"] != "Expo":
        return None
    held_in = main.get("location")
    came = event(doc, person_of_post, only="Visit",
                 held_in=held_in if doc.entity_type(held_in) in LOCAL_REGIONS else None)
    if came is None or came["type"] != "DelegationVisit" or not (came.get("host") and came.get("guest")):
        return None
    # led by the guest region's own official (a vice regent, a vice mayor): the region's visit. A delegation
    # headed by the director of an office came to the expo, and the expo is the article's one event
    if not any(holder == came.get("ledBy") and place == came["guest"] for _, holder, place in doc.posts_at):
        return None
    # and the article tells of the trip ("misi dagang ke …", "a visit") or of the hosts receiving it (the host
    # town's mayor opens the week with the delegation's head); a delegation said only to be at a fair came to
    # the fair, and the fair is the article's one event
    said = [doc.sentences[i] for i in came["_sentences"]]
    if not any(_TRIP_RE.search(s.text) and not FUTURE_RE.search(s.text) for s in said) and not any(
            place == came["host"] for s in said for _, place in person_of_post.get(s.start, [])):
        return None
    return came


_TRIP_RE = re.compile(r"(?i)\bmisi (?:dagang|bisnis)\b|\b(?:trade|business) mission\b|\bkunjungan\b|\bberkunjung\b|"
                      r"\bmengunjungi\b|\bvisit(?:s|ed|ing)?\b")


# the delegation going on to another place on a later day: "Dua hari kemudian, Rabu (16/9), rombongan bergeser ke
# Kabupaten Hepu", "On Thursday the delegation moved on to Wuxi"
_MOVED_ON_RE = re.compile(r"(?i)\b(?:bergeser|bertolak|berlanjut|melanjutkan (?:kunjungan|perjalanan)(?: kerja)?|"
                          r"moved on|went on|travell?ed on|continued(?: (?:on|its visit|their visit))?|headed on)\s+"
                          r"(?:ke|to)\s+$")

# a leg only planned, or the way home: "dijadwalkan melanjutkan perjalanan ke Singkawang", "sebelum bertolak ke …"
_PLANNED_RE = re.compile(FUTURE_RE.pattern + r"|(?i:\b(?:dijadwalkan|terjadwal|scheduled to|due to)\b)")
_BEFORE_RE = re.compile(r"(?i)\b(?:sebelum|before)\s+(?:\w+\s+){0,2}?\Z")


def next_legs(doc, person_of_post, visit) -> list[dict]:
    """The later legs of a delegation's trip, each a visit of its own to the place the delegation moved on to: the
    same guest and leader, the delegation's own people, whoever received it there, and that day."""
    if visit is None or visit["type"] != "DelegationVisit" or not visit.get("guest"):
        return []
    host = visit.get("host")
    legs, seen = [], {host, visit["guest"]}
    for i in range(visit["_sentence"] + 1, len(doc.sentences)):
        sentence = doc.sentences[i]
        for m in doc.in_span(sentence.start, sentence.end, LOCAL_REGIONS):
            if m.entity in seen or not _MOVED_ON_RE.search(doc.text, max(sentence.start, m.start - 45), m.start):
                continue
            hits = dates(doc, sentence.start, sentence.end)
            if not hits or (visit.get("date") and hits[0].value <= visit["date"]):
                continue  # a leg is told by its own, later day
            if _PLANNED_RE.search(sentence.text) or _BEFORE_RE.search(doc.text, sentence.start, m.start):
                continue  # "dijadwalkan melanjutkan perjalanan ke …", "… sebelum bertolak ke Makassar": not told
            seen.add(m.entity)
            received = [holder for holder, place in person_of_post.get(sentence.start, [])
                        if place == m.entity or doc.names.located.get(place) == m.entity]
            people = [p for p in visit.get("participant", []) if not speaks_for(doc, p, host)] + received
            leg = {"id": None, "type": "DelegationVisit", "host": m.entity, "guest": visit["guest"],
                   "location": m.entity, "date": hits[0].value, "quote": [sentence.text], "_sentence": i,
                   "_sentences": [i]}
            if hits[0].weekday:
                leg["statedWeekday"] = hits[0].weekday
            if visit.get("ledBy"):
                leg["ledBy"] = visit["ledBy"]
            if people:
                leg["participant"] = list(dict.fromkeys(people))
            parts = [short(visit["guest"]), short(m.entity), hits[0].value[:4]]
            leg["id"] = doc.new_id("-".join(["visit", *parts]), "DelegationVisit")
            names = {lang: "–".join(doc.label(x, lang) for x in (visit["guest"], m.entity)) for lang in ("id", "en")}
            leg["label"] = {"id": f"Kunjungan {names['id']} {hits[0].value}", "en": f"{names['en']} visit {hits[0].value}"}
            legs.append(leg)
    return legs


def speaks_for(doc, person, side) -> bool:
    """Whether a person holds a post in ``side`` (a region), its legislature or government, or a region in it."""
    return side is not None and any(holder == person and side in (place, doc.names.located.get(place),
                                                                  doc.names.seat.get(place), doc.seats.get(place))
                                    for _, holder, place in doc.posts_at)


def dated_by_expo(visit, expo) -> bool:
    """Whether a visit's only date is a day of the expo it went to: such a visit is left undated, as the gold
    reads it."""
    days = {expo.get(k) for k in ("date", "startDate", "endDate")} - {None}
    return any(visit.get(k) in days for k in ("date", "startDate"))


# a stay of some days: "selama sepekan", "selama tiga hari", "for a week", "a week-long programme"
_STAY_RE = re.compile(r"(?i)\bselama (?:sepekan|seminggu|(?:\w+ )?(?:hari|pekan|minggu))\b|"
                      r"\bfor (?:a|one|two|three|four|five|six|seven|ten|\d+) (?:days|weeks?)\b|\bweek-long\b|"
                      # "berada di Singkawang sejak Minggu (7/6)": there since that day
                      rf"\b(?:sejak|since)\s+(?:hari\s+)?(?:{WEEKDAY}|{MONTH}|\d{{1,2}}\s)")


def first_day_of_stay(doc, visit) -> None:
    """A visit said to last days ("tiba … untuk program … selama sepekan"), dated once: that day is its first."""
    if visit is not None and visit["type"] == "DelegationVisit" and visit.get("date") and any(
            _STAY_RE.search(doc.sentences[i].text) for i in visit["_sentences"]):
        visit["startDate"] = visit.pop("date")


# the delegation's stay, from one day to another: "The delegation is in Shenzhen from April 14 to 18", "Rombongan
# berada di Malang sejak 12 hingga 15 Mei", "Mereka berada di Kota Sukabumi pada Senin-Selasa (15-16/2/2027)",
# "The mission, led by Regent Name, was in Hengyang from Oct 9 to 13" (who led it said between commas)
_STAY_RANGE_RE = re.compile(r"(?i)(?:\b(?:delegation|delegates|group|mission|rombongan|delegasi|misi)\b|"
                            r"\A(?:mereka|they)\b)"
                            r"(?:,[^,.;]{0,80},)?[^.;]{0,40}?"
                            r"\b(?:is|was|are|were|will be|stays?|stayed|berada|ada|tinggal)\s+(?:in|di)\b")


def days_of_stay(doc, visit) -> None:
    """A visit dated by one day of it (the day the delegation met the mayor) whose stay the article gives from one
    day to another: those are its first and last days."""
    if visit is None or visit["type"] != "DelegationVisit" or visit.get("endDate"):
        return
    for sentence in doc.sentences:
        stay = _STAY_RANGE_RE.search(sentence.text)
        if stay is None or FUTURE_RE.search(sentence.text):
            continue
        ranges = [hit for hit in dates(doc, sentence.start + stay.end(), sentence.end) if hit.until]
        if len(ranges) == 1 and len(ranges[0].value) == 10:
            _dated_by_days(visit, ranges[0].value, ranges[0].until, ranges[0].weekday, sentence.text)
            return


# the delegation's last day, told on its own: "Delegasi Anshun berada di Sumbawa hingga Rabu (13/9)", "Rombongan
# dijadwalkan bertolak kembali ke Tiongkok, Rabu (20/9) pagi", "… is due to fly home on Thursday"
_LAST_DAY_RE = re.compile(r"(?i)\b(?:(?:berada|tinggal) di [\w' ]{2,40}? (?:hingga|sampai)|"
                          r"(?:stays?|stayed|remains?) in [\w' ]{2,40}? until|" + HOME_WORDS + "|"
                          r"(?:pulang|kembali) ke negaranya|heads home|"
                          r"bertolak kembali ke (?:Tiongkok|China|Indonesia|tanah air))\b")


def last_day_of_stay(doc, visit) -> None:
    """A visit dated by its first day (or one day) whose delegation's last day a sentence of its own tells: from
    that day to the last, up to two weeks on."""
    first = visit.get("startDate") or visit.get("date") if visit is not None else None
    if visit is None or visit["type"] != "DelegationVisit" or visit.get("endDate") or not first or len(first) != 10:
        return
    for sentence in doc.sentences:
        until = _LAST_DAY_RE.search(sentence.text)
        hits = dates(doc, sentence.start + until.end(), sentence.end) if until else []
        if not hits or len(hits[0].value) != 10 or hits[0].until:
            continue
        if 0 < (dt.date.fromisoformat(hits[0].value) - dt.date.fromisoformat(first)).days <= 14:
            _dated_by_days(visit, first, hits[0].value, visit.get("statedWeekday"), sentence.text)
            return


def _dated_by_days(visit, first, last, weekday, said) -> None:
    """The visit's first and last days in place of the one day it was dated by, and the sentence that says so."""
    for key in ("date", "statedWeekday"):
        visit.pop(key, None)
    visit["startDate"], visit["endDate"] = first, last
    if weekday:
        visit["statedWeekday"] = weekday
    if said not in visit["quote"]:
        visit["quote"].append(said)


# "a three-day working visit to the regency that began on Monday", "kunjungan kerja selama tiga hari sejak Senin (8/3)"
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "dua": 2, "tiga": 3, "empat": 4,
         "lima": 5, "enam": 6, "tujuh": 7}
_EN_COUNT = r"(two|three|four|five|six|seven|\d)"  # a number of days, as a group (the keys of _DAYS, or a digit)
_ID_COUNT = r"(dua|tiga|empat|lima|enam|tujuh|\d)"
_SPAN_RE = re.compile(rf"(?i)\b{_EN_COUNT}-day\s+(?:[a-z]+\s+){{0,2}}?(?:visit|trip|tour|mission)\b"
                      rf"|\bselama\s+{_ID_COUNT}\s+hari\b"
                      rf"|\bspent\s+{_EN_COUNT}\s+days\b")  # ("spent three days in X, arriving on")
_BEGAN_RE = re.compile(r"(?i)\b(?:began|begun|started|starting|beginning|which began|arriving|sejak|dimulai)\s+"
                       r"(?:on\s+)?\Z")


# ("… arrived in Magelang on Sunday for a three-day visit": the same)
_TO_BEGIN_RE = re.compile(r"(?i)\b(?:(?:begin|start|memulai)\s+(?:a|an|the|their|its)?|for\s+(?:a|an))\s*\Z")
_ARRIVED_BEFORE_RE = re.compile(r"(?i)\b(?:arrived|arrives|tiba)\b[^.;]*?\s(?:(?:on|pada)\s+)?\Z")


def days_of_span(doc, visit) -> None:
    """A visit said to last N days from a day ("a three-day working visit … that began on Monday"): that day is
    its first, and the last is N - 1 days on."""
    if visit is None or visit["type"] != "DelegationVisit" or visit.get("endDate"):
        return
    for sentence in doc.sentences:
        span = _SPAN_RE.search(sentence.text)
        if span is None or FUTURE_RE.search(sentence.text):
            continue
        days = _day_count(span)
        first = [hit for hit in dates(doc, sentence.start + span.start(), sentence.end) if len(hit.value) == 10
                 and _BEGAN_RE.search(doc.text, max(sentence.start, hit.start - 30), hit.start)]
        if not first and _TO_BEGIN_RE.search(doc.text, max(sentence.start, sentence.start + span.start() - 40),
                                             sentence.start + span.start()):
            # "… arrived in X on Wednesday to sign … and begin a three-day tour": the day they arrived
            first = [hit for hit in dates(doc, sentence.start, sentence.start + span.start()) if len(hit.value) == 10
                     and _ARRIVED_BEFORE_RE.search(doc.text, max(sentence.start, hit.start - 60), hit.start)]
        if len(first) == 1 and days > 1:
            start = dt.date.fromisoformat(first[0].value)
            _dated_by_days(visit, start.isoformat(), (start + dt.timedelta(days=days - 1)).isoformat(),
                           first[0].weekday, sentence.text)
            return
    ended = _ended_span(doc)
    if ended is not None:  # "wrapped up a four-day visit to Hezhou on Friday"
        _dated_by_days(visit, ended[0].value, ended[1].value, None, ended[2])


# the delegation's stay, from the day it arrived to the day it stays until: "Rombongan Qujing tiba di Lamongan Rabu
# (6/10/27) malam dan berada di Lamongan hingga Sabtu (9/10/27)", "The group arrived on Monday and stays until …"
_ARRIVED_RE = re.compile(r"(?i)\b(?:tiba|datang|arrived|arrives)\b")
_UNTIL_RE = re.compile(r"(?i)\b(?:hingga|sampai|until|till|through)\s+(?:hari\s+)?\Z")
# the day the delegation leaves: "arrived on Monday (Oct 7) and will leave on Friday (Oct 11)", "… kembali ke
# Tiongkok melalui Jakarta, Sabtu (22/4)"
_LEAVES_RE = re.compile(r"(?i)\b(?:leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|" + HOME_WORDS + r")\b[^.;]{0,30}\Z")


# the stay told by its end: "wrapped up a four-day visit to Hezhou on Friday", "mengakhiri kunjungan tiga hari … Jumat"
_ENDED_SPAN_RE = re.compile(r"(?i)\b(?:wrapped up|ended|concluded|completed|rounded off|mengakhiri|menutup)\s+"
                            rf"(?:a|an|their|its|the)?\s*(?:{_EN_COUNT}-day\s+(?:[a-z]+\s+){{0,2}}?"
                            r"(?:visit|trip|tour|mission)|(?:rangkaian\s+)?kunjungan(?:\s+kerja)?\s+(?:selama\s+)?"
                            rf"{_ID_COUNT}\s+hari)\b")


def _day_count(match) -> int:
    """The number of days a match of _SPAN_RE or _ENDED_SPAN_RE says (its one group that matched)."""
    words = next(group for group in match.groups() if group).lower()
    return int(words) if words.isdigit() else _DAYS[words]


def _ended_span(doc) -> tuple[DateHit, DateHit, str] | None:
    """(first day, last day, sentence) of a stay told by its end and length: "wrapped up a four-day visit … on
    Friday"."""
    for sentence in doc.sentences:
        ended = _ENDED_SPAN_RE.search(sentence.text)
        hits = [h for h in dates(doc, sentence.start + ended.end(), sentence.end) if len(h.value) == 10 and not
                h.until] if ended else []
        if hits and not FUTURE_RE.search(sentence.text, 0, ended.start()):
            days = _day_count(ended)
            first = dt.date.fromisoformat(hits[0].value) - dt.timedelta(days=days - 1)
            return DateHit(hits[0].start, hits[0].end, first.isoformat(), None), hits[0], sentence.text
    return None


def stay_around_meeting(doc, meeting) -> dict | None:
    """The delegation's visit, when the story is about a forum or meeting held for it and tells its stay of days
    around the meeting's day: a visit of its own, with the meeting's sides, leader, people and sectors."""
    if meeting is None or meeting["type"] != "Meeting" or not (meeting.get("host") and meeting.get("guest")) \
            or not meeting.get("date"):
        return None
    ended = _ended_span(doc)
    for index, sentence in enumerate(doc.sentences):
        arrived = _ARRIVED_RE.search(sentence.text) or STAYED_RE.search(sentence.text)
        if ended is not None and sentence.text == ended[2]:
            first, last = ended[:2]
        elif arrived is None or FUTURE_RE.search(sentence.text, 0, arrived.start()):
            continue  # (one still to come; not "arrived on Monday and will leave on Friday")
        else:
            hits = [h for h in dates(doc, sentence.start + arrived.end(), sentence.end) if len(h.value) == 10]
            first = hits[0] if hits else None
            last = next((h for h in hits[1:] if _UNTIL_RE.search(doc.text, max(sentence.start, h.start - 20), h.start)
                         or _LEAVES_RE.search(doc.text, max(sentence.start, h.start - 60), h.start)), None)
            if first is not None and first.until:  # "Delegasi berada di X Rabu-Kamis (10-11/3/2027)"
                last = DateHit(first.start, first.end, first.until, None)
        if first is None or last is None or not first.value <= meeting["date"] <= last.value \
                or first.value == last.value:
            continue  # (a stay that does not take in the meeting's day is another trip)
        visit = {"id": None, "type": "DelegationVisit", "quote": [sentence.text], "_sentence": meeting["_sentence"],
                 "_sentences": [index]}
        for key in ("host", "guest", "ledBy", "location"):
            if meeting.get(key):
                visit[key] = meeting[key]
        if doc.entity_type(visit["host"]) not in REGION_TYPES and visit.get("location"):
            visit["host"] = visit["location"]  # a forum an office held: the delegation came to its town
        visit["startDate"], visit["endDate"] = first.value, last.value
        if first.weekday:
            visit["statedWeekday"] = first.weekday
        for key in ("participant", "sector"):
            if meeting.get(key):
                visit[key] = list(meeting[key])
        name_visit(doc, visit)
        return visit
    return None


# a forum the visiting delegation took part in on one day of its stay: "Sehari sebelumnya, Selasa (9/7), delegasi
# mengikuti Temu Bisnis Teh … yang digelar Pemkab Kerinci", "… rangkaian dari Forum Bisnis Bulungan-Yulin yang
# diselenggarakan Pemkab Bulungan …, Kamis (12/7)"
_FORUM_OF_VISIT_RE = re.compile(r"(?i)\b(?:forum (?:bisnis|investasi)|temu (?:bisnis|usaha)|business forum|"
                                r"investment forum|business matching)\b")


def forum_during_visit(doc, visit) -> dict | None:
    """The forum held on one day of a delegation's stay of days, told in a sentence of its own: a Meeting of the
    visit's sides on that day, where the visit was, organised by whoever held it (the host too: "digelar Pemkab
    X"). None when the visit is no stay of days, or no such sentence dates one forum inside it."""
    if visit is None or visit["type"] != "DelegationVisit" or not (visit.get("host") and visit.get("guest")) \
            or not (visit.get("startDate") and visit.get("endDate")):
        return None
    for index, sentence in enumerate(doc.sentences):
        found = _FORUM_OF_VISIT_RE.search(sentence.text)
        if found is None or _PLANNED_RE.search(sentence.text):
            continue
        at = sentence.start + found.start()
        if any(doc.entity_type(m.entity) not in REGION_TYPES for m in doc.mentions.overlapping(at, at + 5)):
            continue  # an organisation called a forum ("Forum Bisnis Bali Fujian" as a body)
        hits = [h for h in dates(doc, sentence.start, sentence.end) if len(h.value) == 10 and not h.until]
        if len(hits) != 1 or not visit["startDate"] < hits[0].value <= visit["endDate"]:
            continue  # (the day the delegation arrived is the visit's)
        meeting = {"id": None, "type": "Meeting", "host": visit["host"], "guest": visit["guest"],
                   "date": hits[0].value, "quote": [sentence.text], "_sentence": index, "_sentences": [index]}
        if hits[0].weekday:
            meeting["statedWeekday"] = hits[0].weekday
        if visit.get("location"):
            meeting["location"] = visit["location"]
        held_by = [e for key, named, said in settings(doc) if key == "organiser" and said == sentence.text
                   for e in named]
        if held_by:
            meeting["organiser"] = list(dict.fromkeys(held_by))
        name_visit(doc, meeting)
        return meeting
    return None

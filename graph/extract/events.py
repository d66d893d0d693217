"""The event an article is about: a delegation visit, a meeting or an expo, with host, guest,
who led it, where and when.
"""
from __future__ import annotations

import datetime as dt
import re

from graph.extract.agreements import short
from graph.extract.dates import DateHit, dates
from graph.extract.doc import slug
from graph.extract.organisations import org_phrase
from graph.extract.leaders import leaders_body, who_led
from graph.extract.vocabulary import (DELEGATION_RE, EXPO_NAME_RE, EXPO_RE, GUEST_AFTER_RE, GUEST_RE, HOST_RE, IN_RE,
                                      LEADER_AFTER_RE, LIES_IN_RE, LOCAL_REGIONS, MEETING_RE, MEETING_VERB_RE,
                                      RECEIVE_RE, RECEIVED_BY_RE, REGION_TYPES, SET_OUT_RE, SIGN_RE, VISIT_RE,
                                      VISIT_VERB_RE, WEEKDAY_NOTATION)

_MISSION_BEFORE_RE = re.compile(r"(?:Consul(?:-| )?General|Konsul(?: Jenderal)?|Konjen|Ambassador|Duta Besar|"
                                r"Consulate(?:-| )?General|Konsulat(?: Jenderal)?)\b[^,.;]*\s+(?:in|di)\s+$")


def event(doc, person_of_post, agreements=(), only=None, held_in=None):
    """The article's event, or None; ``agreements`` are the article's (a delegation that came to sign one).
    ``only="Expo"`` reads only the expo an article about a visit goes on to (see ``named_expo``); ``only="Visit"``
    only the visit of a delegation to an expo held in ``held_in`` (see ``mission_to_expo``)."""
    visit = [i for i, s in enumerate(doc.sentences) if VISIT_RE.search(s.text)] if only != "Expo" else []
    meeting = [i for i, s in enumerate(doc.sentences) if MEETING_RE.search(s.text)] if only != "Expo" else []
    expo = [i for i, s in enumerate(doc.sentences) if EXPO_RE.search(s.text)]
    indexes = sorted(set(visit) | set(meeting))
    type_name = "DelegationVisit" if visit else "Meeting"
    if visit and meeting and indexes[0] in meeting:
        # "menggelar pertemuan dengan delegasi …", "met with a delegation": a meeting; "A delegation from
        # X met …", "menerima kunjungan …": a visit
        first = doc.sentences[indexes[0]].text
        met, came = MEETING_VERB_RE.search(first), DELEGATION_RE.search(first)
        stay = any(hit.until for i in visit for hit in dates(doc, doc.sentences[i].start, doc.sentences[i].end))
        if met and not VISIT_VERB_RE.search(first) and (came is None or met.start() < came.start()) and not stay:
            type_name = "Meeting"  # (unless the delegation's stay of days is told: "is visiting X from 13 to 16")
    forums = [i for i in meeting if _forum_held(doc, doc.sentences[i])] if visit else []
    if forums:
        type_name = "Meeting"  # a forum held for a delegation is a meeting, whoever travelled to it
    festival_only = all(not EXPO_RE.search(_FESTIVAL_RE.sub("", doc.sentences[i].text)) for i in expo)
    if expo and (len(expo) > len(visit) or len(expo) == len(visit) and not festival_only) and only != "Visit":
        # an article about an expo (a troupe that came to open a festival, said no more often, made a visit)
        indexes, type_name = expo, "Expo"
    if not indexes:
        return None
    fact = {"id": None, "type": type_name, "quote": [], "_sentence": indexes[0], "_sentences": indexes}
    host = guest = leader = location = date = weekday = until = None
    stayed = False  # the date read first is the delegation's stay ("berada di X selama dua hari, Rabu-Kamis")
    participants, visited = [], []
    sides_at = None  # the sentence that first named the host or the guest
    for i in indexes:
        sentence = doc.sentences[i]
        # a later sentence about a visit to come ("during a return visit by a Guilin delegation to Madiun next
        # year") names no side of this one
        planned = i != indexes[0] and FUTURE_RE.search(sentence.text)
        for m in doc.in_span(sentence.start, sentence.end):
            kind = doc.entity_type(m.entity)
            before = doc.text[max(sentence.start, m.start - 90):m.start]  # ("a 16-member group of … from")
            after = doc.text[m.end:m.end + 40]
            if not planned and (kind in REGION_TYPES - {"Country", "Island"}
                                or kind not in REGION_TYPES | {"Person", "Company"}):
                if guest is None and kind != "Person" and (GUEST_RE.search(before) or
                                                           GUEST_AFTER_RE.match(after)) \
                        and not (kind == "Province" and _TOWN_IN_RE.match(after)) and not SET_OUT_RE.search(before):
                    # ("a delegation from the West Sumatra city": the province says where the town lies)
                    guest = m.entity
                    town = doc.mention_at(m.end + 2, LOCAL_REGIONS) if kind == "Province" and \
                        doc.text.startswith(", ", m.end) else None
                    if town is not None and "|" not in town.entity:
                        guest = town.entity  # "delegasi Pemerintah Provinsi Hunan, Kota Changde": the city
                elif host is None and (HOST_RE.search(before) or i == indexes[0] and SET_OUT_RE.search(before)) \
                        and (kind in REGION_TYPES or m.entity in doc.names.seat or m.entity in doc.seats) \
                        and not _BOOTH_AFTER_RE.match(after):
                    # a region, or its legislature or government: "visited the Banten Provincial Legislature"
                    host = m.entity
                    visitor = _visitor(doc, sentence.start, m.start, host)
                    if guest is None and visitor is not None:
                        # "Konsul Jenderal … di Makassar, Lin, melakukan kunjungan kerja ke …": Lin led it
                        guest, leader = visitor[0], leader or visitor[1]
                elif location is None and kind in REGION_TYPES and IN_RE.search(before[-4:]) and \
                        not FUTURE_RE.search(before) and not LIES_IN_RE.search(before) and \
                        (sides_at is None or i == sides_at) and not \
                        _MISSION_BEFORE_RE.search(doc.text, max(sentence.start, m.start - 90), m.start):
                    # "Consul General in Denpasar", "Consulate General of the People's Republic of China in Medan":
                    # the mission's town. A place named further on is where the visitors went next ("Keesokan
                    # harinya, … di Ternate") or what someone said ("investors in Morowali")
                    location = m.entity
            if kind == "Company" and type_name == "DelegationVisit":
                visited.append(m.entity)
            if kind == "Person" or (kind not in REGION_TYPES and kind != "Company" and _ATTENDED_BY_RE.search(
                    doc.text, max(sentence.start, m.start - 40), m.start)):
                # an office or chamber named in passing is no participant; one said to attend is ("dihadiri
                # pengurus Forum Bisnis …")
                participants.append(m.entity)
        for holder, place in person_of_post.get(sentence.start, []):
            participants.append(holder)
        if sides_at is None and (host or guest):
            sides_at = i
        leader = leader or who_led(doc, sentence)
        receive = RECEIVE_RE.search(sentence.text) or (
            _HELD_FORUM_RE.search(sentence.text) if _OFFICE_FIRST_RE.match(sentence.text) else None)
        if receive and host is not None and doc.entity_type(host) in REGION_TYPES:
            # "Ketua DPRD X, Name, menerima kunjungan … yang berkunjung ke X": the legislature that received
            # them is the host, not its region
            receivers = [place for at, _, place in sorted(doc.posts_at)
                         if sentence.start <= at < sentence.start + receive.start()]
            if receivers and doc.entity_type(receivers[0]) == "Legislature" and \
                    (doc.names.seat.get(receivers[0]) or doc.seats.get(receivers[0])) == host:
                location, host = location or host, receivers[0]
        if receive and host is None:
            # who received them: the subject, or whoever "was received by" names (not the visitors' own leader)
            passive = RECEIVED_BY_RE.search(sentence.text)
            cut = sentence.start + passive.end() if passive else sentence.start
            hosts = [place for at, _, place in sorted(doc.posts_at) if cut <= at < sentence.end and place != guest]
            subject = [m for m in doc.in_span(sentence.start, sentence.start + receive.start())
                       if doc.entity_type(m.entity) not in ("Person", "Country")]
            # "Dinas Perdagangan Kabupaten X menggelar temu bisnis …": an office named whole before the verb
            opening = len("The ") if sentence.text.startswith("The ") else 0  # ("The Madiun Trade Office held …")
            held = org_phrase(doc, sentence.start + opening, sentence.start + receive.start(), "") \
                if not hosts and _OFFICE_FIRST_RE.match(sentence.text) else None
            if hosts:
                host = hosts[0]
            elif held is not None and re.fullmatch(r"\s*", doc.text[held[1]:sentence.start + receive.start()]):
                host = held[0]
            elif subject:
                host = subject[0].entity
        if date is None:
            hits = dates(doc, sentence.start, sentence.end)
            if hits:
                date, weekday, until = hits[0].value, hits[0].weekday, hits[0].until
                fact["_arrived"] = _ARRIVED_RE.search(doc.text, sentence.start, hits[0].start) is not None
                stayed = STAYED_RE.search(doc.text, sentence.start, hits[0].start) is not None
                if until is None and fact["_arrived"]:
                    until = _went_home(doc, hits)
        elif until is None and type_name == "DelegationVisit":
            # the day of its talks first, the delegation's stay later: "… is visiting Luzhou from Sept 13th to 16th"
            hits = dates(doc, sentence.start, sentence.end)
            stay = next((hit for hit in hits if hit.until and hit.value <= date <= hit.until), None)
            arrived = _ARRIVED_RE.search(doc.text, sentence.start, hits[0].start) if hits and not stay else None
            home = _went_home(doc, hits) if arrived else None
            if stay is not None:
                date, weekday, until = stay.value, stay.weekday, stay.until
            elif home is not None and hits[0].value <= date <= home:
                # "… arrived in Kubu Raya on Monday and is scheduled to leave for Pontianak on Thursday"
                date, weekday, until = hits[0].value, hits[0].weekday, home
        if sentence.text not in fact["quote"]:
            fact["quote"].append(sentence.text)
    forum_day, said = next(((hits[0], doc.sentences[i]) for i in forums
                            for hits in [dates(doc, doc.sentences[i].start, doc.sentences[i].end)] if hits),
                           (None, None))
    if type_name == "Meeting" and forum_day is not None and forum_day.value != date and (
            until is None or fact["_arrived"] or stayed):
        # the forum's own day, not the delegation's arrival told before it: "arrived on Monday (Oct 7) …. On
        # Wednesday (Oct 9), the businesspeople met … at a business matching session" (and not the stay: "arrived on
        # Monday and will stay until Thursday"; but not a span of days the meeting took: "met buyers … last Thursday
        # and Friday. … the business meeting on Friday")
        date, weekday, until = forum_day.value, forum_day.weekday, forum_day.until
        fact["_arrived"] = False
        if said.text not in fact["quote"]:
            fact["quote"].append(said.text)
    if leader is None and type_name in ("DelegationVisit", "Meeting"):
        # "The Shantou group was led by Name, …" in a sentence of its own, which names neither visit nor meeting
        leader = next((found for found in (who_led(doc, x) for x in doc.sentences
                                           if LEADER_AFTER_RE.search(x.text)) if found), None)
    if leader is None and type_name == "Expo" and only is None:
        # "Delegasi Guangdong dipimpin …" in an article about an expo (not the visit's leader at an expo it went to)
        # ("The Meranti group is led by Vice Regent Name and includes Head of … Name": its members took part)
        led = next(((x, found) for x, found in ((x, who_led(doc, x)) for x in doc.sentences
                                                if DELEGATION_RE.search(x.text) or LEADER_AFTER_RE.search(x.text))
                    if found), (None, None))
        leader = led[1]
        if leader is not None:
            participants.append(leader)
            participants.extend(holder for holder, _ in person_of_post.get(led[0].start, []))
    if leader is None and type_name in ("DelegationVisit", "Meeting"):
        leader = _with_his_delegation(doc, indexes)
    body = leaders_body(doc, leader) if type_name in ("DelegationVisit", "Meeting") else None
    if body is not None and (guest is None or type_name == "Meeting"):
        # a business delegation led by an officer of its chamber or company: that body came ("Rombongan dipimpin
        # Wakil Ketua Kamar Dagang Kota Yueyang, …" at a business meeting; a company's vice president director)
        guest = body
    first = indexes[0]
    if date is None:  # a dateline in the same paragraph: "… Kota Binzhou. Selasa (22/09/25)"
        paragraph = doc.sentences[first].paragraph
        for s in doc.sentences:
            hits = dates(doc, s.start, s.end) if s.paragraph == paragraph else []
            if hits:
                date, weekday = hits[0].value, hits[0].weekday
                fact["quote"].append(doc.text[hits[0].start:hits[0].end])
                break
    if date is None:  # the date is often in the sentence just before: "Pada 5 September 2025, …"
        for j in range(first - 1, max(-1, first - 3), -1):
            hits = dates(doc, doc.sentences[j].start, doc.sentences[j].end)
            if hits and doc.sentences[j].paragraph >= doc.sentences[first].paragraph - 1:
                date, weekday = hits[-1].value, hits[-1].weekday
                fact["quote"].insert(0, doc.text[hits[-1].start:hits[-1].end])
                break
    if host is None and guest is None and type_name in ("DelegationVisit", "Meeting"):
        guest, host, came = _who_met(doc, [doc.sentences[i] for i in indexes])
        leader = leader or came
    if host is None and guest is None and leader is not None and type_name in ("DelegationVisit", "Meeting"):
        # "Ordos Vice Mayor X, who headed the delegation, and East Sumba Regent Y both addressed the forum": the
        # region of whoever led the delegation came; the one other region an official speaks for received it
        places = {place for i in indexes for _, place in person_of_post.get(doc.sentences[i].start, [])
                  if doc.entity_type(place) in REGION_TYPES - {"Country"}}
        came_from = {place for at, holder, place in doc.posts_at if holder == leader and place in places}
        if len(came_from) == 1 and len(places - came_from) == 1:
            guest, host = next(iter(came_from)), next(iter(places - came_from))
    came = [i for i in indexes if DELEGATION_RE.search(doc.sentences[i].text)
            and not FUTURE_RE.search(doc.sentences[i].text)]
    if type_name == "DelegationVisit" and not (host and guest) and came:
        # "The Indonesian delegation, led by …" in an article about an agreement signed in Dalian: the side
        # whose town it was signed in received the other
        sides = _signing_sides(doc, agreements, host, guest)
        if sides is not None:
            host, guest, signed_at = sides
            if location is None or (location != host and doc.names.located.get(location) != host):
                location = signed_at
    if type_name == "DelegationVisit" and host is None and guest is None and leader is not None and came:
        # "Yang led a 12-member delegation that arrived on Monday" in an article about the MoU he signed: the
        # region of the leader's post came, and the other party, where it was signed, received it
        came_from = {place for _, holder, place in doc.posts_at
                     if holder == leader and doc.entity_type(place) in REGION_TYPES - {"Country"}}
        sides = _signing_sides(doc, agreements, None, next(iter(came_from))) if len(came_from) == 1 else None
        if sides is not None:
            host, guest, signed_at = sides
            location = location or signed_at
    if host is None and guest is not None and type_name in ("DelegationVisit", "Meeting"):
        # "They were received at the regent's office by Merauke acting regent X": whoever received the
        # visitors, in any sentence, speaks for the host
        received = _receiver(doc, person_of_post, guest)
        if received is not None:
            host, sentence = received
            leader = leader or who_led(doc, sentence)
            participants.extend(holder for holder, _ in person_of_post.get(sentence.start, []))
            if sentence.text not in fact["quote"]:
                fact["quote"].append(sentence.text)
    if host is None and guest is not None and type_name in ("DelegationVisit", "Meeting"):
        # "Aceh Vice Governor X met with a delegation from Yunnan": the other side's post is the host's
        sides = {place for i in indexes for _, place in person_of_post.get(doc.sentences[i].start, [])
                 if doc.entity_type(place) in REGION_TYPES - {"Country"} and place != guest
                 and doc.names.located.get(place) != guest}
        if len(sides) == 1:
            host = sides.pop()
    if host is None and guest is not None and type_name in ("DelegationVisit", "Meeting"):
        host = _stayed_in(doc, indexes, guest)  # "Delegasi Biro Pendidikan X … berada di Mataram selama tiga hari"
    if host is None and held_in is not None and guest != held_in:
        host = held_in  # "Rombongan dipimpin …" of a delegation to an expo: the expo's town received it
    if location is not None and host is not None and doc.names.located.get(host) == location:
        location = host  # "in Wuxi, Jiangsu province": the town, not its province
    if host is None and location is not None and location != guest and type_name != "Expo":
        host = location  # an expo is held somewhere, not hosted by it
    if location is None and host is not None and doc.entity_type(host) in LOCAL_REGIONS:
        location = host  # a visit to a city or regency takes place there
    if guest is None and host is not None and type_name in ("DelegationVisit", "Meeting"):
        # the visitors' posts tell where they come from: "… dihadiri Wakil Wali Kota Binzhou Qu Yuekuan"
        # (a region, its legislature or government, or a mission: an office's head travels with a delegation,
        # not as one)
        others = {place for i in indexes for _, place in person_of_post.get(doc.sentences[i].start, [])
                  if (doc.entity_type(place) in REGION_TYPES - {"Country"} | {"Consulate", "Embassy"}
                      or place in doc.names.seat or place in doc.seats) and place != host
                  and doc.names.jurisdiction.get(host) != place and doc.names.jurisdiction.get(place) != host}
        if len(others) == 1:
            guest = others.pop()
    if guest is None and host is not None and leader is not None and type_name in ("DelegationVisit", "Meeting"):
        # "Yayan is leading a 10-member delegation that arrived in Wuhu": the region whose official leads it came
        came_from = {place for _, holder, place in doc.posts_at if holder == leader and place != host
                     and (doc.entity_type(place) in REGION_TYPES - {"Country"} or place in doc.names.seat
                          or place in doc.seats)
                     and doc.names.located.get(place) != host and doc.names.located.get(host) != place}
        if len(came_from) == 1:
            guest = came_from.pop()
    if host is not None and doc.entity_type(host) in REGION_TYPES and type_name in ("DelegationVisit", "Meeting"):
        # "rombongan diterima Wakil Ketua … Kongres Rakyat Kota Beihai, Name": the town's legislature received them
        houses = {place for i in indexes if RECEIVED_BY_RE.search(doc.sentences[i].text)
                  for _, place in person_of_post.get(doc.sentences[i].start, [])
                  if doc.entity_type(place) == "Legislature"
                  and (doc.names.seat.get(place) or doc.seats.get(place)) == host}
        if len(houses) == 1:
            host = houses.pop()
    if location is not None and location == guest and host not in (None, guest) and type_name == "DelegationVisit":
        # "… discussed investment in fish processing in Maluku": the visitors' home, not where the visit was
        location = host if doc.entity_type(host) in LOCAL_REGIONS else None
    name = None
    if type_name == "Expo":
        for i in indexes:
            found = EXPO_NAME_RE.search(doc.sentences[i].text)
            if found and len(found.group(1).split()) >= 2:
                name = re.sub(r"\AThe\s+", "", " ".join(found.group().split()))  # (a sentence's first word)
                break
    elif host is None and guest is None:
        return None
    start, end = (date, until) if until else (None, None)
    date = None if until else date
    if type_name == "Expo" and location is None and name is not None:
        # named for its town: "the Guangzhou International Food Ingredients Fair"
        town = [m for m in doc.in_span(0, len(doc.text), LOCAL_REGIONS) if doc.text.startswith(name, m.start)]
        location = town[0].entity if town else None
    if type_name == "Expo" and not until:
        # (and the sentence after one, when it names the event again: "The event, which runs until Sunday …")
        again = [i + 1 for i in indexes if i + 1 < len(doc.sentences) and i + 1 not in indexes
                 and _EVENT_AGAIN_RE.match(doc.sentences[i + 1].text)]
        opened, closed = _opening_and_closing(doc, [doc.sentences[i] for i in sorted({*indexes, *again})])
        if opened or closed:  # "dibuka Rabu (20/8) … hingga Sabtu (23/8)", "ditutup pada Sabtu (23/8)"
            start, end, date = opened and opened.value, closed and closed.value, None
            weekday = opened.weekday if opened else None
    for key, value in (("host", host), ("guest", guest), ("ledBy", leader), ("location", location),
                       ("date", date), ("startDate", start), ("endDate", end), ("statedWeekday", weekday)):
        if value is not None:
            fact[key] = value
    if leader is not None:  # who led the visitors was there
        participants.append(leader)
    participants = [p for p in dict.fromkeys(participants) if p not in (host, guest)]
    if participants:
        fact["participant"] = participants
    visited = [v for v in dict.fromkeys(visited) if v != guest]  # the company that came visited no one of itself
    if visited:
        fact["visited"] = visited
    if type_name == "Expo":
        year = (start or date or "")[:4]
        base = slug(name) if name else "-".join(["expo", *([year] if year else [])])
        fact["id"] = doc.new_id(base if not year or year in base else f"{base}-{year}", type_name)
        fact["label"] = name or {"id": "Pameran", "en": "Expo"}
        return fact
    name_visit(doc, fact)
    return fact


def name_visit(doc, fact):
    """A visit's or meeting's id and label, by its guest, host and first day."""
    guest, host, type_name = fact.get("guest"), fact.get("host"), fact["type"]
    date = fact.get("date") or fact.get("startDate")
    prefix = "visit" if type_name == "DelegationVisit" else "meeting"
    parts = [short(x) for x in (guest, host) if x]
    fact["id"] = doc.new_id("-".join([prefix, *parts] + ([date[:4]] if date else [])), type_name)
    names = {lang: "–".join(doc.label(x, lang) for x in (guest, host) if x) for lang in ("id", "en")}
    word = {"DelegationVisit": ("Kunjungan", "visit"), "Meeting": ("Pertemuan", "meeting")}[type_name]
    fact["label"] = {"id": f"{word[0]} {names['id']}", "en": f"{names['en']} {word[1]}"}
    if date:
        fact["label"] = {k: f"{v} {date}" for k, v in fact["label"].items()}


def host_by_organiser(doc, visit, expo=None) -> None:
    """A visit whose host the article never names, organised by one town's own office or chamber ("organized by
    the Belitung Tourism and Culture Office"), or made to a fair held in one town (``expo``): that town received
    the visitors, and it took place there."""
    if visit is None or visit["type"] not in ("DelegationVisit", "Meeting") or visit.get("host"):
        return
    towns = {doc.body_town(body) for body in visit.get("organiser", [])} - {None, visit.get("guest")}
    if not towns and expo is not None and doc.entity_type(expo.get("location")) in LOCAL_REGIONS:
        towns = {expo["location"]} - {visit.get("guest")}
    if len(towns) == 1:
        visit["host"] = towns.pop()
        visit.setdefault("location", visit["host"])
        name_visit(doc, visit)


def dated_by_signing(doc, visit, agreements) -> bool:
    """Whether a delegation visit's date is only the day an agreement was signed: no sentence of the visit's
    own (one that is not about the signing) gives it. Such a visit is left undated, as the gold reads it."""
    signed = {a.get("signedOn") for a in agreements if a.get("signedOn")}
    if visit["type"] != "DelegationVisit" or visit.get("date") not in signed:
        return False
    own = [doc.sentences[i] for i in visit["_sentences"] if not SIGN_RE.search(doc.sentences[i].text)]
    return not any(hit.value == visit["date"] for s in own for hit in dates(doc, s.start, s.end))


def named_expo(doc, person_of_post, main):
    """A named expo the visitors go on to in an article about a visit or meeting ("Dua hari kemudian, … menghadiri
    pembukaan Lhasa Highland Tourism Expo 2026"): an event of its own. None when it is unnamed (an expo
    mentioned in passing) or the article's event is the expo."""
    if main is None or main["type"] == "Expo":
        return None
    expo = event(doc, person_of_post, only="Expo")
    return expo if expo is not None and expo_of_its_own(expo) else None


def expo_of_its_own(expo) -> bool:
    """Whether an expo is an event of its own, not one mentioned in passing: named, or opening and closing on days
    of its own ("opened … on Wednesday (June 24) and runs until Sunday")."""
    return isinstance(expo["label"], str) or bool(expo.get("startDate"))


_OPENED_RE = re.compile(r"(?i)\b(?:membuka|dibuka|dimulai|pembukaan|opened|opens|open|opening|began|begins|"
                        r"kicked off)\b")
_CLOSED_RE = re.compile(r"(?i)\b(?:ditutup|menutup|berakhir|hingga|sampai|until|through|closed|closes|ends|ended)\b")


def _opening_and_closing(doc, sentences):
    """The first day and the last an expo's sentences name, by the verb before each date: (hit, hit), either None."""
    opened = closed = None
    for sentence in sentences:
        for hit in dates(doc, sentence.start, sentence.end):
            if hit.until and closed is None and (opened is None or opened.value == hit.value):
                # "opened on Thursday …. The fair runs from August 5th to 8th": its days, from the first to the last
                opened, closed = opened or hit, DateHit(hit.start, hit.end, hit.until, None)
                continue
            before = doc.text[sentence.start:hit.start]
            verbs = [(m.start(), "open") for m in _OPENED_RE.finditer(before)]
            verbs += [(m.start(), "close") for m in _CLOSED_RE.finditer(before)]
            if not verbs:
                continue
            if max(verbs)[1] == "open" and opened is None:
                opened = hit
            elif max(verbs)[1] == "close" and closed is None:
                closed = hit
                earlier = [h for h in dates(doc, sentence.start, hit.start) if len(h.value) == 10]
                if opened is None and earlier and earlier[-1].value < hit.value:
                    opened = earlier[-1]  # "Rabu (10/6) … menghadiri pembukaan … hingga Jumat (12/6)"
    return opened, closed


# the delegation going home: "… before flying home", "sebelum kembali ke tanah air"
HOME_WORDS = (r"fl(?:y|ying|ew|ies) (?:home|back)|return(?:ing|ed|s)? home|head(?:ing|ed)? home|"
              r"(?:pulang|kembali) ke (?:tanah air|Indonesia|Tiongkok|China)|bertolak pulang")
# the last day of a trip: "… before flying home on Thursday", "sebelum kembali ke tanah air, Kamis (16/4)"
# ("kembali ke Tiongkok melalui Jakarta, Kamis (6/6)": by way of a town)
_HOME_RE = re.compile(r"(?i)\b(?:" + HOME_WORDS + r")\b(?:\s+(?:melalui|lewat|via)\s+[A-Z][\w'’-]*)?[^.;]{0,12}\Z|"
                      # "… and is scheduled to leave for Pontianak on Thursday"
                      r"\b(?:(?:leav(?:e|es|ing)|depart(?:s|ed|ing)?|left) for|(?:bertolak|berangkat|terbang) ke)\s+"
                      r"(?:[A-Z][\w'’-]*,?\s+){1,3}\Z|"
                      # "tiba … Rabu (6/10/27) malam dan berada di Lamongan hingga Sabtu (9/10/27)"
                      r"\b(?:berada|tinggal|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?)\b[^.;]{0,40}?"
                      r"\b(?:hingga|sampai|until|till|through)\s+\Z")


def _went_home(doc, hits):
    """The day the delegation that arrived on ``hits[0]`` went home, said after it in the same sentence; or None."""
    for hit in hits[1:]:
        if not _HOME_RE.search(doc.text, hits[0].end, hit.start) or len(hits[0].value) != 10:
            continue
        if hit.value > hits[0].value:
            return hit.value
        if hit.weekday and len(hit.value) == 10:
            # "arrived … on Monday and is scheduled to leave … on Thursday": a weekday alone read back from the
            # publication day is the first such day after the arrival
            arrival = dt.date.fromisoformat(hits[0].value)
            ahead = (WEEKDAY_NOTATION.index(hit.weekday) - arrival.weekday()) % 7 or 7
            return (arrival + dt.timedelta(days=ahead)).isoformat()
    return None


# a sentence that opens with an office or chamber as its subject
_OFFICE_FIRST_RE = re.compile(r"(?:Dinas|Badan|Kantor|Biro|Kamar Dagang|Kadin|Perkumpulan|Asosiasi|Himpunan)\b|"
                              r"(?:The\s+)?(?:[A-Z][\w'’-]*\s+){1,5}(?:Office|Bureau|Chamber|Department|Agency|"
                              r"Association)\b")
# an office that held a forum received its guests: "The Madiun Trade Office held a business forum for …" (not "A
# delegation … held talks with …")
_HELD_FORUM_RE = re.compile(r"\b(?:held|organi[sz]ed) an? (?:business )?(?:forum|meeting)\b")
_TOWN_IN_RE = re.compile(r"\s+(?:city|town|regency|county)\b")
# a region's stand at a fair, not the region: "later visited the Karanganyar booth" (Indonesian puts the stand
# first, "mengunjungi stan Karanganyar", which HOST_RE does not read as a visit to the town)
_BOOTH_AFTER_RE = re.compile(r"(?i)\s+(?:booth|stand|stall|pavilion)\b")
_EVENT_AGAIN_RE = re.compile(r"(?:The|This) (?:event|week|festival|fair|show)\b|(?:Acara|Kegiatan|Pameran|Festival) "
                             r"(?:itu|ini|tersebut)\b")
_ARRIVED_RE = re.compile(r"(?i)\b(?:arrived|arrives|tiba)\b")
# the delegation's stay, told as such: "Rombongan Pemerintah Kota X, Provinsi Y, Tiongkok, berada di Z selama dua hari"
STAYED_RE = re.compile(r"(?i)\b(?:delegasi|rombongan|delegation|group)\b[^.;]{0,60}?\b(?:berada di|is in|was in|"
                       r"stays? in|stayed in)\b")
# a forum held, not one in an organisation's name ("Forum Bisnis Bali Fujian")
_FORUM_RE = re.compile(r"\b[Ff]orum\b(?!\s+[A-Z])|\b[Tt]emu (?:bisnis|usaha)\b|\bbusiness (?:meeting|matching)\b|"
                       # one named, said to be held: "digelar Forum Bisnis Batu Permata X-Y di Hotel …"
                       r"(?:(?<=digelar )|(?<=diadakan )|(?<=dihelat )|(?<=held the ))Forum\b")


def _stayed_in(doc, indexes, guest) -> str | None:
    """The town or regency the delegation is said to stay in, in one of the event's sentences."""
    for i in indexes:
        sentence = doc.sentences[i]
        for found in STAYED_RE.finditer(sentence.text):
            town = doc.mention_at(sentence.start + found.end() + 1, LOCAL_REGIONS)
            if town is not None and town.entity != guest and "|" not in town.entity:
                return town.entity
    return None


def _forum_held(doc, sentence) -> bool:
    """A forum or business meeting held, not an organisation called a forum ("the … Coastal Cities Forum")."""
    return any(not [m for m in doc.mentions.overlapping(sentence.start + f.start(), sentence.start + f.end())
                    if doc.entity_type(m.entity) not in REGION_TYPES]
               for f in _FORUM_RE.finditer(sentence.text))


_ATTENDED_BY_RE = re.compile(r"(?i)\b(?:dihadiri|attended by)(?:\s+oleh)?(?:\s+[a-z]+){0,2}\s+(?:the\s+)?\Z")
_FESTIVAL_RE = re.compile(r"\b[Ff]estival\b")
# a visit still to come: "would bring a delegation … later this year", "akan mengirim rombongan"
FUTURE_RE = re.compile(r"(?i)\b(?:akan|would|will|plans? to|berencana|rencana(?:nya)?|next year|tahun depan)\b")


def _visitor(doc, low, high, host):
    """(side, official) of the official named just before the visit to ``host``, the side a region, its legislature
    or government, or a mission (a post of another kind says nothing of who came); None if there is none."""
    before = [(at, place, holder) for at, holder, place in doc.posts_at if low <= at < high]
    if not before:
        return None
    _, place, holder = max(before)
    if (doc.entity_type(place) in REGION_TYPES - {"Country"} | {"Consulate", "Embassy"} or place in doc.names.seat
            or place in doc.seats) and place != host and doc.names.located.get(place) != host \
            and doc.names.jurisdiction.get(place) != host:
        return place, holder
    return None


def _signing_sides(doc, agreements, host, guest):
    """(host, guest, place) of a delegation come to sign an agreement between two sides, one of which it was
    signed in (or in a region of); None when no agreement says so, or it contradicts the sides already read."""
    found = set()
    for fact in agreements:
        at, parties = fact.get("signedAt"), fact.get("party", [])
        towns = [p for p in parties if p != guest and doc.names.located.get(p) in parties]
        if guest in parties and len(parties) == 3 and len(towns) == 1:
            parties = [towns[0], guest]  # a province signing beside its town with the visitors: the town received them
        if at is None and guest in parties and len(parties) == 2:
            # signed at a building the text names alone ("di Griya Agung"): with the side the delegation came to
            at = next(p for p in parties if p != guest)
        if at is None or len(parties) != 2:
            continue
        home = [p for p in parties if p == at or doc.names.located.get(at) == p]
        if len(home) != 1:
            continue
        other = next(p for p in parties if p != home[0])
        if host not in (None, home[0]) or guest not in (None, other):
            continue
        found.add((home[0], other, at))
    return found.pop() if len(found) == 1 else None


def _receiver(doc, person_of_post, guest):
    """(the host, the sentence) where an official of a region other than the guest's receives the visitors:
    "X menerima …", "They were received … by Regent X", "Rombongan disambut Bupati X"; else None."""
    for sentence in doc.sentences:
        if not (RECEIVE_RE.search(sentence.text) or RECEIVED_BY_RE.search(sentence.text)):
            continue
        for _, place in person_of_post.get(sentence.start, []):
            if doc.entity_type(place) in REGION_TYPES - {"Country"} and place != guest \
                    and doc.names.located.get(place) != guest and doc.names.located.get(guest) != place:
                return place, sentence
    return None


def _who_met(doc, sentences):
    """(guest, host, the guest's person) of "China's Consul General in Denpasar, Zhao Lin, met the speaker of the
    NTB legislature, …" / "Konjen … bertemu Ketua DPRD …": two officials, one on each side of the verb; the one
    named first came to the other. (None, None, None) when a sentence does not say so."""
    for sentence in sentences:
        verb = MEETING_VERB_RE.search(sentence.text)
        if verb is None:
            continue
        at = sentence.start + verb.start()
        before = [(h, p) for pos, h, p in doc.posts_at if sentence.start <= pos < at]
        after = [(h, p) for pos, h, p in doc.posts_at if at < pos < sentence.end]
        if before and after and before[-1][1] != after[0][1] and \
                all(doc.entity_type(p) not in ("Person", "Country", "?") for _, p in (before[-1], after[0])):
            if _AND_DELEGATION_RE.search(doc.text, at, sentence.end):
                return after[0][1], before[-1][1], after[0][0]  # "A met with B, Regent of Y, and his delegation"
            return before[-1][1], after[0][1], before[-1][0]
    return None, None, None


def _with_his_delegation(doc, indexes):
    """Who came "and his delegation": the last official named before it ("… met with Name, Regent of X, Central
    Java Province, Indonesia, and his delegation"), or None."""
    for i in indexes:
        sentence = doc.sentences[i]
        found = _AND_OWN_DELEGATION_RE.search(sentence.text)
        if found is not None:
            holders = [holder for at, holder, _ in sorted(doc.posts_at)
                       if sentence.start <= at < sentence.start + found.start()]
            if holders:
                return holders[-1]
    return None


# … one's own ("bersama delegasi Kota Y" is someone else's)
_AND_OWN_DELEGATION_RE = re.compile(r"(?i),?\s+(?:and|dan|beserta|bersama)\s+(?:(?:his|her|their)\s+delegation|"
                                    r"delegasinya|rombongannya)\b|,?\s+beserta\s+rombongan\b")
# the one met came with a delegation: "… met with Name, Regent of X, and his delegation", "… beserta rombongan"
_AND_DELEGATION_RE = re.compile(r"(?i),?\s+(?:and|dan|beserta|bersama)\s+(?:his|her|their)?\s*(?:delegation|"
                                r"delegasi(?:nya)?|rombongan(?:nya)?)\b")

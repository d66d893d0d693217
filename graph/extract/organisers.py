"""Who organised an event, with whom, and the building it was held in.

"diselenggarakan oleh Disperindag Jatim", "organised by the Semarang City Government's
cooperation bureau", "bekerja sama dengan KBRI", "difasilitasi Konsulat Jenderal Tiongkok di
Medan", "in partnership with …"; venues: "di Balai Kota Medan", "at the Batam Mayor's Office".
"""
from __future__ import annotations

import re

from graph.extract.organisations import (GOVERNMENT_AFTER_RE, ITS_REGION_RE, diplomatic_mission,
                                         office_of_the_story_town, org_phrase)
from graph.extract.people import Held, person_at, person_named
from graph.extract.doc import slug
from graph.extract.vocabulary import DEMONYMS, LOCAL_REGIONS, NOT_NAMES, ORG_HEADS_LAST, REGION_TYPES, SIGN_RE, TITLE_WORDS, org_type

ORGANISER_RE = re.compile(r"\b(?:(?:diselenggarakan|digelar|diadakan|dihelat|dilaksanakan|diinisiasi|digagas|"
                          r"diprakarsai)(?:\s+oleh)?|"
                          r"terselenggara (?:berkat|atas) (?:kerja ?sama|fasilitasi|dukungan)"
                          r"(?: (?:\w+ )?pihak,? (?:yakni|yaitu))?|"  # ("atas kerja sama tiga pihak, yakni A, B, dan C")
                          r"(?:organi[sz]ed|co-organi[sz]ed|hosted|convened|initiated)\s+by|"
                          # "digelar atas prakarsa X", "an initiative of X", "at the initiative of X"
                          r"atas (?:prakarsa|inisiatif|inisiasi)|(?:an|the) initiative of)\s+(?:the\s+)?")
PARTNER_RE = re.compile(r"\b(?:bekerja ?sama dengan|berkolaborasi dengan|bermitra dengan|"
                        r"didukung(?:\s+oleh)?|in (?:partnership|cooperation|collaboration) with|"
                        r"supported by|backed by|sponsored by|with (?:the )?support (?:of|from)|"
                        r"dengan (?:dukungan|pendampingan|sokongan)(?: dari)?|"
                        r"(?:put|organi[sz]ed) together with|"
                        r"(?:disiapkan|disusun|digarap) bersama|"
                        # "… with the X Association (XA) as its local partner", "dengan X sebagai mitra lokal"
                        r"(?:with|dengan)(?=\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+|(?:of|and|dan|for)\s+){1,10}"
                        r"(?:\([A-Z][A-Za-z0-9]{1,14}\)\s+)?(?:as (?:its|the|a) (?:local |main )?partner|"
                        r"sebagai mitra)\b))\s+(?:the\s+)?")
# who made the event possible: a partner, unless it is a government office (the one that runs such events for its
# region: "Kegiatan itu difasilitasi Dinas Pertanian …", "The visit was arranged by the Lishui … Office") or names
# a partner of its own ("difasilitasi X bekerja sama dengan Y")
FACILITATED_RE = re.compile(r"\b(?:(?:difasilitasi|dijembatani|dimediasi)(?:\s+oleh)?|(?:facilitated|arranged|brokered)"
                            r"\s+by)\s+(?:the\s+)?")
_AND_RE = re.compile(r"\s*(?:,\s*)?(?:dan|and|serta|&|together with|bersama(?: dengan)?)\s+(?:the\s+)?|"
                     r"\s*,\s+(?:the\s+)?(?=[A-Z])")  # ("yakni A, B, dan C": a list's commas too)
# (the country said by its people: "the Indonesian Consulate General in Shanghai")
_CONSULATE_RE = re.compile(r"(?P<people>(?:Indonesian|Chinese)\s+)?(?:Konsulat Jenderal|Konjen|Consulate[- ]General|"
                           r"Konsulat|Consulate)\s+(?:of\s+)?")
_EMBASSY_RE = re.compile(r"(?P<people>(?:Indonesian|Chinese)\s+)?(?:Kedutaan Besar|Kedubes|Embassy)\s+(?:of\s+)?")
VENUE_RE = re.compile(
    r"\b(?:[Dd]i|[Aa]t|[Ii]n)\s+(?:the\s+)?("
    # Indonesian: the kind of building first, maybe in lower case and with a lower-case word or two after it
    # ("di ruang rapat pimpinan DPRD NTB"), then its capitalised name
    r"(?:(?i:Balai Kota|Kantor|Gedung|Hotel|Pendopo|Pendapa|Aula|Ruang|Rumah Dinas)|Puspem|Graha|Griya|Wisma|Istana|"
    # (up to eight words: "Ruang Sidang Lantai II Kantor Wali Kota Bitung"; a weekday after it is the date)
    r"Pusat Pemerintahan|Pusat Pameran|Kawasan Industri|Taman Budaya|Grand City|Convention|Balai)"
    r"(?:\s+(?!di\b)[a-z]+){0,2}"  # ("di ruang kerjanya di Kantor Bupati X": the building)
    # ("Aula Lantai 5 RSPC": a floor's number inside the name)
    r"(?:\s+(?:and\s+|dan\s+)?(?!(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b)(?:[A-Z][\w'’-]*|\d{1,2}(?=\s+[A-Z]))){1,8}"
    r"(?:\s+(?:hall|building|complex))?"
    # English: the name first, maybe an official's possessive, the kind of building last ("the Meuligoe
    # governor's residence", "the Wuxi Municipal Government building", "the regent's office in Bungku")
    r"|(?:[A-Z][\w'’-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){0,5}(?:(?i:governor|mayor|regent)['’]s\s+(?:official\s+)?|"
    # "the regency's Likupang tourism office": the story's town, then the building's own name and kind
    r"(?:regency|city|province)['’]s\s+(?:[A-Z][\w'’-]*\s+){0,2}(?:[a-z]+\s+){0,2}(?=[Oo]ffice|[Hh]all|[Bb]uilding))?"
    r"(?:City Hall|[Oo]ffice|[Hh]all|[Bb]uilding|Centre|Center|[Rr]esidence|Hotel|Convention Center|Ballroom|Park)(?:\s+in\s+[A-Z][\w'’-]*|"
    r"\s+of\s+the(?:\s+[A-Z][\w'’-]*){1,4}|(?:\s+[A-Z][\w'’-]*){0,2}))")  # "the Horas Ballroom of the X Hotel"


def organisations_after(doc, pos, limit) -> list[str]:
    """The organisations (or regions' governments) named from ``pos`` on: one, or a list joined by "dan"/"and"."""
    found, comma = [], False
    while True:
        entity, end = _one(doc, pos, limit)
        if entity is None or comma and doc.entity_type(entity) in REGION_TYPES:
            return found  # ("Pemerintah Kota Nantong, Provinsi Jiangsu": where the city lies, not a second body)
        found.append(entity)
        more = _AND_RE.match(doc.text, end, limit)
        if more is None:
            return found
        pos, comma = more.end(), not re.search(r"[a-z&]", more.group())


_POSSESSIVE_RE = re.compile(r"['’]s\s+[a-z]")
_POSSESSIVE_S_RE = re.compile(r"['’]s\b")
_GOVERNMENT_RE = re.compile(r"(?:Pemerintah|Pemprov|Pemkot|Pemkab)\s+(?:(?=(?:Provinsi|Kota|Kabupaten)\s)|)")


def _one(doc, pos, limit):
    its = ITS_REGION_RE.match(doc.text, pos, limit)
    if its is not None:  # "the regency's Investment and One-Stop Service Office (DPMPTSP)"
        return office_of_the_story_town(doc, its, limit) or (None, pos)
    government = _GOVERNMENT_RE.match(doc.text, pos, limit)
    if government:  # "Pemerintah Provinsi Jawa Timur" organises as the province itself, as a party does
        region = doc.mention_at(government.end(), REGION_TYPES - {"Country"})
        if region is not None:
            return region.entity, region.end
    known = doc.mention_at(pos, REGION_TYPES - {"Country"}, organisations=True)
    its_government = GOVERNMENT_AFTER_RE.match(doc.text, known.end, limit) if known is not None and \
        doc.entity_type(known.entity) in REGION_TYPES else None
    if its_government is not None and not _POSSESSIVE_S_RE.match(doc.text, its_government.end(), limit):
        # "the Yibin Municipal People's Government and the …": the city itself, as a party (not "the City
        # Government's cooperation bureau")
        return known.entity, its_government.end()
    if known is not None and doc.entity_type(known.entity) not in REGION_TYPES and \
            not _POSSESSIVE_RE.match(doc.text, known.end, limit):  # "the City Government's cooperation bureau"
        return known.entity, known.end
    longer = org_phrase(doc, pos, limit, "")  # "the East Java Industry Office" is not East Java
    if longer is not None and (known is None or longer[1] > known.end):
        return longer
    if known is not None:
        return known.entity, known.end
    for words, role in ((_CONSULATE_RE, "consul-general"), (_EMBASSY_RE, "ambassador")):
        mission = words.match(doc.text, pos, limit)
        if mission:
            people = DEMONYMS[mission.group("people").strip()] if mission.group("people") else None
            found = diplomatic_mission(doc, mission.end(), limit, role, people)
            if found is not None:
                return found
    found = org_phrase(doc, pos, limit, "")
    return found if found is not None else (None, pos)


# an organiser named first, then said to organise: "the Ningxia Department of Commerce, which organises the expo",
# "Dinas Pariwisata Kota Ambon, selaku penyelenggara"
ORGANISES_RE = re.compile(r",\s+(?:(?:which|that|who)\s+(?:organi[sz]es|organi[sz]ed|is organi[sz]ing|hosts|hosted)\b|"
                          r"(?:yang\s+)?(?:menyelenggarakan|selaku penyelenggara|sebagai penyelenggara)\b)")


# an English organisation's name closing with its kind: "the Luoyang Municipal Foreign Affairs Office"
_NAME_ENDING_RE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’&-]*\s+){1,6}(?:" + "|".join(sorted(ORG_HEADS_LAST))
                             + r"))\Z")


def _org_ending_at(doc, end) -> str | None:
    """The organisation named just before ``end``: known or proposed already, else proposed by the capitalised
    words before it that end with an organisation's kind ("… of the Luoyang Municipal Foreign Affairs Office,
    which organized the ceremony")."""
    found = _named_just_before(doc, end)
    if found is not None:
        return found
    name = _NAME_ENDING_RE.search(doc.text, max(0, end - 100), end)
    if name is None or doc.in_span(name.start(1), end, {"Person"}):
        return None
    words = name.group(1).split()
    while words and (words[0] in NOT_NAMES or words[0] in TITLE_WORDS):
        words.pop(0)
    if len(words) < 2:
        return None
    label = " ".join(words)
    known = doc.names.resolve(label)
    return next(iter(known)) if len(known) == 1 else doc.propose(slug(label), org_type(label), label, [], label)


def _named_just_before(doc, end) -> str | None:
    """The organisation whose name (a mention, or a proposal's label) ends at ``end``."""
    for m in doc.mentions.ending(end - 1, end):
        if doc.entity_type(m.entity) not in REGION_TYPES | {"Person", "?"} and "|" not in m.entity:
            return m.entity
    for entity, entry in doc.proposed.items():
        labels = entry["label"].values() if isinstance(entry["label"], dict) else [entry["label"]]
        if entry["type"] not in REGION_TYPES | {"Person"} and any(
                label and doc.text.endswith(label, 0, end) for label in labels):
            return entity
    return None


def settings(doc) -> list[tuple[str, list[str], str]]:
    """(organiser or partner, ids, the sentence that says so), over the story's sentences."""
    found = []
    for sentence in doc.sentences:
        for match in ORGANISES_RE.finditer(doc.text, sentence.start, sentence.end):
            organiser = _org_ending_at(doc, match.start())
            if organiser is not None:
                found.append(("organiser", [organiser], sentence.text))
        for key, pattern in (("organiser", ORGANISER_RE), ("partner", PARTNER_RE), ("facilitator", FACILITATED_RE)):
            for match in pattern.finditer(doc.text, sentence.start, sentence.end):
                named = organisations_after(doc, match.end(), sentence.end)
                if named and key == "facilitator":
                    key = "organiser" if PARTNER_RE.search(doc.text, match.end(), sentence.end) or any(
                        doc.entity_type(e) == "GovernmentAgency" for e in named) else "partner"
                if named:
                    found.append((key, named, sentence.text))
    return found


# the building a room is in, after a comma: "di Ruang Rapat Bupati, Kantor Bupati Pulau Morotai"
_BUILDING_AFTER_RE = re.compile(r",\s+(?:Kantor|Gedung|Balai Kota|Kompleks|Komplek|Wisma|Graha)"
                                r"(?:\s+[A-Z][\w'’-]*){1,5}")
_ROOM_RE = re.compile(r"(?i)(?:ruang|aula)\b")
_COMMA_RE = re.compile(r",\s+")
_IN_TOWN_RE = re.compile(r"\s+in\s+[A-Z][\w'’-]*\Z")


def venue(quotes) -> str | None:
    """The building named in the first quote that names one (a room, with the building it is in)."""
    for quote in quotes:
        found = VENUE_RE.search(quote)
        if found:
            building = _BUILDING_AFTER_RE.match(quote, found.end(1))
            end = building.end() if building and _ROOM_RE.match(found.group(1)) else found.end(1)
            place = quote[found.start(1):end].strip()
            town = _IN_TOWN_RE.search(place)
            # a building with a name of its own is that name ("the Gedebage Expo Hall in Bandung"); one named by
            # whose it is keeps its town ("the regent's office in Bungku")
            return place[:town.start()] if town and not re.search(r"['’]s\b|\b[a-z]", place[:town.start()]) \
                else place
    return None


def apply(doc, event, signings, others=()) -> None:
    """Organisers and partners go to the article's event, or to its signing when the sentence is about
    the signing ("Penandatanganan tersebut difasilitasi …") or the article has no other event, or to
    one of ``others`` (an expo the visit went on to) whose own sentence it is; each event gets the
    building its own sentences name."""
    for key, named, sentence in settings(doc):
        target = event if event is not None and _TRIP_ORGANISED_RE.search(sentence) else next(
            (other for other in others if sentence in other["quote"]
             or other["type"] == "Expo" and _EXPO_SUBJECT_RE.search(sentence)), event)
        if signings and target is event and (event is None or SIGN_RE.search(sentence) or _CEREMONY_RE.search(sentence)):
            target = signings[0]  # "The ceremony was organized by …": the signing's
        if target is None:
            continue
        values = target.setdefault(key, [])
        values.extend(e for e in named if e not in values and e not in (target.get("host"), target.get("guest")))
        if not values:
            del target[key]
            continue
        if target.get("participant"):  # who organised it is said as such, not as one more participant
            target["participant"] = [p for p in target["participant"] if p not in values]
        if sentence not in target["quote"]:
            target["quote"].append(sentence)
    for fact in ([event] if event is not None else []) + signings + list(others):
        quotes = fact["quote"]
        if fact is event and signings:  # where the agreement was signed is the signing's building
            quotes = [q for q in quotes if not SIGN_RE.search(q)]
        place = venue(quotes)
        if place:
            fact["venue"] = place
            town = town_of(doc, place) or _town_after(doc, quotes, place)
            if town is not None and not fact.get("location") and not fact.get("host"):
                fact["location"] = town  # "di Grand City Convention Hall Surabaya": the hall is in Surabaya


def _town_after(doc, quotes, place):
    """The town named after a building, past a comma: "di Gedung Pameran Graha Tugu, Kota Malang"."""
    for quote in quotes:
        at = doc.text.find(quote)
        inside = quote.find(place)
        if at < 0 or inside < 0:
            continue
        comma = _COMMA_RE.match(doc.text, at + inside + len(place))
        town = doc.mention_at(comma.end(), LOCAL_REGIONS) if comma else None
        return town.entity if town is not None and "|" not in town.entity else None
    return None


# the expo said again as what was organised: "The week is organised by …", "Pameran itu digelar …"
_EXPO_SUBJECT_RE = re.compile(r"(?i)\b(?:the|this)(?: [\w-]+)? (?:week|fair|expo|exhibition|festival|show)\b|"
                              r"\b(?:pameran|pekan|festival|ekspo)\b")  # ("The four-day fair is organized by …")
# the trip, not the fair it went to: "took part in the X Fair … on a trade mission organised by the regency's Trade
# Office"
_TRIP_ORGANISED_RE = re.compile(r"(?i)\b(?:mission|trip|tour|visit|misi (?:dagang|bisnis)|kunjungan)\s+"
                                r"(?:organi[sz]ed|arranged|diselenggarakan|difasilitasi)\b")
_CEREMONY_RE = re.compile(r"(?i)\b(?:the|this|that) ceremony\b|\b(?:acara|upacara|seremoni) (?:itu|ini|tersebut)\b")


def town_of(doc, building: str) -> str | None:
    """The town a building's name ends with ("Hotel Santika Medan", "Grand City Surabaya"), if one."""
    words = building.split()
    for n in (2, 1):
        if len(words) > n:
            found = doc.names.resolve(" ".join(words[-n:]), LOCAL_REGIONS)
            if len(found) == 1:
                return next(iter(found))
    return None


# "the regency's Investment Office (DPMPTSP), whose head, Name, said …"
_WHOSE_RE = re.compile(r"(?:\s*\([A-Z][A-Za-z]{1,10}\))?(,)\s+(?:whose\s+(head|chair|chairman|chairwoman|chairperson|"
                       r"director|president|consul general|ambassador)|yang\s+(ketua|kepala|direktur)nya),?\s+")
_WHOSE_ROLE = {"head": "head", "chair": "chair", "chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
               "director": "director", "president": "head", "consul general": "consul-general",
               "ambassador": "ambassador", "ketua": "chair", "kepala": "head", "direktur": "director"}
# "the Linyi Municipal Bureau of Commerce, which is headed by Name", "Dinas Perikanan, yang dipimpin Name"
_RUN_BY_RE = re.compile(r"(?:\s*\([A-Z][A-Za-z]{1,10}\))?(,)\s+(?:which|that) (?:is|was) (headed|led|chaired|directed) by\s+|"
                        r"(?:\s*\([A-Z][A-Za-z]{1,10}\))?(,)\s+yang (dipimpin|dikepalai|diketuai)(?: oleh)?\s+")
_RUN_BY_ROLE = {"headed": "head", "led": "head", "chaired": "chair", "directed": "director", "dipimpin": "head",
                "dikepalai": "head", "diketuai": "chair"}


# "Name, director of the bureau, …" / "Name, kepala biro tersebut": the office the article has named
_OF_THAT_OFFICE_RE = re.compile(
    r"((?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+),\s+(?:(head|chair|director|president)(?:[- ]general)?\s+of\s+the\s+"
    r"(?:(?P<town>[A-Z][\w'’-]+)\s+)?(?P<field>(?:[a-z]+\s+){0,3}?)"  # "the foreign affairs office"
    r"(bureau|office|chamber|agency|department|association|commission)\b|"
    r"(kepala|ketua|direktur)\s+(biro|dinas|kantor|kamar dagang|asosiasi|badan|komisi)\s+(?:itu|tersebut)\b)")
_OFFICE_NOUN = {"bureau": "Bureau", "office": "Office", "chamber": "Chamber", "agency": "Agency",
                "department": "Department", "association": "Association", "commission": "Commission",
                "biro": "Biro", "dinas": "Dinas", "kantor": "Kantor", "kamar dagang": "Kamar Dagang",
                "asosiasi": "Asosiasi", "badan": "Badan", "komisi": "Komisi"}
_TITLE_ROLE_WORD = {**_WHOSE_ROLE, "kepala": "head", "ketua": "chair", "direktur": "director"}
# the title before the name, of an office named before: "Tim ahli dipimpin Wakil Ketua asosiasi tersebut, Name", "It
# was led by the commission's chairman, Name"
_THAT_OFFICES_TITLE_RE = re.compile(
    r"\b(?:(?P<vice>[Ww]akil\s+)?(?P<id_title>[Kk]epala|[Kk]etua|[Dd]irektur)\s+"
    r"(?P<id_noun>biro|dinas|kantor|kamar dagang|asosiasi|badan|komisi)\s+(?:itu|tersebut)|"
    r"the\s+(?P<en_noun>bureau|office|chamber|agency|department|association|commission)['’]s\s+"
    r"(?P<en_vice>vice[- ])?(?P<en_title>head|chair|chairman|chairwoman|chairperson|director|president)),\s+")


def _the_office(doc, noun, town=None, fields=()):
    """The one office of that kind (by a word of its name, the town's name when said: "the Lijiang bureau", and
    the words of its field: "the foreign affairs office") the article names, or None."""
    word = _OFFICE_NOUN[noun]

    def fits(name):
        return re.search(rf"\b{word}\b", name) and (town is None or re.search(rf"\b{re.escape(town)}\b", name)) \
            and all(re.search(rf"(?i)\b{re.escape(field)}\b", name) for field in fields)
    found = {e for e, entry in doc.proposed.items() if entry["type"] not in REGION_TYPES | {"Person"}
             and any(fits(label) for label in (
                 entry["label"].values() if isinstance(entry["label"], dict) else [entry["label"]]))}
    found |= {m.entity for m in doc.mentions if "|" not in m.entity and fits(m.text)
              and doc.entity_type(m.entity) not in REGION_TYPES | {"Person", "?"}}
    return found.pop() if len(found) == 1 else None


_MISSION_BEFORE_RE = re.compile(r"(?:(?:Indonesian|Chinese)\s+)?(?:Konsulat Jenderal|Consulate[- ]General|Kedutaan Besar|"
                                r"Embassy)\b[^,.;()]{0,40}\Z")


def _mission_ending_at(doc, end) -> str | None:
    """The consulate or embassy whose name ends at ``end`` ("the Indonesian Consulate General in Shanghai, whose
    consul general, …"), read again from its first word; None if there is none."""
    found = _MISSION_BEFORE_RE.search(doc.text, max(0, end - 80), end)
    entity, stop = _one(doc, found.start(), end) if found else (None, None)
    return entity if entity is not None and stop == end and doc.entity_type(entity) in ("Consulate", "Embassy") \
        else None


def whose_posts(doc) -> list[Held]:
    """Posts said through an office named just before ("organised by the … Office (DPMPTSP), whose head, Name,
    said", "…, which is headed by Name") or named before in the article ("Name, director of the bureau"): read once the offices are (they
    are named by this stage)."""
    found = []
    for sentence in doc.sentences:
        for match in _OF_THAT_OFFICE_RE.finditer(doc.text, sentence.start, sentence.end):
            office = _the_office(doc, (match.group(5) or match.group(7)).lower(), match.group("town"),
                                 (match.group("field") or "").split())
            holder = person_named(doc, match.group(1), match.start(1)) if office is not None else None
            if holder is not None:
                found.append(Held(holder, _TITLE_ROLE_WORD[(match.group(2) or match.group(6)).lower()], office,
                                  match.group(), sentence))
        for match in _THAT_OFFICES_TITLE_RE.finditer(doc.text, sentence.start, sentence.end):
            role = _TITLE_ROLE_WORD[(match.group("id_title") or match.group("en_title")).lower()]
            if match.group("vice") or match.group("en_vice"):
                role = "vice-chair" if role == "chair" else None  # (no deputy head or director in the ontology)
            office = _the_office(doc, match.group("id_noun") or match.group("en_noun")) if role else None
            person = person_at(doc, match.end(), sentence.end) if office is not None else None
            if person is not None:
                found.append(Held(person[0], role, office, doc.text[match.start():person[2]], sentence))
        for match in _WHOSE_RE.finditer(doc.text, sentence.start, sentence.end):
            office = _named_just_before(doc, match.start()) or _named_just_before(doc, match.start(1)) \
                or _mission_ending_at(doc, match.start(1))
            person = person_at(doc, match.end(), sentence.end) if office is not None else None
            if person is not None:
                found.append(Held(person[0], _WHOSE_ROLE[match.group(2) or match.group(3)], office,
                                  doc.text[sentence.start:person[2]], sentence))
        for match in _RUN_BY_RE.finditer(doc.text, sentence.start, sentence.end):
            comma = match.start(1) if match.group(1) else match.start(3)
            office = _named_just_before(doc, match.start()) or _named_just_before(doc, comma)
            if office is None or doc.entity_type(office) in REGION_TYPES:
                continue
            person = person_at(doc, match.end(), sentence.end)
            if person is not None:
                found.append(Held(person[0], _RUN_BY_ROLE[match.group(2) or match.group(4)], office,
                                  doc.text[sentence.start:person[2]], sentence))
    return found



BODIES = ("BusinessAssociation", "Company")


def business_meeting(doc, meeting) -> None:
    """A meeting of businesses, whose visiting side is a chamber or company, is hosted by the body that held it: the
    organiser hosts ("Temu bisnis itu digelar Kadin Kota X"), and the host that held it organised it ("Dinas …
    Kota X menggelar temu bisnis"); it took place in the town the host serves."""
    if meeting is None or meeting["type"] != "Meeting" or doc.entity_type(meeting.get("guest")) not in BODIES:
        return
    organisers = meeting.get("organiser", [])
    if organisers and doc.entity_type(meeting.get("host")) in REGION_TYPES | {"?"}:
        meeting["host"] = organisers[0]  # (the town it was held in is its location)
    elif meeting.get("host") is not None and not organisers and doc.entity_type(meeting["host"]) not in REGION_TYPES:
        meeting["organiser"] = [meeting["host"]]
    host = meeting.get("host")
    if host is not None and not meeting.get("location") and doc.entity_type(host) not in REGION_TYPES:
        meeting["location"] = town_of(doc, doc.label(host, "id"))
        if meeting["location"] is None:
            del meeting["location"]
    meeting["participant"] = [p for p in meeting.get("participant", []) if p != host]

"""Agreements: LoIs, MoUs, sister-city and sister-province ties and cooperation agreements, with their parties,
ids and labels (who signed them, where and when: signings.py).
"""
from __future__ import annotations

import re

from graph.extract.dates import dates
from graph.extract.doc import Mention
from graph.extract.organisations import GOVERNMENT_AFTER_RE, office_span_before
from graph.extract.people import institution_heads
from graph.extract.segments import parts
from graph.extract.signings import AT_VENUE_RE, BOTH_SIDES_RE, more_precise, signed_in, signing_of
from graph.extract.doc import slug
from graph.extract.vocabulary import (AGREEMENT_LABEL, AGREEMENTS, FAR_FROM_RE, INSTITUTION_RE, LEVEL, LOCAL_REGIONS,
                                      NOT_NAMES, REFERS_BACK_RE, REGION_TYPES, SIGN_RE, SIGNED_IT_RE, SIMILAR_RE,
                                      THE_SIGNING_RE, TITLE_WORDS, UNNAMED_RE, org_type)

# what stands just before the company a region signs with
_WITH_BEFORE_RE = re.compile(r"\b(?:dengan|with|and|dan)\s+(?:the\s+)?(?:perusahaan\s+|company\s+)?\Z")
# a region that says where an institution is: "Huanghe College dari Kota Zhengzhou", "a university in Nanning"
# (or the region just after its bracketed short name: "Rumah Sakit Pelita Caruban (RSPC) Kota Cirebon")
_SEAT_GAP_RE = re.compile(r"\s*,?\s*(?:dari|asal|di|from|in|of|based in)\s+(?:the\s+)?(?:city of\s+)?\Z|"
                          r"\A\s*\([A-Z][A-Za-z]{1,14}\)\s+\Z")
# an agreement still to come: "langkah awal menuju perjanjian kerja sama", "opening the way to a sister-city
# agreement", "akan menandatangani MoU", "plan to sign an MoU"
_PROSPECTIVE_RE = re.compile(r"(?i)\b(?:menuju|towards?|opening the way (?:to|for)|paving the way (?:to|for)|"
                             r"pave the way (?:to|for)|ahead of|akan (?:menandatangani|menjalin|meneken)|"
                             r"will sign|plans? to sign|rencana(?:nya)? (?:menandatangani|penandatanganan)|"
                             r"prepare|preparing|draft|drafting|menyiapkan|menyusun|merancang)"
                             r"\s+(?:(?:a|an|the|sebuah|suatu)\s+)?(?:[\w-]+\s+){0,2}\Z")
# … or said after it: "a letter of intent to be signed next year", "LoI yang akan ditandatangani"
_TO_COME_AFTER_RE = re.compile(r"(?i)\)?(?:\s*\([^()]{1,40}\))?(?:\s+[\w-]+){0,3}?\s+(?:to be signed|yet to be signed|"
                               r"yang akan (?:ditandatangani|diteken)|untuk (?:ditandatangani|diteken))\b")
# an agreement named as a document (not "the two sides agreed to …")
_DOCUMENT_RE = re.compile(r"(?i)\bperjanjian kerja ?sama\b|\bcooperation agreement\b")
_SIGNING_BODIES = {"GovernmentAgency", "Organisation", "Company", "Association", "BusinessAssociation", "Ministry",
                   "ResearchInstitute"}
_SIGNED = ("LetterOfIntent", "MemorandumOfUnderstanding", "CooperationAgreement")
_TIES = ("SisterCityRelationship", "SisterProvinceRelationship")


def agreement_facts(doc, person_of_post):
    """The agreements the text states, and (sentence index, fact) anchors for the sectors stage."""
    agreements: list[dict] = []
    anchors: list[tuple[int, dict]] = []
    for index, sentence in enumerate(doc.sentences):
        if SIGN_RE.search(sentence.text) or any(re.search(p, sentence.text) for p, _, _ in AGREEMENTS):
            institutions(doc, sentence)
            for held in institution_heads(doc, sentence):  # "signed … by the college's president, Name"
                person_of_post.setdefault(sentence.start, []).append((held.holder, held.place))
                doc.late_posts.append(held)
        kinds = [(t, p) for pattern, t, p in AGREEMENTS
                 if any(not _PROSPECTIVE_RE.search(sentence.text, 0, m.start())
                        and not _TO_COME_AFTER_RE.match(sentence.text, m.end())
                        for m in re.finditer(pattern, sentence.text))]
        signing = SIGN_RE.search(sentence.text)
        signed = [a for a in agreements if a["type"] not in _TIES]
        if not kinds and signing and signed and SIGNED_IT_RE.search(sentence.text) and (
                index - signed[-1]["_sentence"] <= 2 or len(signed) == 1 and THE_SIGNING_RE.search(sentence.text)):
            # "… signed the document in Surabaya": the agreement of the sentence before; "Penandatanganan
            # berlangsung pada …" after the delegation's paragraphs: the one agreement signed
            signed_in(doc, signed[-1], sentence, signing, person_of_post)
            if sentence.text not in signed[-1]["quote"]:
                signed[-1]["quote"].append(sentence.text)
        if not kinds and SIMILAR_RE.search(sentence.text) and agreements \
                and index - agreements[-1]["_sentence"] <= 2:
            kinds = [(agreements[-1]["type"], agreements[-1]["_prefix"])]  # "kerja sama serupa"
        for type_name, prefix in kinds:
            groups = parties(doc, sentence, type_name)
            if (not groups or len(groups[0]) < 2) and index and BOTH_SIDES_RE.search(sentence.text):
                # "… menjajaki kerja sama dengan Kota B. Kedua daerah menandatangani LoI …, Rabu (14/10)":
                # the two sides the sentence before named
                institutions(doc, doc.sentences[index - 1])  # "RS A menjalin kerja sama dengan RS B. … kedua rumah sakit"
                before = parties(doc, doc.sentences[index - 1], type_name)
                if len(before) == 1 and len(before[0]) >= 2:
                    groups = before
            signing = SIGN_RE.search(sentence.text)
            found_dates = dates(doc, sentence.start, sentence.end) or date_line(doc, index + 1)
            counterpart = unnamed_counterpart(doc, sentence)
            if groups and len(groups) == 1 and counterpart is not None:
                # "X, Y dan Z juga memiliki kerja sama serupa dengan sejumlah provinsi di Tiongkok"
                for party in groups[0]:
                    agreements.append({"id": None, "type": type_name, "party": [party],
                                       "unnamedCounterpartIn": counterpart, "quote": [sentence.text],
                                       "_sentence": index, "_prefix": prefix})
                    anchors.append((index, agreements[-1]))
                continue
            if not groups or len(groups[0]) < 2:
                # no parties of its own: "The two cities agreed to …" goes on about the last agreement
                same = [a for a in agreements if a["type"] == type_name]
                other = [a for a in agreements if a["type"] in _TIES and len(a["party"]) >= 2]
                if not same and other and index - other[-1]["_sentence"] <= 2 and type_name in _SIGNED:
                    # "… menjalin kerja sama kota kembar. LoI kerja sama itu ditandatangani oleh …":
                    # a document of the tie just named, between the same parties
                    fact = {"id": None, "type": type_name, "party": list(other[-1]["party"]),
                            "quote": [sentence.text], "_sentence": index, "_prefix": prefix}
                    agreements.append(fact)
                    anchors.append((index, fact))
                    if signing:
                        signed_in(doc, fact, sentence, signing, person_of_post)
                    continue
                # the one agreement of its kind, named by its kind again however far on ("MoU ditandatangani oleh
                # …" after the caption and the venue, "LoI tersebut menjadi pintu masuk …"); else the last
                # agreement, if just before
                the_one = len(same) == 1 and (signing is not None or REFERS_BACK_RE.search(sentence.text))
                same = same or agreements
                if same and (the_one or index - same[-1]["_sentence"] <= 2):
                    if sentence.text not in same[-1]["quote"]:
                        same[-1]["quote"].append(sentence.text)
                    anchors.append((index, same[-1]))
                    if signing and same[-1]["type"] in _SIGNED:  # "LoI ditandatangani oleh … pada … di …"
                        signed_in(doc, same[-1], sentence, signing, person_of_post)
                continue
            for group in groups:
                existing = [a for a in agreements if a["type"] == type_name and _same_sides(doc, group, a["party"])]
                if type_name == "CooperationAgreement" and not _DOCUMENT_RE.search(sentence.text):
                    # "the two sides agreed to strengthen cooperation in …" after they signed an MoU: what the
                    # MoU covers, not another agreement
                    existing = existing or [a for a in agreements if _same_sides(doc, group, a["party"])]
                if existing:
                    fact = existing[0]
                    if sentence.text not in fact["quote"]:
                        fact["quote"].append(sentence.text)
                else:
                    fact = {"id": None, "type": type_name, "party": group, "quote": [sentence.text],
                            "_sentence": index, "_prefix": prefix}
                    agreements.append(fact)
                    if not found_dates and signing:
                        found_dates = _signed_just_before(doc, index, type_name, fact)
                fact["_sentence"] = index
                anchors.append((index, fact))
                if signing and type_name in _SIGNED:
                    signed_in(doc, fact, sentence, signing, person_of_post)
                elif signing and type_name not in _TIES:
                    signing_of(doc, fact, sentence, signing, person_of_post)
                if found_dates and more_precise(found_dates[0].value, fact.get("signedOn")) and type_name in _SIGNED:
                    fact["signedOn"], fact["_weekday"] = found_dates[0].value, found_dates[0].weekday
    for fact in agreements:
        institutions_signed(doc, fact, person_of_post)
    kept = aims_of_letters(agreements)
    return kept, [(i, fact) for i, fact in anchors if any(fact is k for k in kept)]


_ON_ITS_PREMISES_RE = re.compile(r"(?i)\b(?:at|in|di)\s+the\s+(?:school|college|university|institute|hospital|"
                                 r"academy|polytechnic)['’]s\b|\b(?:di|dalam)\s+(?:\w+\s+){1,2}(?:kampus|sekolah|"
                                 r"rumah sakit|institut) (?:itu|tersebut)\b")


def institutions_signed(doc, fact, person_of_post) -> None:
    """An institution whose head signed is the party on its side: "Regent X signed the MoU with Luo, president of the
    Wuhu Institute of Automotive Technology" after "Purwakarta … in Wuhu, … under a memorandum": the institute, not
    the town it is in."""
    signatories = fact.get("signatory", [])
    signatories = signatories if isinstance(signatories, list) else [signatories]
    held = {place for pairs in person_of_post.values() for holder, place in pairs
            if holder in signatories and place in doc.institutions and place not in fact["party"]}
    for body in held:
        words = set(re.findall(r"[\w'’-]+", doc.label(body, "en") or ""))
        town = [p for p in fact["party"] if doc.entity_type(p) in LOCAL_REGIONS
                and set((doc.label(p, "en") or "").split()[:1]) & words]
        if len(town) == 1:
            fact["party"] = [body if p == town[0] else p for p in fact["party"]]
            if "signedAt" not in fact and any(_ON_ITS_PREMISES_RE.search(q) for q in fact.get("_signing", [])):
                fact["signedAt"] = town[0]  # "signed … in the institute's library hall": in its town


# a signing that closed the talks the sentence before told of: "After the talks, the two sides signed …"
_AFTER_TALKS_RE = re.compile(r"(?i)\s*(?:after|following|at the end of) (?:the|their|these) (?:talks|meeting|"
                             r"discussions?)\b|\s*(?:usai|seusai|setelah|sesudah|di akhir) (?:pertemuan|pembicaraan|"
                             r"audiensi|rapat|diskusi)\b")


def _signed_just_before(doc, index, type_name, fact):
    """The dates of the sentence before, when it told of the signing of this kind of agreement without naming its
    parties ("A private school and a college … signed a memorandum of understanding on Saturday (Oct 17). The MoU
    between X and Y was signed …"), or of the talks it closed ("On September 14, A met B at the X Hotel. After the
    talks, the two sides signed …"): it is this agreement's signing, and its quote. Else []."""
    if not index:
        return []
    before = doc.sentences[index - 1]
    pattern = next(p for p, t, _ in AGREEMENTS if t == type_name)
    found = dates(doc, before.start, before.end)
    after_talks = _AFTER_TALKS_RE.match(doc.sentences[index].text)
    if not (found and (after_talks or re.search(pattern, before.text) and SIGN_RE.search(before.text))):
        return []
    named = [] if after_talks else parties(doc, before, type_name)
    if named and len(named[0]) >= 2:
        return []  # an agreement of its own
    fact["quote"].insert(0, before.text)
    fact["_signing"] = [before.text, *fact.get("_signing", [])]
    return found


# what may stand around the date on a line of its own: punctuation, and before it a weekday ("Selasa [")
_DATE_LINE_AFTER_RE = re.compile(r"[\s()\[\],.–—-]*")
_DATE_LINE_BEFORE_RE = re.compile(r"[\s()\[\],.–—-]*|[\s()\[\],.]*[A-Za-z]{3,9}[\s()\[\],.]*")


def date_line(doc, index):
    """The date of sentence ``index`` when it is nothing but a date ("Selasa [10/3/2026]" on a line of its own
    after the lead): news writes it there for the sentence before. Else []."""
    if index >= len(doc.sentences):
        return []
    line = doc.sentences[index]
    found = dates(doc, line.start, line.end)
    if len(found) == 1 and _DATE_LINE_BEFORE_RE.fullmatch(doc.text, line.start, found[0].start) \
            and _DATE_LINE_AFTER_RE.fullmatch(doc.text, found[0].end, line.end):
        return found
    return []


# a body the sentence does not name, said by where it is: "a hospitality school in Ubud", "sebuah kampus dari Zibo"
_UNNAMED_BODY_RE = re.compile(r"(?i)\b(?:school|college|university|institute|hospital|company|firm|sekolah(?: \w+)?|"
                              r"kampus|perguruan tinggi|rumah sakit|perusahaan(?: \w+)?|kolese)\s+(?:in|from|di|dari|asal)"
                              r"\s+(?:the\s+)?(?:(?:city|regency|county|kota|kabupaten)\s+(?:of\s+)?)?\Z")
# a region that closes an office's name is where the office is, not a party: "Kepala Disdikbud Kota Bitung, Name"
_OFFICE_OF_RE = re.compile(r"\b(?:Dinas|Badan|Kantor|Biro|Bagian|Di[sn][a-z]{3,}|Bap{1,2}e[a-z]{3,}|DPMPTSP)\s+\Z")
_SCHOOL_RE = re.compile(r"(?:SMKN?|SMAN?|SMPN?|Sekolah Menengah|Madrasah)\b")


def institutions(doc, sentence):
    """Colleges, universities and hospitals a sentence about an agreement names: mentioned (and proposed when the
    gazetteer does not know them), for they sign agreements of their own."""
    for found in INSTITUTION_RE.finditer(sentence.text):
        words = list(re.finditer(r"\S+", found.group()))
        while words and (words[0].group() in TITLE_WORDS or words[0].group() in NOT_NAMES
                         or re.search(r"['’]s\Z", words[0].group())):
            words.pop(0)  # "Presiden Huanghe College": the title of its head; "Ningbo's": where it is
        if len(words) < 2:
            continue
        name = " ".join(w.group() for w in words)
        if _SCHOOL_RE.match(name) and doc.names.resolve(name.split(None, 1)[1], REGION_TYPES):
            continue  # "lulusan SMK Palembang": the town's vocational schools, not one school
        start, end = sentence.start + found.start() + words[0].start(), sentence.start + found.end()
        if doc.in_span(start, end, {"Person"}):
            continue
        known = doc.names.resolve(name)
        read = [m.entity for m in doc.mentions.overlapping(start, start + 1)
                if m.start == start and m.entity in doc.proposed]  # proposed with its short name: "… (RSPC)"
        entity = next(iter(known)) if len(known) == 1 else read[0] if read else doc.propose(
            slug(name), org_type(name), name, [], name)
        doc.institutions.add(entity)
        doc.mentions.replace(Mention(start, end, entity, doc.entity_type(entity), doc.text[start:end]))


def _same_sides(doc, group, parties) -> bool:
    """Whether a sentence's parties are an agreement's already drafted: the same in any order (a caption or the
    other side's account names them the other way round), two or more of them again ("LoI diteken Wali Kota A
    dan Wakil Wali Kota B" after "A dan B, Prefektur C, menandatangani LoI"), or each one of them or a region it
    lies in or holds ("Wakil Gubernur Bengkulu … di Kota Bengkulu" after "Pemerintah Provinsi Bengkulu")."""
    if set(group) == set(parties) or (len(group) >= 2 and set(group) <= set(parties)):
        return True
    if not doc.institutions & set(group):
        return False  # between regions the parties are as written
    return all(p in parties or doc.names.located.get(p) in parties or
               any(doc.names.located.get(q) == p for q in parties) for p in group)


# between a place and the larger one it lies in: "Kota Xining, ibu kota Provinsi Qinghai", "Hunchun, Yanbian"
# (from its abbreviation: "Pemerintah Kabupaten Kutai Timur (Kutim), Kalimantan Timur")
_LOCATED_GAP_RE = re.compile(r"(?i)\)?\s*(?:,|di|in|of)?\s*(?:(?:yang merupakan\s+)?ibu ?kota(?:\s+provinsi)?|"
                             r"(?:the\s+)?(?:provincial\s+)?capital(?:\s+city)?\s+of)?\s*")


# a party described by where it lies: "Hunchun, a county-level city in ", "Bitung, the port city of "
_APPOSITION_GAP_RE = re.compile(r"\s*,\s+(?:(?:a|an|the|sebuah|salah satu)\s+(?:[\w-]+\s+){0,5}?"
                                r"(?:in|of|di|under|administered by|part of)|part of|bagian dari)\s+"
                                r"(?:(?:south|north|east|west|central|northeast|northwest|southeast|southwest)(?:ern)?"
                                r"\s+)?(?:(?:Prefektur|Kabupaten|Kota|Provinsi|Daerah)(?:\s+Otonom)?\s+)?")


def _lies_in(doc, place, larger, gap, after) -> bool:
    """Whether ``larger``, written just after ``place``, says where ``place`` lies rather than naming another
    party: a region of a higher rank, or one the gazetteer puts ``place`` in; of the same rank ("Kota Hunchun,
    Prefektur Otonom Yanbian, Provinsi Jilin") when it is itself set in the region after it and ``place`` is
    not known to lie elsewhere."""
    kind, larger_kind = doc.entity_type(place), doc.entity_type(larger)
    if LEVEL.get(larger_kind, 0) > LEVEL.get(kind, 0):
        return True
    seen, parent = {place}, doc.names.located.get(place)
    while parent is not None and parent not in seen:
        if parent == larger:
            return True
        seen.add(parent)
        parent = doc.names.located.get(parent)
    return (LEVEL.get(larger_kind, 0) == LEVEL.get(kind, 0) > 0 and place not in doc.names.located
            and after is not None and doc.names.located.get(larger) == after.entity and re.fullmatch(r"\s*,\s*", gap))


def aims_of_letters(agreements):
    """A letter of intent states an intention: the sister-city tie it is for ("LoI kota kembar", "a letter of
    intent on establishing sister-city relations") is its aim, not a tie that exists yet."""
    letters = [a["party"] for a in agreements if a["type"] == "LetterOfIntent"]
    return [a for a in agreements if not (a["type"] in _TIES and a["party"] in letters)]


def name_agreements(doc, agreements):
    """Ids and labels from kind, parties and year: "loi-serang-hangzhou-2025"."""
    for fact in agreements:
        names = fact["party"] + ([fact["unnamedCounterpartIn"]] if "unnamedCounterpartIn" in fact else [])
        year = fact.get("signedOn", "")[:4]
        base = "-".join([fact["_prefix"], *[short(p) for p in names]] + ([year] if year else []))
        fact["id"] = doc.new_id(base, fact["type"])
        id_word, en_word = AGREEMENT_LABEL[fact["type"]]
        fact["label"] = {"id": f"{id_word} {'–'.join(doc.label(p, 'id') for p in names)}",
                         "en": f"{'–'.join(doc.label(p, 'en') for p in names)} {en_word}"}
        if year:
            fact["label"] = {k: f"{v} {fact['signedOn']}" for k, v in fact["label"].items()}


def short(entity: str) -> str:
    for prefix in ("kabupaten-", "kota-", "provinsi-", "kecamatan-"):
        if entity.startswith(prefix):
            return entity[len(prefix):]
    return entity


def unnamed_counterpart(doc, sentence):
    """The country in "dengan sejumlah provinsi di Tiongkok" / "with several cities in China"."""
    match = UNNAMED_RE.search(sentence.text)
    if match is None:
        return None
    found = doc.mention_at(sentence.start + match.end(), {"Country"})
    return found.entity if found else None

def _party_groups(doc, sentence, mentions, qualifiers, wanted, also=frozenset()) -> list[list[str]]:
    """The parties each part of the sentence names (a region of a ``wanted`` class, an institution, or a mention
    of ``also``)."""
    groups = []
    for seg_start, seg_end in parts(doc.text, sentence.start, sentence.end):
        found = []
        for m in mentions:
            if seg_start <= m.start < seg_end and id(m) not in qualifiers and m.entity not in found and \
                    (doc.entity_type(m.entity) in wanted or m.entity in doc.institutions or id(m) in also):
                found.append(m.entity)
        if found:
            groups.append(found)
    return groups


# a province signing beside its towns, named as a government of its own: "Pemerintah Provinsi Papua Tengah bersama
# Pemerintah Kabupaten Nabire menandatangani …", "diteken Pemkab Nabire, Pemprov Papua Tengah dan …"
_GOVERNMENT_BEFORE_RE = re.compile(r"\b(?:Pemerintah|Pemda)\s+(?:Provinsi\s+)?\Z")
# (not "Pemerintah Provinsi Hunan, Kota Changde": the province a town lies in, written first)
_PROVINCE_FIRST_RE = re.compile(r",\s+(?:Kota|Kabupaten|Kab\.)\s")


def _own_government(doc, m) -> bool:
    """Whether a province is named as a government: "Pemerintah Provinsi X", "Pemprov X", "X Provincial Government"."""
    return bool(m.text.startswith("Pemprov ") or _GOVERNMENT_BEFORE_RE.search(doc.text, max(0, m.start - 20), m.start)
                or GOVERNMENT_AFTER_RE.match(doc.text, m.end))


_BODIES = {"BusinessAssociation", "Organisation"}
_BETWEEN_BODIES_RE = re.compile(r"\b(?:antara|between)\s+(?:the\s+)?")
_AND_BETWEEN_RE = re.compile(r"(?:\s*\([A-Z][A-Za-z0-9]{1,14}\))?\s+(?:dan|and)\s+(?:the\s+)?")


# two bodies named as the ones that signed, each with where it is: "Koperasi … Kabupaten X (X) dan Y Co., Ltd. dari
# Kota Z, Provinsi W, Tiongkok, menandatangani PKS …", "the X Manpower Office and the Y Technical College signed …":
# they are the parties, not their towns. (In the sentence masked: B a body, R a region.)
_ACTIVE_SIGN_RE = re.compile(r"(?i)\b(?:menandatangani|meneken|teken|sign(?:ed|s)?)\b")
_WHERE_IT_IS = (r"(?:\s*\([^()\n]{1,30}\)|\s*,?\s*(?:(?:dari|asal|di|from|in|of|based in)\s+)?"
                r"(?:(?:Kota|Kabupaten|Provinsi|Kab\.)\s+)?R)*")
_TWO_BODIES_RE = re.compile(r"(?:\A|[,:;–—-]\s*)(?:the\s+)?B" + _WHERE_IT_IS + r"\s*,?\s+(?:dan|and)\s+(?:the\s+)?B"
                            + _WHERE_IT_IS + r"\s*,?\s*(?:(?:telah|resmi|secara resmi|have|has|formally|officially|"
                            r"jointly)\s+)*\Z")

# a body that opens the clause, the town it is in after its name: "Koperasi Produsen Pinang Betara Jaya Kabupaten X
# dan …" (the cooperative "Koperasi Produsen Pinang Betara Jaya", in X)
_BODY_FIRST_RE = re.compile(r"(?:\A|[,:;–—-]\s*)((?:Koperasi|PT|CV|Yayasan|Perusahaan|Asosiasi|Himpunan|Perkumpulan|"
                            r"Paguyuban|Gabungan|Ikatan|Persatuan)(?:[ \t]+[A-Z][\w'’.-]*){1,6}?)[ \t]+"
                            r"(?=(?:Kota|Kabupaten|Kab\.|Provinsi)[ \t])")


def _bodies_that_signed(doc, sentence) -> list[str]:
    """The two bodies a sentence names as the ones that signed (see _TWO_BODIES_RE); [] if it does not."""
    verb = _ACTIVE_SIGN_RE.search(doc.text, sentence.start, sentence.end)
    if verb is None:
        return []
    for conjunction in re.finditer(r"\s(?:and|dan)\s", doc.text[sentence.start:verb.start()]):
        for at in (sentence.start + conjunction.start() + 1, verb.start()):
            office = office_span_before(doc, sentence.start, at)  # "the Batang Manpower Office and …"
            if office is not None and (office[0] in doc.proposed or not doc.mentions.overlapping(*office[1:])):
                entity, start, end = office
                doc.mentions.replace(Mention(start, end, entity, doc.entity_type(entity), doc.text[start:end]))
    for first in _BODY_FIRST_RE.finditer(doc.text[sentence.start:verb.start()]):
        start, end = sentence.start + first.start(1), sentence.start + first.end(1)
        if not doc.mentions.overlapping(start, end):
            name = " ".join(first.group(1).split())
            known = doc.names.resolve(name)
            entity = next(iter(known)) if len(known) == 1 else doc.propose(slug(name), org_type(name), name, [], name)
            doc.mentions.add(Mention(start, end, entity, doc.entity_type(entity), doc.text[start:end]))
    masked, sides, pos = [], [], sentence.start
    for m in doc.in_span(sentence.start, verb.start()):
        kind = doc.entity_type(m.entity)
        mark = "B" if m.entity in doc.institutions or kind in _SIGNING_BODIES else "R" if kind in REGION_TYPES else ""
        if mark and m.start >= pos:
            masked += [doc.text[pos:m.start], mark]
            sides += [m.entity] if mark == "B" else []
            pos = m.end
    masked.append(doc.text[pos:verb.start()])
    if not _TWO_BODIES_RE.search("".join(masked)) or len(set(sides[-2:])) < 2:
        return []
    return sides[-2:]


def parties(doc, sentence, type_name):
    signed = _bodies_that_signed(doc, sentence)
    if signed:
        return [signed]
    mentions = doc.in_span(sentence.start, sentence.end, REGION_TYPES - {"Country", "Island"})
    for m in doc.in_span(sentence.start, sentence.end, {"LocalGovernment"}):
        if m.entity in doc.names.jurisdiction:  # "Pemerintah Kabupaten Tangerang" stands for the regency
            region = doc.names.jurisdiction[m.entity]
            mentions.append(Mention(m.start, m.end, region, doc.entity_type(region), m.text))
    bodies = [m for m in doc.in_span(sentence.start, sentence.end) if m.entity in doc.institutions]
    mentions.extend(bodies)
    mentions.sort(key=lambda m: m.start)
    qualifiers = {id(m) for m in mentions if _UNNAMED_BODY_RE.search(doc.text, max(sentence.start, m.start - 40),
                                                                     m.start)
                  or _OFFICE_OF_RE.search(doc.text, max(sentence.start, m.start - 20), m.start)
                  or FAR_FROM_RE.search(doc.text, max(sentence.start, m.start - 100), m.start)}
    for a, b in zip(mentions, mentions[1:]):
        if a.entity in doc.institutions and _SEAT_GAP_RE.search(doc.text[a.end:b.start]):
            qualifiers.add(id(b))  # where the college is, not a party: "… College dari Kota Zhengzhou"
        if b.entity in doc.institutions and re.fullmatch(r"['’]s\s+", doc.text[a.end:b.start]):
            qualifiers.add(id(a))  # where the college is, not a party: "Ningbo's Lingang Hospital"
        if bodies and AT_VENUE_RE.search(doc.text, max(sentence.start, b.start - 60), b.start):
            qualifiers.add(id(b))  # where it was signed: "… di Gedung Daerah …, Kota Bengkulu"
    for a, b, c in zip(mentions, mentions[1:], [*mentions[2:], None]):
        gap_after = doc.text[b.end:c.start] if c is not None else ""
        if _LOCATED_GAP_RE.fullmatch(doc.text, a.end, b.start) and _lies_in(doc, a.entity, b.entity, gap_after, c):
            qualifiers.add(id(b))
        elif id(a) not in qualifiers and _APPOSITION_GAP_RE.fullmatch(doc.text, a.end, b.start):
            # "Hunchun, a county-level city in Jilin province's Yanbian … Prefecture, signed …": every place the
            # apposition names, up to its closing comma, says where the party lies
            close = doc.text.find(",", b.end, sentence.end)
            close = sentence.end if close < 0 else close
            qualifiers.update(id(m) for m in mentions if b.start <= m.start < close)
    governments = {id(m) for m in mentions if doc.entity_type(m.entity) == "Province" and id(m) not in qualifiers
                   and _own_government(doc, m) and not _PROVINCE_FIRST_RE.match(doc.text, m.end)}
    if type_name == "SisterProvinceRelationship":
        wanted = {"Province"}
    elif bodies:  # a province signs with a college as a city does
        wanted = LOCAL_REGIONS | {"Province"}
    else:
        wanted = LOCAL_REGIONS
    groups = _party_groups(doc, sentence, mentions, qualifiers, wanted, governments)
    if not groups and "Province" not in wanted:
        # two provinces (a Chinese municipality is one): "an MoU … between the Shanghai Municipal People's
        # Government and the South Sumatra Provincial Government"
        groups = _party_groups(doc, sentence, mentions, qualifiers, {"Province"})
        groups = groups if any(len(g) >= 2 for g in groups) else []
    if len(groups) > 1 and all(len(g) >= 2 for g in groups):
        return groups
    flat = list(dict.fromkeys(e for g in groups for e in g))
    if len(flat) < 2:
        # two business bodies: "MoU … antara Dewan Bisnis X (DBX) dan Kamar Dagang Umum Kota Y"
        between = _BETWEEN_BODIES_RE.search(sentence.text)
        pair = [m for m in doc.in_span(sentence.start + between.end(), sentence.end)
                if doc.entity_type(m.entity) in _BODIES][:2] if between else []
        if len(pair) == 2 and pair[0].entity != pair[1].entity and \
                _AND_BETWEEN_RE.fullmatch(doc.text, pair[0].end, pair[1].start):
            return [[pair[0].entity, pair[1].entity]]
    if len(flat) == 1 and flat[0] in doc.institutions:
        # an office signs with a college: "Dinas Pendidikan … (Disdikbud) Kota Magelang menandatangani MoU … dengan
        # Qufu Kongxiang … College": the office that signed, named before the verb, is the other party
        verb = SIGN_RE.search(sentence.text)
        offices = [m for m in doc.in_span(sentence.start, sentence.start + verb.start() if verb else sentence.start)
                   if doc.entity_type(m.entity) in _SIGNING_BODIES and m.entity != flat[0]]
        if offices:
            flat = [offices[0].entity, *flat]
    if len(flat) == 1 and flat[0] not in doc.institutions:
        # a region signs with a company: "Pemerintah Kabupaten X menandatangani MoU dengan Y Co., Ltd., perusahaan
        # perikanan asal Kota Z": the company named right after "dengan" / "with" is the other party
        company = next((m for m in doc.in_span(sentence.start, sentence.end) if doc.entity_type(m.entity) == "Company"
                        and _WITH_BEFORE_RE.search(doc.text, max(sentence.start, m.start - 12), m.start)), None)
        if company is not None:
            flat.append(company.entity)
    return [flat] if flat else []

"""Who else was at an event, said in a line of its own: "Turut hadir …", "Also present was …", "Watching from X
were …", "The delegation … included <what they do> Name and …".
"""
from __future__ import annotations

import re

from graph.extract.people import named_before, person_named
from graph.extract.vocabulary import ATTENDING_RE, DELEGATION_RE, HONORIFIC_RE, NOT_NAMES, TITLE_RE, TITLE_WORDS


def attending(doc, person_of_post) -> list[tuple[list[str], str, bool]]:
    """(people, sentence, members) of each line that says who else was there: "Turut hadir …", "Hadir
    mendampingi …", "… didampingi X, Wakil Ketua …", "Also present was …", "Also attending were …"; ``members``
    when the line only lists the delegation's members ("The delegation … included …"): they were on the trip,
    not said to be at any one ceremony of it."""
    found_all = []
    for i, sentence in enumerate(doc.sentences):
        listed = _members_listed(doc, i, sentence)
        if not ATTENDING_RE.search(sentence.text) and listed is None:
            continue
        found = [holder for holder, _ in person_of_post.get(sentence.start, [])]
        found += [m.entity for m in doc.in_span(sentence.start, sentence.end, {"Person"})]
        found += _titled_names(doc, sentence)
        found += _described_names(doc, sentence.start + listed.end(), sentence.end) if listed else []
        found += _names_after_titles(doc, sentence) if ATTENDING_RE.search(sentence.text) else []
        found += _one_word_names(doc, sentence) if ATTENDING_RE.search(sentence.text) else []
        found += _honoured_names(doc, sentence.start + listed.end(), sentence.end) if listed else []
        if found:
            found_all.append((list(dict.fromkeys(found)), sentence.text,
                              listed is not None and not ATTENDING_RE.search(sentence.text)))
    return found_all



# "Name, rector of a Salatiga university", "Name, Deputy Secretary-General of the Municipal Government": a name set
# before a title whose office the article does not name
_NAME_THEN_TITLE_RE = re.compile(r"(?<![\w-])((?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+),\s+(?:the\s+)?"
                                 r"(?:(?:[Dd]eputy|[Vv]ice|[Ww]akil|[Aa]ssistant)[ -])?(?=" + TITLE_RE.pattern + ")")


def _person_begins_at(doc, at) -> bool:
    """Whether a person the article has read begins at ``at``."""
    return any(m.start == at for m in doc.in_span(at, at + 1, {"Person"})) or any(
        doc.text.startswith(entry["label"], at) for entry in doc.proposed.values()
        if entry["type"] == "Person" and isinstance(entry["label"], str))


def _titled_names(doc, sentence) -> list[str]:
    """People a line of who was there names by a title with no post read (known by that name, else proposed)."""
    found = []
    for match in _NAME_THEN_TITLE_RE.finditer(doc.text, sentence.start, sentence.end):
        if any(_person_begins_at(doc, match.start(1) + word.end()) for word in re.finditer(r"\s+", match.group(1))):
            continue  # "Kadis Perindag Dewi …, Kabag …": the end of a post read already, not a name of its own
        person = person_named(doc, match.group(1), match.start(1))
        if person is not None and doc.entity_type(person) == "Person":
            found.append(person)
    return found


# a delegation's members listed after what they do: "The delegation … included Heilongjiang provincial agriculture
# department deputy director-general Bai Xuemei and Harbin commerce bureau official Liang Chao"
# ("… dan terdiri atas 16 orang dari 11 perusahaan. Di antaranya Direktur …, Name, dan …": among them)
_AMONG_THEM = r"(?:Di antaranya|Diantaranya|Among them|Antara lain)\b"
# the delegation of the sentence before: "Maluku's 14-member delegation is led by … It includes Name, head of …"
_IT_INCLUDES_RE = re.compile(r"(?:It|They|The group|The team|Rombongan itu|Mereka)\s+(?:also\s+)?"
                             r"(?:includes|included|include|beranggotakan)\b|" + _AMONG_THEM)
# "Also in the group are Head of the … Office Name, Chairman of Kadin X Name and …"
_ALSO_IN_GROUP_RE = re.compile(r"Also in the (?:group|delegation|team|mission) (?:are|were|is|was)\b|"
                               r"Members of the (?:group|delegation|team|mission) "
                               r"(?:included|include|includes|were|are)\b|"
                               r"(?:Turut |Ikut )?[Dd]alam (?:rombongan|delegasi)\b|"
                               r"Among (?:its|their|the (?:delegation|group|mission)['’]s) members (?:were|are)\b")
# a delegation, or a trade mission: "the mission included the heads of six local companies"
_GROUP_RE = re.compile(DELEGATION_RE.pattern + r"|\b(?i:the (?:trade |business )?mission|misi (?:dagang|bisnis))\b")
_INCLUDED_RE = re.compile(r"\b(?:included|includes|including|beranggotakan|termasuk)\b|\A" + _AMONG_THEM)


def _members_listed(doc, i, sentence):
    """Where the delegation's members begin in sentence ``i`` (a match), if it lists them: the sentence names the
    delegation, or the one before it did ("It includes …"), or it says so itself ("Also in the group are …")."""
    if _GROUP_RE.search(sentence.text) or (i and _IT_INCLUDES_RE.match(sentence.text)
                                           and _GROUP_RE.search(doc.sentences[i - 1].text)):
        return _INCLUDED_RE.search(sentence.text) or _ALSO_IN_GROUP_RE.match(sentence.text)
    return _ALSO_IN_GROUP_RE.match(sentence.text)
_DESCRIBED_NAME_RE = re.compile(r"(?<=[a-z-] )((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+)"
                                r"(?=\s+(?:and|dan|serta)\b|\s*[,.;]|\s*$)")


def _described_names(doc, start, end) -> list[str]:
    """People named after a lower-case description in a delegation's list of members (none a known name or title)."""
    found = []
    for match in _DESCRIBED_NAME_RE.finditer(doc.text, start, end):
        words = match.group(1).split()
        if any(w in NOT_NAMES or w in TITLE_WORDS for w in words) or doc.mentions.overlapping(*match.span(1)):
            continue
        person = person_named(doc, match.group(1), match.start(1))
        if person is not None and doc.entity_type(person) == "Person":
            found.append(person)
    return found


# a name closing a title the ontology has no role for: "didampingi Konsul Bidang Ekonomi, Zhou Yiming, serta Atase
# Konsuler, Ma Ruoxi", "… dan Asisten Perekonomian … Setda Maluku Tengah, Marthen Pattiasina."
_NAME_AFTER_TITLE_RE = re.compile(r"(?<=[a-z\w.)]),\s+(?:" + HONORIFIC_RE.pattern + r")?((?:[A-Z][a-z'’-]+\s+){1,3}"
                                  r"[A-Z][a-z'’-]+)(?=\s*(?:,|\.(?:\s|$)|;|\s+(?:dan|serta|and)\b|$))")


def _names_after_titles(doc, sentence) -> list[str]:
    """People named after a comma in a line of who was there, each after words that say what they do."""
    found = []
    for match in _NAME_AFTER_TITLE_RE.finditer(doc.text, sentence.start, sentence.end):
        words = match.group(1).split()
        if any(w in NOT_NAMES or w in TITLE_WORDS for w in words) or [
                m for m in doc.mentions.overlapping(*match.span(1)) if doc.entity_type(m.entity) != "Person"]:
            continue
        person = person_named(doc, match.group(1), match.start(1))
        if person is not None and doc.entity_type(person) == "Person":
            found.append(person)
    return found


# one word of a name the article gave in full, as the subject: "Jia, who attended the opening, said …"
_ONE_WORD_SUBJECT_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,12}),\s+(?:who|yang)\b")


def _one_word_names(doc, sentence) -> list[str]:
    """People a line of who was there names by one word of a name given in full before."""
    found = []
    for match in _ONE_WORD_SUBJECT_RE.finditer(doc.text, sentence.start, sentence.end):
        if match.group(1) not in NOT_NAMES and not doc.mentions.overlapping(*match.span(1)):
            person = named_before(doc, match.group(1))
            if person is not None:
                found.append(person)
    return found


# a name after a form of address, in a list of members: "… including Mr Liang Guodong, deputy secretary-general …"
_HONOURED_NAME_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Madam|Bapak|Ibu|Pak|Bu)\.?\s+((?:[A-Z][a-z'’-]+\s+){1,2}[A-Z][a-z'’-]+)\b")


def _honoured_names(doc, start, end) -> list[str]:
    """People a delegation's list of members names after Mr, Ms, Bapak or Ibu."""
    found = []
    for match in _HONOURED_NAME_RE.finditer(doc.text, start, end):
        words = match.group(1).split()
        if any(w in NOT_NAMES or w in TITLE_WORDS for w in words):
            continue
        person = person_named(doc, match.group(1), match.start(1))
        if person is not None and doc.entity_type(person) == "Person":
            found.append(person)
    return found

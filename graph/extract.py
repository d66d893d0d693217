"""Draft the facts of an article by rule, for a curator to review.

``extract(text, language, published, gazetteer, vocab)`` is pure: it reads an
article's text and returns a ``Draft`` — facts in the record format curators
write (each with verbatim quotes, ``reviewed: false`` and the extractor's
name), plus entities the gazetteer does not know, *proposed* for the curator
and never merged into existing ones. Facts that need a proposed entity are
kept apart (``Draft.pending``) until the curator declares it.

The rules are general patterns of Indonesian and English news writing (rank
words before or after a region's name, title patterns before a person's name,
"Expansion (ACRONYM)", agreement and visit vocabulary, dates written day
first); nothing here names a particular article's sentences.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph.sources import Source

VERSION = "0.1"
EXTRACTOR = f"kg-extract {VERSION}"

# --------------------------------------------------------------------------
# Vocabulary of the rules
# --------------------------------------------------------------------------

REGION_TYPES = {"Country", "Province", "Regency", "City", "PrefectureLevelCity", "County", "SpecialRegion", "Island"}
_LEVEL = {"County": 1, "Regency": 2, "City": 2, "PrefectureLevelCity": 2, "SpecialRegion": 2,
          "Province": 3, "Island": 3, "Country": 4}
# rank word -> ontology class; written before the name (id/en) or after it (en)
RANK_BEFORE = {"Kabupaten": "Regency", "Kab.": "Regency", "Kota": "City", "Provinsi": "Province",
               "Prov.": "Province", "Kecamatan": "County", "Regency of": "Regency", "City of": "City",
               "Province of": "Province", "city of": "City", "regency of": "Regency", "province of": "Province"}
RANK_AFTER = {"Regency": "Regency", "City": "City", "Province": "Province", "province": "Province",
              "County": "County", "Prefecture": "City"}
_COMPATIBLE = {"City": {"City", "PrefectureLevelCity"}, "Regency": {"Regency"}, "Province": {"Province"},
               "County": {"County"}}
_RANK_PREFIX = {"Regency": "kabupaten-", "City": "kota-", "Province": "provinsi-", "County": "kecamatan-"}

# (title as written, role notation, class of the region it is held in)
TITLES = [
    ("Wakil Wali Kota", "deputy-mayor", "City"), ("Wakil Walikota", "deputy-mayor", "City"),
    ("Wawali", "deputy-mayor", "City"), ("Wali Kota", "mayor", "City"), ("Walikota", "mayor", "City"),
    ("Wakil Bupati", "vice-regent", "Regency"), ("Wabup", "vice-regent", "Regency"), ("Bupati", "regent", "Regency"),
    ("Wakil Gubernur", "vice-governor", "Province"), ("Wagub", "vice-governor", "Province"),
    ("Gubernur", "governor", "Province"), ("Wakil Ketua", "vice-chair", None), ("Ketua", "chair", None),
    ("Kepala", "head", None), ("Kadis", "head", None), ("Menteri", "minister", None), ("Direktur", "director", None),
    ("Deputy Mayor", "deputy-mayor", "City"), ("Vice Mayor", "deputy-mayor", "City"), ("Mayor", "mayor", "City"),
    ("Deputy Regent", "vice-regent", "Regency"), ("Vice Regent", "vice-regent", "Regency"),
    ("Regent", "regent", "Regency"),
    ("Vice Governor", "vice-governor", "Province"), ("Deputy Governor", "vice-governor", "Province"),
    ("Governor", "governor", "Province"), ("Minister", "minister", None),
    ("Vice Chairperson", "vice-chair", None), ("Vice Chairman", "vice-chair", None), ("Vice Chair", "vice-chair", None),
    ("Chairperson", "chair", None), ("Chairman", "chair", None), ("Chairwoman", "chair", None),
    ("Chair", "chair", None),
    ("Head", "head", None), ("Director", "director", None),
]
_TITLE_ROLE = {t: (r, c) for t, r, c in TITLES}
_TITLE_RE = re.compile(r"\b(?:(?:Pj\.?|Plt\.?|Acting|acting)\s+)?(" + "|".join(  # "Chairperson" or "chairperson"
    f"[{t[0]}{t[0].lower()}]{re.escape(t[1:])}" for t, _, _ in sorted(TITLES, key=lambda x: -len(x[0]))) + r")\b")
# role words in an apposition: "Name, peneliti sekaligus direktur … di ORG"
APPOSITION_ROLES = {"peneliti": "researcher", "researcher": "researcher", "direktur": "director",
                    "director": "director", "ketua": "chair", "chairman": "chair", "chairperson": "chair",
                    "kepala": "head", "head": "head", "anggota": "member", "member": "member",
                    "wakil ketua": "vice-chair", "vice chairman": "vice-chair"}
# regional posts in an apposition: "Budi Rustandi, the Mayor of Serang,"
APPOSITION_REGIONAL = {"wali kota": ("mayor", "City"), "wakil wali kota": ("deputy-mayor", "City"),
                       "mayor": ("mayor", "City"), "deputy mayor": ("deputy-mayor", "City"),
                       "bupati": ("regent", "Regency"), "wakil bupati": ("vice-regent", "Regency"),
                       "regent": ("regent", "Regency"), "vice regent": ("vice-regent", "Regency"),
                       "gubernur": ("governor", "Province"), "wakil gubernur": ("vice-governor", "Province"),
                       "governor": ("governor", "Province"), "vice governor": ("vice-governor", "Province")}
_APPOSITION_REGIONAL_RE = re.compile(
    r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+(?i:the\s+|selaku\s+)?(?i:(?:Pj\.?|Plt\.?|acting)\s+)?((?i:"
    + "|".join(sorted(APPOSITION_REGIONAL, key=len, reverse=True)) + r"))(?:\s+of)?\s+")
HONORIFICS = ["H.", "Hj.", "Dr.", "dr.", "Ir.", "Drs.", "Dra.", "Prof.", "KH.", "K.H.", "Mr.", "Mrs.", "Ms.",
              "Bapak", "Ibu", "Pak", "Bu"]
_HONORIFIC_RE = re.compile(r"(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")\s+)+")
_HONORIFIC_NAME_RE = re.compile(r"((?:(?:" + "|".join(re.escape(h) for h in HONORIFICS if h[-1] == ".")
                                + r")\s+)+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\Z")
_PLACE_BEFORE_HONORIFIC_RE = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?),?\s+"
                                        r"(?=(?:H|Hj|Dr|Ir|Drs|Dra|Prof|KH)\.)")
_PLACE_BEFORE_TITLE_RE = re.compile(r"(?<![\w-])([A-Z][a-z'’-]+)\s+\Z")
_NAME_WORD = r"[A-Z][a-z'’\-]+|[A-Z]"
_NAME_RE = re.compile(rf"(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,3}}")
_NOT_NAMES = {"Dalam", "Pada", "Sementara", "Menurut", "Selain", "Kota", "Kabupaten", "Provinsi", "Pemerintah",
              "The", "In", "On", "At", "According", "Ia", "Dia", "Kami", "He", "She", "They", "We", "Sejak",
              "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday", "Tiongkok", "Cina", "China", "Indonesia", "Delegasi",
              "Rombongan", "Pertemuan", "Kunjungan", "Deputy", "Mayor", "Governor", "Regent", "Wakil", "Wali"}

AGREEMENTS = [  # (pattern, class, id prefix)
    (r"\bLetter of Intent\b|\bLoI\b", "LetterOfIntent", "loi"),
    (r"\bMemorandum of Understanding\b|\bMoU\b|\b[Nn]ota [Kk]esepahaman\b", "MemorandumOfUnderstanding", "mou"),
    (r"(?i)\bsister[- ]cit(?:y|ies)\b|\bkota kembar\b|\bkota bersaudara\b", "SisterCityRelationship", "sister-city"),
    (r"(?i)\bsister[- ]provinces?\b|\bprovinsi kembar\b|\bprovinsi bersaudara\b", "SisterProvinceRelationship",
     "sister-province"),
    (r"(?i)\bperjanjian kerja ?sama\b|\bcooperation agreement\b|\btelah sepakat\b|\bmenyepakati\b|"
     r"\bhave agreed to\b|\bhas agreed to\b|\bagreed to (?:strengthen|expand|deepen|cooperate|boost)",
     "CooperationAgreement", "agreement"),
]
_AGREEMENT_LABEL = {"LetterOfIntent": ("LoI", "LoI"), "MemorandumOfUnderstanding": ("MoU", "MoU"),
                    "SisterCityRelationship": ("Kota kembar", "sister cities"),
                    "SisterProvinceRelationship": ("Provinsi kembar", "sister provinces"),
                    "CooperationAgreement": ("Perjanjian kerja sama", "cooperation agreement")}
_SIGN_RE = re.compile(r"(?i)\bmenandatangani\b|\bmeneken\b|\bpenandatanganan\b|\btanda tangan\b|\bsign(?:ed|s|ing)?\b")
_VISIT_RE = re.compile(r"(?i)\bkunjungan\b|\bberkunjung\b|\bmengunjungi\b|\blawatan\b|\bdelegasi\b|\brombongan\b"
                       r"|\bvisit(?:s|ed|ing)?\b|\bdelegation\b")
_MEETING_RE = re.compile(r"(?i)\bpertemuan\b|\bbertemu\b|\brapat\b|\baudiensi\b|\bmeeting\b|\bmet\b|\btalks\b")
_GUEST_RE = re.compile(r"(?i)\b(?:delegasi|rombongan|delegation|delegates)(?:\s+(?:resmi|dari|asal|from|of|the))*\s+$")
_GUEST_AFTER_RE = re.compile(r"\s+(?:delegation|delegates|team)\b")
_HOST_RE = re.compile(r"(?i)\b(?:kunjungan(?: kerja| resmi)? ke|berkunjung ke|visit(?:ed|s)?(?: to)?(?: the)?|"
                      r"trip to|mengunjungi)\s+$")
_LEADER_RE = re.compile(r"(?i)\b(?:dipimpin(?: langsung)? oleh|dipimpin|diketuai(?: oleh)?|led by|headed by)\s+")
_RECEIVE_RE = re.compile(r"(?i)\b(?:menerima|menyambut|received|welcomed|hosted)\b")
_REFERS_BACK_RE = re.compile(r"(?i)\b(?:ini|tersebut|kedua|dua daerah|dua kota|the cooperation|the agreement|"
                             r"the partnership|this|these|both|the deal)\b")
_DISCUSSION_RE = re.compile(r"(?i)\bdiskusi\b|\bmembahas\b|\bpembahasan\b|\bberfokus\b|\bmenawarkan\b|"
                            r"\bditawarkan\b|\bprioritas\b|\bdiscuss(?:ed|ion|ions)?\b|\bfocus(?:ed)?\b|"
                            r"\boffer(?:ed|s)?\b|\bplatform for\b")
_EXPO_RE = re.compile(r"\bExpo\b|\b[Pp]ameran\b|\b[Ee]xhibition\b|\b[Tt]rade [Ff]air\b")
_EXPO_NAME_RE = re.compile(r"((?:[A-Z0-9][\w&.’'-]*\s+|&\s+){1,8})(Expo|Exhibition|Fair)(?:\s+(\d{4}))?")
_SIGNED_IT_RE = re.compile(r"(?i)\b(?:the|this) (?:document|agreement|deal|memorandum|letter)\b|"
                           r"\b(?:dokumen|naskah|kesepakatan|perjanjian) (?:tersebut|itu|ini)\b")
_SIMILAR_RE = re.compile(r"(?i)\bkerja ?sama (?:yang )?serupa\b|\bsimilar (?:cooperation|ties|partnerships?|"
                         r"arrangements?|agreements?)\b")
_UNNAMED_RE = re.compile(r"(?i)\b(?:dengan|with)\s+(?:sejumlah|beberapa|several|some|a number of|various)\s+"
                         r"(?:\w+\s+){1,2}?(?:di|in|of)\s+")
_IN_RE = re.compile(r"(?:\bdi|\bin|\bat)\s+$")
_COOPERATION_RE = re.compile(r"(?i)kerja ?sama|kolaborasi|kemitraan|bidang|sektor|cooperation|collaborat|"
                             r"partnership|sectors?\b|fields?\b|mencakup|meliputi|focus|fokus")

SECTORS = {  # notation -> keywords (matched case-insensitively, longest first)
    "tourism": ["pariwisata", "wisata", "wisatawan", "tourism", "tourist"],
    "culture": ["budaya", "kebudayaan", "culture", "cultural", "kesenian"],
    "creative-economy": ["ekonomi kreatif", "industri kreatif", "creative economy", "creative industr"],
    "msme": ["UMKM", "usaha mikro", "MSME", "SMEs", "small and medium"],
    "human-resources": ["sumber daya manusia", "sumberdaya manusia", "SDM", "human resource", "human capital"],
    "education": ["pendidikan", "education", "universitas", "university"],
    "student-exchange": ["pertukaran pelajar", "pertukaran mahasiswa", "student exchange"],
    "vocational-education": ["pendidikan vokasi", "vokasi", "vocational education", "vocational training",
                             "vocational"],
    "manufacturing": ["manufaktur", "manufacturing"],
    "fisheries": ["perikanan", "fisheries", "fishery"],
    "agriculture": ["pertanian", "agriculture", "agricultural"],
    "e-commerce": ["e-commerce", "perdagangan elektronik"],
    "artificial-intelligence": ["kecerdasan buatan", "artificial intelligence"],
    "digital-technology": ["teknologi digital", "digital technology", "digitalisasi", "digitalisation"],
    "technology": ["teknologi", "technology", "technologies"],
    "green-technology": ["teknologi hijau", "teknologi ramah lingkungan", "green technology", "energi terbarukan",
                         "renewable energy"],
    "smart-city": ["smart city", "smart cities", "kota cerdas", "kota pintar"],
    "urban-planning": ["tata kota", "perencanaan kota", "urban planning", "tata ruang"],
    "investment": ["investasi", "investment", "penanaman modal", "investor"],
    "trade": ["perdagangan", "trade", "dagang"],
    "export": ["ekspor", "export"],
    "logistics": ["logistik", "logistics"],
    "economy": ["kerja sama ekonomi", "kerjasama ekonomi", "bidang ekonomi", "sektor ekonomi", "potensi ekonomi",
                "pertumbuhan ekonomi", "pembangunan ekonomi", "economic cooperation", "economic ties",
                "economic growth", "economic development", "economic potential"],
    "industry": ["kerja sama industri", "sektor industri", "kawasan industri", "pengembangan industri",
                 "industrial cooperation", "industrial sector", "industrial estate", "industrial park"],
    "employment": ["lapangan kerja", "ketenagakerjaan", "tenaga kerja", "employment", "jobs"],
    "legal-exchange": ["pertukaran pandangan hukum", "pertukaran hukum", "legal exchange"],
    "information-exchange": ["pertukaran informasi", "information exchange", "exchange of information"],
    "people-to-people": ["antarmasyarakat", "antar masyarakat", "people-to-people", "people to people",
                         "konektivitas masyarakat"],
    "knowledge-transfer": ["bertukar pengetahuan", "transfer pengetahuan", "alih pengetahuan",
                           "berbagi pengalaman", "knowledge transfer", "share knowledge", "sharing experience"],
}
_SECTOR_RE = [(n, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in ks) + r")",
                             0 if n in ("msme", "human-resources") else re.IGNORECASE))
              for n, ks in SECTORS.items()]

MONTHS = {m: i for i, names in enumerate([
    ("Januari", "January", "Jan"), ("Februari", "February", "Feb"), ("Maret", "March", "Mar"),
    ("April", "Apr"), ("Mei", "May"), ("Juni", "June", "Jun"), ("Juli", "July", "Jul"),
    ("Agustus", "August", "Agu", "Aug"), ("September", "Sept", "Sep"), ("Oktober", "October", "Okt", "Oct"),
    ("November", "Nov"), ("Desember", "December", "Des", "Dec")], start=1) for m in names}
WEEKDAYS = {"Senin": 0, "Selasa": 1, "Rabu": 2, "Kamis": 3, "Jumat": 4, "Jum'at": 4, "Sabtu": 5, "Minggu": 6,
            "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
WEEKDAY_NOTATION = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_RANGE_WORD = r"\s*(?:-|–|to|until|through|hingga|sampai|s\.d\.?)\s*"
_DATE_PATTERNS = [
    ("range-dmy", re.compile(rf"\b(\d{{1,2}}){_RANGE_WORD}(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b")),
    ("range-mdy", re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_RANGE_WORD}(?:({_MONTH})\.?\s+)?"
                             rf"(\d{{1,2}}),?\s+(\d{{4}})\b")),
    ("numeric", re.compile(rf"(?:\b({_WEEKDAY}),?\s*)?\(?\b(\d{{1,2}})/(\d{{1,2}})/(\d{{4}}|\d{{2}})\b\)?")),
    ("dmy", re.compile(rf"(?:\b({_WEEKDAY}),?\s*)?\b(\d{{1,2}})\s+({_MONTH})\.?\s+(\d{{4}})\b")),
    ("mdy", re.compile(rf"(?:\b({_WEEKDAY}),?\s*)?\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b")),
    ("my", re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b")),
    ("month-rel", re.compile(rf"\b(?:(?:bulan|pada|last|in|since)\s+)({_MONTH})\b(?:\s+(lalu|kemarin|ini|this year))?"
                             rf"|\b({_MONTH})\s+(lalu|kemarin)\b")),
    ("this-month", re.compile(r"(?i)\b(?:awal|akhir|pertengahan) bulan ini\b|\b(?:earlier|early|late) this month\b")),
    ("weekday", re.compile(rf"\b(?:(?:pada\s+)?hari\s+|on\s+|pada\s+)({_WEEKDAY})\b")),
    ("yesterday", re.compile(r"(?i)\bkemarin\b|\byesterday\b")),
]


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------

@dataclass
class Mention:
    start: int
    end: int
    entity: str  # a gazetteer id or a proposed id
    type: str
    text: str


@dataclass
class Draft:
    facts: list[dict] = field(default_factory=list)  # ready for the record
    pending: list[dict] = field(default_factory=list)  # need a proposed entity first
    proposed: list[dict] = field(default_factory=list)  # new gazetteer entries, for the curator
    mentioned: set[str] = field(default_factory=set)  # known entities the text names
    reason: str | None = None  # why nothing was extracted


@dataclass
class _DateHit:
    start: int
    end: int
    value: str  # 2025-09-05, 2025-09
    weekday: str | None
    until: str | None = None  # the last day of a range: "24-26 Mei 2025", "May 24 to May 26, 2023"


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def slug(text: str) -> str:
    text = text.lower().replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------
# The gazetteer as names
# --------------------------------------------------------------------------

class Names:
    """Every way the gazetteer writes an entity, and the entity's type."""

    def __init__(self, gazetteer: Source):
        self.types: dict[str, str] = {}
        self.labels: dict[str, dict[str, str]] = {}
        self.by_name: dict[str, set[str]] = {}
        self.located: dict[str, str] = {}
        self.jurisdiction: dict[str, str] = {}  # a local government -> its region
        for item in gazetteer.items:
            self.types[item.subject] = item.type
            self.labels[item.subject] = item.labels
            for name in [*item.labels.values(), *item.aliases]:
                self.by_name.setdefault(name, set()).add(item.subject)
            for statement in item.statements:
                if statement.prop.name == "locatedIn":
                    self.located[item.subject] = statement.value
                if statement.prop.name == "jurisdiction":
                    self.jurisdiction[item.subject] = statement.value
        names = sorted(self.by_name, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")

    def resolve(self, name: str, wanted: set[str] | None = None) -> set[str]:
        found = self.by_name.get(name, set())
        if wanted:
            found = {e for e in found if self.types[e] in wanted}
        return found


# --------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------

def extract(text: str, language: str, published, gazetteer: Source, taken: dict[str, str] | None = None) -> Draft:
    """Draft the facts ``text`` states. ``published`` is a date, 'YYYY-MM' or None;
    ``taken`` maps ids already declared elsewhere to their class."""
    if language not in ("id", "en"):
        return Draft(reason=f"the article is in {language!r}: the rules read only Indonesian (id) and English (en)")
    return _Extractor(text, published, Names(gazetteer), taken or {}).run()


class _Extractor:
    def __init__(self, text, published, names: Names, taken):
        self.text = text
        self.names = names
        self.taken = taken
        self.published = _as_date(published)
        self.published_month = _as_month(published)
        self.sentences = _sentences(text)
        self.proposed: dict[str, dict] = {}
        self.mentions: list[Mention] = []
        self.facts: list[dict] = []

    # ----- entities -------------------------------------------------------
    def propose(self, entity_id, type_name, label, aliases, quote) -> str:
        if entity_id in self.names.types:
            entity_id = entity_id + "-2"
        entry = self.proposed.setdefault(entity_id, {"id": entity_id, "type": type_name, "label": label,
                                                     "alias": [], "seen": quote})
        for alias in aliases:
            if alias not in entry["alias"] and alias != label:
                entry["alias"].append(alias)
        return entity_id

    def find_mentions(self):
        text = self.text
        spans: list[Mention] = []
        taken = [False] * len(text)

        def add(m: Mention) -> bool:
            if any(taken[m.start:m.end]):
                return False
            for i in range(m.start, m.end):
                taken[i] = True
            spans.append(m)
            return True

        # organisations written "Expansion (ACRONYM)"
        word = r"(?:[A-Z][\w’'–-]*|of|and|for|dan|untuk|the|&|–)"
        for match in re.finditer(rf"({word}(?:\s+{word}){{0,9}})\s+\(([A-Z][A-Za-z]{{1,9}})\)", text):
            words = match.group(1).split()
            acronym = match.group(2)
            while words and words[0][0].lower() != acronym[0].lower():
                words.pop(0)
            while words and not words[-1][0].isupper():
                words.pop()
            if len(words) < 2 or any(re.search(p, match.group()) for p, _, _ in AGREEMENTS):
                continue
            expansion = " ".join(words)
            start = match.start(1) + match.group(1).index(words[0])
            known = self.names.resolve(expansion) | self.names.resolve(acronym) | \
                self.names.resolve(f"{expansion} ({acronym})")
            known = {e for e in known if self.names.types[e] not in REGION_TYPES}
            if self.names.resolve(expansion) - known or self.names.resolve(acronym) - known:
                continue  # a region written with its abbreviation, e.g. "Nusa Tenggara Barat (NTB)"
            if len(known) == 1:
                entity, = known
                type_name = self.names.types[entity]
            else:
                type_name = _org_type(expansion)
                entity = self.propose(slug(acronym), type_name, f"{expansion} ({acronym})", [acronym, expansion],
                                      text[start:match.end()])
            add(Mention(start, match.end(), entity, type_name, text[start:match.end()]))

        # names the gazetteer knows, of two words or more: "Pemerintah Provinsi Zhejiang"
        for match in self.names.pattern.finditer(text):
            if " " in match.group():
                candidates = sorted(self.names.by_name[match.group()])
                add(Mention(match.start(), match.end(), "|".join(candidates), "?", match.group()))

        # regions with a rank word
        rank_before = "|".join(re.escape(r) for r in sorted(RANK_BEFORE, key=len, reverse=True))
        name = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
        for match in re.finditer(rf"(?<![\w-])({rank_before})\s+({name})", text):
            rank, words = match.group(1), match.group(2).split()
            if text[max(0, match.start() - 6):match.start()].rstrip().endswith(("Wali", "Wakil", "Kantor", "Ibu")):
                if rank == "Kota":
                    continue  # "Wali Kota X" is a title, "Ibu Kota" a capital: handled elsewhere
            self._rank_mention(add, RANK_BEFORE[rank], rank, words, match.start(), match.start(2), before=True)
        rank_after = "|".join(re.escape(r) for r in RANK_AFTER)
        for match in re.finditer(rf"(?<![\w-])({name})\s+({rank_after})\b", text):
            words = match.group(1).split()
            words = words[-2:]  # "Guangdong province": the name is the last one or two words
            kind = RANK_AFTER[match.group(2)]
            start = match.end(1) - len(" ".join(words))
            if words and words[0] in _NOT_NAMES | {"The"} and len(words) > 1:
                words = words[1:]
                start = match.end(1) - len(" ".join(words))
            if not words or words[-1] in _NOT_NAMES or re.match(r"\s+[A-Z]", text[match.end():]) \
                    or any(w in _NOT_NAMES or w in ("Smart", "Capital", "Green") for w in words):
                continue  # part of a longer name: "Smart City Technology Expo"
            self._rank_mention(add, kind, match.group(2), words, start, start, before=False, end=match.end())

        # every name the gazetteer knows
        for match in self.names.pattern.finditer(text):
            candidates = self.names.by_name[match.group()]
            entity = sorted(candidates)[0] if len(candidates) == 1 else "|".join(sorted(candidates))
            add(Mention(match.start(), match.end(), entity, "?", match.group()))
        spans.sort(key=lambda m: m.start)
        # ambiguous bare names ("Tangerang"): the one the article also names with a rank word
        ranked = {m.entity for m in spans if "|" not in m.entity and m.entity in self.names.types}
        ranked |= {self.names.jurisdiction[e] for e in ranked if e in self.names.jurisdiction}
        for m in spans:
            if "|" in m.entity:
                options = [e for e in m.entity.split("|") if e in ranked]
                m.entity = options[0] if len(options) == 1 else m.entity
            if m.type == "?" and "|" not in m.entity:
                m.type = self.names.types.get(m.entity, "?")
        self.mentions = spans

    def _rank_mention(self, add, kind, rank, words, start, name_start, before, end=None):
        wanted = _COMPATIBLE[kind]
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            stop = (name_start + len(name)) if before else end
            found = self.names.resolve(name, wanted) | self.names.resolve(f"{rank} {name}", wanted)
            if len(found) == 1:
                entity, = found
                add(Mention(start, stop, entity, self.names.types[entity], self.text[start:stop]))
                return
        # unknown: one capitalised word unless the words go on as a known name
        name = words[0]
        if not before:  # "East Java province": every word before the rank word
            name = " ".join(words)
        elif len(words) > 1 and not self.names.pattern.fullmatch(words[1]) and words[1] not in _NOT_NAMES \
                and not _TITLE_RE.fullmatch(words[1]) and self._looks_like_place(words):
            name = " ".join(words[:2])
        if name in _NOT_NAMES or self.names.resolve(name) - set().union(*[self.names.resolve(name, wanted)]):
            return
        stop = (name_start + len(name)) if before else end
        quote = self.text[start:stop]
        id_word, en_word = {"Regency": ("Kabupaten", "Regency"), "City": ("Kota", "City"),
                            "Province": ("Provinsi", "Province"), "County": ("Kecamatan", "County")}[kind]
        entity = self.propose(_RANK_PREFIX[kind] + slug(name), kind,
                              {"id": f"{id_word} {name}", "en": f"{name} {en_word}"}, [name], quote)
        add(Mention(start, stop, entity, kind, quote))

    def _mention_proposed_regions(self):
        """A region proposed from one sentence ("Guangzhou Vice Mayor") is the same name elsewhere."""
        names = {alias: entry["id"] for entry in self.proposed.values() if entry["type"] in REGION_TYPES
                 for alias in entry["alias"]}
        if not names:
            return
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?![\w-])")
        for match in pattern.finditer(self.text):
            if not any(m.start < match.end() and match.start() < m.end for m in self.mentions):
                entity = names[match.group()]
                self.mentions.append(Mention(match.start(), match.end(), entity, self.entity_type(entity),
                                             match.group()))
        self.mentions.sort(key=lambda m: m.start)

    def _propose_region(self, name, kind, quote):
        id_word, en_word = {"Regency": ("Kabupaten", "Regency"), "City": ("Kota", "City"),
                            "Province": ("Provinsi", "Province"), "County": ("Kecamatan", "County")}[kind]
        return self.propose(_RANK_PREFIX[kind] + slug(name), kind,
                            {"id": f"{id_word} {name}", "en": f"{name} {en_word}"}, [name], quote)

    def _looks_like_place(self, words):
        # "Kota Bandar Lampung" yes; "Kota Serang Budi" (a person follows) is cut by the title rules
        return len(words) == 2 and words[1] not in self.names.by_name

    def entity_type(self, entity):
        if entity in self.names.types:
            return self.names.types[entity]
        return self.proposed.get(entity, {}).get("type", "?")

    def in_span(self, start, end, types=None):
        return [m for m in self.mentions if m.start >= start and m.end <= end and "|" not in m.entity
                and (types is None or self.entity_type(m.entity) in types)]

    # ----- people and posts ----------------------------------------------
    def person_at(self, pos, limit, single=False) -> tuple[str, int, int] | None:
        """A person's name starting at ``pos`` (honorifics skipped): (id, start, end)."""
        rest = self.text[pos:limit]
        skip = re.match(r"[\s,]*", rest).end()
        honorific = _HONORIFIC_RE.match(rest, skip)
        if honorific:
            skip = honorific.end()
        match = _NAME_RE.match(rest, skip)
        if not match:
            return None
        words = match.group().split()
        # a region or organisation is not a person
        start = pos + match.start()
        for m in self.mentions:
            if m.start <= start < m.end and self.entity_type(m.entity) not in ("Person", "?"):
                return None
        while words and words[-1] in _NOT_NAMES:
            words.pop()
        if not words or words[0] in _NOT_NAMES:
            return None
        name = " ".join(words)
        found = self.names.resolve(name, {"Person"})
        if len(found) == 1:
            entity, = found
        elif len(words) >= 2 or (single and len(words[0]) > 2):
            entity = self.propose(slug(name), "Person", name, [], self.text[start:start + len(name)])
        else:
            return None
        return entity, start, start + len(name)

    def posts(self):
        posts = []
        for sentence in self.sentences:
            for match in _TITLE_RE.finditer(sentence.text):
                title = match.group(1)[0].upper() + match.group(1)[1:]
                role, region_class = _TITLE_ROLE[title]
                pos = sentence.start + match.end()
                limit = sentence.end
                place = None
                # "Mayor of X" / "Wali Kota X" / "Ketua DPRD Provinsi Banten" / "Kepala Dinas … X"
                after = re.match(r"\s*(?:of\s+(?:the\s+)?)?", self.text[pos:limit]).end() + pos
                if region_class is None and title in ("Kepala", "Head", "Direktur", "Director", "Menteri", "Minister",
                                                      "Ketua", "Chairman", "Chairperson", "Chair", "Wakil Ketua"):
                    org = self._mention_at(after, None, organisations=True)
                    if org is not None:
                        place, pos = org.entity, org.end
                    else:  # "KIKT chairperson Garibaldi Thohir"
                        before = [m for m in self.mentions if m.end <= sentence.start + match.start() and
                                  sentence.start + match.start() - m.end <= 1 and "|" not in m.entity and
                                  self.entity_type(m.entity) not in REGION_TYPES | {"Person", "?"}]
                        if not before:
                            continue
                        place = before[-1].entity
                else:
                    region = self._mention_at(after, _COMPATIBLE[region_class])
                    if region is not None:
                        place, pos = region.entity, region.end
                    else:
                        before = [m for m in self.mentions if m.end <= sentence.start + match.start() and
                                  sentence.start + match.start() - m.end <= 1 and
                                  self.entity_type(m.entity) in _COMPATIBLE[region_class]]
                        unknown = _PLACE_BEFORE_HONORIFIC_RE.match(self.text, after, limit)
                        prefix = _PLACE_BEFORE_TITLE_RE.search(self.text, sentence.start,
                                                               sentence.start + match.start())
                        if prefix and any(m.start < prefix.end(1) and m.end > prefix.start(1)
                                          for m in self.mentions):
                            prefix = None  # a name the gazetteer knows, of another kind
                        if before:
                            place = before[-1].entity
                        elif prefix and prefix.group(1) not in _NOT_NAMES and \
                                not self.text[:prefix.start(1)].rstrip().endswith((".", "“", '"')) and \
                                prefix.start(1) > sentence.start:
                            # "Surabaya Mayor Eri Cahyadi": the title says what kind of region Surabaya is
                            name = prefix.group(1)
                            place = self._propose_region(name, region_class, self.text[prefix.start(1):
                                                                                        sentence.start + match.end()])
                        elif unknown and unknown.group(1) not in _NOT_NAMES:
                            # "Bupati Lebak Hj. Siti Aminah": the title says what kind of region Lebak is
                            place = self._propose_region(unknown.group(1), region_class,
                                                         self.text[sentence.start + match.start():unknown.end(1)])
                            pos = unknown.end(1)
                        else:
                            place = self._only_region(_COMPATIBLE[region_class])
                person = self.person_at(pos, limit, single=True)
                if person is None or place is None:
                    continue
                quote_start = sentence.start + match.start()
                posts.append((person[0], role, place, self.text[quote_start:person[2]], sentence))
            # apposition: "Name, peneliti sekaligus direktur China-Indonesia di ORG"
            for match in re.finditer(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}),\s+((?:[\w-]+\s+){0,6}?)"
                                     r"(?:di|at|of|dari|from)\s+", sentence.text):
                roles = [r for w, r in APPOSITION_ROLES.items()
                         if re.search(rf"(?i)\b{w}\b", match.group(2))]
                if not roles:
                    continue
                org = self._mention_at(sentence.start + match.end(), None, organisations=True)
                name = match.group(1)
                found = self.names.resolve(name, {"Person"})
                if org is None or len(found) != 1:
                    continue
                entity, = found
                for role in dict.fromkeys(roles):
                    posts.append((entity, role, org.entity, self.text[sentence.start + match.start():org.end],
                                  sentence))
            for match in _APPOSITION_REGIONAL_RE.finditer(sentence.text):
                role, region_class = APPOSITION_REGIONAL[match.group(2).lower()]
                name = match.group(1)
                found = self.names.resolve(name, {"Person"})
                region = self._mention_at(sentence.start + match.end(), _COMPATIBLE[region_class])
                if region is None or len(found) != 1 or not name[0].isupper():
                    continue
                entity, = found
                posts.append((entity, role, region.entity, self.text[sentence.start + match.start():region.end],
                              sentence))
        return posts

    def _mention_at(self, pos, types, organisations=False):
        for m in self.mentions:
            if m.start < pos < m.end and m.start >= pos - 5:
                pos = m.start  # "Wali Kota Serang": the title's last word begins the region's name
            if pos <= m.start <= pos + 1 and "|" not in m.entity:
                kind = self.entity_type(m.entity)
                if organisations and kind not in REGION_TYPES and kind != "Person":
                    return m
                if types is not None and kind in types:
                    return m
            if pos <= m.start <= pos + 1 and "|" in m.entity and types:
                options = [e for e in m.entity.split("|") if self.names.types.get(e) in types]
                if len(options) == 1:
                    return Mention(m.start, m.end, options[0], self.names.types[options[0]], m.text)
        return None

    def _only_region(self, types):
        found = {m.entity for m in self.mentions if "|" not in m.entity and self.entity_type(m.entity) in types}
        found |= {self.names.jurisdiction[m.entity] for m in self.mentions if m.entity in self.names.jurisdiction
                  and self.entity_type(self.names.jurisdiction[m.entity]) in types}
        return found.pop() if len(found) == 1 else None

    # ----- dates -----------------------------------------------------------
    def dates(self, start, end) -> list[_DateHit]:
        hits = []
        covered = [False] * (end - start)
        for kind, pattern in _DATE_PATTERNS:
            for match in pattern.finditer(self.text, start, end):
                if any(covered[match.start() - start:match.end() - start]):
                    continue
                until = None
                if kind.startswith("range"):
                    value, until = self._range_value(kind, match)
                    weekday = None
                else:
                    value, weekday = self._date_value(kind, match)
                if value is None:
                    continue
                for i in range(match.start() - start, match.end() - start):
                    covered[i] = True
                hits.append(_DateHit(match.start(), match.end(), value, weekday, until))
        return sorted(hits, key=lambda h: h.start)

    def _range_value(self, kind, match):
        if kind == "range-dmy":
            first, last, month, year = match.group(1), match.group(2), match.group(3), match.group(4)
            start_month = end_month = MONTHS[month]
        else:
            start_month = MONTHS[match.group(1)]
            end_month = MONTHS[match.group(3)] if match.group(3) else start_month
            first, last, year = match.group(2), match.group(4), match.group(5)
        try:
            start = dt.date(int(year), start_month, int(first))
            end = dt.date(int(year), end_month, int(last))
        except ValueError:
            return None, None
        return (start.isoformat(), end.isoformat()) if start < end else (None, None)

    def _date_value(self, kind, match):
        weekday = None
        if kind in ("numeric", "dmy", "mdy") and match.group(1):
            weekday = WEEKDAY_NOTATION[WEEKDAYS[match.group(1)]]
        if kind == "numeric":
            day, month, year = int(match.group(2)), int(match.group(3)), int(match.group(4))
            year = year + 2000 if year < 100 else year
            try:
                return dt.date(year, month, day).isoformat(), weekday
            except ValueError:
                return None, None
        if kind in ("dmy", "mdy"):  # the pattern has found day, month and year: the month table reads them
            day, month = (match.group(2), match.group(3)) if kind == "dmy" else (match.group(3), match.group(2))
            try:
                return dt.date(int(match.group(4)), MONTHS[month], int(day)).isoformat(), weekday
            except ValueError:
                return None, None
        if kind == "my":
            return f"{int(match.group(2)):04d}-{MONTHS[match.group(1)]:02d}", None
        if kind == "month-rel":
            name = match.group(1) or match.group(3)
            if self.published_month is None:
                return None, None
            year, month = self.published_month
            wanted = MONTHS[name]
            if wanted > month or (wanted == month and (match.group(2) or match.group(4)) in ("lalu", "kemarin")):
                year -= 1
            return f"{year:04d}-{wanted:02d}", None
        if kind == "this-month":
            if self.published_month is None:
                return None, None
            return f"{self.published_month[0]:04d}-{self.published_month[1]:02d}", None
        if kind == "weekday":
            weekday = WEEKDAY_NOTATION[WEEKDAYS[match.group(1)]]
            if self.published is None:
                return None, None
            back = (self.published.weekday() - WEEKDAYS[match.group(1)]) % 7
            return (self.published - dt.timedelta(days=back)).isoformat(), weekday
        if kind == "yesterday":
            if self.published is None:
                return None, None
            return (self.published - dt.timedelta(days=1)).isoformat(), None
        return None, None

    # ----- facts -----------------------------------------------------------
    def new_id(self, base, type_name):
        candidate, n = base, 2
        while (self.taken.get(candidate, type_name) != type_name or candidate in self.names.types
               or any(f.get("id") == candidate and f["type"] != type_name for f in self.facts)):
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def label(self, entity, language):
        if entity in self.names.labels:
            labels = self.names.labels[entity]
            return labels.get(language) or next(iter(labels.values()))
        label = self.proposed[entity]["label"]
        return label.get(language, entity) if isinstance(label, dict) else label

    def _signing(self, fact, sentence, signing, person_of_post):
        """Who signed and where, from a sentence with a signing verb."""
        people = [h for h, _ in person_of_post.get(sentence.start, [])]
        people += [m.entity for m in self.in_span(sentence.start, sentence.end, {"Person"})]
        people = list(dict.fromkeys(people))
        if people and "signatory" not in fact:
            fact["signatory"] = people if len(people) > 1 else people[0]
        after = signing.end() + sentence.start
        for m in self.in_span(after, sentence.end, REGION_TYPES - {"Country"}):
            if _IN_RE.search(self.text[max(0, m.start - 4):m.start]) and "signedAt" not in fact:
                fact["signedAt"] = m.entity
                break

    def _unnamed_counterpart(self, sentence):
        """The country in "dengan sejumlah provinsi di Tiongkok" / "with several cities in China"."""
        match = _UNNAMED_RE.search(sentence.text)
        if match is None:
            return None
        found = self._mention_at(sentence.start + match.end(), {"Country"})
        return found.entity if found else None

    def parties(self, sentence, type_name):
        mentions = self.in_span(sentence.start, sentence.end, REGION_TYPES - {"Country", "Island"})
        for m in self.in_span(sentence.start, sentence.end, {"LocalGovernment"}):
            if m.entity in self.names.jurisdiction:  # "Pemerintah Kabupaten Tangerang" stands for the regency
                region = self.names.jurisdiction[m.entity]
                mentions.append(Mention(m.start, m.end, region, self.entity_type(region), m.text))
        mentions.sort(key=lambda m: m.start)
        qualifiers = set()
        for a, b in zip(mentions, mentions[1:]):
            gap = self.text[a.end:b.start]
            if re.fullmatch(r"\s*(?:,|di|in|of)?\s*", gap) and \
                    _LEVEL.get(self.entity_type(b.entity), 0) > _LEVEL.get(self.entity_type(a.entity), 0):
                qualifiers.add(id(b))
        if type_name == "SisterProvinceRelationship":
            wanted = {"Province"}
        else:
            wanted = {"Regency", "City", "PrefectureLevelCity", "County", "SpecialRegion"}
        groups = []
        for seg_start, seg_end in _segments(self.text, sentence.start, sentence.end):
            parties = []
            for m in mentions:
                if seg_start <= m.start < seg_end and id(m) not in qualifiers and \
                        self.entity_type(m.entity) in wanted and m.entity not in parties:
                    parties.append(m.entity)
            if parties:
                groups.append(parties)
        if len(groups) > 1 and all(len(g) >= 2 for g in groups):
            return groups
        flat = list(dict.fromkeys(e for g in groups for e in g))
        return [flat] if flat else []

    def run(self) -> Draft:
        self.find_mentions()
        posts = self.posts()
        self._mention_proposed_regions()
        facts: list[dict] = []
        person_of_post = {}
        seen_posts = set()
        honorifics = set()
        for holder, role, place, quote, sentence in posts:
            found = _HONORIFIC_NAME_RE.search(quote)
            if found and holder not in honorifics:  # "H. Budi Rustandi": the honorific, apart from the name
                honorifics.add(holder)
                value = " ".join(found.group(1).split())
                if holder in self.proposed:
                    self.proposed[holder]["honorific"] = value
                else:
                    facts.append({"about": holder, "honorific": value, "quote": [found.group()]})
        for holder, role, place, quote, sentence in posts:
            key = (holder, role, place)
            person_of_post.setdefault(sentence.start, []).append((holder, place))
            if key in seen_posts:
                continue
            seen_posts.add(key)
            facts.append({"type": "Post", "heldBy": holder, "role": role, "postIn": place, "quote": [quote]})

        # located-in: "Kota X di Provinsi Y", "X, Y province", "Pemerintah Kabupaten X di Indonesia";
        # capital: "Hangzhou, ibu kota Provinsi Zhejiang", "X, the capital of Y"
        located = set()
        for a, b in zip(self.mentions, self.mentions[1:]):
            subject = self.names.jurisdiction.get(a.entity, a.entity)
            ta, tb = self.entity_type(subject), self.entity_type(b.entity)
            if "|" in a.entity or "|" in b.entity or ta not in REGION_TYPES or tb not in ("Province", "Country",
                                                                                          "Island"):
                continue
            gap = self.text[a.end:b.start]
            if _LEVEL[tb] <= _LEVEL.get(ta, 9):
                continue
            if re.fullmatch(r"\s*(?:,|di|in)\s*", gap) and (subject, b.entity) not in located:
                located.add((subject, b.entity))
                facts.append({"about": subject, "locatedIn": b.entity, "quote": [self.text[a.start:b.end]]})
            elif re.fullmatch(r",?\s*(?:yang merupakan |yang juga )?(?:ibu ?kota|the capital(?: city)? of|"
                              r"capital of)\s+", gap, re.IGNORECASE):
                facts.append({"about": subject, "capitalOf": b.entity, "quote": [self.text[a.start:b.end]]})

        agreements: list[dict] = []
        anchors: list[tuple[int, dict]] = []  # (sentence index, fact) for sectors
        for index, sentence in enumerate(self.sentences):
            kinds = [(t, p) for pattern, t, p in AGREEMENTS if re.search(pattern, sentence.text)]
            signing = _SIGN_RE.search(sentence.text)
            signed = [a for a in agreements if a["type"] not in ("SisterCityRelationship",
                                                                  "SisterProvinceRelationship")]
            if not kinds and signing and signed and index - signed[-1]["_sentence"] <= 2 \
                    and _SIGNED_IT_RE.search(sentence.text):
                # "… signed the document in Surabaya": the agreement of the sentence before
                self._signing(signed[-1], sentence, signing, person_of_post)
                if sentence.text not in signed[-1]["quote"]:
                    signed[-1]["quote"].append(sentence.text)
            if not kinds and _SIMILAR_RE.search(sentence.text) and agreements \
                    and index - agreements[-1]["_sentence"] <= 2:
                kinds = [(agreements[-1]["type"], agreements[-1]["_prefix"])]  # "kerja sama serupa"
            for type_name, prefix in kinds:
                groups = self.parties(sentence, type_name)
                signing = _SIGN_RE.search(sentence.text)
                dates = self.dates(sentence.start, sentence.end)
                counterpart = self._unnamed_counterpart(sentence)
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
                    same = [a for a in agreements if a["type"] == type_name] or agreements
                    if same and index - same[-1]["_sentence"] <= 2:
                        if sentence.text not in same[-1]["quote"]:
                            same[-1]["quote"].append(sentence.text)
                        anchors.append((index, same[-1]))
                    continue
                for parties in groups:
                    existing = [a for a in agreements if a["type"] == type_name and a["party"] == parties]
                    if existing:
                        fact = existing[0]
                        if sentence.text not in fact["quote"]:
                            fact["quote"].append(sentence.text)
                    else:
                        fact = {"id": None, "type": type_name, "party": parties, "quote": [sentence.text],
                                "_sentence": index, "_prefix": prefix}
                        agreements.append(fact)
                    fact["_sentence"] = index
                    anchors.append((index, fact))
                    if signing and type_name not in ("SisterCityRelationship", "SisterProvinceRelationship"):
                        self._signing(fact, sentence, signing, person_of_post)
                    if dates and _more_precise(dates[0].value, fact.get("signedOn")) and type_name in ("LetterOfIntent",
                                                                          "MemorandumOfUnderstanding",
                                                                          "CooperationAgreement"):
                        fact["signedOn"] = dates[0].value

        event = self.event(person_of_post)
        if event is not None:
            anchors.append((event["_sentence"], event))

        # sectors: in the fact's own sentences, and in cooperation sentences just after them
        for index, sentence in enumerate(self.sentences):
            found = _sectors(sentence.text)
            if not found:
                continue
            own = [f for i, f in anchors if i == index]
            if not own and _COOPERATION_RE.search(sentence.text) and _REFERS_BACK_RE.search(sentence.text) \
                    and not sentence.text.lstrip().startswith(("“", '"')):
                before = [i for i, _ in anchors if 0 < index - i <= 2]
                own = [f for i, f in anchors if before and i == max(before)]
            if not own and event is not None and not agreements and not _direct_speech(sentence.text) and \
                    (_COOPERATION_RE.search(sentence.text) or _DISCUSSION_RE.search(sentence.text)):
                own = [event]  # what a visit's article says is discussed or offered
            for fact in own:
                sectors = fact.setdefault("sector", [])
                sectors.extend(s for s in found if s not in sectors)
                if sentence.text not in fact["quote"]:
                    fact["quote"].append(sentence.text)

        for fact in agreements:
            parties = fact["party"] + ([fact["unnamedCounterpartIn"]] if "unnamedCounterpartIn" in fact else [])
            year = fact.get("signedOn", "")[:4]
            base = "-".join([fact["_prefix"], *[_short(p) for p in parties]] + ([year] if year else []))
            fact["id"] = self.new_id(base, fact["type"])
            id_word, en_word = _AGREEMENT_LABEL[fact["type"]]
            fact["label"] = {"id": f"{id_word} {'–'.join(self.label(p, 'id') for p in parties)}",
                             "en": f"{'–'.join(self.label(p, 'en') for p in parties)} {en_word}"}
            if year:
                fact["label"] = {k: f"{v} {fact['signedOn']}" for k, v in fact["label"].items()}
        facts.extend(agreements)
        if event is not None:
            facts.append(event)
        return self.finish(facts)

    def event(self, person_of_post):
        visit = [i for i, s in enumerate(self.sentences) if _VISIT_RE.search(s.text)]
        meeting = [i for i, s in enumerate(self.sentences) if _MEETING_RE.search(s.text)]
        expo = [i for i, s in enumerate(self.sentences) if _EXPO_RE.search(s.text)]
        indexes = sorted(set(visit) | set(meeting))
        type_name = "DelegationVisit" if visit else "Meeting"
        if expo and len(expo) >= len(visit):  # an article about an expo
            indexes, type_name = expo, "Expo"
        if not indexes:
            return None
        fact = {"id": None, "type": type_name, "quote": [], "_sentence": indexes[0]}
        host = guest = leader = location = date = weekday = until = None
        participants, visited = [], []
        for i in indexes:
            sentence = self.sentences[i]
            for m in self.in_span(sentence.start, sentence.end):
                kind = self.entity_type(m.entity)
                before = self.text[max(sentence.start, m.start - 40):m.start]
                after = self.text[m.end:m.end + 20]
                if kind in REGION_TYPES - {"Country", "Island"} or kind not in REGION_TYPES | {"Person", "Company"}:
                    if guest is None and kind != "Person" and (_GUEST_RE.search(before) or
                                                               _GUEST_AFTER_RE.match(after)):
                        guest = m.entity
                    elif host is None and _HOST_RE.search(before) and kind in REGION_TYPES:
                        host = m.entity
                    elif location is None and kind in REGION_TYPES and _IN_RE.search(before[-4:]):
                        location = m.entity
                if kind == "Company" and type_name == "DelegationVisit":
                    visited.append(m.entity)
                if kind == "Person" or (kind not in REGION_TYPES and kind != "Company"):
                    participants.append(m.entity)
            for holder, place in person_of_post.get(sentence.start, []):
                participants.append(holder)
            lead = _LEADER_RE.search(sentence.text)
            if lead and leader is None:
                pos = sentence.start + lead.end()
                title = _TITLE_RE.match(self.text, pos)
                if title:
                    pos = title.end()
                    region = self._mention_at(pos + 1, REGION_TYPES)
                    pos = region.end if region else pos
                person = self.person_at(pos, sentence.end)
                if person:
                    leader = person[0]
            receive = _RECEIVE_RE.search(sentence.text)
            if receive and host is None:
                hosts = [place for holder, place in person_of_post.get(sentence.start, [])]
                subject = [m for m in self.in_span(sentence.start, sentence.start + receive.start())
                           if self.entity_type(m.entity) not in ("Person", "Country")]
                if hosts:
                    host = hosts[0]
                elif subject:
                    host = subject[0].entity
            if date is None:
                dates = self.dates(sentence.start, sentence.end)
                if dates:
                    date, weekday, until = dates[0].value, dates[0].weekday, dates[0].until
            if sentence.text not in fact["quote"]:
                fact["quote"].append(sentence.text)
        first = indexes[0]
        if date is None:  # a dateline in the same paragraph: "… Kota Binzhou. Selasa (22/09/25)"
            paragraph = self.sentences[first].paragraph
            for s in self.sentences:
                dates = self.dates(s.start, s.end) if s.paragraph == paragraph else []
                if dates:
                    date, weekday = dates[0].value, dates[0].weekday
                    fact["quote"].append(self.text[dates[0].start:dates[0].end])
                    break
        if date is None:  # the date is often in the sentence just before: "Pada 5 September 2025, …"
            for j in range(first - 1, max(-1, first - 3), -1):
                dates = self.dates(self.sentences[j].start, self.sentences[j].end)
                if dates and self.sentences[j].paragraph >= self.sentences[first].paragraph - 1:
                    date, weekday = dates[-1].value, dates[-1].weekday
                    fact["quote"].insert(0, self.text[dates[-1].start:dates[-1].end])
                    break
        if host is None and location is not None and location != guest:
            host = location
        if guest is None and host is not None and type_name == "DelegationVisit":
            # the visitors' posts tell where they come from: "… dihadiri Wakil Wali Kota Binzhou Qu Yuekuan"
            others = {place for i in indexes for _, place in person_of_post.get(self.sentences[i].start, [])
                      if self.entity_type(place) in REGION_TYPES and place != host
                      and self.names.jurisdiction.get(host) != place}
            if len(others) == 1:
                guest = others.pop()
        name = None
        if type_name == "Expo":
            for i in indexes:
                found = _EXPO_NAME_RE.search(self.sentences[i].text)
                if found and len(found.group(1).split()) >= 2:
                    name = " ".join(found.group().split())
                    break
        elif host is None and guest is None:
            return None
        start, end = (date, until) if until else (None, None)
        date = None if until else date
        for key, value in (("host", host), ("guest", guest), ("ledBy", leader), ("location", location),
                           ("date", date), ("startDate", start), ("endDate", end), ("statedWeekday", weekday)):
            if value is not None:
                fact[key] = value
        participants = [p for p in dict.fromkeys(participants) if p not in (host, guest)]
        if participants:
            fact["participant"] = participants
        if visited:
            fact["visited"] = list(dict.fromkeys(visited))
        if type_name == "Expo":
            year = (start or date or "")[:4]
            base = slug(name) if name else "-".join(["expo", *([year] if year else [])])
            fact["id"] = self.new_id(base if not year or year in base else f"{base}-{year}", type_name)
            fact["label"] = name or {"id": "Pameran", "en": "Expo"}
            return fact
        date = date or start
        prefix = "visit" if type_name == "DelegationVisit" else "meeting"
        parts = [_short(x) for x in (guest, host) if x]
        fact["id"] = self.new_id("-".join([prefix, *parts] + ([date[:4]] if date else [])), type_name)
        names = {lang: "–".join(self.label(x, lang) for x in (guest, host) if x) for lang in ("id", "en")}
        word = {"DelegationVisit": ("Kunjungan", "visit"), "Meeting": ("Pertemuan", "meeting")}[type_name]
        fact["label"] = {"id": f"{word[0]} {names['id']}", "en": f"{names['en']} {word[1]}"}
        if date:
            fact["label"] = {k: f"{v} {date}" for k, v in fact["label"].items()}
        return fact

    def finish(self, facts) -> Draft:
        draft = Draft()
        draft.proposed = [self.proposed[k] for k in sorted(self.proposed)]
        draft.mentioned = {m.entity for m in self.mentions if m.entity in self.names.types}
        order = ["id", "type", "about", "label", "honorific", "party", "heldBy", "role", "postIn", "signatory",
                 "signedOn",
                 "signedAt", "host", "guest", "ledBy", "location", "date", "startDate", "endDate", "statedWeekday",
                 "participant",
                 "visited", "locatedIn", "capitalOf", "unnamedCounterpartIn", "sector"]
        for fact in facts:
            clean = {k: fact[k] for k in order if k in fact and fact[k] not in (None, [])}
            clean["quote"] = [_trim(q) for q in dict.fromkeys(fact["quote"])]
            clean["quote"] = clean["quote"][0] if len(clean["quote"]) == 1 else clean["quote"]
            clean["reviewed"] = False
            clean["extractor"] = EXTRACTOR
            unknown = {k for k, v in clean.items() if k not in ("label", "quote", "extractor", "id", "type")
                       and any(x in self.proposed for x in (v if isinstance(v, list) else [v]) if isinstance(x, str))}
            if not unknown:
                draft.facts.append(clean)
                continue
            draft.pending.append(clean)  # whole, for when the curator has declared the new names
            if unknown <= _OPTIONAL_REFS:  # the fact stands without them: draft it with the known ones
                lean = {}
                for key, value in clean.items():
                    if key in unknown:
                        value = [x for x in value if x not in self.proposed] if isinstance(value, list) else None
                        if not value:
                            continue
                    lean[key] = value
                draft.facts.append(lean)
        return draft


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def _sentences(text: str) -> list[_Sentence]:
    """Sentences with their offsets; "H. Budi" or "K.H. Ahmad" do not end one."""
    result = []
    for paragraph, block in enumerate(re.finditer(r"[^\n]+", text)):
        cuts = [block.start()]
        for boundary in re.finditer(r"(?<=[.!?…”\"])\s+(?=[A-Z“\"])", block.group()):
            before = block.group()[:boundary.start()]
            if re.search(r"(?:^|[\s(])(?:[A-Z]|[A-Z][a-z]{1,2}|K\.H|Drs|Dra|Prof)\.\Z", before):
                continue
            cuts += [block.start() + boundary.start(), block.start() + boundary.end()]
        cuts.append(block.end())
        for start, end in zip(cuts[::2], cuts[1::2]):
            if text[start:end].strip():
                result.append(_Sentence(start, end, text[start:end], paragraph))
    return result


def _segments(text, start, end):
    """Parts of a sentence that list separate pairs ("A dan B serta C dan D")."""
    cuts = [m.start() for m in re.finditer(r"\bserta\b|;|\bas well as\b|\bwhile\b|\bsedangkan\b", text[start:end])]
    bounds = [start, *[start + c for c in cuts], end]
    return list(zip(bounds, bounds[1:]))


def _sectors(text: str) -> list[str]:
    taken = [False] * len(text)
    found = []
    spans = []
    for notation, pattern in _SECTOR_RE:
        for match in pattern.finditer(text):
            spans.append((-(match.end() - match.start()), match.start(), match.end(), notation))
    for _, start, end, notation in sorted(spans):
        if any(taken[start:end]):
            continue
        for i in range(start, end):
            taken[i] = True
        found.append((start, notation))
    return list(dict.fromkeys(n for _, n in sorted(found)))


_OPTIONAL_REFS = {"participant", "ledBy", "signatory", "visited", "signedAt", "location"}


def _direct_speech(sentence: str) -> bool:
    """A speaker's own words ("“Binzhou memiliki …,” kata Qu"): opinions, not what was agreed or discussed."""
    return sentence.lstrip().startswith(("“", '"', "‘"))


def _more_precise(new: str, old: str | None) -> bool:
    return old is None or (new.startswith(old) and len(new) > len(old))


def _short(entity: str) -> str:
    for prefix in ("kabupaten-", "kota-", "provinsi-", "kecamatan-"):
        if entity.startswith(prefix):
            return entity[len(prefix):]
    return entity


def _trim(quote: str) -> str:
    return quote.strip().rstrip(",;:")


def _org_type(name: str) -> str:
    rules = [(r"Kementerian|Ministry", "Ministry"), (r"Dinas|Badan|Agency|Office|Kantor", "GovernmentAgency"),
             (r"DPRD|Dewan Perwakilan|Council of Representatives|Parliament", "Legislature"),
             (r"Business|Chamber|Kamar Dagang|Kadin", "BusinessAssociation"),
             (r"Center|Centre|Institute|Institut|Studies|Research|Lembaga Kajian", "ResearchInstitute"),
             (r"Perhimpunan|Association|Asosiasi|Ikatan", "Association"),
             (r"Pemerintah|Government", "LocalGovernment"), (r"Committee|Komite|Panitia", "Committee"),
             (r"\b(?:PT|Tbk|Group|Company|Corp)\b", "Company")]
    for pattern, type_name in rules:
        if re.search(pattern, name):
            return type_name
    return "Organisation"


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


def _as_month(value) -> tuple[int, int] | None:
    if isinstance(value, dt.date):
        return value.year, value.month
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}", value):
        return int(value[:4]), int(value[5:7])
    return None

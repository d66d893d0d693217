"""`kg add`: take a saved article (HTML or text) into sources/, with a drafted record.

``read_article(data, name)`` is pure: bytes in, clean text and metadata out (or
an ``AddError`` saying what is wrong with the file). ``add_article`` checks for
duplicates, drafts the facts (graph.extract) and the names the gazetteer does
not know (graph.drafts: the record's ``entities:``, the outlet among them when
it is new), and writes the text and the record, atomically and in that order,
so that sources/ never holds half an article.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

from graph import drafts, roundtrip
from graph.errors import InputError, SourceError
from graph.evidence import NormalisedText
from graph.extract import EXTRACTOR, Draft, extract
from graph.match import places_within, record_seats, settle
from graph.ontology import Vocabulary, load_vocabulary
from graph.atomic import write_atomic
from graph.progress import SILENT, Progress
from graph.regions import load_gazetteer, renamed_regions
from graph.safe_read import read_regular, read_text
from graph.sources import GAZETTEER_FILE, LANGUAGES, Source, parse_record

PROPOSED_FOLDER = "proposed"  # where earlier versions proposed new names; `kg extract` removes a record's file
MAX_FILE = 10 * 2**20  # bytes of a file to add: a saved page with its inline styles and scripts fits
MAX_TEXT = 200_000  # characters of an article's text: more is a book or a dump, not an article
_ESCAPED = re.compile("[\udc80-\udcff]")
_FURNITURE = re.compile(
    r"(?i)^\s*(?:baca juga|read also|read more|berita terkait|related(?: news| articles?)?|artikel terkait|"
    r"share(?: this)?|bagikan|subscribe|berlangganan|langganan|advertisement|iklan|scroll to continue|"
    r"sign in to continue|login untuk|to continue reading|untuk membaca|premium|tags?)\b[:\s]?")
_PAYWALL = re.compile(r"(?i)subscribe (?:now|to read)|berlangganan sekarang|konten premium|premium content|"
                      r"unlock (?:this|the full) (?:article|story)|sudah berlangganan")
_HEADLINE = re.compile(r".{1,200}(?<![.!?:;,…])\Z")  # a headline ends without a sentence's stop
_STOPWORDS = {  # function words: news dense with names and titles still has one in ten of them
    "id": {"yang", "dan", "di", "dengan", "untuk", "ini", "dari", "pada", "itu", "dalam", "tidak", "akan", "ke",
           "juga", "kata", "oleh", "sebagai", "kerja", "sama", "para", "telah", "bahwa", "kami", "antara", "serta",
           "kepada", "tersebut", "adalah", "karena", "atau", "lebih", "hingga", "setelah", "saat", "masih", "bisa",
           "dapat", "menjadi", "melalui", "sejak", "agar", "tengah", "sudah", "bagi", "atas", "ia", "kita",
           "yakni", "yaitu", "seperti", "namun", "tak", "belum", "lalu", "kedua", "pihak", "tahun"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "by", "as", "are", "this",
           "from", "has", "have", "be", "it", "at", "its", "will", "a", "an", "said", "were", "which", "their",
           "after", "who", "also", "had", "not", "but", "than", "been", "would", "they", "our", "we"},
}


class AddError(InputError):
    """A file cannot be added as an article."""


@dataclass
class Article:
    text: str
    meta: dict = field(default_factory=dict)  # title, url, published, language, site
    notes: list[str] = field(default_factory=list)  # what was done to the file (converted, cleaned)
    title_end: int = 0  # the text's first characters are its title (a text file's first line), not its body

    @property
    def body(self) -> str:
        """The text to draft facts from: the title blanked, so that every offset is still the stored text's."""
        return " " * self.title_end + self.text[self.title_end:]


@dataclass
class Added:
    source_id: str
    text_path: Path
    record_path: Path | None
    draft: Draft
    notes: list[str]
    facts: list[dict] = field(default_factory=list)  # the drafted facts written
    entities: list[dict] = field(default_factory=list)  # the draft entities written


# --------------------------------------------------------------------------
# Reading a file (pure)
# --------------------------------------------------------------------------

def read_article(data: bytes, name: str) -> Article:
    """The article's clean text and what the file says about it."""
    if not data.strip():
        raise AddError("the file is empty: there is no article to add", name)
    notes = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark ("Unicode" on Windows)
        try:
            data = data.decode("utf-16").encode("utf-8")
            notes.append("converted from utf-16 to UTF-8")
        except UnicodeDecodeError:
            raise AddError("starts like UTF-16 text but does not decode as such", name) from None
    if b"\x00" in data[:8192] or _control_share(data[:8192]) > 0.05:
        raise AddError("a binary file, not an article: give a saved HTML page or a text file", name)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        text, bad = _mostly_utf8(data)
        if text is not None:
            shown = ", ".join(f"{offset:,}" for offset in bad[:10]) + (", …" if len(bad) > 10 else "")
            notes.append(f"{len(bad)} byte{'s' if len(bad) > 1 else ''} not UTF-8 in otherwise UTF-8 text, "
                         f"replaced with U+FFFD: at offset{'s' if len(bad) > 1 else ''} {shown}")
        else:
            text, encoding = _decode_other(data, name)
            notes.append(f"converted from {encoding} to UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _is_html(text, name):
        article = _from_html(text, name)
    else:
        article = _from_text(_clean_lines(text))
    article.notes = notes + article.notes
    if not article.text.strip():
        raise AddError("no article text found in the file", name)
    if len(article.text) > MAX_TEXT:
        raise AddError(f"too long to be an article: {len(article.text):,} characters of text (kg add takes "
                       f"articles of at most {MAX_TEXT:,}; split a longer document into its articles)", name)
    article.meta.setdefault("language", detect_language(article.text))
    return article


def _control_share(data: bytes) -> float:
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 13, 12))
    return control / max(1, len(data))


def _mostly_utf8(data: bytes) -> tuple[str | None, list[int]]:
    """UTF-8 text with a few bytes that are not (a stray byte of another code page, a cut character):
    the text with each such byte as U+FFFD, and their offsets; (None, []) if the bytes are not mostly
    UTF-8 (fewer characters beyond ASCII decode than fail), which a legacy code page may explain."""
    text = data.decode("utf-8", "surrogateescape")  # each bad byte a lone surrogate, U+DC80-U+DCFF
    bad_chars = [match.start() for match in _ESCAPED.finditer(text)]
    multibyte = sum(1 for char in text if char >= "\x80") - len(bad_chars)
    if multibyte < len(bad_chars):
        return None, []
    offsets, at, last = [], 0, 0
    for index in bad_chars:  # byte offsets, counted along the text once
        at += len(text[last:index].encode("utf-8"))
        offsets.append(at)
        at, last = at + 1, index + 1
    return _ESCAPED.sub("\ufffd", text).removeprefix("\ufeff"), offsets


def _decode_other(data: bytes, name) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise AddError("not UTF-8 text, and its encoding cannot be told: save it as UTF-8 and try again", name)
    return str(best), best.encoding


def _is_html(text: str, name: str) -> bool:
    if Path(name).suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _from_html(html: str, name) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        raise AddError("no article text found in the page (only page furniture, or an empty page)", name)
    meta = {}
    for key, attr in (("title", "title"), ("url", "url"), ("site", "sitename"), ("published", "date")):
        value = getattr(document, attr, None)
        if value:
            meta[key] = str(value).strip()
    lang = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", html[:4096], re.IGNORECASE)
    if lang:
        meta["html_language"] = lang.group(1).lower()
    text = _clean_lines(body)
    if meta.get("title") and text.startswith(meta["title"] + "\n"):
        text = text[len(meta["title"]) + 1:]  # the headline goes to the record, not the text
    return Article(text, meta, ["main text extracted with trafilatura; page furniture dropped"])


def _from_text(text: str) -> Article:
    """A text file: its first line is the headline (kept in the text, left out of the body), when it reads
    as one: short, and not a sentence (a file that begins with its lead paragraph keeps it as body)."""
    first, newline, rest = text.partition("\n")
    if not newline or not rest.strip() or not _HEADLINE.match(first.strip()):
        return Article(text, {})
    return Article(text, {"title": _first_line(first)}, title_end=len(first))


def _clean_lines(text: str) -> str:
    """Drop furniture lines ("Baca juga: …", share buttons, paywall offers); keep the rest as written."""
    lines = []
    for line in text.split("\n"):
        if _FURNITURE.match(line) or _PAYWALL.search(line):
            continue
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n") + "\n"


def detect_language(text: str) -> str:
    """'id', 'en', or 'other', by the share of each language's commonest words."""
    words = re.findall(r"[a-zA-Z]+", text.lower())
    if not words:
        return "other"
    shares = {lang: sum(w in stop for w in words) / len(words) for lang, stop in _STOPWORDS.items()}
    lang, other = sorted(shares, key=lambda k: (-shares[k], k))
    # one language clearly ahead of the other: French or Dutch share a few words with English, never half
    return lang if shares[lang] >= 0.05 and shares[lang] >= 2 * shares[other] else "other"


def fingerprint(text: str) -> str:
    """The same article, however its lines or spaces were wrapped."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()


# --------------------------------------------------------------------------
# Writing into sources/
# --------------------------------------------------------------------------

def add_article(sources: Path, ontology: Path, file: Path, *, title=None, url=None, publisher=None,
                published=None, language=None, draft_facts=True, progress: Progress = SILENT) -> Added:
    sources, file = Path(sources), Path(file)
    progress.stage("Reading the article")
    try:
        data = read_regular(file, limit=MAX_FILE)
    except FileNotFoundError:
        raise AddError("file not found", file) from None
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            raise AddError(f"too large to be an article: {exc.strerror} (kg add takes files of at most "
                           f"{MAX_FILE // 2**20} MiB)", file) from None
        raise AddError(f"cannot read: {exc.strerror}", file) from None
    article = read_article(data, str(file))
    vocab = load_vocabulary(ontology)
    gazetteer = load_gazetteer(sources, vocab)
    meta = article.meta
    language = language or (meta.get("html_language") if meta.get("html_language") in LANGUAGES
                            and meta["language"] == "other" else None) or meta["language"]
    url = url or meta.get("url")
    _refuse_duplicates(sources, article.text, url, file)
    source_id = next_source_id(sources, article.text)
    text_path = sources / f"{source_id}.txt"

    if language not in LANGUAGES:
        write_atomic(text_path, article.text.encode())
        reason = (f"the article is not in Indonesian or English (language: {language}); the text is kept, "
                  f"but no record is written: kg build reads only id and en")
        return Added(source_id, text_path, None, Draft(reason=reason), article.notes)

    declared = declarations(sources, gazetteer)  # one pass over the records, for the extractor and the checks
    record_meta, new_outlet = _record_meta(article, gazetteer, declared, file, title=title, url=url,
                                           publisher=publisher, published=published, language=language)
    draft = Draft(reason="not asked to draft facts (--no-extract)")
    if draft_facts:
        progress.stage("Drafting facts")
        draft = extract(article.body, language, record_meta["published"], gazetteer, _classes(declared),
                        sides_named(sources))
        match_declared(draft, sources, gazetteer, record_meta["published"])
    entities, facts = _drafted(draft, [new_outlet] if new_outlet else [], declared, {})
    if new_outlet:
        record_meta["publisher"] = entities[0]["id"]
    record = render_record(record_meta, entities, facts, note=f"Drafted by {EXTRACTOR} from {file.name}.")
    progress.stage("Checking the record")
    check_record(record, sources / f"{source_id}.yaml", article.text, vocab, declared)
    try:
        write_atomic(text_path, article.text.encode())
        record_path = sources / f"{source_id}.yaml"
        write_atomic(record_path, record.encode())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            text_path.unlink()
        raise
    return Added(source_id, text_path, record_path, draft, article.notes, facts, entities)


def _drafted(draft: Draft, first: list[dict], declared: dict, own: dict) -> tuple[list[dict], list[dict]]:
    """The record's new entities and drafted facts, the entities' ids settled against the project's."""
    facts = drafts.facts_in_full(draft)
    declared = {**declared, **{f["id"]: (f.get("type"), None) for f in facts if isinstance(f.get("id"), str)}}
    entities, renames = drafts.settle(first + drafts.entities_of(draft), declared, own)
    facts = [drafts.rename_in(fact, renames) for fact in facts]
    return entities, facts


def _refuse_duplicates(sources: Path, text: str, url, file) -> None:
    mark = fingerprint(text)
    for path in sorted(sources.glob("*.txt")):
        if not path.with_suffix(".yaml").exists():
            continue  # text left by an add that was killed before its record: it will be replaced
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if fingerprint(path.read_text(encoding="utf-8")) == mark:
                raise AddError(f"already added: the same text is {path.name}", file)
    if url:
        for path, doc in _records(sources):
            if doc["source"].get("url") == url:
                raise AddError(f"already added: {path.name} has the same url {url}", file)


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _records(sources: Path):
    """(path, parsed YAML) of every record; callers only read the documents, which are shared."""
    for path in sorted(sources.glob("*.yaml")):
        if path.name == GAZETTEER_FILE:
            continue
        with contextlib.suppress(yaml.YAMLError, OSError, UnicodeDecodeError):
            stat = path.stat()
            doc = _parsed(str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)
            if isinstance(doc, dict) and isinstance(doc.get("source"), dict):
                yield path, doc


@functools.lru_cache(maxsize=65536)
def _parsed(path: str, inode: int, mtime: int, size: int):
    """A record's YAML, parsed once for the several scans of one `kg add` (each parse of every record costs
    about as much as the rest of the add); a file written since has another inode, time or size. libyaml's
    loader: the pure-Python one took 1.1 ms a record, 23 s of an add among 20,000 records."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_FAST_LOADER)


def declared_ids(sources: Path) -> dict[str, str]:
    """Ids the project's records already declare (facts and draft entities), with their class."""
    return _classes(declarations(sources, None))


def _classes(declared: dict) -> dict[str, str]:
    return {entity: cls for entity, (cls, _) in declared.items()}


def match_declared(draft: Draft, sources: Path, gazetteer: Source, published: str, own: str | None = None) -> None:
    """The draft's events and agreements take the ids of those other records declare, or minted ones
    (graph/match.py); ``own``: the record whose earlier drafts this one replaces."""
    records = [(path.stem, doc) for path, doc in _records(sources)]
    parents = places_within((i.subject, s.prop.name, s.value) for i in gazetteer.items for s in i.statements)
    # (a chamber or an office stands for its town as a side: one outlet's organiser hosts, another's office)
    seats = {**record_seats(records, draft.town_of), **draft.towns, **record_seats(records, draft.seat_of),
             **draft.seats}
    draft.facts, draft.pending = settle(draft.facts, draft.pending, records, {i.subject for i in gazetteer.items},
                                        parents=parents, own=own, published=published, seats=seats)


def next_source_id(sources: Path, text: str) -> str:
    for orphan in sorted(sources.glob(f"*_{fingerprint(text)[:16]}.txt")):
        if not orphan.with_suffix(".yaml").exists():
            return orphan.stem  # an add of this text was killed before its record: finish it
    numbers = [int(m.group(1)) for p in sources.iterdir() if (m := re.match(r"(\d{3})_", p.name))]
    number = max(numbers, default=-1) + 1
    return f"{number:03d}_{fingerprint(text)[:16]}"


def _other_records(sources: Path, leave_out: Path | None):
    """The parsed records but ``leave_out``'s (the record being drafted again)."""
    leave_out = Path(leave_out).resolve() if leave_out else None
    for path, doc in _records(sources):
        if not (leave_out and path.resolve() == leave_out):
            yield doc


def sides_named(sources: Path, leave_out: Path | None = None) -> frozenset[str]:
    """The entities the records' facts (but ``leave_out``'s) name as a party, host or guest."""
    found = set()
    for doc in _other_records(sources, leave_out):
        for fact in doc.get("facts") or []:
            if isinstance(fact, dict):
                for key in ("party", "host", "guest"):
                    values = fact.get(key)
                    found.update(v for v in (values if isinstance(values, list) else [values]) if isinstance(v, str))
    return frozenset(found)


def declarations(sources: Path, gazetteer: Source | None, leave_out: Path | None = None) -> dict:
    """id -> (class, label) of what the project declares; the label is None where the id is not a
    draft entity another record may share (the gazetteer's entities, facts)."""
    found = {item.subject: (item.type, None) for item in gazetteer.items} if gazetteer else {}
    for doc in _other_records(sources, leave_out):
        for key in ("facts", "entities"):
            for entry in doc.get(key) or []:
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    found.setdefault(entry["id"], (entry.get("type"), entry.get("label") if key == "entities" else None))
    return found


def _record_meta(article: Article, gazetteer: Source, declared: dict, file, *, title, url, publisher, published,
                 language) -> tuple[dict, dict | None]:
    """The record's ``source:``, and the draft entity of its publisher when the gazetteer does not know it
    (``--publisher`` may name an outlet another record drafted: this record declares it too)."""
    meta = article.meta
    title = title or meta.get("title") or _first_line(article.text)
    published = published or meta.get("published")
    new_outlet = None
    if publisher is None:
        publisher = _publisher(gazetteer, meta.get("site"), url)
        if publisher is None:
            new_outlet = drafts.outlet(meta.get("site"), url, article.text)
            publisher = new_outlet and new_outlet["id"]
    missing = [name for name, value in (("url", url), ("publisher", publisher), ("published", published))
               if not value]
    if missing:
        hint = ", ".join(f"--{name}" for name in missing)
        raise AddError(f"the file does not say its {' and '.join(missing)}: pass {hint}", file)
    publishers = {i.subject for i in gazetteer.items if i.type == "NewsPublisher"}
    drafted = declared.get(publisher, (None, None))
    if new_outlet is None and publisher not in publishers and drafted[0] == "NewsPublisher" and drafted[1]:
        found = drafts.outlet(drafted[1] if isinstance(drafted[1], str) else None, url, article.text) or {}
        new_outlet = {"id": publisher, "type": "NewsPublisher", "label": drafted[1],
                      **{k: v for k, v in found.items() if k not in ("id", "type", "label")},
                      "reviewed": False, "extractor": EXTRACTOR}
    if new_outlet is None and publisher not in publishers:
        raise AddError(f"publisher {publisher!r} is not a NewsPublisher of gazetteer.yaml: "
                       f"declare it there, pass one of {', '.join(sorted(publishers))}, or leave --publisher "
                       "out to draft the page's own", file)
    return {"title": title, "publisher": publisher, "url": url, "language": language,
            "published": str(published)[:10]}, new_outlet


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 160 else line[:159] + "…"


def _publisher(gazetteer: Source, site, url) -> str | None:
    names = []
    if site:
        names.append(site.strip())
    if url:
        host = urlparse(url).hostname or ""
        names += [host, host.removeprefix("www.")]
    for item in gazetteer.items:
        if item.type != "NewsPublisher":
            continue
        known = {n.casefold() for n in [*item.labels.values(), *item.aliases]}
        if any(n.casefold() in known for n in names if n):
            return item.subject
    return None


HEADER = ["# Entries marked `reviewed: false` were drafted by a machine: check each against the text,",
          "# then `kg review SOURCE` to accept, correct, rename, merge or drop them.",
          "# `entities:` are names the gazetteer does not know, drafted into the graph with this article."]


def render_record(meta: dict, entities: list[dict], facts: list[dict], note: str | None = None) -> str:
    """A new record's YAML: metadata, the draft entities, then the facts."""
    if note and "note" not in meta:
        meta = {**meta, "note": note}
    doc = {"source": meta}
    if entities:
        doc["entities"] = [roundtrip.block(entry) for entry in entities]
    doc["facts"] = [roundtrip.block(fact) for fact in facts]
    return "\n".join(HEADER) + "\n" + roundtrip.dump(doc)


def check_record(record: str, path: Path, text: str, vocab: Vocabulary, declared=None) -> None:
    """The draft must be a valid record whose quotes are in the text, before anything is written.

    ``declared``: the ids the gazetteer and the other records declare, if already read (``declarations``).
    """
    source = parse_record(record, path, vocab)
    folded = NormalisedText(text)
    for item in source.items:
        for quote in item.quotes:
            if folded.locate(quote.text) is None:  # a bug in the extractor, not in the user's file
                raise SourceError(f"drafted quote not found in the text: {quote.text[:60]!r}", path, quote.line)
    if declared is None:
        folder = Path(path).parent
        gazetteer = load_gazetteer(folder, vocab)
        declared = declarations(folder, gazetteer)
    known = set(declared) | set(vocab.concepts) | {i.subject for i in source.items if i.type is not None}
    for item in source.items:
        for statement in item.statements:
            if statement.prop.is_object and statement.value not in known:
                renamed = renamed_regions().get(statement.value)
                why = f": region {statement.value!r} was renamed {renamed!r}" if renamed \
                    else " refers to an undeclared entity"
                raise SourceError(f"`{statement.prop.name}: {statement.value}`{why}", path, statement.line)


def find_record(sources: Path, ref: str) -> Path:
    """A record by its id (005_ab12…), its number (005) or its path."""
    sources = Path(sources)
    candidate = Path(ref)
    if candidate.suffix in (".yaml", ".txt") and candidate.exists():
        return candidate.with_suffix(".yaml")
    stem = candidate.name.removesuffix(".yaml").removesuffix(".txt")
    matches = sorted(p for p in sources.glob("*.yaml") if p.name != GAZETTEER_FILE
                     and (p.stem == stem or p.stem.split("_", 1)[0] == stem))
    if len(matches) != 1:
        raise AddError(f"no single source record is named {ref!r} in {sources}/"
                       + (f" ({len(matches)} match)" if matches else ""), ref)
    return matches[0]


def _claim(fact: dict) -> dict:
    """What a fact says, whoever wrote it and whatever its evidence."""
    return {k: str(v) if k in ("signedOn", "date") else v for k, v in fact.items()
            if k not in ("reviewed", "extractor", "quote", "label")}


def extract_source(sources: Path, ontology: Path, ref: str, progress: Progress = SILENT) -> Added:
    """Draft an added article's facts and entities again: reviewed ones are kept, earlier drafts replaced.

    The record is edited in place (graph.roundtrip): what the curator wrote,
    comments included, stays as it was.
    """
    sources = Path(sources)
    record_path = find_record(sources, ref)
    vocab = load_vocabulary(ontology)
    record = parse_record(read_text(record_path), record_path, vocab)  # refuses a broken record
    text = read_text(record.text_path)
    edit = roundtrip.RecordFile(read_text(record_path), record_path)
    gazetteer = load_gazetteer(sources, vocab)
    publisher = edit.source.get("publisher")
    old = {key: [e for e in edit.doc.get(key) or [] if isinstance(e, dict) and e.get("reviewed") is False
                 and not (key == "entities" and e.get("id") == publisher)] for key in ("entities", "facts")}
    kept_entities = [e for e in edit.doc.get("entities") or [] if isinstance(e, dict)
                     and not any(e is x for x in old["entities"])]
    own = {e.get("id"): (e.get("type"), e.get("label")) for e in kept_entities}
    known = [i for i in record.items if i.subject in own and i.type]  # names the extractor now knows
    names = Source(gazetteer.id, gazetteer.path, gazetteer.kind, gazetteer.language, gazetteer.meta,
                   gazetteer.items + known)
    declared = declarations(sources, gazetteer, leave_out=record_path)
    progress.stage("Drafting facts")
    draft = extract(_body(text, edit.source.get("title")), record.language, str(record.meta["published"]), names,
                    _classes(declared), sides_named(sources, leave_out=record_path))
    match_declared(draft, sources, gazetteer, str(record.meta["published"]), own=record.id)
    entities, facts = _drafted(draft, [], declared, own)
    kept = [f for f in edit.doc.get("facts") or [] if isinstance(f, dict) and not any(f is x for x in old["facts"])]
    kept_ids = {f.get("id") for f in kept} - {None}
    kept_claims = [_claim(f) for f in kept]
    facts = [f for f in facts if f.get("id") not in kept_ids and _claim(f) not in kept_claims]
    for key, new_entries in (("entities", entities), ("facts", facts)):
        _replace_drafts(edit.entries(key) if old[key] or new_entries else [], old[key], new_entries)
    new = edit.render()
    progress.stage("Checking the record")
    check_record(new, record_path, text, vocab, declared)
    with contextlib.suppress(FileNotFoundError):
        (sources / PROPOSED_FOLDER / f"{record.id}.yaml").unlink()  # its proposals are now the record's entities
    write_atomic(record_path, new.encode())
    drafted = {key: [e for e in edit.doc.get(key) or [] if isinstance(e, dict) and e.get("reviewed") is False]
               for key in ("entities", "facts")}
    return Added(record.id, record.text_path, record_path, draft, [], drafted["facts"], drafted["entities"])


def _replace_drafts(entries, old: list, new: list) -> None:
    """The old drafts in ``entries`` replaced by the new: one drafted again as it was stays where it is."""
    fresh = [roundtrip.plain(entry) for entry in new]
    for entry in old:
        same = roundtrip.plain(entry)
        if same in fresh:
            del new[fresh.index(same)]
            fresh.remove(same)
        else:
            entries.remove(entry)
    entries.extend(roundtrip.block(entry) for entry in new)


def _body(text: str, title) -> str:
    """The text without its headline, where the text begins with it (as a text file added does)."""
    first = text.partition("\n")[0]
    if isinstance(title, str) and first.strip() and " ".join(first.split()) == " ".join(title.split()):
        return " " * len(first) + text[len(first):]
    return text

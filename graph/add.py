"""`kg add`: take a saved article (HTML or text) into sources/, with a drafted record.

``read_article(data, name)`` is pure: bytes in, clean text and metadata out (or
an ``AddError`` saying what is wrong with the file). ``add_article`` checks for
duplicates, drafts the facts (graph.extract), and writes the text, any
proposed gazetteer entries and the record, atomically and in that order, so
that sources/ never holds half an article.
"""
from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

from graph.errors import InputError, SourceError
from graph.evidence import NormalisedText
from graph.extract import EXTRACTOR, Draft, extract
from graph.ontology import Vocabulary, load_vocabulary
from graph.outputs import write_atomic
from graph.regions import load_gazetteer
from graph.sources import GAZETTEER_FILE, LANGUAGES, Source, parse_record, read_text

PROPOSED_FOLDER = "proposed"
_FURNITURE = re.compile(
    r"(?i)^\s*(?:baca juga|read also|read more|berita terkait|related(?: news| articles?)?|artikel terkait|"
    r"share(?: this)?|bagikan|subscribe|berlangganan|langganan|advertisement|iklan|scroll to continue|"
    r"sign in to continue|login untuk|to continue reading|untuk membaca|premium|tags?)\b[:\s]?")
_PAYWALL = re.compile(r"(?i)subscribe (?:now|to read)|berlangganan sekarang|konten premium|premium content|"
                      r"unlock (?:this|the full) (?:article|story)|sudah berlangganan")
_STOPWORDS = {
    "id": {"yang", "dan", "di", "dengan", "untuk", "ini", "dari", "pada", "itu", "dalam", "tidak", "akan", "ke",
           "juga", "kata", "oleh", "sebagai", "kerja", "sama", "para", "telah", "bahwa", "kami", "antara"},
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "was", "by", "as", "are", "this",
           "from", "has", "have", "be", "it", "at", "its", "will"},
}


class AddError(InputError):
    """A file cannot be added as an article."""


@dataclass
class Article:
    text: str
    meta: dict = field(default_factory=dict)  # title, url, published, language, site
    notes: list[str] = field(default_factory=list)  # what was done to the file (converted, cleaned)


@dataclass
class Added:
    source_id: str
    text_path: Path
    record_path: Path | None
    proposed_path: Path | None
    draft: Draft
    notes: list[str]


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
        text, encoding = _decode_other(data, name)
        notes.append(f"converted from {encoding} to UTF-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _is_html(text, name):
        article = _from_html(text, name)
    else:
        article = Article(_clean_lines(text), {})
    article.notes = notes + article.notes
    if not article.text.strip():
        raise AddError("no article text found in the file", name)
    article.meta.setdefault("language", detect_language(article.text))
    return article


def _control_share(data: bytes) -> float:
    control = sum(1 for b in data if b < 32 and b not in (9, 10, 13, 12))
    return control / max(1, len(data))


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
    lang = max(sorted(shares), key=shares.get)
    return lang if shares[lang] >= 0.08 else "other"


def fingerprint(text: str) -> str:
    """The same article, however its lines or spaces were wrapped."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode()).hexdigest()


# --------------------------------------------------------------------------
# Writing into sources/
# --------------------------------------------------------------------------

def add_article(sources: Path, ontology: Path, file: Path, *, title=None, url=None, publisher=None,
                published=None, language=None, draft_facts=True) -> Added:
    sources, file = Path(sources), Path(file)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise AddError("file not found", file) from None
    except OSError as exc:
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
        return Added(source_id, text_path, None, None, Draft(reason=reason), article.notes)

    record_meta = _record_meta(article, gazetteer, file, title=title, url=url, publisher=publisher,
                               published=published, language=language)
    draft = Draft(reason="not asked to draft facts (--no-extract)")
    if draft_facts:
        draft = extract(article.text, language, record_meta["published"], gazetteer, declared_ids(sources))
    record = render_record(record_meta, [], draft, note=f"Drafted by {EXTRACTOR} from {file.name}.")
    _check_record(record, sources / f"{source_id}.yaml", article.text, vocab)
    proposed_path = sources / PROPOSED_FOLDER / f"{source_id}.yaml"
    written = []
    try:
        write_atomic(text_path, article.text.encode())
        written.append(text_path)
        if draft.proposed or draft.pending:
            write_atomic(proposed_path, render_proposed(source_id, draft).encode())
            written.append(proposed_path)
        record_path = sources / f"{source_id}.yaml"
        write_atomic(record_path, record.encode())
    except BaseException:
        for path in written:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        raise
    return Added(source_id, text_path, record_path, proposed_path if proposed_path in written else None,
                 draft, article.notes)


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


def _records(sources: Path):
    for path in sorted(sources.glob("*.yaml")):
        if path.name == GAZETTEER_FILE:
            continue
        with contextlib.suppress(yaml.YAMLError, OSError, UnicodeDecodeError):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(doc, dict) and isinstance(doc.get("source"), dict):
                yield path, doc


def declared_ids(sources: Path) -> dict[str, str]:
    """Fact ids the project's records already declare, with their class."""
    ids = {}
    for _, doc in _records(sources):
        for fact in doc.get("facts") or []:
            if isinstance(fact, dict) and isinstance(fact.get("id"), str):
                ids[fact["id"]] = fact.get("type")
    return ids


def next_source_id(sources: Path, text: str) -> str:
    for orphan in sorted(sources.glob(f"*_{fingerprint(text)[:16]}.txt")):
        if not orphan.with_suffix(".yaml").exists():
            return orphan.stem  # an add of this text was killed before its record: finish it
    numbers = [int(m.group(1)) for p in sources.iterdir() if (m := re.match(r"(\d{3})_", p.name))]
    number = max(numbers, default=-1) + 1
    return f"{number:03d}_{fingerprint(text)[:16]}"


def _record_meta(article: Article, gazetteer: Source, file, *, title, url, publisher, published, language) -> dict:
    meta = article.meta
    title = title or meta.get("title") or _first_line(article.text)
    publisher = publisher or _publisher(gazetteer, meta.get("site"), url)
    published = published or meta.get("published")
    missing = [name for name, value in (("url", url), ("publisher", publisher), ("published", published))
               if not value]
    if missing:
        hint = ", ".join(f"--{name}" for name in missing)
        known = ""
        if "publisher" in missing:
            ids = sorted(i.subject for i in gazetteer.items if i.type == "NewsPublisher")
            site = f" (the page names {meta['site']!r})" if meta.get("site") else ""
            known = f"; known publishers{site}: {', '.join(ids)} (declare a new one in gazetteer.yaml)"
        raise AddError(f"the file does not say its {' and '.join(missing)}: pass {hint}{known}", file)
    publishers = {i.subject for i in gazetteer.items if i.type == "NewsPublisher"}
    if publisher not in publishers:
        raise AddError(f"publisher {publisher!r} is not a NewsPublisher of gazetteer.yaml: "
                       f"declare it there, or pass one of {', '.join(sorted(publishers))}", file)
    return {"title": title, "publisher": publisher, "url": url, "language": language,
            "published": str(published)[:10]}


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


def render_record(meta: dict, kept: list[dict], draft: Draft, note: str | None = None) -> str:
    """A record's YAML: metadata, the curator's facts, then the drafted ones."""
    header = ["# Facts marked `reviewed: false` were drafted by a machine: check each against the text,",
              "# then `kg review SOURCE` to accept, correct or drop them."]
    if draft.pending or draft.proposed:
        header.append("# Names the gazetteer does not know are proposed in sources/proposed/"
                      " (never added by guesswork).")
    if note:
        meta = {**meta, "note": note} if "note" not in meta else meta
    body = _dump({"source": meta, "facts": [*kept, *draft.facts]})
    return "\n".join(header) + "\n" + body


def render_proposed(source_id: str, draft: Draft) -> str:
    lines = [f"# Proposed by {EXTRACTOR} for {source_id}: names the gazetteer does not know.",
             "# Nothing here is part of the graph. To use one, check it, copy it into gazetteer.yaml",
             f"# (without the `seen` comment), then run `kg extract {source_id}` again: the facts below",
             "# that need it move into the record as drafts.", "", "entities:"]
    for entry in draft.proposed:
        lines.append(f"  # seen in the text: {' '.join(entry['seen'].split())}")
        clean = {k: v for k, v in entry.items() if k != "seen" and v not in ([], None)}
        lines.extend("  " + line for line in _dump([clean]).splitlines())
    lines.append("")
    lines.append("facts:  # drafted facts waiting for the entities above" if draft.pending else "facts: []")
    if draft.pending:
        lines.extend("  " + line for line in _dump(draft.pending).splitlines())
    return "\n".join(lines) + "\n"


def _dump(value) -> str:
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _check_record(record: str, path: Path, text: str, vocab: Vocabulary) -> None:
    """The draft must be a valid record whose quotes are in the text, before anything is written."""
    source = parse_record(record, path, vocab)
    folded = NormalisedText(text)
    for item in source.items:
        for quote in item.quotes:
            if folded.locate(quote.text) is None:  # a bug in the extractor, not in the user's file
                raise SourceError(f"drafted quote not found in the text: {quote.text[:60]!r}", path, quote.line)
    folder = Path(path).parent
    gazetteer = load_gazetteer(folder, vocab)
    known = {i.subject for i in gazetteer.items} | set(vocab.concepts) | set(declared_ids(folder))
    known |= {i.subject for i in source.items if i.type is not None}
    for item in source.items:
        for statement in item.statements:
            if statement.prop.is_object and statement.value not in known:
                raise SourceError(f"`{statement.prop.name}: {statement.value}` refers to an undeclared entity",
                                  path, statement.line)


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


def extract_source(sources: Path, ontology: Path, ref: str) -> Added:
    """Draft an added article's facts again: reviewed facts are kept, earlier drafts replaced."""
    sources = Path(sources)
    record_path = find_record(sources, ref)
    vocab = load_vocabulary(ontology)
    record = parse_record(read_text(record_path), record_path, vocab)  # refuses a broken record
    text = read_text(record.text_path)
    doc = yaml.safe_load(read_text(record_path))
    gazetteer = load_gazetteer(sources, vocab)
    kept = [f for f in doc.get("facts") or [] if not (isinstance(f, dict) and f.get("reviewed") is False)]
    taken = {k: v for k, v in declared_ids(sources).items()}
    draft = extract(text, record.language, str(record.meta["published"]), gazetteer, taken)
    kept_ids = {f.get("id") for f in kept if isinstance(f, dict)} - {None}
    kept_claims = [_claim(f) for f in kept if isinstance(f, dict)]
    draft.facts = [f for f in draft.facts if f.get("id") not in kept_ids and _claim(f) not in kept_claims]
    meta = {k: (str(v) if k == "published" else v) for k, v in doc["source"].items()}
    new = render_record(meta, kept, draft)
    _check_record(new, record_path, text, vocab)
    proposed_path = sources / PROPOSED_FOLDER / f"{record.id}.yaml"
    if draft.proposed or draft.pending:
        write_atomic(proposed_path, render_proposed(record.id, draft).encode())
    else:
        with contextlib.suppress(FileNotFoundError):
            proposed_path.unlink()
    write_atomic(record_path, new.encode())
    return Added(record.id, record.text_path, record_path,
                 proposed_path if proposed_path.exists() else None, draft, [])

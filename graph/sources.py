"""Read and check the files in sources/: the gazetteer and one record per article.

``parse_record``/``parse_gazetteer`` turn a file's text into plain objects,
checking every name against the ontology; ``read_record`` also finds every
quote in the article; ``check_project`` checks what spans files (ids declared
once, references that resolve) on the sources built. Every problem found is collected, so a curator sees all
of them at once, each as ``file:line: what is wrong``.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from rdflib import URIRef

from graph import iris
from graph.errors import InputErrors, SourceError
from graph.evidence import Location, NormalisedText
from graph.literals import clean_text, date_literal, language_map, literal_values
from graph.ontology import EXTERNAL_IRIS, Property, Vocabulary, suggest
from graph.safe_read import decode_text, read_in_folder, read_text
from graph.yamlfile import Mapping, Sequence, parse_yaml

GAZETTEER_FILE = "gazetteer.yaml"
LANGUAGES = ("id", "en")
ITEM_KEYS = {"id", "type", "about", "label", "alias", "quote", "reviewed", "extractor", "match"}
ENTITY_KEYS = {"candidates"}  # on a record's draft entities: known ids with close names, for the reviewer
SOURCE_KEYS = {"title", "publisher", "credits", "url", "language", "published", "contributors", "note", "text"}
GAZETTEER_KEYS = {"title", "description"}


@dataclass
class Quote:
    text: str
    line: int
    location: Location | None = None


@dataclass
class Statement:
    prop: Property
    value: object  # an id (str) for object properties, else an rdflib Literal
    line: int


@dataclass
class Item:
    """An entity the gazetteer declares, or a fact an article states."""

    subject: str
    line: int
    type: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    reviewed: bool = True
    extractor: str | None = None


@dataclass
class Source:
    """An article (or the gazetteer) and what it states."""

    id: str
    path: Path
    kind: str  # "article" or "gazetteer"
    language: str
    meta: dict
    items: list[Item]
    text_path: Path | None = None
    text: str = ""
    sha256: str = ""
    withheld: bool = False  # --reviewed-only, and its publisher is a draft: the article is left out

    @property
    def text_name(self) -> str:
        """The text's name from the record's folder ("texts/a.txt" for a text in a subfolder); "" if none."""
        return self.text_path.relative_to(self.path.parent).as_posix() if self.text_path else ""

    @property
    def short(self) -> str:
        """A short name for people: the article's number, or 'gazetteer'."""
        return self.id.split("_", 1)[0]


class _Collector:
    """Collects errors so that one pass reports all of them."""

    def __init__(self):
        self.errors: list[SourceError] = []

    def add(self, message, path, line=None):
        self.errors.append(SourceError(message, path, line))

    def raise_if_any(self):
        if self.errors:
            raise InputErrors(self.errors)


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------

def parse_gazetteer(text: str, path, vocab: Vocabulary) -> Source:
    errors = _Collector()
    doc = _top_mapping(text, path, {"gazetteer", "entities"})
    meta = _meta(doc, "gazetteer", GAZETTEER_KEYS, path, errors)
    for key in GAZETTEER_KEYS:
        if key in meta and not isinstance(meta[key], str):
            errors.add(f"gazetteer {key} must be text", path, meta.line_of(key))
    items = _items(doc, "entities", path, vocab, "en", errors, quotes_required=False)
    for item in items:
        if item.type is None:
            errors.add("a gazetteer entity needs `id` and `type`", path, item.line)
    errors.raise_if_any()
    return Source(id=iris.GAZETTEER_ID, path=Path(path), kind="gazetteer", language="en",
                  meta=dict(meta), items=items, sha256=hashlib.sha256(text.encode()).hexdigest())


def parse_record(text: str, path, vocab: Vocabulary) -> Source:
    """Parse an article's record (not yet checked against its text)."""
    path = Path(path)
    errors = _Collector()
    doc = _top_mapping(text, path, {"source", "entities", "facts"})
    meta = _meta(doc, "source", SOURCE_KEYS, path, errors)
    source_id = path.stem
    if not iris.SOURCE_ID_PATTERN.match(source_id):
        errors.add(f"file name {path.name!r} cannot name a source: use letters, digits, '_', '-' and '.'", path)
    language = meta.get("language")
    if language not in LANGUAGES:
        errors.add(f"source language must be one of {', '.join(LANGUAGES)}, not {language!r}", path, meta.line_of("language"))
        language = "en"
    for key in ("title", "publisher", "url", "published"):
        if key not in meta:
            errors.add(f"source has no `{key}`", path, meta.line)
    if "text" in meta and not _below(meta["text"]):
        errors.add(f"source text {meta['text']!r} must name a file beside the record or in a folder below it "
                   "(e.g. texts/a.txt)", path, meta.line_of("text"))
    for key in ("title", "note"):
        if key in meta and not isinstance(meta[key], str):
            errors.add(f"source {key} must be text", path, meta.line_of(key))
    if isinstance(meta.get("url"), str):
        problem = iris.check_web_iri(meta["url"])
        if problem:
            errors.add(f"source url {meta['url']!r} {problem}", path, meta.line_of("url"))
    elif "url" in meta:
        errors.add("source url must be text", path, meta.line_of("url"))
    if "published" in meta:
        try:
            meta["published"] = date_literal(meta["published"])
        except ValueError as exc:
            errors.add(f"source published: {exc}", path, meta.line_of("published"))
    for key in ("credits", "contributors"):
        if key in meta:
            meta[key] = _string_list(meta[key], key, path, meta.line_of(key), errors)
    items = _entities(doc, path, vocab, language, errors, meta.get("publisher"))
    items += _items(doc, "facts", path, vocab, language, errors, quotes_required=True)
    errors.raise_if_any()
    text_name = meta.get("text", source_id + ".txt")  # checked above: a name below the record's folder
    return Source(id=source_id, path=path, kind="article", language=language, meta=dict(meta),
                  items=items, text_path=path.parent / text_name)


def _below(name) -> bool:
    """Whether a record's ``text:`` names a file in the record's folder or under it (never elsewhere on the machine)."""
    if not isinstance(name, str) or not name.strip() or "\0" in name:
        return False
    relative = PurePosixPath(name)
    return not relative.is_absolute() and ".." not in relative.parts and relative.name not in ("", ".")


def _top_mapping(text, path, keys) -> Mapping:
    doc = parse_yaml(text, path)
    if not isinstance(doc, Mapping):
        raise SourceError(f"expected a mapping with keys {', '.join(sorted(keys))}", path, getattr(doc, "line", 1))
    for key in doc:
        if key not in keys:
            raise SourceError(f"unknown top-level key {key!r}; expected {', '.join(sorted(keys))}", path, doc.line_of(key))
    return doc


def _meta(doc, key, allowed, path, errors) -> Mapping:
    meta = doc.get(key)
    if not isinstance(meta, Mapping):
        raise SourceError(f"`{key}:` must be a mapping of metadata", path, doc.line_of(key) if key in doc else 1)
    for name in meta:
        if name not in allowed:
            errors.add(f"unknown {key} key {name!r}{suggest(name, allowed)}", path, meta.line_of(name))
    return meta


def _entities(doc, path, vocab, language, errors, publisher) -> list[Item]:
    """A record's ``entities:``, names the gazetteer does not know, each declared with a quote.

    Only the source's publisher may go without a quote: the page's metadata or
    address names it, the text often does not.
    """
    if "entities" not in doc:
        return []
    raw = doc["entities"]
    for index, entry in enumerate(raw if isinstance(raw, Sequence) else []):
        if not isinstance(entry, Mapping):
            continue
        if "about" in entry or "id" not in entry:
            errors.add("an entry of `entities:` declares a new entity: it needs `id` and `type`", path,
                       raw.line_of(index))
        candidates = entry.get("candidates", [])
        if not isinstance(candidates, list) or not all(isinstance(c, str) and iris.ID_PATTERN.match(c)
                                                       for c in candidates):
            errors.add("`candidates` takes a list of ids", path, entry.line_of("candidates"))
    items = _items(doc, "entities", path, vocab, language, errors, quotes_required=None, extra=ENTITY_KEYS)
    for item in items:
        if not item.quotes and item.subject != publisher:
            errors.add("every entity of `entities:` needs a `quote` from the article "
                       "(only the source's publisher may go without)", path, item.line)
    return items


def _items(doc, key, path, vocab, language, errors, quotes_required, extra=frozenset()) -> list[Item]:
    raw = doc.get(key)
    if raw is None:
        raise SourceError(f"no `{key}:` list", path, doc.line)
    if not isinstance(raw, Sequence):
        raise SourceError(f"`{key}:` must be a list", path, doc.line_of(key))
    items = []
    for index, entry in enumerate(raw):
        line = raw.line_of(index)
        if not isinstance(entry, Mapping):
            errors.add(f"each entry of `{key}` must be a mapping", path, line)
            continue
        item = _item(entry, path, vocab, language, errors, quotes_required, extra)
        if item is not None:
            items.append(item)
    return items


def _item(entry: Mapping, path, vocab: Vocabulary, language, errors, quotes_required, extra=frozenset()) -> Item | None:
    line = entry.line
    before = len(errors.errors)
    subject = entry.get("id", entry.get("about"))
    if "id" in entry and "about" in entry:
        errors.add("give either `id` (to declare) or `about` (to add to a declared entity), not both", path, line)
    type_name = entry.get("type")
    if type_name is not None:
        if not isinstance(type_name, str) or vocab.class_iri(type_name) is None:
            errors.add(f"unknown class {type_name!r}{vocab.suggest(str(type_name), vocab.classes)}", path, entry.line_of("type"))
            type_name = None
        if "about" in entry:
            errors.add("`about` adds to a declared entity and takes no `type`", path, entry.line_of("type"))
    elif "id" in entry:
        errors.add("a declaration with `id` needs a `type`", path, line)
    item = Item(subject="", line=line, type=type_name)

    for key, value in entry.items():
        key_line = entry.line_of(key)
        if key in ("id", "about"):
            if not isinstance(value, str) or not iris.ID_PATTERN.match(value):
                errors.add(f"{key} {value!r} is not a valid id: use lower-case letters, digits and '-'", path, key_line)
        elif key == "type" or key in extra:
            continue
        elif key == "label":
            item.labels = _labels(value, path, key_line, errors)
        elif key == "alias":
            item.aliases = _string_list(value, "alias", path, key_line, errors)
        elif key == "quote":
            texts = _string_list(value, "quote", path, key_line, errors)
            lines = value.item_lines if isinstance(value, Sequence) else [key_line]
            item.quotes = [Quote(text, ln) for text, ln in zip(texts, lines)]
            for quote in item.quotes:
                if not quote.text.strip():
                    errors.add("a quote is empty", path, quote.line)
        elif key == "reviewed":
            if not isinstance(value, bool):
                errors.add("`reviewed` must be true or false", path, key_line)
            else:
                item.reviewed = value
        elif key == "extractor":
            if not isinstance(value, str):
                errors.add("`extractor` must be text", path, key_line)
            else:
                item.extractor = value
        elif key == "match":  # why a draft took another source's id (graph/match.py): for the curator only
            if not isinstance(value, str):
                errors.add("`match` must be text", path, key_line)
        else:
            prop = vocab.properties.get(key)
            if prop is None:
                errors.add(f"unknown property {key!r}{vocab.suggest(key, list(vocab.properties) + sorted(ITEM_KEYS))}", path, key_line)
                continue
            for value_line, one in _each(value, key_line):
                statement = _statement(prop, one, value_line, language, path, errors)
                if statement is not None:
                    item.statements.extend(statement)
    if quotes_required and not item.quotes:
        errors.add("every fact needs a `quote` from the article", path, line)
    if quotes_required is False and "quote" in entry:  # None: a record's entities, quoted or not
        errors.add("gazetteer entities take no `quote`: their facts are background knowledge", path, entry.line_of("quote"))

    if subject is None and type_name == "Post":
        subject = _post_subject(item, path, line, errors)
    elif subject is None:
        errors.add("an entry needs `id` (with `type`) or `about`", path, line)
    if len(errors.errors) > before or not isinstance(subject, str):
        return None
    item.subject = subject
    return item


def _post_subject(item: Item, path, line, errors) -> str | None:
    parts = {}
    for name in ("heldBy", "role", "postIn"):
        values = [s.value for s in item.statements if s.prop.name == name]
        if len(values) != 1:
            errors.add(f"a Post without `id` needs exactly one `{name}` to name it", path, line)
            return None
        parts[name] = values[0]
    return iris.post_id(parts["heldBy"], parts["role"], parts["postIn"])


def _each(value, line):
    if isinstance(value, Sequence):
        return [(value.line_of(i), v) for i, v in enumerate(value)]
    return [(line, value)]


def _statement(prop: Property, value, line, language, path, errors) -> list[Statement] | None:
    if prop.iri in EXTERNAL_IRIS:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            errors.add(f"`{prop.name}` takes a GeoNames id (a number), not {value!r}", path, line)
            return None
        return [Statement(prop, URIRef(EXTERNAL_IRIS[prop.iri].format(value)), line)]
    if prop.is_object:
        if not isinstance(value, str) or not iris.ID_PATTERN.match(value):
            errors.add(f"`{prop.name}` takes ids, not {value!r}", path, line)
            return None
        return [Statement(prop, value, line)]
    try:
        return [Statement(prop, literal, line) for literal in literal_values(prop, value, language)]
    except ValueError as exc:
        errors.add(f"`{prop.name}`: {exc}", path, line)
        return None


def _labels(value, path, line, errors) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {lang: clean_text(value) for lang in LANGUAGES}
    if isinstance(value, Mapping):
        try:
            labels = {lang: clean_text(text) for lang, text in language_map(value).items()}
        except ValueError as exc:
            errors.add(f"label: {exc}", path, line)
            return {}
        if not labels:
            errors.add("label: the map is empty", path, line)
        return labels
    errors.add(f"label must be text or a map by language, not {value!r}", path, line)
    return {}


def _string_list(value, key, path, line, errors) -> list[str]:
    values = value if isinstance(value, list) else [value]
    result = []
    for one in values:
        if not isinstance(one, str):
            errors.add(f"`{key}` takes text, not {one!r}", path, line)
            continue
        try:
            result.append(clean_text(one) if key != "quote" else one)
        except ValueError as exc:
            errors.add(f"`{key}`: {exc}", path, line)
    return result


def read_gazetteer(path: Path, vocab: Vocabulary) -> Source:
    return parse_gazetteer(read_text(path), path, vocab)


def read_record(path: Path, vocab: Vocabulary, reviewed_only: bool = False) -> Source:
    """Read an article's record and its text, and find every quote in the text.

    With ``reviewed_only``, facts marked ``reviewed: false`` (machine drafts
    not yet reviewed by a curator) are left out before anything is checked.
    """
    source = parse_record(read_text(path), path, vocab)
    if reviewed_only:
        leave_out_drafts(source)
    _attach_text(source)
    return source


def leave_out_drafts(source: Source) -> None:
    """Leave out the drafts (``reviewed: false``) and every item that needs what they declare.

    A fact naming a draft entity goes with it; an article whose publisher is a
    draft is withheld whole (an article has a publisher).
    """
    items, gone = source.items, set()
    while True:
        kept = [item for item in items if item.reviewed is not False and item.subject not in gone
                and not any(s.prop.is_object and s.value in gone for s in item.statements)]
        if len(kept) == len(items):
            break
        left = {id(item) for item in kept}
        declared = {item.subject for item in kept if item.type}
        gone |= {item.subject for item in items if id(item) not in left and item.type} - declared
        items = kept
    source.items = items
    if "credits" in source.meta:
        source.meta["credits"] = [agency for agency in source.meta["credits"] if agency not in gone]
    if source.meta.get("publisher") in gone:
        source.items, source.withheld = [], True


def _attach_text(source: Source) -> None:
    data = read_in_folder(source.text_path, source.path.parent)  # once: the hash is of the bytes the quotes were found in
    source.text = text = decode_text(data, source.text_path)
    source.sha256 = hashlib.sha256(data).hexdigest()
    folded = NormalisedText(text)
    problems = []
    for item in source.items:
        for quote in item.quotes:
            quote.location = folded.locate(quote.text)
            if quote.location is None:
                problems.append(SourceError(
                    f"quote not found in {source.text_path.name}: {_shorten(quote.text)!r}", source.path, quote.line))
    if problems:
        raise InputErrors(problems)


def _shorten(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def check_project(vocab: Vocabulary, compiled: list) -> None:
    """What spans files: ids declared once, types agree, references resolve.

    ``compiled`` are the sources built (graph.build.Compiled), the gazetteers (kind
    "gazetteer": the base regions, then gazetteer.yaml) first.
    """
    errors = _Collector()
    declared: dict[str, tuple[str, object, int]] = {}  # id -> (type, source, line)
    for source in compiled:
        in_this_file: set[str] = set()
        for subject, type_name, line in source.declares:
            if subject in vocab.concepts:
                errors.add(f"id {subject!r} is already a concept of the ontology", source.path, line)
            if subject in in_this_file and type_name != "Post":
                errors.add(f"duplicate id {subject!r} in this file", source.path, line)
            in_this_file.add(subject)
            previous = declared.get(subject)
            if previous is None:
                declared[subject] = (type_name, source, line)
            elif previous[1].kind == "gazetteer" and source.kind != "gazetteer":
                errors.add(f"duplicate id {subject!r}: the gazetteer declares it "
                           f"({Path(previous[1].path).name}:{previous[2]}); use `about:` to add facts (a record's draft "
                           f"entity: `kg review {source.short} --merge 'eN {subject}'`)", source.path, line)
            elif previous[0] != type_name:
                errors.add(f"id {subject!r} is a {type_name} here but a {previous[0]} in "
                           f"{Path(previous[1].path).name}:{previous[2]}", source.path, line)
    from graph.regions import renamed_regions  # here: graph.regions reads its gazetteer through this module
    renamed = renamed_regions()
    for source in compiled:
        for subject, line in source.abouts:
            if subject in renamed and subject not in declared:
                errors.add(f"region {subject!r} was renamed {renamed[subject]!r}", source.path, line)
            elif subject not in declared:
                errors.add(f"`about: {subject}` names an entity nobody declares"
                           f"{vocab.suggest(subject, declared)}", source.path, line)
        for prop, value, line in source.references:
            if value in renamed and value not in declared:
                errors.add(f"region {value!r} was renamed {renamed[value]!r}", source.path, line)
            elif line is None:  # the source's publisher or credited agencies
                if value not in declared:
                    errors.add(f"source {prop} {value!r} is not declared in the gazetteer"
                               f"{vocab.suggest(str(value), declared)}", source.path)
            elif value not in declared and value not in vocab.concepts:
                errors.add(f"`{prop}: {value}` refers to an undeclared entity"
                           f"{vocab.suggest(value, set(declared) | set(vocab.concepts))}", source.path, line)
    errors.raise_if_any()

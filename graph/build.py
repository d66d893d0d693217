"""Turn one checked source into RDF: its named graph as canonical N-Quads lines.

``compile_source`` is the unit of work of a build (and of its cache): it
depends only on the source's own files, the ontology, and the labels it
borrows to name posts (recorded in ``Compiled.used_labels``, so a cached
result can be checked against today's labels). Terms are written directly as
N-Triples text: that is what every output and the store are made from.

Also finds where sources disagree: values of functional properties that differ
between (or within) sources, and stated weekdays that do not match a date.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph import iris
from graph.iris import KG, OA, SCHEMA
from graph.namespaces import entity_iri, evidence_iri, graph_iri, source_iri
from graph.sources import Item, Source

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# --------------------------------------------------------------------------
# N-Triples terms (canonical: the escapes pyoxigraph and RDF 1.2 use)
# --------------------------------------------------------------------------

_ESCAPES = {i: f"\\u{i:04X}" for i in (*range(0x00, 0x20), 0x7F)}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})


def iri(value: str) -> str:
    return f"<{value}>"


def literal(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    quoted = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    if datatype and datatype != str(XSD.string):
        return f"{quoted}^^<{datatype}>"
    return quoted


def term(value) -> str:
    """An rdflib Literal or URIRef as N-Triples."""
    if getattr(value, "language", None):
        return literal(str(value), lang=value.language)
    datatype = getattr(value, "datatype", None)
    if datatype is not None or hasattr(value, "language"):
        return literal(str(value), datatype=str(datatype) if datatype else None)
    return iri(str(value))


_TYPE, _LABEL, _DERIVED = iri(str(RDF.type)), iri(str(RDFS.label)), iri(str(PROV.wasDerivedFrom))


class _Terms:
    """A namespace's terms as N-Triples IRIs, each made once (rdflib's Namespace lookups cost a tenth of a compile)."""

    def __init__(self, namespace):
        self._namespace = str(namespace)

    def __getattr__(self, name: str) -> str:
        value = f"<{self._namespace}{name}>"
        setattr(self, name, value)
        return value


_KG, _OA, _DCT, _SCHEMA = _Terms(KG), _Terms(OA), _Terms(DCTERMS), _Terms(SCHEMA)
_EVIDENCE = str(iris.EVIDENCE)


def _entity(entity_id: str) -> str:
    return f"<{entity_iri(entity_id)}>"


def _source(source_id: str) -> str:
    return f"<{source_iri(source_id)}>"


# --------------------------------------------------------------------------
# One source
# --------------------------------------------------------------------------

@dataclass
class Claim:
    """A value of a functional property, where it was said."""

    subject: str
    prop: str
    key: str  # the value as N-Triples or an id: equal keys mean equal values
    value: str  # the value as people read it
    datatype: str
    source: str  # short name: '000' or 'gazetteer'
    path: str
    line: int


@dataclass
class Compiled:
    """One source built: its statements and what the project-wide checks need."""

    id: str
    kind: str
    path: str  # the record, as found
    lines: list[str]  # sorted, distinct N-Triples statements of its named graph (no final " .")
    declares: list[tuple[str, str, int]] = field(default_factory=list)  # (id, class name, line)
    abouts: list[tuple[str, int]] = field(default_factory=list)  # (id, line) of `about:` items
    references: list[tuple[str, str, int | None]] = field(default_factory=list)  # (prop, id, line)
    types: list[tuple[str, str]] = field(default_factory=list)  # (IRI, class IRI) of its entities and itself
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> lang -> label, as written
    used_labels: dict[str, dict[str, str]] = field(default_factory=dict)  # labels borrowed to name posts
    claims: list[Claim] = field(default_factory=list)
    facts: int = 0
    quotes: int = 0
    triples: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # kg: class -> its evidence annotations
    violations: dict[str, list] = field(default_factory=dict)  # subject IRI -> what breaks the shapes, seen alone
    used_types: dict[str, frozenset] = field(default_factory=dict)  # classes looked up while checking
    key: str = ""  # its key in the build cache
    text_file: str = ""  # the article's text, beside the record

    @property
    def short(self) -> str:
        return self.id.split("_", 1)[0]

    @property
    def graph(self) -> str:
        return graph_iri(self.id)


def compile_source(source: Source, vocab, labels: dict[str, dict[str, str]]) -> Compiled:
    """The named graph of ``source``; ``labels`` (id -> lang -> text) name its posts."""
    out = Compiled(id=source.id, kind=source.kind, path=str(source.path), lines=[],
                   facts=len(source.items), quotes=sum(len(item.quotes) for item in source.items))
    add = out.lines.append
    src = _source(source.id)
    _describe_source(add, source, src, out)
    for item in source.items:
        subject = _entity(item.subject)
        if item.type:
            cls = str(vocab.classes[item.type])
            add(f"{subject} {_TYPE} {iri(cls)}")
            out.types.append((subject[1:-1], cls))
            out.declares.append((item.subject, item.type, item.line))
        else:
            out.abouts.append((item.subject, item.line))
        if item.labels:
            out.labels[item.subject] = dict(item.labels)
        for lang, text in sorted((item.labels or _post_labels(item, labels, out.used_labels)).items()):
            add(f"{subject} {_LABEL} {literal(text, lang=lang)}")
        for alias in item.aliases:
            add(f"{subject} {_KG.alias} {literal(alias)}")
        for statement in item.statements:
            value = statement.value
            if isinstance(value, URIRef):  # another data set's IRI (kg:geonames): nothing to declare
                obj = iri(str(value))
            elif statement.prop.is_object:
                out.references.append((statement.prop.name, value, statement.line))
                concept = vocab.concepts.get(value)
                obj = iri(str(concept)) if concept is not None else _entity(value)
            else:
                obj = term(value)
            add(f"{subject} {iri(str(statement.prop.iri))} {obj}")
            if statement.prop.functional:
                shown = value if statement.prop.is_object else str(value)
                datatype = "" if statement.prop.is_object else str(value.datatype or "")
                out.claims.append(Claim(item.subject, statement.prop.name, value if statement.prop.is_object else obj,
                                        shown, datatype, source.short, source.path.name, statement.line))
        add(f"{subject} {_DERIVED} {src}")
        for quote in item.quotes:
            _add_evidence(add, out, source, item, subject, quote.location)
    out.lines = sorted(set(out.lines))
    out.types = sorted(set(out.types))
    out.triples = len(out.lines)
    evidence_type = f" {_TYPE} {_KG.Evidence}"
    evidence = sum(1 for line in out.lines if line.endswith(evidence_type) and line.startswith(_EVIDENCE, 1))
    if evidence:
        out.classes = {"Evidence": evidence}
    return out


def _describe_source(add, source: Source, src: str, out: Compiled) -> None:
    meta = source.meta
    text_file = source.path.name if source.kind == "gazetteer" else source.text_name
    if source.kind == "gazetteer":
        add(f"{src} {_TYPE} {_KG.Gazetteer}")
        out.types.append((src[1:-1], str(KG.Gazetteer)))
        add(f"{src} {_LABEL} {literal(meta.get('title', 'Gazetteer'), lang='en')}")
        if meta.get("description"):
            add(f"{src} {_DCT.description} {literal(' '.join(meta['description'].split()), lang='en')}")
    else:
        add(f"{src} {_TYPE} {_KG.Article}")
        out.types.append((src[1:-1], str(KG.Article)))
        title = literal(" ".join(meta["title"].split()), lang=source.language)
        add(f"{src} {_LABEL} {title}")
        add(f"{src} {_DCT.title} {title}")
        add(f"{src} {_DCT.identifier} {literal(source.id)}")
        add(f"{src} {_DCT.publisher} {_entity(meta['publisher'])}")
        out.references.append(("publisher", meta["publisher"], None))
        for agency in meta.get("credits", []):
            add(f"{src} {_KG.credits} {_entity(agency)}")
            out.references.append(("credits", agency, None))
        add(f"{src} {_SCHEMA.url} {iri(meta['url'])}")
        add(f"{src} {_DCT.language} {literal(source.language)}")
        add(f"{src} {_DCT.issued} {term(meta['published'])}")
        for contributor in meta.get("contributors", []):
            add(f"{src} {_DCT.contributor} {literal(contributor)}")
        if meta.get("note"):
            add(f"{src} {_KG.note} {literal(' '.join(meta['note'].split()), lang='en')}")
    add(f"{src} {_KG.textFile} {literal('sources/' + text_file)}")
    add(f"{src} {_KG.sha256} {literal(source.sha256)}")


def _post_labels(item: Item, labels, used: dict) -> dict[str, str]:
    if item.type != "Post":
        return {}
    values = {s.prop.name: s.value for s in item.statements if s.prop.is_object}
    for name in ("role", "postIn"):
        if values.get(name) is not None:
            used[values[name]] = dict(labels.get(values[name], {}))
    role, place = used.get(values.get("role"), {}), used.get(values.get("postIn"), {})
    result = {}
    if role.get("id") and place.get("id"):
        # "Wali Kota" + "Kota Binzhou" reads "Wali Kota Binzhou", not "Wali Kota Kota Binzhou"
        overlap = role["id"].split()[-1] == place["id"].split()[0]
        result["id"] = f"{role['id']} {place['id'].split(' ', 1)[1] if overlap else place['id']}"
    if role.get("en") and place.get("en"):
        result["en"] = f"{role['en']}, {place['en']}"
    return result


def _add_evidence(add, out: Compiled, source: Source, item: Item, subject: str, location) -> None:
    ev_iri = evidence_iri(source.id, location.start, location.end)
    ev, target, quote_sel, position_sel = (iri(ev_iri + suffix) for suffix in ("", "/target", "/quote", "/position"))
    add(f"{subject} {_KG.evidence} {ev}")
    for node, cls in ((ev, _KG.Evidence), (ev, _OA.Annotation), (target, _OA.SpecificResource),
                      (quote_sel, _OA.TextQuoteSelector), (position_sel, _OA.TextPositionSelector)):
        add(f"{node} {_TYPE} {cls}")
    add(f"{ev} {_OA.hasBody} {subject}")
    add(f"{ev} {_OA.hasTarget} {target}")
    add(f"{ev} {_KG.reviewed} {literal('true' if item.reviewed else 'false', datatype=str(XSD.boolean))}")
    if item.extractor:
        add(f"{ev} {_DCT.creator} {literal(item.extractor)}")
    add(f"{target} {_OA.hasSource} {_source(source.id)}")
    add(f"{target} {_OA.hasSelector} {quote_sel}")
    add(f"{target} {_OA.hasSelector} {position_sel}")
    add(f"{quote_sel} {_OA.exact} {literal(location.exact)}")
    add(f"{quote_sel} {_OA.prefix} {literal(location.prefix)}")
    add(f"{quote_sel} {_OA.suffix} {literal(location.suffix)}")
    offset = str(XSD.nonNegativeInteger)
    add(f"{position_sel} {_OA.start} {literal(str(location.start), datatype=offset)}")
    add(f"{position_sel} {_OA.end} {literal(str(location.end), datatype=offset)}")


# --------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------

@dataclass
class Conflict:
    subject: str
    prop: str
    claims: list[Claim]

    def describe(self, labels: dict[str, str]) -> str:
        said = "; ".join(f"{c.source} says {c.value} ({c.path}:{c.line})" for c in self.claims)
        return f"{labels.get(self.subject, self.subject)} ({self.subject}): {self.prop}: {said}"


def claims_by_subject(compiled_sources) -> dict[tuple[str, str], list[Claim]]:
    """(subject, property) -> every claim of a value for it, in source order."""
    claims = defaultdict(list)
    for compiled in compiled_sources:
        for claim in compiled.claims:
            claims[claim.subject, claim.prop].append(claim)
    return claims


def find_conflicts(claims: dict) -> list[Conflict]:
    """``claims`` by subject and property (claims_by_subject)."""
    disputed = [key for key, said in claims.items() if len(said) > 1 and len({c.key for c in said}) > 1]
    return [Conflict(subject, prop, claims[subject, prop]) for subject, prop in sorted(disputed)]


_XSD_DATE = str(XSD.date)


def find_weekday_mismatches(claims: dict, labels) -> dict[str, list[str]]:
    """A stated weekday that is not the weekday of a stated date, whichever sources say them: by subject.

    ``labels.get(id)`` gives an entity's English label.
    """
    found = {}
    for subject, prop in sorted(key for key in claims if key[1] == "statedWeekday"):
        warnings = []
        weekday_claims = claims[subject, prop]
        for date_claim in claims.get((subject, "date"), []):
            if date_claim.datatype != _XSD_DATE:
                continue
            actual = WEEKDAYS[dt.date.fromisoformat(date_claim.value).weekday()]
            for weekday in weekday_claims:
                if weekday.value != actual:
                    warnings.append(
                        f"{labels.get(subject) or subject} ({subject}): {date_claim.source} dates it "
                        f"{date_claim.value} ({date_claim.path}:{date_claim.line}), a {actual.capitalize()}, "
                        f"but {weekday.source} says {weekday.value.capitalize()} ({weekday.path}:{weekday.line})")
        if warnings:
            found[subject] = warnings
    return found

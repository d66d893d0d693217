"""Turn checked sources into RDF: one named graph per source, plus the ontology.

Also finds where sources disagree: values of functional properties that differ
between (or within) sources, and stated weekdays that do not match a date.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from graph import iris
from graph.iris import KG, OA, SCHEMA
from graph.sources import Item, Project, Source

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True)
class Claim:
    value: object
    source: str
    path: str
    line: int


@dataclass
class Conflict:
    subject: str
    prop: str
    claims: list[Claim]

    def describe(self, labels: dict[str, str]) -> str:
        said = "; ".join(f"{c.source} says {c.value} ({c.path}:{c.line})" for c in self.claims)
        return f"{labels.get(self.subject, self.subject)} ({self.subject}): {self.prop}: {said}"


@dataclass
class Built:
    """What a build produced, before anything is written."""

    dataset: Dataset
    union: Graph
    graphs: dict[str, Graph]  # source id -> its named graph
    conflicts: list[Conflict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def class_counts(self) -> Counter:
        counts = Counter()
        for cls in self.union.objects(None, RDF.type):
            if isinstance(cls, URIRef) and cls.startswith(str(KG)):
                counts[cls[len(KG):]] += 1
        return counts


def build_graph(project: Project) -> Built:
    vocab = project.vocab
    labels = _entity_labels(project)
    graphs: dict[str, Graph] = {}
    for source in project.sources:
        graphs[source.id] = _source_graph(source, project, labels)

    dataset = Dataset()
    _bind(dataset)
    union = Graph()
    _bind(union)
    ontology_graph = dataset.graph(iris.ONTOLOGY_GRAPH)
    for triple in vocab.graph:
        ontology_graph.add(triple)
        union.add(triple)
    for source_id in sorted(graphs):
        named = dataset.graph(iris.named_graph(source_id))
        for triple in graphs[source_id]:
            named.add(triple)
            union.add(triple)
    built = Built(dataset=dataset, union=union, graphs=graphs)
    built.conflicts = find_conflicts(project)
    built.warnings = find_weekday_mismatches(project, {k: v.get("en", "") for k, v in labels.items()})
    return built


def _bind(graph) -> None:
    for prefix, namespace in iris.PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def _entity_labels(project: Project) -> dict[str, dict[str, str]]:
    """Labels by id, so that posts can be named after their role and place."""
    labels: dict[str, dict[str, str]] = {}
    for notation, concept in project.vocab.concepts.items():
        labels[notation] = {lit.language: str(lit) for lit in project.vocab.graph.objects(concept, RDFS.label)}
    for source in project.sources:
        for item in source.items:
            if item.labels:
                labels.setdefault(item.subject, {}).update(item.labels)
    return labels


def _source_graph(source: Source, project: Project, labels) -> Graph:
    graph = Graph()
    src = iris.source(source.id)
    _describe_source(graph, source, src)
    for item in source.items:
        subject = iris.entity(item.subject)
        if item.type:
            graph.add((subject, RDF.type, project.vocab.classes[item.type]))
        for lang, text in (item.labels or _post_labels(item, labels)).items():
            graph.add((subject, RDFS.label, Literal(text, lang=lang)))
        for alias in item.aliases:
            graph.add((subject, KG.alias, Literal(alias)))
        for statement in item.statements:
            value = statement.value
            if statement.prop.is_object:
                value = project.vocab.concepts.get(value) or iris.entity(value)
            graph.add((subject, statement.prop.iri, value))
        graph.add((subject, PROV.wasDerivedFrom, src))
        for quote in item.quotes:
            _add_evidence(graph, source, item, subject, quote.location)
    return graph


def _describe_source(graph: Graph, source: Source, src: URIRef) -> None:
    meta = source.meta
    if source.kind == "gazetteer":
        graph.add((src, RDF.type, KG.Gazetteer))
        graph.add((src, RDFS.label, Literal(meta.get("title", "Gazetteer"), lang="en")))
        if meta.get("description"):
            graph.add((src, DCTERMS.description, Literal(" ".join(meta["description"].split()), lang="en")))
        graph.add((src, KG.textFile, Literal(f"sources/{source.path.name}")))
        graph.add((src, KG.sha256, Literal(source.sha256)))
        return
    graph.add((src, RDF.type, KG.Article))
    title = Literal(" ".join(meta["title"].split()), lang=source.language)
    graph.add((src, RDFS.label, title))
    graph.add((src, DCTERMS.title, title))
    graph.add((src, DCTERMS.identifier, Literal(source.id)))
    graph.add((src, DCTERMS.publisher, iris.entity(meta["publisher"])))
    for agency in meta.get("credits", []):
        graph.add((src, KG.credits, iris.entity(agency)))
    graph.add((src, SCHEMA.url, URIRef(meta["url"])))
    graph.add((src, DCTERMS.language, Literal(source.language)))
    graph.add((src, DCTERMS.issued, meta["published"]))
    for contributor in meta.get("contributors", []):
        graph.add((src, DCTERMS.contributor, Literal(contributor)))
    if meta.get("note"):
        graph.add((src, KG.note, Literal(" ".join(meta["note"].split()), lang="en")))
    graph.add((src, KG.textFile, Literal(f"sources/{source.text_path.name}")))
    graph.add((src, KG.sha256, Literal(source.sha256)))


def _post_labels(item: Item, labels) -> dict[str, str]:
    if item.type != "Post":
        return {}
    values = {s.prop.name: s.value for s in item.statements if s.prop.is_object}
    role, place = labels.get(values.get("role"), {}), labels.get(values.get("postIn"), {})
    result = {}
    if role.get("id") and place.get("id"):
        # "Wali Kota" + "Kota Binzhou" reads "Wali Kota Binzhou", not "Wali Kota Kota Binzhou"
        overlap = role["id"].split()[-1] == place["id"].split()[0]
        result["id"] = f"{role['id']} {place['id'].split(' ', 1)[1] if overlap else place['id']}"
    if role.get("en") and place.get("en"):
        result["en"] = f"{role['en']}, {place['en']}"
    return result


def _add_evidence(graph: Graph, source: Source, item: Item, subject: URIRef, location) -> None:
    ev = iris.evidence(source.id, location.start, location.end)
    target, quote_sel, position_sel = URIRef(ev + "/target"), URIRef(ev + "/quote"), URIRef(ev + "/position")
    graph.add((subject, KG.evidence, ev))
    graph.add((ev, RDF.type, KG.Evidence))
    graph.add((ev, RDF.type, OA.Annotation))
    graph.add((ev, OA.hasBody, subject))
    graph.add((ev, OA.hasTarget, target))
    graph.add((ev, KG.reviewed, Literal(item.reviewed)))
    if item.extractor:
        graph.add((ev, DCTERMS.creator, Literal(item.extractor)))
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, iris.source(source.id)))
    graph.add((target, OA.hasSelector, quote_sel))
    graph.add((target, OA.hasSelector, position_sel))
    graph.add((quote_sel, RDF.type, OA.TextQuoteSelector))
    graph.add((quote_sel, OA.exact, Literal(location.exact)))
    graph.add((quote_sel, OA.prefix, Literal(location.prefix)))
    graph.add((quote_sel, OA.suffix, Literal(location.suffix)))
    graph.add((position_sel, RDF.type, OA.TextPositionSelector))
    graph.add((position_sel, OA.start, Literal(location.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position_sel, OA.end, Literal(location.end, datatype=XSD.nonNegativeInteger)))


# --------------------------------------------------------------------------
# Disagreements
# --------------------------------------------------------------------------

def _claims(project: Project):
    """(subject, property name) -> claims, for functional properties."""
    claims = defaultdict(list)
    for source in project.sources:
        for item in source.items:
            for statement in item.statements:
                if statement.prop.functional:
                    claims[item.subject, statement.prop.name].append(
                        Claim(statement.value, source.short, source.path.name, statement.line))
    return claims


def find_conflicts(project: Project) -> list[Conflict]:
    conflicts = []
    for (subject, prop), claims in sorted(_claims(project).items()):
        if len({_key(c.value) for c in claims}) > 1:
            conflicts.append(Conflict(subject, prop, claims))
    return conflicts


def find_weekday_mismatches(project: Project, labels: dict[str, str]) -> list[str]:
    """A stated weekday that is not the weekday of a stated date, whichever sources say them."""
    claims = _claims(project)
    warnings = []
    for (subject, prop), weekday_claims in sorted(claims.items()):
        if prop != "statedWeekday":
            continue
        for date_claim in claims.get((subject, "date"), []):
            if date_claim.value.datatype != XSD.date:
                continue
            actual = WEEKDAYS[dt.date.fromisoformat(str(date_claim.value)).weekday()]
            for weekday in weekday_claims:
                if weekday.value != actual:
                    warnings.append(
                        f"{labels.get(subject) or subject} ({subject}): {date_claim.source} dates it "
                        f"{date_claim.value} ({date_claim.path}:{date_claim.line}), a {actual.capitalize()}, "
                        f"but {weekday.source} says {weekday.value.capitalize()} ({weekday.path}:{weekday.line})")
    return warnings


def _key(value) -> str:
    return value.n3() if isinstance(value, Literal) else str(value)

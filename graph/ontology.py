"""Read ontology.ttl and answer what names the source files may use."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from graph.errors import OntologyError
from graph.iris import KG


@dataclass(frozen=True)
class Property:
    name: str
    iri: URIRef
    is_object: bool
    range: URIRef | None
    functional: bool


@dataclass
class Vocabulary:
    """Classes, properties and concepts of the ontology, by the names files use."""

    graph: Graph
    classes: dict[str, URIRef] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)
    concepts: dict[str, URIRef] = field(default_factory=dict)  # skos:notation -> IRI

    def class_iri(self, name: str) -> URIRef | None:
        return self.classes.get(name)

    def suggest(self, name: str, choices) -> str:
        return suggest(name, choices)

    @cached_property
    def superclasses(self) -> dict[URIRef, set[URIRef]]:
        """Each class with all its ancestors (itself included)."""
        result = {}
        for cls in set(self.graph.subjects(RDF.type, OWL.Class)):
            result[cls] = set(self.graph.transitive_objects(cls, RDFS.subClassOf))
        return result

    def is_a(self, cls: URIRef, ancestor: URIRef) -> bool:
        return ancestor in self.superclasses.get(cls, {cls})

    @cached_property
    def functional_properties(self) -> set[URIRef]:
        return set(self.graph.subjects(RDF.type, OWL.FunctionalProperty))


def suggest(name: str, choices) -> str:
    """'; did you mean X?' for the nearest of ``choices``, or ''."""
    choices = list(choices)
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[name.lower()]] if name.lower() in lowered else []
    return f"; did you mean {close[0]!r}?" if close else ""


def load_vocabulary(path: Path) -> Vocabulary:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyError(f"cannot read the ontology: {exc}", path) from None
    graph = Graph()
    try:
        graph.parse(data=text, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"the ontology is not valid Turtle: {exc}", path) from None
    return vocabulary_from_graph(graph)


def vocabulary_from_graph(graph: Graph) -> Vocabulary:
    vocab = Vocabulary(graph)
    for cls in graph.subjects(RDF.type, OWL.Class):
        if isinstance(cls, URIRef) and cls.startswith(str(KG)):
            vocab.classes[cls[len(KG):]] = cls
    for kind, is_object in ((OWL.ObjectProperty, True), (OWL.DatatypeProperty, False)):
        for prop in graph.subjects(RDF.type, kind):
            if isinstance(prop, URIRef) and prop.startswith(str(KG)):
                name = prop[len(KG):]
                vocab.properties[name] = Property(
                    name=name,
                    iri=prop,
                    is_object=is_object,
                    range=graph.value(prop, RDFS.range),
                    functional=(prop, RDF.type, OWL.FunctionalProperty) in graph,
                )
    for concept, notation in graph.subject_objects(SKOS.notation):
        vocab.concepts[str(notation)] = concept
    return vocab


# Literal ranges the source files can write, and how.
DATE_RANGE = RDFS.Literal  # xsd:date, xsd:gYearMonth or xsd:gYear, from the value's shape
TEXT_RANGES = {RDF.langString}
STRING_RANGES = {XSD.string}
INTEGER_RANGES = {XSD.integer, XSD.nonNegativeInteger}
BOOLEAN_RANGES = {XSD.boolean}
# Object properties whose values are IRIs of another data set, written as that data set's id.
EXTERNAL_IRIS = {KG.geonames: "https://sws.geonames.org/{}/"}
# Official codes, each scheme a datatype of its own, written as text and checked against its shape.
CODE_RANGES = {KG.KemendagriCode: re.compile(r"\d{2}(\.\d{2}){0,3}\Z"), KG.GBT2260Code: re.compile(r"\d{6}\Z"),
               KG["ISO3166-2Code"]: re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}\Z")}

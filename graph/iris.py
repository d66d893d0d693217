"""IRIs as rdflib terms (minted in graph/namespaces.py). Our own data has no blank nodes."""
from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph import namespaces
from graph.namespaces import PREFIXES as PREFIX_IRIS

KG = Namespace(PREFIX_IRIS["kg"])
ID = Namespace(PREFIX_IRIS["id"])
SOURCE = Namespace(PREFIX_IRIS["src"])
GRAPH = Namespace(PREFIX_IRIS["g"])
EVIDENCE = Namespace(PREFIX_IRIS["ev"])
ORG = Namespace(PREFIX_IRIS["org"])
SCHEMA = Namespace(PREFIX_IRIS["schema"])
OA = Namespace(PREFIX_IRIS["oa"])
FOAF = Namespace(PREFIX_IRIS["foaf"])
SH = Namespace("http://www.w3.org/ns/shacl#")

# Prefixes bound in every output and pre-bound in queries (graph/namespaces.py), as rdflib Namespaces.
PREFIXES = {"kg": KG, "id": ID, "src": SOURCE, "g": GRAPH, "ev": EVIDENCE, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
            "owl": OWL, "skos": SKOS, "prov": PROV, "dct": DCTERMS, "org": ORG, "schema": SCHEMA, "oa": OA,
            "foaf": FOAF}

# Ids are kebab-case so that IRIs need no escaping and read well.
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
SOURCE_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\Z")


def entity(entity_id: str) -> URIRef:
    return URIRef(namespaces.entity_iri(entity_id))


def source(source_id: str) -> URIRef:
    return URIRef(namespaces.source_iri(source_id))


def named_graph(source_id: str) -> URIRef:
    return URIRef(namespaces.graph_iri(source_id))


def evidence(source_id: str, start: int, end: int) -> URIRef:
    """Evidence is named by where the quote is, so it is stable across edits."""
    return URIRef(namespaces.evidence_iri(source_id, start, end))


def post_id(holder: str, role: str, post_in: str) -> str:
    return f"post-{holder}-{role}-{post_in}"


GAZETTEER_ID = "gazetteer"
REGIONS_ID = "regions"  # the base gazetteer of every region (graph/regions.py), under the curated one
BASE_IDS = (REGIONS_ID, GAZETTEER_ID)  # the sources every other is checked against, in build order
ONTOLOGY_GRAPH = GRAPH["ontology"]

# Characters RFC 3987 never allows in an IRI.
_BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')
_IRI = re.compile(r"(?i)https?://[^/?#\s]+[^\s]*\Z")


def check_web_iri(value: str) -> str | None:
    """Return what is wrong with an http(s) IRI, or None if it is fine."""
    if _BAD_IRI_CHARS.search(value):
        return "contains a character not allowed in an IRI (space, control or bidi character, quote, <, >, {, }, |, \\, ^ or `)"
    if not _IRI.match(value):
        return "is not an http(s) address"
    return None

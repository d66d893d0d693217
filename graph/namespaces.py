"""The namespaces of every IRI kg writes or reads, and the IRIs it mints, as plain strings.

graph/iris.py wraps them as rdflib terms; the build's hot paths and commands
that only need the strings (`kg query`) use this module, which imports no
rdflib (importing it was 40% of a small query's start-up).
"""

BASE = "https://w3id.org/id-cn-ties/"

# Prefixes bound in every output and pre-bound in queries.
PREFIXES = {
    "kg": BASE + "ontology#",
    "id": BASE + "id/",
    "src": BASE + "source/",
    "g": BASE + "graph/",
    "ev": BASE + "evidence/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dct": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def entity_iri(entity_id: str) -> str:
    return PREFIXES["id"] + entity_id


def source_iri(source_id: str) -> str:
    return PREFIXES["src"] + source_id


def graph_iri(source_id: str) -> str:
    return PREFIXES["g"] + source_id


def evidence_iri(source_id: str, start: int, end: int) -> str:
    """Evidence is named by where the quote is, so it is stable across edits."""
    return f"{PREFIXES['ev']}{source_id}/{start}-{end}"

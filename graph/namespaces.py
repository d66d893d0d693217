"""The namespaces of every IRI kg writes or reads, as plain strings.

graph/iris.py wraps them as rdflib Namespaces for the build; commands that
only need the strings (`kg query`) import this module and not rdflib, which
was 40% of a small query's start-up.
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

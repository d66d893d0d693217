"""The labels kg query shows beside IRIs: one per IRI, in the language asked for where there is one."""
from __future__ import annotations

import re

import pyoxigraph as ox

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_IRIREF = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


def lookup(store, iris: set[str], lang: str) -> dict[str, ox.Literal]:
    """Labels (in ``lang`` where there is one, else English, else Indonesian, else the first) of these IRIs."""
    if len(iris) > 2000:  # reading every label once is faster than joining this many with them
        return labels_of(every_label(store, lang), iris)
    return looked_up(store, iris, lang)


def looked_up(store, iris: set[str], lang: str = "en") -> dict[str, ox.Literal]:
    found: dict[str, dict[str, set[str]]] = {}
    plain = sorted(iri for iri in iris if _IRIREF.fullmatch(iri))
    if plain:
        values = " ".join(f"<{iri}>" for iri in plain)
        for subject, label in store.query(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{LABEL}> ?l }}"):
            _add(found, subject.value, label)
    for iri in iris.difference(plain):  # not writable in a query: looked up directly
        for quad in store.quads_for_pattern(ox.NamedNode(iri), ox.NamedNode(LABEL), None, ox.DefaultGraph()):
            _add(found, iri, quad.object)
    return _preferred(found, lang)


def every_label(store, lang: str = "en") -> dict[str, ox.Literal]:
    """The label ``_labels`` would pick for every IRI in the store that has one."""
    found: dict[str, dict[str, set[str]]] = {}
    for subject, label in store.query(f"SELECT ?s ?l WHERE {{ ?s <{LABEL}> ?l }}"):
        if isinstance(subject, ox.NamedNode):
            _add(found, subject.value, label)
    return _preferred(found, lang)


def labels_of(every_label: dict, iris) -> dict:
    return {iri: every_label[iri] for iri in iris if iri in every_label}


def _add(found: dict, subject: str, label) -> None:
    found.setdefault(subject, {}).setdefault(label.language or "", set()).add(label.value)


def _preferred(found: dict[str, dict[str, set[str]]], lang: str) -> dict[str, ox.Literal]:
    chosen = {}
    for iri, by_language in found.items():
        language = next((code for code in (lang, "en", "id") if code in by_language),
                        min(by_language, key=lambda code: min(by_language[code])))
        chosen[iri] = ox.Literal(min(by_language[language]), language=language or None)
    return chosen

"""The changes named for people: grouped by the entity they are about, by its label and class; a source's
graphs added, removed or changed; evidence annotations counted under the fact they support."""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.diff.read import parse_lines
from graph.iris import EVIDENCE, GRAPH, ID, KG, PREFIXES, SOURCE

if TYPE_CHECKING:
    from graph.diff.statements import Diff

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EVIDENCE_OF = str(KG.evidence)
HELD_BY = str(KG.heldBy)
NAMING = tuple(f"<{iri}>".encode() for iri in (RDFS_LABEL, RDF_TYPE, EVIDENCE_OF, HELD_BY))
EVIDENCE_LINK = NAMING[2]


def summarise_with_context(diff: Diff, old, new, graphs, read) -> None:
    """Summarise from what names the changed things on each side.

    Each side is (path, a function giving the lines about a subject, the lines with an evidence link).
    """
    interest = set()  # the changed subjects and objects, and the evidence annotations they are part of
    for quad in diff.added + diff.removed:
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode):
                interest.add(str(term).encode("utf-8"))
                if term.value.startswith(str(EVIDENCE)):
                    base = "/".join(term.value[len(str(EVIDENCE)):].split("/")[:2])
                    interest.add(f"<{str(EVIDENCE)}{base}>".encode("utf-8"))
    sides = []
    for path, about, links in (old, new):
        subjects, context = set(), set()
        for subject in interest:
            lines = about(subject)
            if lines:
                subjects.add(subject[1:-1].decode("utf-8"))
            after = len(subject) + 1  # where the predicate is, after one space
            context.update(line for line in lines if line.startswith(NAMING, after)
                           or line[after - 1:after + 1] != b" <" and any(n in line for n in NAMING))
        for line in links:  # the fact that an evidence annotation supports
            terms = line.split(b" ", 3)
            if len(terms) > 2 and terms[2] in interest:
                context.add(line)
        sides.append((subjects, parse_lines(context, path, read)))
    (old_subjects, old_context), (new_subjects, new_context) = sides
    summarise(diff, old_context + diff.removed, new_context + diff.added, graphs, old_subjects, new_subjects)


class _Names:
    """Labels and classes of the IRIs on either side, for people to read."""

    def __init__(self, quads):
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.types: dict[str, str] = {}
        self.evidence_owner: dict[str, set[str]] = defaultdict(set)
        self.holder: dict[str, str] = {}
        for q in quads:
            s, p = _value(q.subject), q.predicate.value
            if p == RDFS_LABEL and isinstance(q.object, ox.Literal):
                self.labels[s][q.object.language or ""] = q.object.value
            elif p == RDF_TYPE and q.object.value.startswith(str(KG)):
                self.types.setdefault(s, q.object.value[len(str(KG)):])
            elif p == EVIDENCE_OF:
                self.evidence_owner[q.object.value].add(s)
            elif p == HELD_BY:
                self.holder[s] = q.object.value

    def label(self, iri: str) -> str:
        found = self.labels.get(iri, {})
        return found.get("en") or found.get("id") or found.get("") or _short(iri)

    def describe(self, iri: str) -> str:
        kind = self.types.get(iri)
        return f'{kind} "{self.label(iri)}"' if kind else f'"{self.label(iri)}"'

    def owner(self, iri: str) -> str:
        """The fact an evidence annotation (or its target or selector) belongs to."""
        if iri.startswith(str(EVIDENCE)):
            base = str(EVIDENCE) + "/".join(iri[len(str(EVIDENCE)):].split("/")[:2])
            owners = sorted(self.evidence_owner.get(base, ()))
            if owners:
                return owners[0]
        return iri


def _value(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode)) else str(term)


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def _source_of(quad) -> str:
    name = quad.graph_name
    if isinstance(name, ox.NamedNode) and name.value.startswith(str(GRAPH)):
        return name.value[len(str(GRAPH)):].split("_", 1)[0]
    return ""


def summarise(diff: Diff, old_quads, new_quads, graphs=None, old_subjects=None, new_subjects=None) -> None:
    """``graphs`` (IRIs of named graphs) and the subject sets may be given when the quads are a part of each side."""
    names = _Names(old_quads + new_quads)
    old_subjects = old_subjects if old_subjects is not None else {_value(q.subject) for q in old_quads}
    new_subjects = new_subjects if new_subjects is not None else {_value(q.subject) for q in new_quads}
    if diff.mode == "quads":
        diff.sources = _sources(diff, old_quads, new_quads, graphs)
    changes = _changes_by_owner(diff, names)
    added, removed, changed = [], [], []
    for iri in sorted(changes, key=lambda i: (names.label(i).casefold(), i)):
        entry = changes[iri]
        sources = ", ".join(sorted(s for s in entry["sources"] if s))
        record = {"iri": iri, "label": names.label(iri), "class": names.types.get(iri, ""), "sources": sources}
        if iri not in old_subjects and iri in new_subjects:
            added.append(record | {"line": f"+ {names.describe(iri)}" + (f" (source: {sources})" if sources else "")})
        elif iri in old_subjects and iri not in new_subjects:
            removed.append(record | {"line": f"- {names.describe(iri)}" + (f" (source: {sources})" if sources else "")})
        else:
            details = _details(entry, names)
            if details:
                changed.append(record | {"line": f"~ {names.label(iri)}: {'; '.join(details)}" + (f" [{sources}]" if sources else ""),
                                         "details": details})
    for record, verb in [(r, "added") for r in added] + [(r, "removed") for r in removed]:
        holder = names.holder.get(record["iri"])
        if record["class"] == "Post" and holder:
            changed.append({"iri": holder, "label": names.label(holder), "class": names.types.get(holder, ""),
                            "sources": record["sources"], "details": [f"post {verb}"],
                            "line": f"~ {names.label(holder)}: post {verb} ({record['label']})"})
    diff.entities = {"added": added, "removed": removed, "changed": sorted(changed, key=lambda r: r["line"])}


def _sources(diff: Diff, old_quads, new_quads, graphs=None) -> dict[str, list[str]]:
    """The sources (named graphs) added, removed and changed; ``graphs`` as for `summarise`."""
    if graphs is not None:
        old_graphs, new_graphs = graphs
    else:
        old_graphs = {q.graph_name.value for q in old_quads if isinstance(q.graph_name, ox.NamedNode)}
        new_graphs = {q.graph_name.value for q in new_quads if isinstance(q.graph_name, ox.NamedNode)}
    touched = {q.graph_name.value for q in diff.added + diff.removed if isinstance(q.graph_name, ox.NamedNode)}
    short = lambda g: g[len(str(GRAPH)):] if g.startswith(str(GRAPH)) else g  # noqa: E731
    return {
        "added": sorted(short(g) for g in new_graphs - old_graphs),
        "removed": sorted(short(g) for g in old_graphs - new_graphs),
        "changed": sorted(short(g) for g in touched & old_graphs & new_graphs),
    }


def _changes_by_owner(diff: Diff, names: _Names) -> dict[str, dict]:
    """The statements added and removed, by the entity or fact they are about (an evidence annotation's
    statements only counted, under the fact it supports)."""
    changes: dict[str, dict] = {}
    for sign, quads in (("+", diff.added), ("-", diff.removed)):
        for quad in quads:
            subject = _value(quad.subject)
            owner = names.owner(subject)
            if owner.startswith(str(SOURCE)) or owner.startswith(str(KG)):
                continue  # sources are summarised apart; the ontology's own terms are vocabulary
            entry = changes.setdefault(owner, {"plus": [], "minus": [], "sources": set()})
            entry["sources"].add(_source_of(quad))
            if owner != subject or quad.predicate.value == EVIDENCE_OF:
                entry.setdefault("evidence", {"+": 0, "-": 0})
                if quad.predicate.value == EVIDENCE_OF:
                    entry["evidence"][sign] += 1
                continue
            entry["plus" if sign == "+" else "minus"].append(quad)
    return changes


def _details(entry, names: _Names) -> list[str]:
    plus, minus = list(entry["plus"]), list(entry["minus"])
    details = []
    for old in list(minus):
        if old.predicate.value != RDFS_LABEL:
            continue
        new = next((q for q in plus if q.predicate.value == RDFS_LABEL and q.object.language == old.object.language), None)
        if new is not None:
            details.append(f'label changed "{old.object.value}" → "{new.object.value}"')
            plus.remove(new)
            minus.remove(old)
    for sign, quads in (("+", plus), ("-", minus)):
        for quad in quads:
            if quad.predicate.value == str(PREFIXES["prov"]) + "wasDerivedFrom":
                continue
            details.append(f"{sign} {predicate_name(quad.predicate.value)} {_object(quad.object, names)}")
    evidence = entry.get("evidence")
    if evidence and (evidence["+"] or evidence["-"]):
        details.append(f"evidence +{evidence['+']} -{evidence['-']}")
    return sorted(set(details), key=details.index)


def predicate_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _object(term, names: _Names) -> str:
    if isinstance(term, ox.NamedNode):
        return names.label(term.value) if term.value.startswith(str(ID)) or term.value in names.labels else _short(term.value)
    return f'"{term.value}"'

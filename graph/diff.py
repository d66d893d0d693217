"""What changed between two versions of the graph.

Statements are compared as sets of canonical N-Quads lines (or N-Triples,
when either side has no named graphs), which is fast at a million triples.
Graphs with blank nodes are first canonicalised with RDFC-1.0 (pyoxigraph),
so files that differ only in blank-node names compare equal. The summary
groups changes by entity and names things by their labels and classes;
evidence annotations are counted under the fact they support.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.iris import EVIDENCE, GRAPH, ID, KG, PREFIXES, SOURCE

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EVIDENCE_OF = str(KG.evidence)
HELD_BY = str(KG.heldBy)


@dataclass
class Side:
    lines: dict[str, ox.Quad]
    named: bool
    blank: bool


@dataclass
class Diff:
    mode: str  # "quads" or "triples"
    canonicalised: bool
    added: list[ox.Quad]
    removed: list[ox.Quad]
    sources: dict[str, list[str]] = field(default_factory=dict)
    entities: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def same(self) -> bool:
        return not self.added and not self.removed


def side(quads: list[ox.Quad]) -> Side:
    named = any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    blank = any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name))
    return Side(_lines(quads), named, blank)


def _lines(quads) -> dict[str, ox.Quad]:
    return {f"{q.subject} {q.predicate} {q.object}" + ("" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}"): q
            for q in quads}


def compare(old_quads: list[ox.Quad], new_quads: list[ox.Quad]) -> Diff:
    old, new = side(old_quads), side(new_quads)
    mode = "quads" if old.named and new.named else "triples"
    canonicalised = old.blank or new.blank
    if mode == "triples" or canonicalised:
        old_quads, new_quads = _prepare(old_quads, mode, canonicalised), _prepare(new_quads, mode, canonicalised)
        old, new = side(old_quads), side(new_quads)
    added = [new.lines[line] for line in sorted(new.lines.keys() - old.lines.keys())]
    removed = [old.lines[line] for line in sorted(old.lines.keys() - new.lines.keys())]
    diff = Diff(mode, canonicalised, added, removed)
    if not diff.same:
        _summarise(diff, list(old.lines.values()), list(new.lines.values()))
    return diff


LINE_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
_NAMING = tuple(f"<{iri}>" for iri in (RDFS_LABEL, RDF_TYPE, EVIDENCE_OF, HELD_BY))


def compare_files(old_path, new_path, read) -> Diff:
    """Compare two files; ``read`` parses a whole file.

    Fast path for line formats (N-Quads, N-Triples) without blank nodes: the
    lines are compared as text, only the lines that differ are parsed (so the
    same statement written two ways still compares equal), and of the rest only
    the lines that name things (labels, types, evidence, post holders).
    """
    if Path(old_path).suffix in LINE_FORMATS and Path(new_path).suffix in LINE_FORMATS:
        old_text, new_text = _text(old_path, read), _text(new_path, read)
        if old_text is not None and new_text is not None and "_:" not in old_text and "_:" not in new_text:
            return _compare_lines(old_path, old_text, new_path, new_text, read)
    return compare(read(old_path), read(new_path))


def _text(path, read):
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        read(path)  # let the reader name the problem
        return None


def _statement_lines(text: str) -> set[str]:
    return {line.strip() for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")}


def _compare_lines(old_path, old_text, new_path, new_text, read):
    old_lines, new_lines = _statement_lines(old_text), _statement_lines(new_text)
    old_quads = _parse_lines(old_lines - new_lines, old_path, read)
    new_quads = _parse_lines(new_lines - old_lines, new_path, read)
    mode = "quads" if _named(old_lines, old_path, read) and _named(new_lines, new_path, read) else "triples"
    if mode == "triples":
        old_quads = [ox.Quad(q.subject, q.predicate, q.object) for q in old_quads]
        new_quads = [ox.Quad(q.subject, q.predicate, q.object) for q in new_quads]
    old_side, new_side = side(old_quads), side(new_quads)
    added = [new_side.lines[k] for k in sorted(new_side.lines.keys() - old_side.lines.keys())]
    removed = [old_side.lines[k] for k in sorted(old_side.lines.keys() - new_side.lines.keys())]
    diff = Diff(mode, False, added, removed)
    if diff.same:
        return diff
    # Only what the summary names: the changed subjects and objects, and evidence they carry.
    interest = set()
    for quad in added + removed:
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode):
                interest.add(str(term))
                if term.value.startswith(str(EVIDENCE)):
                    interest.add(f"<{str(EVIDENCE)}{'/'.join(term.value[len(str(EVIDENCE)):].split('/')[:2])}>")
    sides = []
    for lines, path in ((old_lines, old_path), (new_lines, new_path)):
        subjects, context, graphs = set(), set(), set()
        for line in lines:
            subject = line[: line.find(" ")]
            if mode == "quads":
                graphs.add(line.rsplit(" ", 2)[-2])
            if subject in interest:
                subjects.add(subject[1:-1])
                if any(n in line for n in _NAMING):
                    context.add(line)
            elif _NAMING[2] in line and line.split(" ", 3)[2] in interest:
                context.add(line)  # the fact that an evidence annotation supports
        sides.append((subjects, _parse_lines(context, path, read), graphs))
    (old_subjects, old_context, old_graphs), (new_subjects, new_context, new_graphs) = sides
    _summarise(diff, old_context + removed, new_context + added, (old_graphs, new_graphs), old_subjects, new_subjects)
    return diff


def _named(lines: set[str], path, read) -> bool:
    """Whether a line file holds named graphs (judged by one of its statements)."""
    sample = next(iter(lines), None)
    return sample is not None and not isinstance(_parse_lines({sample}, path, read)[0].graph_name, ox.DefaultGraph)


def _parse_lines(lines: set[str], path, read) -> list[ox.Quad]:
    if not lines:
        return []
    fmt = LINE_FORMATS[Path(path).suffix]
    try:
        return list(ox.parse(("\n".join(sorted(lines)) + "\n").encode("utf-8"), format=fmt))
    except SyntaxError:
        read(path)  # parse the whole file so the error names its real line
        raise


def _prepare(quads, mode, canonicalise) -> list[ox.Quad]:
    if mode == "triples":
        quads = [ox.Quad(q.subject, q.predicate, q.object) for q in quads]
    if canonicalise:
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return quads


# --------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------

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


def _summarise(diff: Diff, old_quads, new_quads, graphs=None, old_subjects=None, new_subjects=None) -> None:
    """``graphs`` and the subject sets may be given when the quads are only a part of each side."""
    names = _Names(old_quads + new_quads)
    old_subjects = old_subjects if old_subjects is not None else {_value(q.subject) for q in old_quads}
    new_subjects = new_subjects if new_subjects is not None else {_value(q.subject) for q in new_quads}
    if diff.mode == "quads":
        if graphs is not None:
            old_graphs, new_graphs = ({g.strip("<>") for g in side if g.startswith("<")} for side in graphs)
        else:
            old_graphs = {q.graph_name.value for q in old_quads if isinstance(q.graph_name, ox.NamedNode)}
            new_graphs = {q.graph_name.value for q in new_quads if isinstance(q.graph_name, ox.NamedNode)}
        touched = {q.graph_name.value for q in diff.added + diff.removed if isinstance(q.graph_name, ox.NamedNode)}
        short = lambda g: g[len(str(GRAPH)):] if g.startswith(str(GRAPH)) else g  # noqa: E731
        diff.sources = {
            "added": sorted(short(g) for g in new_graphs - old_graphs),
            "removed": sorted(short(g) for g in old_graphs - new_graphs),
            "changed": sorted(short(g) for g in touched & old_graphs & new_graphs),
        }
    changes: dict[str, dict] = {}
    for sign, quads in (("+", diff.added), ("-", diff.removed)):
        for quad in quads:
            subject = _value(quad.subject)
            owner = names.owner(subject)
            if owner.startswith(str(SOURCE)) or owner.startswith(str(KG)):
                continue  # sources are summarised above; the ontology's own terms are vocabulary
            entry = changes.setdefault(owner, {"plus": [], "minus": [], "sources": set()})
            entry["sources"].add(_source_of(quad))
            if owner != subject or quad.predicate.value == EVIDENCE_OF:
                entry.setdefault("evidence", {"+": 0, "-": 0})
                if quad.predicate.value == EVIDENCE_OF:
                    entry["evidence"][sign] += 1
                continue
            entry["plus" if sign == "+" else "minus"].append(quad)
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
            details.append(f"{sign} {_predicate(quad.predicate.value)} {_object(quad.object, names)}")
    evidence = entry.get("evidence")
    if evidence and (evidence["+"] or evidence["-"]):
        details.append(f"evidence +{evidence['+']} -{evidence['-']}")
    return sorted(set(details), key=details.index)


def _predicate(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _object(term, names: _Names) -> str:
    if isinstance(term, ox.NamedNode):
        return names.label(term.value) if term.value.startswith(str(ID)) or term.value in names.labels else _short(term.value)
    return f'"{term.value}"'


# --------------------------------------------------------------------------
# Renderings
# --------------------------------------------------------------------------

def summary_text(diff: Diff, old_name: str, new_name: str) -> str:
    how = "quads, keeping which source said what" if diff.mode == "quads" else "triples (a side has no named graphs)"
    lines = [f"Comparing {old_name} → {new_name} as {how}"
             + ("; blank nodes canonicalised with RDFC-1.0" if diff.canonicalised else "")]
    if diff.same:
        return "\n".join(lines + ["No differences."]) + "\n"
    if diff.sources:
        parts = [f"{verb}: {', '.join(ids)}" for verb, ids in diff.sources.items() if ids]
        if parts:
            lines.append("Sources " + "; ".join(parts))
    for kind in ("added", "removed", "changed"):
        lines += [record["line"] for record in diff.entities.get(kind, [])]
    lines.append(f"{len(diff.added)} statements added, {len(diff.removed)} removed.")
    return "\n".join(lines) + "\n"


def as_json(diff: Diff) -> dict:
    return {
        "same": diff.same, "mode": diff.mode, "canonicalised": diff.canonicalised,
        "statements": {"added": len(diff.added), "removed": len(diff.removed)},
        "sources": diff.sources,
        "entities": {kind: [{k: v for k, v in r.items() if k != "line"} | {"summary": r["line"]} for r in records]
                     for kind, records in diff.entities.items()},
    }


def patch(diff: Diff) -> str:
    """RDF Patch: deletions, then additions; applied to OLD it gives NEW."""
    def line(op, q):
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}"
        return f"{op} {q.subject} {q.predicate} {q.object}{graph} ."

    return "".join(f"{text}\n" for text in
                   ["TX ."] + [line("D", q) for q in diff.removed] + [line("A", q) for q in diff.added] + ["TC ."])


def apply_patch(quads: list[ox.Quad], text: str) -> list[ox.Quad]:
    """Apply an A/D patch (as `patch` writes) to a list of quads."""
    current = {str(q): q for q in quads}
    for raw in text.splitlines():
        op, _, rest = raw.partition(" ")
        if op not in ("A", "D"):
            continue
        quad = next(iter(ox.parse(rest.encode("utf-8"), format=ox.RdfFormat.N_QUADS)))
        if op == "A":
            current[str(quad)] = quad
        else:
            current.pop(str(quad), None)
    return list(current.values())


def page_status(diff: Diff) -> dict:
    """For the network page: entity IRIs and (u, v, relation) edges marked added or removed."""
    status: dict = {}
    for record in diff.entities.get("added", []):
        status[record["iri"]] = "added"
    for record in diff.entities.get("removed", []):
        status[record["iri"]] = "removed"
    for sign, quads in (("added", diff.added), ("removed", diff.removed)):
        for q in quads:
            if isinstance(q.object, ox.NamedNode):
                status[(q.subject.value, q.object.value, _predicate(q.predicate.value))] = sign
    return status

"""What `kg diff` prints: the summary as text or JSON, an RDF Patch, and the page's colours."""
from __future__ import annotations

import pyoxigraph as ox

from graph.diff.statements import Diff
from graph.diff.summary import predicate_name


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
                status[(q.subject.value, q.object.value, predicate_name(q.predicate.value))] = sign
    return status

"""Two lists of statements compared: the set difference of their canonical lines, then the summary."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.diff.summary import summarise


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
    """What changed, summarised: as quads when both sides have named graphs, else as triples; blank nodes
    canonicalised first when either side has them."""
    old, new = side(old_quads), side(new_quads)
    mode = "quads" if old.named and new.named else "triples"
    canonicalised = old.blank or new.blank
    if mode == "triples" or canonicalised:
        old_quads, new_quads = _prepare(old_quads, mode, canonicalised), _prepare(new_quads, mode, canonicalised)
        old, new = side(old_quads), side(new_quads)
    diff = Diff(mode, canonicalised, *_changes(old, new))
    if not diff.same:
        summarise(diff, list(old.lines.values()), list(new.lines.values()))
    return diff


def difference(old_quads: list[ox.Quad], new_quads: list[ox.Quad], mode: str) -> Diff:
    """What changed, not summarised, of two sides without blank nodes (the caller summarises from more lines)."""
    return Diff(mode, False, *_changes(side(_prepare(old_quads, mode, False)), side(_prepare(new_quads, mode, False))))


def _changes(old: Side, new: Side) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The statements added and removed, each list in the order of their lines."""
    added = [new.lines[line] for line in sorted(new.lines.keys() - old.lines.keys())]
    removed = [old.lines[line] for line in sorted(old.lines.keys() - new.lines.keys())]
    return added, removed


def _prepare(quads, mode, canonicalise) -> list[ox.Quad]:
    if mode == "triples":
        quads = [ox.Quad(q.subject, q.predicate, q.object) for q in quads]
    if canonicalise:
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return quads

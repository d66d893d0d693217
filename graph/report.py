"""The build's report: counts per class and per source, conflicts, warnings.

A report is put together from parts that a rebuild keeps and patches for the
sources that changed (graph/pipeline.py): a row for each source, the counts
per class, and the conflicts and warnings by subject.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass

from graph.build import claims_by_subject, find_conflicts, find_weekday_mismatches
from graph.iris import KG

KG_CLASS = str(KG)


@dataclass
class ReportParts:
    rows: dict[str, tuple]  # source id -> (file, facts, quotes, triples, entities declared), in build order
    classes: dict[str, int]  # kg class name -> evidence annotations and entities of the class
    conflicts: dict[str, list[str]]  # subject id -> its conflicts, by property
    warnings: dict[str, list[str]]  # subject id -> its weekday warnings

    def report(self, ontology_triples: int, union: dict) -> dict:
        """``union``: the statements each source leaves to an earlier graph."""
        rows = self.rows
        triples = ontology_triples + sum(row[3] for row in rows.values()) - sum(map(len, union.values()))
        return {
            "triples": triples,
            "ontology_triples": ontology_triples,
            "classes": dict(sorted(self.classes.items())),
            "sources": [{"id": source_id, "file": row[0], "facts": row[1], "quotes": row[2], "triples": row[3]}
                        for source_id, row in rows.items()],
            "conflicts": [line for subject in sorted(self.conflicts) for line in self.conflicts[subject]],
            "warnings": [line for subject in sorted(self.warnings) for line in self.warnings[subject]],
        }

    @property
    def entities(self) -> int:
        return sum(row[4] for row in self.rows.values())


def source_row(source) -> tuple:
    return f"sources/{os.path.basename(source.path)}", source.facts, source.quotes, source.triples, len(source.declares)


def kg_classes(classes) -> set[str]:
    """The names of the ontology's own classes among class IRIs."""
    return {cls[len(KG_CLASS):] for cls in classes if cls.startswith(KG_CLASS)}


class English:
    """An entity's English label, or "", from labels by id and language."""

    def __init__(self, labels):
        self.labels = labels

    def get(self, entity: str) -> str:
        return (self.labels.get(entity) or {}).get("en", "")


def notes(claims: dict, names, english) -> tuple[dict, dict]:
    """Conflicts and weekday warnings by subject, from ``claims`` by (subject, property)."""
    conflicts = defaultdict(list)
    for conflict in find_conflicts(claims):
        conflicts[conflict.subject].append(conflict.describe(names))
    return dict(conflicts), find_weekday_mismatches(claims, english)


def make_report(sources, vocab, labels: dict, base_types: dict) -> ReportParts:
    """The parts of the report of ``sources`` (compiled, gazetteer first); ``base_types``: the ontology's classes."""
    names = {entity: by_lang.get("en") or entity for source in sources for entity, by_lang in source.labels.items()}
    classes = Counter()
    for source in sources:
        classes.update(source.classes)
    declared = {(subject, cls) for source in sources for subject, cls in source.types if cls.startswith(KG_CLASS)}
    declared |= {(subject, cls) for subject, classes_of in base_types.items() for cls in classes_of
                 if cls.startswith(KG_CLASS)}
    classes.update(Counter(cls[len(KG_CLASS):] for _, cls in declared))
    conflicts, warnings = notes(claims_by_subject(sources), names, English(labels))
    return ReportParts({source.id: source_row(source) for source in sources}, dict(classes), conflicts, warnings)


def report_text(report: dict) -> str:
    lines = [f"{report['triples']} triples ({report['ontology_triples']} of them the ontology's)", "", "Entities per class:"]
    width = max((len(name) for name in report["classes"]), default=0)
    for name, count in report["classes"].items():
        lines.append(f"  {name:<{width}}  {count:>4}")
    lines += ["", "Per source:"]
    for source in report["sources"]:
        lines.append(f"  {source['file']:<36} {source['facts']:>3} facts  {source['quotes']:>3} quotes  "
                     f"{source['triples']:>5} triples")
    lines += ["", f"Conflicts ({len(report['conflicts'])}): sources disagree; every claim is kept with its source"]
    lines += [f"  {line}" for line in report["conflicts"]] or ["  none"]
    lines += ["", f"Warnings ({len(report['warnings'])}):"]
    lines += [f"  {line}" for line in report["warnings"]] or ["  none"]
    return "\n".join(lines) + "\n"

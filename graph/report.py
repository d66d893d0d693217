"""The build's report: counts per class and per source, conflicts, warnings.

A report is put together from parts that a rebuild keeps and patches for the
sources that changed (graph/pipeline.py): a row for each source, the counts
per class, and the conflicts and warnings by subject.
"""
from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from json.encoder import encode_basestring

from graph.build import claims_by_subject, find_conflicts, find_weekday_mismatches
from graph.iris import KG, REGIONS_ID

KG_CLASS = str(KG)
# Each code scheme's property, and the country whose regions it numbers.
CODE_COUNTRIES = {"kemendagriCode": "indonesia", "gbCode": "china"}


@dataclass
class ReportParts:
    rows: dict[str, tuple]  # source id -> source_row(): its counts and its lines in the files, in build order
    classes: dict[str, int]  # kg class name -> evidence annotations and entities of the class
    conflicts: dict[str, list[str]]  # subject id -> its conflicts, by property
    warnings: dict[str, list[str]]  # subject id -> its weekday warnings
    # country -> region class -> regions with an official code, as the gazetteers declare them
    regions: dict[str, dict[str, int]] = field(default_factory=dict)

    def report(self, ontology_triples: int, union: dict) -> dict:
        """``union``: the statements each source leaves to an earlier graph."""
        rows = self.rows
        triples = ontology_triples + sum(row[3] for row in rows.values()) - sum(map(len, union.values()))
        return {
            "triples": triples,
            "ontology_triples": ontology_triples,
            "classes": dict(sorted(self.classes.items())),
            "regions": {country: dict(sorted(by_class.items())) for country, by_class in sorted(self.regions.items())},
            "sources": [{"id": source_id, "file": row[0], "facts": row[1], "quotes": row[2], "triples": row[3]}
                        for source_id, row in rows.items()],
            "conflicts": [line for subject in sorted(self.conflicts) for line in self.conflicts[subject]],
            "warnings": [line for subject in sorted(self.warnings) for line in self.warnings[subject]],
        }

    @property
    def entities(self) -> int:
        return sum(row[4] for row in self.rows.values())

    def render(self, ontology_triples: int, union: dict) -> tuple[dict, str, bytes]:
        """The report, report.txt and report.json; each source's lines as its row keeps them."""
        report = self.report(ontology_triples, union)
        rows = self.rows.values()
        return (report, report_text(report, [row[5] for row in rows]),
                report_json(report, {"sources": [row[6] for row in rows]}))


def source_row(source) -> tuple:
    """(file, facts, quotes, triples, entities declared, its line in report.txt, its item in report.json)."""
    folder = "graph/data" if source.id == REGIONS_ID else "sources"
    row = {"id": source.id, "file": f"{folder}/{os.path.basename(source.path)}", "facts": source.facts,
           "quotes": source.quotes, "triples": source.triples}
    return (row["file"], row["facts"], row["quotes"], row["triples"], len(source.declares), _source_line(row),
            _json_item(row))


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
    return ReportParts({source.id: source_row(source) for source in sources}, dict(classes), conflicts, warnings,
                       region_counts([s for s in sources if s.kind == "gazetteer"]))


def region_counts(gazetteers) -> dict[str, dict[str, int]]:
    """country -> class -> regions the gazetteers (base and curated) declare with an official code."""
    declared = {subject: type_name for source in gazetteers for subject, type_name, _ in source.declares}
    country = {claim.subject: CODE_COUNTRIES[claim.prop] for source in gazetteers for claim in source.claims
               if claim.prop in CODE_COUNTRIES}
    counts = defaultdict(Counter)
    for subject, where in country.items():
        counts[where][declared[subject]] += 1
    return {where: dict(by_class) for where, by_class in counts.items()}


def _source_line(source: dict) -> str:
    return (f"  {source['file']:<36} {source['facts']:>3} facts  {source['quotes']:>3} quotes  "
            f"{source['triples']:>5} triples")


def report_text(report: dict, source_lines: list[str] | None = None) -> str:
    """``source_lines``: the "Per source" lines, if already made."""
    lines = [f"{report['triples']} triples ({report['ontology_triples']} of them the ontology's)", "", "Entities per class:"]
    width = max((len(name) for name in report["classes"]), default=0)
    for name, count in report["classes"].items():
        lines.append(f"  {name:<{width}}  {count:>4}")
    if report.get("regions"):
        lines += ["", "Regions per country and class (each with its official code):"]
        for country, by_class in report["regions"].items():
            lines.append(f"  {country:<10} " + ", ".join(f"{name} {count}" for name, count in by_class.items())
                         + f" ({sum(by_class.values())} in all)")
    lines += ["", "Per source:"]
    lines += source_lines if source_lines is not None else map(_source_line, report["sources"])
    lines += ["", f"Conflicts ({len(report['conflicts'])}): sources disagree; every claim is kept with its source"]
    lines += [f"  {line}" for line in report["conflicts"]] or ["  none"]
    lines += ["", f"Warnings ({len(report['warnings'])}):"]
    lines += [f"  {line}" for line in report["warnings"]] or ["  none"]
    return "\n".join(lines) + "\n"


def report_json(report: dict, items: dict[str, list[str]] | None = None) -> bytes:
    """The report as JSON, one list item a line, each as json.dumps(item, ensure_ascii=False, sort_keys=True)
    writes it; ``items``: the items of some lists, already made so."""
    items = items or {}
    fields = []
    for name, value in sorted(report.items()):
        if isinstance(value, list) and value:
            value = "[\n    " + ",\n    ".join(items[name] if name in items else map(_json_item, value)) + "\n  ]"
        else:
            value = _json_item(value)
        fields.append(f"  {_json_item(name)}: {value}")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode("utf-8")


def _json_item(value) -> str:
    """json.dumps(value, ensure_ascii=False, sort_keys=True); strings and flat records put together here,
    around json's C string encoder, in a third of the time."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict) and all(type(v) in (str, int) for v in value.values()):
        return "{" + ", ".join(f"{encode_basestring(k)}: {encode_basestring(v) if type(v) is str else int.__repr__(v)}"
                               for k, v in sorted(value.items())) + "}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)

"""The build's report: counts per class and per source, conflicts, warnings."""
from __future__ import annotations

from graph.build import Built
from graph.sources import Project


def make_report(built: Built, project: Project) -> dict:
    labels = {item.subject: item.labels.get("en") or item.subject
              for source in project.sources for item in source.items if item.labels}
    per_source = []
    for source in project.sources:
        per_source.append({
            "id": source.id,
            "file": f"sources/{source.path.name}",
            "facts": len(source.items),
            "quotes": sum(len(item.quotes) for item in source.items),
            "triples": len(built.graphs[source.id]),
        })
    return {
        "triples": len(built.union),
        "ontology_triples": len(project.vocab.graph),
        "classes": dict(sorted(built.class_counts().items())),
        "sources": per_source,
        "conflicts": [c.describe(labels) for c in built.conflicts],
        "warnings": list(built.warnings),
    }


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

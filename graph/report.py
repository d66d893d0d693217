"""The build's report: counts per class and per source, conflicts, warnings."""
from __future__ import annotations

import os
from collections import Counter

from graph.build import claims_by_subject, find_conflicts, find_weekday_mismatches
from graph.iris import KG


def make_report(sources, union: dict, vocab, labels: dict, types: dict) -> dict:
    """``sources`` compiled (gazetteer first); ``union`` the statements each leaves to an earlier graph."""
    names = {entity: by_lang.get("en") or entity for source in sources for entity, by_lang in source.labels.items()}
    per_source = []
    triples = len(vocab.graph)
    classes = Counter()
    for source in sources:
        triples += source.triples - len(union.get(source.id, ()))
        for name, count in source.classes.items():
            classes[name] += count
        per_source.append({
            "id": source.id,
            "file": f"sources/{os.path.basename(source.path)}",
            "facts": source.facts,
            "quotes": source.quotes,
            "triples": source.triples,
        })
    claims = claims_by_subject(sources)
    kg = str(KG)
    declared = {(subject, cls) for source in sources for subject, cls in source.types if cls.startswith(kg)}
    declared |= {(subject, cls) for subject, classes_of in _ontology_types(vocab) for cls in classes_of}
    classes.update(Counter(cls[len(kg):] for _, cls in declared))
    return {
        "triples": triples,
        "ontology_triples": len(vocab.graph),
        "classes": dict(sorted(classes.items())),
        "sources": per_source,
        "conflicts": [c.describe(names) for c in find_conflicts(claims)],
        "warnings": find_weekday_mismatches(claims, {k: v.get("en", "") for k, v in labels.items()}),
    }


def _ontology_types(vocab):
    from rdflib.namespace import RDF

    for subject, cls in vocab.graph.subject_objects(RDF.type):
        if str(cls).startswith(str(KG)):
            yield str(subject), {str(cls)}


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

"""Check the built graph against shapes.ttl and say what is wrong in human terms."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDFS

from graph.errors import OntologyError, ValidationError
from graph.iris import KG, PREFIXES, SH


def load_shapes(path: Path) -> Graph:
    shapes = Graph()
    try:
        shapes.parse(Path(path), format="turtle")
    except FileNotFoundError:
        raise OntologyError("shapes file not found", path) from None
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"the shapes are not valid Turtle: {exc}", path) from None
    return shapes


def violations(data: Graph, shapes: Graph, root: Path = Path(".")) -> list[ValidationError]:
    """One error per SHACL violation: which entity, which rule, which source file."""
    import pyshacl  # imported here: it is slow to import and only the build needs it

    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    if conforms:
        return []
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage) or "breaks a shape"
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        where = ", ".join(str(Path(root) / f) for f in sorted(_files(data, focus))) or "no source"
        detail = f" (value {_name(data, value)})" if value is not None else ""
        prop = f" {_short(path)}" if isinstance(path, URIRef) else ""
        lines.add((where, f"{_name(data, focus)}{prop}: {message}{detail} (SHACL)"))
    return [ValidationError(message, where) for where, message in sorted(lines)]


def _files(data: Graph, focus) -> set[str]:
    files = set()
    for source in data.objects(focus, PROV.wasDerivedFrom):
        for text_file in data.objects(source, KG.textFile):
            files.add(str(text_file).replace(".txt", ".yaml"))
    return files


def _name(data: Graph, node) -> str:
    labels = {lit.language: lit for lit in data.objects(node, RDFS.label)}
    label = labels.get("en") or next(iter(sorted(labels.values())), None)
    return f"{label} <{node}>" if label else f"<{node}>" if isinstance(node, URIRef) else repr(str(node))


def _short(iri: URIRef) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri.n3()

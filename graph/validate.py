"""Check the built graph against shapes.ttl and say what is wrong in human terms.

pySHACL re-reads the whole graph on every build, which at a million triples
takes minutes. Our shapes use a small part of SHACL, so they are compiled
here into rules and checked one entity at a time: an entity is checked
against the statements every source makes about it, and the classes of what
it points at come from a project-wide table. A build re-checks only the
entities its changed sources state (see pipeline.py). Shapes that use SHACL
beyond this part are refused with the construct named, never ignored.
tests/test_validate.py checks that the verdicts equal pySHACL's.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD

from graph.errors import OntologyError
from graph.iris import PREFIXES, SH

LANG_STRING = str(RDF.langString)
XSD_STRING = str(XSD.string)
_RDF_TYPE = str(RDF.type)
_RDFS_LABEL = str(RDFS.label)

# What a property shape may say, and what a node shape may say, here.
_PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH["in"], SH["or"], SH.message}
_NODE_KEYS = {RDF.type, SH.targetClass, SH.property, SH["or"], SH.message, RDFS.comment, RDFS.label}


@dataclass(frozen=True)
class PropertyRule:
    path: tuple[str, ...]  # predicate IRIs, followed in turn
    message: str
    min_count: int | None = None
    max_count: int | None = None
    classes: tuple[str, ...] = ()  # each value is an instance of one of these
    datatypes: tuple[str, ...] = ()  # each value is a literal of one of these
    allowed: tuple[str, ...] = ()  # each value is one of these (N-Triples)


@dataclass(frozen=True)
class NodeRule:
    name: str
    targets: frozenset[str]
    properties: tuple[PropertyRule, ...]
    any_of: tuple[tuple[PropertyRule, ...], ...] = ()  # node-level sh:or: one alternative holds
    message: str = ""


@dataclass(frozen=True)
class Violation:
    focus: str  # IRI
    path: str | None  # first predicate of the path, for the message
    message: str
    value: str | None  # N-Triples of the offending value


def load_shapes(path: Path) -> list[NodeRule]:
    shapes = Graph()
    try:
        shapes.parse(Path(path), format="turtle")
    except FileNotFoundError:
        raise OntologyError("shapes file not found", path) from None
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise OntologyError(f"the shapes are not valid Turtle: {exc}", path) from None
    return compile_shapes(shapes, path)


def compile_shapes(shapes: Graph, path) -> list[NodeRule]:
    rules = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape))):
        _only(shapes, shape, _NODE_KEYS, path)
        targets = frozenset(str(c) for c in shapes.objects(shape, SH.targetClass))
        if not targets:
            raise OntologyError(f"shape {shape.n3()} has no sh:targetClass (the only target supported)", path)
        properties = tuple(_property(shapes, p, path) for p in sorted(shapes.objects(shape, SH.property)))
        any_of = ()
        alternatives = shapes.value(shape, SH["or"])
        if alternatives is not None:
            any_of = tuple(_alternative(shapes, alt, path) for alt in Collection(shapes, alternatives))
        rules.append(NodeRule(str(shape), targets, properties, any_of, str(shapes.value(shape, SH.message) or "")))
    return rules


def _alternative(shapes, node, path) -> tuple[PropertyRule, ...]:
    members = shapes.value(node, SH["and"])
    if members is not None:
        return tuple(_property(shapes, m, path) for m in Collection(shapes, members))
    return (_property(shapes, node, path),)


def _property(shapes: Graph, node, path) -> PropertyRule:
    _only(shapes, node, _PROPERTY_KEYS, path)
    steps = shapes.value(node, SH.path)
    if isinstance(steps, URIRef):
        route = (str(steps),)
    elif isinstance(steps, BNode):
        route = tuple(str(s) for s in Collection(shapes, steps))
        if not route or not all(isinstance(s, URIRef) for s in Collection(shapes, steps)):
            raise OntologyError(f"only predicate paths and sequences of predicates are supported ({node.n3()})", path)
    else:
        raise OntologyError(f"a property shape without sh:path ({node.n3()})", path)
    classes = [str(c) for c in shapes.objects(node, SH["class"])]
    datatypes = [str(d) for d in shapes.objects(node, SH.datatype)]
    either = shapes.value(node, SH["or"])
    if either is not None:
        for alternative in Collection(shapes, either):
            _only(shapes, alternative, {SH["class"], SH.datatype}, path)
            classes += [str(c) for c in shapes.objects(alternative, SH["class"])]
            datatypes += [str(d) for d in shapes.objects(alternative, SH.datatype)]
        if classes and datatypes:
            raise OntologyError(f"sh:or mixing classes and datatypes is not supported ({node.n3()})", path)
    allowed = shapes.value(node, SH["in"])
    return PropertyRule(
        path=route,
        message=str(shapes.value(node, SH.message) or "breaks a shape"),
        min_count=_int(shapes.value(node, SH.minCount)),
        max_count=_int(shapes.value(node, SH.maxCount)),
        classes=tuple(sorted(set(classes))),
        datatypes=tuple(sorted(set(datatypes))),
        allowed=tuple(_nt(v) for v in Collection(shapes, allowed)) if allowed is not None else (),
    )


def _only(shapes: Graph, node, allowed: set, path) -> None:
    for predicate in set(shapes.predicates(node)):
        if predicate not in allowed:
            name = str(predicate).replace(str(SH), "sh:")
            where = node.n3() if isinstance(node, URIRef) else "a nested shape"
            raise OntologyError(f"{name} in {where} is SHACL that kg's validator does not "
                                f"support (it checks targetClass, property paths, min/maxCount, class, datatype, "
                                f"in, or, and)", path)


def _int(value) -> int | None:
    return int(value) if value is not None else None


def _nt(value) -> str:
    from graph.build import term

    return term(value)


# --------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------

def datatype_of(value: str) -> str | None:
    """The datatype of an N-Triples literal, or None for an IRI."""
    if not value.startswith('"'):
        return None
    if value.endswith('"'):
        return XSD_STRING
    if value.endswith(">"):
        return value[value.rindex("^^<") + 3:-1]
    return LANG_STRING


class Checker:
    """Checks entities; ``statements(iri)`` gives pred -> values, ``classes(iri)`` every class of it."""

    def __init__(self, rules: list[NodeRule], statements, classes):
        self.rules = rules
        self.statements = statements
        self.classes = classes

    def values(self, focus: str, route: tuple[str, ...]) -> set[str]:
        if len(route) == 1:  # most paths: one predicate
            return set(self.statements(focus).get(route[0], ()))
        frontier = {f"<{focus}>"}
        for predicate in route:
            frontier = {v for node in frontier if node.startswith("<")
                        for v in self.statements(node[1:-1]).get(predicate, ())}
        return frontier

    def check(self, focus: str) -> list[Violation]:
        found = []
        mine = self.classes(focus)
        for rule in self.rules:
            if not rule.targets & mine:
                continue
            for prop in rule.properties:
                if not self._holds(focus, prop):
                    found += self._property(focus, prop)
            if rule.any_of and not any(all(self._holds(focus, p) for p in alternative)
                                       for alternative in rule.any_of):
                found.append(Violation(focus, None, rule.message, f"<{focus}>"))
        return found

    def _holds(self, focus: str, rule: PropertyRule) -> bool:
        """Whether ``focus`` keeps ``rule``: ``_property`` finds nothing (the common case, made cheap)."""
        values = self.values(focus, rule.path)
        if rule.min_count is not None and len(values) < rule.min_count:
            return False
        if rule.max_count is not None and len(values) > rule.max_count:
            return False
        if rule.datatypes or rule.classes:
            for value in values:
                datatype = datatype_of(value)
                if rule.datatypes and datatype not in rule.datatypes:
                    return False
                if rule.classes and (datatype is not None or self.classes(value[1:-1]).isdisjoint(rule.classes)):
                    return False
        return not rule.allowed or all(value in rule.allowed for value in values)

    def _property(self, focus: str, rule: PropertyRule) -> list[Violation]:
        values = self.values(focus, rule.path)
        found = []
        if rule.min_count is not None and len(values) < rule.min_count:
            found.append(Violation(focus, rule.path[0], rule.message, None))
        if rule.max_count is not None and len(values) > rule.max_count:
            found.append(Violation(focus, rule.path[0], rule.message, None))
        for value in sorted(values):
            datatype = datatype_of(value)
            if rule.datatypes and datatype not in rule.datatypes:
                found.append(Violation(focus, rule.path[0], rule.message, value))
            if rule.allowed and value not in rule.allowed:
                found.append(Violation(focus, rule.path[0], rule.message, value))
            if rule.classes and (datatype is not None or self.classes(value[1:-1]).isdisjoint(rule.classes)):
                found.append(Violation(focus, rule.path[0], rule.message, value))
        return found


def describe(violation: Violation, label) -> str:
    """One line: the entity, the property, the rule (and the value)."""
    prop = f" {_short(violation.path)}" if violation.path else ""
    detail = f" (value {_name(violation.value, label)})" if violation.value is not None else ""
    return f"{_name(f'<{violation.focus}>', label)}{prop}: {violation.message}{detail} (SHACL)"


def _name(value: str, label) -> str:
    if value.startswith("<"):
        text = label(value[1:-1])
        return f"{text} {value}" if text else value
    return repr(value)


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return f"<{iri}>"


def superclasses(vocab_graph: Graph) -> dict[str, frozenset[str]]:
    """Each class of the ontology with all its ancestors (itself included)."""
    result = {}
    classes = set(vocab_graph.subjects(RDFS.subClassOf, None)) | set(vocab_graph.objects(None, RDFS.subClassOf)) \
        | set(vocab_graph.subjects(RDF.type, None))
    for cls in classes:
        if isinstance(cls, URIRef):
            result[str(cls)] = frozenset(str(c) for c in vocab_graph.transitive_objects(cls, RDFS.subClassOf))
    return result

"""The one conversion from our RDF graph to a networkx graph.

Used by the page, `kg path`, `kg stats` and the GraphML/GEXF exports.
Regions, people, organisations, agreements, events, programmes and sectors are
nodes; agreements and events stay nodes because they are what connects
regions and people. A post (person, role, where) becomes an edge from the
person to the organisation or region. Literals, labels and provenance are
attributes, never nodes.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph.errors import NotBuilt
from graph.iris import GRAPH, ID, KG, OA, REGIONS_ID, SCHEMA, SOURCE

# One palette, shared by the page and the exports.
KIND_STYLE = {
    "Region": {"color": "#4e79a7", "shape": "dot"},
    "Person": {"color": "#f28e2b", "shape": "diamond"},
    "Organisation": {"color": "#59a14f", "shape": "square"},
    "Agreement": {"color": "#e15759", "shape": "star"},
    "Event": {"color": "#b07aa1", "shape": "triangle"},
    "Programme": {"color": "#9c755f", "shape": "hexagon"},
    "Sector": {"color": "#bab0ac", "shape": "ellipse"},
}
_KIND_CLASSES = [  # most specific first is not needed: kinds are disjoint
    ("Region", (KG.Region, KG.Island)),
    ("Person", (KG.Person,)),
    ("Organisation", (KG.Organisation,)),
    ("Agreement", (KG.Agreement,)),
    ("Event", (KG.Event,)),
    ("Programme", (KG.Programme,)),
    ("Sector", (KG.Sector,)),
]
DATE_PROPERTIES = ("date", "startDate", "endDate", "signedOn")


def source_id(iri) -> str:
    return str(iri)[len(str(SOURCE)):]


def short_source(source: str) -> str:
    """'002_df0ee3cb47686a21' -> '002'; 'gazetteer' and 'regions' stay."""
    return source.split("_", 1)[0]


def _label(graph: Graph, node, lang: str) -> tuple[str, str, str]:
    labels = {lit.language: str(lit) for lit in graph.objects(node, RDFS.label) if isinstance(lit, Literal)}
    other = "en" if lang == "id" else "id"
    fallback = str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    best = labels.get(lang) or labels.get(other) or next(iter(sorted(labels.values())), fallback)
    return best, labels.get("id", best), labels.get("en", best)


def _kinds(graph: Graph) -> dict[URIRef, str]:
    """Each of our classes with the kind of node it makes, from the ontology's hierarchy."""
    kinds = {}
    for cls in set(graph.subjects(RDF.type, None)) | set(graph.objects(None, RDF.type)):
        if not isinstance(cls, URIRef):
            continue
        ancestors = set(graph.transitive_objects(cls, RDFS.subClassOf))
        for kind, roots in _KIND_CLASSES:
            if ancestors & set(roots):
                kinds[cls] = kind
                break
    return kinds


def _evidence(graph: Graph, fact) -> list[dict]:
    result = []
    for ev in sorted(graph.objects(fact, KG.evidence)):
        target = graph.value(ev, OA.hasTarget)
        source = graph.value(target, OA.hasSource)
        item = {"source": source_id(source), "quote": "", "start": None, "end": None,
                "url": None, "reviewed": graph.value(ev, KG.reviewed) != Literal(False)}
        for selector in graph.objects(target, OA.hasSelector):
            if graph.value(selector, OA.exact) is not None:
                item["quote"] = str(graph.value(selector, OA.exact))
            if graph.value(selector, OA.start) is not None:
                item["start"] = int(graph.value(selector, OA.start))
                item["end"] = int(graph.value(selector, OA.end))
        url = graph.value(source, SCHEMA.url)
        item["url"] = str(url) if url is not None else None
        result.append(item)
    return sorted(result, key=lambda e: (e["source"], e["start"] or 0))


def to_networkx(graph: Graph, lang: str = "id", stated_in: dict | None = None) -> nx.MultiDiGraph:
    """Nodes keyed by IRI, edges keyed by relation name; see the module's docstring.

    ``stated_in`` maps a triple to the sources whose named graph states it
    (see ``read_built``); without it an edge is credited to its subject's sources.
    """
    kinds = _kinds(graph)
    network = nx.MultiDiGraph()
    typed = defaultdict(set)
    for subject, cls in graph.subject_objects(RDF.type):
        if cls in kinds and isinstance(subject, URIRef):
            typed[subject].add(cls)
    nodes = {}
    for node in sorted(typed):
        classes = typed[node]
        kind = kinds[min(classes)]
        if kind == "Sector" and not any(True for _ in graph.subjects(KG.sector, node)) \
                and not any(True for _ in graph.subjects(KG.strongIn, node)):
            continue  # a sector no fact mentions is only vocabulary
        if not str(node).startswith(str(ID)) and kind != "Sector":
            continue
        # The most specific class: the one no other class of the node is a subclass of.
        specific = sorted(c for c in classes if not any(
            o != c and c in set(graph.transitive_objects(o, RDFS.subClassOf)) for o in classes))
        label, label_id, label_en = _label(graph, node, lang)
        sources = sorted(source_id(s) for s in graph.objects(node, PROV.wasDerivedFrom))
        evidence = _evidence(graph, node)
        nodes[node] = dict(
            label=label, label_id=label_id, label_en=label_en,
            type=str(specific[0]).rsplit("#", 1)[-1], kind=kind, **KIND_STYLE[kind],
            aliases=sorted(str(a) for a in graph.objects(node, KG.alias)),
            dates={p: str(graph.value(node, KG[p])) for p in DATE_PROPERTIES if graph.value(node, KG[p]) is not None},
            weekdays=sorted(_label(graph, d, lang)[0] for d in graph.objects(node, KG.statedWeekday)),
            posts=[], sources=sources, evidence=evidence,
            reviewed=all(e["reviewed"] for e in evidence),
        )
    for node, attrs in nodes.items():
        network.add_node(str(node), **attrs)

    edges = []
    for subject, predicate, obj in graph:
        if subject in nodes and obj in nodes and str(predicate).startswith(str(KG)):
            relation = str(predicate).rsplit("#", 1)[-1]
            sources = sorted(stated_in.get((subject, predicate, obj), ())) if stated_in else nodes[subject]["sources"]
            evidence = [e for e in nodes[subject]["evidence"] if e["source"] in sources]
            edges.append((str(subject), str(obj), relation, _label(graph, predicate, lang)[0], sources, evidence))
    for post in sorted(graph.subjects(RDF.type, KG.Post)):
        holder, where, role = (graph.value(post, KG.heldBy), graph.value(post, KG.postIn), graph.value(post, KG.role))
        if holder in nodes and where in nodes:
            role_label = _label(graph, role, lang)[0]
            sources = sorted(source_id(s) for s in graph.objects(post, PROV.wasDerivedFrom))
            edges.append((str(holder), str(where), "holdsPost", role_label, sources, _evidence(graph, post)))
            network.nodes[str(holder)]["posts"].append(_label(graph, post, lang)[0])
    for u, v, relation, label, sources, evidence in sorted(edges, key=lambda e: e[:3]):
        key = relation if relation != "holdsPost" else f"holdsPost:{label}"
        network.add_edge(u, v, key=key, relation=relation, label=label, sources=sources, evidence=evidence)
    for node in network.nodes:
        network.nodes[node]["posts"].sort()
    return network


def stated_in(graphs: dict[str, Graph]) -> dict:
    """Which sources state each triple, from a build's named graphs (source id -> graph)."""
    result = defaultdict(set)
    for source, graph in graphs.items():
        for triple in graph:
            result[triple].add(source)
    return dict(result)


def read_built(out: Path) -> tuple[Graph, dict]:
    """The union graph `kg build` wrote, and which sources state each triple."""
    path = Path(out) / "graph.nq"
    if not path.is_file():
        raise NotBuilt(f"no graph in {out}/: run `kg build` first")
    return from_quads(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))


def from_quads(quads) -> tuple[Graph, dict]:
    """An rdflib union graph and the sources of each triple, from pyoxigraph quads, less the regions that
    nothing but the base gazetteer names (``_unused_regions``)."""
    graph = Graph()
    stated_in = defaultdict(set)
    quads = list(quads)
    unused = _unused_regions(quads)
    for quad in quads:
        if quad.subject in unused:
            continue
        triple = (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
        graph.add(triple)
        name = str(quad.graph_name.value) if isinstance(quad.graph_name, ox.NamedNode) else ""
        if name.startswith(str(GRAPH)):
            stated_in[triple].add(name[len(str(GRAPH)):])
    return graph, dict(stated_in)


_REGIONS = ox.NamedNode(f"{GRAPH}{REGIONS_ID}")
_LOCATED_IN = ox.NamedNode(str(KG.locatedIn))


def _unused_regions(quads: list) -> set:
    """The regions of the base gazetteer (about 3,700) that no other graph names, less those that hold a region
    that is named: like a sector no fact mentions, only vocabulary, kept out of the page, `kg path` and `kg stats`."""
    parents = {quad.subject: quad.object for quad in quads
               if quad.predicate == _LOCATED_IN and quad.graph_name == _REGIONS}
    if not parents:
        return set()
    named = set()
    for quad in quads:
        if quad.graph_name != _REGIONS:
            named.add(quad.subject)
            named.add(quad.object)
    kept = [region for region in parents if region in named]
    unused = set(parents) - set(kept)
    while kept:  # and every region a kept one lies in
        parent = parents.get(kept.pop())
        if parent in unused:
            unused.discard(parent)
            kept.append(parent)
    return unused


def to_rdflib(term):
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))

"""The network the page, `kg path`, `kg stats` and the exports use, made once by the build.

Regions, people, organisations, agreements, events, programmes and sectors are
nodes; agreements and events stay nodes because they are what connects
regions and people. A post (person, role, where) becomes an edge from the
person to the organisation or region. Literals, labels and provenance are
attributes, never nodes.

The build writes ``out/network.jsonl`` beside the graph files and the same
way (graph/outputs.py): one segment per named graph, in the graphs' order, so
a rebuild copies the unchanged sources' segments and writes only the new
ones. A graph's segment is two JSON lines made from its statements alone
(``network_segment``): its facts (types, labels, dates, links between
resources, which evidence supports what) and its evidence (quotes and where
they are). The commands read the facts and merge them (``read_network``);
the evidence lines are parsed only when a page needs them. Nothing is
re-derived from N-Quads through rdflib.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pyoxigraph as ox

from graph.errors import NotBuilt
from graph.namespaces import BASE, PREFIXES

REGIONS_ID = "regions"  # the base gazetteer's graph (graph/iris.py; this module imports no rdflib)

NETWORK_FILE = "network.jsonl"

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
KG, RDF, RDFS, PROV, OA = (PREFIXES[p] for p in ("kg", "rdf", "rdfs", "prov", "oa"))
_KIND_ROOTS = {  # kinds are disjoint
    KG + "Region": "Region", KG + "Island": "Region", KG + "Person": "Person", KG + "Organisation": "Organisation",
    KG + "Agreement": "Agreement", KG + "Event": "Event", KG + "Programme": "Programme", KG + "Sector": "Sector",
}
DATE_PROPERTIES = ("date", "startDate", "endDate", "signedOn")
LANGS = ("id", "en")
_DATES = {KG + p: p for p in DATE_PROPERTIES}
_SOURCE = PREFIXES["src"]
_ANNOTATION_PARTS = ("hasTarget", "hasSource", "hasSelector", "exact", "start", "end")


def source_id(iri: str) -> str:
    return str(iri)[len(_SOURCE):]


def short_source(source: str) -> str:
    """'002_df0ee3cb47686a21' -> '002'; 'gazetteer' and 'regions' stay."""
    return source.split("_", 1)[0]


def _short(iri: str) -> str:
    """Our IRIs without their common start, to keep the file small; others whole (they have a scheme)."""
    return iri[len(BASE):] if iri.startswith(BASE) else iri


def _full(name: str) -> str:
    return name if ":" in name else BASE + name


# --- writing: one named graph's segment ----------------------------------------------------------------------

# Predicates compared with every statement, made once (built in the loop, they cost a third of its time)
_TYPE, _LABEL, _SUBCLASS, _DERIVED = RDF + "type", RDFS + "label", RDFS + "subClassOf", PROV + "wasDerivedFrom"
_EVIDENCE, _ALIAS, _WEEKDAY, _REVIEWED, _TEXT_FILE = (KG + p for p in ("evidence", "alias", "statedWeekday", "reviewed",
                                                                        "textFile"))
_URL = PREFIXES["schema"] + "url"
_ANNOTATIONS = {OA + part: part for part in _ANNOTATION_PARTS}
_NOT_NODES = ("evidence/", "source/")


def network_segment(graph_iri: str, triples) -> bytes:
    """What the network needs of one named graph's statements (pyoxigraph triples), as two JSON lines."""
    types, sub, derived, ev_of, aliases, weekdays = (defaultdict(list) for _ in range(6))
    labels, dates = defaultdict(dict), defaultdict(dict)
    links, urls, articles, drafts = [], {}, [], []
    annotations = defaultdict(dict)  # annotation, target and selector parts, joined below
    named_node, base, cut, kg, cut_kg = ox.NamedNode, BASE, len(BASE), KG, len(KG)
    for triple in triples:
        subject = triple.subject
        if not isinstance(subject, named_node):
            continue  # the ontology's OWL axioms; our own data has no blank nodes
        s, p, o = subject.value, triple.predicate.value, triple.object
        if s.startswith(base):
            s = s[cut:]
        named = isinstance(o, named_node)
        if p == _TYPE and named:
            cls = o.value
            if cls.startswith(kg) and not s.startswith(_NOT_NODES):
                types[s].append(_short(cls))  # only our classes can make a node or a post
        elif p == _LABEL and not named:
            labels[s][o.language or ""] = o.value
        elif p == _SUBCLASS and named:
            if o.value.startswith(kg):
                sub[s].append(_short(o.value))
        elif p == _DERIVED and named:
            derived[s].append(source_id(o.value))
        elif p == _EVIDENCE and named:
            ev_of[s].append(_short(o.value))
        elif p == _ALIAS:
            aliases[s].append(o.value)
        elif p in _DATES:
            dates[s][_DATES[p]] = o.value
        elif p == _WEEKDAY and named:
            weekdays[s].append(_short(o.value))
        elif p == _URL:
            urls[source_id(_full(s))] = o.value
        elif p == _TEXT_FILE:
            articles.append(source_id(_full(s)))
        elif p == _REVIEWED and o.value == "false":
            drafts.append(s)
        elif p in _ANNOTATIONS:
            part = _ANNOTATIONS[p]
            if part == "hasSelector":
                annotations[s].setdefault(part, []).append(_short(o.value))
            else:
                annotations[s][part] = _short(o.value) if named else o.value
        elif named and p.startswith(kg):
            links.append([s, p[cut_kg:], _short(o.value)])
    evidence = {}
    for name, parts in annotations.items():
        if "hasTarget" not in parts:
            continue  # a target or a selector: read through its annotation
        target = annotations.get(parts["hasTarget"], {})
        item = [source_id(_full(target.get("hasSource", ""))), "", None, None]
        for selector in map(annotations.get, target.get("hasSelector", ())):
            if selector and "exact" in selector:
                item[1] = selector["exact"]
            if selector and "start" in selector:
                item[2], item[3] = int(selector["start"]), int(selector["end"])
        evidence[name] = item
    facts = {"types": types, "sub": sub, "labels": labels, "aliases": aliases, "dates": dates, "weekdays": weekdays,
             "derived": derived, "ev": ev_of, "links": sorted(links), "urls": urls, "articles": sorted(articles),
             "drafts": sorted(drafts)}
    facts = {k: ({s: sorted(v) if isinstance(v, list) else v for s, v in value.items()} if isinstance(value, dict) else value)
             for k, value in facts.items() if value}
    graph = graph_iri[len(PREFIXES["g"]):]
    return (_line({"facts": facts, "graph": graph}) + _line({"evidence": evidence, "graph": graph})).encode("utf-8")


def _line(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


# --- reading: the segments merged into one network -----------------------------------------------------------

def read_network(out: Path, lang: str = "en", path: Path | None = None) -> Network:
    """The network `kg build` wrote into ``out`` (or at ``path``)."""
    path = Path(path or Path(out) / NETWORK_FILE)
    if not path.is_file():
        raise NotBuilt(f"no graph in {out}/: run `kg build` first")
    facts, evidence = [], {}
    with open(path, "rb") as lines:
        for line in lines:
            if line.startswith(b'{"evidence"'):  # parsed only if a page shows it (read_evidence)
                at = line.rindex(b',"graph":')
                evidence[json.loads(line[at + 9:-2])] = line
            else:
                facts.append(json.loads(line))
    return Network(facts, evidence, lang)


def from_quads(quads, lang: str = "en") -> Network:
    """The network of any quads (two snapshots for `kg diff --html`), through the same segments."""
    by_graph = defaultdict(list)
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value.startswith(PREFIXES["g"]):
            by_graph[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    facts, evidence = [], {}
    for graph in sorted(by_graph):
        facts_line, evidence_line = network_segment(graph, sorted(set(by_graph[graph]), key=str)).splitlines(keepends=True)
        facts.append(json.loads(facts_line))
        evidence[graph[len(PREFIXES["g"]):]] = evidence_line
    return Network(facts, evidence, lang)


def is_node(name: str, kind: str, named: set[str]) -> bool:
    """The one rule of what the network draws, given a typed resource's kind and the resources facts name.

    Our own entities are nodes; a sector is one only when some fact names it
    (otherwise it is only vocabulary of the ontology).
    """
    if kind == "Sector":
        return name in named
    return name.startswith("id/")


def _unused_regions(stated: dict, derived: dict) -> set[str]:
    """The regions only the base gazetteer (about 3,700 of them) states that no other graph names, less those
    holding a region that is named: like a sector no fact mentions, only vocabulary, so not drawn."""
    parents = {s: o for (s, relation, o), graphs in stated.items() if relation == "locatedIn" and REGIONS_ID in graphs}
    named = set()
    for (s, _, o), graphs in stated.items():
        if any(g != REGIONS_ID for g in graphs):
            named.update((s, o))
    unused = {r for r in parents if r not in named and set(derived.get(r, ())) <= {REGIONS_ID}}
    kept = [r for r in parents if r not in unused]
    while kept:  # and every region a kept one lies in
        parent = parents.get(kept.pop())
        if parent in unused:
            unused.discard(parent)
            kept.append(parent)
    return unused


def _evidence_source(name: str) -> str:
    """The source of an evidence id ('evidence/<source>/<start>-<end>')."""
    return name.split("/")[1] if name.count("/") >= 2 else ""


def _evidence_order(name: str) -> tuple:
    start = name.rsplit("/", 1)[-1].split("-", 1)[0]
    return _evidence_source(name), int(start) if start.isdigit() else 0, name


class Network:
    """Every graph's facts merged: which resources are nodes, of what kind, and the edges between them.

    Nodes are keyed by IRI. Their attributes are made on demand (``label``,
    ``node``, ``to_networkx``); graph/netindex.py keeps them, merged, for the
    commands. Labels come in ``lang``, with both languages beside them for the
    page.
    """

    def __init__(self, parts: list[dict], evidence_lines: dict[str, bytes], lang: str = "en"):
        self.lang = lang
        self.evidence_lines = evidence_lines  # by graph, parsed only when quotes are shown (read_evidence)
        types, sub, self._aliases, self._weekdays = (defaultdict(list) for _ in range(4))
        self._derived, self._ev_of, stated = defaultdict(list), defaultdict(list), defaultdict(list)
        self._labels, self._dates, self.urls = {}, defaultdict(dict), {}
        articles, drafts = [], []
        for part in parts:
            graph, facts = part["graph"], part["facts"]
            for key, into in (("types", types), ("sub", sub), ("aliases", self._aliases), ("weekdays", self._weekdays),
                              ("derived", self._derived), ("ev", self._ev_of)):
                for subject, values in facts.get(key, {}).items():
                    into[subject] += values
            for subject, by_lang in facts.get("labels", {}).items():
                mine = self._labels.get(subject)
                if mine is None:
                    self._labels[subject] = by_lang
                else:
                    for lang_, text in by_lang.items():
                        mine.setdefault(lang_, text)  # the first graph (in the graphs' order) that labels it wins
            for subject, values in facts.get("dates", {}).items():
                self._dates[subject].update(values)
            for link in facts.get("links", ()):
                stated[tuple(link)].append(graph)
            self.urls.update(facts.get("urls", {}))
            articles += facts.get("articles", ())
            drafts += facts.get("drafts", ())
        self.drafts = set(drafts)
        self._sub, self._ancestors, self._kinds, self._terms = sub, {}, {}, {}

        named = {o for (_, relation, o) in stated if relation in ("sector", "strongIn")}
        unused = _unused_regions(stated, self._derived)
        self.kinds: dict[str, str] = {}  # node IRI -> kind
        self._classes: dict[str, list[str]] = {}
        for name, classes in types.items():
            classes = sorted({c for c in classes if self._kind(c)})
            if classes and name not in unused and is_node(name, self._kind(classes[0]), named):
                self.kinds[_full(name)] = self._kind(classes[0])
                self._classes[_full(name)] = classes
        posts = defaultdict(dict)
        edges = []
        for (subject, relation, obj), graphs in stated.items():
            if relation in ("heldBy", "postIn", "role"):
                posts[subject][relation] = obj
            u, v = _full(subject), _full(obj)
            if u in self.kinds and v in self.kinds:
                edges.append((u, v, relation, sorted(set(graphs)), subject, None))
        self._posts = defaultdict(list)
        for post, parts_ in posts.items():
            holder, where = _full(parts_.get("heldBy", "")), _full(parts_.get("postIn", ""))
            if holder in self.kinds and where in self.kinds and "role" in parts_:
                edges.append((holder, where, "holdsPost", sorted(set(self._derived.get(post, ()))), post, parts_["role"]))
                self._posts[holder].append(post)
        edges.sort(key=lambda e: (e[0], e[1], e[2], self.term(e[5])[lang] if e[5] else ""))
        self.edges = edges  # (u, v, relation, sources, the fact stating it, the role of a post)
        self.sources = {s: self.label(_full("source/" + s)) for s in sorted(set(articles))}

    # --- classes and labels

    def _ancestors_of(self, cls: str) -> set[str]:
        found = self._ancestors.get(cls)
        if found is None:
            found, todo = {cls}, [cls]
            while todo:
                for parent in self._sub.get(todo.pop(), ()):
                    if parent not in found:
                        found.add(parent)
                        todo.append(parent)
            self._ancestors[cls] = found
        return found

    def _kind(self, cls: str) -> str | None:
        if cls not in self._kinds:
            self._kinds[cls] = next((_KIND_ROOTS[_full(a)] for a in sorted(self._ancestors_of(cls))
                                     if _full(a) in _KIND_ROOTS), None)
        return self._kinds[cls]

    def _label(self, name: str, lang: str) -> str:
        """``name``'s label in ``lang``, else in the other language, else any, else its local name."""
        labels = self._labels.get(name, {})
        other = "en" if lang == "id" else "id"
        return labels.get(lang) or labels.get(other) or next(iter(sorted(labels.values())), None) \
            or _full(name).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def term(self, name: str) -> dict[str, str]:
        """A resource's label in each language (ontology terms are looked up often: kept)."""
        found = self._terms.get(name)
        if found is None:
            found = self._terms[name] = {lang: self._label(name, lang) for lang in LANGS}
        return found

    def label(self, node: str, lang: str | None = None) -> str:
        return self._label(_short(node), lang or self.lang)

    def names(self, node: str) -> set[str]:
        """Every name of a node: its labels in both languages and its aliases."""
        short = _short(node)
        return {*self.term(short).values(), *self._aliases.get(short, ())}

    def _specific(self, node: str) -> str:
        """The node's most specific class: the one no other class of the node is a subclass of."""
        classes = self._classes[node]
        return next(c for c in classes if not any(o != c and c in self._ancestors_of(o) for o in classes))

    def type(self, node: str) -> str:
        """The local name of the node's most specific class ('Regency')."""
        return self._specific(node).rsplit("#", 1)[-1]

    def sources_of(self, node: str) -> list[str]:
        return sorted(set(self._derived.get(_short(node), ())))

    # --- the network as networkx graphs

    def node(self, node: str) -> dict:
        """Everything the page and the exports show of a node (its evidence as ids: see ``evidence``)."""
        short, lang = _short(node), self.lang
        specific = self._specific(node)
        evidence = sorted(set(self._ev_of.get(short, ())), key=_evidence_order)
        kind = self.kinds[node]
        labels = self.term(short)
        weekdays = sorted(set(self._weekdays.get(short, ())))
        posts = sorted(set(self._posts.get(node, ())), key=lambda p: self._label(p, lang))
        return dict(
            label=labels[lang], label_id=labels["id"], label_en=labels["en"],
            type=self.type(node), type_label=self.term(specific)[lang], type_labels=self.term(specific),
            kind=kind, **KIND_STYLE[kind], aliases=sorted(set(self._aliases.get(short, ()))),
            dates={p: self._dates[short][p] for p in DATE_PROPERTIES if p in self._dates.get(short, {})},
            weekdays=sorted(self.term(d)[lang] for d in weekdays), weekday_labels=[self.term(d) for d in weekdays],
            posts=[self.term(p)[lang] for p in posts], post_labels=[self.term(p) for p in posts],
            sources=self.sources_of(node), evidence=evidence, reviewed=not any(e in self.drafts for e in evidence))

    def to_networkx(self, nodes=None):  # networkx is imported here: the build's workers only write segments
        """A networkx MultiDiGraph of ``nodes`` (all by default) with every attribute, edges keyed by relation."""
        import networkx as nx

        keep = self.kinds if nodes is None else set(nodes)
        network = nx.MultiDiGraph()
        network.add_nodes_from((node, self.node(node)) for node in sorted(keep))
        for edge in self.edges:
            u, v, relation, sources, fact, role = edge
            if u in keep and v in keep:
                labels = self.term(role) if role else self.term(KG[len(BASE):] + relation)
                if role:  # a post's own evidence
                    evidence = sorted(set(self._ev_of.get(fact, ())), key=_evidence_order)
                else:  # the subject's evidence in the sources that state the edge
                    evidence = [e for e in network.nodes[u]["evidence"] if _evidence_source(e) in sources]
                network.add_edge(u, v, key=relation if not role else f"holdsPost:{labels[self.lang]}", relation=relation,
                                 label=labels[self.lang], labels=labels, sources=sources, evidence=evidence,
                                 reviewed=not any(e in self.drafts for e in evidence))
        network.graph.update(lang=self.lang, sources=self.sources,
                             date_labels={p: self.term("ontology#" + p) for p in DATE_PROPERTIES})
        return network


def read_evidence(lines: dict[str, bytes], ids, urls: dict[str, str], drafts) -> dict[str, dict]:
    """The quotes, places and sources of the evidence ``ids``, from the evidence lines of the graphs that hold them."""
    wanted, found = set(ids), {}
    for graph in sorted({_evidence_source(e) for e in wanted}):
        if graph in lines:
            for name, (source, quote, start, end) in json.loads(lines[graph])["evidence"].items():
                if name in wanted:
                    found[name] = {"source": source, "quote": quote, "start": start, "end": end,
                                   "url": urls.get(source), "reviewed": name not in drafts}
    return dict(sorted(found.items()))


def example_focus(path: Path) -> str | None:
    """The id of the entity the gazetteer's own links name most: a centre for a page of part of the graph.

    Reads one line of the file (a partial page is suggested when the whole network is too big to read cheaply).
    """
    with open(path, "rb") as lines:
        for line in lines:
            if line.startswith(b'{"facts"') and line.endswith(b',"graph":"gazetteer"}\n'):
                facts = json.loads(line)["facts"]
                typed = facts.get("types", {})
                named = Counter(o for _, _, o in facts.get("links", ()) if o.startswith("id/") and o in typed)
                return min(named, key=lambda o: (-named[o], o))[3:] if named else None
    return None


def to_rdflib(term):
    """A pyoxigraph term as an rdflib term (for `kg query`'s CONSTRUCT answers; the network needs no rdflib)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))

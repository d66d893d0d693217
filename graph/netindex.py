"""The network merged once and kept, so that `kg path`, `kg stats` and `kg viz --focus` start in a fraction of a second.

``out/network.jsonl`` (graph/network.py) is what the build writes, a segment
per named graph; merging the segments costs seconds at tens of thousands of
articles, and so does building a networkx graph of the result. The merged
form is kept beside it in ``out/.network-index``, tagged with the file's
size, modification time and inode: made ahead by the build's background
work (``kg query --warm``), or by the first command that needs it, and made
again whenever network.jsonl is another file. It holds what every command
needs at once (the nodes, their kinds, names and the adjacency as two
integer arrays) and, per node, the rest pickled on its own, unpickled only
for the nodes a command shows. Paths, components and betweenness are
computed on the integer arrays by the short functions at the end of this
module (networkx would first need a graph object of every edge).
"""
from __future__ import annotations

import heapq
import os
import pickle
import random
from array import array
from collections import Counter, deque
from pathlib import Path

from graph.errors import NotBuilt
from graph.network import DATE_PROPERTIES, NETWORK_FILE, Network, read_evidence, read_network

INDEX_FILE = ".network-index"
_VERSION = 1


def signature(path: Path):
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


class NetworkIndex:
    """The merged network: nodes by number, adjacency as arrays, each node's details on demand."""

    def __init__(self, state: dict, lang: str = "en"):
        self.lang = lang
        self.nodes: list[str] = state["nodes"]
        self.number = {node: i for i, node in enumerate(self.nodes)}
        self.kinds: list[str] = state["kinds"]
        self.types: list[str] = state["types"]
        self.labels: dict[str, list[str]] = state["labels"]
        self.names: dict[str, list[int]] = state["names"]
        self.offsets, self.neighbours = array("i"), array("i")
        self.offsets.frombytes(state["offsets"])
        self.neighbours.frombytes(state["neighbours"])
        self.edge_count: int = state["edge_count"]
        self.sources: list[tuple[str, ...]] = state["sources"]
        self._details: list[bytes] = state["details"]
        self.meta: dict = state["meta"]
        self._evidence_lines: dict[str, bytes] = state["evidence_lines"]

    # --- making, keeping, reading

    @classmethod
    def from_network(cls, network: Network, lang: str = "en") -> NetworkIndex:
        return cls(_state(network), lang)

    def around(self, centre: int, depth: int) -> list[int]:
        """The nodes at most ``depth`` steps from ``centre`` (edge direction ignored)."""
        seen, frontier = {centre}, [centre]
        for _ in range(depth):
            frontier = [v for u in frontier for v in self.adjacent(u) if not (v in seen or seen.add(v))]
        return sorted(seen)

    def label(self, i: int) -> str:
        return self.labels[self.lang][i]

    def adjacent(self, i: int) -> array:
        return self.neighbours[self.offsets[i]:self.offsets[i + 1]]

    def degree(self, i: int) -> int:
        return self.offsets[i + 1] - self.offsets[i]

    def node(self, i: int) -> dict:
        """Everything the page and the exports show of node ``i``, in this index's language."""
        attrs, _ = pickle.loads(self._details[i])
        return _in_language(attrs, self.lang)

    def out_edges(self, i: int) -> list[tuple]:
        """Node ``i``'s edges: (target number, key, attributes in this index's language)."""
        _, edges = pickle.loads(self._details[i])
        return [(self.number[v], key, {**data, "label": data["labels"][self.lang]}) for v, key, data in edges]

    def to_networkx(self, numbers=None):
        """A networkx MultiDiGraph of the nodes ``numbers`` (all by default) with every attribute."""
        import networkx as nx

        keep = range(len(self.nodes)) if numbers is None else sorted(set(numbers))
        wanted = set(keep)
        network = nx.MultiDiGraph()
        network.add_nodes_from((self.nodes[i], self.node(i)) for i in keep)
        for i in keep:
            for j, key, data in self.out_edges(i):
                if j in wanted:
                    network.add_edge(self.nodes[i], self.nodes[j], key=key, **data)
        network.graph.update(lang=self.lang, sources=self.meta["titles"],
                             date_labels=self.meta["date_labels"])
        return network

    def evidence(self, ids) -> dict[str, dict]:
        """The quotes, places and sources of the evidence ``ids`` (see graph/network.py)."""
        return read_evidence(self._evidence_lines, ids, self.meta["urls"], self.meta["drafts"])


def read_index(out: Path, lang: str = "en") -> NetworkIndex:
    """The kept index of ``out``'s network, made (and kept) first if network.jsonl changed since."""
    out = Path(out)
    if not (out / NETWORK_FILE).is_file():
        raise NotBuilt(f"no graph in {out}/: run `kg build` first")
    tag = signature(out / NETWORK_FILE)
    try:
        with open(out / INDEX_FILE, "rb") as kept:
            state = pickle.load(kept)
        if state.get("version") == _VERSION and tuple(state.get("signature", ())) == tag:
            return NetworkIndex(state, lang)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError):
        pass  # none kept yet, or from another kg: made again below
    return NetworkIndex(keep_index(out), lang)


def keep_index(out: Path) -> dict:
    """Merge ``out``'s network and keep the index beside it (atomically); return its state."""
    from graph.atomic import write_atomic

    out = Path(out)
    tag = signature(out / NETWORK_FILE)
    state = {"version": _VERSION, "signature": tag, **_state(read_network(out))}
    try:
        write_atomic(out / INDEX_FILE, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only out/: the index serves this command only
    return state


def _state(network: Network) -> dict:
    nodes = sorted(network.kinds)
    number = {node: i for i, node in enumerate(nodes)}
    neighbours = [set() for _ in nodes]
    for u, v, *_ in network.edges:
        if u != v:
            neighbours[number[u]].add(number[v])
            neighbours[number[v]].add(number[u])
    offsets, flat = array("i", [0]), array("i")
    for around in neighbours:
        flat.extend(sorted(around))
        offsets.append(len(flat))
    names: dict[str, list[int]] = {}
    for i, node in enumerate(nodes):
        for name in sorted({n.casefold() for n in network.names(node)}):
            names.setdefault(name, []).append(i)
    full = network.to_networkx()
    details = []
    for node in nodes:
        edges = [(v, key, data) for _, v, key, data in full.out_edges(node, keys=True, data=True)]
        details.append(pickle.dumps((full.nodes[node], edges), protocol=pickle.HIGHEST_PROTOCOL))
    return {
        "nodes": nodes, "kinds": [network.kinds[n] for n in nodes], "types": [network.type(n) for n in nodes],
        "labels": {lang: [network.label(n, lang) for n in nodes] for lang in ("id", "en")}, "names": names,
        "offsets": offsets.tobytes(), "neighbours": flat.tobytes(), "edge_count": len(network.edges),
        "sources": [tuple(network.sources_of(n)) for n in nodes], "details": details,
        "meta": {"titles": network.sources, "urls": network.urls, "drafts": network.drafts,
                 "date_labels": {p: network.term("ontology#" + p) for p in DATE_PROPERTIES}},
        "evidence_lines": network.evidence_lines,
    }


def _in_language(attrs: dict, lang: str) -> dict:
    """A node's attributes with ``label``, ``type_label``, ``weekdays`` and ``posts`` in ``lang``."""
    return {**attrs, "label": attrs["label_" + lang], "type_label": attrs["type_labels"][lang],
            "weekdays": sorted(w[lang] for w in attrs["weekday_labels"]),
            "posts": [p[lang] for p in attrs["post_labels"]]}


# --- algorithms on the adjacency arrays -------------------------------------------------------------------------

def shortest_path(index: NetworkIndex, start: int, end: int, blocked: set[int] = frozenset(),
                  cut: set[tuple[int, int]] = frozenset()) -> list[int] | None:
    """One shortest path from ``start`` to ``end`` avoiding the nodes ``blocked`` and the edges ``cut``
    (both directions), by breadth-first search from both ends, the smaller side first."""
    if start == end:
        return [start]
    before, after = {start: None}, {end: None}
    ahead, behind = [start], [end]
    while ahead and behind:
        forward = len(ahead) <= len(behind)
        frontier, seen, other = (ahead, before, after) if forward else (behind, after, before)
        following = []
        for u in frontier:
            for v in index.adjacent(u):
                if v in seen or v in blocked or (u, v) in cut or (v, u) in cut:
                    continue
                seen[v] = u
                if v in other:
                    return _joined(v, before, after)
                following.append(v)
        if forward:
            ahead = following
        else:
            behind = following
    return None


def _joined(meeting: int, before: dict, after: dict) -> list[int]:
    path, node = [], meeting
    while node is not None:
        path.append(node)
        node = before[node]
    path.reverse()
    node = after[meeting]
    while node is not None:
        path.append(node)
        node = after[node]
    return path


def shortest_simple_paths(index: NetworkIndex, start: int, end: int):
    """Simple paths from ``start`` to ``end``, shortest first (Yen's algorithm), as networkx's function of that name."""
    first = shortest_path(index, start, end)
    if first is None:
        return
    found, seen, waiting = [first], {tuple(first)}, []
    yield first
    while True:
        last = found[-1]
        for at in range(len(last) - 1):
            root = last[:at + 1]
            cut = {(p[at], p[at + 1]) for p in found if p[:at + 1] == root}
            spur = shortest_path(index, root[-1], end, set(root[:-1]), cut)
            if spur is not None:
                path = root[:-1] + spur
                if tuple(path) not in seen:
                    seen.add(tuple(path))
                    heapq.heappush(waiting, (len(path), path))
        if not waiting:
            return
        found.append(heapq.heappop(waiting)[1])
        yield found[-1]


def components(index: NetworkIndex) -> list[int]:
    """The sizes of the connected components, largest first."""
    component = [-1] * len(index.nodes)
    sizes = []
    for first in range(len(index.nodes)):
        if component[first] >= 0:
            continue
        component[first] = len(sizes)
        todo, size = deque([first]), 0
        while todo:
            u = todo.popleft()
            size += 1
            for v in index.adjacent(u):
                if component[v] < 0:
                    component[v] = len(sizes)
                    todo.append(v)
        sizes.append(size)
    return sorted(sizes, reverse=True)


def betweenness(index: NetworkIndex, sample: int | None = None, seed: int = 0) -> list[float]:
    """Betweenness centrality, normalised as networkx does for an undirected graph (Brandes' algorithm);
    with ``sample`` (at least 2), estimated from that many sources chosen at random, as networkx's ``k=``."""
    n = len(index.nodes)
    sources = range(n) if sample is None or sample >= n else random.Random(seed).sample(range(n), sample)
    score = [0.0] * n
    for s in sources:
        order, preds, sigma, dist = [], {}, {s: 1}, {s: 0}
        todo = deque([s])
        while todo:
            u = todo.popleft()
            order.append(u)
            for v in index.adjacent(u):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    todo.append(v)
                if dist[v] == dist[u] + 1:
                    sigma[v] = sigma.get(v, 0) + sigma[u]
                    preds.setdefault(v, []).append(u)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            for u in preds.get(w, ()):
                delta[u] += sigma[u] / sigma[w] * (1 + delta[w])
            if w != s:
                score[w] += delta[w]
    if n <= 2:
        return score
    if sample is None or sample >= n:  # each pair is counted from both ends
        return [value / ((n - 1) * (n - 2)) for value in score]
    # Unbiased for a sample (as networkx 3.6): a sampled node cannot lie between itself and another.
    sampled = set(sources)
    return [value / ((sample - 1 if i in sampled else sample) * (n - 2)) for i, value in enumerate(score)]


def ranked(index: NetworkIndex, score, top: int) -> list[int]:
    """The ``top`` node numbers by ``score`` (highest first, then by label)."""
    return heapq.nsmallest(top, range(len(index.nodes)), key=lambda i: (-score(i), index.label(i)))


def source_counts(index: NetworkIndex) -> Counter:
    return Counter(s for sources in index.sources for s in sources)

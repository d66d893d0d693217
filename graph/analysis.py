"""Questions of the network that SPARQL answers badly: paths between entities, centrality, reach."""
from __future__ import annotations

import difflib
import itertools
from collections import Counter

import networkx as nx

from graph.errors import GraphError
from graph.network import short_source


MAX_CANDIDATES = 2000


class UnknownName(GraphError):
    """A name that matches no entity, or several."""


def find_node(network: nx.MultiDiGraph, name: str) -> str:
    """The node a person means by ``name``: an IRI, an id, a label or alias in either language."""
    wanted = " ".join(name.split()).casefold()
    exact, loose = [], []
    for node, data in network.nodes(data=True):
        names = {data["label_id"], data["label_en"], *data["aliases"]}
        if node == name or node.rsplit("/", 1)[-1] == name:
            return node
        if wanted in {n.casefold() for n in names}:
            exact.append(node)
        elif any(wanted in n.casefold().split(" (")[0] for n in names):
            loose.append(node)
    matches = exact or loose
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(f"{network.nodes[n]['label']} ({n.rsplit('/', 1)[-1]}, {network.nodes[n]['type']})"
                           for n in sorted(matches))
        raise UnknownName(f"{name!r} is ambiguous: {listed}")
    labels = {data["label"]: node for node, data in network.nodes(data=True)}
    close = difflib.get_close_matches(name, list(labels), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownName(f"no entity is called {name!r}{hint}")


def shortest_paths(network: nx.MultiDiGraph, start: str, end: str, limit: int = 3, via: str | None = None) -> list[list[str]]:
    """Up to ``limit`` shortest simple paths, ignoring edge direction; ``via`` = a kind or type that must lie between."""
    undirected = nx.Graph(network.to_undirected(as_view=True))
    if start not in undirected or end not in undirected or not nx.has_path(undirected, start, end):
        return []
    found = []
    # Paths come shortest first; looking at a bounded number keeps --via from searching forever.
    for path in itertools.islice(nx.shortest_simple_paths(undirected, start, end), MAX_CANDIDATES):
        if via and not any(via in (network.nodes[n]["kind"], network.nodes[n]["type"]) for n in path[1:-1]):
            continue
        found.append(path)
        if len(found) >= limit:
            break
    return found


def describe_path(network: nx.MultiDiGraph, path: list[str]) -> str:
    """'Kota Serang —party→ LoI … ←party— Kota Hangzhou [002, gazetteer]'."""
    parts = [network.nodes[path[0]]["label"]]
    sources = set()
    for u, v in itertools.pairwise(path):
        if network.has_edge(u, v):
            key, data = sorted(network.get_edge_data(u, v).items())[0]
            parts.append(f" —{data['label']}→ ")
        else:
            key, data = sorted(network.get_edge_data(v, u).items())[0]
            parts.append(f" ←{data['label']}— ")
        sources.update(data["sources"])
        parts.append(network.nodes[v]["label"])
    return "".join(parts) + f" [{', '.join(sorted(short_source(s) for s in sources))}]"


def stats(network: nx.MultiDiGraph, top: int = 10) -> dict:
    undirected = nx.Graph(network.to_undirected(as_view=True))
    components = sorted((len(c) for c in nx.connected_components(undirected)), reverse=True)
    betweenness = nx.betweenness_centrality(undirected)
    per_source = Counter(s for _, d in network.nodes(data=True) for s in d["sources"])

    def ranked(score):
        items = sorted(network.nodes, key=lambda n: (-score(n), network.nodes[n]["label"]))[:top]
        return [{"entity": network.nodes[n]["label"], "id": n.rsplit("/", 1)[-1], "type": network.nodes[n]["type"],
                 "value": round(score(n), 4)} for n in items]

    return {
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "per_kind": dict(sorted(Counter(d["kind"] for _, d in network.nodes(data=True)).items())),
        "per_type": dict(sorted(Counter(d["type"] for _, d in network.nodes(data=True)).items())),
        "per_source": dict(sorted(per_source.items())),
        "components": {"count": len(components), "sizes": components},
        "degree": ranked(lambda n: undirected.degree(n)),
        "betweenness": ranked(lambda n: betweenness[n]),
        "most_sources": ranked(lambda n: len([s for s in network.nodes[n]["sources"] if s not in ("gazetteer", "regions")])),
    }


def stats_text(result: dict) -> str:
    lines = [f"{result['nodes']} entities, {result['edges']} connections, "
             f"{result['components']['count']} connected components (sizes {', '.join(map(str, result['components']['sizes']))})",
             "", "Entities per kind:"]
    lines += [f"  {k:<14} {v:>4}" for k, v in result["per_kind"].items()]
    lines += ["", "Entities per source:"]
    lines += [f"  {k:<22} {v:>4}" for k, v in result["per_source"].items()]
    for title, key in (("Most connected (degree)", "degree"), ("Brokers (betweenness)", "betweenness"),
                       ("In the most articles", "most_sources")):
        lines += ["", f"{title}:"]
        lines += [f"  {r['value']:>7}  {r['entity']} ({r['type']})" for r in result[key]]
    return "\n".join(lines) + "\n"

"""Questions of the network that SPARQL answers badly: paths between entities, centrality, reach."""
from __future__ import annotations

import difflib
import itertools
from collections import Counter

import networkx as nx

from graph.errors import GraphError
from graph.network import Network, short_source
from graph.namespaces import PREFIXES


MAX_CANDIDATES = 2000
MAX_TIES = 20  # equally short paths looked at beyond those asked for


class UnknownName(GraphError):
    """A name that matches no entity, or several."""


def find_node(network: Network, name: str) -> str:
    """The node a person means by ``name``: an IRI, an id, a label or alias in either language."""
    for node in (name, PREFIXES["id"] + name):
        if node in network.kinds:
            return node
    wanted = " ".join(name.split()).casefold()
    exact, loose = [], []
    for node in sorted(network.kinds):
        names = {n.casefold() for n in network.names(node)}
        if wanted in names:
            exact.append(node)
        elif any(wanted in n.split(" (")[0] for n in names):
            loose.append(node)
    matches = exact or loose
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(f"{network.label(n)} ({n.rsplit('/', 1)[-1]}, {network.type(n)})" for n in sorted(matches))
        raise UnknownName(f"{name!r} is ambiguous: {listed}")
    labels = {network.label(node): node for node in network.kinds}
    close = difflib.get_close_matches(name, list(labels), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownName(f"no entity is called {name!r}{hint}")


def shortest_paths(network: Network, start: str, end: str, limit: int = 3, via: str | None = None) -> list[list[str]]:
    """Up to ``limit`` shortest simple paths, ignoring edge direction; ``via`` = a kind or type that must lie between."""
    undirected = network.undirected()
    if start not in undirected or end not in undirected or not nx.has_path(undirected, start, end):
        return []
    found = []
    # Paths come shortest first; looking at a bounded number keeps --via from searching forever. Paths as short
    # as the last one kept are gathered too (a few), so that the choice among equally short ones is ours, not the
    # order edges were added in: fewer steps through a shared sector first, then by the ids on the way.
    for path in itertools.islice(nx.shortest_simple_paths(undirected, start, end), MAX_CANDIDATES):
        if len(found) >= limit and (len(path) > len(found[limit - 1]) or len(found) >= limit + MAX_TIES):
            break
        if via and not any(via in (network.kinds[n], network.type(n)) for n in path[1:-1]):
            continue
        found.append(path)
    found.sort(key=lambda p: (len(p), sum(network.kinds[n] == "Sector" for n in p), p))
    return found[:limit]


def describe_path(network: Network, path: list[str]) -> str:
    """'Kota Serang —party→ LoI … ←party— Kota Hangzhou [002, gazetteer]'."""
    parts = [network.label(path[0])]
    sources = set()
    for u, v in itertools.pairwise(path):
        forward = network.edges_between(u, v)
        edge = min(forward or network.edges_between(v, u), key=lambda e: _key(network, e))
        label = network.edge_label(edge)
        parts.append(f" —{label}→ " if forward else f" ←{label}— ")
        sources.update(edge[3])
        parts.append(network.label(v))
    return "".join(parts) + f" [{', '.join(sorted(short_source(s) for s in sources))}]"


def _key(network: Network, edge: tuple) -> str:
    """An edge's key among those between the same two nodes: its relation ('holdsPost:<role>' for a post)."""
    return edge[2] if edge[2] != "holdsPost" else f"holdsPost:{network.edge_label(edge)}"


# Exact betweenness costs one search from every node; above this many nodes it is estimated from a sample of
# searches, as many as fit in about the time of a few hundred thousand edge visits (bench/bench_scale.py).
EXACT_BETWEENNESS_UP_TO = 2000
SAMPLE_BUDGET = 400_000  # nodes + edges visited, summed over the sampled searches
SAMPLE_SEED = 0


def stats(network: Network, top: int = 10) -> dict:
    undirected = network.undirected()
    components = Counter(len(c) for c in nx.connected_components(undirected))
    nodes = undirected.number_of_nodes()
    if nodes <= EXACT_BETWEENNESS_UP_TO:
        betweenness = nx.betweenness_centrality(undirected)
        method = "exact"
    else:
        k = max(1, min(nodes, SAMPLE_BUDGET // (nodes + undirected.number_of_edges())))
        betweenness = nx.betweenness_centrality(undirected, k=k, seed=SAMPLE_SEED)
        method = f"estimated from shortest paths out of {k} of the {nodes} entities, chosen at random (seed {SAMPLE_SEED})"
    sources = {n: network.sources_of(n) for n in network.kinds}
    per_source = Counter(s for found in sources.values() for s in found)

    def ranked(score):
        items = sorted(network.kinds, key=lambda n: (-score(n), network.label(n)))[:top]
        return [{"entity": network.label(n), "id": n.rsplit("/", 1)[-1], "type": network.type(n),
                 "value": round(score(n), 4)} for n in items]

    return {
        "nodes": len(network.kinds),
        "edges": len(network.edges),
        "per_kind": dict(sorted(Counter(network.kinds.values()).items())),
        "per_type": dict(sorted(Counter(network.type(n) for n in network.kinds).items())),
        "per_source": dict(sorted(per_source.items())),
        "components": {"count": sum(components.values()), "largest": max(components, default=0),
                       "by_size": {str(size): count for size, count in sorted(components.items(), reverse=True)}},
        "degree": ranked(lambda n: undirected.degree(n)),
        "betweenness": ranked(lambda n: betweenness[n]),
        "betweenness_method": method,
        "most_sources": ranked(lambda n: len([s for s in sources[n] if s != "gazetteer"])),
    }


SOURCES_SHOWN = 20  # per-source counts beyond this are summarised: a corpus has thousands of sources


def components_text(components: dict) -> str:
    """'7 connected components (sizes 97, 2, 1 ×5)': each size once, with how many components have it."""
    sizes = [f"{size}" + (f" ×{count}" if count > 1 else "") for size, count in components["by_size"].items()]
    shown = sizes[:8] + ([f"… {len(sizes) - 8} more sizes"] if len(sizes) > 8 else [])
    return f"{components['count']} connected components (sizes {', '.join(shown)})"


def stats_text(result: dict) -> str:
    lines = [f"{result['nodes']} entities, {result['edges']} connections, {components_text(result['components'])}",
             "", "Entities per kind:"]
    lines += [f"  {k:<14} {v:>4}" for k, v in result["per_kind"].items()]
    per_source = sorted(result["per_source"].items(), key=lambda item: (-item[1], item[0]))
    lines += ["", "Entities per source:" if len(per_source) <= SOURCES_SHOWN else
              f"Entities per source (the {SOURCES_SHOWN} with the most, of {len(per_source)}):"]
    lines += [f"  {k:<22} {v:>4}" for k, v in sorted(per_source[:SOURCES_SHOWN])]
    for title, key in (("Most connected (degree)", "degree"), ("Brokers (betweenness, " + result["betweenness_method"] + ")", "betweenness"),
                       ("In the most articles", "most_sources")):
        lines += ["", f"{title}:"]
        lines += [f"  {r['value']:>7}  {r['entity']} ({r['type']})" for r in result[key]]
    return "\n".join(lines) + "\n"

"""Questions of the network that SPARQL answers badly: paths between entities, centrality, reach."""
from __future__ import annotations

import difflib
import itertools
import pickle
from collections import Counter
from pathlib import Path

from graph import netindex
from graph.errors import GraphError
from graph.namespaces import PREFIXES
from graph.netindex import NetworkIndex
from graph.network import short_source

MAX_CANDIDATES = 2000
MAX_TIES = 10  # equally short paths looked at beyond those asked for


class UnknownName(GraphError):
    """A name that matches no entity, or several."""


def find_node(index: NetworkIndex, name: str) -> str:
    """The node a person means by ``name``: an IRI, an id, a label or alias in either language."""
    for node in (name, PREFIXES["id"] + name):
        if node in index.number:
            return node
    wanted = " ".join(name.split()).casefold()
    matches = index.names.get(wanted) or sorted({i for known, numbers in index.names.items()
                                                 if wanted in known.split(" (")[0] for i in numbers})
    if len(matches) == 1:
        return index.nodes[matches[0]]
    if matches:
        listed = "; ".join(f"{index.label(i)} ({index.nodes[i].rsplit('/', 1)[-1]}, {index.types[i]})"
                           for i in sorted(matches, key=lambda i: index.nodes[i]))
        raise UnknownName(f"{name!r} is ambiguous: {listed}")
    labels = {index.label(i): i for i in range(len(index.nodes))}
    close = difflib.get_close_matches(name, list(labels), n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise UnknownName(f"no entity is called {name!r}{hint}")


def shortest_paths(index: NetworkIndex, start: str, end: str, limit: int = 3, via: str | None = None) -> list[list[str]]:
    """Up to ``limit`` shortest simple paths, ignoring edge direction; ``via`` = a kind or type that must lie between."""
    found = []
    # Paths come shortest first; looking at a bounded number keeps --via from searching forever. Paths as short
    # as the last one kept are gathered too (a few), so that the choice among equally short ones is ours, not the
    # order edges were added in: fewer steps through a shared sector first, then by the ids on the way.
    paths = netindex.shortest_simple_paths(index, index.number[start], index.number[end])
    for path in itertools.islice(paths, MAX_CANDIDATES):
        if len(found) >= limit and (len(path) > len(found[limit - 1]) or len(found) >= limit + MAX_TIES):
            break
        if via and not any(via in (index.kinds[i], index.types[i]) for i in path[1:-1]):
            continue
        found.append(path)
    named = [[index.nodes[i] for i in path] for path in found]
    named.sort(key=lambda p: (len(p), sum(index.kinds[index.number[n]] == "Sector" for n in p), p))
    return named[:limit]


def describe_path(index: NetworkIndex, path: list[str]) -> str:
    """'Kota Serang —party→ LoI … ←party— Kota Hangzhou [002, gazetteer]'."""
    numbers = [index.number[n] for n in path]
    parts = [index.label(numbers[0])]
    sources = set()
    for u, v in itertools.pairwise(numbers):
        forward = [(key, data) for j, key, data in index.out_edges(u) if j == v]
        key, data = min(forward or [(key, data) for j, key, data in index.out_edges(v) if j == u], key=lambda e: e[0])
        parts.append(f" —{data['label']}→ " if forward else f" ←{data['label']}— ")
        sources.update(data["sources"])
        parts.append(index.label(v))
    return "".join(parts) + f" [{', '.join(sorted(short_source(s) for s in sources))}]"


# Exact betweenness costs a search from every node; above this many nodes it is estimated from searches out
# of a sample of them, computed once per build and kept beside the network (``kept_betweenness``).
EXACT_BETWEENNESS_UP_TO = 2000
SAMPLE = 100  # sources: each costs a search of the whole network, about 40 ms at 5,000 articles
SAMPLE_SEED = 0
BETWEENNESS_FILE = ".network-betweenness"


def kept_betweenness(out: Path | None, index: NetworkIndex) -> tuple[list[float], str]:
    """Betweenness of every node and how it was computed; above ``EXACT_BETWEENNESS_UP_TO`` nodes kept in ``out``."""
    n = len(index.nodes)
    if n <= EXACT_BETWEENNESS_UP_TO:
        return netindex.betweenness(index), "exact"
    method = (f"estimated from the shortest paths out of {SAMPLE} of the {n} entities, "
              f"chosen at random (seed {SAMPLE_SEED})")
    path = Path(out) / BETWEENNESS_FILE if out is not None else None
    tag = (netindex.signature(Path(out) / netindex.NETWORK_FILE), SAMPLE, SAMPLE_SEED) if out is not None else None
    if path is not None:
        try:
            kept = pickle.loads(path.read_bytes())
            if kept[0] == tag:
                return kept[1], method
        except (OSError, EOFError, pickle.UnpicklingError, IndexError, TypeError):
            pass
    scores = netindex.betweenness(index, SAMPLE, SAMPLE_SEED)
    if path is not None:
        from graph.atomic import write_atomic

        try:
            write_atomic(path, pickle.dumps((tag, scores), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only out/: computed again next time
    return scores, method


def keep_ahead(out: Path) -> bool:
    """Merge the network and compute its betweenness now, for the commands to read (after a build)."""
    if not (Path(out) / netindex.NETWORK_FILE).is_file():
        return False
    kept_betweenness(out, netindex.read_index(out))
    return True


def stats(index: NetworkIndex, top: int = 10, out: Path | None = None) -> dict:
    components = Counter(netindex.components(index))
    scores, method = kept_betweenness(out, index)
    per_source = netindex.source_counts(index)
    articles = [sum(s not in ("gazetteer", "regions") for s in sources) for sources in index.sources]

    def ranked(score):
        return [{"entity": index.label(i), "id": index.nodes[i].rsplit("/", 1)[-1], "type": index.types[i],
                 "value": round(score(i), 4)} for i in netindex.ranked(index, score, top)]

    return {
        "nodes": len(index.nodes),
        "edges": index.edge_count,
        "per_kind": dict(sorted(Counter(index.kinds).items())),
        "per_type": dict(sorted(Counter(index.types).items())),
        "per_source": dict(sorted(per_source.items())),
        "components": {"count": sum(components.values()), "largest": max(components, default=0),
                       "by_size": {str(size): count for size, count in sorted(components.items(), reverse=True)}},
        "degree": ranked(index.degree),
        "betweenness": ranked(scores.__getitem__),
        "betweenness_method": method,
        "most_sources": ranked(articles.__getitem__),
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
    for title, key in (("Most connected (degree)", "degree"),
                       (f"Brokers (betweenness, {result['betweenness_method']})", "betweenness"),
                       ("In the most articles", "most_sources")):
        lines += ["", f"{title}:"]
        lines += [f"  {r['value']:>7}  {r['entity']} ({r['type']})" for r in result[key]]
    return "\n".join(lines) + "\n"

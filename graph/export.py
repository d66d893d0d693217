"""The network as GraphML or GEXF, for Gephi and Cytoscape."""
from __future__ import annotations

import io
import json

import networkx as nx

FORMATS = ("graphml", "gexf")


def flat_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans, as both formats need."""
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        attrs = {k: _flat(v) for k, v in data.items()}
        color = data["color"].lstrip("#")
        attrs["viz"] = {"color": {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16), "a": 1.0}}
        flat.add_node(node, **attrs)
    for u, v, key, data in network.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flat(v) for k, v in data.items()})
    return flat


def _flat(value):
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def render(network: nx.MultiDiGraph, fmt: str) -> bytes:
    flat = flat_network(network)
    buffer = io.BytesIO()
    if fmt == "graphml":
        for _, data in flat.nodes(data=True):
            data.pop("viz")
        nx.write_graphml(flat, buffer, encoding="utf-8", named_key_ids=True)
    elif fmt == "gexf":
        nx.write_gexf(flat, buffer, encoding="utf-8")
    else:
        raise ValueError(fmt)
    return buffer.getvalue()

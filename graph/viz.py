"""The interactive network page: one self-contained HTML file that works offline.

The data and layout options are those of a pyvis network, drawn by the
vis-network build that pyvis bundles, inlined into a template of our own:
pyvis's own template links Bootstrap from a CDN, does not escape, writes node
ids raw into <option> tags and switches every tooltip to innerHTML when a title
contains "href". Here every text from a source travels as JSON inside a
<script type="application/json"> block (with <, > and & escaped) and reaches the
page only through textContent. pyvis itself is not imported: it imports
IPython, which costs most of a second on every build.
"""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib.namespace import RDFS

from graph.iris import KG

if TYPE_CHECKING:  # jinja2 and networkx are imported where used: `kg build` only needs render_too_large
    import jinja2
    import networkx as nx
    from rdflib import Graph

TEXT = {
    "id": {"search": "Cari nama…", "find": "Cari", "source": "Sumber", "all": "semua", "aliases": "Nama lain",
           "weekdays": "Hari yang disebut", "posts": "Jabatan", "evidence": "Bukti", "sources": "Sumber lain",
           "unreviewed": "draf mesin, belum ditinjau", "added": "ditambah", "removed": "dihapus",
           "unchanged": "tetap", "hint": "Klik atau arahkan ke simpul untuk melihat jenis, jabatan, tanggal, dan kutipan bukti."},
    "en": {"search": "Find a name…", "find": "Find", "source": "Source", "all": "all", "aliases": "Also called",
           "weekdays": "Stated weekday", "posts": "Posts", "evidence": "Evidence", "sources": "Other sources",
           "unreviewed": "machine draft, not reviewed", "added": "added", "removed": "removed",
           "unchanged": "unchanged", "hint": "Click or hover a node to see its type, posts, dates and the quotes that support it."},
}
KIND_LABELS = {
    "id": {"Region": "Wilayah", "Person": "Tokoh", "Organisation": "Organisasi", "Agreement": "Kesepakatan",
           "Event": "Kegiatan", "Programme": "Program", "Sector": "Bidang"},
    "en": {"Region": "Region", "Person": "Person", "Organisation": "Organisation", "Agreement": "Agreement",
           "Event": "Event", "Programme": "Programme", "Sector": "Sector"},
}


# Above this many nodes edges are drawn without their labels (measuring them takes seconds and they are
# unreadable at that scale); clicking an edge still names its relation.
EDGE_LABELS_UP_TO = 1000


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, from the copy pyvis ships (found without importing pyvis)."""
    spec = importlib.util.find_spec("pyvis")
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib" / "vis-9.1.2"
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), (folder / "vis-network.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("graph", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("page.html")


def script_json(value) -> str:
    """JSON that can sit inside a <script> element: no character can close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def neighbourhood(network: nx.MultiDiGraph, focus: str, depth: int) -> nx.MultiDiGraph:
    import networkx as nx

    from graph.analysis import find_node

    centre = find_node(network, focus)
    keep = nx.single_source_shortest_path_length(network.to_undirected(as_view=True), centre, cutoff=depth)
    return network.subgraph(sorted(keep)).copy()


def options(node_count: int) -> dict:
    """vis-network options: a stable layout that settles quickly, then stops."""
    # Each iteration costs about O(nodes log nodes + edges): big graphs get a rougher layout, but in seconds.
    iterations = 300 if node_count < 500 else 100 if node_count < 2000 else 25
    return {
        "layout": {"randomSeed": 7, "improvedLayout": node_count < 1000},
        "physics": {"solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120,
                                         "avoidOverlap": 0.4 if node_count < 2000 else 0},
                    "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": node_count > 1000},
        "edges": {"font": {"align": "middle"}},
    }


def page_data(network: nx.MultiDiGraph, lang: str, status: dict | None, source_names: dict[str, str]) -> dict:
    from graph.network import KIND_STYLE

    type_labels = {}
    nodes = []
    for node, data in sorted(network.nodes(data=True)):
        type_labels.setdefault(data["type"], data["type"])
        nodes.append({
            "id": node, "label": data["label"], "label_id": data["label_id"], "label_en": data["label_en"],
            "kind": data["kind"], "type": data["type"], "type_label": data.get("type_label", data["type"]),
            "color": data["color"], "shape": data["shape"], "aliases": data["aliases"], "dates": data["dates"],
            "weekdays": data["weekdays"], "posts": data["posts"], "sources": data["sources"],
            "evidence": data["evidence"], "reviewed": data["reviewed"],
            **({"status": status.get(node, "unchanged")} if status is not None else {}),
        })
    edges = []
    seen = set()
    for u, v, key, data in sorted(network.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        if (u, v, key) in seen:
            continue
        seen.add((u, v, key))
        edge = {"from": u, "to": v, "label": data["label"], "relation": data["relation"],
                "reviewed": all(e["reviewed"] for e in data["evidence"])}
        if status is not None:
            edge["status"] = status.get((u, v, data["relation"]), "unchanged")
        edges.append(edge)
    return {
        "nodes": nodes, "edges": edges, "options": options(len(nodes)), "edge_labels": len(nodes) <= EDGE_LABELS_UP_TO, "text": TEXT[lang], "diff": status is not None,
        "kinds": {k: {"color": s["color"], "shape": s["shape"], "label": KIND_LABELS[lang][k]}
                  for k, s in KIND_STYLE.items()},
        "sources": {s: source_names.get(s, s) for s in sorted({s for n in nodes for s in n["sources"]})},
    }


def render_html(graph: Graph, *, lang: str = "id", focus: str | None = None, depth: int = 1,
                status: dict | None = None, title: str | None = None, stated_in: dict | None = None) -> str:
    """The page for ``graph``; ``status`` marks nodes and (u, v, relation) edges added/removed/unchanged."""
    from graph.network import to_networkx

    network = to_networkx(graph, lang, stated_in)
    _add_type_labels(network, graph, lang)
    if focus:
        network = neighbourhood(network, focus, depth)
    source_names = {}
    for source in graph.subjects(KG.textFile, None):
        source_names[str(source).rsplit("/", 1)[-1]] = f"{str(source).rsplit('/', 1)[-1].split('_')[0]} · " + _title(graph, source)
    title = title or ("Kerja sama daerah Indonesia–Tiongkok" if lang == "id" else "Indonesia–China regional cooperation")
    vis_js, vis_css = _vis_assets()
    return _template().render(title=title, lang=lang, text=TEXT[lang], vis_js=vis_js, vis_css=vis_css,
                              data_json=script_json(page_data(network, lang, status, source_names)))


def write_html(path, html: str) -> None:
    """Write a page atomically (readers see the old file or the new one, never half of one)."""
    from graph.outputs import write_atomic

    write_atomic(Path(path), html.encode("utf-8"))


def _title(graph: Graph, source) -> str:
    labels = sorted(str(label) for label in graph.objects(source, RDFS.label))
    return labels[0] if labels else str(source)


def _add_type_labels(network: nx.MultiDiGraph, graph: Graph, lang: str) -> None:
    for _, data in network.nodes(data=True):
        data["type_label"] = _term_label(graph, KG[data["type"]], lang)
        data["dates"] = {_term_label(graph, KG[name], lang): value for name, value in data["dates"].items()}


def _term_label(graph: Graph, term, lang: str) -> str:
    """An ontology term's label in ``lang`` (else English, else its name)."""
    labels = {lit.language: str(lit) for lit in graph.objects(term, RDFS.label)}
    return labels.get(lang) or labels.get("en") or str(term).rsplit("#", 1)[-1]


def render_too_large(entities: int, limit: int) -> str:
    """The page `kg build` writes when the graph has more entities than one page can draw."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n"
        "<title>Indonesia–China regional cooperation</title></head><body>\n"
        f"<h1>{entities:,} entities: too many to draw on one page</h1>\n"
        f"<p>A page stays usable up to about {limit:,} entities. Draw a part of the graph around one "
        "entity instead, for example:</p>\n"
        "<pre>kg viz --focus kota-serang --depth 2 --out serang.html</pre>\n"
        "<p>or ask the graph with <code>kg query</code>.</p>\n</body></html>\n")

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

import html
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # jinja2 and networkx are imported where used: `kg build` only needs render_too_large
    import jinja2
    import networkx as nx

    from graph.netindex import NetworkIndex

TEXT = {
    "id": {"search": "Cari nama…", "find": "Cari", "source": "Sumber", "all": "semua", "aliases": "Nama lain",
           "weekdays": "Hari yang disebut", "posts": "Jabatan", "evidence": "Bukti", "sources": "Sumber lain",
           "unreviewed": "draf mesin, belum ditinjau", "added": "ditambah", "removed": "dihapus",
           "unchanged": "tetap", "hint": "Klik atau arahkan ke simpul atau garis untuk melihat jenis, jabatan, tanggal, dan kutipan bukti.",
           "dates": "Tanggal", "from": "dari", "to": "sampai", "reset": "semua tanggal", "focus": "pusat",
           "language": "Bahasa", "export": "Unduh", "png": "Gambar (PNG)", "nodes_csv": "Simpul (CSV)",
           "edges_csv": "Hubungan (CSV)", "stated_by": "Dinyatakan oleh"},
    "en": {"search": "Find a name…", "find": "Find", "source": "Source", "all": "all", "aliases": "Also called",
           "weekdays": "Stated weekday", "posts": "Posts", "evidence": "Evidence", "sources": "Other sources",
           "unreviewed": "machine draft, not reviewed", "added": "added", "removed": "removed",
           "unchanged": "unchanged", "hint": "Click or hover a node or an edge to see its type, posts, dates and the quotes that support it.",
           "dates": "Dates", "from": "from", "to": "to", "reset": "all dates", "focus": "focus",
           "language": "Language", "export": "Download", "png": "Picture (PNG)", "nodes_csv": "Nodes (CSV)",
           "edges_csv": "Edges (CSV)", "stated_by": "Stated by"},
}
KIND_LABELS = {
    "id": {"Region": "Wilayah", "Person": "Tokoh", "Organisation": "Organisasi", "Agreement": "Kesepakatan",
           "Event": "Kegiatan", "Programme": "Program", "Sector": "Bidang"},
    "en": {"Region": "Region", "Person": "Person", "Organisation": "Organisation", "Agreement": "Agreement",
           "Event": "Event", "Programme": "Programme", "Sector": "Sector"},
}
TITLES = {"id": "Kerja sama daerah Indonesia–Tiongkok", "en": "Indonesia–China regional cooperation"}


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


def page_data(network: nx.MultiDiGraph, lang: str, status: dict | None) -> dict:
    """What the page's script draws: nodes, edges and the evidence they cite, with both languages' labels."""
    from graph.network import KIND_STYLE, short_source

    degree = dict(network.to_undirected(as_view=True).degree())
    nodes = []
    for node, data in sorted(network.nodes(data=True)):
        nodes.append({
            "id": node, "labels": {"id": data["label_id"], "en": data["label_en"]}, "kind": data["kind"],
            "type": data["type"], "type_labels": data["type_labels"], "color": data["color"], "shape": data["shape"],
            "aliases": data["aliases"], "dates": data["dates"], "weekdays": data["weekday_labels"],
            "posts": data["post_labels"], "sources": data["sources"], "evidence": data["evidence"],
            "reviewed": data["reviewed"], "degree": degree[node],
            **({"status": status.get(node, "unchanged")} if status is not None else {}),
        })
    edges = []
    for u, v, data in sorted(network.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"], e[2]["label"])):
        edge = {"from": u, "to": v, "labels": data["labels"], "relation": data["relation"], "sources": data["sources"],
                "evidence": data["evidence"], "reviewed": data["reviewed"]}
        if status is not None:
            edge["status"] = status.get((u, v, data["relation"]), "unchanged")
        edges.append(edge)
    cited = {e for item in nodes + edges for e in item["evidence"]}
    names = network.graph["sources"]
    return {
        "nodes": nodes, "edges": edges, "options": options(len(nodes)), "edge_labels": len(nodes) <= EDGE_LABELS_UP_TO,
        "lang": lang, "text": TEXT, "titles": TITLES, "diff": status is not None, "focus": network.graph.get("focus"),
        "evidence": {k: v for k, v in sorted(network.graph.get("evidence", {}).items()) if k in cited},
        "date_labels": network.graph["date_labels"],
        "kinds": {k: {"color": s["color"], "shape": s["shape"], "labels": {lang: KIND_LABELS[lang][k] for lang in TEXT}}
                  for k, s in KIND_STYLE.items()},
        "sources": {s: f"{short_source(s)} · {names[s]}" if s in names else s
                    for s in sorted({s for item in nodes + edges for s in item["sources"]})},
    }


def render_html(index: NetworkIndex, *, lang: str = "en", focus: str | None = None, depth: int = 1,
                status: dict | None = None, title: str | None = None) -> str:
    """The page for a network (graph/netindex.py), or for the part of it around ``focus``, in ``lang`` until
    the reader switches; ``status`` marks nodes and (u, v, relation) edges added/removed/unchanged."""
    from graph.analysis import find_node

    centre = index.number[find_node(index, focus)] if focus else None
    drawn = index.to_networkx(index.around(centre, depth) if focus else None)
    drawn.graph["focus"] = index.nodes[centre] if focus else None
    cited = {e for _, data in drawn.nodes(data=True) for e in data["evidence"]}
    drawn.graph["evidence"] = index.evidence(cited | {e for *_, data in drawn.edges(data=True) for e in data["evidence"]})
    vis_js, vis_css = _vis_assets()
    return _template().render(title=title or TITLES[lang], fixed_title=title is not None, lang=lang, text=TEXT[lang],
                              vis_js=vis_js, vis_css=vis_css, data_json=script_json(page_data(drawn, lang, status)))


def write_html(path, html: str) -> None:
    """Write a page atomically (readers see the old file or the new one, never half of one)."""
    from graph.atomic import write_atomic

    write_atomic(Path(path), html.encode("utf-8"))


def render_too_large(entities: int, limit: int, example: str | None) -> str:
    """The page `kg build` writes when the graph has more entities than one page can draw.

    ``example`` is an entity's id for the command it suggests (``example_focus``).
    """
    command = (f"kg viz --focus {example} --depth 1 -o {example}.html" if example else
               "kg viz --focus \"a name\" --depth 1 -o part.html")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n"
        "<title>Indonesia–China regional cooperation</title></head><body>\n"
        f"<h1>{entities:,} entities: too many to draw on one page</h1>\n"
        f"<p>A page stays usable up to about {limit:,} entities. Draw a part of the graph around one "
        "entity instead (a name, an alias or an id), from the project's folder, for example:</p>\n"
        f"<pre>{html.escape(command)}</pre>\n"
        "<p>or ask the graph with <code>kg query</code>.</p>\n</body></html>\n")

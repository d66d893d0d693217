"""The network page beyond the basics: drafts drawn dashed, diff colours, edges, big graphs, writing."""
from __future__ import annotations

import json
import re

from graph.netindex import read_index
from graph.viz import EDGE_LABELS_UP_TO, options, page_data, render_html, write_html
from tests.helpers import add_fact

ID = "https://w3id.org/id-cn-ties/id/"


def page_json(html: str) -> dict:
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', html, re.S).group(1))


def test_machine_draft_is_dashed_and_in_the_legend(kg, project, open_page):
    add_fact(project, "Delegasi Kota Serang mengadakan rapat koordinasi draf di Hangzhou.", {
        "id": "draft-meeting", "type": "Meeting", "label": "Rapat draf Serang", "host": "kota-serang", "reviewed": False})
    out = project / "out"
    result = kg("build", "--root", project, "--out", out)
    assert result.exit_code == 0, result.output
    page = open_page(out / "graph.html")
    page.select_option("#lang", "id")
    draft = page.evaluate(f"() => kgNetwork.body.data.nodes.get('{ID}draft-meeting').shapeProperties.borderDashes")
    reviewed = page.evaluate(f"() => kgNetwork.body.data.nodes.get('{ID}kota-serang').shapeProperties.borderDashes")
    assert draft and reviewed is False
    assert "draf mesin, belum ditinjau" in page.inner_text("#legend")
    page.evaluate("() => kgFind('Rapat draf Serang')")
    assert "belum ditinjau" in page.inner_text("#info .src")


def test_diff_status_colours_nodes_and_edges(shipped, open_page, tmp_path):
    serang, loi = ID + "kota-serang", ID + "loi-serang-hangzhou-2025"
    status = {serang: "added", loi: "removed", (loi, serang, "party"): "added"}
    path = tmp_path / "diff.html"
    write_html(path, render_html(read_index(shipped.out), lang="id", status=status, title="before → after"))
    page = open_page(path)
    colour = "id => kgNetwork.body.data.nodes.get(id).color.background"
    assert page.evaluate(colour, serang) == "#2ca02c"
    assert page.evaluate(colour, loi) == "#d62728"
    assert page.evaluate(colour, ID + "hangzhou").startswith("rgba(200,200,200")
    edge = page.evaluate("([u, v]) => kgNetwork.body.data.edges.get({filter: e => e.from === u && e.to === v})"
                         ".map(e => e.color.color)", [loi, serang])
    assert "#2ca02c" in edge
    assert page.inner_text("h1") == "before → after"
    assert all(word in page.inner_text("#legend") for word in ("ditambah", "dihapus", "tetap"))


def test_clicking_an_edge_names_its_relation(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    data = page_json((shipped.out / "graph.html").read_text(encoding="utf-8"))
    index = next(i for i, e in enumerate(data["edges"])
                 if e["from"] == ID + "loi-serang-hangzhou-2025" and e["relation"] == "signedAt")
    page.evaluate("i => kgShowEdge(i)", index)
    assert page.inner_text("#info h2") == data["edges"][index]["labels"]["en"] == "signed at"
    assert page.inner_text("#info p").startswith("Serang–Hangzhou LoI 2025-09-05 → ")
    page.select_option("#lang", "id")
    assert page.inner_text("#info h2") == data["edges"][index]["labels"]["id"] == "ditandatangani di"
    assert page.inner_text("#info p").startswith("LoI Kota Serang–Hangzhou 2025-09-05 → ")


def test_big_graphs_settle_faster_and_drop_edge_labels(shipped):
    small, big = options(100), options(5000)
    assert big["physics"]["stabilization"]["iterations"] < small["physics"]["stabilization"]["iterations"]
    assert big["layout"]["improvedLayout"] is False and small["layout"]["improvedLayout"] is True
    network = read_index(shipped.out).to_networkx()
    assert page_data(network, "id", None)["edge_labels"] is (network.number_of_nodes() <= EDGE_LABELS_UP_TO)
    for i in range(EDGE_LABELS_UP_TO + 1 - network.number_of_nodes()):
        network.add_node(f"x{i}", **{**network.nodes[ID + "kota-serang"], "label": f"x{i}"})
    assert page_data(network, "id", None)["edge_labels"] is False


def test_write_html_writes_the_page(shipped, tmp_path):
    page = render_html(read_index(shipped.out), lang="id")
    write_html(tmp_path / "deep" / "g.html", page)
    assert (tmp_path / "deep" / "g.html").read_bytes() == page.encode("utf-8")
    assert list((tmp_path / "deep").iterdir()) == [tmp_path / "deep" / "g.html"]
    serang = next(n for n in page_json(page)["nodes"] if n["id"] == ID + "kota-serang")
    assert serang["labels"] == {"id": "Kota Serang", "en": "Serang City"} and page_json(page)["lang"] == "id"
    assert '<html lang="id">' in page and "<title>Kerja sama daerah Indonesia–Tiongkok</title>" in page


def test_focus_deeper_draws_more(shipped):
    network = read_index(shipped.out)
    one = {n["id"] for n in page_json(render_html(network, focus=ID + "kota-serang"))["nodes"]}
    two = {n["id"] for n in page_json(render_html(network, focus="kota-serang", depth=2))["nodes"]}
    assert ID + "loi-serang-hangzhou-2025" in one
    assert one < two and ID + "hangzhou" in two


def test_a_javascript_article_url_is_not_a_link(shipped, open_page, tmp_path):
    """`kg build` refuses such URLs; the page does not trust that and links only http(s)."""
    network = read_index(shipped.out)
    network.meta["urls"]["002_df0ee3cb47686a21"] = "javascript:window.pwned=5"
    path = tmp_path / "js.html"
    write_html(path, render_html(network))
    page = open_page(path)
    page.evaluate("() => kgFind('LoI Kota Serang–Hangzhou 2025-09-05')")
    assert page.query_selector_all("#info a") == []
    assert "002 · Kerja sama regional" in page.inner_text("#info .src")
    page.click("#info .src")
    assert page.evaluate("() => window.pwned") is None and page.errors == []

"""The network page, opened in real headless Chromium as a person would."""
from __future__ import annotations

import json
import re

from graph.network import read_built, to_networkx
from graph.viz import render_html, script_json

ID = "https://w3id.org/id-cn-ties/id/"


def test_page_works_offline_without_errors(shipped, open_page, tmp_path):
    page = open_page(shipped.out / "graph.html")
    assert page.errors == []
    assert page.requests == [(shipped.out / "graph.html").resolve().as_uri()]
    page.screenshot(path=str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 10_000


def test_page_draws_every_node_and_edge(shipped, open_page):
    graph, stated = read_built(shipped.out)
    network = to_networkx(graph, "id", stated)
    page = open_page(shipped.out / "graph.html")
    counts = page.evaluate("() => [kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
    assert counts == [network.number_of_nodes(), network.number_of_edges()]


def test_search_selects_qu_yuekuan(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.fill("#search", "Qu Yuekuan")
    page.press("#search", "Enter")
    assert page.evaluate("() => kgNetwork.getSelectedNodes()") == [ID + "qu-yuekuan"]
    assert page.inner_text("#info h2") == "Qu Yuekuan"
    assert "Wakil Wali Kota Binzhou" in page.inner_text("#info")


def test_loi_panel_shows_evidence_and_source(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.evaluate("() => kgFind('LoI Kota Serang–Hangzhou 2025-09-05')")
    info = page.inner_text("#info")
    assert "Pada 5 September 2025, Wali Kota Serang Budi Rustandi" in info
    link = page.query_selector("#info a")
    assert link.get_attribute("href") == "https://bharataradio738.com/index.php/beritalengkap/Ge123g2ES6"
    assert link.inner_text().startswith("002 · ")
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_filters_hide_a_kind(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.uncheck("#kinds input[value=Sector]")
    hidden = page.evaluate("() => kgNetwork.body.data.nodes.get({filter: n => n.hidden}).length")
    sectors = sum(1 for n in json.loads(page.inner_text("#graph-data"))["nodes"] if n["kind"] == "Sector")
    assert hidden == sectors > 0


HOSTILE = ('<img src=x onerror="window.pwned=1"> </script><script>window.pwned=2</script> '
           '"quoted" \\ > href=javascript:window.pwned=3 <a href="javascript:window.pwned=4">x</a>')


def test_hostile_text_stays_text(kg, project, open_page):
    sources = project / "sources"
    with open(sources / "002_df0ee3cb47686a21.txt", "a", encoding="utf-8") as text:
        text.write("\n" + HOSTILE + "\n")
    with open(sources / "002_df0ee3cb47686a21.yaml", "a", encoding="utf-8") as record:
        record.write(f"""
  - id: hostile-event
    type: Meeting
    label: {json.dumps(HOSTILE)}
    host: kota-serang
    note: {json.dumps(HOSTILE)}
    quote: {json.dumps(HOSTILE)}
""")
    out = project / "out"
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    page = open_page(out / "graph.html")
    page.evaluate("() => kgFind('img src')")
    assert HOSTILE in page.inner_text("#info")
    assert page.evaluate("() => window.pwned") is None
    assert page.evaluate("() => document.querySelectorAll('img, #info a[href^=javascript], script:not([type])').length") == 2
    assert page.dialogs == [] and page.errors == []


def test_script_json_cannot_close_the_script():
    text = script_json({"a": "</script><!-- \u2028 & >"})
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == {"a": "</script><!-- \u2028 & >"}


def test_same_graph_same_page(shipped):
    graph, stated = read_built(shipped.out)
    assert render_html(graph, stated_in=stated) == render_html(graph, stated_in=stated)
    assert (shipped.out / "graph.html").read_text(encoding="utf-8") == render_html(shipped.graph, stated_in=stated)


def test_focus_draws_a_neighbourhood(kg, shipped, tmp_path):
    page = tmp_path / "serang.html"
    result = kg("viz", "--focus", "Kota Serang", "--depth", "1", "--lang", "en", "-o", page, "--out", shipped.out)
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    labels = {n["label"] for n in data["nodes"]}
    assert "Serang City" in labels and "Serang–Hangzhou LoI 2025-09-05" in labels
    assert "Binzhou" not in labels

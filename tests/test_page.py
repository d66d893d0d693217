"""The network page, opened in real headless Chromium as a person would."""
from __future__ import annotations

import csv
import io
import json
import re

from graph.netindex import read_index
from graph.viz import render_html, script_json
from tests.helpers import add_fact

ID = "https://w3id.org/id-cn-ties/id/"


def test_page_works_offline_without_errors(shipped, open_page, tmp_path):
    page = open_page(shipped.out / "graph.html")
    assert page.errors == []
    assert page.requests == [(shipped.out / "graph.html").resolve().as_uri()]
    page.screenshot(path=str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 10_000


def test_page_draws_every_node_and_edge(shipped, open_page):
    network = read_index(shipped.out)
    page = open_page(shipped.out / "graph.html")
    counts = page.evaluate("() => [kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
    assert counts == [len(network.nodes), network.edge_count] == [104, 168]


def test_search_selects_qu_yuekuan(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.fill("#search", "Qu Yuekuan")
    page.press("#search", "Enter")
    assert page.evaluate("() => kgNetwork.getSelectedNodes()") == [ID + "qu-yuekuan"]
    assert page.inner_text("#info h2") == "Qu Yuekuan"
    assert "Deputy Mayor, Binzhou" in page.inner_text("#info")


def test_loi_panel_shows_evidence_and_source(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.evaluate("() => kgFind('LoI Kota Serang–Hangzhou 2025-09-05')")
    info = page.inner_text("#info")
    assert "Pada 5 September 2025, Wali Kota Serang Budi Rustandi" in info
    link = page.query_selector("#info a")
    assert link.get_attribute("href") == "https://bharataradio738.com/index.php/beritalengkap/Ge123g2ES6"
    assert link.inner_text().startswith("002 · Kerja sama regional")
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
    add_fact(project, HOSTILE, {"id": "hostile-event", "type": "Meeting", "label": HOSTILE, "host": "kota-serang",
                                "note": HOSTILE})
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
    network = read_index(shipped.out)
    assert render_html(network) == render_html(read_index(shipped.out))
    assert (shipped.out / "graph.html").read_text(encoding="utf-8") == render_html(network)


def test_focus_draws_a_neighbourhood(kg, shipped, tmp_path):
    page = tmp_path / "serang.html"
    result = kg("viz", "--focus", "Kota Serang", "--depth", "1", "--lang", "en", "-o", page, "--out", shipped.out)
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S).group(1))
    labels = {n["labels"]["en"] for n in data["nodes"]}
    assert "Serang City" in labels and "Serang–Hangzhou LoI 2025-09-05" in labels
    assert "Binzhou" not in labels


def page_data(page) -> dict:
    return json.loads(page.inner_text("#graph-data"))


def test_date_range_hides_events_outside_it_and_what_hangs_off_them(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    assert page.input_value("#date-from") == "2023-05-24"
    assert page.input_value("#date-to") == "2025-12-09"
    page.fill("#date-from", "2025-09-01")
    page.fill("#date-to", "2025-09-30")
    page.dispatch_event("#date-to", "change")
    visible = set(page.evaluate("() => kgVisible()"))
    hidden = {n["id"] for n in page.evaluate("() => kgNetwork.body.data.nodes.get({filter: n => n.hidden})")}
    data = page_data(page)
    # The rule, independently: a dated node shows when its dates meet the range; any other node when it has no
    # edges or an edge to a node that is not a dated one outside the range.
    def span(n):
        dates = sorted(d[:10] for d in n["dates"].values())
        pad = lambda d, fill: d if len(d) >= 10 else d + fill[len(d) - 4:]  # noqa: E731
        return (pad(dates[0], "-01-01"), pad(dates[-1], "-12-31")) if dates else None
    out = {n["id"] for n in data["nodes"] if span(n) and (span(n)[1] < "2025-09-01" or span(n)[0] > "2025-09-30")}
    around = {n["id"]: set() for n in data["nodes"]}
    for e in data["edges"]:
        around[e["from"]].add(e["to"])
        around[e["to"]].add(e["from"])
    expected = {n["id"] for n in data["nodes"] if n["id"] not in out
                and (span(n) or not around[n["id"]] or around[n["id"]] - out)}
    assert visible == expected and hidden == {n["id"] for n in data["nodes"]} - expected
    assert ID + "loi-serang-hangzhou-2025" in visible and ID + "kota-serang" in visible
    assert ID + "expo-smart-city-2023" in hidden
    dated_out = {n["id"] for n in data["nodes"] if n["id"] in out}
    assert dated_out and dated_out <= hidden
    assert any(not span(n) for n in data["nodes"] if n["id"] in hidden)  # something hung off them only
    page.click("#date-reset")
    assert page.evaluate("() => kgNetwork.body.data.nodes.get({filter: n => n.hidden}).length") == 0


def edge_index(page, source, relation):
    return next(i for i, e in enumerate(page_data(page)["edges"]) if e["from"] == source and e["relation"] == relation)


def click_edge(page, index):
    """A real click half way along an edge."""
    x, y = page.evaluate("""i => { const e = kgNetwork.body.data.edges.get(i);
        const p = kgNetwork.getPositions([e.from, e.to]);
        const a = kgNetwork.canvasToDOM(p[e.from]), b = kgNetwork.canvasToDOM(p[e.to]);
        const r = document.querySelector('#network canvas').getBoundingClientRect();
        return [r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2]; }""", index)
    page.mouse.click(x, y)


def test_clicking_an_edge_shows_its_evidence(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    loi = ID + "loi-serang-hangzhou-2025"
    index = edge_index(page, loi, "signatory")  # the only edge between the LoI and Budi Rustandi
    page.evaluate("id => kgNetwork.focus(id, {scale: 2.5, animation: false})", loi)
    click_edge(page, index)
    assert page.evaluate("() => kgNetwork.getSelectedEdges()") == [index]
    assert page.inner_text("#info h2") == "signatory"
    info = page.inner_text("#info")
    assert "Serang–Hangzhou LoI 2025-09-05 → " in info
    assert "Pada 5 September 2025, Wali Kota Serang Budi Rustandi" in info  # the LoI's quote in source 002
    link = page.query_selector("#info a")
    assert link.get_attribute("href") == "https://bharataradio738.com/index.php/beritalengkap/Ge123g2ES6"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_a_post_edge_shows_the_post_quote(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    page.evaluate("i => kgShowEdge(i)", edge_index(page, ID + "qu-yuekuan", "holdsPost"))
    assert page.inner_text("#info h2") == "Deputy Mayor"
    assert "Qu Yuekuan → Binzhou" in page.inner_text("#info")
    assert page.query_selector_all("#info blockquote")


def node_point(page, node):
    return page.evaluate("""id => { const p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
        const r = document.querySelector('#network canvas').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }""", node)


def test_selecting_a_node_brings_out_its_neighbours(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    loi = ID + "loi-serang-hangzhou-2025"
    page.evaluate("id => kgNetwork.focus(id, {scale: 1.5, animation: false})", loi)
    page.mouse.click(*node_point(page, loi))
    assert page.evaluate("() => kgNetwork.getSelectedNodes()") == [loi]
    assert page.inner_text("#info h2") == "Serang–Hangzhou LoI 2025-09-05"
    colours = dict(page.evaluate("() => kgNetwork.body.data.nodes.get().map(n => [n.id, n.color.background])"))
    data = page_data(page)
    near = {loi} | {e["to"] for e in data["edges"] if e["from"] == loi} | {e["from"] for e in data["edges"] if e["to"] == loi}
    assert ID + "kota-serang" in near and len(near) < len(colours)
    assert all(not colours[n].startswith("rgba(200,200,200") for n in near)
    assert all(colours[n].startswith("rgba(200,200,200") for n in set(colours) - near)
    edge_colours = page.evaluate("() => kgNetwork.body.data.edges.get().map(e => [e.from, e.to, e.color.color])")
    assert all((c == "#999") == (loi in (u, v)) for u, v, c in edge_colours)
    page.mouse.click(5, page.viewport_size["height"] - 5)  # empty canvas: nothing selected, nothing dimmed
    assert page.evaluate("() => kgNetwork.body.data.nodes.get().filter(n => n.color.background.startsWith('rgba(200')).length") == 0


def test_focus_page_marks_the_focus(kg, shipped, open_page, tmp_path):
    path = tmp_path / "serang.html"
    assert kg("viz", "--focus", "Kota Serang", "--lang", "en", "-o", path, "--out", shipped.out).exit_code == 0
    page = open_page(path)
    serang = ID + "kota-serang"
    assert page_data(page)["focus"] == serang
    marked = page.evaluate("id => kgNetwork.body.data.nodes.get(id)", serang)
    others = page.evaluate("id => kgNetwork.body.data.nodes.get({filter: n => n.id !== id})", serang)
    assert marked["borderWidth"] == 5 and marked["color"]["border"] == "#000"
    assert all(n["borderWidth"] < 5 and n["size"] < marked["size"] for n in others)
    assert "focus: Serang City" in page.inner_text("#legend")
    assert page.inner_text("#info h2") == "Serang City"


def test_language_switch_relabels_the_page(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    label = "() => kgNetwork.body.data.nodes.get('" + ID + "binzhou').label"
    page.evaluate("() => kgFind('Qu Yuekuan')")  # selected: its neighbours (Binzhou…) are labelled
    assert page.evaluate(label) == "Binzhou" and page.inner_text("h1") == "Indonesia–China regional cooperation"
    page.select_option("#lang", "id")
    assert page.evaluate(label) == "Kota Binzhou"
    assert page.inner_text("h1") == "Kerja sama daerah Indonesia–Tiongkok"
    assert "Wakil Wali Kota Binzhou" in page.inner_text("#info") and "Jabatan" in page.inner_text("#info")
    assert "Wilayah" in page.inner_text("#kinds") and page.get_attribute("#search", "placeholder") == "Cari nama…"
    assert page.evaluate("() => document.documentElement.lang") == "id"
    page.select_option("#lang", "en")
    assert page.evaluate(label) == "Binzhou" and "Deputy Mayor" in page.inner_text("#info")


def test_labels_follow_importance_and_zoom(shipped, open_page):
    page = open_page(shipped.out / "graph.html")
    shown = "() => kgNetwork.body.data.nodes.get().filter(n => n.label !== '').map(n => n.id)"
    data = page_data(page)
    far = set(page.evaluate(shown))
    assert 0 < len(far) < len(data["nodes"])
    most = max(data["nodes"], key=lambda n: n["degree"])
    least = min(data["nodes"], key=lambda n: n["degree"])
    assert most["id"] in far and least["id"] not in far
    page.mouse.move(*[v / 2 for v in page.evaluate("() => [innerWidth - 340, innerHeight]")])
    for _ in range(10):
        page.mouse.wheel(0, -400)  # zoom in, as a reader does: more labels
    page.wait_for_function(f"() => ({shown})().length > {len(far)}")
    assert far < set(page.evaluate(shown))
    page.evaluate("() => kgNetwork.moveTo({scale: 3, animation: false})")  # close up: every label
    page.wait_for_function(f"() => ({shown})().length === {len(data['nodes'])}")


def download(page, button):
    with page.expect_download() as info:
        page.click(button)
    return info.value


def test_export_the_view_as_png_and_csv(shipped, open_page, tmp_path):
    page = open_page(shipped.out / "graph.html")
    picture = download(page, "#export-png")
    assert picture.suggested_filename == "graph.png"
    picture.save_as(tmp_path / "graph.png")
    assert (tmp_path / "graph.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and (tmp_path / "graph.png").stat().st_size > 10_000
    page.uncheck("#kinds input[value=Sector]")
    nodes, edges = download(page, "#export-nodes"), download(page, "#export-edges")
    assert (nodes.suggested_filename, edges.suggested_filename) == ("nodes.csv", "edges.csv")
    import csv
    rows = list(csv.DictReader(open(nodes.path(), encoding="utf-8-sig", newline="")))
    links = list(csv.DictReader(open(edges.path(), encoding="utf-8-sig", newline="")))
    data = page_data(page)
    sectors = {n["id"] for n in data["nodes"] if n["kind"] == "Sector"}
    assert {r["id"] for r in rows} == {n["id"] for n in data["nodes"]} - sectors
    assert len(links) == sum(1 for e in data["edges"] if e["from"] not in sectors and e["to"] not in sectors) > 0
    serang = next(r for r in rows if r["id"] == ID + "kota-serang")
    assert serang["label"] == "Serang City" and serang["type"] == "City"


def test_too_large_page_suggests_a_command_that_works(kg, project, monkeypatch):
    import shlex

    from graph import writing

    monkeypatch.setattr(writing, "PAGE_LIMIT", 50)
    assert kg("build", "--root", project, "--out", project / "out").exit_code == 0
    html = (project / "out" / "graph.html").read_text(encoding="utf-8")
    assert "too many to draw" in html
    command = shlex.split(re.search(r"<pre>(.*?)</pre>", html).group(1))
    assert command[:3] == ["kg", "viz", "--focus"]
    monkeypatch.chdir(project)
    result = kg(*command[1:])
    assert result.exit_code == 0, result.output
    written = project / command[command.index("-o") + 1]
    assert written.is_file() and '"focus":"' + ID + command[3] + '"' in written.read_text(encoding="utf-8")


def test_csv_cells_from_articles_cannot_start_a_formula(kg, project, open_page):
    add_fact(project, "Pertemuan uji formula di Kota Serang.", {
        "id": "formula-meeting", "type": "Meeting", "label": '=HYPERLINK("https://example.org","x")', "host": "kota-serang"})
    assert kg("build", "--root", project, "--out", project / "out").exit_code == 0
    page = open_page(project / "out" / "graph.html")
    rows = list(csv.DictReader(io.StringIO(page.evaluate("() => kgNodesCsv()").lstrip("\ufeff"))))
    cell = next(r["label"] for r in rows if r["id"] == ID + "formula-meeting")
    assert cell == "'=HYPERLINK(\"https://example.org\",\"x\")"
    links = list(csv.DictReader(io.StringIO(page.evaluate("() => kgEdgesCsv()").lstrip("\ufeff"))))
    assert any(r["from_label"].startswith("'=") for r in links)

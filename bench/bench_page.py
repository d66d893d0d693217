"""How long the network page takes: to write, and to settle in headless Chromium.

For the shipped graph and synthetic graphs of about 1,000 and 5,000 nodes
(bench/synthetic.py, sized here by node count), prints the time to render and
write graph.html, its size, and the time from opening the file in headless
Chromium until vis-network reports 'stabilizationIterationsDone' (the page sets
window.kgStabilised; physics is then switched off, so the page is interactive).
Then compares the way the page builds its node and edge lists (deduplicated
once with a set) with pyvis's add_node/add_edge, at the largest size.

    python3 bench/bench_page.py [--sizes 1000 5000] [--runs 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def shipped_graph(tmp: Path):
    from graph.netindex import read_index
    from graph.pipeline import Paths, build

    build(Paths(ROOT), tmp / "out")
    return read_index(tmp / "out")


def synthetic_graph(nodes: int):
    """A synthetic graph with about ``nodes`` nodes in the network: the triple count is found by calibration."""
    import pyoxigraph as ox

    from graph.netindex import NetworkIndex
    from graph.network import from_quads
    from synthetic import generate

    def make(triples):
        text = "".join(generate(triples))
        index = NetworkIndex.from_network(from_quads(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)))
        return index, len(index.nodes)

    triples = nodes * 16
    for _ in range(4):
        index, count = make(triples)
        if abs(count - nodes) <= nodes * 0.05:
            break
        triples = int(triples * nodes / count)
    return index


def time_write(index, path: Path, runs: int) -> tuple[float, int]:
    from graph.viz import render_html, write_html

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write_html(path, render_html(index))
        times.append(time.perf_counter() - start)
    return statistics.median(times), path.stat().st_size


def time_browser(browser, path: Path, runs: int) -> tuple[float, float, int, int]:
    """Median seconds to the load event and to a stabilised network; node and edge counts drawn."""
    loads, settles = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1600, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
        loads.append(time.perf_counter() - start)
        page.wait_for_function("() => window.kgStabilised === true", timeout=120_000, polling=20)
        settles.append(time.perf_counter() - start)
        counts = page.evaluate("() => [kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]")
        context.close()
    return statistics.median(loads), statistics.median(settles), *counts


def compare_pyvis(index) -> None:
    """Our list-building path against pyvis's add_node/add_edge, on the same nodes and edges."""
    from graph.viz import page_data

    start = time.perf_counter()
    from pyvis.network import Network
    imported = time.perf_counter() - start
    data = page_data(index.to_networkx(), "en", None)
    nodes = [(n["id"], n["labels"]["en"], n["color"], n["shape"]) for n in data["nodes"]]
    edges = [(e["from"], e["to"], e["labels"]["en"]) for e in data["edges"]]

    start = time.perf_counter()
    net = Network(directed=True)
    for node, label, color, shape in nodes:
        net.add_node(node, label=label, color=color, shape=shape)
    for u, v, label in edges:
        net.add_edge(u, v, label=label)
    pyvis_time = time.perf_counter() - start

    start = time.perf_counter()
    net = Network(directed=True)
    seen, node_list = set(), []
    for node, label, color, shape in nodes:
        if node not in seen:
            seen.add(node)
            node_list.append({"id": node, "label": label, "color": color, "shape": shape})
    seen, edge_list = set(), []
    for u, v, label in edges:
        if (u, v, label) not in seen:
            seen.add((u, v, label))
            edge_list.append({"from": u, "to": v, "label": label, "arrows": "to"})
    net.nodes, net.edges = node_list, edge_list
    net.node_ids = [n["id"] for n in node_list]
    net.node_map = {n["id"]: n for n in node_list}
    lists_time = time.perf_counter() - start

    print(f"\nbuilding the network of {len(nodes):,} nodes / {len(edges):,} edges "
          f"(pyvis import alone: {imported:.2f} s, paid once by either path):")
    print(f"  pyvis add_node/add_edge      {pyvis_time:8.3f} s")
    print(f"  lists deduplicated by a set  {lists_time:8.3f} s   ({pyvis_time / lists_time:,.0f}x faster)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        tmp = Path(folder)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        cases = [("shipped", shipped_graph(tmp))]
        for size in args.sizes:
            cases.append((f"synthetic {size:,}", synthetic_graph(size)))
        print(f"median of {args.runs} runs; Chromium {browser.version}, headless\n")
        print(f"{'graph':<18} {'nodes':>6} {'edges':>6} {'write page':>11} {'size':>9} "
              f"{'loaded':>8} {'stabilised':>11}")
        for name, index in cases:
            path = tmp / f"{name.split()[0]}-{len(index.nodes)}.html"
            write, size = time_write(index, path, args.runs)
            load, settle, nodes, edges = time_browser(browser, path, args.runs)
            print(f"{name:<18} {nodes:>6,} {edges:>6,} {write:>9.2f} s {size / 1e6:>6.2f} MB "
                  f"{load:>6.2f} s {settle:>9.2f} s")
        browser.close()
        compare_pyvis(cases[-1][1])


if __name__ == "__main__":
    main()

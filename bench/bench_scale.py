"""Scale: a synthetic corpus of N articles, built, grown by one, queried and diffed.

Prints one table: our figure, the plain-rdflib way of doing the same step
(measured in the same run, capped), and the ratio.

    python3 bench/bench_scale.py --articles 20000 --dir /tmp/kg-scale [--cap 300]

Steps (each `kg` command is timed as a whole process, wall clock, after an untimed
os.sync(); kg's modules are compiled to bytecode first, as `pip install` does, since
a machine may set PYTHONDONTWRITEBYTECODE and make every process compile them):
  clean build   `kg build` into an empty out/; peak memory is the largest sum of
                the resident memory of kg and its worker processes, sampled.
                rdflib (issue 23's yardstick, which the build must beat 3 times):
                parse the graph.nq we built into a Dataset and write its union as
                Turtle, nothing checked, no other file written.
  add one       one more article, then `kg build` again (rdflib: the same as above:
                it has no cache); then `kg build` with nothing changed.
  kg add        `kg add` of a 1 MB saved page (190,000 characters of the synthetic
                articles' test text, the rest inline styles: kg add refuses a text of
                more than 200,000 characters) with --publisher, --url and --published
                given; the files it adds are removed afterwards. Target: at most half
                the clean build.
  query         each saved query, `kg query NAME --format json`, asked for the first
                time on the store with nothing kept; then `kg query --warm` (what
                `kg build` starts in the background, at the lowest priority: the
                builds here are run with --no-warm so that it never overlaps a timed
                step); then the query asked again (read from the kept answer, as it
                is after warming). rdflib: Dataset.query, default graph the union, on
                the graph already loaded in memory: load time not counted.
  network       `kg path "Kota Serang" Zhejiang`, `kg stats`, `kg viz --focus "Kota Serang"`,
                each asked first with nothing kept (the command merges out/network.jsonl
                and keeps the merge), then the merge and betweenness made ahead as the
                build's background work does (timed as a row of its own), then asked
                again. rdflib + networkx: parse graph.nt, a networkx graph of the links
                between entities, then the same paths (3), the same statistics
                (betweenness from the same 100 sampled sources) or the neighbourhood
                with its labels: what these commands did before the build kept the network.
                Targets: under 1 s beyond process start (`kg --version`), at most a
                tenth of the clean build.
  diff          remove 1% of the articles, rebuild, `kg diff` between the two builds
                (rdflib: parse both N-Quads files and compare their statements as sets).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def rss_tree(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def run(cmd, cwd) -> tuple[float, int, str]:
    """Wall time, peak memory of the process tree, and output of a command.

    The disk is synced first (not timed): ext4 flushes other files' dirty data
    when a build fsyncs its own, so the writes of the step before (rdflib's
    files, say) would otherwise be charged to this one.
    """
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], rss_tree(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{output.decode()[-3000:]}")
    return elapsed, peak[0], output.decode()


def capped(seconds_cap: float, fn):
    """Run fn in a child process; its time, or None past the cap (an error stops the benchmark)."""
    import multiprocessing

    def target(queue):
        start = time.perf_counter()
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 - reported by the parent
            queue.put(f"{type(exc).__name__}: {exc}")
            return
        queue.put(time.perf_counter() - start)

    queue = multiprocessing.get_context("fork").Queue()
    proc = multiprocessing.get_context("fork").Process(target=target, args=(queue,))
    proc.start()
    proc.join(seconds_cap)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    result = queue.get(timeout=5)
    if isinstance(result, str):
        raise SystemExit(f"the rdflib step failed: {result}")
    return result


def rdflib_build(out: Path, scratch: Path):
    """rdflib's bare parse-and-write of the graph kg built: its N-Quads in, its union as Turtle out."""
    def work():
        from rdflib import Dataset

        dataset = Dataset(default_union=True)  # Turtle of a dataset: every named graph's statements, once
        dataset.parse(out / "graph.nq", format="nquads")
        dataset.serialize(scratch / "graph.ttl", format="turtle")
    return work


BIG_PAGE = 1_000_000  # bytes of the saved page `kg add` is timed on
BIG_TEXT = 190_000  # characters of its text: kg add takes articles of at most 200,000 (graph/add.py MAX_TEXT)


def big_page(path: Path, seed: int) -> None:
    """A 1 MB saved page for `kg add`, as pages are saved: about 190,000 characters of article text
    (the synthetic articles' test text, a paragraph each) and inline styles and scripts making up the rest."""
    import html

    import corpus

    headline = "Test article for the scale benchmark, not news"
    paragraphs, size, i = [], 0, 0
    while size < BIG_TEXT:
        text = corpus.article(1_000_000 + i, seed)[1].replace("\n", " ").strip()
        paragraphs.append(f"<p>{html.escape(text)}</p>")
        size += len(text) + 2
        i += 1
    head = f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{headline}</title>\n"
    body = (f"</head><body><article><h1>{headline}</h1>\n" + "\n".join(paragraphs)
            + "\n</article></body></html>\n")
    rule = ".c{margin:0 auto;padding:1px 2px;color:#333}\n"
    styles = rule * ((BIG_PAGE - len(head) - len(body) - 16) // len(rule))
    page = head + f"<style>{styles}</style>" + body
    path.write_text(page + " " * (BIG_PAGE - len(page.encode("utf-8"))), encoding="utf-8")


NO_PEER = object()  # a step plain rdflib has nothing like
# rows whose rdflib figure is the parse-and-write of the clean build (rdflib has no cache)
YARDSTICK_ROWS = {"clean kg build", "add one article, rebuild", "rebuild, nothing changed", "remove 1% of articles, rebuild"}
NETWORK_STEPS = {  # name -> kg arguments
    "kg path": ("path", "Kota Serang", "Zhejiang"),
    "kg stats": ("stats",),
    "kg viz --focus": ("viz", "--focus", "Kota Serang", "-o", "serang.html"),
}


def rdflib_network(out: Path, step: str):
    """A step of the network commands done the plain way: rdflib parses the graph, networkx draws the network."""
    def work():
        import itertools

        import networkx as nx
        from rdflib import Graph, URIRef
        from rdflib.namespace import RDFS

        from graph.namespaces import PREFIXES

        graph = Graph()
        graph.parse(out / "graph.nt", format="nt")
        network = nx.Graph()
        for s, p, o in graph:
            if str(p).startswith(PREFIXES["kg"]) and str(s).startswith(PREFIXES["id"]) and str(o).startswith(PREFIXES["id"]):
                network.add_edge(s, o)
        serang, zhejiang = URIRef(PREFIXES["id"] + "kota-serang"), URIRef(PREFIXES["id"] + "zhejiang")
        if step == "kg path":
            list(itertools.islice(nx.shortest_simple_paths(network, serang, zhejiang), 3))
        elif step == "kg stats":
            sorted(map(len, nx.connected_components(network)))
            sorted(network.degree, key=lambda d: -d[1])[:10]
            nx.betweenness_centrality(network, k=min(100, len(network)), seed=0)
        else:
            [graph.value(n, RDFS.label) for n in nx.ego_graph(network, serang, 1)]
    return work



def kg(*args) -> list[str]:
    return [sys.executable, "-m", "graph", *map(str, args)]


def fmt(seconds) -> str:
    return f"{seconds:8.2f} s" if seconds is not None else "   (cap)  "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kg-scale"))
    parser.add_argument("--cap", type=float, default=300, help="seconds allowed to each rdflib step")
    parser.add_argument("--build-cap", type=float, help="seconds allowed to rdflib's parse-and-write, the clean "
                        "build's yardstick (default: --cap)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    import corpus

    project = args.dir / "project"
    shutil.rmtree(args.dir, ignore_errors=True)
    start = time.perf_counter()
    corpus.write_corpus(project, args.articles, seed=args.seed)
    print(f"corpus: {args.articles} articles generated in {time.perf_counter() - start:.1f} s ({project})")
    out = project / "out"
    rows = []
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "graph")], check=True)
    floor_s = min(run([sys.executable, "-c", "pass"], project)[0] for _ in range(5))
    version_s = min(run(kg("--version"), project)[0] for _ in range(5))

    build_s, build_mem, output = run(kg("build", "--out", out, "--timings", "--no-warm"), project)
    built = next(line for line in output.splitlines() if line.startswith("Built "))
    print(built)
    triples = int(built.split(": ", 1)[1].split(" triples")[0])
    stages = {"clean build": stage_times(output)}
    build_cap = args.build_cap or args.cap
    rdflib_s = capped(build_cap, rdflib_build(out, args.dir))
    rows.append(("clean kg build", build_s, rdflib_s, f"peak memory {build_mem / 2**30:.2f} GiB; "
                 "rdflib: parse graph.nq, write Turtle (target: 3x)"))

    corpus.write_article(project / "sources", args.articles, seed=args.seed)
    add_s, add_mem, output = run(kg("build", "--out", out, "--timings", "--no-warm"), project)
    stages["add one"] = stage_times(output)
    rows.append(("add one article, rebuild", add_s, rdflib_s, f"peak memory {add_mem / 2**30:.2f} GiB"))
    same_s, _, _ = run(kg("build", "--out", out, "--no-warm"), project)
    rows.append(("rebuild, nothing changed", same_s, rdflib_s, ""))

    # kg add of a 1 MB article (drafting against the whole project), then the files it added are removed
    big = args.dir / "big-article.html"
    big_page(big, args.seed)
    before = set((project / "sources").iterdir())
    page_s, _, output = run(kg("add", big, "--publisher", "publisher-0", "--url", "https://example.org/test/big",
                              "--published", "2025-06-01", "--language", "en"), project)
    drafted = next((line for line in output.splitlines() if line.startswith("Added ")), output.strip()[-200:])
    for added in set((project / "sources").iterdir()) - before:
        added.unlink()
    rows.append(("kg add (1 MB page)", page_s, NO_PEER,
                 f"{page_s / build_s:.2f} of the clean build (target: at most 0.5); {drafted.split(': ', 1)[-1]}"))

    # The network commands, first with nothing kept, then after the build's background work has kept the merge.
    first_network = {name: run(kg(*step, "--out", out), project)[0] for name, step in NETWORK_STEPS.items()}
    (out / ".network-index").unlink()
    (out / ".network-betweenness").unlink(missing_ok=True)
    kept_s, _, _ = run([sys.executable, "-c", f"from graph.analysis import keep_ahead; keep_ahead({str(out)!r})"], project)
    rows.append(("network kept (after each build)", kept_s, NO_PEER, "with betweenness, for path, stats, viz"))
    for name, step in NETWORK_STEPS.items():
        again = min(run(kg(*step, "--out", out), project)[0] for _ in range(3))
        rows.append((name, again, capped(args.cap, rdflib_network(out, name)),
                     f"{again - version_s:.2f} s beyond process start, 1/{build_s / again:.0f} of the clean build; "
                     f"asked first, nothing kept: {first_network[name]:.2f} s"))

    from rdflib import Dataset

    from graph.iris import PREFIXES

    union = Dataset(default_union=True)  # as kg query sees it: GRAPH reads one source, the default all of them
    union.parse(out / "graph.nq", format="nquads")
    queries = sorted((ROOT / "queries").glob("*.rq"))
    first = {query.stem: run(kg("query", query.stem, "--format", "json", "--out", out), project)[0] for query in queries}
    shutil.rmtree(out / ".answers")
    # What kg build leaves to a background process (kg query --warm): the answers, then the compaction.
    warm_s, _, _ = run([sys.executable, "-c", f"from graph.query import warm; warm({str(out)!r})"], project)
    rows.append(("answers kept ahead (after each build)", warm_s, NO_PEER,
                 f"all {len(queries)} saved queries, table and json, on 2 processes"))
    compact_s, _, output = run(kg("query", "--warm", "--out", out), project)
    assert "Compacted" in output, output
    rows.append(("store compacted (after each build)", compact_s, NO_PEER, "for the next build to start from"))
    for query in queries:
        command = kg("query", query.stem, "--format", "json", "--out", out)
        ours = first[query.stem]
        again = min(run(command, project)[0] for _ in range(3))
        text = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + query.read_text(encoding="utf-8")
        theirs = capped(args.cap / 10, lambda: list(union.query(text)))
        ratio = f"{theirs / again:.0f}x" if theirs else f">{args.cap / 10 / again:.0f}x"
        rows.append((f"kg query {query.stem}", ours, theirs, f"after warming {again * 1000:.0f} ms ({ratio})"))
    union = None  # free the rdflib copy before the next steps

    # 1% of the synthetic articles, and their texts; none that declares a visit another reports
    # (articles 50k and 50k+1 share one), so the rebuild succeeds
    records = sorted((project / "sources").glob("s*.yaml"))
    for record in records[10:: 100]:
        record.with_suffix(".txt").unlink()
        record.unlink()
    rebuild_s, _, output = run(kg("build", "--out", out, "--no-warm"), project)
    rows.append(("remove 1% of articles, rebuild", rebuild_s, rdflib_s, ""))
    diff_s, _, output = run(kg("diff", "--out", out, "--format", "json"), project)

    def rdflib_diff():  # parse both builds and compare their statements as sets, as kg diff does
        old, new = Dataset(), Dataset()
        old.parse(out / "previous.nq", format="nquads")
        new.parse(out / "graph.nq", format="nquads")
        old_quads, new_quads = set(old.quads()), set(new.quads())
        return new_quads - old_quads, old_quads - new_quads

    rows.append(("kg diff (1% of triples)", diff_s, capped(args.cap, rdflib_diff), ""))

    print(f"\n{args.articles} articles, {triples} triples; machine: {os.cpu_count()} cores; "
          f"rdflib capped at {args.cap:g} s ({build_cap:g} s for the parse-and-write, {args.cap / 10:g} s per query)")
    print(f"a process doing nothing: python -c pass {floor_s * 1000:.0f} ms, kg --version {version_s * 1000:.0f} ms")
    print(f"{'step':<36} {'kg':>10} {'rdflib':>10} {'ratio':>8}  notes")
    for name, ours, theirs, note in rows:
        if theirs is NO_PEER:
            print(f"{name:<36} {fmt(ours)} {'-':>10} {'':>8}  {note}")
            continue
        cap = build_cap if name in YARDSTICK_ROWS else args.cap
        ratio = f"{theirs / ours:7.1f}x" if theirs else f">{cap / ours:6.0f}x" if ours else ""
        print(f"{name:<36} {fmt(ours)} {fmt(theirs)} {ratio:>8}  {note}")
    print("\nwhere a build's time goes (kg build --timings), seconds:")
    names = list(dict.fromkeys(stage for times in stages.values() for stage, _ in times))
    print(f"{'stage':<28} " + " ".join(f"{k:>12}" for k in stages))
    for stage in names:
        print(f"{stage:<28} " + " ".join(f"{dict(times).get(stage, 0):12.2f}" for times in stages.values()))


def stage_times(output: str) -> list[tuple[str, float]]:
    """The stages `kg build --timings` printed; "compile N sources" is shown as "compile"."""
    found = []
    for line in output.splitlines():
        if line.endswith(" s") and not line.startswith(("Built ", "Conflict: ", "Warning: ")):
            stage, seconds = line[:-2].rsplit(None, 1)
            found.append(("compile" if stage.startswith("compile ") else stage.strip(), float(seconds)))
    return found


if __name__ == "__main__":
    main()

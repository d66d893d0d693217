"""Saved queries: `kg query` against the plain rdflib way, on a built graph, in the same run.

For every saved query it prints, on the graph in OUT (the store and graph.nq
that `kg build` wrote there):

  engine   execute() in this process: the store's query, the rows, kg query's
           sorting and the JSON text, for the whole answer (median of --runs)
  first    `python -m graph query NAME --format json` as a new process, the
           whole answer, asked for the first time on this store (nothing kept:
           out/.answers is removed before each run; median of --runs)
  again    the same, asked again: read from the answer kg query kept
  limit    the first asking with --limit 10 (a sorted answer is still sorted whole)
  rdflib   rdflib's Dataset.query on the same N-Quads parsed into memory, rows
           listed, in a forked child stopped at --cap seconds (one run: it is
           the slow side)

and the ratio rdflib / engine. For the 20,000-article corpus:

    python3 bench/corpus.py --articles 20000 --out /tmp/corpus && (cd /tmp/corpus && kg build)
    python3 bench/bench_query.py --out /tmp/corpus/out [--runs 3] [--cap 30]
"""
from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.iris import PREFIXES  # noqa: E402
from graph.query import execute, saved_queries  # noqa: E402
from graph.store import ANSWERS  # noqa: E402


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process_time(name: str, out: Path, runs: int, *extra: str, kept: bool = False) -> float:
    command = [sys.executable, "-m", "graph", "query", name, "--format", "json", "--timeout", "600", "--out", str(out), *extra]

    def once():
        if not kept:
            shutil.rmtree(out / ANSWERS, ignore_errors=True)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)

    return median_time(once, runs)


def rdflib_time(dataset, text: str, cap: float) -> tuple[float, int] | None:
    """Seconds and rows of one rdflib run, in a forked child so that a slow one can be stopped; None past the cap."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child():
        start = time.perf_counter()
        rows = len(list(dataset.query(text, initNs=PREFIXES)))
        sender.send((time.perf_counter() - start, rows))

    process = context.Process(target=child)
    process.start()
    result = receiver.recv() if receiver.poll(cap) else None
    process.kill()
    process.join()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out", help="a folder `kg build` wrote (default: ./out)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=float, default=30.0, help="seconds rdflib gets per query")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib column (and its parse)")
    args = parser.parse_args()
    nquads = args.out / "graph.nq"
    if not nquads.exists():
        sys.exit(f"no {nquads}: run `kg build` first")
    print(f"{args.out}: {sum(1 for _ in nquads.open('rb')):,} statements; medians of {args.runs} runs")
    dataset = None
    if not args.no_rdflib:
        from rdflib import Dataset

        start = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(nquads, format="nquads")
        print(f"rdflib parse of graph.nq (once, not in the figures below): {time.perf_counter() - start:.1f} s")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "graph")], check=True)  # as pip install does
    print(f"{'query':<20} {'rows':>7} {'engine':>10} {'first':>10} {'again':>10} {'limit 10':>10} {'rdflib':>10} "
          f"{'rdflib/engine':>14}")
    ratios = []
    for saved in saved_queries().values():
        rows = execute(saved.text, args.out, "csv").count("\r\n") - 1
        engine = median_time(lambda: execute(saved.text, args.out, "json"), args.runs)
        process = process_time(saved.name, args.out, args.runs)
        again = process_time(saved.name, args.out, args.runs, kept=True)
        limited = process_time(saved.name, args.out, args.runs, "--limit", "10")
        theirs = rdflib_time(dataset, saved.text, args.cap) if dataset is not None else None
        if theirs is None:
            rdflib_cell = f">{args.cap:g} s" if dataset is not None else "-"
            ratio_cell = f">{args.cap / engine:.0f}x" if dataset is not None else "-"
            if dataset is not None:
                ratios.append(args.cap / engine)
        else:
            seconds, their_rows = theirs
            rdflib_cell = f"{seconds * 1000:.0f} ms" + ("" if their_rows == rows else f" ({their_rows} rows!)")
            ratio_cell = f"{seconds / engine:.1f}x"
            ratios.append(seconds / engine)
        print(f"{saved.name:<20} {rows:>7} {engine * 1000:>7.0f} ms {process * 1000:>7.0f} ms {again * 1000:>7.0f} ms "
              f"{limited * 1000:>7.0f} ms "
              f"{rdflib_cell:>10} {ratio_cell:>14}", flush=True)
    if ratios:
        print(f"geometric mean of rdflib / engine (capped ones at the cap: a lower bound): {statistics.geometric_mean(ratios):.1f}x")


if __name__ == "__main__":
    main()

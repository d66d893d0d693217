"""Saved queries: plain in-memory rdflib against our path (the pyoxigraph store `kg build` makes).

Runs every saved query on the shipped graph and on a synthetic graph of about
a million triples (bench/synthetic.py), both ways, in the same run, and prints
per-query medians and the ratio. rdflib gets --cap seconds per query.

    python3 bench/bench_query.py [--triples 1000000] [--runs 3] [--cap 60]
"""
from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from rdflib import Dataset  # noqa: E402

from graph.iris import PREFIXES  # noqa: E402
from graph.query import execute, saved_queries  # noqa: E402
from graph.store import write_store  # noqa: E402
from synthetic import generate  # noqa: E402


def median_time(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rdflib_time(dataset, text, runs, cap):
    """Median time of rdflib on one query, in a forked child so a slow one can be cut off."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child():
        sender.send(median_time(lambda: list(dataset.query(text, initNs=PREFIXES)), runs))

    process = context.Process(target=child)
    process.start()
    if receiver.poll(cap):
        result = receiver.recv()
    else:
        result = None
        process.kill()
    process.join()
    return result


def bench(name, nquads: bytes, runs, cap):
    lines = nquads.count(b"\n")
    print(f"\n== {name}: {lines:,} statements")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        write_store(Path(out), nquads)
        print(f"build the store (kg build's extra step): {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        dataset = Dataset(default_union=True)
        dataset.parse(data=nquads, format="nquads")
        print(f"parse into plain rdflib:                 {time.perf_counter() - start:.2f} s")
        print(f"{'query':<20} {'rdflib':>10} {'ours':>10} {'ratio':>8}")
        ratios = []
        for saved in saved_queries().values():
            ours = median_time(lambda: execute(saved.text, Path(out), "json"), runs)
            theirs = rdflib_time(dataset, saved.text, runs, cap)
            if theirs is None:
                print(f"{saved.name:<20} {'>' + format(cap, 'g') + ' s':>10} {ours * 1000:>8.1f}ms {'>' + format(cap / ours, '.0f') + 'x':>8}")
                ratios.append(cap / ours)
            else:
                ratios.append(theirs / ours)
                print(f"{saved.name:<20} {theirs * 1000:>8.1f}ms {ours * 1000:>8.1f}ms {theirs / ours:>7.1f}x")
        print(f"geometric mean ratio (rdflib / ours): {statistics.geometric_mean(ratios):.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cap", type=float, default=60.0)
    args = parser.parse_args()
    shipped = ROOT / "out" / "graph.nq"
    if not shipped.exists():
        sys.exit("run `kg build` first")
    bench("shipped sources", shipped.read_bytes(), args.runs, args.cap)
    bench("synthetic", "".join(generate(args.triples)).encode(), args.runs, args.cap)


if __name__ == "__main__":
    main()

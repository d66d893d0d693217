"""kg diff against rdflib.compare.graph_diff on two synthetic snapshots that differ in 1% of their triples.

    python3 bench/bench_diff.py [--sizes 10000 100000 1000000] [--cap 120]

rdflib is run in a child process and cut off after --cap seconds (parsing
included), so the sizes where it becomes impractical show as '>cap'.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import generate  # noqa: E402


def pair(size: int, folder: Path) -> tuple[Path, Path]:
    """OLD and NEW N-Quads: NEW drops 0.5% of OLD's statements and changes another 0.5%."""
    lines = list(generate(size))
    rng = random.Random(1)
    changed = rng.sample(range(len(lines)), len(lines) // 100)
    new = list(lines)
    for n, i in enumerate(changed):
        new[i] = None if n % 2 else new[i].replace("> .\n", "> .\n", 1).replace('" ', '-changed" ', 1) if '" ' in new[i] \
            else new[i].replace("/id/", "/id/changed-", 1)
    old_path, new_path = folder / f"old-{size}.nq", folder / f"new-{size}.nq"
    old_path.write_text("".join(lines), encoding="utf-8")
    new_path.write_text("".join(line for line in new if line), encoding="utf-8")
    return old_path, new_path


def ours(old: Path, new: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "graph", "diff", str(old), str(new), "--out", str(old.parent)],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 1:
        raise SystemExit(f"kg diff failed: {result.stderr}")
    return time.perf_counter() - start


def _rdflib(old, new, sender):
    from rdflib import Graph
    from rdflib.compare import graph_diff

    start = time.perf_counter()
    a, b = Graph(), Graph()
    a.parse(old, format="nt")  # the union of the quads, as graph_diff compares graphs
    b.parse(new, format="nt")
    graph_diff(a, b)
    sender.send(time.perf_counter() - start)


def theirs(old: Path, new: Path, cap: float):
    # graph_diff works on triples: give it the statements without their graph names
    for path in (old, new):
        triples = path.with_suffix(".nt")
        triples.write_text("".join(line.rsplit(" ", 2)[0] + " .\n" for line in path.read_text().splitlines(True)))
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_rdflib, args=(old.with_suffix(".nt"), new.with_suffix(".nt"), sender))
    process.start()
    value = receiver.recv() if receiver.poll(cap) else None
    process.kill()
    process.join()
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--cap", type=float, default=120.0)
    args = parser.parse_args()
    print(f"{'statements':>12} {'kg diff':>10} {'rdflib graph_diff':>18} {'ratio':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            old, new = pair(size, Path(tmp))
            mine = ours(old, new)
            other = theirs(old, new, args.cap)
            shown = f"{other:.2f} s" if other is not None else f">{args.cap:g} s"
            ratio = f"{other / mine:.0f}x" if other is not None else f">{args.cap / mine:.0f}x"
            print(f"{size:>12,} {mine:>8.2f} s {shown:>18} {ratio:>8}", flush=True)


if __name__ == "__main__":
    main()

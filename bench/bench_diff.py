"""kg diff against the plain-rdflib way, on two synthetic graphs that differ in 1% of their statements.

    python3 bench/bench_diff.py [--sizes 10000 100000 1000000] [--repeat 3] [--cap 120]

OLD is a synthetic graph shaped like ours (bench/synthetic.py); NEW drops 0.5%
of its statements and changes another 0.5%. Both are written in two layouts:

  build     graph by graph, graphs in IRI order, each sorted: what `kg build`
            writes to out/graph.nq (kg diff compares these graph by graph)
  snapshot  every statement sorted, after a comment line: what `kg snapshot`
            writes (kg diff compares these as sorted lines)

kg:     `python3 -m graph diff OLD NEW --format json` as a child process, wall
        clock from start to exit (interpreter start and imports included),
        median of --repeat runs.
rdflib: parse both files into rdflib Datasets and take the differences of
        their sets of quads (the statements kg diff reports; kg also names the
        entities they belong to), wall clock of parsing and comparing, imports
        not included; one run, in a child process stopped at --cap seconds.
The statements added and removed that kg reports are checked against rdflib's.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import generate  # noqa: E402


def graph_of(line: str) -> str:
    return line.rsplit(" ", 2)[-2]


def pair(size: int, folder: Path) -> dict[str, tuple[Path, Path]]:
    """OLD and NEW in both layouts: NEW drops 0.5% of OLD's statements and changes another 0.5%."""
    lines = list(generate(size))
    rng = random.Random(1)
    new = list(lines)
    for n, i in enumerate(rng.sample(range(len(lines)), len(lines) // 100)):
        if n % 2:
            new[i] = None
        elif '" ' in new[i]:
            new[i] = new[i].replace('" ', '-changed" ', 1)
        else:
            new[i] = new[i].replace("/id/", "/id/changed-", 1)
    new = [line for line in new if line]
    files = {}
    for layout in ("build", "snapshot"):
        files[layout] = (folder / f"old-{layout}-{size}.nq", folder / f"new-{layout}-{size}.nq")
        for path, statements in zip(files[layout], (lines, new)):
            if layout == "build":
                text = "".join(sorted(set(statements), key=lambda line: (graph_of(line), line)))
            else:
                text = "# snapshot bench taken 2026-01-01T00:00:00+00:00\n" + "".join(sorted(set(statements)))
            path.write_text(text, encoding="utf-8")
    return files


def ours(old: Path, new: Path, repeat: int) -> tuple[float, dict]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "graph", "diff", str(old), str(new), "--out", str(old.parent),
                                 "--format", "json"], capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if result.returncode != 1:
            raise SystemExit(f"kg diff failed: {result.stderr}")
    return statistics.median(times), json.loads(result.stdout)["statements"]


def _rdflib(old, new, sender):
    from rdflib import Dataset

    start = time.perf_counter()
    datasets = []
    for path in (old, new):
        dataset = Dataset()
        dataset.parse(path, format="nquads")
        datasets.append(set(dataset.quads((None, None, None, None))))
    before, after = datasets
    counts = {"added": len(after - before), "removed": len(before - after)}
    sender.send((time.perf_counter() - start, counts))


def theirs(old: Path, new: Path, cap: float):
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_rdflib, args=(old, new, sender))
    process.start()
    value = receiver.recv() if receiver.poll(cap) else (None, None)
    process.kill()
    process.join()
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of kg diff per file pair (the median is shown)")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds rdflib may take")
    args = parser.parse_args()
    print(f"{'statements':>12} {'layout':>9} {'kg diff':>10} {'rdflib':>10} {'ratio':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            files = pair(size, Path(tmp))
            other, counts = theirs(*files["build"], args.cap)
            for layout, (old, new) in files.items():
                mine, statements = ours(old, new, args.repeat)
                if counts is not None and statements != counts:
                    raise SystemExit(f"kg diff reports {statements}, rdflib {counts}")
                shown = f"{other:.2f} s" if other is not None else f">{args.cap:g} s"
                ratio = f"{other / mine:.1f}x" if other is not None else f">{args.cap / mine:.0f}x"
                print(f"{size:>12,} {layout:>9} {mine:>8.2f} s {shown:>10} {ratio:>8}", flush=True)


if __name__ == "__main__":
    main()

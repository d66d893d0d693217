"""How long `kg build` takes on the shipped sources.

Prints the process wall time of `kg build` (median of several runs, into a
temporary out/ folder), the floor any Python CLI using rdflib pays (starting
Python and importing rdflib), and the time of each stage in-process.

    python3 bench/bench_build.py [--runs 7]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wall(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def stages() -> list[tuple[str, float]]:
    """The build's own stage timings (`kg build --timings`), from a clean build in this process."""
    from graph.pipeline import Paths, build

    with tempfile.TemporaryDirectory() as out:
        return build(Paths(ROOT), Path(out)).timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        build = wall([sys.executable, "-m", "graph", "build", "--out", out], args.runs)
    floor = wall([sys.executable, "-c", "import rdflib"], args.runs)
    print(f"kg build, shipped sources ({args.runs} runs, process wall time):")
    print(f"  median {statistics.median(build):.3f} s   min {min(build):.3f} s   max {max(build):.3f} s")
    print(f"python -c 'import rdflib' (the floor): median {statistics.median(floor):.3f} s")
    print(f"kg build / floor: {statistics.median(build) / statistics.median(floor):.1f}x")
    print("stages, in-process (one run):")
    for name, seconds in stages():
        print(f"  {name:<42} {seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()

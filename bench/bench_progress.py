"""What the progress display costs a build: clean `kg build`s of a synthetic corpus with stderr on a
pseudo-terminal (progress shown) and in a pipe (not shown), taken in turns, as whole processes.

    python3 bench/bench_progress.py --articles 2000 --rounds 3 --dir /tmp/kg-progress
"""
from __future__ import annotations

import argparse
import os
import pty
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus  # noqa: E402


def clean_build(project: Path, on_terminal: bool) -> tuple[float, float]:
    """Seconds, wall and CPU (kg and its workers), of a clean `kg build --no-warm` (no out/, no cache),
    stdout to a pipe, stderr as asked. CPU time is the steadier figure on a busy machine."""
    shutil.rmtree(project / "out", ignore_errors=True)
    shutil.rmtree(project / ".kg-cache", ignore_errors=True)
    os.sync()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "xterm"}
    command = [sys.executable, "-m", "graph", "build", "--no-warm"]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    if on_terminal:
        leader, follower = pty.openpty()
        child = subprocess.Popen(command, cwd=project, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=follower)
        os.close(follower)
        shown = 0
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += len(chunk)
        os.close(leader)
        code = child.wait()
        if shown == 0:
            raise SystemExit("the terminal showed nothing: is the progress display off?")
    else:
        code = subprocess.run(command, cwd=project, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE).returncode
    if code != 0:
        raise SystemExit(f"kg build failed ({code})")
    wall = time.perf_counter() - started
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kg-progress"))
    args = parser.parse_args()
    project = args.dir / f"corpus-{args.articles}"
    if not (project / "sources").is_dir():
        write_corpus(project, args.articles)
    clean_build(project, False)  # untimed: the file cache warm for both
    times = {"terminal": [], "pipe": []}
    for _ in range(args.rounds):
        for where in times:
            times[where].append(clean_build(project, where == "terminal"))
    print(f"clean kg build of {args.articles:,} articles (+5 shipped), {args.rounds} rounds taken in turns")
    print(f"  {'':<32} {'wall, median (min-max)':>26} {'CPU, median (min-max)':>26}")
    for where, label in (("pipe", "stderr in a pipe (no progress)"), ("terminal", "stderr on a pty (progress)")):
        cells = [f"{statistics.median(v):6.2f} s ({min(v):.2f}-{max(v):.2f})"
                 for v in ([t[0] for t in times[where]], [t[1] for t in times[where]])]
        print(f"  {label:<32} {cells[0]:>26} {cells[1]:>26}")
    ratios = [statistics.median([t[i] for t in times["terminal"]]) / statistics.median([t[i] for t in times["pipe"]])
              for i in (0, 1)]
    print(f"  progress / no progress: wall {ratios[0]:.3f}, CPU {ratios[1]:.3f}")


if __name__ == "__main__":
    main()

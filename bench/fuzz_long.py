"""The long fuzz run, and how fast an alias bomb is refused.

    python3 bench/fuzz_long.py                 # 2000 examples per fuzz test (about 3 x 2000 builds)
    python3 bench/fuzz_long.py --examples 300  # shorter

Prints the time graph.yamlfile takes to refuse "billion laughs" documents of
growing depth, against the obvious alternative (yaml.safe_load, then walking
the result as any consumer would), then runs tests/test_fuzz_sources.py with
the ``long`` hypothesis profile and prints the number of cases it ran.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.errors import SourceError  # noqa: E402
from graph.yamlfile import parse_yaml  # noqa: E402


def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def timed(function, repeat=5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def refuse(text):
    try:
        parse_yaml(text, "bomb.yaml")
    except SourceError:
        return
    raise AssertionError("the alias bomb was accepted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000, help="Examples per fuzz test (long profile).")
    parser.add_argument("--bomb-only", action="store_true", help="Only time the alias bombs.")
    args = parser.parse_args()

    print("alias bomb   strings if expanded   kg refuses in   yaml.safe_load + walk")
    for levels in (3, 5, 6, 9, 12):
        text = bomb(levels)
        ours = timed(lambda: refuse(text))
        if levels <= 6:
            naive = timed(lambda: len(json.dumps(yaml.safe_load(text))), repeat=1)
            naive_text = f"{naive * 1000:10.1f} ms  ({naive / ours:,.0f}x slower)"
        else:
            naive_text = "      (not run: would not finish / exhaust memory)"
        print(f"{levels:4d} levels   {9 ** (levels + 1):>19,}   {ours * 1000:9.3f} ms   {naive_text}")
    if args.bomb_only:
        return
    env = dict(os.environ, KG_FUZZ="long", KG_FUZZ_EXAMPLES=str(args.examples))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz_sources.py",
               "-k", "fuzzed"]
    print(f"\nKG_FUZZ=long KG_FUZZ_EXAMPLES={args.examples} {' '.join(command[1:])}", flush=True)
    start = time.perf_counter()
    code = subprocess.call(command, cwd=ROOT, env=env)
    print(f"long fuzz run: {time.perf_counter() - start:.0f} s, exit {code}")
    sys.exit(code)


if __name__ == "__main__":
    main()

"""How long drafting takes as the text and the gazetteer grow, beside the obvious alternatives.

  drafting   extract() on 100 kB and 1 MB of the test articles repeated (linear in the text), with
             the base regions under the curated gazetteer
  names      finding every known name in 1 MB with a gazetteer of 20,000 made-up aliases:
             our word trie (graph/extract/names.py), one regular expression alternating
             every name (what the extractor used before), and spaCy's PhraseMatcher over
             a blank 'id' pipeline when spaCy is installed (it is not a dependency)

Run: python3 bench/bench_extract.py [--sizes 100000 1000000]
"""
from __future__ import annotations

import argparse
import random
import re
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.add import read_article  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.extract.names import NameIndex  # noqa: E402
from graph.ontology import load_vocabulary  # noqa: E402
from graph.regions import load_gazetteer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def corpus(size: int) -> str:
    text = "\n".join(read_article((FIXTURES / n).read_bytes(), n).text
                     for n in ("tangerang-hangzhou.id.txt", "jateng-fujian.id.html", "serang-binzhou.en.txt"))
    return (text * (size // len(text) + 1))[:size]


def made_up_names(n: int) -> list[str]:
    rng = random.Random(1)
    return [rng.choice(["Kota ", "Kabupaten ", "", ""]) + "".join(rng.choices(string.ascii_lowercase, k=7)).title()
            for _ in range(n)]


def timed(work):
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args(argv)
    gazetteer = load_gazetteer(ROOT / "sources", load_vocabulary(ROOT / "ontology.ttl"))
    extract(corpus(10_000), "id", "2025-06-13", gazetteer)  # once first: imports (dateparser) are not drafting
    print(f"drafting (extract), base + curated gazetteer ({len(gazetteer.items)} entities):")
    for size in args.sizes:
        seconds, draft = timed(lambda: extract(corpus(size), "id", "2025-06-13", gazetteer))
        print(f"  {size / 1000:>6.0f} kB  {seconds:6.2f} s  ({len(draft.facts)} facts)")

    names, text = made_up_names(20_000), corpus(1_000_000)
    print("finding 20,000 names in 1 MB:")
    build, index = timed(lambda: NameIndex(names))
    scan, found = timed(lambda: list(index.finditer(text)))
    print(f"  word trie               build {build:6.2f} s  scan {scan:6.2f} s  ({len(found)} found)")
    build, pattern = timed(lambda: re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])"))
    scan, found = timed(lambda: pattern.findall(text[:100_000]))
    print(f"  one regex alternation   build {build:6.2f} s  scan {scan * 10:6.2f} s  (from 100 kB x 10)")
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        print("  spaCy PhraseMatcher     not installed (pip install spacy to compare)")
        return
    load, nlp = timed(lambda: spacy.blank("id"))
    matcher = PhraseMatcher(nlp.vocab)
    build, _ = timed(lambda: matcher.add("NAME", list(nlp.tokenizer.pipe(names))))
    scan, found = timed(lambda: matcher(nlp(text)))
    print(f"  spaCy PhraseMatcher     load {load:5.2f} s  build {build:6.2f} s  scan {scan:6.2f} s  ({len(found)} found)")


if __name__ == "__main__":
    main()

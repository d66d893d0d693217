"""Precision and recall of the extractor against the curators' records.

For each shipped article with a curated record (sources/NNN_*.yaml), run the
extractor on its text with that record hidden (it sees only the gazetteer,
the article's language and publication date), and compare the draft with the
curated facts, kind by kind:

  entities    gazetteer ids the facts refer to
  posts       (holder, role, postIn)
  agreements  (class, parties)
  events      (class, host, guest)
  dates       (agreement or event key, date property, value)
  sectors     (agreement or event key, sector)

Drafted facts waiting for a proposed entity count too (a proposal never
matches a curated id). Run: python3 bench/eval_extract.py [--root .] [--ref COMMIT]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# --code DIR (set by --ref) evaluates the graph package found in DIR instead of this checkout's
CODE = sys.argv[sys.argv.index("--code") + 1] if "--code" in sys.argv[:-1] else str(ROOT)
sys.path.insert(0, CODE)

from graph.extract import EXTRACTOR, extract  # noqa: E402
from graph.ontology import load_vocabulary  # noqa: E402
from graph.safe_read import read_text  # noqa: E402
from graph.sources import GAZETTEER_FILE, parse_gazetteer, parse_record  # noqa: E402

KINDS = ("entities", "posts", "agreements", "events", "dates", "sectors")
AGREEMENTS = {"LetterOfIntent", "MemorandumOfUnderstanding", "SisterCityRelationship",
              "SisterProvinceRelationship", "CooperationAgreement", "Agreement"}
EVENTS = {"DelegationVisit", "Meeting", "Signing", "Expo", "Event"}
DATE_KEYS = ("signedOn", "date", "startDate", "endDate")


def facts_of_record(source) -> list[dict]:
    """A parsed record's items as plain dicts: key -> list of values (ids or literal strings)."""
    facts = []
    for item in source.items:
        fact = {"type": item.type, "about": item.subject if item.type is None else None}
        for statement in item.statements:
            fact.setdefault(statement.prop.name, []).append(str(statement.value))
        facts.append(fact)
    return facts


def facts_of_draft(draft) -> list[dict]:
    facts = []
    for raw in draft.facts + draft.pending:
        fact = {"type": raw.get("type"), "about": raw.get("about")}
        for key, value in raw.items():
            if key in ("id", "type", "about", "label", "quote", "reviewed", "extractor"):
                continue
            fact[key] = [str(v) for v in (value if isinstance(value, list) else [value])]
        facts.append(fact)
    # a pending fact and its lean twin in the record are one fact
    unique = []
    for fact in facts:
        if fact not in unique:
            unique.append(fact)
    return unique


def keyed(facts: list[dict], entity_ids: set[str]) -> dict[str, set]:
    found = {kind: set() for kind in KINDS}
    for fact in facts:
        for key, values in fact.items():
            if key in ("type",):
                continue
            for value in values if isinstance(values, list) else [values]:
                if value in entity_ids:
                    found["entities"].add(value)
        kind = fact["type"]
        one = lambda k: (fact.get(k) or [None])[0]  # noqa: E731
        key = None
        if kind == "Post":
            found["posts"].add((one("heldBy"), one("role"), one("postIn")))
        elif kind in AGREEMENTS:
            key = (kind, frozenset(fact.get("party", [])))
            found["agreements"].add(key)
        elif kind in EVENTS:
            key = (kind, one("host"), one("guest"))
            found["events"].add(key)
        if key is not None:
            for prop in DATE_KEYS:
                for value in fact.get(prop, []):
                    found["dates"].add((key, prop, value))
            for sector in fact.get("sector", []):
                found["sectors"].add((key, sector))
    return found


def evaluate(root: Path):
    vocab = load_vocabulary(root / "ontology.ttl")
    sources = root / "sources"
    try:  # the base regions under the curated gazetteer, as kg add sees them
        from graph.regions import load_gazetteer
        gazetteer = load_gazetteer(sources, vocab)
    except ImportError:  # code from before the base gazetteer (--ref)
        gazetteer = parse_gazetteer(read_text(sources / GAZETTEER_FILE), sources / GAZETTEER_FILE, vocab)
    entity_ids = {item.subject for item in gazetteer.items}
    totals = {kind: Counter() for kind in KINDS}
    rows = []
    for text_path in sorted(sources.glob("[0-9][0-9][0-9]_*.txt")):
        record_path = text_path.with_suffix(".yaml")
        if not record_path.exists():
            rows.append((text_path.stem, None))
            continue
        record = parse_record(read_text(record_path), record_path, vocab)
        if any(item.extractor for item in record.items):
            rows.append((text_path.stem, "skipped: its record holds machine drafts"))
            continue
        curated = keyed(facts_of_record(record), entity_ids)
        draft = extract(read_text(text_path), record.language, str(record.meta["published"]), gazetteer)
        drafted = keyed(facts_of_draft(draft), entity_ids)
        counts = {}
        for kind in KINDS:
            hits = len(curated[kind] & drafted[kind])
            totals[kind].update(tp=hits, drafted=len(drafted[kind]), curated=len(curated[kind]))
            counts[kind] = (hits, len(drafted[kind]), len(curated[kind]))
        rows.append((text_path.stem, counts))
    return rows, totals


def _run_at(ref: str, argv: list[str]) -> int:
    """Run this evaluation with the graph package as it was at ``ref`` (a module or a package then)."""
    import io
    import subprocess
    import tarfile
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kg-eval-"))
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "graph"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    rest = [a for i, a in enumerate(argv) if a != "--ref" and (i == 0 or argv[i - 1] != "--ref")]
    return subprocess.run([sys.executable, __file__, *rest, "--code", str(folder), "--label", ref]).returncode


def ratio(a, b):
    return f"{a / b:5.2f}" if b else "    -"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--ref", help="evaluate the extractor as it was at this git commit instead "
                                      "(e.g. the rules as written before the curated records existed)")
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--label", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ref:
        sys.exit(_run_at(args.ref, sys.argv[1:] if argv is None else argv))
    rows, totals = evaluate(args.root)
    print("Per article: kind hits/drafted/curated")
    for name, counts in rows:
        if counts is None:
            print(f"  {name}: no curated record yet, not evaluated")
        elif isinstance(counts, str):
            print(f"  {name}: {counts}")
        else:
            print(f"  {name}: " + "  ".join(f"{k} {h}/{d}/{c}" for k, (h, d, c) in counts.items()))
    evaluated = sum(1 for _, counts in rows if isinstance(counts, dict))
    print(f"\nAll {evaluated} evaluated articles ({EXTRACTOR}{' as of ' + args.label if args.label else ''}):")
    print(f"  {'kind':<11} {'precision':>9} {'recall':>7}   hits drafted curated")
    for kind in KINDS:
        t = totals[kind]
        print(f"  {kind:<11} {ratio(t['tp'], t['drafted']):>9} {ratio(t['tp'], t['curated']):>7}"
              f"   {t['tp']:4d} {t['drafted']:7d} {t['curated']:7d}")


if __name__ == "__main__":
    main()

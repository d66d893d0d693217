"""A synthetic corpus shaped like sources/: a gazetteer and N articles with records, fixed seed.

Regions (provinces and cities of both countries), people, business councils
and publishers in the gazetteer; each article is a short text (test text, not
news) and a record stating a post and either an agreement with 2–5 parties or a
delegation visit, every fact quoted verbatim from the text. The shipped
gazetteer and articles are part of the corpus, and now and then a synthetic
article names one of their entities (Kota Serang, Zhejiang, ICBC), so the saved
queries about those entities have answers to find. Article i depends only on
(seed, i), so the corpus of N+1 articles is the corpus of N plus one.
At 20,000 articles the built graph has about a million triples.

    python3 bench/corpus.py --articles 20000 --out /tmp/corpus20k && cd /tmp/corpus20k && kg build
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVINCES, CITIES, PEOPLE, COUNCILS, PUBLISHERS = 60, 1200, 3000, 300, 40
SECTORS = ["tourism", "culture", "creative-economy", "msme", "education", "manufacturing", "fisheries",
           "agriculture", "e-commerce", "investment", "trade", "logistics", "green-technology", "smart-city"]
SECTOR_WORDS = {s: s.replace("-", " ") for s in SECTORS}
AGREEMENTS = ["LetterOfIntent", "MemorandumOfUnderstanding", "SisterCityRelationship", "CooperationAgreement"]
ROLES = ["mayor", "deputy-mayor", "regent", "vice-regent", "governor", "head"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


# Real entities from the shipped gazetteer that synthetic articles sometimes name.
REAL_INDONESIAN, REAL_CHINESE = ("kota-serang", "Kota Serang"), ("zhejiang", "Zhejiang")
REAL_COUNCIL = ("icbc", "Indonesia–China Business Council")


def city(i: int) -> tuple[str, str]:
    country = "id" if i % 2 == 0 else "cn"
    return f"city-{country}-{i}", f"Kota Uji {i}" if country == "id" else f"Test City {i}"


def gazetteer_text() -> str:
    # The shipped gazetteer's entities (countries included), then the synthetic ones.
    shipped = (ROOT / "sources" / "gazetteer.yaml").read_text(encoding="utf-8")
    lines = ["gazetteer:", "  title: Synthetic gazetteer (test data, not real places) and the shipped one", "entities:",
             shipped.split("\nentities:\n", 1)[1].rstrip("\n")]
    for i in range(PROVINCES):
        country = "indonesia" if i % 2 == 0 else "china"
        lines.append(f"  - {{id: province-{i}, type: Province, label: {q(f'Province {i}')}, locatedIn: {country}}}")
    for i in range(CITIES):
        entity, label = city(i)
        kind = "City" if i % 2 == 0 else "PrefectureLevelCity"
        lines.append(f"  - {{id: {entity}, type: {kind}, label: {q(label)}, locatedIn: province-{i % PROVINCES}}}")
    for i in range(PEOPLE):
        lines.append(f"  - {{id: person-{i}, type: Person, label: {q(f'Person Number {i}')}}}")
    for i in range(COUNCILS):
        lines.append(f"  - {{id: council-{i}, type: BusinessAssociation, label: {q(f'Business Council {i}')}}}")
    for i in range(PUBLISHERS):
        lines.append(f"  - {{id: publisher-{i}, type: NewsPublisher, label: {q(f'Test Newsroom {i}')}}}")
    return "\n".join(lines) + "\n"


def article(i: int, seed: int) -> tuple[str, str, str]:
    """(file stem, text, record) of article i."""
    rng = random.Random(f"{seed}:{i}")
    stem = f"s{i:06d}_{rng.getrandbits(32):08x}"
    cities = rng.sample(range(CITIES), 5)
    parties = [city(c) for c in cities[: rng.randint(2, 5)]]
    if rng.random() < 0.02:  # a tie between two of the shipped articles' regions
        parties[:2] = [REAL_INDONESIAN, REAL_CHINESE]
    host, guest = parties[0], parties[1]
    leader, signer, mayor = (rng.randrange(PEOPLE) for _ in range(3))
    council = (f"council-{rng.randrange(COUNCILS)}", None)
    if rng.random() < 0.05:
        council = REAL_COUNCIL
    council_name = council[1] or f"Business Council {council[0].split('-')[1]}"
    role = rng.choice(ROLES)
    sectors = rng.sample(SECTORS, rng.randint(1, 3))
    year, month, day = rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    kind = rng.choice(AGREEMENTS)
    visit = f"visit-{stem.lower().replace('_', '-')}"
    if i % 50 in (0, 1):  # now and then two articles report the same visit, as 000 and 001 do
        visit = f"visit-s{i - i % 50:06d}-shared"
    s = [
        f"Test text {i}, not news: {host[1]} received a delegation from {guest[1]} on {date}.",
        f"The delegation was led by Person Number {leader} with the {council_name}.",
        f"Both sides discussed {', '.join(SECTOR_WORDS[x] for x in sectors)}.",
        f"{' and '.join(p[1] for p in parties)} signed a {kind} on {date}.",
        f"It was signed by Person Number {signer}.",
        f"Person Number {mayor} serves as {role.replace('-', ' ')} of {parties[0][1]}.",
    ]
    text = "\n".join(s) + "\n"
    facts = [
        f"  - type: Post\n    heldBy: person-{mayor}\n    role: {role}\n    postIn: {parties[0][0]}\n"
        f"    quote: {q(s[5])}",
        f"  - id: agreement-{stem.lower().replace('_', '-')}\n    type: {kind}\n"
        f"    label: {q(f'{kind} of test article {i}')}\n"
        f"    party: [{', '.join(p[0] for p in parties)}]\n    signatory: person-{signer}\n"
        f"    signedOn: {date}\n    sector: [{', '.join(sectors)}]\n    quote: {q(s[3])}",
        (f"  - id: {visit}\n    type: DelegationVisit\n    label: {q(f'Test visit {visit}')}\n"
         f"    host: {host[0]}\n    guest: {guest[0]}\n" if i % 50 != 1 else f"  - about: {visit}\n")
        + f"    ledBy: person-{leader}\n"
        f"    participant: [{council[0]}]\n    date: {date}\n"
        f"    statedWeekday: {rng.choice(WEEKDAYS)}\n    sector: [{', '.join(sectors)}]\n"
        f"    quote: {q(s[0])}",
    ]
    # an article reports an agreement or a visit (the shared visits' second reports are odd)
    facts = [facts[0], facts[1] if i % 2 and i % 50 != 1 else facts[2]]
    record = (f"source:\n  title: {q(f'Test article {i}')}\n  publisher: publisher-{i % PUBLISHERS}\n"
              f"  url: https://example.org/test/{stem}\n  language: {'id' if i % 2 else 'en'}\n"
              f"  published: {date}\n\nfacts:\n" + "\n".join(facts) + "\n")
    return stem, text, record


def write_article(sources: Path, i: int, seed: int = 7) -> str:
    stem, text, record = article(i, seed)
    (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
    (sources / f"{stem}.yaml").write_text(record, encoding="utf-8")
    return stem


def write_corpus(out: Path, articles: int, seed: int = 7, start: int = 0) -> None:
    out = Path(out)
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, out / name)
    for shipped in sorted((ROOT / "sources").glob("[0-9]*")):
        shutil.copy(shipped, sources / shipped.name)
    (sources / "gazetteer.yaml").write_text(gazetteer_text(), encoding="utf-8")
    for i in range(start, articles):
        write_article(sources, i, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles and a gazetteer to {args.out}/sources")


if __name__ == "__main__":
    main()

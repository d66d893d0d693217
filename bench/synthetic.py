"""A synthetic graph shaped like ours, of any size, as N-Quads (deterministic).

Regions in a country/province/city hierarchy, people with posts, organisations,
agreements with parties, signatories, sectors and dates, delegation visits with
hosts, guests and participants, and Web Annotation evidence for every fact, one
named graph per synthetic article, plus the real ontology.

    python3 bench/synthetic.py --triples 1000000 --out /tmp/synthetic.nq
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.iris import KG  # noqa: E402
from graph.namespaces import BASE  # noqa: E402

ID = BASE + "id/"
SRC = BASE + "source/"
GR = BASE + "graph/"
EV = BASE + "evidence/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SECTORS = ["Tourism", "Culture", "CreativeEconomy", "MSME", "HumanResources", "Education", "Manufacturing",
           "Fisheries", "Agriculture", "ECommerce", "ArtificialIntelligence", "Investment", "Trade", "Logistics"]
ROLES = ["Mayor", "DeputyMayor", "Regent", "ViceRegent", "Governor", "Chair", "Head"]
AGREEMENTS = ["LetterOfIntent", "MemorandumOfUnderstanding", "SisterCityRelationship", "SisterProvinceRelationship"]


def iri(value: str) -> str:
    return f"<{value}>"


def lit(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    text = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text + (f"@{lang}" if lang else f"^^<{datatype}>" if datatype else "")


def generate(target: int, seed: int = 7):
    """Yield N-Quads lines until about ``target`` statements."""
    rng = random.Random(seed)
    count = 0
    gaz = iri(GR + "gazetteer")

    def quad(s, p, o, g):
        nonlocal count
        count += 1
        return f"{s} {p} {o} {g} .\n"

    type_, label, derived = iri(RDF_TYPE), iri(LABEL), iri(DERIVED)
    for country in ("indonesia", "china"):
        yield quad(iri(ID + country), type_, iri(KG + "Country"), gaz)
    provinces, cities, people, orgs = [], [], [], []
    scale = max(1, target // 40_000)
    for i in range(30 * scale):
        country = "indonesia" if i % 2 == 0 else "china"
        p = iri(f"{ID}province-{i}")
        provinces.append(p)
        yield quad(p, type_, iri(KG + "Province"), gaz)
        yield quad(p, label, lit(f"Provinsi {i}", "id"), gaz)
        yield quad(p, iri(KG + "locatedIn"), iri(ID + country), gaz)
    for i in range(200 * scale):
        c = iri(f"{ID}city-{i}")
        cities.append(c)
        province = provinces[i % len(provinces)]
        kind = "City" if (i % len(provinces)) % 2 == 0 else "PrefectureLevelCity"
        yield quad(c, type_, iri(KG + kind), gaz)
        yield quad(c, label, lit(f"Kota {i}", "id"), gaz)
        yield quad(c, label, lit(f"City {i}", "en"), gaz)
        yield quad(c, iri(KG + "locatedIn"), province, gaz)
    for i in range(300 * scale):
        person = iri(f"{ID}person-{i}")
        people.append(person)
        yield quad(person, type_, iri(KG + "Person"), gaz)
        yield quad(person, label, lit(f"Person {i}", "en"), gaz)
    for i in range(100 * scale):
        org = iri(f"{ID}org-{i}")
        orgs.append(org)
        yield quad(org, type_, iri(KG + "BusinessAssociation"), gaz)
        yield quad(org, label, lit(f"Council {i}", "en"), gaz)
    article = 0
    while count < target:
        source = f"synthetic-{article:06d}"
        g, src = iri(GR + source), iri(SRC + source)
        yield quad(src, type_, iri(KG + "Article"), g)
        yield quad(src, label, lit(f"Synthetic article {article}", "en"), g)
        yield quad(src, iri("http://purl.org/dc/terms/identifier"), lit(source), g)
        for n in range(3):
            fact = iri(f"{ID}{source}-fact-{n}")
            a, b = rng.sample(cities, 2)
            date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if n < 2:
                kind = rng.choice(AGREEMENTS)
                yield quad(fact, type_, iri(KG + kind), g)
                yield quad(fact, label, lit(f"{kind} {source} {n}", "en"), g)
                yield quad(fact, iri(KG + "party"), a, g)
                yield quad(fact, iri(KG + "party"), b, g)
                yield quad(fact, iri(KG + "signatory"), rng.choice(people), g)
                yield quad(fact, iri(KG + "signedOn"), lit(date, datatype=XSD + "date"), g)
            else:
                yield quad(fact, type_, iri(KG + "DelegationVisit"), g)
                yield quad(fact, label, lit(f"Visit {source}", "en"), g)
                yield quad(fact, iri(KG + "host"), a, g)
                yield quad(fact, iri(KG + "guest"), b, g)
                yield quad(fact, iri(KG + "ledBy"), rng.choice(people), g)
                yield quad(fact, iri(KG + "participant"), rng.choice(orgs), g)
                yield quad(fact, iri(KG + "date"), lit(date, datatype=XSD + "date"), g)
                yield quad(fact, iri(KG + "statedWeekday"), iri("https://schema.org/" + rng.choice(["Monday", "Tuesday"])), g)
            for sector in rng.sample(SECTORS, 2):
                yield quad(fact, iri(KG + "sector"), iri(KG + sector), g)
            yield quad(fact, derived, src, g)
            ev = f"{EV}{source}/{n * 100}-{n * 100 + 60}"
            yield quad(fact, iri(KG + "evidence"), iri(ev), g)
            yield quad(iri(ev), type_, iri(KG + "Evidence"), g)
            yield quad(iri(ev), iri(OA + "hasBody"), fact, g)
            yield quad(iri(ev), iri(OA + "hasTarget"), iri(ev + "/target"), g)
            yield quad(iri(ev + "/target"), iri(OA + "hasSource"), src, g)
            yield quad(iri(ev + "/target"), iri(OA + "hasSelector"), iri(ev + "/quote"), g)
            yield quad(iri(ev + "/quote"), iri(OA + "exact"), lit(f"Quote {n} of {source} about {date}"), g)
        post = iri(f"{ID}post-{source}")
        yield quad(post, type_, iri(KG + "Post"), g)
        yield quad(post, iri(KG + "heldBy"), rng.choice(people), g)
        yield quad(post, iri(KG + "role"), iri(KG + rng.choice(ROLES)), g)
        yield quad(post, iri(KG + "postIn"), rng.choice(cities), g)
        yield quad(post, derived, src, g)
        article += 1
    ontology = ROOT / "ontology.ttl"
    import pyoxigraph as ox

    for triple in ox.parse(path=str(ontology), format=ox.RdfFormat.TURTLE):
        yield f"{triple.subject} {triple.predicate} {triple.object} <{GR}ontology> .\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.writelines(generate(args.triples, args.seed))


if __name__ == "__main__":
    main()

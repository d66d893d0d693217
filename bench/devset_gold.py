"""The gold sets' articles, records and gazetteers, checked as the project checks.

Nineteen sets are written the same way: the development set (bench/devset/), used while tuning the extractor, and
eighteen held-out sets (bench/heldout/, bench/heldout2/ ... bench/heldout18/), each blind for one round of tuning
and tuning data after it (each set's README says which). Every function takes the set's folder.

The gold is written the way the records should read once the extractor work of issue 21 is done, so it uses
a few names the ontology does not have yet (``PENDING``). ``checkable(text, vocab)`` writes each of those that
the ontology still lacks as its nearest current name (line by line, so error lines stay right); once the
ontology gains a name, the gold is checked with it for real. Shared by bench/eval_devset.py and
tests/test_devset.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.evidence import NormalisedText
from graph.ontology import Vocabulary
from graph.sources import Source, parse_gazetteer, parse_record

DEVSET = Path(__file__).resolve().parent / "devset"
HELDOUT = Path(__file__).resolve().parent / "heldout"
HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
HELDOUT3 = Path(__file__).resolve().parent / "heldout3"
HELDOUT4 = Path(__file__).resolve().parent / "heldout4"
HELDOUT5 = Path(__file__).resolve().parent / "heldout5"
HELDOUT6 = Path(__file__).resolve().parent / "heldout6"
HELDOUT7 = Path(__file__).resolve().parent / "heldout7"
HELDOUT8 = Path(__file__).resolve().parent / "heldout8"
HELDOUT9 = Path(__file__).resolve().parent / "heldout9"
HELDOUT10 = Path(__file__).resolve().parent / "heldout10"
HELDOUT11 = Path(__file__).resolve().parent / "heldout11"
HELDOUT12 = Path(__file__).resolve().parent / "heldout12"
HELDOUT13 = Path(__file__).resolve().parent / "heldout13"
HELDOUT14 = Path(__file__).resolve().parent / "heldout14"
HELDOUT15 = Path(__file__).resolve().parent / "heldout15"
HELDOUT16 = Path(__file__).resolve().parent / "heldout16"
HELDOUT17 = Path(__file__).resolve().parent / "heldout17"
HELDOUT18 = Path(__file__).resolve().parent / "heldout18"
GOLD_GAZETTEER = "gazetteer.yaml"

# Names the gold uses that the ontology may not have yet -> what they are written as until it does.
PENDING_CLASSES = {"Consulate": "GovernmentAgency", "Embassy": "GovernmentAgency"}
PENDING_ROLES = {"consul-general": "head", "consul": "head", "ambassador": "head"}
PENDING_PROPERTIES = ("acting", "termStart", "termEnd")  # on a Post: `acting: true`, `termStart: 2024`


@dataclass
class Article:
    name: str  # the file stem, 01_medan-nanning-visit
    text_path: Path
    record_path: Path
    record: dict  # the gold record as YAML data (source metadata and facts, pending names kept)


def articles(folder: Path = DEVSET) -> list[Article]:
    """A set's articles in order, each with its gold record."""
    import yaml

    found = []
    for text_path in sorted(folder.glob("[0-9][0-9]_*.txt")):
        record_path = text_path.with_suffix(".yaml")
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
        found.append(Article(text_path.stem, text_path, record_path, record))
    return found


def gold_entities(folder: Path = DEVSET) -> list[dict]:
    """A set's gold gazetteer extension's entries as YAML data."""
    import yaml

    return yaml.safe_load((folder / GOLD_GAZETTEER).read_text(encoding="utf-8"))["entities"]


def checkable(text: str, vocab: Vocabulary) -> str:
    """A gold file's text with each pending name the ontology lacks written as its current stand-in."""
    lines = []
    for line in text.split("\n"):
        match = re.match(r"(\s*(?:- )?)(\w+):\s*(.*?)\s*$", line)
        if match:
            indent, key, value = match.groups()
            if key in PENDING_PROPERTIES and key not in vocab.properties:
                line = indent + "# " + line.strip()  # kept as a comment: same line numbers
            elif key == "type" and value in PENDING_CLASSES and vocab.class_iri(value) is None:
                line = f"{indent}type: {PENDING_CLASSES[value]}"
            elif key == "role" and value in PENDING_ROLES and value not in vocab.concepts:
                line = f"{indent}role: {PENDING_ROLES[value]}"
        lines.append(line)
    return "\n".join(lines)


def parse_gold_gazetteer(vocab: Vocabulary, folder: Path = DEVSET) -> Source:
    path = folder / GOLD_GAZETTEER
    return parse_gazetteer(checkable(path.read_text(encoding="utf-8"), vocab), path, vocab)


def parse_gold_record(article: Article, vocab: Vocabulary) -> Source:
    """The gold record as the build reads a record: names checked against the ontology, quotes located in
    the article (a quote not found keeps ``location`` None: see ``missing_quotes``)."""
    source = parse_record(checkable(article.record_path.read_text(encoding="utf-8"), vocab), article.record_path,
                          vocab)
    source.text = article.text_path.read_text(encoding="utf-8")
    folded = NormalisedText(source.text)
    for item in source.items:
        for quote in item.quotes:
            quote.location = folded.locate(quote.text)
    return source


def missing_quotes(source: Source) -> list[tuple[int, str]]:
    """(line, quote) of each quote of a parsed gold record that its article does not contain."""
    return [(quote.line, quote.text) for item in source.items for quote in item.quotes if quote.location is None]


def compile_set(vocab: Vocabulary, articles: list[Article], shipped_gazetteer: Path,
                folder: Path = DEVSET) -> tuple[list, list]:
    """The gazetteers (shipped, base regions, the set's in ``folder``) and the gold records, each compiled as a
    build compiles a source (graph.build.Compiled), posts named from the gazetteers' and concepts' labels."""
    from rdflib.namespace import RDFS

    from graph.build import compile_source
    from graph.regions import base_gazetteer
    from graph.sources import read_gazetteer

    gazetteers = [read_gazetteer(shipped_gazetteer, vocab), base_gazetteer(vocab),
                  parse_gold_gazetteer(vocab, folder)]
    labels = {notation: {lit.language: str(lit) for lit in vocab.graph.objects(concept, RDFS.label)}
              for notation, concept in vocab.concepts.items()}
    labels.update({item.subject: dict(item.labels) for source in gazetteers for item in source.items
                   if item.labels})
    compiled = [compile_source(source, vocab, labels) for source in gazetteers]
    shipped_ids = {subject for subject, _, _ in compiled[0].declares}
    # a base region the shipped gazetteer overrides by id is declared once, as the build does
    compiled[1].declares = [d for d in compiled[1].declares if d[0] not in shipped_ids]
    records = [compile_source(parse_gold_record(a, vocab), vocab, labels) for a in articles]
    return compiled, records


def shape_violations(gazetteers: list, records: list, vocab: Vocabulary, shapes: Path) -> list[str]:
    """The project's SHACL rules (graph.validate) on every subject of each record (graph.build.Compiled), seeing
    the gazetteers' statements and that record's own (two outlets may date one event differently: the build
    reports that as a conflict, not as a broken shape), one line per violation."""
    from rdflib.namespace import RDF, RDFS

    from graph.compile import statements_of
    from graph.validate import Checker, describe, load_shapes, superclasses

    base: dict[str, dict[str, list[str]]] = {}
    for source in gazetteers:
        _merge(base, statements_of(source.lines))
    for subject, _, cls in vocab.graph.triples((None, RDF.type, None)):  # concepts: sectors, roles, weekdays
        base.setdefault(str(subject), {}).setdefault(str(RDF.type), []).append(f"<{cls}>")
    ancestors = superclasses(vocab.graph)
    rules = load_shapes(shapes)
    found = []
    for record in records:
        own = statements_of(record.lines)

        def statements(node, own=own):
            if node not in own:
                return base.get(node, {})
            merged = {p: list(v) for p, v in base.get(node, {}).items()}
            _merge(merged, {node: own[node]}, flat=True)
            return merged

        def classes(node, statements=statements):
            direct = (value[1:-1] for value in statements(node).get(str(RDF.type), ()))
            return frozenset(a for c in direct for a in ancestors.get(c, (c,)))

        def label(node, statements=statements):
            return (statements(node).get(str(RDFS.label)) or [""])[0]

        checker = Checker(rules, statements, classes)
        found += [f"{record.path}: {describe(v, label)}" for subject in sorted(own) for v in checker.check(subject)]
    return found


def _merge(into: dict, view: dict, flat: bool = False) -> None:
    """Add ``view``'s statements (subject -> predicate -> values) to ``into`` (or, flat, one subject's)."""
    for subject, by_predicate in view.items():
        mine = into if flat else into.setdefault(subject, {})
        for predicate, values in by_predicate.items():
            known = mine.setdefault(predicate, [])
            known.extend(v for v in values if v not in known)

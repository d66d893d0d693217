"""The development set's gold (bench/devset/): its articles, records and gazetteer, checked as the project checks.

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
    """The dev set's articles in order, each with its gold record."""
    import yaml

    found = []
    for text_path in sorted(folder.glob("[0-9][0-9]_*.txt")):
        record_path = text_path.with_suffix(".yaml")
        record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
        found.append(Article(text_path.stem, text_path, record_path, record))
    return found


def gold_entities(folder: Path = DEVSET) -> list[dict]:
    """The gold gazetteer extension's entries as YAML data."""
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

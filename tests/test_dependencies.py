"""kg depends on what it runs with: pySHACL only for the tests, no dateparser (the month table reads our dates)."""
from __future__ import annotations

import ast
import configparser
from pathlib import Path

import pytest

from graph.extract import extract

from tests.test_extract import of_type

ROOT = Path(__file__).resolve().parents[1]


def requirements(section: str, key: str) -> set[str]:
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    return {line.split(">")[0].split("=")[0].split("<")[0].strip().lower()
            for line in config[section][key].splitlines() if line.strip()}


def imported_by_kg() -> set[str]:
    found = set()
    for path in (ROOT / "graph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_pyshacl_is_for_the_tests_only():
    assert "pyshacl" not in imported_by_kg()  # the build checks the shapes itself (graph/validate.py)
    assert "pyshacl" not in requirements("options", "install_requires")
    assert "pyshacl" in requirements("options.extras_require", "test")


def test_dateparser_is_not_a_dependency():
    assert "dateparser" not in imported_by_kg() and "dateparser" not in requirements("options", "install_requires")


def test_what_kg_imports_is_declared():
    # a distribution's top-level import name: ruamel.yaml is imported as ruamel, PyYAML as yaml
    declared = {name.split(".")[0] for name in requirements("options", "install_requires")}
    declared |= {"yaml", "lxml_html_clean", "charset_normalizer"}
    third_party = imported_by_kg() - {"graph", "__future__"} - set(__import__("sys").stdlib_module_names)
    assert third_party <= declared, third_party - declared


@pytest.mark.parametrize("sentence, language, expected", [
    ("Delegasi Kota Hangzhou berkunjung ke Kota Serang pada Rabu, 10 Desember 2025.", "id", "2025-12-10"),
    ("Delegasi Kota Hangzhou berkunjung ke Kota Serang pada 3 Agu 2025.", "id", "2025-08-03"),
    ("The Hangzhou delegation visited Serang City on Dec. 3, 2025.", "en", "2025-12-03"),
    ("The Hangzhou delegation visited Serang City on Wednesday, October 1, 2025.", "en", "2025-10-01"),
    ("Delegasi Kota Hangzhou berkunjung ke Kota Serang pada 31 Februari 2025.", "id", "2025-02"),  # no such day: the month
])
def test_day_month_year_dates_are_read_with_the_month_table(curated_gazetteer, sentence, language, expected):
    visit, = of_type(extract(sentence + "\n", language, "2025-12-20", curated_gazetteer), "DelegationVisit")
    assert visit.get("date") == expected

"""report.json is written item by item around json's string encoder: it must be json.dumps's own output."""
from __future__ import annotations

import json

from graph.report import report_json, report_text

TRICKY = {
    "triples": 7,
    "ontology_triples": 3,
    "classes": {"Évènement": 2, "Region": 1},
    "sources": [{"id": 'a"b\\c', "file": "sources/ü\u2028\x01.yaml", "facts": 0, "quotes": 12, "triples": 3},
                {"id": "flag", "file": "x", "facts": True, "quotes": None, "triples": 1.5}],
    "conflicts": ['He said "no" \\ then </script>', "tab\there\nnewline – 中文"],
    "warnings": [],
}


def plain(report: dict) -> bytes:
    """One item a line, each as json.dumps writes it."""
    def dumps(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    fields = []
    for name, value in sorted(report.items()):
        text = "[\n    " + ",\n    ".join(map(dumps, value)) + "\n  ]" if isinstance(value, list) and value \
            else dumps(value)
        fields.append(f"  {dumps(name)}: {text}")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode("utf-8")


def test_report_json_is_what_json_dumps_writes(shipped):
    for report in (shipped.result.report, TRICKY):
        assert report_json(report) == plain(report)
        assert json.loads(report_json(report)) == report
    # as a build writes them, from each source's lines made when it was compiled
    assert (shipped.out / "report.json").read_bytes() == plain(shipped.result.report)
    assert (shipped.out / "report.txt").read_text(encoding="utf-8") == report_text(shipped.result.report)

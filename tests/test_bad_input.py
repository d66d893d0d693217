"""Each kind of broken input: one line naming the file (and line), exit 2, out/ untouched.

Most cases are one edit of a shipped file and the error it must give; ``{line}`` in the expected pattern stands
for the line of the edited file that holds the case's needle after the edit.
"""
from __future__ import annotations

import re

import pytest

RECORD = "002_df0ee3cb47686a21.yaml"
TEXT = "002_df0ee3cb47686a21.txt"
URL = "  url: https://bharataradio738.com/index.php/beritalengkap/Ge123g2ES6"


def build_twice_breaking(kg, project, breaker):
    """Build once, break the project, build again: return the failed run and the out/ bytes before and after."""
    out = project / "out"
    # --no-warm: the background work after a build keeps its own files (answers, the merged network) in out/
    first = kg("build", "--root", project, "--out", out, "--no-warm")
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    breaker(project / "sources")
    failed = kg("build", "--root", project, "--out", out, "--no-warm")
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    return failed, before, after


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def assert_one_error(result, pattern):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error: ")]
    assert errors, result.output
    assert any(re.search(pattern, line) for line in errors), errors


# name: (file edited, text replaced, its replacement, needle for {line} or None, the error expected)
EDITS = {
    "malformed yaml": (RECORD, "  language: id\n", "  language: [id\n", None,
                       rf"sources/{RECORD}:\d+:\d+: YAML syntax error"),
    "unknown property": (RECORD, "    signatory: budi-rustandi", "    signatori: budi-rustandi", "signatori:",
                         rf"{RECORD}:{{line}}: unknown property 'signatori'; did you mean 'signatory'\?"),
    "unknown class": (RECORD, "type: LetterOfIntent", "type: LetterOfIntnet", None,
                      rf"{RECORD}:\d+: unknown class 'LetterOfIntnet'; did you mean 'LetterOfIntent'\?"),
    "undeclared reference": (RECORD, "party: [kota-serang, hangzhou]", "party: [kota-serang, hangzou]", "hangzou",
                             rf"{RECORD}:{{line}}: `party: hangzou` refers to an undeclared entity; did you mean 'hangzhou'\?"),
    "duplicate id in the gazetteer": ("gazetteer.yaml", "  - id: fujian\n", "  - id: bali\n", None,
                                      r"gazetteer.yaml:\d+: duplicate id 'bali' in this file"),
    "a fact reusing a gazetteer id": (RECORD, "  - id: loi-serang-hangzhou-2025\n", "  - id: kota-serang\n", None,
                                      rf"{RECORD}:\d+: duplicate id 'kota-serang': the gazetteer declares it"),
    "duplicate yaml key": (RECORD, "    signedOn: 2025-09-05\n", "    signedOn: 2025-09-05\n    signedOn: 2025-09-06\n",
                           "signedOn: 2025-09-06", rf"{RECORD}:{{line}}: duplicate key 'signedOn'"),
    "quote not in the article": (RECORD, "quote: Wali Kota Serang Budi Rustandi", "quote: Wali Kota Serang Budi Santoso",
                                 "Budi Santoso", rf"{RECORD}:{{line}}: quote not found in {TEXT}: 'Wali Kota Serang Budi Santoso'"),
    "invalid id": (RECORD, "  - id: loi-serang-hangzhou-2025\n", "  - id: \"LoI Serang>Hangzhou\"\n", None,
                   rf"{RECORD}:\d+: id 'LoI Serang>Hangzhou' is not a valid id"),
    "a sister province of one party": (RECORD, "    party: [jawa-tengah, fujian]\n", "    party: [jawa-tengah]\n", None,
                                       rf"sources/{RECORD}: .*sister-province-jawa-tengah-fujian>: needs at least two parties"),
    "a gazetteer entity without a label": ("gazetteer.yaml", "    label: Wang Wenxu\n", "", None,
                                           r"sources/gazetteer.yaml: <https://w3id.org/id-cn-ties/id/wang-wenxu> "
                                           r"rdfs:label: has no label \(SHACL\)$"),
    **{f"url {url}": (RECORD, URL, f"  url: \"{url}\"", None,
                      rf"{RECORD}:\d+: source url .* (is not an http\(s\) address|contains a character not allowed)")
       for url in ("https://example.org/a b", "javascript:alert(1)", "https://example.org/<x>")},
    **{f"text {name!r}": (RECORD, "  language: id\n", f"  language: id\n  text: {name!r}\n", "  text: ",
                          rf"{RECORD}:{{line}}: source text .* must name a file beside the record or in a folder below it")
       for name in (f"../{TEXT}", "/etc/hostname", "texts/../../x.txt", "", 5)},
}


@pytest.mark.parametrize("case", EDITS)
def test_an_edit_gives_one_line_and_leaves_out_untouched(kg, project, case):
    name, old, new, needle, expected = EDITS[case]
    (project.parent / TEXT).write_bytes((project / "sources" / TEXT).read_bytes())  # a text outside sources/ to name
    failed, before, after = build_twice_breaking(kg, project, lambda sources: edit(sources / name, old, new))
    if needle is not None:
        expected = expected.format(line=line_of(project / "sources" / name, needle))
    assert_one_error(failed, expected)
    assert before == after


def _not_utf8(sources):
    path = sources / TEXT
    path.write_bytes(path.read_bytes().replace("Tiongkok".encode(), "Tiongkok".encode("utf-16-le"), 1) + b"\xff")


# name: (what breaks the sources folder, the error expected)
BREAKS = {
    "missing article": (lambda s: (s / TEXT).unlink(), rf"{TEXT}: file not found"),
    "article not utf-8": (_not_utf8, rf"{TEXT}:\d+: not UTF-8 text"),
    "empty record": (lambda s: (s / RECORD).write_text("\n"), rf"{RECORD}:1: the file is empty"),
    "empty article": (lambda s: (s / TEXT).write_text(""), rf"{TEXT}:1: the file is empty"),
    "yaml anchors": (lambda s: (s / RECORD).write_text("x: &a [1, 2]\ny: *a\n"),
                     re.escape("anchors and aliases are not allowed")),
    "yaml python tag": (lambda s: (s / RECORD).write_text("x: !!python/object:os.system {}\n"),
                        re.escape("tag 'tag:yaml.org,2002:python/object:os.system' is not allowed")),
}


@pytest.mark.parametrize("case", BREAKS)
def test_a_broken_file_gives_one_line_and_leaves_out_untouched(kg, project, case):
    breaker, expected = BREAKS[case]
    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, expected)
    assert before == after


def test_several_errors_reported_together(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "    signatory: budi-rustandi", "    signatori: budi-rustandi")
        edit(sources / RECORD, "type: SisterCityRelationship", "type: SisterCity")

    failed, _, _ = build_twice_breaking(kg, project, breaker)
    errors = [line for line in failed.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 2, errors


def test_traceback_only_when_asked(kg, project):
    (project / "sources" / RECORD).write_text("x: [\n")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2 and "Traceback" not in result.output
    with pytest.raises(Exception):
        kg("--traceback", "build", "--root", project, "--out", project / "out")

"""Each kind of broken input: one line naming the file (and line), exit 2, out/ untouched."""
from __future__ import annotations

import re

import pytest

RECORD = "002_df0ee3cb47686a21.yaml"


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


def test_malformed_yaml_names_file_line_and_column(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "  language: id\n", "  language: [id\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"sources/{RECORD}:\d+:\d+: YAML syntax error")
    assert before == after


def test_unknown_property_suggests_nearest_name(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "    signatory: budi-rustandi", "    signatori: budi-rustandi")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    line = line_of(project / "sources" / RECORD, "signatori:")
    assert_one_error(failed, rf"{RECORD}:{line}: unknown property 'signatori'; did you mean 'signatory'\?")
    assert before == after


def test_unknown_class_suggests_nearest_name(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "type: LetterOfIntent", "type: LetterOfIntnet")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"{RECORD}:\d+: unknown class 'LetterOfIntnet'; did you mean 'LetterOfIntent'\?")
    assert before == after


def test_reference_to_undeclared_entity(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "party: [kota-serang, hangzhou]", "party: [kota-serang, hangzou]")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    line = line_of(project / "sources" / RECORD, "hangzou")
    assert_one_error(failed, rf"{RECORD}:{line}: `party: hangzou` refers to an undeclared entity; did you mean 'hangzhou'\?")
    assert before == after


def test_duplicate_id_in_gazetteer(kg, project):
    def breaker(sources):
        edit(sources / "gazetteer.yaml", "  - id: fujian\n", "  - id: bali\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, r"gazetteer.yaml:\d+: duplicate id 'bali' in this file")
    assert before == after


def test_fact_reusing_a_gazetteer_id(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "  - id: loi-serang-hangzhou-2025\n", "  - id: kota-serang\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"{RECORD}:\d+: duplicate id 'kota-serang': the gazetteer declares it")
    assert before == after


def test_duplicate_yaml_key(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "    signedOn: 2025-09-05\n", "    signedOn: 2025-09-05\n    signedOn: 2025-09-06\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    line = line_of(project / "sources" / RECORD, "signedOn: 2025-09-06")
    assert_one_error(failed, rf"{RECORD}:{line}: duplicate key 'signedOn'")
    assert before == after


def test_quote_not_in_article(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "quote: Wali Kota Serang Budi Rustandi", "quote: Wali Kota Serang Budi Santoso")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    line = line_of(project / "sources" / RECORD, "Budi Santoso")
    assert_one_error(failed, rf"{RECORD}:{line}: quote not found in 002_df0ee3cb47686a21.txt: 'Wali Kota Serang Budi Santoso'")
    assert before == after


def test_missing_article_text(kg, project):
    failed, before, after = build_twice_breaking(kg, project, lambda s: (s / "002_df0ee3cb47686a21.txt").unlink())
    assert_one_error(failed, r"002_df0ee3cb47686a21.txt: file not found")
    assert before == after


def test_article_not_utf8(kg, project):
    def breaker(sources):
        path = sources / "002_df0ee3cb47686a21.txt"
        path.write_bytes(path.read_bytes().replace("Tiongkok".encode(), "Tiongkok".encode("utf-16-le"), 1) + b"\xff")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, r"002_df0ee3cb47686a21.txt:\d+: not UTF-8 text")
    assert before == after


def test_empty_record(kg, project):
    failed, before, after = build_twice_breaking(kg, project, lambda s: (s / RECORD).write_text("\n"))
    assert_one_error(failed, rf"{RECORD}:1: the file is empty")
    assert before == after


def test_empty_article(kg, project):
    failed, before, after = build_twice_breaking(kg, project, lambda s: (s / "002_df0ee3cb47686a21.txt").write_text(""))
    assert_one_error(failed, r"002_df0ee3cb47686a21.txt:1: the file is empty")
    assert before == after


@pytest.mark.parametrize("url", ["https://example.org/a b", "javascript:alert(1)", "https://example.org/<x>"])
def test_invalid_iri(kg, project, url):
    def breaker(sources):
        edit(sources / RECORD, "  url: https://bharataradio738.com/index.php/beritalengkap/Ge123g2ES6", f"  url: \"{url}\"")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"{RECORD}:\d+: source url .* (is not an http\(s\) address|contains a character not allowed)")
    assert before == after


def test_invalid_id(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "  - id: loi-serang-hangzhou-2025\n", "  - id: \"LoI Serang>Hangzhou\"\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"{RECORD}:\d+: id 'LoI Serang>Hangzhou' is not a valid id")
    assert before == after


@pytest.mark.parametrize("snippet, message", [
    ("x: &a [1, 2]\ny: *a\n", "anchors and aliases are not allowed"),
    ("x: !!python/object:os.system {}\n", "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
])
def test_yaml_features_refused(kg, project, snippet, message):
    def breaker(sources):
        (sources / RECORD).write_text(snippet, encoding="utf-8")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, re.escape(message))
    assert before == after


def test_several_errors_reported_together(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "    signatory: budi-rustandi", "    signatori: budi-rustandi")
        edit(sources / RECORD, "type: SisterCityRelationship", "type: SisterCity")

    failed, _, _ = build_twice_breaking(kg, project, breaker)
    errors = [line for line in failed.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 2, errors


def test_shacl_violation_names_entity_rule_and_file(kg, project):
    def breaker(sources):
        edit(sources / RECORD, "    party: [jawa-tengah, fujian]\n", "    party: [jawa-tengah]\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, rf"sources/{RECORD}: .*sister-province-jawa-tengah-fujian>: needs at least two parties")
    assert before == after


def test_traceback_only_when_asked(kg, project):
    (project / "sources" / RECORD).write_text("x: [\n")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2 and "Traceback" not in result.output
    with pytest.raises(Exception):
        kg("--traceback", "build", "--root", project, "--out", project / "out")


def test_shacl_violation_on_a_gazetteer_entity_is_one_line(kg, project):
    def breaker(sources):
        edit(sources / "gazetteer.yaml", "    label: Wang Wenxu\n", "")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    assert_one_error(failed, r"sources/gazetteer.yaml: <https://w3id.org/id-cn-ties/id/wang-wenxu> rdfs:label: has no label \(SHACL\)$")
    assert before == after


@pytest.mark.parametrize("name", ["../002_df0ee3cb47686a21.txt", "/etc/hostname", "texts/../../x.txt", "", 5])
def test_a_text_named_outside_the_records_folder_is_refused(kg, project, name):
    (project.parent / "002_df0ee3cb47686a21.txt").write_bytes((project / "sources" / "002_df0ee3cb47686a21.txt").read_bytes())

    def breaker(sources):
        edit(sources / RECORD, "  language: id\n", f"  language: id\n  text: {name!r}\n")

    failed, before, after = build_twice_breaking(kg, project, breaker)
    line = line_of(project / "sources" / RECORD, "  text: ")
    assert_one_error(failed, rf"{RECORD}:{line}: source text .* must name a file beside the record or in a folder below it")
    assert before == after

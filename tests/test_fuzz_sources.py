"""Fuzzed source files: every case builds a graph that re-parses strictly, or fails in one line per problem.

Hypothesis generates article records and gazetteer entries, valid and broken
(wrong types, missing and extra keys, hostile unicode in every field, very
long strings, deep nesting, anchors/aliases and alias bombs, duplicate keys,
``!!python/object`` tags, lone surrogates, bytes that are not UTF-8, NUL).
Each case is built in-process into a small project (a three-entity gazetteer
and one article, so a valid build takes a fraction of a second). Bounded for
CI; ``KG_FUZZ=long python3 -m pytest -q tests/test_fuzz_sources.py`` (or
``python3 bench/fuzz_long.py``) runs the long profile.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import GraphError, InputError, InputErrors
from graph.pipeline import Paths, build

ROOT = Path(__file__).resolve().parents[1]
RECORD = "100_fuzz.yaml"
ARTICLE = "100_fuzz.txt"

settings.register_profile("ci", max_examples=40, deadline=20_000, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=int(os.environ.get("KG_FUZZ_EXAMPLES", "2000")), deadline=20_000,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = "long" if os.environ.get("KG_FUZZ") == "long" else "ci"

GAZETTEER = {
    "gazetteer": {"title": "Fuzz gazetteer"},
    "entities": [
        {"id": "indonesia", "type": "Country", "label": "Indonesia"},
        {"id": "banten", "type": "Province", "label": {"id": "Provinsi Banten", "en": "Banten"},
         "alias": ["Banten"], "locatedIn": "indonesia"},
        {"id": "fuzz-news", "type": "NewsPublisher", "label": "Fuzz News"},
    ],
}
BASE_TEXT = "Banten is a province of Indonesia."

# Characters that break naive code: RTL and bidi controls, combining marks,
# emoji and ZWJ sequences, NUL and other controls, lone surrogates, markup,
# Turtle/SPARQL/JSON metacharacters.
NASTY = ["\u202e", "\u2066", "\u200f", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e9\u05dc\u05d5\u05dd",
         "e\u0301", "\u0301\u0301\u0301", "\U0001f469\u200d\U0001f4bb", "\U0001f1ee\U0001f1e9", "\x00", "\x1b[31m",
         "\r", "\n", "\t", "\x7f", "\ud800", "\udfff", "\ufeff", "\ufffe", "\uffff", "</script>", "<b>", "&amp;",
         '"', "\\", ">", "<", "'''", '"""', "@prefix", "{", "}", "#", ":", "- ", "? ", "*a", "&a", "!!str", "%",
         "\u2028", "\u2029", "\x85", "null", "~", "true", "1e400", "0x1F", "2025-13-45"]

nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=8).map("".join)
text_value = st.one_of(st.text(max_size=30), nasty_text, st.just("x" * 100_000),
                       st.sampled_from(["Banten", "Indonesia", "province"]))
scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True), text_value)
junk = st.recursive(scalar, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.text(max_size=6), inner, max_size=3)),
                    max_leaves=8)
KEYS = ["id", "about", "type", "label", "alias", "quote", "reviewed", "locatedIn", "capitalOf", "date",
        "signedOn", "party", "title", "population", "nonsense", "sector"]


@st.composite
def fact(draw):
    """One fact, close to valid, with some fields replaced or added."""
    quote = draw(st.one_of(st.just("Banten is a province"), text_value))
    entry = {"about": "banten", "quote": quote}
    if draw(st.booleans()):
        entry = {"id": draw(st.sampled_from(["fuzz-meeting", "Bad Id", "banten", "x" * 300, "a-b"])),
                 "type": draw(st.sampled_from(["Meeting", "Province", "NoSuchClass", "Post"])),
                 "label": draw(st.one_of(text_value, st.dictionaries(st.sampled_from(["id", "en", "x y", "zz"]),
                                                                      text_value, max_size=2))),
                 "quote": quote}
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=3)):
        entry[key] = draw(st.one_of(junk, text_value, st.sampled_from(["banten", "indonesia", "2025-09-05"])))
    for key in draw(st.lists(st.sampled_from(sorted(entry)), max_size=2)):
        entry.pop(key, None)
    return entry


@st.composite
def record(draw):
    """A whole record: metadata and facts, close to valid, then perturbed."""
    source = {"title": draw(st.one_of(st.just("A fuzzed article"), text_value)),
              "publisher": draw(st.sampled_from(["fuzz-news", "nobody", "Fuzz News"])),
              "url": draw(st.one_of(st.just("https://example.org/fuzz"), text_value,
                                    st.sampled_from(["javascript:alert(1)", "https://exa mple.org/<x>",
                                                     "http://example.org/\u202e", "https://example.org/\"x\\"]))),
              "language": draw(st.sampled_from(["en", "id", "xx", 7])),
              "published": draw(st.one_of(st.just("2025-09"), junk))}
    for key in draw(st.lists(st.sampled_from(sorted(source) + ["extra", "note", "credits"]), max_size=2)):
        if draw(st.booleans()):
            source.pop(key, None)
        else:
            source[key] = draw(junk)
    doc = {"source": source, "facts": draw(st.lists(fact(), min_size=0, max_size=3))}
    if draw(st.integers(0, 9)) == 0:
        doc[draw(st.text(max_size=5))] = draw(junk)
    return doc


@st.composite
def gazetteer_entry(draw):
    def valid_or(valid, *bad):  # three times in four, the valid value
        return valid if draw(st.integers(0, 3)) else draw(st.one_of(*bad))

    entry = {"id": valid_or("fuzz-city", st.sampled_from(["Fuzz", "banten", "x-" * 50 + "y"])),
             "type": valid_or("City", st.sampled_from(["Regency", "Person", "Nope", 3])),
             "label": valid_or("Fuzz City", text_value, nasty_text,
                               st.dictionaries(st.sampled_from(["id", "en", "1"]), text_value, max_size=2)),
             "alias": valid_or([], st.lists(text_value, max_size=3), junk),
             "locatedIn": valid_or("banten", st.sampled_from(["nowhere", "Banten"]))}
    for key in draw(st.lists(st.sampled_from(sorted(entry) + ["quote", "population"]), max_size=1)):
        entry[key] = draw(junk)
    return entry


def raw_yaml(doc, draw) -> bytes:
    """Dump, then maybe add what safe_dump never writes: tags, anchors, duplicates, bad bytes."""
    text = yaml.safe_dump(doc, allow_unicode=draw(st.booleans()), sort_keys=False, width=draw(st.sampled_from([80, 10**6])))
    trick = draw(st.integers(0, 12))
    if trick == 1:
        text = text.replace("facts:", "facts: !!python/object/apply:os.system ['echo pwned']\nx:", 1)
    elif trick == 2:
        text = text.replace("source:", "source: &a", 1) + "again: *a\n"
    elif trick == 3:
        text = text.replace("  title:", "  title: one\n  title:", 1)
    elif trick == 4:
        text += "facts: []\n"
    elif trick == 5:
        return text.encode("utf-8") + b"\xff\xfe\x80"
    elif trick == 6:
        return text.replace("  title:", '  title: "\\ud800"\n  tytle:', 1).encode("utf-8")
    elif trick == 7:
        return (text + "  # \ud800\n").encode("utf-8", errors="surrogatepass")
    elif trick == 8:
        text = text.replace("facts:", "facts:\n- about: banten\n  quote: " + "[" * 500 + "]" * 500 + "\n  x:", 1)
    elif trick == 9:
        text = text.replace("source:", "source: !!binary aGVsbG8=\nsorce:", 1)
    elif trick == 10:
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]
    return text.encode("utf-8", errors="surrogatepass")


class Counter:
    cases = 0
    built = 0
    refused = 0


def make_project(root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    (root / "sources").mkdir(parents=True)
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory, request):
    root = make_project(tmp_path_factory.mktemp("fuzz") / "project")
    yield root
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\nfuzz ({PROFILE} profile): {Counter.cases} cases, {Counter.built} built and "
              f"re-parsed, {Counter.refused} refused with one line per problem")


STRICT = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.trig": ox.RdfFormat.TRIG, "graph.nt": ox.RdfFormat.N_TRIPLES,
          "graph.nq": ox.RdfFormat.N_QUADS, "graph.jsonld": ox.RdfFormat.JSON_LD}


def strict_counts(out: Path) -> dict[str, int]:
    """Statement counts of every output, each read by a strict parser (pyoxigraph, not lenient)."""
    return {name: len(list(ox.parse(path=str(out / name), format=fmt))) for name, fmt in STRICT.items()}


def check_case(root: Path, gazetteer: bytes, record_bytes: bytes, article: bytes) -> None:
    sources = root / "sources"
    (sources / "gazetteer.yaml").write_bytes(gazetteer)
    (sources / RECORD).write_bytes(record_bytes)
    (sources / ARTICLE).write_bytes(article)
    out = root / "out"
    Counter.cases += 1
    try:
        build(Paths(root), out)
    except GraphError as exc:
        Counter.refused += 1
        assert_one_line_per_problem(exc, sources)
        return
    Counter.built += 1
    counts = strict_counts(out)
    assert counts["graph.ttl"] == counts["graph.nt"] == counts["graph.jsonld"], counts
    assert counts["graph.trig"] == counts["graph.nq"], counts
    assert counts["graph.nt"] > 0


def assert_one_line_per_problem(exc: GraphError, sources: Path) -> None:
    problems = exc.errors if isinstance(exc, InputErrors) else [exc]
    assert problems
    for problem in problems:
        text = str(problem)
        assert "\n" not in text and "\r" not in text, repr(text)
        if isinstance(problem, InputError):
            assert problem.path is not None and Path(problem.path).parent == sources, text
            assert text.startswith(problem.path), text
    if not isinstance(exc, InputError | InputErrors):  # e.g. SHACL: one line each, naming the record
        for line in str(exc).splitlines()[1:]:
            assert RECORD in line or "gazetteer.yaml" in line, line


@settings.get_profile(PROFILE)
@given(data=st.data())
def test_fuzzed_record_builds_or_fails_in_one_line_per_problem(fuzz_root, data):
    doc = data.draw(record())
    quotes = [f.get("quote") for f in doc["facts"] if isinstance(f, dict) and isinstance(f.get("quote"), str)]
    article = (BASE_TEXT + "\n" + "\n".join(quotes) + "\n").encode("utf-8", errors="surrogatepass")
    check_case(fuzz_root, yaml.safe_dump(GAZETTEER).encode(), raw_yaml(doc, data.draw), article)


@settings.get_profile(PROFILE)
@given(data=st.data())
def test_fuzzed_gazetteer_builds_or_fails_in_one_line_per_problem(fuzz_root, data):
    gazetteer = {"gazetteer": GAZETTEER["gazetteer"],
                 "entities": GAZETTEER["entities"] + data.draw(st.lists(gazetteer_entry(), min_size=1, max_size=2))}
    doc = {"source": {"title": "A fuzzed article", "publisher": "fuzz-news", "url": "https://example.org/fuzz",
                      "language": "en", "published": "2025-09"},
           "facts": [{"about": "banten", "quote": "Banten is a province"}]}
    check_case(fuzz_root, raw_yaml(gazetteer, data.draw), yaml.safe_dump(doc).encode(), BASE_TEXT.encode())


@settings.get_profile(PROFILE)
@given(text=st.one_of(nasty_text, st.text(min_size=1, max_size=60)))
def test_fuzzed_article_text_and_quote(fuzz_root, text):
    """Article text with hostile characters, quoted verbatim: it builds and re-parses, or is refused."""
    doc = {"source": {"title": text or "t", "publisher": "fuzz-news", "url": "https://example.org/fuzz",
                      "language": "en", "published": "2025-09"},
           "facts": [{"about": "banten", "quote": text, "label": text}]}
    check_case(fuzz_root, yaml.safe_dump(GAZETTEER).encode(),
               yaml.safe_dump(doc, allow_unicode=True).encode("utf-8", errors="surrogatepass"),
               (BASE_TEXT + "\n" + text + "\n").encode("utf-8", errors="surrogatepass"))


# --------------------------------------------------------------------------
# Fixed hostile cases, through the real CLI in a subprocess
# --------------------------------------------------------------------------

VALID_RECORD = yaml.safe_dump({"source": {"title": "A fuzzed article", "publisher": "fuzz-news",
                                          "url": "https://example.org/fuzz", "language": "en",
                                          "published": "2025-09"},
                               "facts": [{"about": "banten", "quote": "Banten is a province"}]})


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


CLI_CASES = {
    "alias-bomb": alias_bomb().encode() + VALID_RECORD.encode(),
    "python-object": VALID_RECORD.replace("title: A fuzzed article",
                                          "title: !!python/object/apply:os.system ['touch PWNED']").encode(),
    "not-utf8": VALID_RECORD.encode() + b"  note: caf\xe9\n",
    "raw-surrogate": (VALID_RECORD + "  note: \ud800\n").encode("utf-8", errors="surrogatepass"),
    "escaped-surrogate": VALID_RECORD.replace("A fuzzed article", '"\\ud800 x"').encode(),
    "nul": VALID_RECORD.encode() + b"  note: a\x00b\n",
    "duplicate-key": VALID_RECORD.replace("  language: en\n", "  language: en\n  language: id\n").encode(),
    "deep-nesting": VALID_RECORD.replace("  title: A fuzzed article", "  title: " + "[" * 2000 + "]" * 2000).encode(),
    "deep-mapping": VALID_RECORD.encode() + ("  note:" + "".join(f"\n{'  ' * (i + 2)}k{i}:" for i in range(200))
                                             + " x\n").encode(),
    "escaped-nul": VALID_RECORD.replace("A fuzzed article", '"a\\0b"').encode(),
    "empty": b"",
    "huge-line": VALID_RECORD.replace("A fuzzed article", "x" * 2_000_000).encode(),
}


@pytest.mark.parametrize("name", sorted(CLI_CASES))
def test_cli_refuses_or_builds_without_traceback(tmp_path, name):
    root = make_project(tmp_path / "project")
    (root / "sources" / "gazetteer.yaml").write_text(yaml.safe_dump(GAZETTEER))
    (root / "sources" / RECORD).write_bytes(CLI_CASES[name])
    (root / "sources" / ARTICLE).write_text(BASE_TEXT)
    run = subprocess.run([sys.executable, "-m", "graph", "build", "--root", str(root), "--out", str(root / "out")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "PWNED").exists() and not (root / "PWNED").exists()
    if run.returncode == 0:
        counts = strict_counts(root / "out")
        assert counts["graph.nt"] == counts["graph.ttl"] > 0
        return
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith(f"kg: error: {root / 'sources'}/") for line in lines), lines
    assert any(RECORD in line for line in lines), lines
    assert "internal error" not in run.stderr


def test_alias_bomb_is_refused_before_it_expands(tmp_path):
    """Nine levels of nine aliases would expand to 387 million strings; refused at the first alias, in one line."""
    root = make_project(tmp_path / "project")
    (root / "sources" / "gazetteer.yaml").write_text(yaml.safe_dump(GAZETTEER))
    (root / "sources" / RECORD).write_text(alias_bomb() + VALID_RECORD)
    (root / "sources" / ARTICLE).write_text(BASE_TEXT)
    start = time.perf_counter()
    with pytest.raises(GraphError) as caught:
        build(Paths(root), root / "out")
    elapsed = time.perf_counter() - start
    assert re.search(rf"{RECORD}:\d+: (YAML anchors and aliases are not allowed|unknown top-level key)", str(caught.value))
    assert not (root / "out").exists()
    print(f"alias bomb refused in {elapsed * 1000:.0f} ms")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1e"])
def test_line_separators_in_a_quote_keep_every_output_parseable(tmp_path, char):
    """Found by the fuzzer: N-Triples/N-Quads/TriG were split at U+2028, \\x0c… (str.splitlines), cutting statements."""
    root = make_project(tmp_path / "project")
    text = f"Banten{char}is a province"
    check_case(root, yaml.safe_dump(GAZETTEER).encode(),
               yaml.safe_dump({"source": {"title": "t", "publisher": "fuzz-news", "url": "https://example.org/f",
                                          "language": "en", "published": "2025-09"},
                               "facts": [{"about": "banten", "quote": text}]}).encode(),
               (BASE_TEXT + "\n" + text + "\n").encode())
    assert (root / "out" / "graph.nq").exists()


def test_store_staging_folder_left_by_a_failed_build_does_not_break_the_next(tmp_path):
    """Found by the fuzzer: a leftover out/.store-*.tmp folder made every later build crash (IsADirectoryError)."""
    root = make_project(tmp_path / "project")
    (root / "sources" / "gazetteer.yaml").write_text(yaml.safe_dump(GAZETTEER))
    (root / "sources" / RECORD).write_text(VALID_RECORD)
    (root / "sources" / ARTICLE).write_text(BASE_TEXT)
    stale = root / "out" / ".store-0123456789abcdef.tmp"
    stale.mkdir(parents=True)
    (stale / "CURRENT").write_text("half a store")
    build(Paths(root), root / "out")
    assert not stale.exists()
    assert strict_counts(root / "out")["graph.nq"] > 0

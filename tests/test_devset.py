"""The gold sets are valid gold: the project's own checks pass on them.

The sets are checked alike: the development set (bench/devset/, used while tuning the extractor), the held-out set
(bench/heldout/), the second (bench/heldout2/), the third (bench/heldout3/), the fourth (bench/heldout4/), the fifth
(bench/heldout5/), the sixth (bench/heldout6/), the seventh (bench/heldout7/), the eighth (bench/heldout8/), the
ninth (bench/heldout9/), the tenth (bench/heldout10/), the eleventh (bench/heldout11/), the twelfth
(bench/heldout12/), the thirteenth (bench/heldout13/), the fourteenth (bench/heldout14/), the fifteenth
(bench/heldout15/), the sixteenth (bench/heldout16/), the seventeenth (bench/heldout17/) and the eighteenth
(bench/heldout18/, for the final measurement once bench/heldout17/ is used for tuning too); no two of them share an
article, a url, a fact id, an outlet or an invented name. Every gold record parses as a record does (names against
the ontology, the pending names of bench/devset_gold.py written as their stand-ins), every quote is in its article,
every id it names is declared (base regions, the shipped gazetteer, the set's gazetteer, or a fact of the set), a
fact id shared across articles has one class, and no two articles are the same text.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from graph.ontology import load_vocabulary
from graph.sources import GAZETTEER_FILE, check_project

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gold = _load("devset_gold")


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary(ROOT / "ontology.ttl")


# folder, and the least each set holds: articles, Indonesian ones, English ones, events or agreements reported
# by two or more outlets, and of those, reported in both languages
SETS = {"devset": (gold.DEVSET, 25, 12, 8, 5, 3), "heldout": (gold.HELDOUT, 10, 6, 4, 2, 1),
        "heldout2": (gold.HELDOUT2, 10, 6, 4, 2, 1), "heldout3": (gold.HELDOUT3, 10, 6, 4, 2, 1),
        "heldout4": (gold.HELDOUT4, 10, 6, 4, 2, 1), "heldout5": (gold.HELDOUT5, 10, 6, 4, 2, 1),
        "heldout6": (gold.HELDOUT6, 10, 6, 4, 2, 1), "heldout7": (gold.HELDOUT7, 10, 6, 4, 2, 1),
        "heldout8": (gold.HELDOUT8, 10, 6, 4, 2, 1), "heldout9": (gold.HELDOUT9, 10, 6, 4, 2, 1),
        "heldout10": (gold.HELDOUT10, 10, 6, 4, 2, 1), "heldout11": (gold.HELDOUT11, 10, 6, 4, 2, 1),
        "heldout12": (gold.HELDOUT12, 10, 6, 4, 2, 1), "heldout13": (gold.HELDOUT13, 10, 6, 4, 2, 1),
        "heldout14": (gold.HELDOUT14, 10, 6, 4, 2, 1), "heldout15": (gold.HELDOUT15, 10, 6, 4, 2, 1),
        "heldout16": (gold.HELDOUT16, 10, 6, 4, 2, 1), "heldout17": (gold.HELDOUT17, 10, 6, 4, 2, 1),
        "heldout18": (gold.HELDOUT18, 10, 6, 4, 2, 1)}


@pytest.fixture(scope="module", params=sorted(SETS))
def gold_set(request):
    return request.param


@pytest.fixture(scope="module")
def articles(gold_set):
    return gold.articles(SETS[gold_set][0])


@pytest.fixture(scope="module")
def devset_articles():
    return gold.articles(gold.DEVSET)


def test_enough_articles_in_both_languages(articles, gold_set):
    _, least, least_id, least_en, *_ = SETS[gold_set]
    languages = [article.record["source"]["language"] for article in articles]
    assert len(articles) >= least
    assert languages.count("id") >= least_id and languages.count("en") >= least_en


def test_every_gold_quote_is_in_its_article(articles, vocab):
    missing = []
    for article in articles:
        source = gold.parse_gold_record(article, vocab)
        missing += [f"{article.record_path.name}:{line}: {quote[:60]!r}" for line, quote in
                    gold.missing_quotes(source)]
    assert missing == []


def test_gold_records_pass_the_project_checks(articles, vocab, gold_set):
    """Ids declared once with one class, every reference declared (check_project on the whole set; a fact
    shared across articles is declared by each, with one class), and the shapes of shapes.ttl hold for
    every entity and fact of each record, as a build checks them."""
    gazetteers, records = gold.compile_set(vocab, articles, ROOT / "sources" / GAZETTEER_FILE, SETS[gold_set][0])
    check_project(vocab, gazetteers + records)
    assert gold.shape_violations(gazetteers, records, vocab, ROOT / "shapes.ttl") == []


def test_no_two_articles_alike(articles):
    texts = [" ".join(article.text_path.read_text(encoding="utf-8").split()).casefold() for article in articles]
    assert len(set(texts)) == len(texts)
    urls = [article.record["source"]["url"] for article in articles]
    assert len(set(urls)) == len(urls)


def test_cross_outlet_groups(articles, gold_set):
    """Enough events or agreements are reported by two or three outlets, some in both languages."""
    *_, least_groups, least_bilingual = SETS[gold_set]
    outlets: dict[str, set[str]] = {}
    languages: dict[str, set[str]] = {}
    for article in articles:
        for fact in article.record["facts"]:
            if "id" in fact:
                outlets.setdefault(fact["id"], set()).add(article.record["source"]["publisher"])
                languages.setdefault(fact["id"], set()).add(article.record["source"]["language"])
    shared = [fact_id for fact_id, publishers in outlets.items() if len(publishers) >= 2]
    assert len(shared) >= least_groups
    assert sum(1 for fact_id in shared if languages[fact_id] == {"id", "en"}) >= least_bilingual


@pytest.mark.parametrize("held_out, other", [("heldout", "devset"), ("heldout2", "devset"), ("heldout2", "heldout"),
                                              ("heldout3", "devset"), ("heldout3", "heldout"),
                                              ("heldout3", "heldout2"), ("heldout4", "devset"),
                                              ("heldout4", "heldout"), ("heldout4", "heldout2"),
                                              ("heldout4", "heldout3"), ("heldout5", "devset"),
                                              ("heldout5", "heldout"), ("heldout5", "heldout2"),
                                              ("heldout5", "heldout3"), ("heldout5", "heldout4"),
                                              ("heldout6", "devset"), ("heldout6", "heldout"),
                                              ("heldout6", "heldout2"), ("heldout6", "heldout3"),
                                              ("heldout6", "heldout4"), ("heldout6", "heldout5"),
                                              ("heldout7", "devset"), ("heldout7", "heldout"),
                                              ("heldout7", "heldout2"), ("heldout7", "heldout3"),
                                              ("heldout7", "heldout4"), ("heldout7", "heldout5"),
                                              ("heldout7", "heldout6"), ("heldout8", "devset"),
                                              ("heldout8", "heldout"), ("heldout8", "heldout2"),
                                              ("heldout8", "heldout3"), ("heldout8", "heldout4"),
                                              ("heldout8", "heldout5"), ("heldout8", "heldout6"),
                                              ("heldout8", "heldout7"), ("heldout9", "devset"),
                                              ("heldout9", "heldout"), ("heldout9", "heldout2"),
                                              ("heldout9", "heldout3"), ("heldout9", "heldout4"),
                                              ("heldout9", "heldout5"), ("heldout9", "heldout6"),
                                              ("heldout9", "heldout7"), ("heldout9", "heldout8"),
                                              ("heldout10", "devset"), ("heldout10", "heldout"),
                                              ("heldout10", "heldout2"), ("heldout10", "heldout3"),
                                              ("heldout10", "heldout4"), ("heldout10", "heldout5"),
                                              ("heldout10", "heldout6"), ("heldout10", "heldout7"),
                                              ("heldout10", "heldout8"), ("heldout10", "heldout9"),
                                              ("heldout11", "devset"), ("heldout11", "heldout"),
                                              ("heldout11", "heldout2"), ("heldout11", "heldout3"),
                                              ("heldout11", "heldout4"), ("heldout11", "heldout5"),
                                              ("heldout11", "heldout6"), ("heldout11", "heldout7"),
                                              ("heldout11", "heldout8"), ("heldout11", "heldout9"),
                                              ("heldout11", "heldout10"), ("heldout12", "devset"),
                                              ("heldout12", "heldout"), ("heldout12", "heldout2"),
                                              ("heldout12", "heldout3"), ("heldout12", "heldout4"),
                                              ("heldout12", "heldout5"), ("heldout12", "heldout6"),
                                              ("heldout12", "heldout7"), ("heldout12", "heldout8"),
                                              ("heldout12", "heldout9"), ("heldout12", "heldout10"),
                                              ("heldout12", "heldout11"), ("heldout13", "devset"),
                                              ("heldout13", "heldout"), ("heldout13", "heldout2"),
                                              ("heldout13", "heldout3"), ("heldout13", "heldout4"),
                                              ("heldout13", "heldout5"), ("heldout13", "heldout6"),
                                              ("heldout13", "heldout7"), ("heldout13", "heldout8"),
                                              ("heldout13", "heldout9"), ("heldout13", "heldout10"),
                                              ("heldout13", "heldout11"), ("heldout13", "heldout12"),
                                              ("heldout14", "devset"), ("heldout14", "heldout"),
                                              ("heldout14", "heldout2"), ("heldout14", "heldout3"),
                                              ("heldout14", "heldout4"), ("heldout14", "heldout5"),
                                              ("heldout14", "heldout6"), ("heldout14", "heldout7"),
                                              ("heldout14", "heldout8"), ("heldout14", "heldout9"),
                                              ("heldout14", "heldout10"), ("heldout14", "heldout11"),
                                              ("heldout14", "heldout12"), ("heldout14", "heldout13"),
                                              ("heldout15", "devset"), ("heldout15", "heldout"),
                                              ("heldout15", "heldout2"), ("heldout15", "heldout3"),
                                              ("heldout15", "heldout4"), ("heldout15", "heldout5"),
                                              ("heldout15", "heldout6"), ("heldout15", "heldout7"),
                                              ("heldout15", "heldout8"), ("heldout15", "heldout9"),
                                              ("heldout15", "heldout10"), ("heldout15", "heldout11"),
                                              ("heldout15", "heldout12"), ("heldout15", "heldout13"),
                                              ("heldout15", "heldout14"),
                                              ("heldout16", "devset"), ("heldout16", "heldout"),
                                              ("heldout16", "heldout2"), ("heldout16", "heldout3"),
                                              ("heldout16", "heldout4"), ("heldout16", "heldout5"),
                                              ("heldout16", "heldout6"), ("heldout16", "heldout7"),
                                              ("heldout16", "heldout8"), ("heldout16", "heldout9"),
                                              ("heldout16", "heldout10"), ("heldout16", "heldout11"),
                                              ("heldout16", "heldout12"), ("heldout16", "heldout13"),
                                              ("heldout16", "heldout14"), ("heldout16", "heldout15"),
                                              ("heldout17", "devset"), ("heldout17", "heldout"),
                                              ("heldout17", "heldout2"), ("heldout17", "heldout3"),
                                              ("heldout17", "heldout4"), ("heldout17", "heldout5"),
                                              ("heldout17", "heldout6"), ("heldout17", "heldout7"),
                                              ("heldout17", "heldout8"), ("heldout17", "heldout9"),
                                              ("heldout17", "heldout10"), ("heldout17", "heldout11"),
                                              ("heldout17", "heldout12"), ("heldout17", "heldout13"),
                                              ("heldout17", "heldout14"), ("heldout17", "heldout15"),
                                              ("heldout17", "heldout16"),
                                              ("heldout18", "devset"), ("heldout18", "heldout"),
                                              ("heldout18", "heldout2"), ("heldout18", "heldout3"),
                                              ("heldout18", "heldout4"), ("heldout18", "heldout5"),
                                              ("heldout18", "heldout6"), ("heldout18", "heldout7"),
                                              ("heldout18", "heldout8"), ("heldout18", "heldout9"),
                                              ("heldout18", "heldout10"), ("heldout18", "heldout11"),
                                              ("heldout18", "heldout12"), ("heldout18", "heldout13"),
                                              ("heldout18", "heldout14"), ("heldout18", "heldout15"),
                                              ("heldout18", "heldout16"), ("heldout18", "heldout17")])
def test_a_held_out_set_shares_nothing_with_an_earlier_set(held_out, other):
    """No article, url, outlet, fact id or invented entity (by id or by name) of a held-out set is an earlier
    set's."""
    def texts(articles):
        return {" ".join(a.text_path.read_text(encoding="utf-8").split()).casefold() for a in articles}

    def sources(articles, key):
        return {a.record["source"][key] for a in articles}

    def fact_ids(articles):
        return {f["id"] for a in articles for f in a.record["facts"] if "id" in f}

    def names(entities):
        return {str(n).casefold() for e in entities for n in
                (list(e["label"].values()) if isinstance(e["label"], dict) else [e["label"]])}

    new, old = gold.articles(SETS[held_out][0]), gold.articles(SETS[other][0])
    assert not texts(new) & texts(old)
    assert not sources(new, "url") & sources(old, "url")
    assert not sources(new, "publisher") & sources(old, "publisher")
    assert not fact_ids(new) & fact_ids(old)
    new_entities, old_entities = gold.gold_entities(SETS[held_out][0]), gold.gold_entities(SETS[other][0])
    assert not {e["id"] for e in new_entities} & {e["id"] for e in old_entities}
    assert not names(new_entities) & names(old_entities)


def test_pending_names_are_still_checked(vocab):
    """A stand-in is used only for a name the ontology lacks; an unknown name is still an error."""
    text = "  - type: Consulate\n    role: consul-general\n    acting: true\n    rol: mayor\n"
    out = gold.checkable(text, vocab).split("\n")
    assert len(out) == 5 and out[3] == "    rol: mayor"  # same lines; a misspelt key untouched
    assert ("Consulate" in out[0]) == (vocab.class_iri("Consulate") is not None)
    assert ("acting" in vocab.properties) == (not out[2].lstrip().startswith("#"))


def _gold_as_drafts(articles):
    return [{"article": a, "status": "added", "record": {"facts": a.record["facts"]}, "proposed": {}}
            for a in articles]


def test_the_score_of_the_gold_itself_is_perfect(articles):
    """bench/eval_devset.py scores drafts equal to the gold at 1.0 in every kind, every duplicate linked."""
    score = _load("eval_devset")
    result = score.evaluate(_gold_as_drafts(articles), {}, {}, {})
    for kind, total in result["totals"].items():
        assert total["tp"] == total["drafted"] == total["gold"], kind
    assert result["merges"] == []
    assert result["links"] and all(ok for *_, ok in result["links"])


def test_the_score_sees_a_wrong_date_a_split_event_and_a_merged_person(devset_articles):
    score = _load("eval_devset")
    runs = _gold_as_drafts(devset_articles)
    first, second = runs[0], runs[1]  # one visit by two outlets
    visit = dict(first["record"]["facts"][0], date="2025-05-13", id="visit-medan")
    post = dict(first["record"]["facts"][1], heldBy="budi-rustandi")
    first["record"] = {"facts": [visit, post, *first["record"]["facts"][2:]]}
    result = score.evaluate(runs, {}, {}, {})
    dates = result["totals"]["dates"]
    assert dates["tp"] == dates["gold"] - 1 and dates["drafted"] == dates["gold"]
    links = {gold_id: ok for gold_id, _, ok in result["links"]}
    assert links[second["record"]["facts"][0]["id"]] is False
    assert ("rizky-harahap", "budi-rustandi") in result["merges"]


def test_the_score_reads_proposals_by_name_and_sees_a_first_name_merge(devset_articles):
    """A proposal with the right name and type counts as the gold entity, under whatever id it was
    proposed; a known person the gold does not name, sharing a gold person's first name, is a merge."""
    score = _load("eval_devset")
    gold_names = {e["id"]: (score._names(e), e["type"]) for e in gold.gold_entities()}
    runs = _gold_as_drafts(devset_articles)
    medan = runs[0]
    facts = [dict(f, heldBy="walikota-1") if f.get("heldBy") == "rizky-harahap" else f
             for f in medan["record"]["facts"]]
    facts[0] = dict(facts[0], participant=["walikota-1" if p == "rizky-harahap" else p
                                           for p in facts[0]["participant"]])
    medan["proposed"] = {"entities": [{"id": "walikota-1", "type": "Person", "label": "Rizky  HARAHAP"}],
                         "facts": facts}
    medan["record"] = {"facts": []}
    padang = next(run for run in runs if run["article"].name.startswith("15_"))
    visit = dict(padang["record"]["facts"][0], participant=["fahmi-hakim", "zhou-ming", "budi-hartono"])
    padang["record"] = {"facts": [visit, *padang["record"]["facts"][1:]]}
    known = {"fahmi-hakim": ({"fahmi hakim", "fahmi"}, "Person")}
    result = score.evaluate(runs, gold_names, {}, known)
    assert result["totals"]["posts"]["tp"] == result["totals"]["posts"]["gold"]
    assert result["totals"]["entities"]["tp"] == result["totals"]["entities"]["gold"]
    assert result["merges"] == [("fahmi-rahman", "fahmi-hakim")]


def test_the_score_takes_a_set_by_folder(tmp_path, capsys):
    """--set names the set; a folder that is not one is refused with a one-line usage error (exit 2)."""
    score = _load("eval_devset")
    assert score.set_name(gold.HELDOUT) == "Held-out set"
    assert score.set_name(gold.HELDOUT4) == "Fourth held-out set"
    assert score.set_name(gold.HELDOUT5) == "Fifth held-out set"
    assert score.set_name(gold.HELDOUT6) == "Sixth held-out set"
    assert score.set_name(gold.HELDOUT7) == "Seventh held-out set"
    assert score.set_name(gold.DEVSET) == "Development set"
    with pytest.raises(SystemExit) as refused:
        score.main(["--set", str(tmp_path)])
    assert refused.value.code == 2
    assert f"{tmp_path}: not a gold set (no gazetteer.yaml)" in capsys.readouterr().err

"""New names become draft entities: an article from an unknown outlet, added with no gazetteer edit, is in the graph
at once, marked as a draft; kg review accepts, renames, merges or drops the entities; records are edited in place."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from rdflib import Literal, URIRef

from graph.drafts import settle
from graph.iris import ID, KG, OA
from graph.network import read_network
from graph.pipeline import Paths, build
from tests.conftest import built_graph
from tests.helpers import refused_review

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
NEW = {"warta-pulau": "NewsPublisher", "made-sutarja": "Person", "lin-haoran": "Person", "fbbf": "Organisation"}


@pytest.fixture
def added(project, kg):
    """The Bali–Fujian page, from an outlet the gazetteer does not know, added with nothing but its file."""
    before = set((project / "sources").glob("*.yaml"))
    result = kg("add", FIXTURES / "bali-fujian.id.html", "--root", project)
    assert result.exit_code == 0, result.output
    record, = set((project / "sources").glob("*.yaml")) - before
    return project, record


def doc(record):
    return yaml.safe_load(record.read_text(encoding="utf-8"))


def test_new_outlet_people_and_organisation_are_draft_entities_of_the_record(added, kg):
    project, record = added
    entities = {e["id"]: e for e in doc(record)["entities"]}
    assert {k: e["type"] for k, e in entities.items()} == NEW
    assert doc(record)["source"]["publisher"] == "warta-pulau"
    assert entities["warta-pulau"]["label"] == "Warta Pulau"  # the page's og:site_name
    assert all(e["reviewed"] is False and e["extractor"].startswith("kg-extract") and e["quote"]
               for e in entities.values())
    facts = doc(record)["facts"]
    # the facts that need the new names are drafts like any other, and the places resolve to the gazetteer
    posts = {(f["heldBy"], f["role"], f["postIn"]) for f in facts if f.get("type") == "Post"}
    assert posts == {("made-sutarja", "governor", "bali"), ("lin-haoran", "vice-governor", "fujian")}
    visit = next(f for f in facts if f.get("type") == "DelegationVisit")
    assert (visit["host"], visit["guest"], visit["ledBy"]) == ("bali", "fujian", "lin-haoran")
    assert not (project / "sources" / "proposed").exists()
    gazetteer = (project / "sources" / "gazetteer.yaml").read_text(encoding="utf-8")
    assert "warta-pulau" not in gazetteer and "Lin Haoran" not in gazetteer


def test_draft_entities_are_in_the_graph_marked_and_gone_with_reviewed_only(added, tmp_path):
    project, record = added
    build(Paths(project), tmp_path / "all")
    build(Paths(project), tmp_path / "reviewed", reviewed_only=True)
    everything, reviewed = built_graph(tmp_path / "all"), built_graph(tmp_path / "reviewed")
    text = record.with_suffix(".txt").read_text(encoding="utf-8")
    for entity, cls in NEW.items():
        node = ID[entity]
        assert (node, None, KG[cls]) in everything
        evidence, = everything.objects(node, KG.evidence)
        assert everything.value(evidence, KG.reviewed) == Literal(False)
        selectors = list(everything.objects(everything.value(evidence, OA.hasTarget), OA.hasSelector))
        exact = next(everything.value(s, OA.exact) for s in selectors if everything.value(s, OA.exact))
        start = next(int(everything.value(s, OA.start)) for s in selectors if everything.value(s, OA.start))
        assert text[start:start + len(exact)] == str(exact)  # the evidence points into the stored text
        assert not list(reviewed.triples((node, None, None))) and not list(reviewed.triples((None, None, node)))
    source = URIRef(f"https://w3id.org/id-cn-ties/source/{record.stem}")
    assert (source, None, None) in everything
    assert not list(reviewed.triples((source, None, None)))  # its publisher is a draft: the article waits
    # the page draws them dashed: the node flag it uses for drafted facts
    network = read_network(tmp_path / "all", "en")
    drawn = [e for e in NEW if str(ID[e]) in network.kinds]
    assert drawn and all(network.node(str(ID[e]))["reviewed"] is False for e in drawn)
    assert network.node(str(ID["bali"]))["reviewed"] is True


def test_accept_rename_merge_and_drop_entities(added, kg, tmp_path):
    project, record = added
    listing = kg("review", record.stem, "--root", project)
    assert listing.exit_code == 0, listing.output
    lines = listing.output.splitlines()
    # the LoI, its signing (the two sides that signed are the two who met), the visit and two posts
    assert lines[0].endswith("5 drafts to review and 4 draft entities")
    assert lines[1] == " e1. new NewsPublisher warta-pulau “Warta Pulau”, the article's publisher  “Warta Pulau”"
    assert lines[3].startswith(" e3. new Person lin-haoran “Lin Haoran”, named by 1, 2, 4, 5  “Lin Haoran”")
    # e1 the outlet accepted; e3 renamed; e4 (Made Sutarja) is a person the curator knows; e2 dropped
    with open(project / "sources" / "gazetteer.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - id: i-made-sutarja\n    type: Person\n    label: I Made Sutarja\n")
    result = kg("review", record.stem, "--root", project, "--accept", "e1", "--rename", "e3 Lin Hao Ran",
                "--merge", "e4 i-made-sutarja", "--drop", "e2")
    assert result.exit_code == 0, result.output
    assert "Accepted: e1\nRenamed: e3\nMerged: e4\nDropped: e2\n" in result.output
    entities = {e["id"]: e for e in doc(record)["entities"]}
    assert set(entities) == {"warta-pulau", "lin-hao-ran"}
    assert entities["warta-pulau"]["reviewed"] is True
    assert entities["lin-hao-ran"]["label"] == "Lin Hao Ran" and entities["lin-hao-ran"]["alias"] == ["Lin Haoran"]
    facts = doc(record)["facts"]
    named = yaml.safe_dump(facts)
    assert "lin-haoran" not in named and "made-sutarja:" not in named and "fbbf" not in named
    assert {(f["heldBy"], f["postIn"]) for f in facts if f.get("type") == "Post"} == {
        ("i-made-sutarja", "bali"), ("lin-hao-ran", "fujian")}
    # the drafted visit named fbbf: dropping the organisation took the draft along; the provinces' LoI stays
    assert not any(f.get("type") == "DelegationVisit" for f in facts)
    assert [sorted(f["party"]) for f in facts if f.get("type") == "LetterOfIntent"] == [["bali", "fujian"]]
    assert kg("build", "--root", project, "--out", tmp_path / "out").exit_code == 0
    # accepted everywhere, the article and the person are in a --reviewed-only build
    assert kg("review", record.stem, "--root", project, "--accept", "all").exit_code == 0
    build(Paths(project), tmp_path / "reviewed", reviewed_only=True)
    reviewed = built_graph(tmp_path / "reviewed")
    assert (ID["lin-hao-ran"], None, KG.Person) in reviewed
    assert (ID["warta-pulau"], None, KG.NewsPublisher) in reviewed


@pytest.mark.parametrize("args, message", [
    (("--drop", "e1"), "the draft entity 'warta-pulau' is the article's publisher"),
    (("--merge", "e2 no-such-entity"), "'no-such-entity' is not declared in the gazetteer or any record"),
    (("--merge", "2 bali"), "write it as 'eN known-id'"),
    (("--rename", "e3 Bali"), "the id 'bali' is taken; if it is the same Person, --merge it into 'bali'"),
    (("--accept", "e9"), "--accept 'e9': there are 5 drafts, numbered 1 to 5 and 4 draft entities, e1 to e4"),
    (("--rename", "e3 Made Sutarja"), "the id 'made-sutarja' is taken; if it is the same Person, --merge it"),
])
def test_bad_entity_review_changes_nothing(added, kg, args, message):
    project, record = added
    refused_review(kg, project, record, args, message)


def test_same_new_name_in_two_records_is_one_entity(project, kg, tmp_path):
    text = ("[test text, not news]\nWali Kota Serang Budi Rustandi menerima Wakil Wali Kota Hangzhou Chen Contoh "
            "di Kota Serang, Senin (3/3/2025).\nMereka membahas kerja sama pariwisata.\n")
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("Mereka", "Keduanya"), encoding="utf-8")
    for path, url in ((first, "https://a.example/1"), (second, "https://b.example/2")):
        result = kg("add", path, "--root", project, "--url", url, "--published", "2025-03-04")
        assert result.exit_code == 0, result.output
    records = sorted((project / "sources").glob("00[56]_*.yaml"))
    people = [{e["id"] for e in doc(r)["entities"] if e["type"] == "Person"} for r in records]
    assert people == [{"chen-contoh"}, {"chen-contoh"}]
    # the outlets are named by their hosts, which differ: two outlets
    assert [doc(r)["source"]["publisher"] for r in records] == ["a-example", "b-example"]
    assert kg("build", "--root", project, "--out", tmp_path / "out").exit_code == 0
    graph = built_graph(tmp_path / "out")
    assert len(list(graph.objects(ID["chen-contoh"], KG.evidence))) == 2  # one entity, a quote from each


def test_ids_are_shared_only_for_the_same_class_and_name():
    declared = {"li-wei": ("Person", "Li Wei"), "bali": ("Province", None), "visit-x": ("DelegationVisit", None)}
    entries = [{"id": "li-wei", "type": "Person", "label": "Li Wei"},
               {"id": "bali", "type": "Province", "label": "Bali"},
               {"id": "visit-x", "type": "DelegationVisit", "label": "Visit"}]
    settled, renames = settle(entries, declared, {})
    assert [e["id"] for e in settled] == ["li-wei", "bali-2", "visit-x-2"]
    settled, renames = settle([{"id": "li-wei", "type": "Person", "label": "LI WEI"},
                               {"id": "li-wei", "type": "Organisation", "label": "Li Wei"}], declared, {})
    assert [e["id"] for e in settled] == ["li-wei-2", "li-wei-3"] and renames == {"li-wei": "li-wei-3"}
    # what the record itself keeps is not declared twice
    assert settle([{"id": "li-wei", "type": "Person", "label": "Li Wei"}], {}, {"li-wei": ("Person", "Li Wei")}) \
        == ([], {})


HAND_WRITTEN = """\
# A record written by hand, with a machine draft among the curator's facts.
source:
  title: "Serang dan Binzhou: kerja sama"   # the curator's headline
  publisher: antara
  url: https://example.org/serang
  language: id
  published: 2025-06-13

facts:
  # the curator's own fact
  - about: binzhou
    locatedIn: shandong
    quote: 'Binzhou, Shandong'

  - type: Post        # drafted
    heldBy: budi-rustandi
    role: mayor
    postIn: kota-serang
    quote: Wali Kota Serang Budi Rustandi
    reviewed: false
    extractor: kg-extract 0.1
  - id: loi-serang-binzhou-hand
    type: LetterOfIntent
    label: {id: LoI Serang–Binzhou, en: Serang–Binzhou LoI}
    party: [kota-serang,
            binzhou]
    quote: >-
      Wali Kota Serang Budi Rustandi dan Binzhou
      menandatangani surat minat
"""


def test_review_changes_exactly_the_lines_of_the_draft(project, kg):
    sources = project / "sources"
    (sources / "009_hand.txt").write_text(
        "Wali Kota Serang Budi Rustandi dan Binzhou menandatangani surat minat di Binzhou, Shandong.\n",
        encoding="utf-8")
    record = sources / "009_hand.yaml"
    record.write_text(HAND_WRITTEN, encoding="utf-8")
    result = kg("review", "009", "--root", project, "--accept", "1")
    assert result.exit_code == 0, result.output
    after = record.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(HAND_WRITTEN.splitlines(), after.splitlines(), lineterm="",
                                                     n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-    reviewed: false", "+    reviewed: true"]
    assert kg("build", "--root", project, "--out", project / "out").exit_code == 0


def test_text_files_first_line_is_the_title_not_the_body():
    from graph.add import read_article

    article = read_article(b"Bupati Contoh meets Mayor Example\nThe body says what happened.\n", "a.txt")
    assert article.meta["title"] == "Bupati Contoh meets Mayor Example"
    assert article.text.startswith("Bupati Contoh meets Mayor Example\n")  # kept: offsets are the stored text's
    assert article.body == " " * len("Bupati Contoh meets Mayor Example") + "\nThe body says what happened.\n"


def test_a_draft_entity_later_declared_in_the_gazetteer_is_merged_into_it(added, kg, tmp_path):
    project, record = added
    with open(project / "sources" / "gazetteer.yaml", "a", encoding="utf-8") as handle:
        handle.write("  - id: lin-haoran\n    type: Person\n    label: Lin Haoran\n")
    result = kg("build", "--root", project, "--out", tmp_path / "out")
    assert result.exit_code == 2
    number = record.stem.split("_")[0]
    assert "duplicate id 'lin-haoran': the gazetteer declares it" in result.output
    assert f"`kg review {number} --merge 'eN lin-haoran'`" in result.output
    result = kg("review", number, "--root", project, "--merge", "e3 lin-haoran")
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in doc(record)["entities"]] == ["warta-pulau", "fbbf", "made-sutarja"]
    assert any(f.get("heldBy") == "lin-haoran" for f in doc(record)["facts"])
    assert kg("build", "--root", project, "--out", tmp_path / "out").exit_code == 0


def test_close_names_the_extractor_offers_are_kept_and_shown(project):
    from graph.drafts import entities_of
    from graph.extract import Draft
    from graph.review import describe_entity

    draft = Draft(proposed=[{"id": "budi-rustandy", "type": "Person", "label": "Budi Rustandy", "alias": [],
                             "seen": "Budi Rustandy"}])
    draft.candidates = {"budi-rustandy": ["budi-rustandi"]}  # as graph.extract offers them
    entry, = entities_of(draft)
    assert entry["candidates"] == ["budi-rustandi"] and entry["reviewed"] is False
    lines = describe_entity(entry, [{"type": "Post", "heldBy": "budi-rustandy", "quote": "q"}],
                            {"budi-rustandi": "Budi Rustandi"})
    assert lines == ["new Person budi-rustandy “Budi Rustandy”, named by 1  “Budi Rustandy”",
                     "close to known: budi-rustandi (Budi Rustandi)"]
    # without candidates the line stands alone
    del draft.candidates
    entry, = entities_of(draft)
    assert "candidates" not in entry and len(describe_entity(entry, [], {})) == 1


def test_publisher_given_as_an_outlet_another_record_drafted(added, kg, tmp_path):
    project, _ = added
    page = tmp_path / "more.txt"
    page.write_text("[test text, not news]\nWarta Pulau: Gubernur Bali menerima tamu dari Fujian pada hari Senin, "
                    "dan mereka membahas kerja sama di bidang pariwisata dan pendidikan.\n", encoding="utf-8")
    result = kg("add", page, "--root", project, "--url", "https://wartapulau.example/2", "--publisher",
                "warta-pulau", "--published", "2025-08-20")
    assert result.exit_code == 0, result.output
    record, = (project / "sources").glob("006_*.yaml")
    outlet = doc(record)["entities"][0]
    assert (outlet["id"], outlet["label"], outlet["quote"], outlet["reviewed"]) == (
        "warta-pulau", "Warta Pulau", "Warta Pulau", False)
    assert kg("build", "--root", project, "--out", tmp_path / "out").exit_code == 0


@pytest.mark.parametrize("entry, message", [
    ("  - {about: bali, quote: Bali}", "an entry of `entities:` declares a new entity: it needs `id` and `type`"),
    ("  - {id: x, type: Person, label: X}", "every entity of `entities:` needs a `quote` from the article"),
    ("  - {id: x, type: Person, label: X, quote: Bali, candidates: Bali}", "`candidates` takes a list of ids"),
])
def test_bad_entities_are_refused_with_their_line(project, kg, entry, message):
    sources = project / "sources"
    (sources / "009_e.txt").write_text("Bali dan Fujian.\n", encoding="utf-8")
    (sources / "009_e.yaml").write_text(
        "source: {title: T, publisher: antara, url: 'https://example.org/e', language: id, published: 2025}\n"
        f"entities:\n{entry}\nfacts: []\n", encoding="utf-8")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2
    assert f"009_e.yaml:3: {message}" in result.output


def test_a_text_file_that_begins_with_its_lead_paragraph_keeps_it_as_body():
    from graph.add import read_article

    lead = b"MEDAN (Contoh) - The mayor met a delegation from Nanning on Monday, officials said.\nMore text.\n"
    article = read_article(lead, "a.txt")
    assert "title" not in article.meta and article.body == article.text

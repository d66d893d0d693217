"""A rebuild that reuses out/.cache/ gives exactly what a clean build gives.

Each test builds the shipped project into out/ (which fills the cache), changes
the sources the way a curator would, rebuilds into the same out/, and builds
the changed project again into an empty folder: every file must be
byte-identical and the store must hold exactly graph.nq.
"""
from __future__ import annotations

import os

import pyoxigraph as ox
import pytest

import graph.store
from graph.outputs import GRAPH_FILES
from graph.pipeline import Paths, build
from tests.helpers import record_yaml

RECORD_000 = "000_2a1c289181b610ec"
RECORD_001 = "001_e199924c3d84b130"

NEW_TEXT = """Catatan uji (test text, not news).
Wali Kota Serang Budi Rustandi menerima delegasi Kota Hangzhou di Serang pada 3 Maret 2026.
Kedua kota membahas pariwisata dan pendidikan.
"""
NEW_RECORD = record_yaml("Catatan uji kunjungan Hangzhou ke Serang", "https://contoh.example/uji", "2026-03-04", """\
  - id: visit-hangzhou-serang-2026-test
    type: DelegationVisit
    label: {id: Kunjungan uji Hangzhou ke Serang, en: Test visit of Hangzhou to Serang}
    host: kota-serang
    guest: hangzhou
    date: 2026-03-03
    sector: [tourism, education]
    quote:
      - Wali Kota Serang Budi Rustandi menerima delegasi Kota Hangzhou di Serang pada 3 Maret 2026.
      - Kedua kota membahas pariwisata dan pendidikan.
  - about: visit-binzhou-tangerang-2025-09
    sector: tourism
    quote: Kedua kota membahas pariwisata
""")


def outputs(out):
    """Every file a build wrote, by name (not the cache, the lock, the store or the graph it replaced)."""
    return {p.name: p.read_bytes() for p in out.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.name != "previous.nq"}


def store_quads(out):
    return set(ox.Store.read_only(str((out / "store").resolve())))


def store_files(out) -> int:
    return sum(1 for p in (out / "store").resolve().iterdir() if p.suffix == ".sst")


def assert_same_as_clean(project, out, tmp_path, name):
    result = build(Paths(project), out)
    clean = tmp_path / f"clean-{name}"
    expected = build(Paths(project), clean)
    mine, theirs = outputs(out), outputs(clean)
    assert mine.keys() == theirs.keys()
    for file in theirs:
        assert mine[file] == theirs[file], f"{file} differs from a clean build's after: {name}"
    assert store_quads(out) == store_quads(clean) == stated(clean)
    assert result.report == expected.report
    return result


def failure_as_in_a_clean_build(project, out, tmp_path) -> str:
    """The error of a rebuild into ``out``, which must be the error of a clean build of the same sources."""
    with pytest.raises(Exception) as failed:
        build(Paths(project), out)
    with pytest.raises(Exception) as clean:
        build(Paths(project), tmp_path / "clean")
    assert str(failed.value) == str(clean.value)
    return str(failed.value)


def every_source(project) -> int:
    """The sources a clean build compiles: the records, the gazetteer and the base regions (graph/data)."""
    return len(list((project / "sources").glob("*.yaml"))) + 1


@pytest.fixture
def built(project, tmp_path):
    out = tmp_path / "out"
    first = build(Paths(project), out)
    assert first.compiled == every_source(project)  # everything, the first time
    return out


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_compiles_nothing(project, built, tmp_path):
    result = assert_same_as_clean(project, built, tmp_path, "nothing")
    assert result.compiled == 0


def test_nothing_changed_leaves_the_graph_files_alone(project, built):
    def written(out):
        return {name: (stat.st_ino, stat.st_mtime_ns) for name in GRAPH_FILES for stat in [(out / name).stat()]}

    before = written(built)
    previous = (built / "previous.nq").stat() if (built / "previous.nq").exists() else None
    build(Paths(project), built)
    assert written(built) == before
    after = (built / "previous.nq").stat() if (built / "previous.nq").exists() else None
    assert (previous and previous.st_ino) == (after and after.st_ino)
    (built / "graph.ttl").write_bytes((built / "graph.ttl").read_bytes())  # the same bytes, written again
    build(Paths(project), built)
    assert written(built)["graph.ttl"] != before["graph.ttl"]


def test_a_text_in_a_subfolder_is_watched(project, built, tmp_path):
    sources = project / "sources"
    (sources / "texts").mkdir()
    (sources / "texts" / "900.txt").write_text(NEW_TEXT, encoding="utf-8")
    (sources / "900_test.yaml").write_text(
        NEW_RECORD.replace("  language: id\n", "  language: id\n  text: texts/900.txt\n", 1), encoding="utf-8")
    assert_same_as_clean(project, built, tmp_path, "a text in a subfolder")
    edit(sources / "texts" / "900.txt", "Catatan uji", "Catatan uji kedua")
    assert_same_as_clean(project, built, tmp_path, "a text in a subfolder edited")


def test_adding_a_source(project, built, tmp_path):
    (project / "sources" / "900_test.txt").write_text(NEW_TEXT, encoding="utf-8")
    (project / "sources" / "900_test.yaml").write_text(NEW_RECORD, encoding="utf-8")
    result = assert_same_as_clean(project, built, tmp_path, "add")
    assert result.compiled == 1
    assert b"visit-hangzhou-serang-2026-test" in (built / "graph.ttl").read_bytes()


def test_changing_a_source(project, built, tmp_path):
    edit(project / "sources" / f"{RECORD_001}.yaml", "    statedWeekday: tuesday\n", "    statedWeekday: monday\n")
    result = assert_same_as_clean(project, built, tmp_path, "change")
    assert result.compiled == 1
    assert not result.report["warnings"][1:]  # 001's own weekday now matches its date


def test_removing_a_source_that_shared_an_event(project, built, tmp_path):
    # 000 and 001 both report the Binzhou visit: after 001 goes, 000 alone states it
    (project / "sources" / f"{RECORD_001}.yaml").unlink()
    result = assert_same_as_clean(project, built, tmp_path, "remove")
    assert result.compiled == 0
    assert not result.report["conflicts"]


def test_changing_the_gazetteer_relabels_posts_elsewhere(project, built, tmp_path):
    # posts are named after their place: articles that borrowed the old label are rebuilt
    edit(project / "sources" / "gazetteer.yaml", "label: {id: Kota Binzhou, en: Binzhou}",
         "label: {id: Kota Binzhou, en: Binzhou City}")
    result = assert_same_as_clean(project, built, tmp_path, "gazetteer")
    assert 2 < result.compiled < every_source(project)  # the gazetteer, the regions under it, the posts
    assert "Deputy Mayor, Binzhou City".encode() in (built / "graph.ttl").read_bytes()


def test_changing_a_type_in_the_gazetteer_rechecks_other_sources(project, built, tmp_path):
    # Qu Yuekuan leads the Binzhou visit in 000 and 001; as an organisation he breaks their shapes
    edit(project / "sources" / "gazetteer.yaml", "  - id: qu-yuekuan\n    type: Person\n",
         "  - id: qu-yuekuan\n    type: LocalGovernment\n")
    assert "is led by someone who is not a person" in failure_as_in_a_clean_build(project, built, tmp_path)


def test_changing_the_ontology_rebuilds_everything(project, built, tmp_path):
    edit(project / "ontology.ttl", '"Letter of Intent"@en', '"Letter of intent"@en')
    result = assert_same_as_clean(project, built, tmp_path, "ontology")
    assert result.compiled == every_source(project)


def test_a_deleted_output_is_written_again_whole(project, built, tmp_path):
    (built / "graph.ttl").unlink()
    (built / "graph.nt").write_bytes(b"")
    assert_same_as_clean(project, built, tmp_path, "outputs damaged")


@pytest.mark.parametrize("damage", ["everything", "packs", "index"])
def test_a_damaged_cache_is_built_again(project, built, tmp_path, damage):
    for entry in (project / ".kg-cache").iterdir():
        if damage == "everything" or entry.name.startswith(damage[:4]):
            with open(entry, "r+b") as file:  # the same length, other bytes
                size = file.seek(0, 2)
                file.seek(0)
                file.write(bytes(size) if damage == "packs" else b"n" * size)
    (built / ".manifest").write_bytes(b"\x80\x05junk")
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    result = assert_same_as_clean(project, built, tmp_path, "damaged cache")
    assert result.compiled == every_source(project)


COUNCIL_TEXT = "Catatan uji (test text, not news). Dewan Uji Serang dibentuk di Kota Serang.\n"
COUNCIL_RECORD = """source:
  title: Catatan uji dewan
  publisher: bharata-online
  url: https://contoh.example/uji-dewan
  language: id
  published: 2026-03-04

facts:
  - id: dewan-uji-serang
    type: BusinessAssociation
    label: {id: Dewan Uji Serang, en: Serang Test Council}
    quote: Dewan Uji Serang dibentuk di Kota Serang.
"""
HEAD_TEXT = "Catatan uji (test text, not news). Budi Rustandi memimpin Dewan Uji Serang.\n"
HEAD_RECORD = """source:
  title: Catatan uji ketua dewan
  publisher: bharata-online
  url: https://contoh.example/uji-ketua
  language: id
  published: 2026-03-05

facts:
  - type: Post
    heldBy: budi-rustandi
    role: head
    postIn: dewan-uji-serang
    quote: Budi Rustandi memimpin Dewan Uji Serang.
"""


def stated(out):
    """graph.nq's statements, and graph.nt's (each statement once) in the default graph, as the store keeps them
    (Oxigraph stores xsd:nonNegativeInteger values as xsd:integer)."""
    def kept(quad):
        if isinstance(quad.object, ox.Literal) and quad.object.datatype.value.endswith("#nonNegativeInteger"):
            integer = ox.Literal(quad.object.value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
            return ox.Quad(quad.subject, quad.predicate, integer, quad.graph_name)
        return quad
    return ({kept(q) for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)}
            | {kept(q) for q in ox.parse(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)})  # default graph


def test_a_clean_build_loads_the_store_with_every_graph_once_relabelled(project, tmp_path):
    """A post named after an entity another article declares is compiled again once the label is known;
    the store, loaded while sources compile, must end up holding the relabelled graph."""
    sources = project / "sources"
    for stem, text, record in (("901_council", COUNCIL_TEXT, COUNCIL_RECORD), ("902_head", HEAD_TEXT, HEAD_RECORD)):
        (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
        (sources / f"{stem}.yaml").write_text(record, encoding="utf-8")
    out = tmp_path / "out"
    build(Paths(project), out)
    post = "<https://w3id.org/id-cn-ties/id/post-budi-rustandi-head-dewan-uji-serang>"
    labels = [line for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines()
              if line.startswith(f"{post} <http://www.w3.org/2000/01/rdf-schema#label>")]
    assert any("Serang Test Council" in line for line in labels), labels
    assert store_quads(out) == stated(out)


def test_a_store_loaded_in_parts_holds_every_statement_once(project, tmp_path, monkeypatch):
    """A clean build feeds its store to three loads (graph/store.py, LOAD_SPLITS), the first two
    working while sources still compile: together they hold graph.nq, as one load does."""
    monkeypatch.setattr(graph.store, "SPLIT_FROM", 10**9)
    build(Paths(project), tmp_path / "one")
    monkeypatch.setattr(graph.store, "SPLIT_FROM", 1)
    loads, new_load = [], graph.store.StoreUpdate._new_load
    monkeypatch.setattr(graph.store.StoreUpdate, "_new_load", lambda self: loads.append(new_load(self)))
    out = tmp_path / "out"
    build(Paths(project), out)
    assert len(loads) == len(graph.store.LOAD_SPLITS) + 1
    assert store_quads(out) == store_quads(tmp_path / "one") == stated(out)


def test_a_forked_worker_does_not_hold_a_load_open(tmp_path):
    """A load ends when every write end of its pipe is closed: a worker forked meanwhile must not keep one."""
    update = graph.store.StoreUpdate(tmp_path / "out", "")
    update.feed("a", b"<https://a.example/s> <https://a.example/p> <https://a.example/o> <https://a.example/g> .\n")
    fd = update._pipe.fileno()
    pid = os.fork()
    if pid == 0:  # the child: its copy of the write end must point elsewhere
        os._exit(0 if os.readlink(f"/proc/self/fd/{fd}") == os.devnull else 1)
    _, status = os.waitpid(pid, 0)
    assert os.readlink(f"/proc/self/fd/{fd}").startswith("pipe:")  # the parent's is the pipe still
    update.abort()
    assert os.waitstatus_to_exitcode(status) == 0


def test_the_graph_files_are_copied_ahead_only_when_something_changed(project, built, tmp_path, monkeypatch):
    """A new source shows in the folder's mtime: the copying of the old graph files (``_Prefetch``) starts
    before the scan; an edited one, once the scan finds it; with nothing changed it never starts."""
    import graph.outputs
    import graph.pipeline

    calls, start, jobs = [], graph.outputs.start_prefetches, graph.pipeline.plan_jobs

    def started(*args):
        copying = start(*args)
        calls.append("copy")
        return copying

    for module in (graph.outputs, graph.pipeline):
        monkeypatch.setattr(module, "start_prefetches", started)
    monkeypatch.setattr(graph.pipeline, "plan_jobs", lambda *a, **k: calls.append("scan") or jobs(*a, **k))
    build(Paths(project), built)
    assert calls == ["scan"]
    calls.clear()
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    assert_same_as_clean(project, built, tmp_path, "a source added")
    assert calls[:2] == ["copy", "scan"]
    calls.clear()
    edit(project / "sources" / f"{RECORD_001}.yaml", "title:", "title: Diedit,")
    assert_same_as_clean(project, built, tmp_path, "a source edited")
    assert calls[:2] == ["scan", "copy"]


# A rebuild of a few changed sources checks only what they touch (graph/index.py); anything that may
# be wrong sends it to the whole check, so its errors read as a clean build's.

def add_source(project, stem, text, record):
    (project / "sources" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (project / "sources" / f"{stem}.yaml").write_text(record, encoding="utf-8")


@pytest.mark.parametrize("change", ["add", "change", "remove", "nothing"])
def test_a_small_change_is_checked_alone_and_gives_a_clean_builds_files(project, built, tmp_path, change):
    if change == "add":
        add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    elif change == "change":
        edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    elif change == "remove":
        (project / "sources" / f"{RECORD_001}.yaml").unlink()
    result = assert_same_as_clean(project, built, tmp_path, change)
    assert not result.checked_all
    # and the build after it, from the manifest and index it wrote
    add_source(project, "901_council", COUNCIL_TEXT, COUNCIL_RECORD)
    result = assert_same_as_clean(project, built, tmp_path, f"{change} then council")
    assert not result.checked_all


def test_a_new_source_borrowing_another_articles_label_is_relabelled(project, built, tmp_path):
    add_source(project, "901_council", COUNCIL_TEXT, COUNCIL_RECORD)
    build(Paths(project), built)
    add_source(project, "902_head", HEAD_TEXT, HEAD_RECORD)
    result = assert_same_as_clean(project, built, tmp_path, "head")
    assert not result.checked_all and result.compiled == 1
    assert "Serang Test Council".encode() in (built / "graph.nt").read_bytes()
    assert store_quads(built) == stated(built)


def test_a_label_a_kept_source_borrowed_changes(project, built, tmp_path):
    add_source(project, "901_council", COUNCIL_TEXT, COUNCIL_RECORD)
    add_source(project, "902_head", HEAD_TEXT, HEAD_RECORD)
    build(Paths(project), built)
    edit(project / "sources" / "901_council.yaml", "en: Serang Test Council", "en: Serang Trial Council")
    result = assert_same_as_clean(project, built, tmp_path, "council renamed")
    assert result.checked_all  # 902 named its post with the old label
    assert "Serang Trial Council".encode() in (built / "graph.nt").read_bytes()


BROKEN = {
    "an id the gazetteer declares": lambda record: record.replace("id: visit-hangzhou-serang-2026-test",
                                                                  "id: kota-serang"),
    "about an unknown entity": lambda record: record.replace("about: visit-binzhou-tangerang-2025-09",
                                                             "about: visit-nowhere"),
    "a shape broken": lambda record: record.replace("    host: kota-serang\n", "    host: tourism\n"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_new_source_fails_as_in_a_clean_build(project, built, tmp_path, name):
    add_source(project, "900_test", NEW_TEXT, BROKEN[name](NEW_RECORD))
    before = outputs(built)
    failure_as_in_a_clean_build(project, built, tmp_path)
    assert outputs(built) == before


def test_removing_a_source_others_refer_to_fails_as_in_a_clean_build(project, built, tmp_path):
    add_source(project, "901_council", COUNCIL_TEXT, COUNCIL_RECORD)
    add_source(project, "902_head", HEAD_TEXT, HEAD_RECORD)
    build(Paths(project), built)
    (project / "sources" / "901_council.yaml").unlink()
    assert "dewan-uji-serang" in failure_as_in_a_clean_build(project, built, tmp_path)


def test_a_truncated_summary_file_means_a_whole_build(project, built, tmp_path):
    (summaries,) = built.glob(".summaries-*")
    summaries.write_bytes(summaries.read_bytes()[:100])
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    result = assert_same_as_clean(project, built, tmp_path, "summaries truncated")
    assert result.checked_all and result.compiled == 1  # the others come from the build cache


# A rebuild starts from a compacted copy of the store when the background process made one.

def test_a_rebuild_from_the_compacted_copy_equals_a_clean_build(project, built, tmp_path):
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    build(Paths(project), built)
    current = (built / "store").resolve().name
    assert graph.store.compact_for_next_build(built)
    copy = built / f"{graph.store.COMPACTED}{current}"
    assert set(ox.Store.read_only(str(copy))) == store_quads(built)
    assert not graph.store.compact_for_next_build(built)  # made already
    edit(project / "sources" / f"{RECORD_001}.yaml", "    statedWeekday: tuesday\n", "    statedWeekday: monday\n")
    assert_same_as_clean(project, built, tmp_path, "change after compaction")
    assert not copy.exists()  # the rebuild started from it
    assert (built / "store").resolve().name != current


def test_a_compacted_copy_of_a_store_no_longer_current_is_removed(project, built, tmp_path):
    assert graph.store.compact_for_next_build(built)
    in_progress = built / f"{graph.store.COMPACTED}store-0123456789abcdef.{os.getpid()}"  # a compaction still running
    in_progress.mkdir()
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    build(Paths(project), built)
    assert sorted(p.name for p in built.glob(f"{graph.store.COMPACTED}*")) == [in_progress.name]


def test_a_build_compacts_a_store_grown_from_many_rebuilds_itself(project, built, tmp_path, monkeypatch):
    """With no background compaction (kg build --no-warm each time), the rebuild past FRAGMENTED files compacts."""
    edit(project / "sources" / f"{RECORD_001}.yaml", "    statedWeekday: tuesday\n", "    statedWeekday: monday\n")
    build(Paths(project), built)
    files = store_files(built)
    monkeypatch.setattr(graph.store, "FRAGMENTED", files - 1)
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    assert_same_as_clean(project, built, tmp_path, "compacting rebuild")
    assert store_files(built) < files

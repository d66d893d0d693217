"""kg query keeps each answer beside the store it came from: asked again, it is read, never stale."""
from __future__ import annotations

import ast
import json
import shutil
import time
from pathlib import Path

import graph.query
from graph.pipeline import Paths, build
from graph.query import run
from graph.store import ANSWERS

from tests.test_incremental import NEW_RECORD, NEW_TEXT, RECORD_000, add_source, edit

POSTS = "posts"


def kept_files(out):
    return sorted(p for p in (out / ANSWERS).glob("*/*") if not p.name.startswith("."))


def ask(out, query=POSTS, fmt="json", **options):
    return run(graph.query.resolve(query, None), out, fmt, **options).decode("utf-8")


def test_an_answer_asked_again_is_read_from_where_it_was_kept(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    first = ask(out)
    [kept] = kept_files(out)
    assert kept.parent.name == (out / "store").resolve().name
    assert kept.read_bytes().decode() == first
    # what is kept is what is answered: change it and the next asking says so
    kept.write_text(first.replace("id-cn-ties", "kept-answer"), encoding="utf-8")
    assert "kept-answer" in ask(out)


def test_each_format_limit_and_binding_is_its_own_answer(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    answers = {ask(out, fmt=fmt) for fmt in ("json", "table", "csv", "tsv")}
    answers |= {ask(out, limit=1), ask(out, bindings=("where=id:dprd-banten",))}
    assert len(answers) == 6
    assert len(kept_files(out)) == 6
    assert ask(out, limit=1) in answers and len(kept_files(out)) == 6


def test_a_new_build_is_never_answered_from_the_one_before(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    before = json.loads(ask(out, "source-support"))["results"]["bindings"]
    first_store = (out / "store").resolve().name
    add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
    build(Paths(project), out)
    after = json.loads(ask(out, "source-support"))["results"]["bindings"]
    assert len(after) > len(before)
    assert {row["source"]["value"] for row in after} - {row["source"]["value"] for row in before}
    assert {p.parent.name for p in kept_files(out)} == {first_store, (out / "store").resolve().name}
    # the build after that removes the first store, and its answers with it
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    build(Paths(project), out)
    assert first_store not in {p.parent.name for p in kept_files(out)}
    assert not (out / first_store).exists()


def test_an_out_folder_where_nothing_can_be_kept_still_answers(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    (out / ANSWERS).write_text("not a folder", encoding="utf-8")
    first = ask(out)
    assert ask(out) == first
    assert json.loads(first)["results"]["bindings"]


# graph modules kg query uses that do not decide an answer: the store's own name is part of where an answer is kept
NOT_ANSWER_CODE = {"errors.py", "portable.py", "store.py"}


def test_a_kept_answer_is_keyed_by_every_module_that_makes_it():
    """A change to any module graph/query.py reaches (directly or through another) is a new key for every answer."""
    folder = Path(graph.query.__file__).parent
    reached, todo = set(), ["query.py"]
    while todo:
        name = todo.pop()
        reached.add(name)
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "graph":  # from graph import answers
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("graph."):
                modules = [node.module.removeprefix("graph.")]
            elif isinstance(node, ast.Import):
                modules = [alias.name.removeprefix("graph.") for alias in node.names if alias.name.startswith("graph.")]
            else:
                continue
            todo += [f"{m}.py" for m in modules if f"{m}.py" not in reached | NOT_ANSWER_CODE and (folder / f"{m}.py").is_file()]
    assert reached >= {"answers.py", "labels.py", "saved.py", "sparql.py", "ordering.py"}
    assert reached == set(graph.query.ANSWER_CODE)


def test_errors_are_not_kept(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    for _ in range(2):
        try:
            run("SELECT * WHERE { ?s ?p }", out, "json")
        except graph.query.QueryError as error:
            assert "syntax error" in str(error)
        else:
            raise AssertionError("a broken query was answered")
    assert kept_files(out) == []


def test_only_the_most_recently_asked_answers_are_kept(project, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(Paths(project), out)
    monkeypatch.setattr(graph.query, "KEPT_ANSWERS", 3)
    for number in range(5):
        assert run(f"SELECT ({number} AS ?n) WHERE {{}}", out, "csv") == f"n\r\n{number}\r\n".encode()
    kept = kept_files(out)
    assert len(kept) == 3
    assert sorted(k.read_bytes() for k in kept) == [f"n\r\n{n}\r\n".encode() for n in (2, 3, 4)]


# After a build, a process of its own answers the saved queries ahead of time.

def test_warming_keeps_every_saved_querys_answer_as_kg_query_would_give_it(project, tmp_path):
    out = tmp_path / "out"
    build(Paths(project), out)
    assert graph.query.warm(out) == len(graph.query.WARM_FORMATS) * len(graph.query.saved_queries())
    warmed = {p.name: p.read_bytes() for p in kept_files(out)}
    shutil.rmtree(out / ANSWERS)
    for saved in graph.query.saved_queries().values():  # run in a child, as if never asked before:
        run(saved.text, out, "table", width=1)  # a table too wide for the terminal: its cells are kept too
        run(saved.text, out, "json")
    assert {p.name: p.read_bytes() for p in kept_files(out)} == warmed
    assert graph.query.warm(out) == 0  # all kept already


def test_warming_stops_when_a_newer_build_replaces_the_store(project, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(Paths(project), out)
    first = (out / "store").resolve().name
    answer = graph.query._answer

    def a_build_happens_meanwhile(*args, **kwargs):
        monkeypatch.setattr(graph.query, "_answer", answer)
        add_source(project, "900_test", NEW_TEXT, NEW_RECORD)
        build(Paths(project), out)
        return answer(*args, **kwargs)

    monkeypatch.setattr(graph.query, "_answer", a_build_happens_meanwhile)
    # The answer it was making, in each format, for the store it was made on; then nothing more.
    assert graph.query.warm(out, processes=1) == len(graph.query.WARM_FORMATS)
    assert {p.parent.name for p in kept_files(out)} == {first}


def test_kg_build_warms_the_saved_queries_in_the_background_unless_told_not_to(kg, project, tmp_path):
    out = tmp_path / "out"
    assert kg("build", "--root", project, "--out", out, "--no-warm").exit_code == 0
    assert kept_files(out) == []
    edit(project / "sources" / f"{RECORD_000}.yaml", "statedWeekday: wednesday", "statedWeekday: tuesday")
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    expected = len(graph.query.WARM_FORMATS) * len(graph.query.saved_queries())
    deadline = time.monotonic() + 120
    while len(kept_files(out)) < expected and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(kept_files(out)) == expected
    assert {p.parent.name for p in kept_files(out)} == {(out / "store").resolve().name}

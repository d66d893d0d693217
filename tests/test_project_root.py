"""Where am I: kg finds its project from any folder beneath it, and every command takes --root, --out and one language."""
from __future__ import annotations

import click
import pytest

from graph.cli import cli
from graph.project import find_root


def test_the_project_is_found_from_any_folder_beneath_it(project, monkeypatch):
    (project / "sources" / "proposed").mkdir(exist_ok=True)
    monkeypatch.chdir(project / "sources" / "proposed")
    assert (find_root() / "ontology.ttl").resolve() == (project / "ontology.ttl").resolve()
    monkeypatch.chdir(project)
    assert str(find_root()) == "."


def test_commands_run_from_sources_use_the_projects_out(kg, project, monkeypatch):
    monkeypatch.chdir(project / "sources")
    built = kg("build", "--no-warm")
    assert built.exit_code == 0, built.stderr
    assert built.stdout.startswith("Built ../out/ from 5 articles")
    assert (project / "out" / "graph.ttl").is_file() and not (project / "sources" / "out").exists()
    asked = kg("query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Person }", "--format", "csv")
    assert asked.exit_code == 0 and asked.stdout.split() == ["n", "10"]
    assert kg("stats", "--format", "json").exit_code == 0


def test_outside_any_project_the_current_folder_is_the_root(kg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = kg("query", "posts")
    assert result.exit_code == 2 and result.stderr == "kg: error: no graph built in out/: run `kg build` first\n"


def commands():
    return sorted(cli.commands.items())


@pytest.mark.parametrize("name, command", commands())
def test_every_command_takes_root_and_out_with_one_meaning(name, command):
    options = {opt: param for param in command.params if isinstance(param, click.Option) for opt in param.opts}
    assert options["--root"].default is None and options["--out"].default is None
    assert "default: ROOT/out" in options["--out"].help


@pytest.mark.parametrize("name, command", [(n, c) for n, c in commands() if any("--lang" in p.opts for p in c.params)])
def test_every_language_option_has_one_default_english_unless_kg_lang_says(name, command):
    [lang] = [p for p in command.params if "--lang" in p.opts]
    assert lang.default == "en" and lang.envvar == "KG_LANG"


def test_kg_lang_chooses_the_language_once_for_every_command(kg, shipped, monkeypatch):
    query = ("query", "-e", "SELECT ?r WHERE { BIND(id:jawa-tengah AS ?r) }", "--out", shipped.out)
    assert "Central Java (id:jawa-tengah)" in kg(*query).stdout
    assert '"entity": "Banten Provincial Legislative Council"' in kg("stats", "--format", "json", "--out", shipped.out).stdout
    monkeypatch.setenv("KG_LANG", "id")
    assert "Provinsi Jawa Tengah (id:jawa-tengah)" in kg(*query).stdout
    assert '"entity": "DPRD Provinsi Banten"' in kg("stats", "--format", "json", "--out", shipped.out).stdout
    assert "Central Java (id:jawa-tengah)" in kg(*query, "--lang", "en").stdout  # the option still wins

"""Shared fixtures: the shipped project, built once; writable copies to break."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.pipeline import Paths, build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The shipped sources built once into a temporary out/ folder."""
    out = tmp_path_factory.mktemp("shipped-out")
    result = build(Paths(ROOT), out)
    return SimpleNamespace(out=out, result=result, graph=result.built.union, dataset=result.built.dataset)


@pytest.fixture
def project(tmp_path):
    """A writable copy of the project (ontology, shapes, sources), to break or extend."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    return root


@pytest.fixture
def kg():
    """Run the `kg` command in-process: kg("build", "--root", path)."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke

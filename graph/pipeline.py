"""`kg build` from end to end: read, check, build, validate, write."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.build import Built, build_graph
from graph.errors import InputErrors
from graph.network import stated_in
from graph.ontology import load_vocabulary
from graph.outputs import output_lock, render_outputs, write_atomic, write_outputs
from graph.snapshot import PREVIOUS
from graph.report import make_report, report_text
from graph.sources import Project, load_project
from graph.store import write_store
from graph.validate import load_shapes, violations
from graph.viz import render_html


@dataclass(frozen=True)
class Paths:
    """Where a project's files are; by default, relative to the current folder."""

    root: Path = Path(".")

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def ontology(self) -> Path:
        return self.root / "ontology.ttl"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes.ttl"

    @property
    def out(self) -> Path:
        return self.root / "out"


@dataclass
class BuildResult:
    project: Project
    built: Built
    report: dict
    text: str
    files: dict[str, bytes]


def check(paths: Paths, reviewed_only: bool = False) -> BuildResult:
    """Everything but writing: read and check sources, build, validate."""
    vocab = load_vocabulary(paths.ontology)
    project = load_project(paths.sources, vocab, reviewed_only=reviewed_only)
    built = build_graph(project)
    problems = violations(built.union, load_shapes(paths.shapes), paths.root)
    if problems:
        raise InputErrors(problems)
    report = make_report(built, project)
    text = report_text(report)
    files = render_outputs(built, text, report)
    files["graph.html"] = render_html(built.union, stated_in=stated_in(built.graphs)).encode("utf-8")
    return BuildResult(project, built, report, text, files)


def keep_previous(out: Path, new_nquads: bytes) -> None:
    """Keep the graph being replaced as out/previous.nq, so `kg diff` can show what a build changed."""
    current = out / "graph.nq"
    if current.is_file():
        old = current.read_bytes()
        if old != new_nquads:
            write_atomic(out / PREVIOUS, old)


def build(paths: Paths, out: Path | None = None, reviewed_only: bool = False) -> BuildResult:
    """Build and write every output, or nothing at all."""
    out = Path(out) if out is not None else paths.out
    result = check(paths, reviewed_only=reviewed_only)
    with output_lock(out):
        keep_previous(out, result.files["graph.nq"])
        write_outputs(out, result.files)
        write_store(out, result.files["graph.nq"])
    return result

"""`kg build` from end to end: read, check, build, validate, write; redo only what changed.

The stages, a module each:

- graph/scan.py: which sources there are, and which changed since the last build;
- graph/compile.py: each source compiled on its own (graph/build.py), on every core, and kept
  in .kg-cache/ under a hash of its files and of everything else it depends on (ontology,
  shapes, options, kg's code);
- graph/settle.py: what spans sources, settled for every source or, when a few changed, for
  what they touch (with graph/shapes_across.py);
- graph/writing.py: the graph files (only the changed sources' segments written anew), the
  report, the page, the store and the manifest, then all of it into out/.

The result is always the same as a clean build's (tests/test_incremental.py).
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from graph import iris
from graph.cache import Cache, code_version
from graph.compile import Context, concept_labels, ontology_types, set_context
from graph.ontology import load_vocabulary
from graph.atomic import output_lock
from graph.outputs import GraphFiles, as_nquads, start_prefetches
from graph.progress import SILENT, Progress
from graph.scan import folder_mtime_of, plan_jobs
from graph.settle import NeedsWholeCheck, settle_all, settle_changes
from graph.store import StoreUpdate
from graph.validate import load_shapes, superclasses
from graph.writing import ONTOLOGY_ID, ontology_statements, write_build


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
    articles: int  # sources built, besides the gazetteer
    report: dict
    text: str
    compiled: int  # sources compiled by this build (the others came from the cache)
    checked_all: bool  # whether every source was checked with the project (else only what changed)
    timings: list[tuple[str, float]]  # (stage, seconds), in order


def build(paths: Paths, out: Path | None = None, reviewed_only: bool = False, jobs: int | None = None,
          progress: Progress = SILENT) -> BuildResult:
    """Build and write every output, or nothing at all; say how far along to ``progress``."""
    # A build makes millions of small objects and no reference cycles of note: the cyclic
    # garbage collector, run again and again over them, took a third of a rebuild's time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(paths, out, reviewed_only, jobs, progress)
    finally:
        if enabled:
            gc.enable()


def _build(paths: Paths, out: Path | None, reviewed_only: bool, jobs: int | None, progress: Progress) -> BuildResult:
    out = Path(out) if out is not None else paths.out
    watch = _Stopwatch(progress)
    progress.stage("Reading the last build")
    inputs = _inputs_hash(paths, reviewed_only)
    # What was compiled is kept, even when the build fails. out/ is locked from before its manifest
    # is read until the outputs it describes are replaced; a first build (no out/ yet) locks it only
    # to write, so that failing creates nothing.
    locked_early = out.is_dir()
    with Cache(paths.root, out) as cache, output_lock(out) if locked_early else contextlib.nullcontext():
        folder_mtime, copying = folder_mtime_of(paths.sources), {}

        def copy_ahead(fields):  # a file was added to the sources, or removed: the graph files will change
            if fields["scanned"][2:] != (folder_mtime,):
                copying.update(start_prefetches(out, fields["files"], fields["placed"]))

        previous = cache.manifest(inputs, early=copy_ahead)
        graph_files = GraphFiles(out, previous, copying)
        watch.lap("previous build's manifest")
        vocab = load_vocabulary(paths.ontology)
        rules = load_shapes(paths.shapes)
        watch.lap("ontology and shapes")
        # (the store and the copies of the graph files are removed if the build fails)
        with StoreUpdate(out, previous.store if previous else "") as store, graph_files.abandoned_on_failure():
            progress.stage("Scanning sources")
            jobs_by_id, hashes = plan_jobs(paths, inputs, previous, changed=graph_files.prefetch)
            ontology_lines = ontology_statements(vocab)
            if store.streaming:
                store.expect(len(jobs_by_id) + 1)  # the sources' graphs and the ontology's, fed first
                store.feed(ONTOLOGY_ID, as_nquads(str(iris.ONTOLOGY_GRAPH),
                                                  "".join(f"{line} .\n" for line in ontology_lines).encode()))
            watch.lap("scan sources")
            ctx = Context(vocab, rules, concept_labels(vocab), ontology_types(vocab), superclasses(vocab.graph),
                          reviewed_only, cache, send_nquads=store.streaming)
            set_context(ctx)
            outcome = None
            if previous is not None and previous.index and not store.streaming:
                try:
                    outcome = settle_changes(ctx, previous, jobs_by_id, jobs, watch)
                except NeedsWholeCheck:
                    pass  # the whole project is checked below, as a clean build would, and says what is wrong
            if outcome is None:
                outcome = settle_all(ctx, previous, jobs_by_id, jobs, store, watch)
            scanned = (str(paths.sources), previous.text_files if previous else {}, folder_mtime)
            progress.stage("Writing out/")
            with contextlib.nullcontext() if locked_early else output_lock(out):
                text, report = write_build(out, previous, outcome, ctx, store, graph_files, ontology_lines, inputs,
                                           hashes, scanned, watch)
            cache.prune(set(outcome.cache_keys.values()))
            watch.lap("manifest")
            return BuildResult(len(outcome.keys) - len(iris.BASE_IDS), report, text, outcome.fresh, outcome.checked_all, watch.laps)


class _Stopwatch:
    """How long each stage took; and, in ``progress``, what is being done (the core's one reporter)."""

    def __init__(self, progress: Progress = SILENT):
        self.progress = progress
        self.laps: list[tuple[str, float]] = []
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps.append((stage, now - self.last))
        self.last = now


def check(paths: Paths, reviewed_only: bool = False) -> BuildResult:
    """Everything but writing into out/: read and check sources, build, validate (in a scratch folder)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kg-check-") as scratch:
        return build(paths, Path(scratch), reviewed_only=reviewed_only)


def _inputs_hash(paths: Paths, reviewed_only: bool) -> str:
    digest = hashlib.sha256(code_version().encode())
    for path in (paths.ontology, paths.shapes):
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass  # load_vocabulary/load_shapes say what is wrong
    digest.update(b"reviewed-only" if reviewed_only else b"all")
    return digest.hexdigest()[:16]

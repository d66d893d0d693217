"""`kg build` from end to end: read, check, build, validate, write; redo only what changed.

Each source is compiled on its own (graph/build.py), on every core, and kept
in out/.cache/ under a hash of its files and of everything else it depends on
(ontology, shapes, options, kg's code). What spans sources is then checked for
the whole project from small summaries: ids and references, conflicts, the
labels posts borrow and the classes the shapes looked up (a source whose
borrowed labels changed is compiled again; one whose looked-up classes changed
is checked again). Entities that several sources state are checked against
all their statements. The graph files are rewritten by copying the segments of
unchanged sources from the previous files and writing only the new ones, and
the store gets only the changed named graphs. The result is always the same as
a clean build's (tests/test_incremental.py).
"""
from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from graph import iris
from graph.build import Compiled, compile_source, term
from graph.cache import Cache, Manifest, code_version
from graph.errors import InputErrors, SourceError, ValidationError
from graph.namespaces import entity_iri
from graph.ontology import Vocabulary, load_vocabulary
from graph.outputs import GraphFiles, output_lock, render_segments, write_outputs
from graph.report import make_report, report_text
from graph.snapshot import PREVIOUS
from graph.sources import GAZETTEER_FILE, check_project, read_gazetteer, read_record
from graph.store import StoreUpdate
from graph.validate import Checker, describe, load_shapes, superclasses

PARALLEL_FROM = 64  # sources to compile before it pays to start worker processes
ONTOLOGY_ID = "ontology"


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
    sources: list[Compiled]  # the gazetteer first, then the articles in order
    report: dict
    text: str
    compiled: int  # sources compiled by this build (the others came from the cache)
    timings: list[tuple[str, float]]  # (stage, seconds), in order

    @property
    def articles(self) -> list[Compiled]:
        return self.sources[1:]


# --------------------------------------------------------------------------
# Compiling one source (in a worker process when there are many)
# --------------------------------------------------------------------------

@dataclass
class _Context:
    vocab: Vocabulary
    rules: list
    labels: dict  # id -> lang -> label: the ontology's concepts and the gazetteer's entities
    types: dict  # IRI -> classes, the ontology's and the gazetteer's
    ancestors: dict  # class -> its ancestors
    reviewed_only: bool
    cache: Cache
    send_nquads: bool = False  # workers send each graph's N-Quads back, for a store being loaded


_context: _Context | None = None  # set before the worker processes fork
_closures: dict = {}  # classes -> with their ancestors, shared so that they pickle once


def _compile(job: tuple[str, str, str]):
    """(key, record) -> the compiled source's summary, or its errors; the whole result goes to the cache."""
    key, kind, path = job
    path = Path(path)
    ctx = _context
    try:
        if kind == "gazetteer":
            source = read_gazetteer(path, ctx.vocab)
        else:
            source = read_record(path, ctx.vocab, ctx.reviewed_only)
    except InputErrors as exc:
        return key, None, exc.errors, None
    except SourceError as exc:
        return key, None, [exc], None
    own_labels = {item.subject: item.labels for item in source.items if item.labels}
    compiled = compile_source(source, ctx.vocab, _Layered(own_labels, ctx.labels))
    compiled.text_file = source.text_path.name if source.text_path else ""
    compiled.key = key
    check_alone(compiled, ctx)
    compiled.segments = render_segments(compiled.graph, compiled.lines, compiled.lines)
    compiled.lines = []
    ctx.cache.put(key, compiled)
    return key, replace(compiled, segments={}), [], compiled.segments["nq"] if ctx.send_nquads else None


class _Layered(dict):
    """A source's own labels over the project's (per language), as a build merges them."""

    def __init__(self, own, base):
        super().__init__()
        self.own, self.base = own, base

    def get(self, key, default=None):
        if key in self.own:
            return {**self.base.get(key, {}), **self.own[key]}
        return self.base.get(key, default)


def statements_of(lines) -> dict[str, dict[str, list[str]]]:
    """subject IRI -> predicate IRI -> values (N-Triples), from N-Triples lines."""
    view: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in lines:
        subject, predicate, value = line.split(" ", 2)
        view[subject[1:-1]][predicate[1:-1]].append(value)
    return view


def check_alone(compiled: Compiled, ctx: _Context) -> None:
    """Check every subject of a source against the shapes as if no other source stated it."""
    view = statements_of(compiled.lines)
    own_types = defaultdict(set)
    for subject, cls in _typed(view):
        own_types[subject].add(cls)
    used = compiled.used_types

    def classes(node):
        if node in own_types:  # its own nodes (evidence, itself) no other source can type
            return frozenset(a for c in own_types[node] for a in ctx.ancestors.get(c, (c,)))
        if node not in used:  # looked up elsewhere: recorded, to check again if it changes
            found = frozenset(ctx.types.get(node, ()))
            if found not in _closures:
                _closures[found] = frozenset(a for c in found for a in ctx.ancestors.get(c, (c,)))
            used[node] = _closures[found]
        return used[node]

    checker = Checker(ctx.rules, lambda node: view.get(node, {}), classes)
    compiled.violations = {}
    for subject in sorted(view):
        found = checker.check(subject)
        if found:
            compiled.violations[subject] = found


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _typed(view):
    for subject, by_predicate in view.items():
        for cls in by_predicate.get(_RDF_TYPE, ()):
            yield subject, cls[1:-1]


# --------------------------------------------------------------------------
# The build
# --------------------------------------------------------------------------

def build(paths: Paths, out: Path | None = None, reviewed_only: bool = False, jobs: int | None = None) -> BuildResult:
    """Build and write every output, or nothing at all."""
    # A build makes millions of small objects and no reference cycles of note: the cyclic
    # garbage collector, run again and again over them, took a third of a rebuild's time.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(paths, out, reviewed_only, jobs)
    finally:
        if enabled:
            gc.enable()


def _build(paths: Paths, out: Path | None, reviewed_only: bool, jobs: int | None) -> BuildResult:
    out = Path(out) if out is not None else paths.out
    watch = _Stopwatch()
    vocab = load_vocabulary(paths.ontology)
    rules = load_shapes(paths.shapes)
    inputs = _inputs_hash(paths, reviewed_only)
    cache = Cache(paths.root, out)
    watch.lap("ontology and shapes")
    previous = cache.manifest(inputs)
    watch.lap("previous build's manifest")
    with StoreUpdate(out, previous.store if previous else "") as store:  # removed if the build fails
        jobs_by_id, hashes = _jobs(paths, inputs, previous)
        watch.lap("scan sources")

        gazetteer_key = jobs_by_id[iris.GAZETTEER_ID][0]
        ancestors = superclasses(vocab.graph)
        ctx = _Context(vocab, rules, {}, {}, ancestors, reviewed_only, cache, send_nquads=store.streaming)
        ctx.labels = _concept_labels(vocab)
        ctx.types = _ontology_types(vocab)
        compiled: dict[str, Compiled] = {}
        errors: list = []
        fresh: set[str] = set()
        gazetteer = _reuse(iris.GAZETTEER_ID, gazetteer_key, previous, cache)
        global _context
        _context = ctx
        if gazetteer is None:
            _, gazetteer, problems, nquads = _compile(jobs_by_id[iris.GAZETTEER_ID])
            errors += problems
            if nquads is not None:
                store.feed(iris.GAZETTEER_ID, nquads)
            fresh.add(iris.GAZETTEER_ID)
        if gazetteer is not None:
            compiled[iris.GAZETTEER_ID] = gazetteer
            for entity, by_lang in gazetteer.labels.items():
                ctx.labels.setdefault(entity, {}).update(by_lang)
            for subject, cls in gazetteer.types:
                ctx.types.setdefault(subject, set()).add(cls)

        todo = []
        for source_id, job in jobs_by_id.items():
            if source_id == iris.GAZETTEER_ID:
                continue
            found = _reuse(source_id, job[0], previous, cache)
            if found is None:
                todo.append(job)
            else:
                compiled[source_id] = found
        for key, result, problems, nquads in _run(todo, jobs):
            errors += problems
            if result is not None:
                compiled[result.id] = result
                fresh.add(result.id)
                if nquads is not None:
                    store.feed(result.id, nquads)
        if errors:
            raise InputErrors(sorted(errors, key=_error_order))
        watch.lap(f"compile {len(fresh)} sources")

        order = [iris.GAZETTEER_ID] + sorted(k for k in compiled if k != iris.GAZETTEER_ID)
        sources = [compiled[k] for k in order]
        check_project(vocab, sources)
        watch.lap("check ids and references")
        labels = _project_labels(ctx.labels, sources)
        stale_labels = [c for c in sources if any(labels.get(e, {}) != used for e, used in c.used_labels.items())]
        relabelled = set()
        for stale in stale_labels:  # it borrowed a label that another source has since changed
            compiled[stale.id] = _recompile(stale, jobs_by_id[stale.id], ctx, labels)
            fresh.add(stale.id)
            relabelled.add(stale.id)
        sources = [compiled[k] for k in order]

        # A source's key, with the labels it borrowed: the same key means the same segments.
        kept = {s for s in order if previous is not None and previous.kept(s, compiled[s])}
        keys = {source_id: previous.keys[source_id] if source_id in kept
                else f"{jobs_by_id[source_id][0]}-{_labels_hash(compiled[source_id])}" for source_id in order}
        changed = set(keys) if previous is None else {s for s in keys if previous.keys.get(s) != keys[s]}
        removed = set() if previous is None else set(previous.keys) - set(keys)
        types = _project_types(ctx.types, sources, ancestors)
        union, problems, rechecked = _check_project_wide(sources, previous, changed | removed, types, ancestors, rules,
                                                      labels, cache)
        if problems:
            raise InputErrors(problems)
        watch.lap("shapes across sources")
        # What each source's shapes looked up (kept in the manifest as IRIs: after this build, what they
        # saw is `types`); a source kept from the last build has its IRIs there.
        used_nodes = {}
        for source_id in order:
            source = compiled[source_id]
            if source.used_types:
                used_nodes[source_id] = "\n".join(source.used_types)
                compiled[source_id] = source = replace(source, used_types={})
            else:
                used_nodes[source_id] = previous.used_nodes.get(source_id, "") if source_id in kept else ""
            if source_id in rechecked:  # checked here against the project: its own verdicts no longer count
                compiled[source_id] = replace(source, violations={})
        sources = [compiled[k] for k in order]

        union_lines = {source_id: frozenset().union(*by_subject.values()) for source_id, by_subject in union.items()}
        ontology_lines = _ontology_lines(vocab)
        with output_lock(out):
            graph_files = GraphFiles(out, previous)
            graph_files.add(ONTOLOGY_ID, str(iris.ONTOLOGY_GRAPH), None,
                            lambda: render_segments(str(iris.ONTOLOGY_GRAPH), ontology_lines, ontology_lines))
            segments_order = sorted([(c.graph, c) for c in sources] + [(str(iris.ONTOLOGY_GRAPH), None)])
            for graph_iri, source in segments_order:
                if source is None:
                    continue
                excluded = union_lines.get(source.id)
                graph_files.add(source.id, graph_iri, source.id not in changed,
                                _segments_loader(source, cache, excluded),
                                union_key=_excluded_key(excluded))
            graph_files.start([g for g, _ in segments_order], tee=store.feed if store.streaming else None)
            watch.lap("graph files")
            try:
                report = make_report(sources, union_lines, vocab, labels, types)
                text = report_text(report)
                files = {"report.txt": text.encode("utf-8"), "report.json": _json(report)}
                watch.lap("report")
                staged = graph_files.finish()
            except BaseException:
                graph_files.abandon()
                raise
            watch.lap("graph files copied")
            files["graph.html"] = _page(out, staged, sum(1 for c in sources for _ in c.declares))
            watch.lap("page")
            manifest = Manifest(inputs, keys, {s: compiled[s] for s in keys}, union=union, hashes=hashes,
                                types=types, used_nodes=used_nodes)
            graph_files.record(manifest)
            store.finish(keys, changed, removed, lambda source_id: cache.get(compiled[source_id].key).segments["nq"],
                         redo=relabelled & store.fed)
            watch.lap("store")
            _keep_previous(out, staged["graph.nq"])
            write_outputs(out, {**staged, **files})
            manifest.store = store.commit()
            watch.lap("rename into out/")
            cache.save_manifest(manifest, previous)
            cache.prune({source.key for source in sources})
            watch.lap("manifest")
        return BuildResult(sources, report, text, len(fresh), watch.laps)


class _Stopwatch:
    def __init__(self):
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


def _error_order(error) -> tuple:
    return str(getattr(error, "path", "")), getattr(error, "line", 0) or 0


def _inputs_hash(paths: Paths, reviewed_only: bool) -> str:
    digest = hashlib.sha256(code_version().encode())
    for path in (paths.ontology, paths.shapes):
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass  # load_vocabulary/load_shapes say what is wrong
    digest.update(b"reviewed-only" if reviewed_only else b"all")
    return digest.hexdigest()[:16]


def _jobs(paths: Paths, inputs: str, previous: Manifest | None) -> tuple[dict[str, tuple[str, str, str]], dict]:
    """source id -> (key, kind, record path), and the files' hashes.

    The key hashes the record, its text and ``inputs``.
    """
    known = previous.compiled if previous else {}
    folder = str(paths.sources)
    if not paths.sources.is_dir():
        raise SourceError("no such folder", paths.sources)
    signatures = _signatures(folder)
    records = sorted(name for name in signatures if name.endswith(".yaml") and name != GAZETTEER_FILE)
    files = {}  # source id -> (kind, its files)
    for name in [GAZETTEER_FILE, *records]:
        if name == GAZETTEER_FILE:
            files[iris.GAZETTEER_ID] = ("gazetteer", [name])
            continue
        source_id = name[: -len(".yaml")]
        old = known.get(source_id)
        files[source_id] = ("article", [name, (old.text_file if old is not None and old.text_file else None)
                                        or f"{source_id}.txt"])
    hashes = _file_hashes(folder, [n for _, names in files.values() for n in names], signatures,
                          previous.hashes if previous else {})
    jobs = {}
    for source_id, (kind, names) in files.items():
        parts = [inputs] + [f"{n}\0{hashes.get(f'{folder}/{n}', (None, 'missing'))[1]}" for n in names]
        jobs[source_id] = (hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32], kind, f"{folder}/{names[0]}")
    return jobs, hashes


def _signatures(folder: str) -> dict[str, tuple[int, int, int]]:
    """name -> (size, mtime_ns, inode) of every file in ``folder``, from one directory scan."""
    found = {}
    for entry in os.scandir(folder):
        try:
            stat = entry.stat()
        except OSError:
            continue  # vanished, or a dangling link: read as missing
        found[entry.name] = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return found


def _file_hashes(folder: str, names: list[str], signatures: dict, known: dict) -> dict[str, tuple]:
    """path -> (signature, sha256) of the files that exist; a file's hash is taken from the last
    build when its size, mtime and inode are the same."""
    found, to_read = {}, []
    for name in names:
        path = f"{folder}/{name}"
        signature = signatures.get(name)
        if signature is None and "/" in name:  # a text in a subfolder: the scan did not see it
            try:
                stat = os.stat(path)
                signature = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
            except OSError:
                continue
        if signature is None:
            continue
        entry = known.get(path)
        if entry and entry[0] == signature:
            found[path] = entry
        else:
            to_read.append((path, signature))

    def digest(item):
        try:
            with open(item[0], "rb") as handle:
                return item[0], (item[1], hashlib.sha256(handle.read()).hexdigest())
        except OSError:
            return item[0], (item[1], "unreadable")

    # (Threads made this slower: 40,000 small files take 0.5 s to read and hash one after another,
    # 1.3 s on four threads, 3.4 s with a task a file.)
    found.update(map(digest, to_read))
    return found


def _reuse(source_id: str, key: str, previous: Manifest | None, cache: Cache) -> Compiled | None:
    known = previous.compiled.get(source_id) if previous is not None else None
    if known is not None and known.key == key:
        return known
    found = cache.get(key)
    if found is not None:
        return replace(found, segments={})
    return None


def _run(todo: list, jobs: int | None):
    workers = min(jobs or os.cpu_count() or 1, len(todo) // PARALLEL_FROM + 1)
    if workers <= 1:
        yield from map(_compile, todo)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(_compile, todo, chunksize=16)


def _recompile(stale: Compiled, job, ctx: _Context, labels: dict) -> Compiled:
    layered = _Context(**{**ctx.__dict__, "labels": labels})
    global _context
    _context = layered
    _, result, problems, _ = _compile(job)
    if problems:
        raise InputErrors(problems)
    return result


def _concept_labels(vocab) -> dict:
    from rdflib.namespace import RDFS

    return {notation: {lit.language: str(lit) for lit in vocab.graph.objects(concept, RDFS.label)}
            for notation, concept in vocab.concepts.items()}


def _ontology_types(vocab) -> dict:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    types = defaultdict(set)
    for subject, cls in vocab.graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef):
            types[str(subject)].add(str(cls))
    return types


def _project_labels(base: dict, sources: list[Compiled]) -> dict:
    """Labels by id: the ontology's concepts, then every source's, later ones winning per language."""
    labels = {k: dict(v) for k, v in base.items()}
    for source in sources[1:]:
        for entity, by_lang in source.labels.items():
            labels.setdefault(entity, {}).update(by_lang)
    return labels


def _project_types(base: dict, sources: list[Compiled], ancestors: dict) -> dict:
    """IRI -> every class it has (with the ontology's superclasses), from every source."""
    declared = defaultdict(set)
    for subject, classes in base.items():
        declared[subject] |= classes
    for source in sources[1:]:
        for subject, cls in source.types:
            declared[subject].add(cls)
    closed = {}  # one frozenset per set of classes: shared, they pickle once
    result = {}
    for subject, classes in declared.items():
        key = frozenset(classes)
        if key not in closed:
            closed[key] = frozenset(a for c in classes for a in ancestors.get(c, (c,)))
        result[subject] = closed[key]
    return result


def _check_project_wide(sources, previous, dirty_ids, types, ancestors, rules, labels, cache):
    """Shapes for entities several sources state, and for sources whose looked-up classes changed.

    Returns, for sources whose union segments must leave out statements an
    earlier graph already made, those statements; and the violations.
    """
    stated_by = defaultdict(list)
    for source in sources:
        for subject in _entity_subjects(source):
            stated_by[subject].append(source)
    shared = {s: srcs for s, srcs in stated_by.items() if len(srcs) > 1}
    recheck_sources = _stale_checks(sources, previous, types)
    dirty = dirty_ids | recheck_sources
    old_subjects = set()
    if previous is not None:
        for source in previous.compiled.values():
            if source.id in dirty:
                old_subjects |= _entity_subjects(source)
    to_check = {s for s, srcs in shared.items()
                if previous is None or s in old_subjects or any(c.id in dirty for c in srcs)}

    lines_of = {}

    def lines(source):
        if source.id not in lines_of:
            lines_of[source.id] = _source_lines(source, cache)
        return lines_of[source.id]

    problems = []
    # Statements an earlier graph already made, left out of later graphs' union segments:
    # source id -> subject -> statements, kept from the last build but for what may have changed.
    current = {s.id for s in sources}
    stale = to_check | old_subjects
    union = {}
    if previous is not None:
        for source_id, by_subject in previous.union.items():
            if source_id in current and source_id not in dirty:
                kept = {s: lines_ for s, lines_ in by_subject.items() if s not in stale}
                if kept:
                    union[source_id] = kept
    for subject in sorted(to_check):
        seen = set()
        for source in sorted(shared[subject], key=lambda c: c.graph):
            mine = {line for line in lines(source) if line.startswith(f"<{subject}> ")}
            again = mine & seen
            if again:
                union.setdefault(source.id, {})[subject] = frozenset(again)
            seen |= mine
    # Violations: each source's own subjects as it saw them, unless several sources state them
    # or the classes it looked up have changed; those are checked here against everything.
    union_view = defaultdict(lambda: defaultdict(list))
    local_view = {}  # every node of the sources loaded: evidence and the like, which one source states
    for subject in to_check:
        for source in shared[subject]:
            for line in lines(source):
                if line.startswith(f"<{subject}> "):
                    _, predicate, value = line.split(" ", 2)
                    union_view[subject][predicate[1:-1]].append(value)
    for source in sources:
        if source.id in recheck_sources:
            lines(source)
    for source_id in sorted(lines_of):
        local_view.update(statements_of(lines_of[source_id]))

    def statements(node):
        return union_view.get(node) or local_view.get(node) or {}

    def classes(node):
        if node in types:
            return types[node]
        local = statements(node).get(_RDF_TYPE, ())  # evidence: typed only in its own graph
        return frozenset(a for c in local for a in ancestors.get(c[1:-1], (c[1:-1],)))

    checker = Checker(rules, statements, classes)
    found = []
    for source in sources:
        if source.id in recheck_sources:
            for subject in sorted(statements_of(lines(source))):  # (loaded into local_view above)
                if subject not in shared:
                    found += [(source, v) for v in checker.check(subject)]
        else:
            for subject, violations in source.violations.items():
                if subject not in shared:
                    found += [(source, v) for v in violations]
    for subject in sorted(to_check):
        found += [(shared[subject][0], v) for v in checker.check(subject)]
    if found:
        files_of = {s: sorted({c.path for c in srcs}) for s, srcs in stated_by.items()}

        def label(iri):
            entity = iri[len(str(iris.ID)):] if iri.startswith(str(iris.ID)) else None
            by_lang = labels.get(entity, {}) if entity else {}
            return by_lang.get("en") or next(iter(sorted(by_lang.values())), None)

        lines_out = set()
        for source, violation in found:
            where = ", ".join(files_of.get(violation.focus, [source.path]))
            lines_out.add((where, describe(violation, label)))
        problems = [ValidationError(message, where) for where, message in sorted(lines_out)]
    return union, problems, recheck_sources


def _stale_checks(sources: list[Compiled], previous: Manifest | None, types: dict) -> set[str]:
    """Sources to check against the shapes again: classes their checks looked up have changed.

    A source compiled by this build (or taken from the cache) knows what it saw;
    one kept from the last build saw that build's classes.
    """
    empty = frozenset()
    changed_nodes = None
    found = set()
    for source in sources:
        if source.used_types:
            if any(types.get(node, empty) != seen for node, seen in source.used_types.items()):
                found.add(source.id)
        elif previous is not None and previous.kept(source.id, source) and previous.used_nodes.get(source.id):
            if changed_nodes is None:
                old = previous.types
                changed_nodes = {n for n in old.keys() | types.keys() if old.get(n, empty) != types.get(n, empty)}
            if changed_nodes and not changed_nodes.isdisjoint(previous.used_nodes[source.id].split("\n")):
                found.add(source.id)
    return found


def _entity_subjects(source: Compiled) -> set[str]:
    """The IRIs of the entities a source declares or adds facts to."""
    return {entity_iri(s) for s, _, _ in source.declares} | {entity_iri(s) for s, _ in source.abouts}


def _source_lines(source: Compiled, cache: Cache) -> list[str]:
    full = cache.get(source.key)
    text = full.segments["nq"].decode("utf-8")
    suffix = f" <{source.graph}> ."
    return [line[: -len(suffix)] for line in text.split("\n") if line]


def _excluded_key(excluded) -> str:
    if not excluded:
        return ""
    return hashlib.sha256("\n".join(sorted(excluded)).encode()).hexdigest()[:16]


def _segments_loader(source: Compiled, cache: Cache, excluded):
    def load():
        full = cache.get(source.key)
        if full is None:
            raise SourceError("the build cache lost this source's compiled form; run `kg build` again", source.path)
        segments = full.segments
        if excluded:
            lines = _source_lines(source, cache)
            union = [line for line in lines if line not in excluded]
            redone = render_segments(source.graph, lines, union)
            segments = {**segments, "nt": redone["nt"], "ttl": redone["ttl"], "jsonld": redone["jsonld"]}
        return segments
    return load


def _labels_hash(source: Compiled) -> str:
    borrowed = repr(sorted((k, sorted(v.items())) for k, v in source.used_labels.items()))
    return hashlib.sha256(borrowed.encode()).hexdigest()[:8]


def _ontology_lines(vocab) -> list[str]:
    return sorted({f"{term(s)} {term(p)} {term(o)}" for s, p, o in vocab.graph})


def _json(report: dict) -> bytes:
    """The report as JSON, one list item a line (json's C encoder writes each; with indent it would not be used)."""
    import json

    def dumps(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    fields = []
    for name, value in sorted(report.items()):
        if isinstance(value, list) and value:
            value = "[\n    " + ",\n    ".join(map(dumps, value)) + "\n  ]"
        else:
            value = dumps(value)
        fields.append(f"  {dumps(name)}: {value}")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode("utf-8")


PAGE_LIMIT = 5000  # entities; vis-network stays usable up to about this many (bench/bench_page.py)


def _page(out: Path, staged: dict, entities: int) -> bytes:
    from graph.viz import render_html, render_too_large

    if entities > PAGE_LIMIT:
        return render_too_large(entities, PAGE_LIMIT).encode("utf-8")
    import pyoxigraph as ox

    from graph.network import from_quads

    graph, stated_in = from_quads(ox.parse(path=str(staged["graph.nq"]), format=ox.RdfFormat.N_QUADS))
    return render_html(graph, stated_in=stated_in).encode("utf-8")


def _keep_previous(out: Path, new_nquads: Path) -> None:
    """Keep the graph being replaced as out/previous.nq, so `kg diff` can show what a build changed."""
    current = out / "graph.nq"
    if current.is_file() and not _same_file(current, new_nquads):
        temp = out / f".{PREVIOUS}.link.tmp"
        temp.unlink(missing_ok=True)
        os.link(current, temp)  # the old file itself: no copy of a large graph
        os.replace(temp, out / PREVIOUS)


def _same_file(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as one, open(b, "rb") as two:
        while True:
            x, y = one.read(1 << 20), two.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True

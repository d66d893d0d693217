"""Compiling sources for a build: each on its own, on every core, into the build cache.

A job (``graph.scan.plan_jobs``) names a source's files and its key; a worker
reads the source, compiles it (graph/build.py), checks it against the shapes
as if no other source stated its subjects (``check_alone``), renders its
segments of the graph files and puts all of it in the build cache. The
building process gets back the source's summary, which the checks across
sources read (graph/settle.py).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from graph import portable
from graph.build import Compiled, compile_source
from graph.cache import Cache, Manifest, loads
from graph.errors import InputErrors, SourceError
from graph.ontology import Vocabulary
from graph.outputs import kept_segments, render_segments
from graph.progress import SILENT, Progress
from graph.regions import regions_source
from graph.scan import job_key
from graph.sources import read_gazetteer, read_record
from graph.validate import Checker

PARALLEL_FROM = 64  # sources to compile before it pays to start worker processes


@dataclass
class Context:
    vocab: Vocabulary
    rules: list
    labels: dict  # id -> lang -> label: the ontology's concepts and the gazetteer's entities
    types: dict  # IRI -> classes, the ontology's and the gazetteer's
    ancestors: dict  # class -> its ancestors
    reviewed_only: bool
    cache: Cache
    send_nquads: bool = False  # workers send each graph's N-Quads back, for a store being loaded


_context: Context | None = None  # this build's, in the building process and (``_take_context``) in each worker


_closures: dict = {}  # classes -> with their ancestors, shared so that they pickle once


def compile_job(job: tuple[str, str, str, str]):
    """A job (``plan_jobs``) -> the compiled source's summary, or its errors; the whole result goes to the cache.

    The summary comes back pickled, as the manifest stores it (pickled here, on
    every core, rather than again in the main process), with what its shapes
    looked up beside it (``unpack``). The build cache keeps those two and the
    graph's ``kept_segments`` side by side, as a tuple: its segments are read
    without unpickling the summary (``cached_segments``).
    """
    key, kind, path, keyed_text = job
    path = Path(path)
    ctx = _context
    try:
        if kind == "gazetteer":
            source = read_gazetteer(path, ctx.vocab)
        elif kind == "regions":
            source = regions_source(path, ctx.vocab)
        else:
            source = read_record(path, ctx.vocab, ctx.reviewed_only)
    except InputErrors as exc:
        return key, None, exc.errors, None, None
    except SourceError as exc:
        return key, None, [exc], None, None
    own_labels = {item.subject: item.labels for item in source.items if item.labels}
    compiled = compile_source(source, ctx.vocab, _Layered(own_labels, ctx.labels))
    compiled.text_file = source.text_name
    if compiled.text_file != keyed_text:
        # The key was made with another text than the record names (a clean build cannot know a
        # record's own text name): kept under a key of the text it read, which no lookup makes.
        key = hashlib.sha256(f"{key}\0{compiled.text_file}\0{source.sha256}".encode()).hexdigest()[:32]
    compiled.key = key
    check_alone(compiled, ctx)
    segments = render_segments(compiled.graph, compiled.lines, compiled.lines)
    compiled.lines = []
    stored = pickle.dumps(replace(compiled, used_types={}), protocol=pickle.HIGHEST_PROTOCOL)
    cached = ctx.cache.put(key, (stored, compiled.used_types, kept_segments(segments)))
    return key, (stored, compiled.used_types), [], segments["nq"] if ctx.send_nquads else None, cached


def unpack(result: tuple) -> Compiled:
    """A compiled source's summary from a worker's result, or from its entry in the build cache."""
    stored, used_types = result[:2]
    summary = loads(stored)
    summary.used_types = used_types
    return summary


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
    view: dict[str, dict[str, list[str]]] = {}
    subject = predicate = None
    for line in lines:
        s, p, value = line.split(" ", 2)
        if s != subject:  # lines come sorted: a subject's are together, and so are a predicate's
            subject, predicate = s, None
            by_predicate = view.setdefault(s[1:-1], {})
        if p != predicate:
            predicate = p
            values = by_predicate.setdefault(p[1:-1], [])
        values.append(value)
    return view


def check_alone(compiled: Compiled, ctx: Context) -> None:
    """Check every subject of a source against the shapes as if no other source stated it."""
    view = statements_of(compiled.lines)
    own_types = defaultdict(set)
    for subject, cls in _typed(view):
        own_types[subject].add(cls)
    used = compiled.used_types

    own_closures = {node: with_ancestors(found, ctx.ancestors) for node, found in own_types.items()}

    def classes(node):
        if node in own_closures:  # its own nodes (evidence, itself) no other source can type
            return own_closures[node]
        if node not in used:  # looked up elsewhere: recorded, to check again if it changes
            found = frozenset(ctx.types.get(node, ()))
            if found not in _closures:
                _closures[found] = with_ancestors(found, ctx.ancestors)
            used[node] = _closures[found]
        return used[node]

    checker = Checker(ctx.rules, lambda node: view.get(node, {}), classes)
    compiled.violations = {}
    for subject in sorted(view):
        found = checker.check(subject)
        if found:
            compiled.violations[subject] = found


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def with_ancestors(classes, ancestors: dict) -> frozenset:
    """Classes with all their superclasses."""
    return frozenset(a for c in classes for a in ancestors.get(c, (c,)))


def _typed(view):
    for subject, by_predicate in view.items():
        for cls in by_predicate.get(RDF_TYPE, ()):
            yield subject, cls[1:-1]


def reuse(source_id: str, key: str, previous: Manifest | None, cache: Cache) -> Compiled | None:
    if previous is not None and job_key(previous.keys.get(source_id)) == key:
        return previous.summary(source_id)
    found = cache.get(key)
    return unpack(found) if found is not None else None


def cached_segments(key: str, where, cache: Cache) -> dict[str, bytes]:
    """A source's segments as the build cache keeps them (``kept_segments``); ``where`` names it in an error."""
    found = cache.get(key)
    if found is None:
        raise SourceError("the build cache lost this source's compiled form; run `kg build` again", where)
    return found[2]


def source_lines(key: str, graph: str, cache: Cache) -> list[str]:
    """A source's statements (N-Triples, without the final " ."), from its compiled form in the cache."""
    nt = cached_segments(key, graph, cache)["nt"]
    return [line[:-2] for line in nt.decode("utf-8").split("\n") if line]  # without " ."


def compile_all(todo: list, jobs: int | None, progress: Progress = SILENT):
    progress.stage(f"Compiling {len(todo):,} sources", total=len(todo))
    workers = min(jobs or os.cpu_count() or 1, len(todo) // PARALLEL_FROM + 1)
    with contextlib.ExitStack() as stack:
        if workers <= 1:
            results = map(compile_job, todo)
        else:
            pool = stack.enter_context(portable.processes().Pool(workers, _take_context, (_context,)))
            results = pool.imap_unordered(compile_job, todo, chunksize=16)
        for key, result, problems, nquads, cached in results:
            if cached:  # where a worker put it in the build cache
                _context.cache.record(cached)
            progress.advance()
            yield key, result, problems, nquads


def set_context(ctx: Context) -> None:
    """This build's context, for what compiles in this process (a worker gets it through ``_take_context``)."""
    global _context
    _context = ctx


def _take_context(ctx: Context) -> None:
    """A worker's start: the build's context, sent to it (a worker inherits nothing, whatever the system)."""
    global _context
    _context = ctx


def recompile(stale: Compiled, job, ctx: Context, labels: dict) -> Compiled:
    global _context
    _context = Context(**{**ctx.__dict__, "labels": labels})
    try:
        _, result, problems, _, _ = compile_job(job)
    finally:
        _context = ctx
    if problems:
        raise InputErrors(problems)
    return unpack(result)


def concept_labels(vocab) -> dict:
    from rdflib.namespace import RDFS

    return {notation: {lit.language: str(lit) for lit in vocab.graph.objects(concept, RDFS.label)}
            for notation, concept in vocab.concepts.items()}


def ontology_types(vocab) -> dict:
    from rdflib import URIRef
    from rdflib.namespace import RDF

    types = defaultdict(set)
    for subject, cls in vocab.graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef):
            types[str(subject)].add(str(cls))
    return types


def add_gazetteer(ctx: Context, gazetteer: Compiled) -> None:
    """The gazetteer's labels and classes: with the ontology's, what every source is compiled against."""
    for entity, by_lang in gazetteer.labels.items():
        ctx.labels.setdefault(entity, {}).update(by_lang)
    for subject, cls in gazetteer.types:
        ctx.types.setdefault(subject, set()).add(cls)


PARALLEL_FROM = 64  # sources to compile before it pays to start worker processes

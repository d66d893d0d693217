"""Writing a build: every graph file, the report, the page, the store and the manifest, then all into out/.

The graph files are rewritten by copying the segments of unchanged sources
from the previous files and writing only the new ones (graph/outputs.py), and
the store gets only the changed named graphs.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from graph import iris
from graph.build import term
from graph.cache import Cache, Manifest
from graph.compile import Context, cached_segments, source_lines
from graph.namespaces import graph_iri
from graph.network import NETWORK_FILE
from graph.atomic import replace_file
from graph.outputs import GraphFiles, as_nquads, full_segments, render_segments, write_outputs
from graph.settle import Outcome
from graph.snapshot import PREVIOUS

ONTOLOGY_ID = "ontology"


ONTOLOGY_ID = "ontology"


def write_build(out: Path, previous: Manifest | None, outcome: Outcome, ctx: Context, store,
                graph_files: GraphFiles, ontology_lines: list[str], inputs: str, hashes: dict, scanned: tuple,
                 watch) -> tuple[str, dict]:
    """Write every output to temporaries, the store and the manifest; then rename them into out/."""
    cache, vocab = ctx.cache, ctx.vocab
    union_lines = {source_id: frozenset().union(*by_subject.values()) for source_id, by_subject in outcome.union.items()}
    rows = outcome.report.rows
    # the last build's manifest is only read when its ontology is this one
    graph_files.add(ONTOLOGY_ID, str(iris.ONTOLOGY_GRAPH), previous is not None,
                    lambda: render_segments(str(iris.ONTOLOGY_GRAPH), ontology_lines, ontology_lines))
    segments_order = sorted([(graph_iri(s), s) for s in outcome.keys] + [(str(iris.ONTOLOGY_GRAPH), None)])
    for graph, source_id in segments_order:
        if source_id is None:
            continue
        excluded = union_lines.get(source_id)
        graph_files.add(source_id, graph, source_id not in outcome.changed,
                        _segments_loader(outcome.cache_keys[source_id], graph, rows[source_id][0], cache, excluded),
                        union_key=_excluded_key(excluded))
    graph_files.start([g for g, _ in segments_order], tee=store.feed if store.streaming else None)
    watch.lap("graph files")
    try:
        report, text, report_json = outcome.report.render(len(vocab.graph), union_lines)
        files = {"report.txt": text.encode("utf-8"), "report.json": report_json}
        watch.lap("report")
        manifest = Manifest(inputs, outcome.keys, outcome.summaries, union=outcome.union, hashes=hashes,
                            scanned=scanned, types=outcome.types, used_nodes=outcome.used_nodes, text_files=outcome.text_files,
                            index=outcome.index.shards(), report=outcome.report)
        pickled = cache.stage_manifest(manifest, previous)
        watch.lap("manifest staged")
        staged = graph_files.finish()
    except BaseException:
        graph_files.abandon()
        raise
    watch.lap("graph files copied")
    files["graph.html"] = _page(out, staged.get(NETWORK_FILE, out / NETWORK_FILE), outcome.report.entities)
    watch.lap("page")
    watch.progress.stage("Loading the store")
    graph_files.record(manifest)
    store.finish(outcome.keys, outcome.changed, outcome.removed,
                 lambda source_id: as_nquads(graph_iri(source_id),
                                             cached_segments(outcome.cache_keys[source_id], source_id, cache)["nt"]),
                 redo=outcome.relabelled & store.fed)
    watch.lap("store")
    if "graph.nq" in staged:
        _keep_previous(out, staged["graph.nq"])
    write_outputs(out, {**staged, **files})
    manifest.store = store.commit()
    watch.lap("rename into out/")
    cache.save_manifest(manifest, pickled)
    return text, report


def _excluded_key(excluded) -> str:
    if not excluded:
        return ""
    return hashlib.sha256("\n".join(sorted(excluded)).encode()).hexdigest()[:16]


def _segments_loader(key: str, graph: str, path: str, cache: Cache, excluded):
    def load():
        segments = full_segments(graph, cached_segments(key, path, cache))
        if excluded:
            lines = source_lines(key, graph, cache)
            union = [line for line in lines if line not in excluded]
            redone = render_segments(graph, lines, union)
            segments = {**segments, "nt": redone["nt"], "ttl": redone["ttl"], "jsonld": redone["jsonld"]}
        return segments
    return load


def ontology_statements(vocab) -> list[str]:
    return sorted({f"{term(s)} {term(p)} {term(o)}" for s, p, o in vocab.graph})


PAGE_LIMIT = 5000  # entities; vis-network stays usable up to about this many (bench/bench_page.py)


def _page(out: Path, network_file: Path, entities: int) -> bytes:
    from graph.netindex import NetworkIndex
    from graph.network import example_focus, read_network
    from graph.viz import render_html, render_too_large

    if entities > PAGE_LIMIT:
        return render_too_large(entities, PAGE_LIMIT, example_focus(network_file)).encode("utf-8")
    return render_html(NetworkIndex.from_network(read_network(out, path=network_file))).encode("utf-8")


def _keep_previous(out: Path, new_nquads: Path) -> None:
    """Keep the graph being replaced as out/previous.nq, so `kg diff` can show what a build changed."""
    current = out / "graph.nq"
    if current.is_file() and not _same_file(current, new_nquads):
        temp = out / f".{PREVIOUS}.link.tmp"
        temp.unlink(missing_ok=True)
        os.link(current, temp)  # the old file itself: no copy of a large graph
        replace_file(temp, out / PREVIOUS)  # the graph previous.nq held is freed on a thread the lock waits for


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

"""The `kg` command: parse arguments, call one function, print.

Exit codes (see README): 0 success, 1 `kg diff` found differences, 2 error.
Known errors print as one line per problem (``file:line: message``); a full
traceback only with ``kg --traceback``.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from graph import __version__
from graph.errors import ExitCode, GraphError, InputErrors


class KgGroup(click.Group):
    """Turns the core's errors into one-line messages and documented exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphError as exc:
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            lines = [str(e) for e in exc.errors] if isinstance(exc, InputErrors) else str(exc).splitlines()
            for line in lines:
                click.echo(f"kg: error: {line}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # `kg … | head`: the reader has all it wanted
            sys.stderr.close()
            ctx.exit(ExitCode.OK)
        except Exception as exc:  # a bug: say so in one line unless asked for more
            if ctx.obj and ctx.obj.get("traceback"):
                raise
            click.echo(f"kg: internal error: {type(exc).__name__}: {exc} (run `kg --traceback …` for details)", err=True)
            ctx.exit(ExitCode.ERROR)


def project_options(command):
    """--root and --out, shared by the commands that read or write a project."""
    command = click.option("--out", type=click.Path(path_type=Path), default=None,
                           help="Output folder (default: ROOT/out).")(command)
    command = click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
                           show_default=True, help="Project folder holding ontology.ttl, shapes.ttl and sources/.")(command)
    return command


@click.group(cls=KgGroup)
@click.version_option(__version__, prog_name="kg")
@click.option("--traceback", is_flag=True, help="Show the full traceback of an error.")
@click.pass_context
def cli(ctx, traceback):
    """Build and question a knowledge graph of Indonesia–China regional cooperation.

    Example: kg build
    """
    ctx.ensure_object(dict)
    ctx.obj["traceback"] = traceback


@cli.command()
@project_options
@click.option("--reviewed-only", is_flag=True,
              help="Leave out machine-drafted facts a curator has not reviewed (reviewed: false).")
@click.option("--timings", is_flag=True, help="Print how long each stage of the build took (to stderr).")
@click.option("--no-warm", is_flag=True, help="Leave out the background work after the build: answering the saved queries "
              "ahead of time and compacting the store for the next build (see kg query --warm).")
def build(root, out, reviewed_only, timings, no_warm):
    """Build the graph from sources/ into out/ (Turtle, TriG, JSON-LD, N-Triples, N-Quads, report).

    Checks every source, every quote and the SHACL shapes first; if anything
    is wrong nothing in out/ changes.

    Example: kg build --root . --out out
    """
    from graph.pipeline import Paths, build as run_build

    paths = Paths(root)
    out = out or paths.out
    result = run_build(paths, out, reviewed_only=reviewed_only)
    if timings:
        for stage, seconds in result.timings:
            click.echo(f"{stage:<28} {seconds:7.3f} s", err=True)
    report = result.report
    articles = result.articles
    entities = sum(report["classes"].values())
    click.echo(f"Built {out}/ from {articles} articles and the gazetteer: "
               f"{report['triples']} triples, {entities} typed resources.")
    said = [f"{title}: {line}\n" for title, lines in (("Conflict", report["conflicts"]), ("Warning", report["warnings"]))
            for line in lines]
    click.echo("".join(said) + f"Report: {out / 'report.txt'}")
    if not no_warm:
        from graph.query import start_warming

        start_warming(out)
    global _exit_at_once
    _exit_at_once = True


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."), show_default=True,
              help="Project folder holding ontology.ttl and sources/.")
@click.option("--title", help="The headline, if the file does not give it.")
@click.option("--url", help="Where the article was published, if the file does not say.")
@click.option("--publisher", help="The publisher's id in gazetteer.yaml, if the page does not name a known one.")
@click.option("--published", help="Publication date (2025-09-24, 2025-09 or 2025), if the page does not say.")
@click.option("--language", type=click.Choice(["id", "en"]), help="The article's language, if not detected.")
@click.option("--no-extract", is_flag=True, help="Add the article without drafting its facts.")
def add(file, root, title, url, publisher, published, language, no_extract):
    """Add a saved article (HTML page or text) to sources/ and draft its facts for review.

    Writes sources/NNN_<hash>.txt (the clean text) and NNN_<hash>.yaml (its
    record, with drafted facts marked `reviewed: false`); names the gazetteer
    does not know go to sources/proposed/. The same article twice is refused.

    Example: kg add saved/page.html --publisher antara
    """
    from graph.add import add_article

    paths_root = Path(root)
    added = add_article(paths_root / "sources", paths_root / "ontology.ttl", file, title=title, url=url,
                        publisher=publisher, published=published, language=language, draft_facts=not no_extract)
    _echo_added(added, "Added")


@cli.command()
@click.argument("source")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."), show_default=True,
              help="Project folder holding ontology.ttl and sources/.")
def extract(source, root):
    """Draft an added article's facts again (after the gazetteer grew, or a new extractor).

    Reviewed facts are kept; earlier unreviewed drafts are replaced.

    Example: kg extract 005
    """
    from graph.add import extract_source

    added = extract_source(Path(root) / "sources", Path(root) / "ontology.ttl", source)
    _echo_added(added, "Drafted")


def _echo_added(added, verb):
    for note in added.notes:
        click.echo(f"Note: {note}")
    if added.record_path is None:
        click.echo(f"{verb} {added.text_path}; nothing extracted: {added.draft.reason}")
        return
    draft = added.draft
    click.echo(f"{verb} {added.record_path} ({added.text_path.name}): {len(draft.facts)} drafted facts to review"
               + ("" if not draft.reason else f"; nothing extracted: {draft.reason}"))
    if added.proposed_path is not None:
        click.echo(f"Proposed: {len(draft.proposed)} new gazetteer entries, {len(draft.pending)} facts waiting "
                   f"for them, in {added.proposed_path}")
    click.echo(f"Next: kg review {added.source_id}")


@cli.command()
@click.argument("source")
@click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=Path("."), show_default=True,
              help="Project folder holding ontology.ttl and sources/.")
@click.option("--accept", multiple=True, metavar="N|all", help="Accept draft N (or all; or 1,3; or 1-4).")
@click.option("--drop", multiple=True, metavar="N", help="Drop draft N (or 1,3).")
@click.option("--set", "corrections", multiple=True, metavar="'N key=value'",
              help="Correct draft N: set key to a YAML value ('3 role=regent'); 'N key=' removes the key.")
def review(source, root, accept, drop, corrections):
    """List a record's machine-drafted facts; accept, correct or drop them.

    Without options, lists the drafts with their numbers. Numbers refer to
    that listing; each call checks the new record before writing it.

    Example: kg review 005 --set '2 role=regent' --accept 1,2 --drop 3
    """
    from graph.review import describe, review as run_review

    result = run_review(Path(root) / "sources", Path(root) / "ontology.ttl", source, accept, drop, corrections)
    for verb, numbers in (("Accepted", result.accepted), ("Corrected", result.corrected),
                          ("Dropped", result.dropped)):
        if numbers:
            click.echo(f"{verb}: {', '.join(str(n) for n in numbers)}")
    click.echo(f"{result.record}: {len(result.drafts)} drafts to review")
    for number, draft in enumerate(result.drafts, 1):
        click.echo(f"{number:3d}. {describe(draft)}")
    if result.proposed is not None:
        click.echo(f"Proposed gazetteer entries (not in the graph until declared): {result.proposed}")


def _finite(value, param):
    """click's FloatRange lets nan through (no comparison with it is true)."""
    if value != value:
        raise click.BadParameter("must be a number of seconds, not nan", param=param)
    return value


def out_option(command):
    """--out, for the commands that read what `kg build` wrote."""
    return click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("out"),
                        show_default=True, help="Folder `kg build` wrote to.")(command)


def lang_option(command):
    return click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                        help="Language of labels.")(command)


def _network(out, lang):
    from graph.network import read_built, to_networkx

    graph, stated_in = read_built(out)
    return to_networkx(graph, lang, stated_in)


@cli.command()
@click.argument("start")
@click.argument("end")
@click.option("--max", "limit", type=click.IntRange(1, 100), default=3, show_default=True, help="How many paths.")
@click.option("--via", metavar="TYPE", help="A kind (Agreement, Event…) or class (LetterOfIntent…) that must lie between.")
@out_option
@lang_option
def path(start, end, limit, via, out, lang):
    """Show the shortest connections between two entities, named in either language.

    Each step shows the relation, its direction, and the sources of the steps.

    Example: kg path "Kota Serang" Zhejiang --max 2
    """
    from graph.analysis import describe_path, find_node, shortest_paths

    network = _network(out, lang)
    a, b = find_node(network, start), find_node(network, end)
    paths = shortest_paths(network, a, b, limit, via)
    if not paths:
        click.echo(f"No connection between {network.nodes[a]['label']} and {network.nodes[b]['label']}"
                   + (f" through a {via}" if via else "") + ".")
        return
    for found in paths:
        click.echo(describe_path(network, found))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many entities in each ranking.")
@out_option
@lang_option
def stats(fmt, top, out, lang):
    """Counts per kind and source, components, the most central entities.

    Example: kg stats --format json --top 5
    """
    import json

    from graph.analysis import stats as compute, stats_text

    result = compute(_network(out, lang), top)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if fmt == "json" else stats_text(result), nl=fmt == "json")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File to write (default: OUT/graph.FORMAT).")
@out_option
@lang_option
def export(fmt, output, out, lang):
    """Write the network as GraphML or GEXF, with labels, classes and colours, for Gephi or Cytoscape.

    Example: kg export --format gexf -o graph.gexf
    """
    from graph.export import render
    from graph.outputs import write_atomic

    output = output or out / f"graph.{fmt}"
    write_atomic(output, render(_network(out, lang), fmt))
    click.echo(f"Wrote {output}")


@cli.command()
@click.argument("query", required=False)
@click.option("-e", "--expression", metavar="SPARQL", help="The query itself, instead of a name or file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True,
              help="Answer format for SELECT/ASK; CONSTRUCT and DESCRIBE print Turtle.")
@click.option("--timeout", type=click.FloatRange(min=0.01, max=86400), default=30.0, show_default=True,
              callback=lambda ctx, param, value: _finite(value, param), help="Seconds before the query is stopped.")
@click.option("--memory", type=click.IntRange(64, 2**20), default=1024, show_default=True, metavar="MIB",
              help="Memory the query may use, in MiB, before it is stopped.")
@click.option("--bind", "bindings", multiple=True, metavar="NAME=VALUE",
              help='Run the query as if ?NAME had VALUE: <IRI>, a prefixed name (id:dprd-banten) or "text". Repeatable.')
@click.option("--limit", type=click.IntRange(min=0), metavar="N", help="Print only the first N rows of a SELECT answer (after its ORDER BY).")
@click.option("--list", "list_", is_flag=True, help="List the saved queries and the questions they answer.")
@click.option("--warm", is_flag=True, help="Answer every saved query now and keep the answers, so that asking one reads "
              "its answer; then make a compacted copy of the store for the next build (kg build starts this in the background).")
@out_option
def query(query, expression, fmt, timeout, memory, bindings, limit, list_, warm, out):
    """Ask the built graph a SPARQL query: a saved query's name, a .rq file, or -e '…'.

    The ontology's prefixes (kg:, id:, g:, prov:, oa:, …) are already declared;
    without GRAPH the query sees every source's facts; GRAPH g:002_df0ee3cb47686a21
    narrows to one source. Queries never reach the network.

    Example: kg query posts --bind where=id:dprd-banten
    """
    from graph.query import resolve, run, saved_queries, warm as warm_answers

    if list_:
        for saved in saved_queries().values():
            click.echo(f"{saved.name:<22} {saved.question}")
        return
    if warm:
        from graph.store import compact_for_next_build

        click.echo(f"Kept {warm_answers(out)} new answers in {out}/.answers/")
        if compact_for_next_build(out):
            click.echo(f"Compacted {out}/store for the next build.")
        return
    click.echo(run(resolve(query, expression), out, fmt, timeout, limit, bindings, memory), nl=False)  # bytes: written as they are


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=click.IntRange(1, 3600), default=30, show_default=True,
              help="Seconds a request may take, query included.")
@click.option("--memory", type=click.IntRange(64, 2**20), default=1024, show_default=True, metavar="MIB",
              help="Memory each query process may use, in MiB.")
@out_option
def serve(host, port, timeout, memory, out):
    """Serve the built graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    SERVICE, FROM and updates are refused (403), as in kg query; the default
    graph is the union of every source's graph; answers follow each kg build.

    Example: kg serve --port 7878
    """
    import signal

    from graph.serve import serve as run_serve

    def ready(address):
        click.echo(f"SPARQL endpoint: http://{address[0]}:{address[1]}/query (read-only; Ctrl-C stops it)", err=True)

    with contextlib.suppress(ValueError, AttributeError):  # (not in the main thread)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        run_serve(out, host, port, timeout, memory, ready=ready)
    except KeyboardInterrupt:
        pass


@cli.command()
@click.option("--endpoint", required=True, help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store.")
@click.option("--timeout", type=click.FloatRange(min=0.1, max=86400), default=600, show_default=True,
              callback=lambda ctx, param, value: _finite(value, param), help="Seconds the whole push may take.")
@out_option
def push(endpoint, timeout, out):
    """Publish the graph to a SPARQL store: one named graph per source, each replacing its previous version.

    Example: kg push --endpoint http://localhost:7878/store
    """
    from graph.push import push as run_push, shown

    pushed = run_push(out, endpoint, timeout)
    click.echo(f"Pushed {len(pushed)} graphs ({sum(pushed.values())} triples) to {shown(endpoint)}")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Page to write (default: OUT/graph.html).")
@click.option("--focus", metavar="ENTITY", help="Draw only the neighbourhood of this entity (name, alias or id).")
@click.option("--depth", type=click.IntRange(1, 20), default=1, show_default=True, help="How many steps around --focus.")
@out_option
@lang_option
def viz(output, focus, depth, out, lang):
    """Write the interactive network page: one HTML file that opens offline, from disk.

    Example: kg viz --lang en --focus "Kota Serang" --depth 2 -o serang.html
    """
    from graph.network import read_built
    from graph.outputs import write_atomic
    from graph.viz import render_html

    graph, stated = read_built(out)
    output = output or out / "graph.html"
    write_atomic(output, render_html(graph, lang=lang, focus=focus, depth=depth, stated_in=stated).encode("utf-8"))
    click.echo(f"Wrote {output}")


@cli.command()
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace a snapshot of the same name.")
@out_option
def snapshot(name, force, out):
    """Save the current build as a named snapshot (sorted N-Quads with its date) under OUT/snapshots/.

    Example: kg snapshot before-005
    """
    from graph.snapshot import save

    click.echo(f"Saved {save(out, name, force)}")


@cli.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["summary", "patch", "json"]), default="summary", show_default=True)
@click.option("--html", type=click.Path(path_type=Path, dir_okay=False), help="Also write the network page with the changes coloured.")
@out_option
@lang_option
def diff(old, new, fmt, html, out, lang):
    """Show what changed between two graphs: snapshot names, 'previous', 'current', or RDF files.

    By default: the latest snapshot (or the previous build) against the current
    build. Exit status 0 when the graphs are the same, 1 when they differ, 2 on error.

    Example: kg diff before-005 current --format patch > changes.rdfp
    """
    import json

    from graph import diff as diffing
    from graph.rdfio import read_quads
    from graph.snapshot import check, default_old, resolve

    old_path = resolve(out, old) if old else default_old(out)
    new_path = resolve(out, new) if new else resolve(out, "current")
    for warning in filter(None, (check(old_path, out), check(new_path, out))):
        click.echo(f"kg: warning: {warning}", err=True)
    result = diffing.compare_files(old_path, new_path, read_quads)
    if fmt == "json":
        click.echo(json.dumps(diffing.as_json(result), indent=2, ensure_ascii=False))
    elif fmt == "patch":
        click.echo(diffing.patch(result), nl=False)
    else:
        click.echo(diffing.summary_text(result, str(old_path), str(new_path)), nl=False)
    if html:
        from graph.network import from_quads
        from graph.outputs import write_atomic
        from graph.viz import render_html

        graph, stated = from_quads(read_quads(old_path) + read_quads(new_path))
        page = render_html(graph, lang=lang, status=diffing.page_status(result), stated_in=stated,
                           title=f"{old_path.name} → {new_path.name}")
        write_atomic(html, page.encode("utf-8"))
    raise SystemExit(0 if result.same else 1)


_exit_at_once = False  # set by a command that leaves many objects behind and nothing to clean up (see program)


def main():
    cli(prog_name="kg")


def program():
    """The `kg` program: ``main``, then, after a build, exit without freeing what it leaves behind.

    A large build leaves millions of objects; freeing them one by one took half
    a second of a rebuild. Its files are written, closed and renamed by then,
    so the system can reclaim the memory at once.
    """
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code
    if _exit_at_once and isinstance(code, int):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    program()

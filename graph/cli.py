"""The `kg` command: parse arguments, call one function, print.

Exit codes (see README): 0 success, 1 `kg diff` found differences, 2 error.
Known errors print as one line per problem (``file:line: message``); a full
traceback only with ``kg --traceback``.
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
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


def quiet_option(command):
    """-q/--quiet, on every command: print nothing but errors (the exit status is the same), and no progress.

    The command's output goes to nowhere, so each command needs nothing of its
    own for it; ``_progress()`` and the few lines written to stderr ask ``_quiet()``.
    """
    @functools.wraps(command)
    def run(*args, quiet, **kwargs):
        click.get_current_context().meta["kg.quiet"] = quiet
        if not quiet:
            return command(*args, **kwargs)
        with open(os.devnull, "w", encoding="utf-8") as nowhere, contextlib.redirect_stdout(nowhere):
            return command(*args, **kwargs)

    return click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors; no progress display.")(run)


def _quiet() -> bool:
    return click.get_current_context().meta.get("kg.quiet", False)


def _progress():
    """Progress on stderr for long work, when stderr is a terminal and not --quiet (graph/progress.py)."""
    from graph.progress import on_terminal

    return on_terminal(quiet=_quiet())


def project_options(command):
    """--root and --out, on every command: where the project is, and the folder `kg build` writes to."""
    command = click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
                           help="The output folder `kg build` writes and the other commands read (default: ROOT/out).")(command)
    command = click.option("--root", type=click.Path(path_type=Path, file_okay=False), default=None,
                           help="The project folder, holding ontology.ttl and sources/ (default: the current folder "
                                "or the nearest one above it that holds them).")(command)
    return command


def lang_option(command):
    return click.option("--lang", type=click.Choice(["en", "id"]), default="en", envvar="KG_LANG", show_default=True,
                        show_envvar=True, help="Language of labels (set KG_LANG once to change the default).")(command)


def _where(root, out) -> tuple[Path, Path]:
    from graph.project import locate

    return locate(root, out)


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
@quiet_option
@project_options
@click.option("--reviewed-only", is_flag=True,
              help="Leave out machine-drafted facts a curator has not reviewed (reviewed: false).")
@click.option("--timings", is_flag=True, help="Print how long each stage of the build took (to stderr, even with --quiet).")
@click.option("--no-warm", is_flag=True, help="Leave out the background work after the build: answering the saved queries "
              "ahead of time and compacting the store for the next build (see kg query --warm).")
@lang_option
def build(root, out, reviewed_only, timings, no_warm, lang):
    """Build the graph from sources/ into out/ (Turtle, TriG, JSON-LD, N-Triples, N-Quads, report).

    Checks every source, every quote and the SHACL shapes first; if anything
    is wrong nothing in out/ changes.

    Example: kg build --root . --out out
    """
    from graph.pipeline import Paths, build as run_build
    from graph.report import summary_lines

    root, out = _where(root, out)
    with _progress() as progress:
        result = run_build(Paths(root), out, reviewed_only=reviewed_only, progress=progress)
    if timings:
        for stage, seconds in result.timings:
            click.echo(f"{stage:<28} {seconds:7.3f} s", err=True)
    report = result.report
    articles = result.articles
    entities = sum(report["classes"].values())
    click.echo(f"Built {out}/ from {articles} articles and the gazetteer: "
               f"{report['triples']} triples, {entities} typed resources.")
    said = [f"{line}\n" for line in summary_lines(report, out / "report.txt")]
    click.echo("".join(said) + f"Report: {out / 'report.txt'}")
    if not no_warm:
        from graph.query import start_warming

        start_warming(out, lang)
    global _exit_at_once
    _exit_at_once = True


@cli.command()
@quiet_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_options
@click.option("--title", help="The headline, if the file does not give it (a text file's first line is its headline).")
@click.option("--url", help="Where the article was published, if the file does not say.")
@click.option("--publisher", help="The publisher's id (gazetteer.yaml, or an outlet another record drafted); without it a "
              "known one is found by the page's site name or address, or a new one is drafted from them.")
@click.option("--published", help="Publication date (2025-09-24, 2025-09 or 2025), if the page does not say.")
@click.option("--language", type=click.Choice(["id", "en"]), help="The article's language, if not detected.")
@click.option("--no-extract", is_flag=True, help="Add the article without drafting its facts.")
def add(file, root, out, title, url, publisher, published, language, no_extract):
    """Add a saved article (HTML page or text) to sources/ and draft its facts for review.

    Writes sources/NNN_<hash>.txt (the clean text) and NNN_<hash>.yaml (its
    record, with drafted facts marked `reviewed: false`); names the gazetteer
    does not know, the publisher among them, are drafted as the record's
    `entities:`. The same article twice is refused.

    Example: kg add saved/page.html
    """
    from graph.add import add_article

    root, _ = _where(root, out)
    with _progress() as progress:
        added = add_article(root / "sources", root / "ontology.ttl", file, title=title, url=url,
                            publisher=publisher, published=published, language=language, draft_facts=not no_extract,
                            progress=progress)
    _echo_added(added, "Added")


@cli.command()
@quiet_option
@click.argument("source")
@project_options
def extract(source, root, out):
    """Draft an added article's facts again (after the gazetteer grew, or a new extractor).

    Reviewed facts are kept; earlier unreviewed drafts are replaced.

    Example: kg extract 005
    """
    from graph.add import extract_source

    root, _ = _where(root, out)
    with _progress() as progress:
        added = extract_source(root / "sources", root / "ontology.ttl", source, progress=progress)
    _echo_added(added, "Drafted")


def _echo_added(added, verb):
    for note in added.notes:
        click.echo(f"Note: {note}")
    if added.record_path is None:
        click.echo(f"{verb} {added.text_path}; nothing extracted: {added.draft.reason}")
        return
    left_open = added.draft.notes  # what the extractor could not decide: one line each on stderr
    for note in left_open if not _quiet() else ():
        click.echo("Draft note: " + "".join(c if c.isprintable() else "\ufffd" for c in note), err=True)
    click.echo(f"{verb} {added.record_path} ({added.text_path.name}): {len(added.facts)} drafted facts to review"
               + (f" ({len(left_open)} draft note{'s' * (len(left_open) > 1)} on what it left open)" if left_open else "")
               + ("" if not added.draft.reason else f"; nothing extracted: {added.draft.reason}"))
    if added.entities:
        names = ", ".join(f"{entity['id']} ({entity['type']})" for entity in added.entities)
        click.echo(f"New names, drafted as entities: {names}")
    click.echo(f"Next: kg review {added.source_id}")


@cli.command()
@quiet_option
@click.argument("source")
@project_options
@click.option("--accept", multiple=True, metavar="N|all", help="Accept draft N (or all; or 1,3; or 1-4; e1 for an entity).")
@click.option("--drop", multiple=True, metavar="N", help="Drop draft N (or 1,3); a dropped entity takes its drafted facts along.")
@click.option("--set", "corrections", multiple=True, metavar="'N key=value'",
              help="Correct draft N: set key to a YAML value ('3 role=regent'); 'N key=' removes the key.")
@click.option("--rename", "renames", multiple=True, metavar="'eN New Name'",
              help="Rename draft entity eN: the new label, and the id made from it, wherever the record names it.")
@click.option("--merge", "merges", multiple=True, metavar="'eN known-id'",
              help="Merge draft entity eN into a known entity: its id is replaced by known-id in the record.")
@click.option("--split", multiple=True, metavar="N",
              help="Draft N was matched to another source's event or agreement but is not it: give it an id of its own "
                   "(and, with --set, a label).")
def review(source, root, out, accept, drop, corrections, renames, merges, split):
    """List a record's machine drafts (new entities e1, e2, …; facts 1, 2, …); accept, correct,
    rename, merge, split or drop them.

    Without options, lists the drafts with their numbers. Numbers refer to
    that listing; each call checks the new record before writing it, and
    edits it in place (comments and layout kept).

    Example: kg review 005 --set '2 role=regent' --accept 1,2,e1 --drop 3 --merge 'e2 budi-rustandi'
    """
    from graph.review import describe, describe_entity, review as run_review

    root, _ = _where(root, out)
    result = run_review(root / "sources", root / "ontology.ttl", source, accept, drop, corrections,
                        renames, merges, split)
    for verb, numbers in (("Accepted", result.accepted), ("Corrected", result.corrected),
                          ("Renamed", result.renamed), ("Merged", result.merged), ("Dropped", result.dropped),
                          ("Split", result.split)):
        if numbers:
            click.echo(f"{verb}: {', '.join(numbers)}")
    for number, ids in result.waiting:
        click.echo(f"Note: {number} names draft entities ({', '.join(ids)}): --reviewed-only leaves it out "
                   "until they are accepted")
    count = len(result.entities)
    entities = f" and {count} draft {'entity' if count == 1 else 'entities'}" if count else ""
    click.echo(f"{result.record}: {len(result.drafts)} drafts to review{entities}")
    for number, entity in enumerate(result.entities, 1):
        first, *more = describe_entity(entity, result.drafts, result.labels, result.publisher)
        click.echo(f"{'e' + str(number):>3}. {first}")
        for line in more:
            click.echo(f"     {line}")
    for number, draft in enumerate(result.drafts, 1):
        click.echo(f"{number:3d}. {describe(draft)}")


def _finite(value, param):
    """click's FloatRange lets nan through (no comparison with it is true)."""
    if value != value:
        raise click.BadParameter("must be a number of seconds, not nan", param=param)
    return value


def _network(out, lang):
    """The network the build wrote, merged once and kept (graph/netindex.py)."""
    from graph.netindex import read_index

    return read_index(out, lang)


@cli.command()
@quiet_option
@click.argument("start")
@click.argument("end")
@click.option("--max", "limit", type=click.IntRange(1, 100), default=3, show_default=True, help="How many paths.")
@click.option("--via", metavar="TYPE", help="A kind (Agreement, Event…) or class (LetterOfIntent…) that must lie between.")
@project_options
@lang_option
def path(start, end, limit, via, root, out, lang):
    """Show the shortest connections between two entities, named in either language.

    Each step shows the relation, its direction, and the sources of the steps.

    Example: kg path "Kota Serang" Zhejiang --max 2
    """
    root, out = _where(root, out)
    from graph.analysis import describe_path, find_node, shortest_paths

    network = _network(out, lang)
    a, b = find_node(network, start), find_node(network, end)
    paths = shortest_paths(network, a, b, limit, via)
    if not paths:
        click.echo(f"No connection between {network.label(network.number[a])} and {network.label(network.number[b])}"
                   + (f" through a {via}" if via else "") + ".")
        return
    for found in paths:
        click.echo(describe_path(network, found))


@cli.command()
@quiet_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many entities in each ranking.")
@project_options
@lang_option
def stats(fmt, top, root, out, lang):
    """Counts per kind and source, components, the most central entities.

    Example: kg stats --format json --top 5
    """
    root, out = _where(root, out)
    import json

    from graph.analysis import stats as compute, stats_text

    with _progress() as progress:
        progress.stage("Reading the network")
        network = _network(out, lang)
        progress.stage("Ranking entities")
        result = compute(network, top, out)
    click.echo(json.dumps(result, indent=2, ensure_ascii=False) if fmt == "json" else stats_text(result), nl=fmt == "json")


@cli.command()
@quiet_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="File to write (default: OUT/graph.FORMAT).")
@project_options
@lang_option
def export(fmt, output, root, out, lang):
    """Write the network as GraphML or GEXF, with labels, classes and colours, for Gephi or Cytoscape.

    Example: kg export --format gexf -o graph.gexf
    """
    root, out = _where(root, out)
    from graph.export import render
    from graph.atomic import write_atomic

    output = output or out / f"graph.{fmt}"
    write_atomic(output, render(_network(out, lang).to_networkx(), fmt))
    click.echo(f"Wrote {output}")


QUERY_FORMATS = ("table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "nquads", "jsonld")  # graph.answers.FORMATS


@cli.command()
@quiet_option
@click.argument("query", required=False)
@click.option("-e", "--expression", metavar="SPARQL", help="The query itself, instead of a name, a file or - (standard input).")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default=None,
              help="SELECT/ASK: table (the default), or SPARQL 1.1 results as json, xml, csv or tsv. "
                   "CONSTRUCT/DESCRIBE: turtle (the default), ntriples, nquads or jsonld.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the answer to this file (whole or not at all) instead of printing it.")
@click.option("--labels/--no-labels", default=None,
              help="Add each IRI's label beside it (a NAME_label column in json, xml, csv and tsv). On for tables.")
@click.option("--timeout", type=click.FloatRange(min=0.01, max=86400), default=30.0, show_default=True,
              callback=lambda ctx, param, value: _finite(value, param), help="Seconds before the query is stopped.")
@click.option("--memory", type=click.IntRange(64, 2**20), default=1024, show_default=True, metavar="MIB",
              help="Memory the query may use, in MiB, before it is stopped.")
@click.option("--bind", "bindings", multiple=True, metavar="NAME=VALUE",
              help='Set a parameter (see --list) or selected variable ?NAME to VALUE: <IRI>, a prefixed name '
                   '(id:dprd-banten), "text", a date (2025-06-01) or a number. Repeatable.')
@click.option("--limit", type=click.IntRange(min=0), metavar="N", help="Print only the first N rows of a SELECT answer (after its ORDER BY).")
@click.option("--list", "list_", is_flag=True, help="List the saved queries, the questions they answer and their parameters.")
@click.option("--warm", is_flag=True, help="Answer every saved query now and keep the answers, so that asking one reads "
              "its answer; merge the network for kg path, stats and viz; then make a compacted copy of the store for the "
              "next build (kg build starts this in the background).")
@project_options
@lang_option
def query(query, expression, fmt, output, labels, timeout, memory, bindings, limit, list_, warm, root, out, lang):
    """Ask the built graph a SPARQL query: a saved query's name, a .rq file, - (standard input) or -e '…'.

    The ontology's prefixes (kg:, id:, g:, prov:, oa:, …) are already declared;
    without GRAPH the query sees every statement once; GRAPH g:002_df0ee3cb47686a21
    narrows to one source. Queries never reach the network.

    Example: kg query posts --bind where=id:dprd-banten --format csv -o posts.csv
    """
    root, out = _where(root, out)
    if list_:
        from graph.saved import saved_queries

        for saved in saved_queries().values():
            click.echo(f"{saved.name:<22} {saved.question}")
            if saved.parameters:
                described = ", ".join(f"{p.name} ({'--lang' if p.name == 'lang' else 'any' if p.default == 'UNDEF' else p.default})"
                                      for p in saved.parameters)
                click.echo(f"{'':<22}   parameters: {described}")
            if any(p.name != "lang" for p in saved.parameters):
                click.echo(f"{'':<22}   e.g. {saved.example()}")
        return
    from graph.query import resolve, run, warm as warm_answers, warnings

    if warm:
        from graph.store import compact_for_next_build

        from graph.analysis import keep_ahead

        click.echo(f"Kept {warm_answers(out, lang=lang)} new answers in {out}/.answers/")
        if keep_ahead(out):
            click.echo(f"Kept the merged network and its betweenness in {out}/.")
        if compact_for_next_build(out):
            click.echo(f"Compacted {out}/store for the next build.")
        return
    text = resolve(query, expression, click.get_text_stream("stdin"))
    for line in warnings(text, out):
        click.echo(f"kg: warning: {line}", err=True)
    width = shutil.get_terminal_size().columns if output is None and sys.stdout.isatty() else None
    answer = run(text, out, fmt, timeout, limit, bindings, labels, lang, width, memory)
    if output is None:
        click.echo(answer, nl=False)  # bytes: written as they are
        return
    from graph.atomic import write_atomic

    write_atomic(output, answer)
    click.echo(f"Wrote {output}", err=True)


@cli.command()
@quiet_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port (0: any free one).")
@click.option("--timeout", type=click.IntRange(1, 3600), default=30, show_default=True,
              help="Seconds a request may take, query included.")
@click.option("--memory", type=click.IntRange(64, 2**20), default=1024, show_default=True, metavar="MIB",
              help="Memory each query process may use, in MiB.")
@project_options
def serve(host, port, timeout, memory, root, out):
    """Serve the built graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query.

    SERVICE, FROM and updates are refused (403), as in kg query; the default
    graph holds every source's statements, each once; answers follow each kg build.

    Example: kg serve --port 7878
    """
    root, out = _where(root, out)
    import signal

    from graph.serve import serve as run_serve

    def ready(address):
        if not _quiet():
            click.echo(f"SPARQL endpoint: http://{address[0]}:{address[1]}/query (read-only; Ctrl-C stops it)",
                       err=True)

    with contextlib.suppress(ValueError, AttributeError):  # (not in the main thread)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        run_serve(out, host, port, timeout, memory, ready=ready)
    except KeyboardInterrupt:
        pass


@cli.command()
@quiet_option
@click.option("--endpoint", required=True, help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store.")
@click.option("--timeout", type=click.FloatRange(min=0.1, max=86400), default=600, show_default=True,
              callback=lambda ctx, param, value: _finite(value, param), help="Seconds the whole push may take.")
@click.option("--skip", multiple=True, metavar="NAME",
              help="Leave this named graph as the store has it (the last part of its IRI: regions, ontology, "
                   "a source's id); repeatable.")
@project_options
def push(endpoint, timeout, skip, root, out):
    """Publish the graph to a SPARQL store: one named graph per source, each replacing its previous version.

    Example: kg push --endpoint http://localhost:7878/store --skip regions
    """
    root, out = _where(root, out)
    from graph.push import push as run_push, shown

    with _progress() as progress:
        pushed = run_push(out, endpoint, timeout, progress=progress, skip=tuple(skip))
    click.echo(f"Pushed {len(pushed)} graphs ({sum(pushed.values())} triples) to {shown(endpoint)}")


@cli.command()
@quiet_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Page to write (default: OUT/graph.html).")
@click.option("--focus", metavar="ENTITY", help="Draw only the neighbourhood of this entity (name, alias or id).")
@click.option("--depth", type=click.IntRange(1, 20), default=1, show_default=True, help="How many steps around --focus.")
@project_options
@lang_option
def viz(output, focus, depth, root, out, lang):
    """Write the interactive network page: one HTML file that opens offline, from disk.

    Example: kg viz --lang en --focus "Kota Serang" --depth 2 -o serang.html
    """
    root, out = _where(root, out)
    from graph.atomic import write_atomic
    from graph.viz import render_html

    network = _network(out, lang)
    output = output or out / "graph.html"
    write_atomic(output, render_html(network, lang=lang, focus=focus, depth=depth).encode("utf-8"))
    click.echo(f"Wrote {output}")


@cli.command()
@quiet_option
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace a snapshot of the same name.")
@project_options
def snapshot(name, force, root, out):
    """Save the current build as a named snapshot (sorted N-Quads with its date) under OUT/snapshots/.

    Example: kg snapshot before-005
    """
    root, out = _where(root, out)
    from graph.snapshot import save

    click.echo(f"Saved {save(out, name, force)}")


@cli.command()
@quiet_option
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--format", "fmt", type=click.Choice(["summary", "patch", "json"]), default="summary", show_default=True)
@click.option("--html", type=click.Path(path_type=Path, dir_okay=False), help="Also write the network page with the changes coloured.")
@project_options
@lang_option
def diff(old, new, fmt, html, root, out, lang):
    """Show what changed between two graphs: snapshot names, 'previous', 'current', or RDF files.

    By default: the latest snapshot (or the previous build) against the current
    build. Exit status 0 when the graphs are the same, 1 when they differ, 2 on error.

    Example: kg diff before-005 current --format patch > changes.rdfp
    """
    root, out = _where(root, out)
    import json

    from graph import diff as diffing
    from graph.rdfio import read_quads
    from graph.snapshot import check, default_old, resolve

    old_path = resolve(out, old) if old else default_old(out)
    new_path = resolve(out, new) if new else resolve(out, "current")
    for warning in filter(None, (check(old_path, out), check(new_path, out))):
        click.echo(f"kg: warning: {warning}", err=True)
    with _progress() as progress:
        progress.stage("Comparing graphs")
        result = diffing.compare_files(old_path, new_path, read_quads)
    if fmt == "json":
        click.echo(json.dumps(diffing.as_json(result), indent=2, ensure_ascii=False))
    elif fmt == "patch":
        click.echo(diffing.patch(result), nl=False)
    else:
        click.echo(diffing.summary_text(result, str(old_path), str(new_path)), nl=False)
    if html:
        from graph.netindex import NetworkIndex
        from graph.network import from_quads
        from graph.atomic import write_atomic
        from graph.viz import render_html

        network = NetworkIndex.from_network(from_quads(read_quads(old_path) + read_quads(new_path), lang), lang)
        page = render_html(network, lang=lang, status=diffing.page_status(result), title=f"{old_path.name} → {new_path.name}")
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

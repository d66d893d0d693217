"""`kg query`, `kg serve` and `kg push`: asking the built graph, serving it, publishing it."""
from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path

import click

from graph.cli.common import cli, finite, is_quiet, lang_option, progress_display, project_options, quiet_option, where

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
              callback=lambda ctx, param, value: finite(value, param), help="Seconds before the query is stopped.")
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
    root, out = where(root, out)
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
    root, out = where(root, out)
    import signal

    from graph.serve import serve as run_serve

    def ready(address):
        if not is_quiet():
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
              callback=lambda ctx, param, value: finite(value, param), help="Seconds the whole push may take.")
@click.option("--skip", multiple=True, metavar="NAME",
              help="Leave this named graph as the store has it (the last part of its IRI: regions, ontology, "
                   "a source's id); repeatable.")
@project_options
def push(endpoint, timeout, skip, root, out):
    """Publish the graph to a SPARQL store: one named graph per source, each replacing its previous version.

    Example: kg push --endpoint http://localhost:7878/store --skip regions
    """
    root, out = where(root, out)
    from graph.push import push as run_push, shown

    with progress_display() as progress:
        pushed = run_push(out, endpoint, timeout, progress=progress, skip=tuple(skip))
    click.echo(f"Pushed {len(pushed)} graphs ({sum(pushed.values())} triples) to {shown(endpoint)}")

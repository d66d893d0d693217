"""`kg path`, `kg stats`, `kg export` and `kg viz`: the network view of the graph."""
from __future__ import annotations

from pathlib import Path

import click

from graph.cli.common import cli, lang_option, progress_display, project_options, quiet_option, read_network, where


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
    root, out = where(root, out)
    from graph.analysis import describe_path, find_node, shortest_paths

    network = read_network(out, lang)
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
    root, out = where(root, out)
    import json

    from graph.analysis import stats as compute, stats_text

    with progress_display() as progress:
        progress.stage("Reading the network")
        network = read_network(out, lang)
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
    root, out = where(root, out)
    from graph.export import render
    from graph.atomic import write_atomic

    output = output or out / f"graph.{fmt}"
    write_atomic(output, render(read_network(out, lang).to_networkx(), fmt))
    click.echo(f"Wrote {output}")


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
    root, out = where(root, out)
    from graph.atomic import write_atomic
    from graph.viz import render_html

    network = read_network(out, lang)
    output = output or out / "graph.html"
    write_atomic(output, render_html(network, lang=lang, focus=focus, depth=depth).encode("utf-8"))
    click.echo(f"Wrote {output}")

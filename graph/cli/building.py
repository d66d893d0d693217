"""`kg build`, `kg snapshot` and `kg diff`: making the graph and comparing its versions."""
from __future__ import annotations

from pathlib import Path

import click

from graph.cli import common
from graph.cli.common import cli, lang_option, progress_display, project_options, quiet_option, where


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

    root, out = where(root, out)
    with progress_display() as progress:
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
    common.exit_at_once = True  # see graph.cli.program


@cli.command()
@quiet_option
@click.argument("name")
@click.option("--force", is_flag=True, help="Replace a snapshot of the same name.")
@project_options
def snapshot(name, force, root, out):
    """Save the current build as a named snapshot (sorted N-Quads with its date) under OUT/snapshots/.

    Example: kg snapshot before-005
    """
    root, out = where(root, out)
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
    root, out = where(root, out)
    import json

    from graph import diff as diffing
    from graph.rdfio import read_quads
    from graph.snapshot import check, default_old, resolve

    old_path = resolve(out, old) if old else default_old(out)
    new_path = resolve(out, new) if new else resolve(out, "current")
    for warning in filter(None, (check(old_path, out), check(new_path, out))):
        click.echo(f"kg: warning: {warning}", err=True)
    with progress_display() as progress:
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

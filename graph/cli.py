"""The `kg` command: parse arguments, call one function, print.

Exit codes (see README): 0 success, 1 `kg diff` found differences, 2 error.
Known errors print as one line per problem (``file:line: message``); a full
traceback only with ``kg --traceback``.
"""
from __future__ import annotations

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
def build(root, out, reviewed_only):
    """Build the graph from sources/ into out/ (Turtle, TriG, JSON-LD, N-Triples, N-Quads, report).

    Checks every source, every quote and the SHACL shapes first; if anything
    is wrong nothing in out/ changes.

    Example: kg build --root . --out out
    """
    from graph.pipeline import Paths, build as run_build

    paths = Paths(root)
    out = out or paths.out
    result = run_build(paths, out, reviewed_only=reviewed_only)
    report = result.report
    articles = len(result.project.articles)
    entities = sum(report["classes"].values())
    click.echo(f"Built {out}/ from {articles} articles and the gazetteer: "
               f"{report['triples']} triples, {entities} typed resources.")
    for title, lines in (("Conflict", report["conflicts"]), ("Warning", report["warnings"])):
        for line in lines:
            click.echo(f"{title}: {line}")
    click.echo(f"Report: {out / 'report.txt'}")


def main():
    cli(prog_name="kg")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

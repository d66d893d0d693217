"""What every `kg` command shares: the group that turns errors into one-line messages and exit codes, and the
options every command takes (--quiet, --root/--out, --lang)."""
from __future__ import annotations

import contextlib
import functools
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


def quiet_option(command):
    """-q/--quiet, on every command: print nothing but errors (the exit status is the same), and no progress.

    The command's output goes to nowhere, so each command needs nothing of its
    own for it; ``progress_display()`` and the few lines written to stderr ask ``is_quiet()``.
    """
    @functools.wraps(command)
    def run(*args, quiet, **kwargs):
        click.get_current_context().meta["kg.quiet"] = quiet
        if not quiet:
            return command(*args, **kwargs)
        with open(os.devnull, "w", encoding="utf-8") as nowhere, contextlib.redirect_stdout(nowhere):
            return command(*args, **kwargs)

    return click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors; no progress display.")(run)


def is_quiet() -> bool:
    return click.get_current_context().meta.get("kg.quiet", False)


def progress_display():
    """Progress on stderr for long work, when stderr is a terminal and not --quiet (graph/progress.py)."""
    from graph.progress import on_terminal

    return on_terminal(quiet=is_quiet())


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


def where(root, out) -> tuple[Path, Path]:
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


def finite(value, param):
    """click's FloatRange lets nan through (no comparison with it is true)."""
    if value != value:
        raise click.BadParameter("must be a number of seconds, not nan", param=param)
    return value


def read_network(out, lang):
    """The network the build wrote, merged once and kept (graph/netindex.py)."""
    from graph.netindex import read_index

    return read_index(out, lang)


# Set by a command that leaves many objects behind and nothing to clean up (see graph.cli.program).
exit_at_once = False

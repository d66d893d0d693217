"""The `kg` command: parse arguments, call one function, print.

A thin layer over the modules that do the work, one module per group of commands: building.py (build,
snapshot, diff), articles.py (add, extract, review), querying.py (query, serve, push), network.py (path, stats,
export, viz); common.py holds the group and the options they share.

Exit codes (see README): 0 success, 1 `kg diff` found differences, 2 error.
Known errors print as one line per problem (``file:line: message``); a full
traceback only with ``kg --traceback``.
"""
from __future__ import annotations

import os
import sys

from graph.cli import common
from graph.cli.common import cli
from graph.cli import articles, building, network, querying
from graph.cli.querying import QUERY_FORMATS  # noqa: F401 - the formats `kg query --format` takes

__all__ = ["QUERY_FORMATS", "cli", "main", "program"]
COMMAND_MODULES = (articles, building, network, querying)  # importing each registers its commands


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
    if common.exit_at_once and isinstance(code, int):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    program()

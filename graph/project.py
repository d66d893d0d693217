"""Where the project is: found from any folder beneath it, as git finds its repository.

A project folder holds ``ontology.ttl`` and ``sources/``; ``kg`` run in it or
in any folder below it (``sources/``, ``queries/``…) works on it, and
its output folder is ``out/`` in it unless ``--out`` says otherwise.
"""
from __future__ import annotations

import os
from pathlib import Path


def is_project(folder: Path) -> bool:
    return (folder / "ontology.ttl").is_file() and (folder / "sources").is_dir()


def find_root(start: Path | None = None) -> Path:
    """The nearest folder from ``start`` (the current folder) upward that is a project; else ``start`` itself."""
    start = Path(".") if start is None else Path(start)
    here = start.absolute()
    for folder in (here, *here.parents):
        if is_project(folder):
            return start if folder == here else Path(os.path.relpath(folder))  # ../out, as the user would write it
    return start


def locate(root: Path | None, out: Path | None) -> tuple[Path, Path]:
    """The project folder and the output folder: as given, or found (``root/out``)."""
    root = find_root() if root is None else Path(root)
    return root, Path(out) if out is not None else root / "out"

"""Snapshots of the built graph: canonical sorted N-Quads under out/snapshots/, with their date."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from graph.errors import GraphError, NotBuilt
from graph.outputs import write_atomic

FOLDER = "snapshots"
PREVIOUS = "previous.nq"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")


class SnapshotError(GraphError):
    """A snapshot name that is bad, taken, or unknown."""


def snapshots(out: Path) -> dict[str, Path]:
    """Known snapshots by name, oldest first (by the date each records)."""
    folder = Path(out) / FOLDER
    found = {path.stem: path for path in folder.glob("*.nq")} if folder.is_dir() else {}
    return dict(sorted(found.items(), key=lambda item: (taken(item[1]), item[0])))


def taken(path: Path) -> str:
    with open(path, encoding="utf-8") as handle:
        first = handle.readline()
    return first.split(" taken ", 1)[1].strip() if first.startswith("# snapshot") and " taken " in first else ""


def save(out: Path, name: str, force: bool = False, now: dt.datetime | None = None) -> Path:
    if not _NAME.match(name):
        raise SnapshotError(f"snapshot name {name!r}: use letters, digits, '.', '_' and '-'")
    current = Path(out) / "graph.nq"
    if not current.is_file():
        raise NotBuilt(f"no graph in {out}/: run `kg build` first")
    target = Path(out) / FOLDER / f"{name}.nq"
    if target.exists() and not force:
        raise SnapshotError(f"snapshot {name!r} exists already (--force replaces it)")
    stamp = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat()
    lines = sorted(line for line in current.read_bytes().split(b"\n") if line)  # canonical: sorted statements
    write_atomic(target, f"# snapshot {name} taken {stamp}\n".encode() + b"\n".join(lines) + b"\n")
    return target


def resolve(out: Path, name_or_path: str) -> Path:
    """A snapshot's name, 'previous', 'current', or a path to an RDF file."""
    if name_or_path == "current":
        return Path(out) / "graph.nq"
    if name_or_path == "previous":
        return Path(out) / PREVIOUS
    known = snapshots(out)
    if name_or_path in known:
        return known[name_or_path]
    path = Path(name_or_path)
    if path.suffix and path.exists():
        return path
    listed = ", ".join(known) or "none yet (kg snapshot NAME makes one)"
    raise SnapshotError(f"no snapshot or file {name_or_path!r}; known snapshots: {listed}")


def default_old(out: Path) -> Path:
    known = snapshots(out)
    if known:
        return list(known.values())[-1]
    previous = Path(out) / PREVIOUS
    if previous.exists():
        return previous
    raise SnapshotError("nothing to compare with: no snapshot and no previous build (kg snapshot NAME makes one)")

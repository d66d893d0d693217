"""Snapshots of the built graph: canonical sorted N-Quads under out/snapshots/, with their date.

A snapshot is sealed: its first line says so, and its last line gives its
statement count and the SHA-256 of its statement lines, so that one cut short
(even at a line's end), emptied or altered is refused rather than compared.
Snapshots made before the seal are compared with a warning that they cannot
be checked.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from graph.errors import GraphError, NotBuilt
from graph.atomic import write_atomic

FOLDER = "snapshots"
PREVIOUS = "previous.nq"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
SEALED = " (sealed: the last line gives the statement count and digest)"
_END = re.compile(rb"# end of snapshot: (\d+) statements, sha256 ([0-9a-f]{64})\n\Z")


class SnapshotError(GraphError):
    """A snapshot name that is bad, taken, or unknown."""


def snapshots(out: Path) -> dict[str, Path]:
    """Known snapshots by name, oldest first (by the date each records); a file that is not one is passed over."""
    folder = Path(out) / FOLDER
    found = {path.stem: path for path in folder.glob("*.nq") if path.is_file()} if folder.is_dir() else {}
    return dict(sorted(found.items(), key=lambda item: (taken(item[1]), item[0])))


def taken(path: Path) -> str:
    """The date a snapshot records on its first line; "" if it has none or cannot be read."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline(4096).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    if not first.startswith("# snapshot ") or " taken " not in first:
        return ""
    return first.split(" taken ", 1)[1].split()[0] if first.split(" taken ", 1)[1].split() else ""


def check(path: Path, out: Path) -> str | None:
    """Refuse a damaged snapshot (SnapshotError); a warning for one made before snapshots were sealed.

    Only what ``resolve`` found in out/snapshots/, or a file that says it is a
    snapshot, is checked: any other RDF file is the reader's to judge.
    """
    if Path(path).suffix != ".nq":
        return None  # snapshots are N-Quads; the reader refuses what it cannot read, unopened
    try:
        with open(path, "rb") as handle:
            header = handle.readline(4096).rstrip(b"\n")
            if not header.startswith(b"# snapshot "):  # not a snapshot: the rest is not read here
                if Path(path).resolve().parent == (Path(out) / FOLDER).resolve():
                    empty = not header and not handle.read(1)
                    raise SnapshotError(f"{path}: {'empty' if empty else 'no snapshot line at its start'}: "
                                        "not a snapshot `kg snapshot` made")
                return None
            body = handle.read()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read: {exc.strerror}") from None
    if not header.endswith(SEALED.encode()):
        return (f"{path} was made before snapshots were sealed: whether it is whole cannot be checked "
                "(kg snapshot --force NAME makes it again from the current build)")
    end = body.rfind(b"# end of snapshot: ")
    marker = _END.match(body, end) if end >= 0 and (end == 0 or body[end - 1:end] == b"\n") else None
    if marker is None:
        raise SnapshotError(f"{path}: cut short or damaged: its last line is not the end marker "
                            "(statement count and digest) that a snapshot ends with")
    statements = body[:end]
    count = statements.count(b"\n")
    if count != int(marker.group(1)):
        raise SnapshotError(f"{path}: damaged: it holds {count} statements, its end marker says {marker.group(1)}")
    if hashlib.sha256(statements).hexdigest() != marker.group(2).decode():
        raise SnapshotError(f"{path}: damaged: its statements do not match the digest in its end marker")
    return None


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
    statements = b"".join(line + b"\n" for line in lines)
    end = f"# end of snapshot: {len(lines)} statements, sha256 {hashlib.sha256(statements).hexdigest()}\n"
    write_atomic(target, f"# snapshot {name} taken {stamp}{SEALED}\n".encode() + statements + end.encode())
    return target


def resolve(out: Path, name_or_path: str) -> Path:
    """A snapshot's name, 'previous', 'current', or a path to an RDF file."""
    if name_or_path == "current":
        return Path(out) / "graph.nq"
    if name_or_path == "previous":
        return Path(out) / PREVIOUS
    named = Path(out) / FOLDER / f"{name_or_path}.nq"
    if _NAME.match(name_or_path) and named.is_file():  # only this snapshot is opened, not every one
        return named
    path = Path(name_or_path)
    if path.suffix and path.exists():
        return path
    listed = ", ".join(snapshots(out)) or "none yet (kg snapshot NAME makes one)"
    raise SnapshotError(f"no snapshot or file {name_or_path!r}; known snapshots: {listed}")


def default_old(out: Path) -> Path:
    known = snapshots(out)
    if known:
        return list(known.values())[-1]
    previous = Path(out) / PREVIOUS
    if previous.exists():
        return previous
    raise SnapshotError("nothing to compare with: no snapshot and no previous build (kg snapshot NAME makes one)")

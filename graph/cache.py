"""What a build keeps between runs: each source built, by content, and the last build's manifest.

``.kg-cache/<key>`` (in the project folder) holds one source compiled (its
statements and what the project-wide checks need); the key is a hash of the
source's files, the ontology, the shapes and this code's version, so a changed
input is simply a different key. ``out/.manifest`` describes the build whose
files are in out/: which key each source had, where each source's segment sits
in each output file, and what the project-wide checks need of every source. A
build that fails writes no manifest and changes nothing in out/, so the next
build compares against the last one that succeeded.

Files are pickles read back with an unpickler that only builds this module's
and build.py's plain records (no other class is ever imported on load), and
are written under temporary names and renamed, like every output.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import graph

CACHE_DIR = ".kg-cache"
MANIFEST = ".manifest"
KEEP_UNUSED_DAYS = 7  # another out/ folder (--reviewed-only, say) may still want them
FORMAT = 2  # bump when what is cached changes shape
_ALLOWED = {("graph.build", "Compiled"), ("graph.build", "Claim"), ("graph.validate", "Violation"),
            ("graph.cache", "Manifest"), ("builtins", "frozenset"), ("builtins", "set")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in kg's cache")
        return super().find_class(module, name)


def loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


def code_version() -> str:
    """A hash of the package's own code: a new kg version never reuses an old cache."""
    digest = hashlib.sha256(f"{FORMAT}".encode())
    package = Path(graph.__file__).parent
    for module in sorted(package.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:16]


class Placed(NamedTuple):
    """Where one source's segment sits in an output file."""

    offset: int
    length: int


@dataclass
class Manifest:
    inputs: str  # hash of ontology, shapes, options and code
    keys: dict[str, str]  # source id -> its key and a hash of the labels it borrowed
    compiled: dict[str, object]  # source id -> Compiled without its segments and used_types
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # output -> (size, mtime_ns, inode)
    placed: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # output -> source id -> segment
    union: dict[str, frozenset] = field(default_factory=dict)  # source id -> statements an earlier graph made
    union_keys: dict[str, str] = field(default_factory=dict)  # source id -> hash of those statements
    hashes: dict[str, tuple] = field(default_factory=dict)  # file -> ((size, mtime_ns, inode), sha256)
    store: str = ""  # folder name of the store in out/
    # Every IRI's classes at the end of the build, which is what every source's shapes saw (a
    # source that saw anything else was checked again), and the IRIs each source looked up.
    types: dict[str, frozenset] = field(default_factory=dict)
    used_nodes: dict[str, str] = field(default_factory=dict)  # source id -> IRIs, one a line
    # Each source as stored (pickled), to write again as it is when the source has not changed.
    stored: dict[str, bytes] = field(default_factory=dict, repr=False)

    def kept(self, source_id: str, compiled) -> bool:
        """Whether ``compiled`` is this manifest's own summary of the source: unchanged since that build."""
        return self.compiled.get(source_id) is compiled


class Cache:
    def __init__(self, root: Path, out: Path):
        self.objects = Path(root) / CACHE_DIR
        self.manifest_path = Path(out) / MANIFEST

    def get(self, key: str):
        try:
            return loads((self.objects / key).read_bytes())
        except (FileNotFoundError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None  # absent, or damaged: build it again

    def put(self, key: str, value) -> None:
        self.objects.mkdir(parents=True, exist_ok=True)
        _write(self.objects / key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def manifest(self, inputs: str) -> Manifest | None:
        try:
            manifest = loads(self.manifest_path.read_bytes())
            if not isinstance(manifest, Manifest) or manifest.inputs != inputs:
                return None
            manifest.stored = manifest.compiled
            manifest.compiled = {source_id: loads(data) for source_id, data in manifest.stored.items()}
        except (FileNotFoundError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None
        return manifest

    def save_manifest(self, manifest: Manifest, previous: Manifest | None) -> None:
        """Write the manifest; sources unchanged since ``previous`` are written as they were read."""
        stored = {source_id: previous.stored[source_id] if previous is not None and previous.kept(source_id, compiled)
                  else pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
                  for source_id, compiled in manifest.compiled.items()}
        data = replace(manifest, compiled=stored, stored={})
        _write(self.manifest_path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keep: set[str]) -> None:
        """Forget compiled sources this build did not use and nothing wrote for a week."""
        if not self.objects.is_dir():
            return
        too_old = time.time() - KEEP_UNUSED_DAYS * 86400
        for entry in os.scandir(self.objects):
            if entry.name not in keep and not entry.name.startswith(".") and entry.stat().st_mtime < too_old:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)


def _write(path: Path, data: bytes) -> None:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise

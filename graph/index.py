"""Which sources use each id or IRI, kept between builds so a rebuild looks only at what changed.

For every key (an entity's id, or an IRI) the index lists, for each kind of
use, the sources that make it, in build order (the gazetteer first). A
rebuild takes out the uses of the sources that changed or went, puts in those
of their new versions, and asks the index which other sources share the keys
they touched: only those are looked at again (graph/pipeline.py).

The index lives in the manifest as shards of pickles, by a stable hash of the
key; a shard is unpickled when a key in it is first asked for, and pickled
again only if it changed.
"""
from __future__ import annotations

import pickle
import zlib
from collections import defaultdict

from graph import iris
from graph.namespaces import entity_iri

# Kinds of use; the index holds, for each, a table of key -> source ids.
DECLARES, REFERS, LABELS, BORROWS, TYPES, STATES, CLAIMS = range(7)
KINDS = 7
SHARDS = 256


def order(source_id: str) -> tuple:
    """Build order: the base regions, the gazetteer, then the articles by id."""
    base = iris.BASE_IDS.index(source_id) if source_id in iris.BASE_IDS else len(iris.BASE_IDS)
    return base, source_id


def uses(source, base: set[str], concepts) -> list[set[str]]:
    """For each kind of use, the keys ``source`` (a compiled summary) uses.

    References to ``base`` ids (the base regions' and the gazetteer's: always
    declared, as they are the same in any build that uses the index) and to concepts
    (which need no declaring, but as a publisher or by `about:`) are left out.
    """
    declares = {subject for subject, _, _ in source.declares}
    abouts = {subject for subject, _ in source.abouts}
    refers = {value for _, value, line in source.references
              if value not in base and (line is None or value not in concepts)}
    refers.update(subject for subject in abouts if subject not in base)
    if source.id not in iris.BASE_IDS:  # the gazetteers' labels and classes are the base of every build
        labels, types = set(source.labels), {subject for subject, _ in source.types}
    else:
        labels, types = set(), set()
    return [declares, refers, labels, set(source.used_labels), types, declares | abouts,
            {claim.subject for claim in source.claims}]


class IndexBuilder:
    """The index of a whole build, made as its sources come in (in any order)."""

    def __init__(self, base: set[str], concepts):
        self.base, self.concepts = base, concepts
        self.tables = [defaultdict(list) for _ in range(KINDS)]

    def add(self, source) -> None:
        source_id = source.id
        for table, keys in zip(self.tables, uses(source, self.base, self.concepts)):
            for key in keys:
                table[key].append(source_id)

    def finish(self) -> ProjectIndex:
        shards = [[{} for _ in range(KINDS)] for _ in range(SHARDS)]
        shard_of = {}
        for kind, table in enumerate(self.tables):
            for key, found in table.items():
                number = shard_of.get(key)
                if number is None:
                    number = shard_of[key] = _shard(key)
                shards[number][kind][key] = tuple(sorted(found, key=order)) if len(found) > 1 else tuple(found)
        index = ProjectIndex()
        index._loaded = dict(enumerate(shards))
        index._dirty = set(range(SHARDS))
        return index


def _shard(key: str) -> int:
    return zlib.crc32(key.encode()) & (SHARDS - 1)


class ProjectIndex:
    def __init__(self, shards: list[bytes | None] | None = None):
        self._stored = list(shards) if shards is not None else [None] * SHARDS
        self._loaded: dict[int, list[dict]] = {}
        self._dirty: set[int] = set()

    def _tables(self, key: str) -> list[dict]:
        number = _shard(key)
        tables = self._loaded.get(number)
        if tables is None:
            data = self._stored[number]
            tables = self._loaded[number] = pickle.loads(data) if data else [{} for _ in range(KINDS)]
        return tables

    def get(self, key: str, kind: int) -> tuple[str, ...]:
        return self._tables(key)[kind].get(key, ())

    def update(self, source_id: str, before: list[set], after: list[set]) -> None:
        """Replace a source's uses: ``before`` and ``after`` are ``uses()`` of its two versions (or empty)."""
        for kind in range(KINDS):
            old, new = before[kind] if before else set(), after[kind] if after else set()
            for key in old - new:
                table = self._tables(key)[kind]
                kept = tuple(s for s in table[key] if s != source_id)
                if kept:
                    table[key] = kept
                else:
                    del table[key]
                self._dirty.add(_shard(key))
            for key in new - old:
                table = self._tables(key)[kind]
                table[key] = tuple(sorted({*table.get(key, ()), source_id}, key=order))
                self._dirty.add(_shard(key))

    def shards(self) -> list[bytes | None]:
        """The shards to store: those unchanged as they were read."""
        return [pickle.dumps(self._loaded[n], protocol=pickle.HIGHEST_PROTOCOL) if n in self._dirty
                else self._stored[n] for n in range(SHARDS)]


def stated_subjects(source) -> set[str]:
    """The IRIs of the entities a source declares or adds facts to."""
    return {entity_iri(s) for s, _, _ in source.declares} | {entity_iri(s) for s, _ in source.abouts}

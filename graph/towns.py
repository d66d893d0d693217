"""Towns of Indonesia's kabupaten and kota: their kecamatan, from graph/data/towns.tsv.

Regional news places an event in a town ("di Kecamatan Kumai", "tiba di Luwuk"); the graph places it in the
kabupaten or kota the town lies in, as the gold of bench/ does. ``towns.tsv`` is made by ``scripts/make_towns.py``
from the same official list as regions.tsv (graph/data/README.md).
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

DATA = Path(__file__).parent / "data" / "towns.tsv"


@functools.lru_cache(maxsize=2)
def towns_by_name(path: Path = DATA) -> dict[str, frozenset[str]]:
    """A kecamatan's name -> the ids of the kabupaten and kota that have a kecamatan of that name."""
    by_name: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            by_name.setdefault(row["name"], set()).add(row["regency"])
    return {name: frozenset(ids) for name, ids in by_name.items()}

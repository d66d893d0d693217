#!/usr/bin/env python3
"""Make graph/data/towns.tsv, the kecamatan (districts) of every Indonesian kabupaten and kota, from open data.

Run by a maintainer when the official list changes, never by `kg` itself:

    git clone https://github.com/cahyadsn/wilayah /tmp/wilayah
    python3 scripts/make_towns.py --wilayah /tmp/wilayah

Regional news places events in a kabupaten's towns ("di Kecamatan Kumai", "tiba di Luwuk") rather than in the
kabupaten itself; the extractor reads such a town as the kabupaten or kota it lies in (graph/towns.py). The input
is ``db/wilayah.sql`` of cahyadsn/wilayah, the same list regions.tsv is made from (graph/data/README.md has its
version and licence). Each kecamatan's kabupaten or kota must be a region of regions.tsv. The output is sorted by
code, so the same input gives the same bytes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "scripts"), str(REPO)]
from make_regions import _DISTRICT_ROW, _wilayah_sql, sql_name  # noqa: E402  (beside this script)
from graph.regions import read_regions  # noqa: E402

DATA = REPO / "graph" / "data"
COLUMNS = ("code", "name", "regency")


def towns(wilayah: Path, regions: Path) -> list[tuple[str, str, str]]:
    """(kecamatan code, name, the id of its kabupaten or kota) for every kecamatan of the official list."""
    ids = {region.code: region.id for region in read_regions(regions) if region.country == "ID"}
    rows = []
    for code, quoted in _DISTRICT_ROW.findall(_wilayah_sql(wilayah)):
        name = sql_name(quoted)
        regency = ids.get(code[:5])
        if regency is None:
            sys.exit(f"kecamatan {code} {name}: its kabupaten/kota {code[:5]} is not in {regions}")
        rows.append((code, name, regency))
    return sorted(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wilayah", type=Path, required=True, help="a checkout of cahyadsn/wilayah")
    parser.add_argument("--out", type=Path, default=DATA / "towns.tsv")
    args = parser.parse_args(argv)
    rows = towns(args.wilayah, args.out.parent / "regions.tsv")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(COLUMNS) + "\n")
        out.writelines("\t".join(row) + "\n" for row in rows)
    print(f"Wrote {args.out}: {len(rows)} kecamatan in {len({r[2] for r in rows})} kabupaten and kota",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

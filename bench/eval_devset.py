"""The extractor on a gold set, as a user meets it: `kg add`, curate, `kg extract`.

The set is the development set (bench/devset/, used while tuning) unless --set names another folder written
the same way, such as a held-out set (bench/heldout18/, blind until a round of tuning reads it). In a scratch
copy of the project (ontology, shapes, the shipped sources) with the set's outlets declared as publishers
(the only gazetteer entries written before anything is added), each article is added in order with
graph.add.add_article (its url and publication date, and its publisher, passed as `kg add` options; title
and language left to `kg add`). Then, unless --as-added, the curator's step: every proposed entity whose
name and type are right (see "entities" below) is declared in the scratch gazetteer under its gold id, and
the article is drafted again with graph.add.extract_source (`kg extract`). Later articles see those
entities, and every earlier record, as a user's project would. The drafts (the record's facts and the facts
in sources/proposed/ waiting for a proposed entity, one copy of each) are then compared with the gold.

How each figure is counted (per article, summed over the set; P = hits / drafted, R = hits / gold):

- Before comparing, a drafted id is rewritten to a gold id where it stands for one: a proposed entity whose
  label or an alias equals (ignoring case and spaces) the label or an alias of a gold entity of the same
  article, of a compatible type (the same class; any two organisation classes; City and
  PrefectureLevelCity); a local government (Pemkot, Pemprov...) becomes the region of its `jurisdiction`;
  a role `acting-X` becomes role X with `acting: true`. Gold names not in the ontology yet are those of
  bench/devset_gold.py (Consulate, Embassy, consul-general, acting, termStart, termEnd).
- entities: the ids the gold facts name (values of object properties that are not concepts or facts, and
  `about` subjects), once per article. Found if a drafted fact or proposal names the same id after the
  rewriting above. Precision counts every distinct entity the drafts name, proposals included.
- posts: (holder, role, post in) of each Post. post details: (that post, acting | termStart | termEnd,
  value), `acting` counted only when true.
- agreements: (class, set of parties). events: (class, set of hosts, set of guests).
- Each drafted agreement or event is paired with at most one gold one of the same article (same family,
  agreement or event; the pair sharing most of class, parties, hosts, guests, place and date first);
  the remaining kinds hang on that gold fact's id (a drafted fact left unpaired only adds to "drafted"):
  dates: (fact, signedOn | date | startDate | endDate | statedWeekday, value);
  people: (fact, participant | ledBy | signatory, person or organisation);
  sectors: (fact, sector);
  organisers/venues: (fact, organiser | partner | location | signedAt | venue, value), a venue compared
  in lower case without a leading "the".
- F1 = 2PR / (P + R), from the summed hits.
- false merges: a gold entity drafted as a different declared entity (its post paired by role and
  post in, or the single leader of a paired event), e.g. a new "Budi Hartono" drafted as the known Budi
  Rustandi; and two gold events or agreements with different ids paired with drafted facts of one id.
- cross-source links: gold events and agreements reported by two or more articles; linked when every one
  of those articles has a drafted fact paired with it and all of them carry one id.

An article `kg add` refuses or crashes on counts as drafting nothing. Run:
python3 bench/eval_devset.py [--set DIR] [--as-added] [--keep DIR] [--verbose]
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from devset_gold import (DEVSET, HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7,  # noqa: E402
                         HELDOUT8, HELDOUT9, HELDOUT10, HELDOUT11, HELDOUT12, HELDOUT13, HELDOUT14,
                         HELDOUT15, HELDOUT16, HELDOUT17, HELDOUT18,
                         articles as set_articles,
                         gold_entities)
from eval_extract import AGREEMENTS, EVENTS, ratio  # noqa: E402

from graph.errors import GraphError  # noqa: E402
from graph.ontology import load_vocabulary  # noqa: E402

KINDS = ("entities", "posts", "post details", "agreements", "events", "dates", "people", "sectors",
         "organisers/venues")
DATE_PROPS = ("signedOn", "date", "startDate", "endDate", "statedWeekday")
PEOPLE_PROPS = ("participant", "ledBy", "signatory")
PLACE_PROPS = ("organiser", "partner", "location", "signedAt", "venue")
NOT_REFERENCES = {"id", "type", "about", "label", "quote", "reviewed", "extractor", "title", "note", "venue",
                  "alias", "honorific", "acting", "termStart", "termEnd", "participantCount", "unnamedSignatories"}
REGION_TYPES = {"Country", "Province", "Regency", "City", "PrefectureLevelCity", "County", "SpecialRegion",
                "Island", "Prefecture", "CountyLevelCity", "District"}
ORGANISATIONS = {"Organisation", "LocalGovernment", "Legislature", "GovernmentAgency", "Ministry",
                 "BusinessAssociation", "Association", "FriendshipAssociation", "Company", "ResearchInstitute",
                 "NewsPublisher", "Committee", "Consulate", "Embassy"}


# --------------------------------------------------------------------------
# The user's flow in a scratch project
# --------------------------------------------------------------------------

def scratch_project(folder: Path, entities: list[dict]) -> Path:
    """A copy of the project with the set's outlets declared as publishers."""
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copytree(ROOT / "sources", folder / "sources")
    outlets = [e for e in entities if e["type"] == "NewsPublisher"]
    _declare(folder / "sources" / "gazetteer.yaml", outlets)
    return folder


def _declare(gazetteer: Path, entries: list[dict]) -> None:
    text = gazetteer.read_text(encoding="utf-8").rstrip("\n") + "\n"
    dumped = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
    gazetteer.write_text(text + "".join("  " + line + "\n" for line in dumped.splitlines()), encoding="utf-8")


def run_flow(project: Path, articles, gold_names: dict, curate: bool) -> list[dict]:
    """Add each article in order (and curate); what each one drafted, read back from sources/."""
    from graph.add import add_article, extract_source

    sources, ontology = project / "sources", project / "ontology.ttl"
    runs = []
    for article in articles:
        meta = article.record["source"]
        run = {"article": article, "status": "added"}
        try:
            added = add_article(sources, ontology, article.text_path, url=meta["url"], publisher=meta["publisher"],
                                published=str(meta["published"]))
            run["source_id"] = added.source_id
            if curate and added.entities:
                right = _right_proposals(added.entities, article, gold_names, _declared_ids(sources))
                if right:
                    _declare(sources / "gazetteer.yaml", [_curated(entry, gold) for entry, gold in right])
                    extract_source(sources, ontology, added.source_id)
        except GraphError as exc:
            run["status"] = f"refused: {exc}"
        except Exception as exc:  # noqa: BLE001 - a crash is a finding to report, not to stop the evaluation
            run["status"] = f"crashed: {type(exc).__name__}: {exc}"
        if "source_id" in run:
            run["record"] = _read_yaml(sources / f"{run['source_id']}.yaml")
            # the record's draft entities are the proposals; the facts that need them are in the record
            run["proposed"] = {"entities": [e for e in run["record"].get("entities") or []
                                            if e.get("reviewed") is False]}
        runs.append(run)
    return runs


def _read_yaml(path: Path) -> dict:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _declared_ids(sources: Path) -> set[str]:
    entities = _read_yaml(sources / "gazetteer.yaml").get("entities") or []
    return {e["id"] for e in entities if isinstance(e, dict) and "id" in e}


def _curated(entry: dict, gold_id: str) -> dict:
    """A draft entity as the curator declares it in the gazetteer: under the gold id, without its evidence."""
    return {"id": gold_id, **{k: v for k, v in entry.items()
                              if k not in ("id", "seen", "quote", "reviewed", "extractor", "candidates")
                              and v not in ([], None)}}


# --------------------------------------------------------------------------
# Names: proposals to gold ids
# --------------------------------------------------------------------------

def _norm(name) -> str:
    return " ".join(str(name).split()).casefold()


def _names(entry: dict) -> set[str]:
    label = entry.get("label")
    labels = list(label.values()) if isinstance(label, dict) else [label]
    return {_norm(n) for n in [*labels, *(entry.get("alias") or [])] if n}


def region_names(articles) -> dict[str, tuple[set[str], str]]:
    """The base gazetteer's names and class of each region the gold names."""
    from graph.regions import base_gazetteer

    wanted = set().union(*(gold_references(a.record["facts"]) for a in articles))
    base = base_gazetteer(load_vocabulary(ROOT / "ontology.ttl"))
    return {item.subject: ({_norm(n) for n in [*item.labels.values(), *item.aliases]}, item.type)
            for item in base.items if item.subject in wanted}


def _compatible(drafted: str | None, gold: str | None) -> bool:
    if drafted == gold:
        return True
    families = (ORGANISATIONS, {"City", "PrefectureLevelCity"})
    return any(drafted in family and gold in family for family in families)


def _right_proposals(proposals: list[dict], article, gold_names: dict, declared: set[str]) -> list[tuple]:
    """(proposal, gold id) for each proposal naming a gold entity of this article not declared yet."""
    wanted = {g for g in gold_references(article.record["facts"]) if g in gold_names and g not in declared}
    pairs, used = [], set()
    for entry in proposals:
        for gold_id in sorted(wanted - used):
            names, gold_type = gold_names[gold_id]
            if _names(entry) & names and _compatible(entry.get("type"), gold_type):
                pairs.append((entry, gold_id))
                used.add(gold_id)
                break
    return pairs


def gold_references(facts: list[dict]) -> set[str]:
    """The entity ids a list of facts names (not concepts, not the facts' own ids)."""
    own = {f["id"] for f in facts if "id" in f}
    found = set()
    for fact in facts:
        if "about" in fact:
            found.add(fact["about"])
        for key, value in fact.items():
            if key in NOT_REFERENCES or key in DATE_PROPS or key in ("role", "sector"):
                continue
            for one in value if isinstance(value, list) else [value]:
                if isinstance(one, str) and re.fullmatch(r"[a-z0-9][a-z0-9-]*", one) and one not in own:
                    found.add(one)
    return found - {None}


# --------------------------------------------------------------------------
# Facts as comparable tuples
# --------------------------------------------------------------------------

def _values(fact: dict, key: str) -> list:
    value = fact.get(key)
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def drafted_facts(run: dict, mapping: dict, jurisdiction: dict) -> list[dict]:
    """The run's drafted facts with ids rewritten to gold ids (a proposal standing for no gold entity becomes
    ``proposed:<id>``, never equal to a gold id by chance); a pending fact replaces its lean twin."""
    record = (run.get("record") or {}).get("facts") or []
    pending = (run.get("proposed") or {}).get("facts") or []
    proposed = {e["id"] for e in (run.get("proposed") or {}).get("entities") or []}
    pending_ids = {f.get("id") for f in pending if f.get("id")}
    facts = [f for f in record if not (f.get("id") and f.get("id") in pending_ids)] + list(pending)
    rewritten, seen = [], []
    for fact in facts:
        clean = {}
        for key, value in fact.items():
            if key in ("quote", "reviewed", "extractor", "label"):
                continue
            if key in NOT_REFERENCES or key in ("role", "sector", "statedWeekday") or key in DATE_PROPS:
                clean[key] = value
                continue
            values = value if isinstance(value, list) else [value]
            values = [jurisdiction.get(mapping.get(v, v), mapping.get(v, v)) if v not in proposed or v in mapping
                      else f"proposed:{v}" for v in values]
            clean[key] = values if isinstance(value, list) else values[0]
        role = str(clean.get("role", ""))
        if role.startswith("acting-"):
            clean["role"], clean["acting"] = role.removeprefix("acting-"), True
        if clean not in seen:
            seen.append(clean)
            rewritten.append(clean)
    return rewritten


def _family(fact: dict) -> str | None:
    kind = fact.get("type")
    if kind in AGREEMENTS:
        return "agreement"
    if kind in EVENTS:
        return "event"
    return None


def _anchor_score(drafted: dict, gold: dict) -> int:
    score = 3 if drafted.get("type") == gold.get("type") else 0
    for key in ("party", "host", "guest", "location", "signedAt"):
        score += len(set(_values(drafted, key)) & set(_values(gold, key)))
    for key in ("date", "signedOn", "startDate"):
        score += 1 if _values(drafted, key) and _values(drafted, key) == _values(gold, key) else 0
    return score


def pair_facts(drafted: list[dict], gold: list[dict]) -> dict[int, str]:
    """Drafted agreement/event index -> the gold fact id it stands for (greedy, best pairs first)."""
    options = []
    for i, d in enumerate(drafted):
        for g in gold:
            if _family(d) and _family(d) == _family(g):
                options.append((-_anchor_score(d, g), i, g["id"]))
    paired, taken = {}, set()
    for _, i, gold_id in sorted(options):
        if i not in paired and gold_id not in taken:
            paired[i] = gold_id
            taken.add(gold_id)
    return paired


def keyed(facts: list[dict], anchors: dict[int, str]) -> dict[str, set]:
    """Each kind's comparable tuples; agreement/event attributes hang on their anchor."""
    found = {kind: set() for kind in KINDS}
    for i, fact in enumerate(facts):
        kind = fact.get("type")
        if kind == "Post":
            post = (str(fact.get("heldBy")), str(fact.get("role")), str(fact.get("postIn")))
            found["posts"].add(post)
            if fact.get("acting") is True:
                found["post details"].add((post, "acting", "true"))
            for key in ("termStart", "termEnd"):
                if key in fact:
                    found["post details"].add((post, key, str(fact[key])))
            continue
        family = _family(fact)
        if family is None:
            continue
        if family == "agreement":
            found["agreements"].add((kind, frozenset(_values(fact, "party"))))
        else:
            found["events"].add((kind, frozenset(_values(fact, "host")), frozenset(_values(fact, "guest"))))
        anchor = anchors.get(i, f"unpaired-{i}")
        for prop in DATE_PROPS:
            found["dates"].update((anchor, prop, v) for v in _values(fact, prop))
        for prop in PEOPLE_PROPS:
            found["people"].update((anchor, prop, v) for v in _values(fact, prop))
        found["sectors"].update((anchor, v) for v in _values(fact, "sector"))
        for prop in PLACE_PROPS:
            for v in _values(fact, prop):
                found["organisers/venues"].add((anchor, prop, _venue(v) if prop == "venue" else v))
    return found


def _venue(text: str) -> str:
    return re.sub(r"^the ", "", _norm(text))


def gold_facts(article) -> list[dict]:
    facts = []
    for fact in article.record["facts"]:
        facts.append({k: v for k, v in fact.items() if k not in ("quote", "label", "note")})
    return facts


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

def evaluate(runs: list[dict], gold_names: dict, jurisdiction: dict[str, str], known: dict) -> dict:
    """``jurisdiction``: local governments of the scratch gazetteer -> their region; ``known``: its entities,
    id -> (names, class)."""
    totals = {kind: Counter() for kind in KINDS}
    rows, merges, linked_to = [], set(), defaultdict(dict)
    drafted_by_gold_fact = defaultdict(set)  # drafted id -> gold fact ids it was paired with
    for run in runs:
        article = run["article"]
        gold = gold_facts(article)
        proposals = (run.get("proposed") or {}).get("entities") or []
        mapping = {p["id"]: g for p, g in _right_proposals(proposals, article, gold_names, set())}
        drafted = drafted_facts(run, mapping, jurisdiction)
        anchors = pair_facts(drafted, [g for g in gold if _family(g)])
        found_gold = keyed(gold, {i: g["id"] for i, g in enumerate(gold) if _family(g)})
        found_draft = keyed(drafted, anchors)
        gold_refs = gold_references(article.record["facts"])
        found_gold["entities"] = gold_refs
        found_draft["entities"] = gold_references(drafted) | set(mapping.values()) | (
            {f"proposed:{p['id']}" for p in proposals if p["id"] not in mapping})
        counts = {}
        for kind in KINDS:
            hits = len(found_gold[kind] & found_draft[kind])
            totals[kind].update(tp=hits, drafted=len(found_draft[kind]), gold=len(found_gold[kind]))
            counts[kind] = (hits, len(found_draft[kind]), len(found_gold[kind]))
        rows.append((article.name, run["status"], counts))
        for i, gold_id in anchors.items():
            if drafted[i].get("id"):
                drafted_by_gold_fact[drafted[i]["id"]].add(gold_id)
                linked_to[gold_id][article.name] = drafted[i]["id"]
        merges |= _entity_merges(gold, drafted, anchors, set(mapping.values()))
        merges |= _name_merges(gold_refs, gold_references(drafted) - gold_refs, gold_names, known)
    for drafted_id, gold_ids in drafted_by_gold_fact.items():
        if len(gold_ids) > 1:
            merges.add((" + ".join(sorted(gold_ids)), drafted_id))
    return {"rows": rows, "totals": totals, "merges": sorted(merges), "links": _links(runs, linked_to)}


def _entity_merges(gold: list[dict], drafted: list[dict], anchors: dict, from_proposals: set[str]) -> set:
    """(gold entity, drafted id) where a gold entity was drafted as a different declared entity (not one
    this article proposes: a wrong proposal is a wrong name, not a merge)."""
    pairs = set()
    gold_posts = {(f.get("role"), f.get("postIn")): f.get("heldBy") for f in gold if f.get("type") == "Post"}
    for fact in drafted:
        if fact.get("type") == "Post":
            holder = gold_posts.get((fact.get("role"), str(fact.get("postIn"))))
            if holder and fact.get("heldBy") and str(fact["heldBy"]) != holder:
                pairs.add((holder, str(fact["heldBy"])))
    by_id = {g["id"]: g for g in gold if "id" in g}
    for i, gold_id in anchors.items():
        mine, theirs = _values(drafted[i], "ledBy"), _values(by_id[gold_id], "ledBy")
        if len(mine) == 1 and len(theirs) == 1 and mine != theirs:
            pairs.add((theirs[0], mine[0]))
    return {(g, d) for g, d in pairs if d not in from_proposals and not d.startswith("proposed:")}


def _name_merges(gold_refs: set[str], extra: set[str], gold_names: dict, known: dict) -> set:
    """(gold entity, drafted id) where the draft names a declared person or organisation the gold does not,
    whose name starts like a gold entity's of the article: "Fahmi Rahman" drafted as the known Fahmi Hakim."""
    pairs = set()
    for drafted_id in extra:
        names, kind = known.get(drafted_id, (set(), None))
        if kind not in ORGANISATIONS | {"Person"}:
            continue
        firsts = {n.split()[0] for n in names if n}
        for gold_id in gold_refs:
            gold_set, gold_kind = gold_names.get(gold_id, (set(), None))
            if _compatible(kind, gold_kind) and firsts & {n.split()[0] for n in gold_set if n}:
                pairs.add((gold_id, drafted_id))
    return pairs


def _links(runs, linked_to) -> list[tuple[str, list[str], bool]]:
    reported = defaultdict(list)
    for run in runs:
        for fact in run["article"].record["facts"]:
            if "id" in fact and _family(fact):
                reported[fact["id"]].append(run["article"].name)
    links = []
    for gold_id, names in sorted(reported.items()):
        if len(names) < 2:
            continue
        ids = [linked_to[gold_id].get(name) for name in names]
        links.append((gold_id, [f"{n}: {i}" for n, i in zip(names, ids)], None not in ids and len(set(ids)) == 1))
    return links


def f1(tp, drafted, gold) -> str:
    if not tp:
        return "0.00" if drafted or gold else "    -"
    p, r = tp / drafted, tp / gold
    return f"{2 * p * r / (p + r):5.2f}"


def set_name(folder: Path) -> str:
    """How the report names a set: the ones the project keeps by name, any other by its folder."""
    known = {DEVSET: "Development set", HELDOUT: "Held-out set", HELDOUT2: "Second held-out set",
             HELDOUT3: "Third held-out set", HELDOUT4: "Fourth held-out set",
             HELDOUT5: "Fifth held-out set", HELDOUT6: "Sixth held-out set",
             HELDOUT7: "Seventh held-out set", HELDOUT8: "Eighth held-out set",
             HELDOUT9: "Ninth held-out set", HELDOUT10: "Tenth held-out set",
             HELDOUT11: "Eleventh held-out set", HELDOUT12: "Twelfth held-out set",
             HELDOUT13: "Thirteenth held-out set", HELDOUT14: "Fourteenth held-out set",
             HELDOUT15: "Fifteenth held-out set", HELDOUT16: "Sixteenth held-out set",
             HELDOUT17: "Seventeenth held-out set", HELDOUT18: "Eighteenth held-out set"}
    return known.get(folder.resolve(), f"Set {folder}")


def report(result: dict, mode: str, verbose: bool, set_label: str = "Development set") -> str:
    lines = []
    if verbose:
        lines.append("Per article: kind hits/drafted/gold")
        for name, status, counts in result["rows"]:
            lines.append(f"  {name} ({status}): "
                         + "  ".join(f"{k} {h}/{d}/{g}" for k, (h, d, g) in counts.items()))
        lines.append("")
    problems = [(name, status) for name, status, _ in result["rows"] if status != "added"]
    lines.append(f"{set_label}: {len(result['rows'])} articles, {mode}"
                 + (f"; {len(problems)} not added" if problems else ""))
    for name, status in problems:
        lines.append(f"  {name}: {status}")
    lines.append(f"  {'kind':<18} {'precision':>9} {'recall':>7} {'F1':>6}   hits drafted  gold")
    for kind in KINDS:
        t = result["totals"][kind]
        lines.append(f"  {kind:<18} {ratio(t['tp'], t['drafted']):>9} {ratio(t['tp'], t['gold']):>7} "
                     f"{f1(t['tp'], t['drafted'], t['gold']):>6}   {t['tp']:4d} {t['drafted']:7d} {t['gold']:5d}")
    facts = [k for k in KINDS if k != "entities"]
    tp, drafted, gold = (sum(result["totals"][k][x] for k in facts) for x in ("tp", "drafted", "gold"))
    lines.append(f"  {'all facts':<18} {ratio(tp, drafted):>9} {ratio(tp, gold):>7} {f1(tp, drafted, gold):>6}"
                 f"   {tp:4d} {drafted:7d} {gold:5d}")
    lines.append(f"False merges: {len(result['merges'])}")
    lines += [f"  {gold} drafted as {drafted}" for gold, drafted in result["merges"]]
    links = result["links"]
    lines.append(f"Cross-source links: {sum(1 for *_, ok in links if ok)} of {len(links)}")
    lines += [f"  {'linked' if ok else 'apart '} {gold_id}: {', '.join(ids)}" for gold_id, ids, ok in links]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", type=Path, default=DEVSET, metavar="DIR", dest="folder",
                        help="the gold set's folder (default bench/devset; the held-out set is bench/heldout)")
    parser.add_argument("--as-added", action="store_true",
                        help="score what `kg add` drafts, without declaring the right proposals and extracting again")
    parser.add_argument("--keep", type=Path, help="build the scratch project in this (new) folder and keep it")
    parser.add_argument("--verbose", action="store_true", help="figures per article too")
    args = parser.parse_args(argv)
    if not (args.folder / "gazetteer.yaml").is_file():
        parser.error(f"{args.folder}: not a gold set (no gazetteer.yaml)")
    articles = set_articles(args.folder)
    if not articles:
        parser.error(f"{args.folder}: not a gold set (no NN_name.txt articles)")
    entities = gold_entities(args.folder)
    gold_names = {e["id"]: (_names(e), e["type"]) for e in entities}
    gold_names.update(region_names(articles))
    with tempfile.TemporaryDirectory(prefix="kg-devset-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        project = scratch_project(folder, entities)
        load_vocabulary(project / "ontology.ttl")  # fail early on a broken ontology
        runs = run_flow(project, articles, gold_names, curate=not args.as_added)
        gazetteer = _read_yaml(project / "sources" / "gazetteer.yaml").get("entities") or []
        jurisdiction = {e["id"]: e["jurisdiction"] for e in gazetteer if isinstance(e, dict) and e.get("jurisdiction")}
        known = {e["id"]: (_names(e), e.get("type")) for e in gazetteer if isinstance(e, dict) and "id" in e}
        result = evaluate(runs, gold_names, jurisdiction, known)
    mode = "as `kg add` drafts them" if args.as_added else "after declaring the right proposals and `kg extract`"
    print(report(result, mode, args.verbose, set_name(args.folder)))


if __name__ == "__main__":
    main()

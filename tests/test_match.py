"""One event across outlets: drafts matched to declared facts, ids minted, disagreements on sets reported.

The two test articles (tests/fixtures/articles/serang-binzhou-visit.*.txt,
invented) report one visit from two fictional outlets: one dates it 7 May
2026 and names ICBC as its organiser, the other 8 May and Kadin.
"""
from __future__ import annotations

import json

import pytest
import yaml

from graph.match import MATCH_KEY, compatible, find_match, known_facts, mint_id, rename, settle, split
from graph.pipeline import Paths, build

from conftest import ROOT

ARTICLES = ROOT / "tests" / "fixtures" / "articles"
VISIT = "visit-binzhou-kota-serang-2026-05"
PUBLISHERS = """  - id: harbour-daily
    type: NewsPublisher
    label: Harbour Daily
  - id: kabar-pesisir
    type: NewsPublisher
    label: Kabar Pesisir
"""
OUTLETS = [("serang-binzhou-visit.en.txt", "harbour-daily", "https://harbour-daily.example/binzhou-serang",
            "2026-05-07", "icbc"),
           ("serang-binzhou-visit.id.txt", "kabar-pesisir", "https://kabar-pesisir.example/binzhou-serang",
            "2026-05-08", "kadin")]


def record(source_id: str, *facts: dict) -> tuple[str, dict]:
    return source_id, {"source": {}, "facts": list(facts)}


def visit(**values) -> dict:
    return {"id": "draft-visit", "type": "DelegationVisit", "host": "kota-serang", "guest": "binzhou", **values}


DECLARED = record("005_a", visit(id=VISIT, date="2026-05-07"))


# --------------------------------------------------------------------------
# The matcher
# --------------------------------------------------------------------------

def test_same_host_and_guest_a_day_apart_is_the_same_visit():
    found = find_match(visit(date="2026-05-08"), known_facts([DECLARED]))
    assert found is not None and found.id == VISIT
    assert found.reason == f"same as {VISIT}: same host and guest, dates 1 day apart"


@pytest.mark.parametrize("draft_date, words", [("2026-05-07", "same date"), ("2026-05", "dates overlap"),
                                               ("2026-05-14", "dates 7 days apart")])
def test_the_reason_says_how_the_dates_compare(draft_date, words):
    assert find_match(visit(date=draft_date), known_facts([DECLARED])).reason.endswith(words)


def test_dates_far_apart_are_two_visits():
    assert find_match(visit(date="2026-05-15"), known_facts([DECLARED])) is None
    assert find_match(visit(date="2026-07-07"), known_facts([DECLARED])) is None
    assert find_match(visit(date="2026-05-20"), known_facts([DECLARED]), window=14) is not None


def test_an_open_date_does_not_stand_in_the_way():
    found = find_match(visit(), known_facts([DECLARED]))
    assert found.id == VISIT and found.reason.endswith("no date here")
    undated = record("005_a", visit(id=VISIT))
    assert find_match(visit(date="2026-05-08"), known_facts([undated])).reason.endswith(f"{VISIT} has no date")


def test_no_match_across_different_parties():
    known = known_facts([DECLARED])
    assert find_match(visit(host="kabupaten-tangerang", date="2026-05-07"), known) is None  # same guest only
    assert find_match(visit(host="hangzhou", guest="kota-tangerang", date="2026-05-07"), known) is None
    # a draft that names only one side needs that side
    assert find_match({"type": "DelegationVisit", "id": "d", "guest": "binzhou"}, known).id == VISIT
    assert find_match({"type": "DelegationVisit", "id": "d", "guest": "hangzhou"}, known) is None
    assert find_match({"type": "DelegationVisit", "id": "d"}, known) is None  # no sides: nothing to go by


def test_a_return_visit_is_a_visit_of_its_own():
    known = known_facts([DECLARED])
    assert find_match(visit(host="binzhou", guest="kota-serang", date="2026-05-07"), known) is None
    assert find_match({"id": "d", "type": "DelegationVisit", "host": "binzhou"}, known) is None


def test_an_undated_fact_happened_before_its_article_was_published():
    undated = ("005_a", {"source": {"published": "2025-06-13"}, "facts": [visit(id=VISIT)]})
    known = known_facts([undated])
    assert find_match(visit(date="2025-06-11"), known).reason.endswith(f"{VISIT} has no date")
    assert find_match(visit(date="2025-06-20"), known) is not None  # announced a week ahead
    assert find_match(visit(date="2026-05-07"), known) is None  # a year after the article
    assert find_match(visit(), known_facts([DECLARED]), published="2026-05").id == VISIT
    assert find_match(visit(), known_facts([DECLARED]), published="2025-06-13") is None


@pytest.mark.parametrize("a, b, expected", [
    ("DelegationVisit", "DelegationVisit", True), ("DelegationVisit", "Meeting", True),
    ("Meeting", "Event", True), ("Expo", "DelegationVisit", False), ("LetterOfIntent", "MemorandumOfUnderstanding", False),
    ("LetterOfIntent", "Agreement", True), ("LetterOfIntent", "DelegationVisit", False), ("Event", "Agreement", False),
])
def test_kinds(a, b, expected):
    assert compatible(a, b) is expected and compatible(b, a) is expected


def test_a_match_takes_the_declared_kind_and_label():
    labelled = record("005_a", visit(id=VISIT, date="2026-05-07", label={"en": "Binzhou visit to Serang 2026-05-07"}))
    facts, _ = settle([visit(type="Meeting", date="2026-05-08", label={"en": "Meeting 2026-05-08"})], [], [labelled])
    assert facts[0]["id"] == VISIT and facts[0]["type"] == "DelegationVisit"
    assert facts[0]["label"] == {"en": "Binzhou visit to Serang 2026-05-07"}
    assert facts[0][MATCH_KEY].endswith("drafted as Meeting")
    loi = {"id": "x", "type": "LetterOfIntent", "party": ["kota-serang", "binzhou"]}
    assert find_match(loi, known_facts([DECLARED])) is None  # an agreement is never an event


def test_a_visit_and_the_forum_held_during_it_match_the_other_storys_of_their_own_kind():
    # both fit either declared event alike (same sides, days that overlap): each takes the one of its kind, whatever
    # the order of the ids
    declared = record("003_c", visit(id="a-visit-stay", startDate="2026-05-04", endDate="2026-05-07"),
                      visit(id="a-meeting-forum", type="Meeting", date="2026-05-05"))
    facts, _ = settle([visit(id="v", startDate="2026-05-04", endDate="2026-05-07"),
                       visit(id="m", type="Meeting", date="2026-05-05")], [], [declared])
    assert [(f["id"], f["type"]) for f in facts] == [("a-visit-stay", "DelegationVisit"),
                                                   ("a-meeting-forum", "Meeting")]


def test_agreements_match_on_their_parties_and_place():
    declared = record("002_b", {"id": "loi-kota-serang-binzhou-2026", "type": "LetterOfIntent",
                                "party": ["kota-serang", "binzhou"], "signedOn": "2026-05-07", "signedAt": "binzhou"})
    known = known_facts([declared])
    draft = {"id": "x", "type": "LetterOfIntent", "party": ["binzhou", "kota-serang"], "signedOn": "2026-05-07"}
    assert find_match(draft, known).reason == "same as loi-kota-serang-binzhou-2026: same parties, same date"
    assert find_match({**draft, "signedAt": "binzhou"}, known).reason.endswith("same place")
    assert find_match({**draft, "signedAt": "kota-serang"}, known) is None  # signed somewhere else
    # a place within the other is the same place
    assert find_match({**draft, "signedAt": "binzhou"}, known_facts([record("002_b", {
        "id": "l", "type": "LetterOfIntent", "party": ["kota-serang", "binzhou"], "signedAt": "shandong"})]),
        parents={"binzhou": {"shandong"}}).reason.endswith("one place within the other")


def test_the_records_own_facts_come_first():
    other = record("003_c", visit(id="visit-other", date="2026-05-07"))
    own = record("007_d", visit(id="visit-own", date="2026-05-07", reviewed=True))
    assert find_match(visit(date="2026-05-07"), known_facts([other, own]), own="007_d").id == "visit-own"
    assert find_match(visit(date="2026-05-07"), known_facts([other, own])).id == "visit-other"  # by id, then


@pytest.mark.parametrize("fact, expected", [
    (visit(date="2025-09-22", guest="binzhou", host="kabupaten-tangerang"), "visit-binzhou-kabupaten-tangerang-2025-09"),
    ({"type": "LetterOfIntent", "party": ["kota-serang", "hangzhou"], "signedOn": "2025-09-05"},
     "loi-kota-serang-hangzhou-2025"),
    ({"type": "Meeting", "host": "dprd-banten", "guest": "pemprov-zhejiang"}, "meeting-pemprov-zhejiang-dprd-banten"),
    ({"type": "Expo", "location": "dki-jakarta", "startDate": "2023-05-24", "endDate": "2023-05-26"},
     "expo-dki-jakarta-2023-05"),
    ({"type": "Expo", "label": "Smart City Expo 2023", "date": "2023-05-24"}, "smart-city-expo-2023"),
    ({"type": "Expo", "label": {"en": "Smart City Fair"}, "date": "2023-05-24"}, "expo-smart-city-fair-2023"),
    ({"type": "SisterCityRelationship", "party": ["kota-tangerang", "hangzhou"]}, "sister-city-kota-tangerang-hangzhou"),
    # a dash between names parts them; accents and apostrophes go
    ({"type": "Signing", "label": {"en": "Signing of the Central Papua–Nabire Regency–Danzhou LoI"},
      "date": "2027-11-09"}, "signing-of-the-central-papua-nabire-regency-danzhou-loi-2027"),
    ({"type": "Expo", "label": "Xi’an Café Fair", "date": "2026-03-01"}, "expo-xian-cafe-fair-2026"),
])
def test_ids_are_minted_from_kind_sides_and_date(fact, expected):
    assert mint_id(fact) == expected
    assert mint_id(dict(reversed(list(fact.items())))) == expected  # the same, however the draft is written
    assert mint_id(fact, {expected}) == f"{expected}-2"
    assert mint_id(fact, {expected, f"{expected}-2"}) == f"{expected}-3"


def test_settle_renames_what_refers_to_a_matched_draft():
    loi = {"id": "loi-x", "type": "LetterOfIntent", "party": ["kota-serang", "binzhou"], "reachedAt": "draft-visit"}
    facts, pending = settle([visit(date="2026-05-08"), loi], [dict(loi, party=["kota-serang", "binzhou", "new-one"])],
                            [DECLARED], {"kota-serang", "binzhou"})
    assert [f["id"] for f in facts] == [VISIT, "loi-kota-serang-binzhou"]
    assert facts[1]["reachedAt"] == VISIT and MATCH_KEY not in facts[1]
    assert pending[0]["id"] == "loi-kota-serang-binzhou" and pending[0]["reachedAt"] == VISIT  # one fact, one id


def test_an_article_re_drafted_does_not_match_its_own_earlier_drafts():
    earlier = record("007_d", visit(id="visit-binzhou-kota-serang-2026-05", date="2026-05-07", reviewed=False))
    facts, _ = settle([visit(date="2026-05-07")], [], [earlier], own="007_d")
    assert facts[0]["id"] == "visit-binzhou-kota-serang-2026-05" and MATCH_KEY not in facts[0]


def test_rename_follows_references_but_not_the_facts_own_id():
    loi = {"id": "v", "type": "LetterOfIntent", "reachedAt": "v", "initiates": ["a", "v"], "quote": "v"}
    assert rename(loi, {"v": "w"}) == {"id": "v", "type": "LetterOfIntent", "reachedAt": "w", "initiates": ["a", "w"],
                                       "quote": "v"}


def test_split_gives_a_new_id():
    facts, _ = settle([visit(date="2026-05-08")], [], [DECLARED])
    apart = split(facts[0], {VISIT})
    assert apart["id"] == f"{VISIT}-2" and MATCH_KEY not in apart


# --------------------------------------------------------------------------
# Two outlets, one visit: kg add, kg review, kg build, kg query
# --------------------------------------------------------------------------

def add_outlet(kg, project, number):
    name, publisher, url, published, organiser = OUTLETS[number]
    result = kg("add", ARTICLES / name, "--root", project, "--url", url, "--publisher", publisher,
                "--published", published)
    assert result.exit_code == 0, result.output
    path = project / result.output.split()[1]
    drafts = [f for f in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"] if f.get("reviewed") is False]
    number = next(i for i, f in enumerate(drafts, 1) if f.get("type") == "DelegationVisit")
    # The curator reads who organised it (the rules draft the organisation as a participant, if at all)
    participants = [p for p in drafts[number - 1].get("participant", []) if p not in ("icbc", "kadin")]
    result = kg("review", path.stem, "--root", project, "--set", f"{number} organiser=[{organiser}]",
                "--set", f"{number} participant=[{', '.join(participants)}]")
    assert result.exit_code == 0, result.output
    return path, number, result.output


@pytest.fixture
def outlets(project):
    with (project / "sources" / "gazetteer.yaml").open("a", encoding="utf-8") as gazetteer:
        gazetteer.write(PUBLISHERS)
    return project


def test_two_outlets_one_visit(outlets, kg, tmp_path):
    first, _, _ = add_outlet(kg, outlets, 0)
    second, number, listing = add_outlet(kg, outlets, 1)
    visits = [next(f for f in yaml.safe_load(p.read_text(encoding="utf-8"))["facts"] if f.get("type") == "DelegationVisit")
              for p in (first, second)]
    assert [v["id"] for v in visits] == [VISIT, VISIT]
    assert MATCH_KEY not in visits[0]
    assert visits[1][MATCH_KEY] == f"same as {VISIT}: same host and guest, dates 1 day apart, same place"
    assert f"{number:3d}. DelegationVisit: id={VISIT}, " in listing
    assert f"same as {VISIT}, because same host and guest, dates 1 day apart" in listing

    out = tmp_path / "out"
    result = kg("build", "--root", outlets, "--out", out, "--no-warm")
    assert result.exit_code == 0, result.output
    a, b = first.stem, second.stem
    date = f"({VISIT}): date: {a[:3]} says 2026-05-07 ({first.name}:"
    organiser = f"({VISIT}): organiser: {a[:3]} names icbc ({first.name}:"
    for line in (date, organiser):
        assert any(line in said for said in result.output.splitlines() if said.startswith("Conflict: "))
    assert f"; {b[:3]} names kadin ({second.name}:" in result.output and ", none in common" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sum(VISIT in c for c in report["conflicts"]) == 3  # date, organiser, stated weekday
    assert organiser in (out / "report.txt").read_text(encoding="utf-8")

    # one event, with evidence from both sources
    query = (f"SELECT DISTINCT ?source WHERE {{ id:{VISIT} kg:evidence ?e . "
             "?e oa:hasTarget/oa:hasSource ?source } ORDER BY ?source")
    result = kg("query", "-e", query, "--out", out, "--format", "csv")
    assert result.output.split() == ["source", *(f"https://w3id.org/id-cn-ties/source/{s}" for s in (a, b))]

    result = kg("query", "-e", f'SELECT DISTINCT ?label WHERE {{ id:{VISIT} rdfs:label ?label FILTER(lang(?label) = "en") }}',
                "--out", out, "--format", "csv")
    assert len(result.output.split("\n")) == 3  # one English name: the second outlet took the first's

    result = kg("query", "disagreements", "--out", out, "--format", "json")
    rows = [{k: v["value"].rsplit("/", 1)[-1].rsplit("#", 1)[-1] for k, v in row.items()}
            for row in json.loads(result.output)["results"]["bindings"] if row["subject"]["value"].endswith(VISIT)]
    assert {(r["property"], r["value1"], r["source1"], r["value2"], r["source2"]) for r in rows} == {
        ("date", "2026-05-07", a, "2026-05-08", b), ("organiser", "icbc", a, "kadin", b),
        ("statedWeekday", "Thursday", a, "Friday", b)}


def test_sets_with_a_member_in_common_are_no_disagreement(outlets, kg, tmp_path):
    _, _, _ = add_outlet(kg, outlets, 0)
    second, number, _ = add_outlet(kg, outlets, 1)
    kg("review", second.stem, "--root", outlets, "--set", f"{number} organiser=[kadin, icbc]")
    result = kg("build", "--root", outlets, "--out", tmp_path / "out", "--no-warm")
    assert f"({VISIT}): date: " in result.output and f"({VISIT}): organiser:" not in result.output


def test_split_keeps_a_draft_apart(outlets, kg, tmp_path):
    add_outlet(kg, outlets, 0)
    second, number, _ = add_outlet(kg, outlets, 1)
    result = kg("review", second.stem, "--root", outlets, "--split", number)
    assert result.exit_code == 0, result.output
    assert f"Split: {number}" in result.output and "because" not in result.output
    visit_fact = next(f for f in yaml.safe_load(second.read_text(encoding="utf-8"))["facts"]
                      if f.get("type") == "DelegationVisit")
    assert visit_fact["id"] == f"{VISIT}-2" and MATCH_KEY not in visit_fact
    result = kg("review", second.stem, "--root", outlets, "--split", number)
    assert result.exit_code == 2 and "was not matched to another fact" in result.output
    result = kg("build", "--root", outlets, "--out", tmp_path / "out", "--no-warm")
    assert result.exit_code == 0 and f"({VISIT}): date" not in result.output


def test_an_incremental_build_reports_as_a_clean_one(outlets, kg, tmp_path):
    out = tmp_path / "out"
    add_outlet(kg, outlets, 0)
    build(Paths(outlets), out)
    second, number, _ = add_outlet(kg, outlets, 1)
    for step, change in enumerate([None, f"{number} organiser=[kadin, icbc]", f"{number} organiser=[kadin]"]):
        if change:
            kg("review", second.stem, "--root", outlets, "--set", change)
        rebuilt = build(Paths(outlets), out)
        assert not rebuilt.checked_all  # only what the change touches was checked again
        clean = build(Paths(outlets), tmp_path / f"clean-{step}")
        assert rebuilt.report == clean.report
        for name in ("report.txt", "report.json"):
            assert (out / name).read_bytes() == (tmp_path / f"clean-{step}" / name).read_bytes()
        assert any(f"({VISIT}): organiser:" in c for c in clean.report["conflicts"]) == (step != 1)


def test_facts_that_name_no_side_match_on_place_or_organiser_and_dates():
    expo = {"id": "expo-x", "type": "Expo", "location": "dki-jakarta", "organiser": "kadin",
            "startDate": "2023-05-24", "endDate": "2023-05-26"}
    known = known_facts([record("004_e", expo)])
    draft = {"id": "d", "type": "Expo", "location": "dki-jakarta", "date": "2023-05-25"}
    assert find_match(draft, known).reason == "same as expo-x: dates overlap, same place"
    moved = {"id": "d", "type": "Expo", "organiser": ["icbc", "kadin"], "date": "2023-05-25"}
    assert find_match(moved, known).reason == "same as expo-x: both name kadin, dates overlap"
    assert find_match({**draft, "location": "banten"}, known) is None
    assert find_match({"id": "d", "type": "Expo", "location": "dki-jakarta"}, known) is None  # no date to go by
    assert find_match({"id": "d", "type": "Expo", "organiser": "icbc", "date": "2023-05-25"}, known) is None
    named = known_facts([record("004_e", {**expo, "label": {"id": "Pameran Smart City 2023", "en": "Smart City Expo 2023"}})])
    assert find_match({"id": "d", "type": "Expo", "label": "Smart City Expo 2023"}, named).reason == \
        "same as expo-x: same name, no date here"
    assert find_match({"id": "d", "type": "Expo", "label": "Smart City Expo 2024"}, named) is None


def test_an_expo_one_outlet_says_its_town_hosted_is_the_expo_another_places_there():
    fair = {"id": "expo-guilin-2031-09", "type": "Expo", "host": "guilin", "location": "guilin",
            "startDate": "2031-09-12", "endDate": "2031-09-15"}
    known = known_facts([record("007_a", fair)])
    draft = {"id": "d", "type": "Expo", "location": "guilin", "startDate": "2031-09-12"}
    assert find_match(draft, known).id == "expo-guilin-2031-09"
    assert find_match({**draft, "location": "madiun"}, known) is None
    assert find_match({**draft, "host": "madiun"}, known) is None  # two towns said to host: two fairs
    visit = {"id": "d", "type": "DelegationVisit", "location": "guilin", "startDate": "2031-09-12"}
    assert find_match(visit, known_facts([record("007_a", {**fair, "type": "DelegationVisit"})])) is None


def test_organisers_neither_make_nor_break_a_match_between_sides():
    known = known_facts([record("005_a", visit(id=VISIT, date="2026-05-07", organiser="icbc"))])
    assert find_match(visit(date="2026-05-08", organiser="kadin"), known).id == VISIT
    assert find_match({"id": "d", "type": "DelegationVisit", "organiser": "icbc", "date": "2026-05-07"}, known) is None


def test_a_match_that_is_not_text_is_a_one_line_error(project, kg, tmp_path):
    record_path = next(p for p in (project / "sources").glob("001_*.yaml"))
    text = record_path.read_text(encoding="utf-8")
    record_path.write_text(text.replace("    type: DelegationVisit\n", "    type: DelegationVisit\n    match: [x]\n", 1),
                           encoding="utf-8")
    line = text.splitlines().index("    type: DelegationVisit") + 2
    result = kg("build", "--root", project, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.strip() == f"kg: error: {record_path}:{line}: `match` must be text"
    record_path.write_text(text.replace("    type: DelegationVisit\n",
                                        "    type: DelegationVisit\n    match: 'same as x: reasons'\n", 1),
                           encoding="utf-8")
    result = kg("build", "--root", project, "--out", tmp_path / "out", "--no-warm")
    assert result.exit_code == 0 and "same as x" not in (tmp_path / "out" / "graph.nq").read_text(encoding="utf-8")


def test_a_signing_matches_on_its_signatories_and_date():
    # one outlet names the hall's town, another only who organised it: the two signatories make it one ceremony
    known = known_facts([record("006_f", {"id": "signing-x", "type": "Signing", "location": "hangzhou",
                                          "date": "2025-09-05", "participant": ["budi-rustandi", "li-ming"]})])
    draft = {"id": "d", "type": "Signing", "organiser": "icbc", "date": "2025-09-05",
             "participant": ["li-ming", "budi-rustandi"]}
    assert find_match(draft, known).reason == "same as signing-x: both name budi-rustandi, li-ming, same date"
    assert find_match({**draft, "participant": ["li-ming"]}, known) is None  # one person is at many ceremonies
    assert find_match({**draft, "date": "2025-10-20"}, known) is None


def test_a_signing_one_outlet_leaves_undated_matches_the_dated_one_in_the_same_place():
    # one outlet dates the ceremony, the other gives only the town and a signatory: one ceremony
    dated = record("006_f", {"id": "signing-x", "type": "Signing", "location": "kota-bitung",
                             "date": "2026-03-10", "participant": ["hendra-wowor", "lin-tao"]})
    draft = {"id": "d", "type": "Signing", "location": "kota-bitung", "participant": ["lin-tao"]}
    assert find_match(draft, known_facts([dated]), published="2026-03-11").reason == \
        "same as signing-x: both name lin-tao, no date here, same place"
    undated = ("006_f", {"source": {"published": "2026-03-11"}, "facts": [
        {"id": "signing-y", "type": "Signing", "location": "kota-bitung", "participant": ["lin-tao"]}]})
    assert find_match({**draft, "date": "2026-03-10"}, known_facts([undated])).id == "signing-y"
    assert find_match({**draft, "location": "kota-manado"}, known_facts([dated]), published="2026-03-11") is None
    assert find_match({**draft, "participant": ["sari-dewi"]}, known_facts([dated]), published="2026-03-11") is None
    assert find_match(draft, known_facts([dated]), published="2026-06-30") is None  # months after it was dated
    assert find_match(draft, known_facts([dated])) is None  # nothing bounds when it was


def test_a_legislature_as_a_side_stands_for_its_region():
    # "a Binzhou delegation" in one outlet is "the Binzhou People's Congress delegation" in another
    known = known_facts([record("005_a", visit(id=VISIT, guest="binzhou-peoples-congress", date="2026-05-07"))])
    seats = {"binzhou-peoples-congress": "binzhou"}
    assert find_match(visit(date="2026-05-08"), known, seats=seats).id == VISIT
    assert find_match(visit(date="2026-05-08"), known) is None  # without knowing its seat, another guest
    assert find_match(visit(host="binzhou", guest="kota-serang", date="2026-05-08"), known, seats=seats) is None


def test_two_outlets_drafts_of_one_legislature_in_two_languages_are_one_side():
    # neither record's legislature is in the gazetteer yet: their names say which region they serve
    from graph.match import record_seats

    seats_by_name = {"DPRD Lampung": "lampung", "Lampung Provincial Legislature": "lampung"}
    first = ("005_a", {"source": {}, "entities": [{"id": "dprd-lampung", "type": "Legislature",
                                                  "label": "DPRD Lampung"}],
                       "facts": [visit(id="visit-binzhou-dprd-lampung-2026-05", host="dprd-lampung",
                                       date="2026-05-07")]})
    seats = record_seats([first], lambda name, kind: seats_by_name.get(name) if kind == "Legislature" else None)
    assert seats == {"dprd-lampung": "lampung"}
    draft = visit(host="lampung-provincial-legislature", date="2026-05-08")
    known = known_facts([first])
    assert find_match(draft, known, seats={**seats, "lampung-provincial-legislature": "lampung"}).id == \
        "visit-binzhou-dprd-lampung-2026-05"
    assert find_match(draft, known) is None

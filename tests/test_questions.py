"""Questions a reader of the five articles asks the built graph, with the articles' exact answers."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph.iris import PREFIXES

HEADER = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


def ask(graph, query):
    return [tuple(row) for row in graph.query(HEADER + query)]


def ids(rows, column=0):
    return sorted(str(row[column]).rsplit("/", 1)[-1] for row in rows)


def pairs(rows):
    return sorted((ids([row])[0], ids([row], 1)[0]) for row in rows)


def test_who_led_the_binzhou_delegation(shipped):
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?leader WHERE { ?visit a kg:DelegationVisit ; kg:guest id:binzhou ; kg:ledBy ?leader }""")
    assert ids(rows) == ["qu-yuekuan"]


def test_which_companies_the_serang_delegation_visited(shipped):
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?company WHERE {
          ?visit kg:guest id:kota-serang ; kg:visited ?company . ?company a kg:Company }""")
    assert ids(rows) == ["alibaba", "deepseek"]


def test_sectors_of_the_tangerang_binzhou_agreements(shipped):
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?sector WHERE {
          ?agreement kg:party id:kabupaten-tangerang , id:binzhou ; kg:sector ?sector .
          ?agreement a/rdfs:subClassOf* kg:Agreement }""")
    assert ids(rows) == sorted(["ontology#CreativeEconomy", "ontology#Culture", "ontology#HumanResources",
                                "ontology#Tourism"])


def test_who_chairs_dprd_banten(shipped):
    rows = ask(shipped.graph, """
        SELECT ?person WHERE { ?post kg:role kg:Chair ; kg:postIn id:dprd-banten ; kg:heldBy ?person }""")
    assert ids(rows) == ["fahmi-hakim"]


def test_which_articles_mention_icbc(shipped):
    rows = ask(shipped.dataset, """
        SELECT DISTINCT ?g WHERE { GRAPH ?g { { id:icbc ?p ?o } UNION { ?s ?p id:icbc } } }""")
    assert ids(rows) == ["000_2a1c289181b610ec", "001_e199924c3d84b130", "gazetteer"]


def test_who_signed_the_serang_hangzhou_loi_when_and_where(shipped):
    rows = ask(shipped.graph, """
        SELECT ?signatory ?date ?place WHERE {
          ?loi a kg:LetterOfIntent ; kg:party id:kota-serang , id:hangzhou ;
               kg:signatory ?signatory ; kg:signedOn ?date ; kg:signedAt ?place }""")
    assert len(rows) == 1
    signatory, date, place = rows[0]
    assert (ids([(signatory,)]), date, ids([(place,)])) == (["budi-rustandi"], Literal("2025-09-05", datatype=XSD.date), ["hangzhou"])


def test_when_tangerang_and_binzhou_signed_their_loi(shipped):
    rows = ask(shipped.graph, """
        SELECT ?date ?started WHERE {
          ?loi a kg:LetterOfIntent ; kg:party id:kabupaten-tangerang , id:binzhou ; kg:signedOn ?date ;
               kg:initiates ?started . ?started a kg:SisterCityRelationship }""")
    assert rows == [(Literal("2025-06", datatype=XSD.gYearMonth), rows[0][1])]


def test_capitals_of_zhejiang_and_banten(shipped):
    rows = ask(shipped.graph, "SELECT DISTINCT ?city ?province WHERE { ?city kg:capitalOf ?province }")
    assert sorted((ids([r])[0], ids([r], 1)[0]) for r in rows) == [("hangzhou", "zhejiang"), ("kota-serang", "banten")]


def test_named_sister_province_pairs(shipped):
    rows = ask(shipped.graph, """
        SELECT ?a ?b WHERE {
          ?tie a kg:SisterProvinceRelationship ; kg:party ?a , ?b .
          ?a kg:locatedIn id:indonesia . ?b kg:locatedIn id:china }""")
    assert sorted((ids([r])[0], ids([r], 1)[0]) for r in rows) == [("jawa-tengah", "fujian"), ("sumatra-utara", "guangdong")]


def test_provinces_with_unnamed_chinese_counterparts(shipped):
    rows = ask(shipped.graph, """
        SELECT ?province WHERE { ?tie a kg:SisterProvinceRelationship ; kg:party ?province ;
                                     kg:unnamedCounterpartIn id:china }""")
    assert ids(rows) == ["bali", "jawa-barat", "nusa-tenggara-barat"]


def test_expo_organiser_partner_and_dates(shipped):
    rows = ask(shipped.graph, """
        SELECT ?organiser ?partner ?start ?end WHERE {
          ?expo a kg:Expo ; kg:organiser ?organiser ; kg:partner ?partner ; kg:startDate ?start ; kg:endDate ?end }""")
    assert len(rows) == 1
    organiser, partner, start, end = rows[0]
    assert ids([(organiser,)]) == ["kikt"] and ids([(partner,)]) == ["inti"]
    assert (str(start), str(end)) == ("2023-05-24", "2023-05-26")


def test_who_runs_the_100_smart_cities_programme(shipped):
    rows = ask(shipped.graph, """
        SELECT ?agency WHERE { ?programme a kg:Programme ; kg:targetCount 100 ; kg:runBy ?agency }""")
    assert ids(rows) == ["bappenas", "kemendagri", "kemenpupr", "kominfo", "ksp"]


def test_posts_of_people_named_in_the_zhejiang_visit(shipped):
    rows = ask(shipped.graph, """
        SELECT ?person ?role ?where WHERE {
          ?post kg:heldBy ?person ; kg:role ?role ; kg:postIn ?where .
          VALUES ?person { id:virgojanti id:wang-wenxu id:fahmi-hakim } }""")
    found = sorted((ids([r])[0], str(r[1]).rsplit("#", 1)[1], ids([r], 2)[0]) for r in rows)
    assert found == [("fahmi-hakim", "Chair", "dprd-banten"), ("virgojanti", "Head", "dpmptsp-banten"),
                     ("wang-wenxu", "Chair", "zhejiang-friendship-association")]


def test_business_leaders_of_the_expo_article(shipped):
    rows = ask(shipped.graph, """
        SELECT ?person ?org WHERE { ?post kg:role kg:Chair ; kg:heldBy ?person ; kg:postIn ?org .
                                   VALUES ?org { id:kikt id:inti } }""")
    assert pairs(rows) == [("garibaldi-thohir", "kikt"), ("teddy-sugianto", "inti")]


def test_people_at_the_zhejiang_visit_to_dprd_banten(shipped):
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?person WHERE {
          ?visit kg:guest id:pemprov-zhejiang ; kg:host id:dprd-banten ; kg:date ?d ; kg:participant ?person .
          ?person a kg:Person }""")
    assert ids(rows) == ["budi-rustandi", "fahmi-hakim", "virgojanti", "wang-wenxu"]


def test_date_of_the_zhejiang_visit(shipped):
    rows = ask(shipped.graph, "SELECT ?d WHERE { ?visit kg:guest id:pemprov-zhejiang ; kg:date ?d }")
    assert rows == [(Literal("2025-12-09", datatype=XSD.date),)]


def test_each_source_keeps_its_own_weekday_for_the_binzhou_visit(shipped):
    rows = ask(shipped.dataset, """
        SELECT ?g ?day WHERE { GRAPH ?g { ?visit kg:guest id:binzhou ; kg:statedWeekday ?day } }""")
    found = sorted((str(g).rsplit("/", 1)[1][:3], str(day).rsplit("/", 1)[1]) for g, day in rows)
    assert found == [("000", "Wednesday"), ("001", "Tuesday")]


def test_zulfikar_posts_at_celios(shipped):
    rows = ask(shipped.graph, """
        SELECT ?role WHERE { ?post kg:heldBy id:muhammad-zulfikar-rakhmat ; kg:postIn id:celios ; kg:role ?role }""")
    assert sorted(str(r[0]).rsplit("#", 1)[1] for r in rows) == ["Director", "Researcher"]


def test_indonesian_chinese_region_pairs_with_ties(shipped):
    # (FILTER EXISTS: rdflib joins two free `locatedIn+` paths, of the ~3,700 base regions, pair by pair)
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?id_region ?cn_region WHERE {
          ?tie a/rdfs:subClassOf* kg:Agreement ; kg:party ?id_region , ?cn_region .
          FILTER EXISTS { ?id_region kg:locatedIn+ id:indonesia } FILTER EXISTS { ?cn_region kg:locatedIn+ id:china } }""")
    assert pairs(rows) == sorted([
        ("kota-serang", "hangzhou"), ("kabupaten-tangerang", "binzhou"),
        ("jawa-tengah", "fujian"), ("sumatra-utara", "guangdong")])


@pytest.mark.parametrize("alias", ["Tiongkok", "Cina", "China"])
def test_one_country_for_all_names_of_china(shipped, alias):
    rows = ask(shipped.graph, f'SELECT DISTINCT ?c WHERE {{ ?c a kg:Country ; kg:alias|rdfs:label ?n FILTER(STR(?n) = "{alias}") }}')
    assert ids(rows) == ["china"]


def test_kabupaten_and_kota_tangerang_are_different_regions(shipped):
    rows = ask(shipped.graph, """
        SELECT ?r ?type WHERE { ?r kg:alias "Tangerang" ; a ?type }""")
    assert sorted((ids([r])[0], str(r[1]).rsplit("#", 1)[1]) for r in rows) == [
        ("kabupaten-tangerang", "Regency"), ("kota-tangerang", "City")]


def test_budi_rustandi_is_one_person_with_honorific(shipped):
    rows = ask(shipped.graph, """
        SELECT DISTINCT ?p ?h WHERE { ?p a kg:Person ; rdfs:label ?n FILTER(CONTAINS(STR(?n), "Rustandi"))
                                      OPTIONAL { ?p kg:honorific ?h } }""")
    assert [(ids([r])[0], str(r[1])) for r in rows] == [("budi-rustandi", "H.")]


def test_build_reports_the_weekday_conflict(shipped):
    conflicts = shipped.result.report["conflicts"]
    weekday = [c for c in conflicts if "statedWeekday" in c]
    assert len(weekday) == 1
    assert "000 says wednesday" in weekday[0] and "001 says tuesday" in weekday[0]
    warnings = shipped.result.report["warnings"]
    assert any("2025-09-22" in w and "a Monday" in w and "001 says Tuesday" in w for w in warnings)
    assert "statedWeekday" in (shipped.out / "report.txt").read_text()

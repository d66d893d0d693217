"""The network view: kg path, kg stats, GraphML/GEXF exports, all from graph/network.py."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graph.analysis import UnknownName, find_node
from graph.export import render
from graph.iris import PREFIXES
from graph.netindex import read_index

ID = "https://w3id.org/id-cn-ties/id/"


@pytest.fixture(scope="module")
def network(shipped):
    return read_index(shipped.out, "id")


def test_serang_zhejiang_path_with_its_sources(kg, shipped):
    result = kg("path", "Kota Serang", "Zhejiang", "--max", "1", "--via", "LetterOfIntent", "--lang", "id", "--out", shipped.out)
    assert result.exit_code == 0, result.output
    assert result.output == ("Kota Serang ←pihak— LoI Kota Serang–Hangzhou 2025-09-05 —pihak→ Kota Hangzhou "
                             "—ibu kota dari→ Provinsi Zhejiang [002, gazetteer]\n")


def test_path_in_english(kg, shipped):
    result = kg("path", "Serang", "Zhejiang", "--max", "1", "--via", "Agreement", "--lang", "en", "--out", shipped.out)
    assert result.output == "Serang City ←party— Serang–Hangzhou LoI 2025-09-05 —party→ Hangzhou —capital of→ Zhejiang [002, gazetteer]\n"


@pytest.mark.parametrize("name", ["Tiongkok", "China", "Cina", "tiongkok", "RRT"])
def test_aliases_in_both_languages_find_one_country(network, name):
    assert find_node(network, name) == ID + "china"


def test_indonesian_and_english_labels(network):
    assert find_node(network, "Tangerang Regency") == find_node(network, "Kabupaten Tangerang") == ID + "kabupaten-tangerang"


def test_ambiguous_name_lists_candidates(kg, shipped):
    result = kg("path", "Tangerang", "Binzhou", "--lang", "id", "--out", shipped.out)
    assert result.exit_code == 2
    assert result.stderr == ("kg: error: 'Tangerang' is ambiguous: Kabupaten Tangerang (kabupaten-tangerang, Regency); "
                             "Kota Tangerang (kota-tangerang, City)\n")


def test_unknown_name_suggests(network):
    with pytest.raises(UnknownName, match="did you mean: Kota Hangzhou"):
        find_node(network, "Kota Hangzou")


def test_posts_are_edges_with_their_source(network):
    edges = network.to_networkx().get_edge_data(ID + "fahmi-hakim", ID + "dprd-banten")
    assert [(d["relation"], d["label"], d["sources"]) for d in edges.values()] == [
        ("holdsPost", "Ketua", ["003_3145671221fec416"])]


def test_stats_counts_match_the_graph(kg, shipped):
    result = kg("stats", "--format", "json", "--out", shipped.out)
    stats = json.loads(result.output)
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    people = len(shipped.graph.query(header + "SELECT DISTINCT ?p WHERE { ?p a kg:Person }"))
    agreements = len(shipped.graph.query(header + "SELECT DISTINCT ?a WHERE { ?a a/rdfs:subClassOf* kg:Agreement }"))
    # Read off the articles: 10 people are named; 9 agreements (2 LoIs, 1 sister city,
    # 5 sister provinces, 1 cooperation agreement); 4 events (3 visits, 1 expo).
    assert stats["per_kind"]["Person"] == people == 10
    assert stats["per_kind"]["Agreement"] == agreements == 9
    assert stats["per_kind"]["Event"] == 4
    assert stats["components"]["largest"] == max(map(int, stats["components"]["by_size"])) == 97
    assert sum(stats["components"]["by_size"].values()) == stats["components"]["count"] == 7
    assert stats["degree"][0]["value"] >= stats["degree"][-1]["value"]


def test_graphml_reads_back_with_same_nodes_edges_and_attributes(network, tmp_path):
    network = network.to_networkx()
    path = tmp_path / "graph.graphml"
    path.write_bytes(render(network, "graphml"))
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(network.nodes)
    assert back.number_of_edges() == network.number_of_edges()
    for node, data in network.nodes(data=True):
        assert back.nodes[node]["label"] == data["label"]
        assert back.nodes[node]["type"] == data["type"]
        assert back.nodes[node]["color"] == data["color"]
        assert back.nodes[node]["sources"] == "; ".join(data["sources"])
    assert {(u, v, d["relation"]) for u, v, d in back.edges(data=True)} == \
        {(u, v, d["relation"]) for u, v, d in network.edges(data=True)}


def test_gexf_parses_with_colours(network, tmp_path):
    network = network.to_networkx()
    path = tmp_path / "graph.gexf"
    path.write_bytes(render(network, "gexf"))
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.nodes[ID + "china"]["viz"]["color"]["r"] == int(network.nodes[ID + "china"]["color"][1:3], 16)


def test_export_is_deterministic(network):
    assert render(network.to_networkx(), "graphml") == render(network.to_networkx(), "graphml")


def test_commands_say_when_nothing_is_built(kg, tmp_path):
    result = kg("stats", "--out", tmp_path)
    assert result.exit_code == 2 and "run `kg build` first" in result.stderr


def test_edges_are_the_graphs_links_between_nodes(network, shipped):
    """The network read from out/network.jsonl against the built graph itself (rdflib, from graph.nt)."""
    from rdflib import URIRef

    kg_ns = PREFIXES["kg"]
    nodes = set(network.nodes)
    links = {(str(s), str(p)[len(kg_ns):], str(o)) for s, p, o in shipped.graph
             if str(s) in nodes and str(o) in nodes and str(p).startswith(kg_ns)}
    edges = {(u, d["relation"], v) for u, v, d in network.to_networkx().edges(data=True) if d["relation"] != "holdsPost"}
    assert edges == links and len(edges) > 100
    posts = {(str(shipped.graph.value(p, URIRef(kg_ns + "heldBy"))), str(shipped.graph.value(p, URIRef(kg_ns + "postIn"))))
             for p in shipped.graph.subjects(URIRef(PREFIXES["rdf"] + "type"), URIRef(kg_ns + "Post"))}
    held = {(u, v) for u, v, d in network.to_networkx().edges(data=True) if d["relation"] == "holdsPost"}
    assert held == {p for p in posts if set(p) <= nodes} and held


def undirected(index):
    graph = nx.Graph()
    graph.add_nodes_from(index.nodes)
    graph.add_edges_from((index.nodes[i], index.nodes[j]) for i in range(len(index.nodes)) for j in index.adjacent(i))
    return graph


def test_betweenness_and_components_agree_with_networkx(network):
    from graph import netindex

    graph = undirected(network)
    exact = nx.betweenness_centrality(graph)
    ours = netindex.betweenness(network)
    assert all(abs(ours[i] - exact[n]) < 1e-9 for i, n in enumerate(network.nodes))
    sampled = nx.betweenness_centrality(graph, k=20, seed=3)
    ours = netindex.betweenness(network, 20, 3)
    assert all(abs(ours[i] - sampled[n]) < 1e-9 for i, n in enumerate(network.nodes))
    assert netindex.components(network) == sorted(map(len, nx.connected_components(graph)), reverse=True)


@pytest.mark.parametrize("pair", [("kota-serang", "zhejiang"), ("qu-yuekuan", "china"), ("binzhou", "kota-tangerang")])
def test_simple_paths_are_networkx_s(network, pair):
    import itertools

    from graph import netindex

    start, end = (network.number[ID + p] for p in pair)
    ours = [[network.nodes[i] for i in p] for p in itertools.islice(netindex.shortest_simple_paths(network, start, end), 40)]
    theirs = list(itertools.islice(nx.shortest_simple_paths(undirected(network), ID + pair[0], ID + pair[1]), 40))
    assert [len(p) for p in ours] == [len(p) for p in theirs]
    longest = len(ours[-1])  # the last length may be cut off at a different path
    assert sorted(p for p in ours if len(p) < longest) == sorted(p for p in theirs if len(p) < longest)
    assert len({tuple(p) for p in ours}) == len(ours)


def test_a_rebuild_is_read_not_the_kept_index(kg, project):
    out = project / "out"
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    assert kg("path", "Kota Serang", "Hangzhou", "--max", "1", "--lang", "en", "--out", out).output.startswith("Serang City ")
    assert (out / ".network-index").is_file()
    gazetteer = project / "sources" / "gazetteer.yaml"
    gazetteer.write_text(gazetteer.read_text(encoding="utf-8").replace("en: Serang City}", "en: Serang Town}"),
                         encoding="utf-8")
    assert kg("build", "--root", project, "--out", out).exit_code == 0
    assert kg("path", "Kota Serang", "Hangzhou", "--max", "1", "--lang", "en", "--out", out).output.startswith("Serang Town ")


def test_stats_on_a_large_network_estimates_and_keeps_betweenness(kg, shipped, tmp_path, monkeypatch):
    import shutil

    from graph import analysis, netindex

    out = tmp_path / "out"
    shutil.copytree(shipped.out, out, symlinks=True)
    monkeypatch.setattr(analysis, "EXACT_BETWEENNESS_UP_TO", 50)
    monkeypatch.setattr(analysis, "SAMPLE", 30)
    assert analysis.keep_ahead(out)
    text = kg("stats", "--out", out).output
    assert "Brokers (betweenness, estimated from the shortest paths out of 30 of the 104 entities" in text
    assert (out / ".network-betweenness").is_file()

    def not_again(*args):
        raise AssertionError("computed again")

    monkeypatch.setattr(netindex, "betweenness", not_again)
    assert kg("stats", "--out", out).output == text  # read from what keep_ahead kept

"""kg serve and kg push on 127.0.0.1: our endpoint and a real Oxigraph store, queried with standard clients."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore



def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, process) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("server did not start")


@pytest.fixture
def kg_serve(shipped):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", str(port), "--out", str(shipped.out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_up(port, process)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


@pytest.fixture
def writable_store(tmp_path):
    port = free_port()
    process = subprocess.Popen(["oxigraph", "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_up(port, process)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


def kg_rows(kg, shipped, query):
    result = kg("query", "-e", query, "--format", "json", "--out", shipped.out)
    return sorted(tuple(b[v]["value"] for v in sorted(b)) for b in json.loads(result.output)["results"]["bindings"])


QUERY = """PREFIX kg: <https://w3id.org/id-cn-ties/ontology#>
SELECT DISTINCT ?person ?where WHERE { ?post kg:heldBy ?person ; kg:postIn ?where }"""


def test_endpoint_answers_a_standard_client_like_kg_query(kg, shipped, kg_serve):
    client = Graph(store=SPARQLStore(kg_serve + "/query"))
    served = sorted((str(r.person), str(r.where)) for r in client.query(QUERY))
    assert served == kg_rows(kg, shipped, QUERY)
    assert len(served) == 10


@pytest.mark.parametrize("body, kind", [(b"update=CLEAR%20ALL", "application/x-www-form-urlencoded"),
                                        (b"CLEAR ALL", "application/sparql-update")])
def test_endpoint_refuses_updates(kg_serve, body, kind):
    request = urllib.request.Request(kg_serve + "/update", data=body, method="POST", headers={"Content-Type": kind})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    assert info.value.code == 403


def test_serve_binds_to_this_machine_only_by_default():
    from graph.cli import cli

    option = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert option.default == "127.0.0.1"


def test_push_twice_leaves_the_same_data(kg, shipped, writable_store):
    for _ in range(2):
        result = kg("push", "--endpoint", writable_store + "/store", "--out", shipped.out)
        assert result.exit_code == 0, result.output
    client = Graph(store=SPARQLStore(writable_store + "/query"))
    count = int(next(iter(client.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))).n)
    nquads = len((shipped.out / "graph.nq").read_text().splitlines())
    assert count == nquads
    graphs = sorted(str(r.g) for r in client.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))
    built = sorted({line.rsplit(" ", 2)[-2][1:-1] for line in (shipped.out / "graph.nq").read_text().splitlines()})
    assert graphs == built and {g.rsplit("/", 1)[1] for g in graphs} >= {"gazetteer", "regions", "ontology"}
    union = QUERY.replace("WHERE {", "WHERE { GRAPH ?g {", 1) + " }"
    served = sorted({(str(r.person), str(r.where)) for r in client.query(union)})
    assert served == kg_rows(kg, shipped, QUERY)


def test_push_skip_leaves_that_graph_as_the_store_has_it(kg, shipped, writable_store):
    regions = "https://w3id.org/id-cn-ties/graph/regions"
    result = kg("push", "--endpoint", writable_store + "/store", "--out", shipped.out, "--skip", "regions")
    assert result.exit_code == 0, result.output
    client = Graph(store=SPARQLStore(writable_store + "/query"))
    graphs = {str(r.g) for r in client.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert regions not in graphs and any(g.endswith("/gazetteer") for g in graphs)
    assert f"Pushed {len(graphs)} graphs" in result.output
    result = kg("push", "--endpoint", writable_store + "/store", "--out", shipped.out, "--skip", "region")
    assert result.exit_code == 2 and "--skip 'region': the graph has no such named graph" in result.stderr


def test_push_to_nowhere_is_a_clear_error(kg, shipped):
    result = kg("push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--out", shipped.out)
    assert result.exit_code == 2 and "cannot reach http://127.0.0.1:" in result.stderr

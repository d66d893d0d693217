"""kg serve under attack, on 127.0.0.1 only: no reaching out, a flood, slow clients, greedy queries, a rebuild."""
from __future__ import annotations

import io
import json
import shutil
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.sparql.results.csvresults import CSVResultParser
from rdflib.plugins.sparql.results.xmlresults import XMLResultParser

from graph.cli import cli
from graph.serve import WORKERS


def ask(url, query, accept=None, method="POST", timeout=30):
    """(status, content type, body) of one query."""
    headers = {"Accept": accept} if accept else {}
    if method == "GET":
        request = urllib.request.Request(f"{url}/query?{urllib.parse.urlencode({'query': query})}", headers=headers)
    else:
        request = urllib.request.Request(url + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Content-Type": "application/x-www-form-urlencoded", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


@pytest.fixture
def served(shipped, start_serve):
    url, process = start_serve(shipped.out, "--timeout", "3", "--memory", "300")
    return url, process


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ #x\rSERVICE <{url}/s> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT <{url}/s> {{ ?s ?p ?o }} }} }}",
    "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
])
def test_endpoint_is_no_proxy(served, counting_server, template):
    url, _ = served
    remote, hits = counting_server
    for method in ("GET", "POST"):
        status, kind, body = ask(url, template.format(url=remote), method=method)
        assert status == 403 and b"is refused" in body, (status, body)
    assert hits == []


def test_endpoint_says_400_for_a_bad_query_and_answers_in_each_standard_format(served):
    url, _ = served
    status, _, body = ask(url, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and body.startswith(b"syntax error")
    query = "SELECT ?p WHERE { ?p a kg:Person } ORDER BY ?p"
    status, kind, body = ask(url, query, method="GET")
    assert status == 200 and kind == "application/sparql-results+json"
    people = [b["p"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert len(people) > 3
    status, kind, body = ask(url, query, "application/sparql-results+xml")
    assert kind == "application/sparql-results+xml"
    assert [str(row[0]) for row in XMLResultParser().parse(io.BytesIO(body))] == people
    status, kind, body = ask(url, query, "text/csv")
    assert kind.startswith("text/csv")
    assert [str(row[0]) for row in CSVResultParser().parse(io.StringIO(body.decode()))] == people
    status, kind, body = ask(url, query, "text/tab-separated-values")
    assert body.decode().splitlines()[1:] == [f"<{p}>" for p in people]
    construct = "CONSTRUCT WHERE { ?p a kg:Person }"
    status, kind, body = ask(url, construct, "text/turtle;q=0.9, application/n-triples")
    assert kind == "application/n-triples"
    assert sorted(str(s) for s in Graph().parse(data=body.decode(), format="nt").subjects()) == people
    status, kind, body = ask(url, construct)
    assert kind.startswith("text/turtle") and len(Graph().parse(data=body.decode(), format="turtle")) == len(people)


def test_a_query_past_its_time_or_memory_is_stopped_and_the_endpoint_goes_on(served):
    url, _ = served
    began = time.monotonic()
    status, _, body = ask(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    assert status == 503 and b"ran longer than 3 s" in body
    assert time.monotonic() - began < 8
    greedy = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY DESC(CONCAT(STR(?c), STR(?f)))"
    status, _, body = ask(url, greedy)
    assert status == 503 and b"more memory" in body, body
    slow_to_check = "SELECT * WHERE { ?s ?p ?o FILTER(" + " || ".join(f"?o = {n}" for n in range(3000)) + ") } # from"
    began = time.monotonic()
    status, _, body = ask(url, slow_to_check)
    assert status == 503 and b"ran longer than 3 s" in body and time.monotonic() - began < 8
    assert ask(url, "ASK { ?s a kg:Person }")[2] == b'{"head":{},"boolean":true}'


def test_a_client_that_never_finishes_its_request_is_cut_off(served):
    url, _ = served
    port = int(url.rsplit(":", 1)[1])
    began = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=20) as slow:
        slow.sendall(b"GET /query?query=ASK%20%7B%7D HTTP/1.0\r\n")
        for _ in range(20):  # a header byte every half second keeps within each read's timeout
            try:
                slow.sendall(b"X")
            except OSError:
                break
            time.sleep(0.5)
        try:
            rest = slow.recv(100)
        except OSError:  # reset: as good as closed
            rest = b""
    assert rest == b""
    assert time.monotonic() - began < 9  # the request's deadline (3 s) and a second's grace, not the 10 s of trickle


def threads_of(pid: int) -> int | None:
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        return None  # no /proc (macOS): the answers still count
    return int(next(line for line in status.read_text().splitlines() if line.startswith("Threads:")).split()[1])


def test_a_flood_of_cheap_queries_keeps_threads_bounded_and_answers_afterwards(served):
    url, process = served
    counts = {"ok": 0, "busy": 0, "failed": 0}
    peak = [0]
    stop = time.monotonic() + 4

    def client():
        while time.monotonic() < stop:
            try:
                status = ask(url, "ASK {}", timeout=10)[0]
                counts["ok" if status == 200 else "busy" if status == 503 else "failed"] += 1
            except OSError:
                counts["failed"] += 1

    clients = [threading.Thread(target=client) for _ in range(24)]
    for thread in clients:
        thread.start()
    while any(thread.is_alive() for thread in clients):
        peak[0] = max(peak[0], threads_of(process.pid) or 0)
        time.sleep(0.1)
    assert process.poll() is None
    assert counts["failed"] == 0 and counts["ok"] > 100, counts
    if sys.platform.startswith("linux"):
        assert 0 < peak[0] <= WORKERS + 4, peak  # the answering threads, the watch, the main thread, the pipes' feeders
    assert ask(url, "ASK { ?s a kg:Person }")[2] == b'{"head":{},"boolean":true}'


def test_answers_follow_a_rebuild_without_a_restart(project, kg, start_serve):
    out = project / "out"
    assert kg("build", "--root", project, "--out", out, "--no-warm").exit_code == 0
    url, _ = start_serve(out)
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

    def graphs() -> int:
        return int(json.loads(ask(url, count)[2])["results"]["bindings"][0]["n"]["value"])

    before = graphs()
    record = sorted((project / "sources").glob("0*.yaml"))[-1]
    record.unlink()
    record.with_suffix(".txt").unlink()
    assert kg("build", "--root", project, "--out", out, "--no-warm").exit_code == 0
    assert kg("build", "--root", project, "--out", out, "--no-warm").exit_code == 0  # the first store is gone now
    for _ in range(50):
        if graphs() == before - 1:
            break
        time.sleep(0.1)
    assert graphs() == before - 1
    shutil.rmtree(out)
    status, _, body = ask(url, count)
    assert status == 503 and b"run `kg build` first" in body


def test_serve_help_names_its_limits():
    from click.testing import CliRunner

    output = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "--timeout" in output and "--memory" in output and "refused" in output

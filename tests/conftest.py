"""Shared fixtures: the shipped project, built once; writable copies to break."""
from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from graph.cli import cli
from graph.ontology import load_vocabulary
from graph.pipeline import Paths, build
from graph.regions import load_gazetteer
from graph.safe_read import read_text
from graph.sources import parse_gazetteer

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The shipped sources built once into a temporary out/ folder."""
    out = tmp_path_factory.mktemp("shipped-out")
    result = build(Paths(ROOT), out)
    return SimpleNamespace(out=out, result=result, graph=built_graph(out), dataset=built_dataset(out))


def built_graph(out: Path) -> Graph:
    """The union graph a build wrote (from its N-Triples)."""
    graph = Graph()
    graph.parse(out / "graph.nt", format="nt")
    return graph


def built_dataset(out: Path) -> Dataset:
    """The named graphs a build wrote (from its N-Quads)."""
    dataset = Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    return dataset


@pytest.fixture
def project(tmp_path):
    """A writable copy of the project (ontology, shapes, sources), to break or extend."""
    root = tmp_path / "project"
    root.mkdir()
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    return root


@pytest.fixture(scope="module")
def gazetteer():
    """The base regions and the shipped sources/gazetteer.yaml, as `kg add` gives them to the extractor."""
    return load_gazetteer(ROOT / "sources", load_vocabulary(ROOT / "ontology.ttl"))


@pytest.fixture(scope="module")
def curated_gazetteer():
    """The shipped sources/gazetteer.yaml alone (without the base regions), as the extractor reads it."""
    path = ROOT / "sources" / "gazetteer.yaml"
    return parse_gazetteer(read_text(path), path, load_vocabulary(ROOT / "ontology.ttl"))


@pytest.fixture
def kg():
    """Run the `kg` command in-process: kg("build", "--root", path)."""
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's real Chromium, driven by playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a local page; record its requests, console errors and dialogs."""
    pages = []

    def opener(path):
        # bypass_csp lets playwright's own probes run; the page's escaping is what is tested
        context = browser.new_context(viewport={"width": 1600, "height": 1000}, bypass_csp=True)
        page = context.new_page()
        page.requests, page.errors, page.dialogs = [], [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("() => window.kgStabilised === true", timeout=60_000)
        pages.append(context)
        return page

    yield opener
    for context in pages:
        context.close()


@pytest.fixture
def counting_server():
    """A local HTTP server that counts every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.end_headers()
            self.wfile.write(b"<http://a> <http://b> <http://c> .\n")

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def start_serve():
    """Start `kg serve --port 0 ARGS…` in a process of its own; return its base URL and the process."""
    started = []

    def start(out, *args):
        process = subprocess.Popen([sys.executable, "-m", "graph", "serve", "--port", "0", "--out", str(out),
                                    *[str(a) for a in args]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        started.append(process)
        line = process.stderr.readline()  # "SPARQL endpoint: http://127.0.0.1:PORT/query (…)", once listening
        assert line.startswith("SPARQL endpoint: http://127.0.0.1:"), line + process.stderr.read()
        return line.split()[2].removesuffix("/query"), process

    yield start
    for process in started:
        process.terminate()
        process.wait(10)

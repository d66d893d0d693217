"""No reach beyond the job: no sockets, no files outside the project, out/ and Python; RDF input limited.

Each command runs in a subprocess under an audit hook (``sys.addaudithook``)
that records every ``open``, socket and urllib event to a file. The test then
checks that nothing touched the network and that every file opened lies in
the project copy, out/, the Python installation, the ``graph`` package and its
saved queries, or
the system's basics (/dev, /proc, /sys, /etc, /usr).
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

import graph

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(graph.__file__).resolve().parent
NETWORK = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind", "socket.sendto",
           "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect")

WRAPPER = r'''
import json, os, sys
log_path = sys.argv[1]
events = []
recording = [True]
def hook(event, args):
    if not recording[0]:
        return
    if event == "open":
        path = args[0]
        if isinstance(path, int):
            return
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        events.append(["open", os.path.abspath(str(path)), str(args[1])])
    elif event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
sys.argv = ["kg", *sys.argv[2:]]
try:
    from graph.cli import main
    main()
finally:
    recording[0] = False  # the log itself is the wrapper's, not kg's
    with open(log_path, "w") as handle:
        json.dump(events, handle)
'''


def allowed_roots(*extra: Path) -> list[str]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, sysconfig.get_paths()["purelib"],
             sysconfig.get_paths()["platlib"], sysconfig.get_paths()["stdlib"], str(PACKAGE),
             str(PACKAGE.parent / "queries"),  # the tool's own saved queries
             "/dev", "/proc", "/sys", "/etc", "/usr/lib", "/usr/share/zoneinfo", "/lib", "/usr/lib64"}
    roots.update(str(Path(p).resolve()) for p in extra)
    roots.update(str(Path(p)) for p in extra)
    return sorted(roots)


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    base = tmp_path_factory.mktemp("reach")
    root = base / "project"
    root.mkdir()
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    wrapper = base / "audited_kg.py"
    wrapper.write_text(WRAPPER)

    def run(*args, cwd=root):
        log = base / f"events-{time.monotonic_ns()}.json"
        proc = subprocess.run([sys.executable, str(wrapper), str(log), *map(str, args)], capture_output=True,
                              text=True, cwd=cwd, timeout=180)
        return proc, json.loads(log.read_text())

    return root, run


def assert_no_reach(events, *allowed: Path):
    network = [e for e in events if e[0] in NETWORK]
    assert not network, network
    roots = allowed_roots(*allowed)
    outside = sorted({e[1] for e in events if e[0] == "open"
                      and not any(e[1] == r or e[1].startswith(r.rstrip("/") + "/") for r in roots)})
    assert not outside, outside


def test_build_reads_only_the_project_and_opens_no_socket(audited):
    root, run = audited
    proc, events = run("build", "--root", root, "--out", root / "out")
    assert proc.returncode == 0, proc.stderr
    assert_no_reach(events, root)
    opened = {e[1] for e in events if e[0] == "open"}
    assert str(root / "sources" / "gazetteer.yaml") in opened  # the hook does see the project's reads


def test_query_reads_only_out_and_opens_no_socket(audited):
    root, run = audited
    if not (root / "out" / "graph.nq").exists():
        assert run("build", "--root", root, "--out", root / "out")[0].returncode == 0
    for args in (["capitals"], ["-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"],
                 ["-e", "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }"]):
        proc, events = run("query", *args, "--out", root / "out")
        assert "Traceback" not in proc.stderr
        assert proc.returncode in (0, 2), proc.stderr
        assert_no_reach(events, root)


def test_diff_reads_only_its_two_files_and_opens_no_socket(audited, tmp_path):
    root, run = audited
    if not (root / "out" / "graph.nq").exists():
        assert run("build", "--root", root, "--out", root / "out")[0].returncode == 0
    old = tmp_path / "old.nq"
    new = tmp_path / "new.ttl"
    old.write_bytes((root / "out" / "graph.nq").read_bytes())
    new.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "c" .\n', encoding="utf-8")
    proc, events = run("diff", old, new, "--out", root / "out")
    assert proc.returncode in (0, 1), proc.stderr
    assert_no_reach(events, root, tmp_path)


@pytest.mark.parametrize("name, body", [
    ("bomb.rdf", '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
                 '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'),
    ("remote.jsonld", '{"@context": "http://127.0.0.1:9/context.jsonld", "@id": "http://example.org/a"}'),
    ("remote.xml", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'),
    ("graph.owl", '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'),
])
def test_diff_refuses_rdf_xml_and_json_ld_without_reading_them(audited, tmp_path, name, body):
    root, run = audited
    if not (root / "out" / "graph.nq").exists():
        assert run("build", "--root", root, "--out", root / "out")[0].returncode == 0
    hostile = tmp_path / name
    hostile.write_text(body, encoding="utf-8")
    proc, events = run("diff", hostile, root / "out" / "graph.nq", "--out", root / "out")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"kg: error: {hostile}"), proc.stderr
    assert_no_reach(events, root, tmp_path)
    assert str(hostile) not in {e[1] for e in events if e[0] == "open"}


def test_serve_binds_loopback_by_default():
    from click.testing import CliRunner

    from graph.cli import cli

    option = next(p for p in cli.commands["serve"].params if p.name == "host")
    assert option.default == "127.0.0.1"
    assert socket.inet_aton(option.default)[0] == 127
    assert "--host" in CliRunner().invoke(cli, ["serve", "--help"]).output

"""Two `kg build` runs at once on one out/ folder: both succeed one after the other, or one fails clearly; never a mix."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]


def copy_project(root: Path, title: str) -> Path:
    root.mkdir(parents=True)
    for name in ("ontology.ttl", "shapes.ttl"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "sources", root / "sources")
    gazetteer = root / "sources" / "gazetteer.yaml"
    text = gazetteer.read_text(encoding="utf-8")
    gazetteer.write_text(text.replace("  title: Gazetteer of", f"  title: {title} of", 1), encoding="utf-8")
    return root


def start(root: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "graph", "build", "--root", str(root), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir()
            if p.is_file() and not p.is_symlink() and not p.name.startswith(".") and p.name != "previous.nq"}


def test_two_builds_into_one_folder_never_mix(tmp_path):
    roots = {"one": copy_project(tmp_path / "one", "Build one"), "two": copy_project(tmp_path / "two", "Build two")}
    ref = {}
    for name, root in roots.items():  # what each build writes when alone
        proc = start(root, tmp_path / f"ref-{name}")
        assert proc.wait(timeout=180) == 0, proc.communicate()
        ref[name] = outputs(tmp_path / f"ref-{name}")
    assert ref["one"]["graph.nq"] != ref["two"]["graph.nq"]
    out = tmp_path / "out"
    for round_ in range(2):
        procs = {name: start(root, out) for name, root in roots.items()}
        results = {name: (proc.wait(timeout=180), *proc.communicate()) for name, proc in procs.items()}
        for name, (code, _, err) in results.items():
            assert "Traceback" not in err
            assert code == 0 or (code == 2 and "another kg command is writing here" in err), (name, code, err)
        assert any(code == 0 for code, _, _ in results.values())
        written = outputs(out)
        winner = [name for name in roots if written == ref[name]]
        assert len(winner) == 1, f"round {round_}: out/ is a mix of both builds"
        nq = written["graph.nq"]
        store = ox.Store.read_only(str((out / "store").resolve()))
        # the store is the winner's too: its named graphs, and each statement once in the default graph
        assert len(store) == (len(list(ox.parse(nq, format=ox.RdfFormat.N_QUADS)))
                              + len(list(ox.parse(written["graph.nt"], format=ox.RdfFormat.N_TRIPLES))))
        assert json.loads(written["report.json"])

"""Long work shows progress on a terminal and nothing in a pipe; --quiet prints nothing on success; many
conflicts and warnings are summarised by kind, with the full list in out/report.txt."""
from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import cli
from graph.progress import SILENT, TerminalProgress, on_terminal
from graph.report import HANDFUL

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus  # noqa: E402  (bench/corpus.py: the synthetic corpus)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A synthetic project large enough that a clean build takes a few seconds."""
    root = tmp_path_factory.mktemp("progress") / "corpus"
    write_corpus(root, 400)
    return root


def kg_process(args, cwd, stderr_on_terminal: bool):
    """Run `python3 -m graph ARGS` in a child, stdout to a pipe and stderr to a pseudo-terminal or a pipe;
    returns (exit code, stdout, stderr)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", "TERM": "xterm"}
    if not stderr_on_terminal:
        done = subprocess.run([sys.executable, "-m", "graph", *args], cwd=cwd, env=env, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=600)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "graph", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    seen = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal (Linux says EIO)
            break
        if not chunk:
            break
        seen.append(chunk)
    os.close(leader)
    stdout = child.stdout.read()
    child.stdout.close()
    return child.wait(timeout=600), stdout, b"".join(seen)


def test_progress_on_a_terminal_and_not_in_a_pipe(corpus, tmp_path):
    on_tty, in_pipe = tmp_path / "tty", tmp_path / "pipe"
    for copy in (on_tty, in_pipe):
        shutil.copytree(corpus, copy)
    code, stdout, terminal = kg_process(["build", "--no-warm"], on_tty, stderr_on_terminal=True)
    assert code == 0, terminal.decode(errors="replace")
    shown = terminal.decode("utf-8", errors="replace")
    assert re.search(r"Compiling 405 sources.*405/405", shown), shown[-2000:]
    for stage in ("Scanning sources", "Checking the project", "Writing out/", "Loading the store"):
        assert stage in shown
    assert "\x1b[2K" in shown  # the display is taken off the terminal at the end

    piped_code, piped_stdout, piped_stderr = kg_process(["build", "--no-warm"], in_pipe, stderr_on_terminal=False)
    assert piped_code == 0
    assert piped_stderr == b""
    assert stdout == piped_stdout and stdout.startswith(b"Built out/ from 405 articles")
    for name in ("graph.nq", "graph.ttl", "report.txt", "report.json", "graph.html"):
        assert (on_tty / "out" / name).read_bytes() == (in_pipe / "out" / name).read_bytes(), name


def test_the_silent_reporter_is_the_default_off_a_terminal(tmp_path):
    with open(tmp_path / "log", "w") as file:
        assert on_terminal(file) is SILENT
    leader, follower = pty.openpty()
    try:
        with os.fdopen(follower, "w", closefd=False) as terminal:
            assert isinstance(on_terminal(terminal), TerminalProgress)
            assert on_terminal(terminal, quiet=True) is SILENT
    finally:
        os.close(follower)
        os.close(leader)


def visit_articles(sources: Path, visits: int) -> None:
    """Two test articles per visit that disagree on its date and stated weekday, and both wrong about the
    weekday: for each visit 2 conflicts (date, statedWeekday) and 3 weekday mismatches."""
    for k in range(visits):
        for n, (day, weekday) in enumerate((("2025-09-22", "tuesday"), ("2025-09-23", "wednesday"))):
            stem = f"{500 + 2 * k + n}_progress{k:03d}{n}"
            text = f"Test text, not news: Kota Serang received delegation {k} from Zhejiang on {day}, a {weekday}.\n"
            (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
            visit = (f"  - id: visit-progress-{k}\n    type: DelegationVisit\n"
                     f"    label: {{en: Test visit {k}}}\n    host: kota-serang\n    guest: zhejiang\n"
                     if n == 0 else f"  - about: visit-progress-{k}\n")
            (sources / f"{stem}.yaml").write_text(
                f"source:\n  title: Test article {k}-{n}\n  publisher: tangerangpedia\n"
                f"  url: https://example.org/progress/{k}/{n}\n  language: en\n  published: 2025-09-24\n\n"
                f"facts:\n{visit}    date: {day}\n    statedWeekday: {weekday}\n    quote: {json.dumps(text.strip())}\n",
                encoding="utf-8")


def test_many_warnings_are_summarised_by_kind_with_the_full_list_in_the_report(project, kg):
    visits = 12  # 24 conflicts and 36 weekday mismatches with these articles, besides the shipped ones
    visit_articles(project / "sources", visits)
    result = kg("build", "--root", project, "--no-warm")
    assert result.exit_code == 0, result.output
    report = json.loads((project / "out" / "report.json").read_text(encoding="utf-8"))
    ours = [w for w in report["warnings"] if "(visit-progress-" in w]
    assert len(ours) == 3 * visits
    assert len(report["conflicts"]) > HANDFUL and len(report["warnings"]) > HANDFUL
    lines = result.output.splitlines()
    assert lines[1:] == [
        f"Conflict: {visits + 1} entities whose sources disagree on statedWeekday (full list in {project / 'out' / 'report.txt'})",
        f"Conflict: {visits} entities whose sources disagree on date (full list in {project / 'out' / 'report.txt'})",
        f"Warning: {len(report['warnings'])} weekday mismatches: a date whose weekday is not the one a source states "
        f"(full list in {project / 'out' / 'report.txt'})",
        f"Report: {project / 'out' / 'report.txt'}",
    ]
    text = (project / "out" / "report.txt").read_text(encoding="utf-8")
    assert f"Warnings ({len(report['warnings'])}):" in text
    for line in report["warnings"] + report["conflicts"]:
        assert f"  {line}\n" in text


def test_a_handful_of_warnings_are_printed_one_by_one(shipped, kg, tmp_path):
    result = kg("build", "--root", ROOT, "--out", tmp_path / "out", "--no-warm")
    report = shipped.result.report
    assert 0 < len(report["warnings"]) <= HANDFUL
    assert result.output.splitlines()[1:-1] == ([f"Conflict: {line}" for line in report["conflicts"]]
                                                + [f"Warning: {line}" for line in report["warnings"]])


def test_every_command_has_quiet():
    assert sorted(name for name, command in cli.commands.items()
                  if not any("--quiet" in p.opts for p in command.params)) == []


QUIET_RUNS = [  # commands that print on success, with arguments that succeed against a built out/
    ["build", "--no-warm"],
    ["query", "capitals"],
    ["query", "--list"],
    ["stats"],
    ["path", "Kota Serang", "Zhejiang"],
    ["export", "--format", "gexf"],
    ["viz"],
    ["snapshot", "before", "--force"],
    ["review", "000"],
]


def test_quiet_prints_nothing_on_success(project, kg, monkeypatch):
    monkeypatch.chdir(project)  # the commands default to ./ and ./out
    for args in QUIET_RUNS:
        loud = kg(*args)
        assert loud.exit_code == 0 and loud.output, args
        quiet = kg(*args, "--quiet")
        assert (quiet.exit_code, quiet.output) == (0, ""), args
    articles = ROOT / "tests" / "fixtures" / "articles"
    assert kg("add", articles / "bali-fujian.id.html").output.startswith("Note: ")
    assert kg("add", articles / "serang-binzhou-visit.en.txt", "--url", "https://contoh-berita.example/q",
              "--published", "2026-05-07", "-q").output == ""
    assert kg("extract", "005").output.startswith("Drafted ")
    assert kg("extract", "006", "--quiet").output == ""
    assert len(list((project / "sources").glob("00[56]_*.yaml"))) == 2
    for added in (project / "sources").glob("00[56]_*"):
        added.unlink()
    quiet = kg("diff", "-q")
    assert (quiet.exit_code, quiet.output) == (0, "")  # the snapshot is the current build
    (project / "sources" / "004_9c028631066dd723.yaml").unlink()
    (project / "sources" / "004_9c028631066dd723.txt").unlink()
    assert kg("build", "-q", "--no-warm").output == ""
    assert kg("diff", "--quiet").exit_code == 1  # the exit status still says they differ


def test_quiet_still_prints_errors(project, kg):
    record = project / "sources" / "002_df0ee3cb47686a21.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("signatory:", "signatori:", 1), encoding="utf-8")
    result = kg("build", "--root", project, "--quiet")
    assert result.exit_code == 2
    assert "unknown property 'signatori'" in result.output

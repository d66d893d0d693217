"""The README's console examples are what kg prints.

Every ```console block of README.md is run, command by command, in a scratch copy of the project, and what
each command prints (stdout and stderr) must be the lines the README shows under it. Blocks run in the
README's order inside a session: one bash, one scratch copy, so `cd` and variables carry from block to
block as they do for a reader following along. An HTML comment right before a block names its session
(`shipped` unless told) or says why the block is not run here:

    <!-- readme-test: session tour -->
    <!-- readme-test: session diff; first: kg build -q -->
    <!-- readme-test: not run: needs a server (tests/test_serve_push.py runs it against a real store) -->

A changed message, count or table in kg then fails here until the README says what kg says.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PROJECT_FILES = ("ontology.ttl", "shapes.ttl", "sources", "queries", "tests/fixtures", "tests/data")
TOUR_DIR = "/tmp/kg-tour"  # the README's scratch folder; each run gets its own
MARKER = re.compile(r"<!-- readme-test: (?P<what>.*?) -->")
SEPARATOR = "@@readme-test {}@@"


@dataclass
class Example:
    line: int  # of the command in README.md
    command: str
    expected: list[str]


@dataclass
class Session:
    name: str
    first: str = ""  # a command run before the session's first block, its output not compared
    examples: list[Example] = field(default_factory=list)


def console_blocks(text: str):
    """(line of the fence, its marker or "", the block's lines with their line numbers) for each console block."""
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        if lines[number].strip() == "```console":
            previous = lines[number - 1].strip() if number else ""
            marker = MARKER.fullmatch(previous)
            body = []
            number += 1
            while lines[number].strip() != "```":
                body.append((number + 1, lines[number]))
                number += 1
            yield marker.group("what") if marker else "", body
        number += 1


def examples(body) -> list[Example]:
    found = []
    for line, content in body:
        if content.startswith("$ "):
            found.append(Example(line, content[2:], []))
        else:
            found[-1].expected.append(content)
    return found


def sessions(text: str) -> tuple[dict[str, Session], list[str]]:
    """The README's sessions in order, and the blocks not run with why."""
    found: dict[str, Session] = {}
    not_run = []
    for what, body in console_blocks(text):
        if what.startswith("not run:"):
            not_run.append(f"README.md:{body[0][0]}: {what}")
            continue
        name, _, first = what.removeprefix("session ").partition("; first: ") if what else ("shipped", "", "")
        session = found.setdefault(name, Session(name, first))
        session.examples += examples(body)
    return found, not_run


def script(session: Session, tour: Path) -> str:
    """One bash script: each command's output between separators, its exit status kept for the next `$?`."""
    steps = [f'kg() {{ "{sys.executable}" -m graph "$@"; }}', session.first + " >/dev/null 2>&1" if session.first
             else ":"]
    for number, example in enumerate(session.examples):
        command = example.command.replace(TOUR_DIR, str(tour))
        steps += [f"printf '\\n{SEPARATOR.format(number)}\\n'", "(exit $status)" if number else ":",
                  f"{{ {command} ; }} 2>&1", "status=$?"]
    return "\n".join(steps) + "\n"


def run(session: Session, scratch: Path) -> list[list[str]]:
    """What each command of the session printed, as lines."""
    copy = scratch / "project"
    for name in PROJECT_FILES:
        source, target = ROOT / name, copy / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    # as the suite runs (the portable pass's variables kept), with the README's defaults: English labels
    env = {name: value for name, value in os.environ.items() if not name.startswith(("KG_LANG", "COLUMNS"))}
    env |= {"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
            "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(["bash", "-c", script(session, scratch / "kg-tour")], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.stderr == "", done.stderr
    parts = re.split(r"\n@@readme-test \d+@@\n", "\n" + done.stdout)[1:]
    return [part.removesuffix("\n").split("\n") if part.strip("\n") else [] for part in parts]


SESSIONS, NOT_RUN = sessions(README.read_text(encoding="utf-8"))
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the README's examples are bash")


def test_every_console_block_is_run_or_says_why_not():
    """A block is skipped only with its reason in the README; nearly all of them run."""
    assert all(re.search(r"not run: \S.{10,}", reason) for reason in NOT_RUN), NOT_RUN
    run_count = sum(len(session.examples) for session in SESSIONS.values())
    assert run_count >= 3 * len(NOT_RUN) and run_count >= 20, (run_count, NOT_RUN)


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_console_examples_print_what_the_readme_shows(name, tmp_path):
    session = SESSIONS[name]
    printed = run(session, tmp_path)
    assert len(printed) == len(session.examples)
    wrong = [f"README.md:{example.line}: $ {example.command}\n  README shows:\n    " + "\n    ".join(example.expected)
             + "\n  kg prints:\n    " + "\n    ".join(output)
             for example, output in zip(session.examples, printed) if output != example.expected]
    assert wrong == [], "\n".join(wrong)


def test_a_changed_output_is_caught(tmp_path):
    """The comparison can fail: the shipped build's line with one count changed is reported."""
    build = next(example for example in SESSIONS["shipped"].examples if example.command == "kg build")
    altered = Example(build.line, build.command, [re.sub(r"\d+ triples", "1 triples", build.expected[0])]
                      + build.expected[1:])
    printed = run(Session("shipped", examples=[altered]), tmp_path)
    assert printed[0][1:] == altered.expected[1:] and printed[0][0] != altered.expected[0]

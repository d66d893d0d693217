"""Hostile article text: markup, </script>, javascript: URLs, RDF/SPARQL metacharacters, control characters.

Names and quotes of a new article carry the payloads. The outputs stay valid
RDF (strict pyoxigraph parse, same statement counts, the text survives
byte for byte), invalid IRIs in `url:` are refused with file:line, the page
runs none of it in real headless Chromium, and `kg query` prints control
characters escaped so they cannot act on the terminal.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import yaml

from graph.errors import InputErrors
from graph.pipeline import Paths, build

PAYLOADS = [
    '</script><script>window.__pwned = 1; alert("pwned")</script>',
    '<img src=x onerror="window.__pwned = 1">',
    '<a href="javascript:window.__pwned = 1">click</a>',
    "javascript:window.__pwned=1",
    '" ; DROP GRAPH <http://x> ; <http://x> <http://y> "',
    '"""\\u0022 \\ > <http://evil/> . } GRAPH <g:x> { <a:b> <c:d> "e" } #',
    "} ; INSERT DATA { <http://a> <http://b> <http://c> } #",
    "{{7*7}} ${7*7} <!-- --> ]]> &lt;&amp;",
    "line one\nline two\r\nline three",
    "back\\slash and 'single' and \"double\"",
]
STRICT = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.trig": ox.RdfFormat.TRIG, "graph.nt": ox.RdfFormat.N_TRIPLES,
          "graph.nq": ox.RdfFormat.N_QUADS, "graph.jsonld": ox.RdfFormat.JSON_LD}


def hostile_record(url="https://example.org/hostile?a=1&b=2", payloads=PAYLOADS) -> tuple[str, str]:
    facts = [{"id": f"hostile-meeting-{n}", "type": "Meeting",
              "label": {"en": payload, "id": payload}, "quote": payload.replace("\n", " ")}
             for n, payload in enumerate(payloads)]
    record = {"source": {"title": payloads[0], "publisher": "bisnisupdate", "url": url, "language": "en",
                         "published": "2025-09", "note": payloads[1]},
              "facts": facts}
    text = "Hostile article.\n" + "\n".join(p.replace("\n", " ") for p in payloads) + "\n"
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False), text


def write_article(project, record: str, text: str, name="900_hostile"):
    (project / "sources" / f"{name}.yaml").write_text(record, encoding="utf-8")
    (project / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")


def test_hostile_text_keeps_every_output_valid_rdf(project):
    write_article(project, *hostile_record())
    out = project / "out"
    build(Paths(project), out)
    counts = {name: len(list(ox.parse(path=str(out / name), format=fmt))) for name, fmt in STRICT.items()}
    assert counts["graph.ttl"] == counts["graph.nt"] == counts["graph.jsonld"], counts
    assert counts["graph.trig"] == counts["graph.nq"], counts
    labels = {q.object.value for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
              if isinstance(q.object, ox.Literal)}
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in labels, payload  # the text survives as text, whitespace folded
    injected = [q for q in ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
                if str(q.subject.value if hasattr(q.subject, "value") else q.subject).startswith(("http://a", "a:b"))]
    assert not injected


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://exa mple.org/x", "https://example.org/<script>",
                                 'https://example.org/"x"', "https://example.org/a\\b", "https://example.org/{x}",
                                 "https://example.org/\u202egnp.exe",
                                 "file:///etc/passwd", "data:text/html,<b>x</b>",
                                 "https://example.org/a\nb", "http://", "//example.org/x"])
def test_invalid_iris_in_url_are_refused_with_file_and_line(project, url):
    record, text = hostile_record(url=url)
    write_article(project, record, text)
    line = next(n for n, ln in enumerate(record.splitlines(), 1) if ln.lstrip().startswith("url:"))
    with pytest.raises(InputErrors) as caught:
        build(Paths(project), project / "out")
    lines = str(caught.value).splitlines()
    assert any(re.match(rf"{re.escape(str(project / 'sources' / '900_hostile.yaml'))}:{line}: source url ", ln)
               for ln in lines), lines
    assert not (project / "out").exists()


def test_page_runs_no_injected_script(project, open_page):
    write_article(project, *hostile_record())
    build(Paths(project), project / "out")
    html = (project / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and 'onerror="window.__pwned' not in html
    page = open_page(project / "out" / "graph.html")
    assert page.evaluate("() => window.__pwned") is None
    assert not page.dialogs
    assert all(url.startswith(("file:", "data:", "about:")) for url in page.requests), page.requests
    hrefs = page.evaluate("() => [...document.querySelectorAll('[href],[src]')]"
                          ".map(e => e.getAttribute('href') || e.getAttribute('src'))")
    assert not [h for h in hrefs if h and h.strip().lower().startswith("javascript:")], hrefs
    page.evaluate("() => document.querySelectorAll('a, button').forEach(e => { try { e.click() } catch (x) {} })")
    assert page.evaluate("() => window.__pwned") is None
    assert not page.dialogs


TERMINAL = {"ESC": "\x1b]0;pwned\x07\x1b[2J", "CR": "safe\rEVIL", "CSI-C1": "\x9b31m", "RLO": "abc\u202egnp.exe",
            "LRI": "\u2066x\u2069", "BS": "abc\x08\x08\x08EVIL", "ALM": "a\u061cb"}


@pytest.mark.parametrize("name", sorted(TERMINAL))
def test_query_table_escapes_control_characters(project, kg, name):
    payload = TERMINAL[name]
    record, text = hostile_record(payloads=[f"Meeting {payload} end", "plain"])
    write_article(project, record, text)
    out = project / "out"
    build(Paths(project), out)
    result = kg("query", "-e", 'SELECT ?l WHERE { id:hostile-meeting-0 rdfs:label ?l FILTER(lang(?l) = "en") }',
                "--out", out)
    assert result.exit_code == 0, result.output
    assert "Meeting" in result.output
    controls = re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", result.output)
    assert not controls, (name, controls)


def _article_linked_to(project, tmp_path, secret: str, name="901_linked"):
    """A record whose text is a link to a file outside the project, quoting the start of that file."""
    outside = tmp_path / "secret.txt"
    outside.write_text(secret, encoding="utf-8")
    record, _ = hostile_record(payloads=[secret[:20], secret[:10]])
    (project / "sources" / f"{name}.yaml").write_text(record, encoding="utf-8")
    return outside


def test_a_text_that_links_outside_the_sources_is_refused(project, tmp_path, kg):
    secret = "root:x:0:0:root:/root:/bin/bash and what follows is private\n"
    outside = _article_linked_to(project, tmp_path, secret)
    (project / "sources" / "901_linked.txt").symlink_to(outside)
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2
    assert result.stderr == (f"kg: error: {project / 'sources' / '901_linked.txt'}: cannot read: it leads outside "
                             f"{project / 'sources'} (to {outside}); a source's files must lie in the sources folder\n")
    assert not (project / "out").exists()


def test_a_record_that_links_outside_the_sources_is_refused(project, tmp_path, kg):
    record, text = hostile_record(payloads=["A quiet meeting took place", "A quiet meeting"])
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(record, encoding="utf-8")
    (project / "sources" / "902_linked.yaml").symlink_to(outside)
    (project / "sources" / "902_linked.txt").write_text(text, encoding="utf-8")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2 and "902_linked.yaml: cannot read: it leads outside" in result.stderr


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs on this system")
def test_a_text_that_is_a_fifo_is_refused_not_waited_on(project, tmp_path, kg):
    import os

    _article_linked_to(project, tmp_path, "A quiet meeting took place in the city hall.\n", name="903_fifo")
    os.mkfifo(project / "sources" / "903_fifo.txt")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 2
    assert f"{project / 'sources' / '903_fifo.txt'}: cannot read: not a regular file" in result.stderr


def test_a_link_to_a_text_inside_the_sources_is_read(project, tmp_path, kg):
    record, text = hostile_record(payloads=["A quiet meeting took place", "A quiet meeting"])
    (project / "sources" / "904_inside.yaml").write_text(record, encoding="utf-8")
    (project / "sources" / "texts").mkdir()
    (project / "sources" / "texts" / "904.txt").write_text(text, encoding="utf-8")
    (project / "sources" / "904_inside.txt").symlink_to(project / "sources" / "texts" / "904.txt")
    result = kg("build", "--root", project, "--out", project / "out")
    assert result.exit_code == 0, result.stderr

"""What changed between two versions of the graph.

Statements are compared as sets of canonical N-Quads lines (or N-Triples,
when either side has no named graphs). Graphs with blank nodes are first
canonicalised with RDFC-1.0 (pyoxigraph), so files that differ only in
blank-node names compare equal. N-Quads and N-Triples files are compared as
bytes first, and only what differs is parsed (`compare_files`): two builds of
1.3 million statements in about two seconds. The summary
groups changes by entity and names things by their labels and classes;
evidence annotations are counted under the fact they support.
"""
from __future__ import annotations

import mmap
import os
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, methodcaller, not_
from pathlib import Path

import pyoxigraph as ox

from graph.iris import EVIDENCE, GRAPH, ID, KG, PREFIXES, SOURCE

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EVIDENCE_OF = str(KG.evidence)
HELD_BY = str(KG.heldBy)


@dataclass
class Side:
    lines: dict[str, ox.Quad]
    named: bool
    blank: bool


@dataclass
class Diff:
    mode: str  # "quads" or "triples"
    canonicalised: bool
    added: list[ox.Quad]
    removed: list[ox.Quad]
    sources: dict[str, list[str]] = field(default_factory=dict)
    entities: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def same(self) -> bool:
        return not self.added and not self.removed


def side(quads: list[ox.Quad]) -> Side:
    named = any(not isinstance(q.graph_name, ox.DefaultGraph) for q in quads)
    blank = any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object, q.graph_name))
    return Side(_lines(quads), named, blank)


def _lines(quads) -> dict[str, ox.Quad]:
    return {f"{q.subject} {q.predicate} {q.object}" + ("" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}"): q
            for q in quads}


def compare(old_quads: list[ox.Quad], new_quads: list[ox.Quad]) -> Diff:
    old, new = side(old_quads), side(new_quads)
    mode = "quads" if old.named and new.named else "triples"
    canonicalised = old.blank or new.blank
    if mode == "triples" or canonicalised:
        old_quads, new_quads = _prepare(old_quads, mode, canonicalised), _prepare(new_quads, mode, canonicalised)
        old, new = side(old_quads), side(new_quads)
    added = [new.lines[line] for line in sorted(new.lines.keys() - old.lines.keys())]
    removed = [old.lines[line] for line in sorted(old.lines.keys() - new.lines.keys())]
    diff = Diff(mode, canonicalised, added, removed)
    if not diff.same:
        _summarise(diff, list(old.lines.values()), list(new.lines.values()))
    return diff


LINE_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
_NAMING = tuple(f"<{iri}>".encode() for iri in (RDFS_LABEL, RDF_TYPE, EVIDENCE_OF, HELD_BY))
_EVIDENCE_LINK = _NAMING[2]
_IRI_TERM = re.compile(rb'<[^\x00-\x20<>"{}|^`\\]*>')  # an IRI written without escapes
_FIRST_STEP = 8192  # bytes: where to look first for the end of a graph's stretch
_CHUNK = 1 << 16  # bytes: stretches checked for non-ASCII at once


def compare_files(old_path, new_path, read) -> Diff:
    """Compare two files; ``read`` parses a whole file (and names the problem in a bad one).

    N-Quads and N-Triples files are compared as lines of bytes, and only what
    differs, and what names it, is parsed. Two N-Quads files laid out as
    `kg build` writes them (the statements of each named graph in one stretch)
    are compared graph by graph: a graph that did not change costs one memcmp.
    Each property these shortcuts rely on is checked, and cheaply: valid UTF-8,
    no blank nodes and no \\u escapes (so each IRI is written one way); files
    that fail a check are parsed whole and compared by `compare`.
    """
    old_path, new_path = Path(old_path), Path(new_path)
    if old_path.suffix in LINE_FORMATS and new_path.suffix in LINE_FORMATS:
        old, new = _bytes(old_path, read), _bytes(new_path, read, mapped=True)
        if old is not None and new is not None:
            diff = None
            if old_path.suffix == new_path.suffix == ".nq":
                diff = _compare_segments(old_path, old, new_path, new, read)
            if diff is None:
                new = new if isinstance(new, bytes) else _bytes(new_path, read)
                if new is not None and _checked(old, old_path, read) and _checked(new, new_path, read):
                    diff = _compare_lines(old_path, old, new_path, new, read)
            if diff is not None:
                return diff
    return compare(read(old_path), read(new_path))


def _bytes(path: Path, read, mapped=False):
    """The file's bytes, or with ``mapped`` a read-only mmap of them (no copy; slices and find work alike)."""
    try:
        with open(path, "rb") as handle:
            if mapped and os.fstat(handle.fileno()).st_size:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            return handle.read()
    except OSError:
        read(path)  # let the reader name the problem
        return None


def _checked(data: bytes, path, read, spans=None) -> bool:
    """Whether these stretches of a file (all of it by default) are UTF-8 without blank nodes or \\u escapes.

    Invalid UTF-8 is reported by ``read``, as for any other file.
    """
    spans = [(0, len(data))] if spans is None else spans
    if not all(_utf8(data, start, end) for start, end in spans):
        read(path)  # names the line and column
        return False
    return not any(_blank_or_escape(data, start, end) for start, end in spans)


def _utf8(data: bytes, start: int, end: int) -> bool:
    view, at = memoryview(data), start
    for chunk in range(start, end, _CHUNK):
        if chunk < at or data[chunk:chunk + _CHUNK].isascii():
            continue
        begin = max(data.rfind(b"\n", start, chunk) + 1, at)
        at = data.find(b"\n", min(chunk + _CHUNK, end), end)
        at = end if at < 0 else at
        try:
            str(view[begin:at], "utf-8")
        except UnicodeDecodeError:
            return False
    return True


def _blank_or_escape(data: bytes, start: int, end: int) -> bool:
    if data.find(b"_:", start, end) >= 0:
        return True
    at = data.find(b"\\", start, end)
    while at >= 0:
        if data[at + 1:at + 2] in (b"u", b"U"):
            return True
        at = data.find(b"\\", at + 2, end)  # skips the escaped character, which may be a backslash
    return False


# Two builds, graph by graph ------------------------------------------------

def _compare_segments(old_path, old: bytes, new_path, new, read) -> Diff | None:
    """Two N-Quads files whose lines each end with their graph's IRI, each graph in one stretch; None otherwise.

    A statement is in the stretch of its graph (or, in the default graph, of its
    object) in both files, so comparing stretch by stretch is comparing the
    files. Equal stretches are skipped; a stretch in one file only is parsed
    whole; of two that differ, the lines are sorted and compared, and every
    line about a subject that changed is parsed (so a statement written two
    ways compares equal). ``new`` may be an mmap.
    """
    paired = _pair_segments(old, new)
    if paired is None:
        return None
    old_spans, new_spans, same, tails = paired
    changed = sorted((old_spans.keys() | new_spans.keys()) - same)
    lines = old.split(b"\n") if changed else None
    if tails != (old.count(b"\n") if lines is None else len(lines) - 1):
        return None  # a line of OLD does not end with the term of its stretch
    # the equal stretches of NEW are those of OLD: checked once
    new_changed = sorted(new_spans[key] for key in changed if key in new_spans)
    if not (_checked(old, old_path, read) and _checked(new, new_path, read, new_changed)):
        return None
    if not (_first_in_named_graph(old, old_path, read) and _first_in_named_graph(new, new_path, read)):
        return None
    if not changed:
        return Diff("quads", False, [], [])
    lines.sort()  # by subject, for bisect; lines[0] is the empty string after the last newline
    if lines[0] or lines[1][:1] != b"<" or lines[-1][:1] != b"<":
        return None  # a statement whose subject is not an IRI, or a comment: not what kg build writes
    stretches = []  # for each file: the lines of each stretch that changed, sorted
    for data, spans in ((old, old_spans), (new, new_spans)):
        stretches.append({key: sorted(data[spans[key][0]:spans[key][1] - 1].split(b"\n"))
                          for key in changed if key in spans})
    if any(line[:1] != b"<" for found in stretches[1].values() for line in found):
        return None
    old_parts, new_parts = set(), set()  # of two stretches that differ: the lines about a subject that changed
    for key in changed:
        if key in old_spans and key in new_spans:
            mine, theirs = stretches[0][key], stretches[1][key]
            removed, added = _sorted_difference(mine, theirs)
            for subject in {line[:line.find(b">") + 1] for line in removed + added}:
                old_parts.update(_block(mine, subject))
                new_parts.update(_block(theirs, subject))
    quads = []
    for data, path, spans, other, parts in ((old, old_path, old_spans, new_spans, old_parts),
                                            (new, new_path, new_spans, old_spans, new_parts)):
        keys = [key for key in changed if key in spans]
        # the first line of each stretch that changed is in the stretch's graph (so that graph is in the file)
        firsts = [data[spans[key][0]:data.find(b"\n", spans[key][0])] for key in keys]
        graphs = [q.graph_name for q in _parse_lines(firsts, path, read, keep_order=True)]
        if graphs != [ox.NamedNode(key[1:-1].decode("utf-8")) for key in keys]:
            return None
        whole = [spans[key] for key in keys if key not in other]  # in this file only: every line
        quads.append(_parse_spans(data, whole, path, read) + _parse_lines(parts, path, read))
    diff = _diff(*quads, "quads")
    if diff.same:
        return diff
    old_changed_lines = {line for found in stretches[0].values() for line in found}
    new_changed_lines = sorted(line for found in stretches[1].values() for line in found)

    def old_lines(subject):
        return _block(lines, subject)

    def new_lines(subject):
        return [line for line in _block(lines, subject) if line not in old_changed_lines] + \
               _block(new_changed_lines, subject)

    old_links = _lines_with(old, _EVIDENCE_LINK)
    new_links = [line for line in old_links if line not in old_changed_lines] + \
        _lines_with(new, _EVIDENCE_LINK, new_changed)
    graphs = tuple({key[1:-1].decode("utf-8") for key in changed if key in keys} for keys in (old_spans, new_spans))
    _summarise_with_context(diff, (old_path, old_lines, old_links), (new_path, new_lines, new_links), graphs, read)
    return diff


def _pair_segments(old: bytes, new):
    """Each file's stretches by their last term, the terms whose stretches are byte-identical in both, and
    how many lines of OLD end with the term of their stretch (all of them, if OLD is laid out so).

    None when a file is not laid out in such stretches, each term in one. The
    files are walked side by side, so a stretch found at the same place in NEW
    costs one comparison; when terms come in the same order in both files
    (kg build sorts the graphs) that is every stretch that did not change.
    The stretches of NEW are checked here; those of OLD by the caller, which
    counts the lines of OLD anyway.
    """
    old_spans, new_spans, same, tails = {}, {}, set(), 0
    view = memoryview(new)
    a = b = 0
    here_old = here_new = None  # the stretch found at a (in OLD) and at b (in NEW), as (term, end)
    while a < len(old) or b < len(new):
        if a < len(old) and here_old is None:
            here_old = _segment(old, a)
            if here_old is None:
                return None
            tails += old.count(_tail(here_old[0]), a, here_old[1])
        if b < len(new) and here_new is None:
            if here_old is not None:
                key, end = here_old
                stop = b + end - a
                if stop <= len(new) and old.startswith(view[b:stop], a) and not _continues(new, stop, key):
                    if key in old_spans or key in new_spans:
                        return None
                    old_spans[key], new_spans[key] = (a, end), (b, stop)
                    same.add(key)
                    a, b, here_old = end, stop, None
                    continue
            here_new = _segment(new, b)
            if here_new is None:
                return None
            stretch = new[b:here_new[1]]
            if stretch.count(_tail(here_new[0])) != stretch.count(b"\n"):
                return None
        key_old = here_old[0] if here_old is not None else None
        key_new = here_new[0] if here_new is not None else None
        if key_old is not None and (key_new is None or key_old <= key_new):
            if key_old in old_spans:
                return None
            old_spans[key_old] = (a, here_old[1])
            a, here_old = here_old[1], None
        if key_new is not None and (key_old is None or key_new <= key_old):
            if key_new in new_spans:
                return None
            new_spans[key_new] = (b, here_new[1])
            b, here_new = here_new[1], None
    for key in old_spans.keys() & new_spans.keys() - same:  # found apart: the order of terms differs
        (a, end), (b, stop) = old_spans[key], new_spans[key]
        if end - a == stop - b and old.startswith(view[b:stop], a):
            same.add(key)
    return old_spans, new_spans, same, tails


def _tail(key: bytes) -> bytes:
    return b" " + key + b" .\n"


def _segment(data, start: int):
    """The stretch of lines from ``start`` that end with the same IRI: (that IRI, where it ends), or None.

    Found by looking ahead and back, assuming the term's lines are together:
    the caller checks that every line of the stretch ends with the term.
    ``data`` may be an mmap.
    """
    eol = data.find(b"\n", start)
    if eol - start < 4 or data[eol - 2:eol] != b" .":
        return None
    space = data.rfind(b" ", start, eol - 2)
    key = data[space + 1:eol - 2]
    if space < 0 or not _IRI_TERM.fullmatch(key):
        return None
    tail, size = _tail(key), len(data)
    done, step, stop = eol + 1, _FIRST_STEP, size  # lines up to `done` end with tail; none from `stop` on
    while done + step < size:  # look further and further on, then back from the first line that does not
        probe = done + step
        eol = data.find(b"\n", probe)
        if eol < 0:
            break
        if data[eol + 1 - len(tail):eol + 1] != tail:
            stop = data.rfind(b"\n", done - 1, probe) + 1
            break
        done, step = eol + 1, step * 2
    return key, data.rfind(tail, done - len(tail), stop) + len(tail)


def _continues(data: bytes, at: int, key: bytes) -> bool:
    """Whether the line at ``at`` ends with ``key`` too (or is not a whole line)."""
    if at >= len(data):
        return False
    eol, tail = data.find(b"\n", at), _tail(key)
    return eol < 0 or data[eol + 1 - len(tail):eol + 1] == tail


def _first_in_named_graph(data: bytes, path, read) -> bool:
    """Whether the file's first statement is in a named graph (so the file has named graphs)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end].strip()
        if line and not line.startswith(b"#"):
            return isinstance(_parse_lines({line}, path, read)[0].graph_name, ox.NamedNode)
        start = end + 1
    return False


def _parse_spans(data: bytes, spans, path, read) -> list[ox.Quad]:
    if not spans:
        return []
    try:
        return list(ox.parse(b"".join(data[start:end] for start, end in spans), format=ox.RdfFormat.N_QUADS))
    except SyntaxError:
        read(path)  # parse the whole file so the error names its real line
        raise


def _block(lines: list[bytes], subject: bytes) -> list[bytes]:
    """The lines of a sorted list whose subject is ``subject`` (an IRI with its brackets)."""
    found, at = [], bisect_left(lines, subject)
    while at < len(lines) and lines[at].startswith(subject):
        found.append(lines[at])
        at += 1
    return found


def _lines_with(data, needle: bytes, spans=None) -> list[bytes]:
    """The lines of ``data`` (in these stretches of whole lines) that contain ``needle``."""
    found = []
    for first, last in [(0, len(data))] if spans is None else spans:
        at = data.find(needle, first, last)
        while at >= 0:
            start, end = data.rfind(b"\n", first, at) + 1, data.find(b"\n", at, last)
            end = last if end < 0 else end
            found.append(data[max(start, first):end])
            at = data.find(needle, end, last)
    return found


# Any two line files ----------------------------------------------------------

def _compare_lines(old_path, old: bytes, new_path, new: bytes, read) -> Diff | None:
    """Two line files compared as sorted lists of lines; None when the files are not both N-Triples or both
    N-Quads with named graphs, hold a statement whose subject is not an IRI, or (when a graph must be looked
    for) hold a tab.

    Equal stretches of the sorted lists are skipped a block at a time. The
    lines that differ, and every line about the same subjects, are parsed: all
    of a statement's lines start with its subject (written one way, as the
    caller checked), so the same statement written two ways compares equal.
    """
    if old_path.suffix == new_path.suffix == ".nt":
        mode = "triples"
    elif old_path.suffix == new_path.suffix == ".nq" and \
            _first_in_named_graph(old, old_path, read) and _first_in_named_graph(new, new_path, read):
        mode = "quads"
    else:
        return None  # lines that differ may still hold the same triple, in another graph: parse everything
    old_lines, new_lines = _sorted_statements(old), _sorted_statements(new)
    if old_lines is None or new_lines is None:
        return None
    removed, added = _sorted_difference(old_lines, new_lines)
    subjects = {line[:line.find(b">") + 1] for line in removed + added}
    old_quads = _parse_lines({line for s in subjects for line in _block(old_lines, s)}, old_path, read)
    new_quads = _parse_lines({line for s in subjects for line in _block(new_lines, s)}, new_path, read)
    diff = _diff(old_quads, new_quads, mode)
    if diff.same:
        return diff
    graphs = None
    if mode == "quads":  # only graphs with changes can be added, removed or changed
        touched = {q.graph_name.value for q in diff.added + diff.removed if isinstance(q.graph_name, ox.NamedNode)}
        graphs = []
        for quads, lines, data, path in ((old_quads, old_lines, old, old_path), (new_quads, new_lines, new, new_path)):
            found = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} & touched
            if touched - found and data.find(b"\t") >= 0:
                return None  # terms apart by tabs: which graphs the file holds is not found from the lines' ends
            graphs.append(found | _graphs_in(lines, touched - found, path, read))
    _summarise_with_context(diff, (old_path, lambda s: _block(old_lines, s), _lines_with(old, _EVIDENCE_LINK)),
                            (new_path, lambda s: _block(new_lines, s), _lines_with(new, _EVIDENCE_LINK)),
                            graphs, read)
    return diff


def _graphs_in(lines: list[bytes], wanted: set[str], path, read) -> set[str]:
    """Which of the ``wanted`` graph IRIs hold a statement of these lines (which have no tabs).

    A statement in graph G ends with " <G> ." (or, after a comment or without
    the space, is one of the few lines that do not end with " ."): the lines
    whose ends are in C compared with the wanted ones, and those are parsed.
    """
    if not wanted:
        return set()
    plain = list(map(methodcaller("endswith", b" ."), lines))
    candidates = list(compress(lines, map(not_, plain)))
    plain_lines = list(compress(lines, plain))
    for size in {len(f" <{g}> .".encode("utf-8")) for g in wanted}:
        ends = {f" <{g}> .".encode("utf-8") for g in wanted} & set(map(itemgetter(slice(-size, None)), plain_lines))
        if ends:
            found = map(ends.__contains__, map(itemgetter(slice(-size, None)), plain_lines))
            candidates += compress(plain_lines, found)
    quads = _parse_lines(candidates, path, read, keep_order=True)
    return {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} & wanted


def _sorted_statements(data: bytes) -> list[bytes] | None:
    """The file's lines, sorted, without blank lines and comments; None if a statement does not start with an IRI."""
    lines = data.split(b"\n")
    lines.sort()
    start = 0
    while start < len(lines) and lines[start][:1] != b"<":  # blank lines and comments sort first
        line = lines[start].strip()
        if line and not line.startswith(b"#"):
            return None
        start += 1
    if start < len(lines) and lines[-1][:1] != b"<":
        return None
    return lines[start:] if start else lines


def _sorted_difference(old: list[bytes], new: list[bytes]) -> tuple[list[bytes], list[bytes]]:
    """The lines only in OLD and the lines only in NEW, of two sorted lists: a merge that skips equal stretches
    by comparing list slices twice as long each time, then halving."""
    removed, added, i, j = [], [], 0, 0
    while i < len(old) and j < len(new):
        x, y = old[i], new[j]
        if x == y:
            step = 1
            while i + step <= len(old) and j + step <= len(new) and old[i:i + step] == new[j:j + step]:
                i, j, step = i + step, j + step, step * 2
            while step > 1:
                step //= 2
                if i + step <= len(old) and j + step <= len(new) and old[i:i + step] == new[j:j + step]:
                    i, j = i + step, j + step
        elif x < y:
            if not (j and new[j - 1] == x):  # a line written twice in OLD
                removed.append(x)
            i += 1
        else:
            if not (i and old[i - 1] == y):
                added.append(y)
            j += 1
    removed += [x for x in old[i:] if not (new and new[-1] == x)]
    added += [y for y in new[j:] if not (old and old[-1] == y)]
    return removed, added


# Both ------------------------------------------------------------------------

def _diff(old_quads: list[ox.Quad], new_quads: list[ox.Quad], mode: str) -> Diff:
    if mode == "triples":
        old_quads = [ox.Quad(q.subject, q.predicate, q.object) for q in old_quads]
        new_quads = [ox.Quad(q.subject, q.predicate, q.object) for q in new_quads]
    old_side, new_side = side(old_quads), side(new_quads)
    added = [new_side.lines[k] for k in sorted(new_side.lines.keys() - old_side.lines.keys())]
    removed = [old_side.lines[k] for k in sorted(old_side.lines.keys() - new_side.lines.keys())]
    return Diff(mode, False, added, removed)


def _summarise_with_context(diff: Diff, old, new, graphs, read) -> None:
    """Summarise from what names the changed things on each side.

    Each side is (path, a function giving the lines about a subject, the lines with an evidence link).
    """
    interest = set()  # the changed subjects and objects, and the evidence annotations they are part of
    for quad in diff.added + diff.removed:
        for term in (quad.subject, quad.object):
            if isinstance(term, ox.NamedNode):
                interest.add(str(term).encode("utf-8"))
                if term.value.startswith(str(EVIDENCE)):
                    base = "/".join(term.value[len(str(EVIDENCE)):].split("/")[:2])
                    interest.add(f"<{str(EVIDENCE)}{base}>".encode("utf-8"))
    sides = []
    for path, about, links in (old, new):
        subjects, context = set(), set()
        for subject in interest:
            lines = about(subject)
            if lines:
                subjects.add(subject[1:-1].decode("utf-8"))
            after = len(subject) + 1  # where the predicate is, after one space
            context.update(line for line in lines if line.startswith(_NAMING, after)
                           or line[after - 1:after + 1] != b" <" and any(n in line for n in _NAMING))
        for line in links:  # the fact that an evidence annotation supports
            terms = line.split(b" ", 3)
            if len(terms) > 2 and terms[2] in interest:
                context.add(line)
        sides.append((subjects, _parse_lines(context, path, read)))
    (old_subjects, old_context), (new_subjects, new_context) = sides
    _summarise(diff, old_context + diff.removed, new_context + diff.added, graphs, old_subjects, new_subjects)


def _parse_lines(lines, path, read, keep_order=False) -> list[ox.Quad]:
    """Parse these lines (without their newlines; sorted, unless ``keep_order``); a syntax error is reported for
    the whole file."""
    if not lines:
        return []
    fmt = LINE_FORMATS[Path(path).suffix]
    try:
        return list(ox.parse(b"\n".join(lines if keep_order else sorted(lines)) + b"\n", format=fmt))
    except SyntaxError:
        read(path)  # parse the whole file so the error names its real line
        raise


def _prepare(quads, mode, canonicalise) -> list[ox.Quad]:
    if mode == "triples":
        quads = [ox.Quad(q.subject, q.predicate, q.object) for q in quads]
    if canonicalise:
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    return quads


# --------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------

class _Names:
    """Labels and classes of the IRIs on either side, for people to read."""

    def __init__(self, quads):
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.types: dict[str, str] = {}
        self.evidence_owner: dict[str, set[str]] = defaultdict(set)
        self.holder: dict[str, str] = {}
        for q in quads:
            s, p = _value(q.subject), q.predicate.value
            if p == RDFS_LABEL and isinstance(q.object, ox.Literal):
                self.labels[s][q.object.language or ""] = q.object.value
            elif p == RDF_TYPE and q.object.value.startswith(str(KG)):
                self.types.setdefault(s, q.object.value[len(str(KG)):])
            elif p == EVIDENCE_OF:
                self.evidence_owner[q.object.value].add(s)
            elif p == HELD_BY:
                self.holder[s] = q.object.value

    def label(self, iri: str) -> str:
        found = self.labels.get(iri, {})
        return found.get("en") or found.get("id") or found.get("") or _short(iri)

    def describe(self, iri: str) -> str:
        kind = self.types.get(iri)
        return f'{kind} "{self.label(iri)}"' if kind else f'"{self.label(iri)}"'

    def owner(self, iri: str) -> str:
        """The fact an evidence annotation (or its target or selector) belongs to."""
        if iri.startswith(str(EVIDENCE)):
            base = str(EVIDENCE) + "/".join(iri[len(str(EVIDENCE)):].split("/")[:2])
            owners = sorted(self.evidence_owner.get(base, ()))
            if owners:
                return owners[0]
        return iri


def _value(term) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.BlankNode)) else str(term)


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def _source_of(quad) -> str:
    name = quad.graph_name
    if isinstance(name, ox.NamedNode) and name.value.startswith(str(GRAPH)):
        return name.value[len(str(GRAPH)):].split("_", 1)[0]
    return ""


def _summarise(diff: Diff, old_quads, new_quads, graphs=None, old_subjects=None, new_subjects=None) -> None:
    """``graphs`` (IRIs of named graphs) and the subject sets may be given when the quads are a part of each side."""
    names = _Names(old_quads + new_quads)
    old_subjects = old_subjects if old_subjects is not None else {_value(q.subject) for q in old_quads}
    new_subjects = new_subjects if new_subjects is not None else {_value(q.subject) for q in new_quads}
    if diff.mode == "quads":
        if graphs is not None:
            old_graphs, new_graphs = graphs
        else:
            old_graphs = {q.graph_name.value for q in old_quads if isinstance(q.graph_name, ox.NamedNode)}
            new_graphs = {q.graph_name.value for q in new_quads if isinstance(q.graph_name, ox.NamedNode)}
        touched = {q.graph_name.value for q in diff.added + diff.removed if isinstance(q.graph_name, ox.NamedNode)}
        short = lambda g: g[len(str(GRAPH)):] if g.startswith(str(GRAPH)) else g  # noqa: E731
        diff.sources = {
            "added": sorted(short(g) for g in new_graphs - old_graphs),
            "removed": sorted(short(g) for g in old_graphs - new_graphs),
            "changed": sorted(short(g) for g in touched & old_graphs & new_graphs),
        }
    changes: dict[str, dict] = {}
    for sign, quads in (("+", diff.added), ("-", diff.removed)):
        for quad in quads:
            subject = _value(quad.subject)
            owner = names.owner(subject)
            if owner.startswith(str(SOURCE)) or owner.startswith(str(KG)):
                continue  # sources are summarised above; the ontology's own terms are vocabulary
            entry = changes.setdefault(owner, {"plus": [], "minus": [], "sources": set()})
            entry["sources"].add(_source_of(quad))
            if owner != subject or quad.predicate.value == EVIDENCE_OF:
                entry.setdefault("evidence", {"+": 0, "-": 0})
                if quad.predicate.value == EVIDENCE_OF:
                    entry["evidence"][sign] += 1
                continue
            entry["plus" if sign == "+" else "minus"].append(quad)
    added, removed, changed = [], [], []
    for iri in sorted(changes, key=lambda i: (names.label(i).casefold(), i)):
        entry = changes[iri]
        sources = ", ".join(sorted(s for s in entry["sources"] if s))
        record = {"iri": iri, "label": names.label(iri), "class": names.types.get(iri, ""), "sources": sources}
        if iri not in old_subjects and iri in new_subjects:
            added.append(record | {"line": f"+ {names.describe(iri)}" + (f" (source: {sources})" if sources else "")})
        elif iri in old_subjects and iri not in new_subjects:
            removed.append(record | {"line": f"- {names.describe(iri)}" + (f" (source: {sources})" if sources else "")})
        else:
            details = _details(entry, names)
            if details:
                changed.append(record | {"line": f"~ {names.label(iri)}: {'; '.join(details)}" + (f" [{sources}]" if sources else ""),
                                         "details": details})
    for record, verb in [(r, "added") for r in added] + [(r, "removed") for r in removed]:
        holder = names.holder.get(record["iri"])
        if record["class"] == "Post" and holder:
            changed.append({"iri": holder, "label": names.label(holder), "class": names.types.get(holder, ""),
                            "sources": record["sources"], "details": [f"post {verb}"],
                            "line": f"~ {names.label(holder)}: post {verb} ({record['label']})"})
    diff.entities = {"added": added, "removed": removed, "changed": sorted(changed, key=lambda r: r["line"])}


def _details(entry, names: _Names) -> list[str]:
    plus, minus = list(entry["plus"]), list(entry["minus"])
    details = []
    for old in list(minus):
        if old.predicate.value != RDFS_LABEL:
            continue
        new = next((q for q in plus if q.predicate.value == RDFS_LABEL and q.object.language == old.object.language), None)
        if new is not None:
            details.append(f'label changed "{old.object.value}" → "{new.object.value}"')
            plus.remove(new)
            minus.remove(old)
    for sign, quads in (("+", plus), ("-", minus)):
        for quad in quads:
            if quad.predicate.value == str(PREFIXES["prov"]) + "wasDerivedFrom":
                continue
            details.append(f"{sign} {_predicate(quad.predicate.value)} {_object(quad.object, names)}")
    evidence = entry.get("evidence")
    if evidence and (evidence["+"] or evidence["-"]):
        details.append(f"evidence +{evidence['+']} -{evidence['-']}")
    return sorted(set(details), key=details.index)


def _predicate(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _object(term, names: _Names) -> str:
    if isinstance(term, ox.NamedNode):
        return names.label(term.value) if term.value.startswith(str(ID)) or term.value in names.labels else _short(term.value)
    return f'"{term.value}"'


# --------------------------------------------------------------------------
# Renderings
# --------------------------------------------------------------------------

def summary_text(diff: Diff, old_name: str, new_name: str) -> str:
    how = "quads, keeping which source said what" if diff.mode == "quads" else "triples (a side has no named graphs)"
    lines = [f"Comparing {old_name} → {new_name} as {how}"
             + ("; blank nodes canonicalised with RDFC-1.0" if diff.canonicalised else "")]
    if diff.same:
        return "\n".join(lines + ["No differences."]) + "\n"
    if diff.sources:
        parts = [f"{verb}: {', '.join(ids)}" for verb, ids in diff.sources.items() if ids]
        if parts:
            lines.append("Sources " + "; ".join(parts))
    for kind in ("added", "removed", "changed"):
        lines += [record["line"] for record in diff.entities.get(kind, [])]
    lines.append(f"{len(diff.added)} statements added, {len(diff.removed)} removed.")
    return "\n".join(lines) + "\n"


def as_json(diff: Diff) -> dict:
    return {
        "same": diff.same, "mode": diff.mode, "canonicalised": diff.canonicalised,
        "statements": {"added": len(diff.added), "removed": len(diff.removed)},
        "sources": diff.sources,
        "entities": {kind: [{k: v for k, v in r.items() if k != "line"} | {"summary": r["line"]} for r in records]
                     for kind, records in diff.entities.items()},
    }


def patch(diff: Diff) -> str:
    """RDF Patch: deletions, then additions; applied to OLD it gives NEW."""
    def line(op, q):
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else f" {q.graph_name}"
        return f"{op} {q.subject} {q.predicate} {q.object}{graph} ."

    return "".join(f"{text}\n" for text in
                   ["TX ."] + [line("D", q) for q in diff.removed] + [line("A", q) for q in diff.added] + ["TC ."])


def page_status(diff: Diff) -> dict:
    """For the network page: entity IRIs and (u, v, relation) edges marked added or removed."""
    status: dict = {}
    for record in diff.entities.get("added", []):
        status[record["iri"]] = "added"
    for record in diff.entities.get("removed", []):
        status[record["iri"]] = "removed"
    for sign, quads in (("added", diff.added), ("removed", diff.removed)):
        for q in quads:
            if isinstance(q.object, ox.NamedNode):
                status[(q.subject.value, q.object.value, _predicate(q.predicate.value))] = sign
    return status

"""Two N-Quads or N-Triples files compared as lines of bytes, parsing only what differs.

Two builds are compared graph by graph (`kg build` writes each named graph's
statements in one stretch); other line files as sorted lists of lines.
"""
from __future__ import annotations

from itertools import compress
from operator import itemgetter, methodcaller, not_
from pathlib import Path

import pyoxigraph as ox

from graph.diff.read import (LINE_FORMATS, block, checked, file_bytes, first_in_named_graph, lines_with,
                             pair_segments, parse_lines, parse_spans, sorted_statements)
from graph.diff.statements import Diff, compare, difference
from graph.diff.summary import EVIDENCE_LINK, summarise_with_context


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
        old, new = file_bytes(old_path, read), file_bytes(new_path, read, mapped=True)
        if old is not None and new is not None:
            diff = None
            if old_path.suffix == new_path.suffix == ".nq":
                diff = _compare_segments(old_path, old, new_path, new, read)
            if diff is None:
                new = new if isinstance(new, bytes) else file_bytes(new_path, read)
                if new is not None and checked(old, old_path, read) and checked(new, new_path, read):
                    diff = _compare_lines(old_path, old, new_path, new, read)
            if diff is not None:
                return diff
    return compare(read(old_path), read(new_path))


def _compare_segments(old_path, old: bytes, new_path, new, read) -> Diff | None:
    """Two N-Quads files whose lines each end with their graph's IRI, each graph in one stretch; None otherwise.

    A statement is in the stretch of its graph (or, in the default graph, of its
    object) in both files, so comparing stretch by stretch is comparing the
    files. Equal stretches are skipped; a stretch in one file only is parsed
    whole; of two that differ, the lines are sorted and compared, and every
    line about a subject that changed is parsed (so a statement written two
    ways compares equal). ``new`` may be an mmap.
    """
    paired = pair_segments(old, new)
    if paired is None:
        return None
    old_spans, new_spans, same, tails = paired
    changed = sorted((old_spans.keys() | new_spans.keys()) - same)
    lines = old.split(b"\n") if changed else None
    if tails != (old.count(b"\n") if lines is None else len(lines) - 1):
        return None  # a line of OLD does not end with the term of its stretch
    # the equal stretches of NEW are those of OLD: checked once
    new_changed = sorted(new_spans[key] for key in changed if key in new_spans)
    if not (checked(old, old_path, read) and checked(new, new_path, read, new_changed)):
        return None
    if not (first_in_named_graph(old, old_path, read) and first_in_named_graph(new, new_path, read)):
        return None
    if not changed:
        return Diff("quads", False, [], [])
    lines.sort()  # by subject, for bisect; lines[0] is the empty string after the last newline
    if lines[0] or lines[1][:1] != b"<" or lines[-1][:1] != b"<":
        return None  # a statement whose subject is not an IRI, or a comment: not what kg build writes
    stretches = [_sorted_stretches(data, spans, changed) for data, spans in ((old, old_spans), (new, new_spans))]
    if any(line[:1] != b"<" for found in stretches[1].values() for line in found):
        return None
    old_parts, new_parts = _lines_about_changed_subjects(*stretches)
    quads = []
    for data, path, spans, other, parts in ((old, old_path, old_spans, new_spans, old_parts),
                                            (new, new_path, new_spans, old_spans, new_parts)):
        parsed = _parse_changed(data, path, spans, other, changed, parts, read)
        if parsed is None:
            return None
        quads.append(parsed)
    diff = difference(*quads, "quads")
    if diff.same:
        return diff
    old_changed_lines = {line for found in stretches[0].values() for line in found}
    new_changed_lines = sorted(line for found in stretches[1].values() for line in found)

    def old_lines(subject):
        return block(lines, subject)

    def new_lines(subject):
        return [line for line in block(lines, subject) if line not in old_changed_lines] + \
               block(new_changed_lines, subject)

    old_links = lines_with(old, EVIDENCE_LINK)
    new_links = [line for line in old_links if line not in old_changed_lines] + \
        lines_with(new, EVIDENCE_LINK, new_changed)
    graphs = tuple({key[1:-1].decode("utf-8") for key in changed if key in keys} for keys in (old_spans, new_spans))
    summarise_with_context(diff, (old_path, old_lines, old_links), (new_path, new_lines, new_links), graphs, read)
    return diff


def _sorted_stretches(data, spans, changed) -> dict[bytes, list[bytes]]:
    """The lines of each stretch that changed and is in this file, sorted."""
    return {key: sorted(data[spans[key][0]:spans[key][1] - 1].split(b"\n")) for key in changed if key in spans}


def _lines_about_changed_subjects(old_stretches, new_stretches) -> tuple[set[bytes], set[bytes]]:
    """Of each graph's two stretches that differ: the lines of each about a subject that changed."""
    old_parts, new_parts = set(), set()
    for key in old_stretches.keys() & new_stretches.keys():
        mine, theirs = old_stretches[key], new_stretches[key]
        removed, added = _sorted_difference(mine, theirs)
        for subject in {line[:line.find(b">") + 1] for line in removed + added}:
            old_parts.update(block(mine, subject))
            new_parts.update(block(theirs, subject))
    return old_parts, new_parts


def _parse_changed(data, path, spans, other, changed, parts, read) -> list[ox.Quad] | None:
    """One file's statements that may have changed: every line of a stretch the ``other`` file lacks, and the
    ``parts`` of the others; None when a stretch's first statement is not in the stretch's graph."""
    keys = [key for key in changed if key in spans]
    # the first line of each stretch that changed is in the stretch's graph (so that graph is in the file)
    firsts = [data[spans[key][0]:data.find(b"\n", spans[key][0])] for key in keys]
    graphs = [q.graph_name for q in parse_lines(firsts, path, read, keep_order=True)]
    if graphs != [ox.NamedNode(key[1:-1].decode("utf-8")) for key in keys]:
        return None
    whole = [spans[key] for key in keys if key not in other]  # in this file only: every line
    return parse_spans(data, whole, path, read) + parse_lines(parts, path, read)


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
            first_in_named_graph(old, old_path, read) and first_in_named_graph(new, new_path, read):
        mode = "quads"
    else:
        return None  # lines that differ may still hold the same triple, in another graph: parse everything
    old_lines, new_lines = sorted_statements(old), sorted_statements(new)
    if old_lines is None or new_lines is None:
        return None
    removed, added = _sorted_difference(old_lines, new_lines)
    subjects = {line[:line.find(b">") + 1] for line in removed + added}
    old_quads = parse_lines({line for s in subjects for line in block(old_lines, s)}, old_path, read)
    new_quads = parse_lines({line for s in subjects for line in block(new_lines, s)}, new_path, read)
    diff = difference(old_quads, new_quads, mode)
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
    summarise_with_context(diff, (old_path, lambda s: block(old_lines, s), lines_with(old, EVIDENCE_LINK)),
                            (new_path, lambda s: block(new_lines, s), lines_with(new, EVIDENCE_LINK)),
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
    quads = parse_lines(candidates, path, read, keep_order=True)
    return {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} & wanted


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

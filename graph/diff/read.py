"""Reading N-Quads and N-Triples snapshots as bytes: the checks `kg diff`'s shortcuts rely on, the stretches
of lines each named graph takes, and the parsing of just the lines that are needed.

Every function that finds something wrong with a file calls ``read`` (the
whole-file parser the caller passes) so that the error names the real line.
"""
from __future__ import annotations

import mmap
import os
import re
from bisect import bisect_left
from pathlib import Path

import pyoxigraph as ox

LINE_FORMATS = {".nq": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES}
_IRI_TERM = re.compile(rb'<[^\x00-\x20<>"{}|^`\\]*>')  # an IRI written without escapes
_FIRST_STEP = 8192  # bytes: where to look first for the end of a graph's stretch
_CHUNK = 1 << 16  # bytes: stretches checked for non-ASCII at once


def file_bytes(path: Path, read, mapped=False):
    """The file's bytes, or with ``mapped`` a read-only mmap of them (no copy; slices and find work alike)."""
    try:
        with open(path, "rb") as handle:
            if mapped and os.fstat(handle.fileno()).st_size:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            return handle.read()
    except OSError:
        read(path)  # let the reader name the problem
        return None


def checked(data: bytes, path, read, spans=None) -> bool:
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


def pair_segments(old: bytes, new):
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


def first_in_named_graph(data: bytes, path, read) -> bool:
    """Whether the file's first statement is in a named graph (so the file has named graphs)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line = data[start:end].strip()
        if line and not line.startswith(b"#"):
            return isinstance(parse_lines({line}, path, read)[0].graph_name, ox.NamedNode)
        start = end + 1
    return False


def parse_lines(lines, path, read, keep_order=False) -> list[ox.Quad]:
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


def parse_spans(data: bytes, spans, path, read) -> list[ox.Quad]:
    if not spans:
        return []
    try:
        return list(ox.parse(b"".join(data[start:end] for start, end in spans), format=ox.RdfFormat.N_QUADS))
    except SyntaxError:
        read(path)  # parse the whole file so the error names its real line
        raise


def sorted_statements(data: bytes) -> list[bytes] | None:
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


def block(lines: list[bytes], subject: bytes) -> list[bytes]:
    """The lines of a sorted list whose subject is ``subject`` (an IRI with its brackets)."""
    found, at = [], bisect_left(lines, subject)
    while at < len(lines) and lines[at].startswith(subject):
        found.append(lines[at])
        at += 1
    return found


def lines_with(data, needle: bytes, spans=None) -> list[bytes]:
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

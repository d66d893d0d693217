"""Edit a record in place, as a curator wrote it: only the entries that change are written again.

``RecordFile(text)`` loads a record with ruamel.yaml's round-trip loader (its
comments, key order, quoting and flow or block style kept on every node);
callers change ``entries("facts")`` or ``entries("entities")`` and the
``source`` mapping in place, then ``render()`` gives the new text. Rather than
dumping the whole document again (ruamel rewraps long flow lists and plain
scalars it did not need to touch), ``render`` keeps every line of the file
that belongs to an unchanged part, byte for byte, and dumps again only the
parts that changed, with the file's own indentation: accepting one draft
changes the lines of that draft and nothing else.

PyYAML (graph/yamlfile.py) still does the strict reading every build does;
this module only serves the commands that write records.
"""
from __future__ import annotations

import copy
import datetime as dt
import io
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from graph.errors import SourceError

LISTS = ("entities", "facts")  # a record's lists, in the order a record writes them
WIDTH = 4096  # never wrap: a long quote stays one line, so writing it again gives the same line


def _yaml(sequence: int = 4, offset: int = 2) -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    return yaml


def dump(value) -> str:
    """New YAML in the layout records are written in (lists indented under their key)."""
    out = io.StringIO()
    _yaml().dump(value, out)
    return out.getvalue()


def flow(value):
    """``value`` with its maps and lists of scalars written inline ({id: …, en: …}, [a, b]), as curators do."""
    if isinstance(value, dict):
        result = CommentedMap((k, flow(v)) for k, v in value.items())
        if all(not isinstance(v, (dict, list)) for v in value.values()) and result:
            result.fa.set_flow_style()
        return result
    if isinstance(value, list):
        result = CommentedSeq(flow(v) for v in value)
        if all(not isinstance(v, (dict, list)) for v in value):
            result.fa.set_flow_style()
        return result
    return value


def plain(value):
    """A loaded value as plain dicts, lists and text, to compare with new entries."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, int, float)) and not isinstance(value, bool):
        return str(value)
    return str(value) if isinstance(value, str) else value


def block(value: dict) -> CommentedMap:
    """A new entry of a record's list: its own keys one a line, their values inline (several quotes one a line)."""
    return CommentedMap((k, CommentedSeq(v) if k == "quote" and isinstance(v, list) else flow(v))
                        for k, v in value.items())


class RecordFile:
    def __init__(self, text: str, path):
        self.text, self.path = text, path
        try:
            _, sequence, offset = load_yaml_guess_indent(text)
            self._yaml = _yaml(sequence, offset) if offset is not None and sequence else _yaml()  # no list yet: ours
            self.doc = self._yaml.load(text)
        except YAMLError as exc:
            raise SourceError(f"YAML error: {exc}", path) from None
        if not isinstance(self.doc, CommentedMap) or not isinstance(self.doc.get("source"), CommentedMap):
            raise SourceError("expected a mapping with keys source and facts", path)
        for key in LISTS:
            if key in self.doc and self.doc[key] is None:
                self.doc[key] = CommentedSeq()
        self._before = {key: self._snapshot(key) for key in ("source", *LISTS)}
        lines = text.splitlines(keepends=True)
        self._keys = list(self.doc)  # where each part of the file is, before anything changes
        self._spans = {key: self._span(key, lines) for key in self._keys}
        self._lines = {key: self.doc.lc.key(key)[0] for key in self._keys}
        self._entries = {key: self._entry_spans(key, lines) for key in LISTS if self._before[key]}

    @property
    def source(self) -> CommentedMap:
        return self.doc["source"]

    def entries(self, key: str) -> CommentedSeq:
        """The record's ``facts`` or ``entities`` (an empty list, added to the record if it had none)."""
        if key not in self.doc:
            position = list(self.doc).index("facts") if key == "entities" and "facts" in self.doc else len(self.doc)
            self.doc.insert(position, key, CommentedSeq())
        return self.doc[key]

    def _snapshot(self, key):
        value = self.doc.get(key)
        if isinstance(value, CommentedSeq):  # the entry itself is held too, so that no new entry takes its id()
            return [(id(entry), (entry, copy.deepcopy(entry))) for entry in value]
        return copy.deepcopy(value)

    # ----- writing ---------------------------------------------------------
    def render(self) -> str:
        lines = self.text.splitlines(keepends=True)
        edits = []  # (first line, end line, new text), on the original's lines
        keys = list(self.doc)
        for key in keys:
            if key == "source" and self.source != self._before["source"]:
                start, end = self._spans[key]
                edits.append((start, end, self._dump({"source": self.source}, 0)))
            elif key in LISTS:
                edits.extend(self._list_edits(key, lines))
        for key in LISTS:  # a list the record did not have: written before the one that follows it
            if key in self.doc and self._before[key] is None and len(self.doc[key]):
                before = [k for k in keys[:keys.index(key)] if k in self._spans]
                at = self._spans[before[-1]][1] if before else 0  # after the part before it, its comments aside
                edits.append((at, at, f"{key}:\n" + self._dump(list(self.doc[key]), 0)))
        newline = "\r\n" if self.text.count("\r\n") * 2 > self.text.count("\n") else "\n"  # as saved on Windows
        for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            lines[start:end] = [new.replace("\n", newline)] if new else []
        return "".join(lines)

    def _list_edits(self, key, lines):
        seq = self.doc[key]
        before = self._before[key]
        if before is None:
            return []
        old_ids = [identity for identity, _ in before]
        old = {identity: copied for identity, (_, copied) in before}
        now = {id(entry): entry for entry in seq}
        if [id(e) for e in seq] == old_ids and all(entry == old[id(entry)] for entry in seq):
            return []
        header = self._lines[key]
        if not old_ids:  # `facts: []` becomes a block list
            return [(header, header + 1, f"{key}:\n" + self._dump(list(seq), 0))]
        if not len(seq):  # every entry gone: the list is written empty
            return [(header, self._spans[key][1], f"{key}: []\n")]
        spans = self._entries[key]
        edits = []
        kept = [identity for identity in old_ids if identity in now]
        for identity, (start, end, _) in zip(old_ids, spans):
            if identity not in now:
                edits.append((start, end, ""))
            elif now[identity] != old[identity]:
                edits.append((start, end, self._dump([now[identity]], spans[0][2])))
        added = [entry for entry in seq if id(entry) not in old]
        if added:
            if [i for i in (id(e) for e in seq) if i in old] != kept:
                raise SourceError("entries of a record cannot be reordered here", self.path)
            at = spans[-1][1]
            edits.append((at, at, self._dump(added, spans[0][2])))
        return edits

    def _entry_spans(self, key, lines):
        """Each entry's lines (first, end, column), comments and blank lines after it left out."""
        seq = self.doc[key]
        starts = [seq.lc.item(i)[0] for i in range(len(seq))]
        column = seq.lc.item(0)[1]
        _, list_end = self._spans[key]
        spans = []
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else list_end
            while end > start + 1 and _is_gap(lines[end - 1]):
                end -= 1
            spans.append((start, end, column))
        return spans

    def _span(self, key, lines):
        """The lines of a top-level key, up to the next key (comments and blank lines before it left out)."""
        start = self.doc.lc.key(key)[0]
        following = [self.doc.lc.key(k)[0] for k in self._keys if self.doc.lc.key(k)[0] > start]
        end = min(following, default=len(lines))
        while end > start + 1 and _is_gap(lines[end - 1]):
            end -= 1
        return start, end

    def _dump(self, value, column: int) -> str:
        """``value`` (a one-key mapping or a list of entries) as lines of this file, its list items at ``column``."""
        out = io.StringIO()
        self._yaml.dump(value, out)
        text = out.getvalue()
        dash = re.match(r"( *)- +", text)
        if isinstance(value, list) and column and dash:  # a root list's items, moved to their column in the file
            shift = column - dash.end()
            text = "".join(_shift(line, shift) for line in text.splitlines(keepends=True))
        kept = text.splitlines(keepends=True)
        while kept and _is_gap(kept[-1]):  # comments after the entry stay where they were in the file
            kept.pop()
        return "".join(kept)


def _shift(line: str, by: int) -> str:
    if not line.strip():
        return line
    return " " * by + line if by >= 0 else line[min(-by, len(line) - len(line.lstrip(" "))):]


def _is_gap(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")

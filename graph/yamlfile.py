"""Strict YAML for hand-written records: line numbers kept, surprises refused.

``yaml.safe_load`` silently keeps the last of two duplicate keys, expands
aliases (an alias bomb grows exponentially) and knows nothing of where a value
came from. Here the document is *composed* into nodes (linear in the file's
size, libyaml-backed when available) and turned into plain Python values by
hand, so that every mapping and list remembers its lines, and duplicate keys,
anchors/aliases and non-standard tags are errors naming the line.
"""
from __future__ import annotations

import yaml

from graph.errors import SourceError

try:  # libyaml is about ten times faster than the pure-Python loader
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeLoader as _Loader

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
MAX_DEPTH = 20


class Mapping(dict):
    """A dict that knows the line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class Sequence(list):
    """A list that knows the line of itself and of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def parse_yaml(text: str, path) -> object:
    """Parse one YAML document into Mapping/Sequence/scalars, or raise SourceError."""
    if "\x00" in text:
        raise SourceError("contains a NUL character; is this a text file?", path, text[: text.index("\x00")].count("\n") + 1)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise SourceError(f"YAML syntax error: {exc.problem or exc.context}", path, line, column) from None
    except yaml.YAMLError as exc:
        raise SourceError(f"YAML error: {exc}", path) from None
    finally:
        loader.dispose()
    if node is None:
        raise SourceError("the file is empty", path, 1)
    return _convert(node, path, loader, set(), 0)


def _convert(node, path, loader, seen: set, depth: int):
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise SourceError("YAML anchors and aliases are not allowed", path, line)
    if depth > MAX_DEPTH:
        raise SourceError(f"nested more than {MAX_DEPTH} levels deep", path, line)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:  # most values: what the constructor would return, without its bookkeeping
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise SourceError(f"YAML tag {node.tag!r} is not allowed", path, line)
        try:
            return loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise SourceError(f"bad value {node.value!r}: {exc}", path, line) from None
    seen.add(id(node))
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise SourceError(f"YAML tag {node.tag!r} is not allowed", path, line)
        result = Sequence(_convert(item, path, loader, seen, depth + 1) for item in node.value)
        result.line = line
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    if node.tag != "tag:yaml.org,2002:map":
        raise SourceError(f"YAML tag {node.tag!r} is not allowed", path, line)
    result = Mapping()
    result.line = line
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, path, loader, seen, depth + 1)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, (str, int, bool)) or isinstance(key, bool):
            raise SourceError(f"a key must be a name, not {type(key).__name__}", path, key_line)
        key = str(key)
        if key in result:
            raise SourceError(f"duplicate key {key!r} (first on line {result.key_lines[key]})", path, key_line)
        result[key] = _convert(value_node, path, loader, seen, depth + 1)
        result.key_lines[key] = key_line
    return result

"""Reading a SPARQL query's text: its keywords, variables and names, with strings, IRIs and comments set aside.

kg never parses SPARQL itself (Oxigraph does); it only needs to find a few
things in the text (a refused keyword, a parameter's VALUES line, a prefixed
name) without mistaking a literal "SERVICE" or a comment for them.
"""
from __future__ import annotations

import re

# Strings, IRIs and comments are masked before looking for keywords, so that
# a literal "SERVICE" or a variable ?service is not mistaken for the keyword.
MASK = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
FORM = re.compile(r"(?<![?$:\w])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.IGNORECASE)
# A prefixed name (prefix:local, either part may be empty), not inside a variable's name or an IRI.
PREFIXED_NAME = re.compile(r"(?<![\w?$:.\-])([A-Za-z][\w.-]*)?:((?:[\w%\-]|\\.|\.(?=[\w%\-]))*)")
_DECLARED = re.compile(r"(?<![\w?$])PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def blanked(text: str) -> str:
    """The text with strings, IRIs and comments blanked out, same length, so keywords and braces can be found."""
    return MASK.sub(lambda m: " " * len(m.group()), text)


def form(text: str) -> str:
    """The query's form: SELECT, ASK, CONSTRUCT or DESCRIBE ('' if none is written)."""
    found = FORM.search(blanked(text))
    return found.group(1).upper() if found else ""


def declared_prefixes(text: str) -> set[str]:
    return {match.group(1) or "" for match in _DECLARED.finditer(blanked(text))}


def prefixed_names(text: str):
    """(line, column, prefix, local name) of each prefixed name outside strings, IRIs and comments."""
    masked = blanked(text)
    for match in PREFIXED_NAME.finditer(masked):
        line = masked.count("\n", 0, match.start()) + 1
        column = match.start() - (masked.rfind("\n", 0, match.start()) + 1) + 1
        yield line, column, match.group(1) or "", match.group(2)

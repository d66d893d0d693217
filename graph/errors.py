"""Errors the tool reports to its users, and the exit codes it documents.

Every error that comes from a user's input carries the file and, where there
is one, the line and column, so the CLI can print ``file:line:col: message``.
"""
from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    DIFFERENT = 1  # kg diff: the graphs differ
    ERROR = 2  # bad input, failed build, failed query


class GraphError(Exception):
    """Base class of every error the CLI turns into a one-line message."""

    exit_code = ExitCode.ERROR


class InputError(GraphError):
    """Something wrong in a file the user gave us."""

    def __init__(self, message: str, path=None, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [p for p in (self.path, self.line, self.column) if p is not None]
        prefix = ":".join(str(p) for p in where)
        return f"{prefix}: {self.message}" if prefix else self.message


class SourceError(InputError):
    """A source record, article text or the gazetteer is broken."""


class OntologyError(InputError):
    """ontology.ttl or shapes.ttl cannot be read."""


class RDFSyntaxError(InputError):
    """An RDF file given to us does not parse."""


class InputErrors(GraphError):
    """Several input errors found in one pass, reported together."""

    def __init__(self, errors: list[InputError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


class ValidationError(InputError):
    """The built graph breaks a SHACL shape; the path names the source files involved."""


class BuildLocked(GraphError):
    """Another build holds the lock on the output folder."""


class NotBuilt(GraphError):
    """A command needs the built graph and there is none."""


class QueryError(GraphError):
    """A SPARQL query is malformed, refused, or ran too long."""

"""What changed between two versions of the graph: `kg diff`.

Statements are compared as sets of canonical N-Quads lines (or N-Triples,
when either side has no named graphs). Graphs with blank nodes are first
canonicalised with RDFC-1.0 (pyoxigraph), so files that differ only in
blank-node names compare equal. N-Quads and N-Triples files are compared as
bytes first, and only what differs is parsed (`compare_files`): two builds of
1.3 million statements in about two seconds. The summary
groups changes by entity and names things by their labels and classes;
evidence annotations are counted under the fact they support.

The stages, a module each: ``read`` (a snapshot's bytes, checked, and the
parts of it that are parsed), ``statements`` (two lists of statements
compared), ``files`` (two files compared line by line, or graph by graph),
``summary`` (the changes named and grouped by entity) and ``report`` (the
text, JSON, patch and page colours written from a `Diff`).
"""
from graph.diff.files import compare_files
from graph.diff.report import as_json, page_status, patch, summary_text
from graph.diff.statements import Diff, compare

__all__ = ["Diff", "as_json", "compare", "compare_files", "page_status", "patch", "summary_text"]

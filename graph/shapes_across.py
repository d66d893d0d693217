"""The shapes across sources: entities several sources state, checked against all their statements.

Each source was checked alone as it was compiled (graph/compile.py); what
one source cannot see is checked here: an entity stated by several sources,
and a source whose shapes looked up classes that have changed since. The
statements an earlier graph already made are left out of later graphs'
union segments (``settle_union``).
"""
from __future__ import annotations

from collections import defaultdict

from graph import iris
from graph.build import Compiled
from graph.cache import Cache, Manifest
from graph.compile import RDF_TYPE, source_lines, statements_of, with_ancestors
from graph.errors import ValidationError
from graph.index import stated_subjects
from graph.validate import Checker, describe


def check_project_wide(sources, previous, dirty_ids, types, ancestors, rules, labels, cache):
    """Shapes for entities several sources state, and for sources whose looked-up classes changed.

    Returns, for sources whose union segments must leave out statements an
    earlier graph already made, those statements; the violations; and the
    sources checked again.
    """
    stated_by = defaultdict(list)
    for source in sources:
        for subject in stated_subjects(source):
            stated_by[subject].append(source)
    recheck = _stale_checks(sources, previous, types)
    dirty = dirty_ids | recheck
    old_subjects = set()
    if previous is not None:
        for source_id in dirty & previous.keys.keys():
            old_subjects |= stated_subjects(previous.summary(source_id))
    to_check = {s for s, srcs in stated_by.items() if len(srcs) > 1
                and (previous is None or s in old_subjects or any(c.id in dirty for c in srcs))}
    lines = Lines(cache)
    union = settle_union(previous, {s.id for s in sources}, dirty, old_subjects, to_check, stated_by, lines)
    verdicts = ((source, subject, found) for source in sources if source.id not in recheck
                for subject, found in source.violations.items())
    found = find_violations(to_check, stated_by, [s for s in sources if s.id in recheck], verdicts, lines, types,
                            ancestors, rules)
    problems = []
    if found:
        files_of = {s: sorted({c.path for c in srcs}) for s, srcs in stated_by.items()}

        def label(iri):
            entity = iri[len(str(iris.ID)):] if iri.startswith(str(iris.ID)) else None
            by_lang = labels.get(entity, {}) if entity else {}
            return by_lang.get("en") or next(iter(sorted(by_lang.values())), None)

        lines_out = set()
        for source, violation in found:
            where = ", ".join(files_of.get(violation.focus, [source.path]))
            lines_out.add((where, describe(violation, label)))
        problems = [ValidationError(message, where) for where, message in sorted(lines_out)]
    return union, problems, recheck


class Lines(dict):
    """Source id -> its statements, read from the build cache when first asked for."""

    def __init__(self, cache: Cache):
        super().__init__()
        self.cache = cache
        self._by_subject: dict[str, dict[str, list[str]]] = {}

    def __call__(self, source: Compiled) -> list[str]:
        if source.id not in self:
            self[source.id] = source_lines(source.key, source.graph, self.cache)
        return self[source.id]

    def about(self, source: Compiled, subject: str) -> list[str]:
        """A source's statements about ``subject`` (an IRI). Its lines are grouped by subject once: the
        gazetteers state a hundred of the entities articles state too, and their 60,000 lines were
        searched again for each (1.5 s of a clean build's 2,000 articles)."""
        by_subject = self._by_subject.get(source.id)
        if by_subject is None:
            by_subject = self._by_subject[source.id] = defaultdict(list)
            for line in self(source):
                by_subject[line[1:line.index("> ")]].append(line)
        return by_subject.get(subject, [])


def settle_union(previous, current: set[str], dirty: set[str], old_subjects: set[str], to_check: set[str],
                 stated_by, lines: Lines) -> dict:
    """Statements an earlier graph already made, left out of later graphs' union segments:
    source id -> subject -> statements, kept from the last build but for what may have changed."""
    stale = to_check | old_subjects
    union = {}
    if previous is not None:
        for source_id, by_subject in previous.union.items():
            if source_id in current and source_id not in dirty:
                kept = {s: lines_ for s, lines_ in by_subject.items() if s not in stale}
                if kept:
                    union[source_id] = kept
    for subject in sorted(to_check):
        seen = set()
        for source in sorted(stated_by[subject], key=lambda c: c.graph):
            mine = set(lines.about(source, subject))
            again = mine & seen
            if again:
                union.setdefault(source.id, {})[subject] = frozenset(again)
            seen |= mine
    return union


def find_violations(to_check, stated_by, recheck: list, verdicts, lines: Lines, types, ancestors, rules) -> list:
    """(source, violation) for the shapes broken.

    Entities several sources state (``to_check`` of them) are checked against
    all their statements; the sources in ``recheck``, whose looked-up classes
    changed, against the project; ``verdicts`` are (source, subject,
    violations) each source found alone, which count for what one source states.
    """
    def shared(subject):
        return len(stated_by.get(subject, ())) > 1

    union_view = defaultdict(lambda: defaultdict(list))
    for subject in to_check:
        for source in stated_by[subject]:
            for line in lines.about(source, subject):
                _, predicate, value = line.split(" ", 2)
                union_view[subject][predicate[1:-1]].append(value)
    for source in recheck:
        lines(source)
    local_view = {}  # every node of the sources loaded: evidence and the like, which one source states
    for source_id in sorted(lines):
        local_view.update(statements_of(lines[source_id]))

    def statements(node):
        return union_view.get(node) or local_view.get(node) or {}

    def classes(node):
        if node in types:
            return types[node]
        local = statements(node).get(RDF_TYPE, ())  # evidence: typed only in its own graph
        return with_ancestors((c[1:-1] for c in local), ancestors)

    checker = Checker(rules, statements, classes)
    found = []
    for source in recheck:
        for subject in sorted(statements_of(lines(source))):
            if not shared(subject):
                found += [(source, v) for v in checker.check(subject)]
    for source, subject, violations in verdicts:
        if not shared(subject):
            found += [(source, v) for v in violations]
    for subject in sorted(to_check):
        found += [(stated_by[subject][0], v) for v in checker.check(subject)]
    return found


def _stale_checks(sources: list[Compiled], previous: Manifest | None, types: dict) -> set[str]:
    """Sources to check against the shapes again: classes their checks looked up have changed.

    A source compiled by this build (or taken from the cache) knows what it saw;
    one kept from the last build saw that build's classes.
    """
    empty = frozenset()
    changed_nodes = None
    found = set()
    for source in sources:
        if source.used_types:
            if any(types.get(node, empty) != seen for node, seen in source.used_types.items()):
                found.add(source.id)
        elif previous is not None and previous.kept(source.id, source) and previous.used_nodes.get(source.id):
            if changed_nodes is None:
                old = previous.types
                changed_nodes = {n for n in old.keys() | types.keys() if old.get(n, empty) != types.get(n, empty)}
            if changed_nodes and not changed_nodes.isdisjoint(previous.used_nodes[source.id].split("\n")):
                found.add(source.id)
    return found

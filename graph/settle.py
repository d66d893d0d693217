"""What spans sources, settled once every source is compiled, in one of two ways.

- ``settle_changes``: when a few sources changed and the gazetteer did not,
  the last build's project index (graph/index.py) says which other sources
  share the ids, labels, classes, entities and claims the changed ones touch;
  only those are checked again, and the report's parts are patched. The last
  build passed every check, so nothing else can break. Anything that might be
  wrong sends the build to the other way, which says what, as a clean build.
- ``settle_all``: every source with the project, from small summaries: ids
  and references, conflicts, the labels posts borrow (a source whose borrowed
  labels changed is compiled again), the classes the shapes looked up, and
  entities several sources state, checked against all their statements
  (graph/shapes_across.py).
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from graph import iris
from graph.build import Compiled
from graph.cache import Manifest
from graph.compile import Context, add_gazetteer, compile_all, compile_job, recompile, reuse, unpack, with_ancestors
from graph.errors import InputErrors
from graph.index import BORROWS, CLAIMS, DECLARES, KINDS, LABELS, REFERS, STATES, TYPES, IndexBuilder, \
    ProjectIndex, stated_subjects, uses
from graph.report import English, ReportParts, kg_classes, make_report, notes, source_row
from graph.scan import job_key
from graph.shapes_across import Lines, check_project_wide, find_violations, settle_union
from graph.sources import check_project

DELTA_SHARE = 20  # a rebuild looks only at what changed when at most 1 source in this many did (or 8)


DELTA_SHARE = 20  # a rebuild looks only at what changed when at most 1 source in this many did (or 8)


@dataclass
class Outcome:
    """What a build's checks settled, for writing out."""

    keys: dict[str, str]  # source id -> its key with a hash of the labels it borrowed, in build order
    cache_keys: dict[str, str]  # source id -> its compiled form's key in the build cache
    summaries: dict[str, object]  # source id -> its summary (Compiled), or its pickle kept from the last build
    changed: set[str]  # sources whose segments differ from the last build's
    removed: set[str]
    relabelled: set[str]  # compiled again with labels that changed after they were first compiled
    union: dict  # source id -> subject -> statements an earlier graph already made
    types: dict  # IRI -> its classes, with their superclasses
    used_nodes: dict  # source id -> the IRIs its shapes looked up, one a line
    text_files: dict  # source id -> its text file's name, when not <id>.txt
    index: ProjectIndex
    report: ReportParts
    fresh: int  # sources compiled by this build
    checked_all: bool = True


class NeedsWholeCheck(Exception):
    """The changes may break something only a check of the whole project can pin down and word."""


def settle_all(ctx: Context, previous: Manifest | None, jobs_by_id: dict, jobs: int | None, store,
               watch) -> Outcome:
    """Compile what changed and check every source with the project: a clean build, or a fallback."""
    vocab, cache, ancestors = ctx.vocab, ctx.cache, ctx.ancestors
    compiled: dict[str, Compiled] = {}
    pickled: dict[str, bytes] = {}  # source id -> its summary as the manifest stores it, from the worker
    errors: list = []
    fresh: set[str] = set()
    for base_id in iris.BASE_IDS:  # the base regions, then the gazetteer: what every other source builds on
        gazetteer = reuse(base_id, jobs_by_id[base_id][0], previous, cache)
        if gazetteer is None:
            _, result, problems, nquads, _ = compile_job(jobs_by_id[base_id])
            errors += problems
            if result is not None:
                gazetteer, pickled[base_id] = unpack(result), result[0]
            if nquads is not None:
                store.feed(base_id, nquads)
            fresh.add(base_id)
        if gazetteer is not None:  # (if not, the build stops once every source has said what is wrong)
            compiled[base_id] = gazetteer
            add_gazetteer(ctx, gazetteer)
    index = IndexBuilder(_base_ids(compiled.values()), vocab.concepts)  # made as sources come
    for gazetteer in compiled.values():
        index.add(gazetteer)

    todo = []
    for source_id, job in jobs_by_id.items():
        if source_id in iris.BASE_IDS:
            continue
        found = reuse(source_id, job[0], previous, cache)
        if found is None:
            todo.append(job)
        else:
            compiled[source_id] = found
            index.add(found)
    for key, result, problems, nquads in compile_all(todo, jobs, watch.progress):
        errors += problems
        if result is not None:
            summary = unpack(result)
            compiled[summary.id], pickled[summary.id] = summary, result[0]
            fresh.add(summary.id)
            if nquads is not None:
                store.feed(summary.id, nquads)
            index.add(summary)
    if errors:
        raise InputErrors(sorted(errors, key=_error_order))
    watch.lap(f"compile {len(fresh)} sources")
    watch.progress.stage("Checking the project")

    order = [*iris.BASE_IDS, *sorted(k for k in compiled if k not in iris.BASE_IDS)]
    sources = [compiled[k] for k in order]
    check_project(vocab, sources)
    watch.lap("check ids and references")
    labels = _project_labels(ctx.labels, sources)
    stale_labels = [c for c in sources if any(labels.get(e, {}) != used for e, used in c.used_labels.items())]
    relabelled = set()
    for stale in stale_labels:  # it borrowed a label that another source has since changed
        compiled[stale.id] = recompile(stale, jobs_by_id[stale.id], ctx, labels)
        pickled.pop(stale.id, None)
        fresh.add(stale.id)
        relabelled.add(stale.id)
    sources = [compiled[k] for k in order]

    # A source's key, with the labels it borrowed: the same key means the same segments.
    kept = {s for s in order if previous is not None and previous.kept(s, compiled[s])}
    keys = {source_id: previous.keys[source_id] if source_id in kept
            else f"{jobs_by_id[source_id][0]}-{_labels_hash(compiled[source_id])}" for source_id in order}
    changed = set(keys) if previous is None else {s for s in keys if previous.keys.get(s) != keys[s]}
    removed = set() if previous is None else set(previous.keys) - set(keys)
    types = _project_types(ctx.types, sources, ancestors)
    union, problems, rechecked = check_project_wide(sources, previous, changed | removed, types, ancestors,
                                                    ctx.rules, labels, cache)
    if problems:
        raise InputErrors(problems)
    watch.lap("shapes across sources")
    # What each source's shapes looked up (kept in the manifest as IRIs: after this build, what they
    # saw is `types`); a source kept from the last build has its IRIs there.
    used_nodes = {}
    for source_id in order:
        source = compiled[source_id]
        if source.used_types:
            used_nodes[source_id] = "\n".join(source.used_types)
            compiled[source_id] = source = replace(source, used_types={})
        else:
            used_nodes[source_id] = previous.used_nodes.get(source_id, "") if source_id in kept else ""
        if source_id in rechecked:  # checked here against the project: its own verdicts no longer count
            compiled[source_id] = replace(source, violations={})
    sources = [compiled[k] for k in order]
    report = make_report(sources, vocab, labels, ctx.types)
    watch.lap("report's parts")
    # (A source compiled again for its labels uses the same ids: its entries in the index stand.)
    summaries = {s: pickled[s] if s in pickled and s not in rechecked else compiled[s] for s in order}
    return Outcome(keys, {s: compiled[s].key for s in order}, summaries, changed, removed,
                   relabelled, union, types, used_nodes, _text_files({s: compiled[s] for s in order}),
                    index.finish(), report, len(fresh))


def settle_changes(ctx: Context, previous: Manifest, jobs_by_id: dict, jobs: int | None, watch) -> Outcome:
    """Compile the sources that changed and check what they touch, found with the last build's index.

    The last build passed every check, so only what a changed or removed
    source touches can break: the ids it declares or names, the labels and
    classes it gives, the entities it states, the claims it makes. Raises
    NeedsWholeCheck when something may be wrong (the whole check then says
    what, in a clean build's words), or when too much changed for this to pay.
    """
    cache, ancestors, concepts = ctx.cache, ctx.ancestors, ctx.vocab.concepts
    changed = {s for s, job in jobs_by_id.items() if job_key(previous.keys.get(s)) != job[0]}
    removed = previous.keys.keys() - jobs_by_id.keys()
    if changed & set(iris.BASE_IDS) or len(changed) + len(removed) > max(8, len(jobs_by_id) // DELTA_SHARE):
        raise NeedsWholeCheck
    for base_id in iris.BASE_IDS:
        add_gazetteer(ctx, previous.summary(base_id))

    new: dict[str, Compiled] = {}
    todo = []
    for source_id in sorted(changed):
        found = reuse(source_id, jobs_by_id[source_id][0], None, cache)
        if found is None:
            todo.append(jobs_by_id[source_id])
        else:
            new[source_id] = found
    fresh = set()
    for _, result, problems, _ in compile_all(todo, jobs, watch.progress):
        if problems:
            raise NeedsWholeCheck
        summary = unpack(result)
        new[summary.id] = summary
        fresh.add(summary.id)
    watch.lap(f"compile {len(fresh)} sources")
    watch.progress.stage("Checking the project")

    def current(source_id):
        return new[source_id] if source_id in new else previous.summary(source_id)

    base = _base_ids(previous.summary(base_id) for base_id in iris.BASE_IDS)
    old_uses = {s: uses(previous.summary(s), base, concepts) for s in (changed | removed) & previous.keys.keys()}
    new_uses = {s: uses(c, base, concepts) for s, c in new.items()}
    touched = [set().union(*(found[kind] for found in (*old_uses.values(), *new_uses.values())))
               for kind in range(KINDS)]  # kind of use -> keys
    index = ProjectIndex(previous.index)
    labels_before = {e: _label_of(e, index, ctx.labels, previous.summary) for e in touched[LABELS]}
    kg_before = {y: kg_classes(_direct_types(y, index, ctx.types, previous.summary)) for y in touched[TYPES]}
    for source_id in changed | removed:
        index.update(source_id, old_uses.get(source_id), new_uses.get(source_id))

    # Ids and references (graph.sources.check_project, for the ids touched)
    for entity in touched[DECLARES] | touched[REFERS]:
        declared = [(type_name, source_id) for source_id in index.get(entity, DECLARES)
                    for subject, type_name, _ in current(source_id).declares if subject == entity]
        if not declared:
            if index.get(entity, REFERS):
                raise NeedsWholeCheck
            continue
        first_type, first_source = declared[0]
        if entity in concepts or any(t != first_type or (first_source in iris.BASE_IDS and s not in iris.BASE_IDS)
                                     for t, s in declared[1:]):
            raise NeedsWholeCheck
    for source in new.values():  # an id declared twice in one file (a post may be, by several facts)
        seen = set()
        for subject, type_name, _ in source.declares:
            if subject in seen and type_name != "Post":
                raise NeedsWholeCheck
            seen.add(subject)
    watch.lap("check ids and references")

    # Labels: a source that borrowed one that changed is compiled again
    labels = _LabelView(index, ctx.labels, current)
    for entity, before in labels_before.items():
        if labels.get(entity, {}) != before and set(index.get(entity, BORROWS)) - new.keys():
            raise NeedsWholeCheck  # a source kept from the last build named a post with it
    relabelled = set()
    for source_id in sorted(new):
        if any(labels.get(e, {}) != used for e, used in new[source_id].used_labels.items()):
            again = recompile(new[source_id], jobs_by_id[source_id], ctx, labels)
            index.update(source_id, new_uses[source_id], uses(again, base, concepts))
            new[source_id] = again
            fresh.add(source_id)
            relabelled.add(source_id)

    # Classes, and the shapes of what the changes touch
    types = dict(previous.types)
    changed_nodes = set()
    for subject in touched[TYPES]:
        direct = _direct_types(subject, index, ctx.types, current)
        closure = with_ancestors(direct, ancestors) if direct else None
        if types.get(subject) != closure:
            changed_nodes.add(subject)
            if closure is None:
                del types[subject]
            else:
                types[subject] = closure
    empty = frozenset()
    recheck = {s for s, c in new.items() if any(types.get(n, empty) != seen for n, seen in c.used_types.items())}
    if changed_nodes:  # which sources kept from the last build looked them up
        recheck |= _looked_up(previous.used_nodes, changed_nodes) - new.keys() - removed
    dirty = changed | removed | recheck
    old_subjects = set()
    for source_id in dirty & previous.keys.keys():
        old_subjects |= stated_subjects(previous.summary(source_id))
    subjects = set(old_subjects)
    for source_id in dirty - removed:
        subjects |= stated_subjects(current(source_id))
    id_prefix = str(iris.ID)
    stated_by = {x: [current(s) for s in index.get(x[len(id_prefix):], STATES)] for x in subjects}
    to_check = {x for x in subjects if len(stated_by[x]) > 1}
    lines = Lines(cache)
    union = settle_union(previous, jobs_by_id.keys(), dirty, old_subjects, to_check, stated_by, lines)
    # What one source states alone it judged alone: its verdicts count, unless it is checked again.
    alone = [(x, stated_by[x][0]) for x in subjects if len(stated_by[x]) == 1]
    verdicts = [(source, x, source.violations[x]) for x, source in alone
                if source.id not in recheck and x in source.violations]
    verdicts += [(source, x, found) for source in new.values() if source.id not in recheck
                 for x, found in source.violations.items()]
    if find_violations(to_check, stated_by, [current(s) for s in sorted(recheck)], verdicts, lines, types,
                       ancestors, ctx.rules):
        raise NeedsWholeCheck
    watch.lap("shapes across sources")

    # The outcome: the last build's, with what changed
    order = [*iris.BASE_IDS, *sorted(s for s in jobs_by_id if s not in iris.BASE_IDS)]
    keys = {s: f"{jobs_by_id[s][0]}-{_labels_hash(new[s])}" if s in new else previous.keys[s] for s in order}
    summaries = {s: previous.summaries[s] for s in order if s not in new}
    used_nodes = {s: previous.used_nodes.get(s, "") for s in order}
    text_files = {s: name for s, name in previous.text_files.items() if s not in removed and s not in new}
    text_files.update(_text_files(new))
    for source_id, source in new.items():
        used_nodes[source_id] = "\n".join(source.used_types)
        summaries[source_id] = replace(source, used_types={})
    for source_id in recheck:  # checked here against the project: its own verdicts no longer count
        summaries[source_id] = replace(summaries[source_id] if source_id in new else current(source_id),
                                       violations={})
    report = _patch_report(previous.report, order, new, {s: previous.summary(s) for s in old_uses}, touched,
                           kg_before, index, ctx, current, labels)
    cache_keys = {s: new[s].key if s in new else jobs_by_id[s][0] for s in order}
    return Outcome(keys, cache_keys, {s: summaries[s] for s in order},
                   {s for s in order if previous.keys.get(s) != keys[s]}, set(removed), relabelled, union, types,
                    used_nodes, text_files, index, report, len(fresh), checked_all=False)


def _patch_report(before: ReportParts, order: list[str], new: dict, old: dict, touched, kg_before: dict,
                  index: ProjectIndex, ctx: Context, current, labels) -> ReportParts:
    """The last build's report parts, with the rows, counts, conflicts and warnings the changes touch."""
    rows = {s: source_row(new[s]) if s in new else before.rows[s] for s in order}
    classes = Counter(before.classes)
    for source in old.values():
        classes.subtract(source.classes)
    for source in new.values():
        classes.update(source.classes)
    for subject, kg_old in kg_before.items():
        classes.subtract(kg_old)
        classes.update(kg_classes(_direct_types(subject, index, ctx.types, current)))
    conflicts, warnings = dict(before.conflicts), dict(before.warnings)
    subjects = touched[CLAIMS] | touched[LABELS]
    claims = defaultdict(list)
    for subject in subjects:
        conflicts.pop(subject, None)
        warnings.pop(subject, None)
        for source_id in index.get(subject, CLAIMS):
            for claim in current(source_id).claims:
                if claim.subject == subject:
                    claims[claim.subject, claim.prop].append(claim)
    gazetteers = [current(base_id) for base_id in reversed(iris.BASE_IDS)]
    names = {}
    for subject in subjects:
        by_lang = next((current(s).labels[subject] for s in reversed(index.get(subject, LABELS))), None)
        if by_lang is None:
            by_lang = next((g.labels[subject] for g in gazetteers if subject in g.labels), None)
        if by_lang is not None:
            names[subject] = by_lang.get("en") or subject
    found_conflicts, found_warnings = notes(claims, names, English(labels))
    conflicts.update(found_conflicts)
    warnings.update(found_warnings)
    return ReportParts(rows, {name: n for name, n in classes.items() if n}, conflicts, warnings,
                       before.regions)  # (what the gazetteers declare: they did not change)


class _LabelView:
    """Labels by id as the whole project gives them (base, then each source in order), looked up one by one."""

    def __init__(self, index: ProjectIndex, base: dict, summary):
        self.index, self.base, self.summary = index, base, summary

    def get(self, entity: str, default=None):
        found = _label_of(entity, self.index, self.base, self.summary)
        return found if found or entity in self.base else default


def _label_of(entity: str, index: ProjectIndex, base: dict, summary) -> dict:
    merged = dict(base.get(entity, {}))
    for source_id in index.get(entity, LABELS):
        merged.update(summary(source_id).labels[entity])
    return merged


def _direct_types(subject: str, index: ProjectIndex, base: dict, summary) -> set[str]:
    """The classes a subject is given (not their superclasses): by the ontology, the gazetteer and every source."""
    return set(base.get(subject, ())) | {cls for source_id in index.get(subject, TYPES)
                                         for s, cls in summary(source_id).types if s == subject}


def _looked_up(used_nodes: dict[str, str], nodes: set[str]) -> set[str]:
    """The sources whose shapes looked up any of ``nodes``, from the IRIs each looked up (one a line)."""
    if len(nodes) > 16:  # splitting every source's IRIs once costs less than searching them for each node
        return {s for s, looked in used_nodes.items() if looked and not nodes.isdisjoint(looked.split("\n"))}
    wanted = [f"\n{node}\n" for node in nodes]
    found = set()
    for source_id, looked in used_nodes.items():
        if looked:
            looked = f"\n{looked}\n"
            if any(w in looked for w in wanted):
                found.add(source_id)
    return found


def _base_ids(gazetteers) -> set[str]:
    return {subject for gazetteer in gazetteers for subject, _, _ in gazetteer.declares}


def _project_labels(base: dict, sources: list[Compiled]) -> dict:
    """Labels by id: the ontology's concepts, then every source's, later ones winning per language."""
    labels = {k: dict(v) for k, v in base.items()}
    for source in sources[1:]:
        for entity, by_lang in source.labels.items():
            labels.setdefault(entity, {}).update(by_lang)
    return labels


def _project_types(base: dict, sources: list[Compiled], ancestors: dict) -> dict:
    """IRI -> every class it has (with the ontology's superclasses), from every source."""
    declared = defaultdict(set)
    for subject, classes in base.items():
        declared[subject] |= classes
    for source in sources[1:]:
        for subject, cls in source.types:
            declared[subject].add(cls)
    closed = {}  # one frozenset per set of classes: shared, they pickle once
    result = {}
    for subject, classes in declared.items():
        key = frozenset(classes)
        if key not in closed:
            closed[key] = with_ancestors(classes, ancestors)
        result[subject] = closed[key]
    return result


def _labels_hash(source: Compiled) -> str:
    borrowed = repr(sorted((k, sorted(v.items())) for k, v in source.used_labels.items()))
    return hashlib.sha256(borrowed.encode()).hexdigest()[:8]


def _text_files(sources: dict) -> dict[str, str]:
    """source id -> its text's name, for the sources whose text is not <id>.txt."""
    return {s: c.text_file for s, c in sources.items() if c.text_file and c.text_file != f"{s}.txt"}


def _error_order(error) -> tuple:
    return str(getattr(error, "path", "")), getattr(error, "line", 0) or 0

"""`kg add`, `kg extract` and `kg review`: articles in, drafts out, a curator's decisions."""
from __future__ import annotations

from pathlib import Path

import click

from graph.cli.common import cli, is_quiet, progress_display, project_options, quiet_option, where


@cli.command()
@quiet_option
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@project_options
@click.option("--title", help="The headline, if the file does not give it (a text file's first line is its headline).")
@click.option("--url", help="Where the article was published, if the file does not say.")
@click.option("--publisher", help="The publisher's id (gazetteer.yaml, or an outlet another record drafted); without it a "
              "known one is found by the page's site name or address, or a new one is drafted from them.")
@click.option("--published", help="Publication date (2025-09-24, 2025-09 or 2025), if the page does not say.")
@click.option("--language", type=click.Choice(["id", "en"]), help="The article's language, if not detected.")
@click.option("--no-extract", is_flag=True, help="Add the article without drafting its facts.")
def add(file, root, out, title, url, publisher, published, language, no_extract):
    """Add a saved article (HTML page or text) to sources/ and draft its facts for review.

    Writes sources/NNN_<hash>.txt (the clean text) and NNN_<hash>.yaml (its
    record, with drafted facts marked `reviewed: false`); names the gazetteer
    does not know, the publisher among them, are drafted as the record's
    `entities:`. The same article twice is refused.

    Example: kg add saved/page.html
    """
    from graph.add import add_article

    root, _ = where(root, out)
    with progress_display() as progress:
        added = add_article(root / "sources", root / "ontology.ttl", file, title=title, url=url,
                            publisher=publisher, published=published, language=language, draft_facts=not no_extract,
                            progress=progress)
    _echo_added(added, "Added")


@cli.command()
@quiet_option
@click.argument("source")
@project_options
def extract(source, root, out):
    """Draft an added article's facts again (after the gazetteer grew, or a new extractor).

    Reviewed facts are kept; earlier unreviewed drafts are replaced.

    Example: kg extract 005
    """
    from graph.add import extract_source

    root, _ = where(root, out)
    with progress_display() as progress:
        added = extract_source(root / "sources", root / "ontology.ttl", source, progress=progress)
    _echo_added(added, "Drafted")


def _echo_added(added, verb):
    for note in added.notes:
        click.echo(f"Note: {note}")
    if added.record_path is None:
        click.echo(f"{verb} {added.text_path}; nothing extracted: {added.draft.reason}")
        return
    left_open = added.draft.notes  # what the extractor could not decide: one line each on stderr
    for note in left_open if not is_quiet() else ():
        click.echo("Draft note: " + "".join(c if c.isprintable() else "\ufffd" for c in note), err=True)
    click.echo(f"{verb} {added.record_path} ({added.text_path.name}): {len(added.facts)} drafted facts to review"
               + (f" ({len(left_open)} draft note{'s' * (len(left_open) > 1)} on what it left open)" if left_open else "")
               + ("" if not added.draft.reason else f"; nothing extracted: {added.draft.reason}"))
    if added.entities:
        names = ", ".join(f"{entity['id']} ({entity['type']})" for entity in added.entities)
        click.echo(f"New names, drafted as entities: {names}")
    click.echo(f"Next: kg review {added.source_id}")


@cli.command()
@quiet_option
@click.argument("source")
@project_options
@click.option("--accept", multiple=True, metavar="N|all", help="Accept draft N (or all; or 1,3; or 1-4; e1 for an entity).")
@click.option("--drop", multiple=True, metavar="N", help="Drop draft N (or 1,3); a dropped entity takes its drafted facts along.")
@click.option("--set", "corrections", multiple=True, metavar="'N key=value'",
              help="Correct draft N: set key to a YAML value ('3 role=regent'); 'N key=' removes the key.")
@click.option("--rename", "renames", multiple=True, metavar="'eN New Name'",
              help="Rename draft entity eN: the new label, and the id made from it, wherever the record names it.")
@click.option("--merge", "merges", multiple=True, metavar="'eN known-id'",
              help="Merge draft entity eN into a known entity: its id is replaced by known-id in the record.")
@click.option("--split", multiple=True, metavar="N",
              help="Draft N was matched to another source's event or agreement but is not it: give it an id of its own "
                   "(and, with --set, a label).")
def review(source, root, out, accept, drop, corrections, renames, merges, split):
    """List a record's machine drafts (new entities e1, e2, …; facts 1, 2, …); accept, correct,
    rename, merge, split or drop them.

    Without options, lists the drafts with their numbers. Numbers refer to
    that listing; each call checks the new record before writing it, and
    edits it in place (comments and layout kept).

    Example: kg review 005 --set '2 role=regent' --accept 1,2,e1 --drop 3 --merge 'e2 budi-rustandi'
    """
    from graph.review import describe, describe_entity, review as run_review

    root, _ = where(root, out)
    result = run_review(root / "sources", root / "ontology.ttl", source, accept, drop, corrections,
                        renames, merges, split)
    for verb, numbers in (("Accepted", result.accepted), ("Corrected", result.corrected),
                          ("Renamed", result.renamed), ("Merged", result.merged), ("Dropped", result.dropped),
                          ("Split", result.split)):
        if numbers:
            click.echo(f"{verb}: {', '.join(numbers)}")
    for number, ids in result.waiting:
        click.echo(f"Note: {number} names draft entities ({', '.join(ids)}): --reviewed-only leaves it out "
                   "until they are accepted")
    count = len(result.entities)
    entities = f" and {count} draft {'entity' if count == 1 else 'entities'}" if count else ""
    click.echo(f"{result.record}: {len(result.drafts)} drafts to review{entities}")
    for number, entity in enumerate(result.entities, 1):
        first, *more = describe_entity(entity, result.drafts, result.labels, result.publisher)
        click.echo(f"{'e' + str(number):>3}. {first}")
        for line in more:
            click.echo(f"     {line}")
    for number, draft in enumerate(result.drafts, 1):
        click.echo(f"{number:3d}. {describe(draft)}")

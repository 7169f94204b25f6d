"""``corridors ingest``, ``corridors drafts [drop ID]`` and ``corridors publish ID``.

Everything that comes from an article or a draft is printed as plain text (``rich``
``Text`` cells, ``markup=False``), never as terminal markup, and was cleaned of bidi
controls when it was read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corridors.cli._common import data_parent
from corridors.core.datasets import data_dir
from corridors.core.errors import CatalogError
from corridors.core.languages import DEFAULT_LANGUAGE, available_languages
from corridors.core.locking import LockError

if TYPE_CHECKING:
    from corridors.data.catalog import Catalog
    from corridors.ingest.propose import Proposal


def add_ingest_commands(commands: Any, data: list[argparse.ArgumentParser]) -> None:
    """Register ``ingest``, ``drafts`` and ``publish`` (each with the ``data`` parents)."""
    ingest = commands.add_parser(
        "ingest",
        parents=data,
        help="read a news article and propose a draft event linked to the map",
        description="Read an article (plain text, a saved HTML page, or - for standard "
        "input) and propose a draft event: dates, features, actors, kind and the agreement "
        "provisions it is evidence of, each with its evidence. Writes "
        "<data>/drafts/<id>.yaml (or prints JSON with --json).",
    )
    ingest.add_argument("article", help="a .txt or saved .html file, or - for standard input")
    ingest.add_argument("--lang", choices=("auto", *available_languages()), default="auto")
    ingest.add_argument("--json", action="store_true", help="print the draft as JSON only")
    ingest.add_argument("--published", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD")
    ingest.set_defaults(run=_ingest)

    drafts = commands.add_parser("drafts", parents=data, help="list the drafts (or drop one)")
    drafts.set_defaults(run=_list)
    actions = drafts.add_subparsers(metavar="ACTION")
    drop = actions.add_parser("drop", parents=[data_parent(nested=True)], help="delete a draft")
    drop.add_argument("draft_id", metavar="ID")
    drop.set_defaults(run=_drop)

    publish = commands.add_parser(
        "publish", parents=data, help="validate a reviewed draft and move it into events.yaml"
    )
    publish.add_argument("draft_id", metavar="ID")
    publish.set_defaults(run=_publish)


def _ingest(args: argparse.Namespace, console: Console) -> int:
    from corridors.data.catalog import load_catalog
    from corridors.ingest.budget import OverBudgetError
    from corridors.ingest.draft_files import save_draft
    from corridors.ingest.draft_record import proposal_json
    from corridors.ingest.propose import propose
    from corridors.ingest.reading import ArticleError, read_article

    directory = data_dir(args.data)
    try:
        catalog = load_catalog(directory)
        article = read_article(args.article)
        proposal = propose(article, catalog, lang=args.lang, published=args.published)
    except (CatalogError, ArticleError, OverBudgetError) as error:
        console.print(Text("error: ", style="bold red"), Text(str(error)))
        return 1
    if args.json:
        console.file.write(json.dumps(proposal_json(proposal), ensure_ascii=False) + "\n")
        return 0
    try:
        path = save_draft(directory, proposal, catalog)
    except LockError as error:
        console.print(Text("error: ", style="bold red"), Text(str(error)))
        return 1
    _print_proposal(console, proposal, catalog)
    console.print(Text(f"wrote {path}"))
    _print_duplicates(console, proposal, catalog)
    if not proposal.features:
        console.print(
            Text(
                "No feature of the atlas is named in this article: the draft links nothing "
                "(drop it with `corridors drafts drop ID` if it is not relevant).",
                style="yellow",
            )
        )
    return 0


def _print_proposal(console: Console, proposal: Proposal, catalog: Catalog) -> None:
    date = proposal.date
    rows = [
        ("id", proposal.id),
        ("language", proposal.lang),
        ("title", proposal.title or "(none found)"),
        ("published", str(proposal.published or "(unknown)")),
        ("date", f"{date.date or '(none)'} ({date.precision}): {date.reason}"),
        ("dates", ", ".join(c.date.isoformat() for c in proposal.dates) or "(none)"),
        ("kind", f"{proposal.kind.kind or '(none)'}: {proposal.kind.reason}"),
        ("features", ", ".join(_feature_label(catalog, f) for f in proposal.features) or "(none)"),
        ("actors", ", ".join(proposal.actors) or "(none)"),
        (
            "provisions",
            "\n".join(_provision_label(catalog, p) for p in proposal.provisions) or "(none)",
        ),
        ("to add in review", _missing(proposal, catalog)),
    ]
    table = Table(title=Text("Draft event (unreviewed)"), show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for name, value in rows:
        table.add_row(Text(name), Text(value))
    console.print(table)
    evidence = Table(title=Text("Evidence"))
    for column in ("field", "value", "found", "sentence"):
        evidence.add_column(column, overflow="fold")
    text = proposal.article.text
    for item in proposal.evidence:
        evidence.add_row(
            Text(item.field), Text(item.value), Text(text[item.start : item.end]), Text(item.text)
        )
    console.print(evidence)


def _print_duplicates(console: Console, proposal: Proposal, catalog: Catalog) -> None:
    """Each event the draft may repeat, beside the draft: compare them before publishing."""
    from corridors.ingest.draft_record import draft_record
    from corridors.review.duplicates import likely_duplicates

    record = draft_record(proposal, catalog)
    draft = (proposal.id, str(record["date"]), proposal.title or "(none found)")
    for duplicate in likely_duplicates(record, catalog):
        event = duplicate.event
        why = "; ".join(
            f"dated within a day, both linking {', '.join(duplicate.shared)}"
            if reason == "date-and-features"
            else "a similar title"
            for reason in duplicate.reasons
        )
        table = Table(title=Text(f"Likely duplicate ({why}): compare before publishing"))
        for column in ("", "this draft", "in the catalogue"):
            table.add_column(column, overflow="fold")
        rows = zip(
            ("id", "date", "title", "features"),
            (*draft, ", ".join(proposal.features)),
            (
                event.id,
                event.date.isoformat(),
                event.title[DEFAULT_LANGUAGE],
                ", ".join(event.features),
            ),
            strict=True,
        )
        for name, ours, theirs in rows:
            table.add_row(Text(name), Text(ours), Text(theirs))
        console.print(table)


def _missing(proposal: Proposal, catalog: Catalog) -> str:
    from corridors.i18n import Translator
    from corridors.ingest.draft_record import draft_record
    from corridors.review.messages import sentences

    said = sentences(draft_record(proposal, catalog), Translator(DEFAULT_LANGUAGE))
    return "\n".join(said) or "nothing"


def _feature_label(catalog: Catalog, feature_id: str) -> str:
    return f"{feature_id} ({catalog.feature(feature_id).names[DEFAULT_LANGUAGE]})"


def _provision_label(catalog: Catalog, provision_id: str) -> str:
    _, provision = catalog.provision(provision_id)
    return f"{provision_id} ({provision.label[DEFAULT_LANGUAGE]})"


def _list(args: argparse.Namespace, console: Console) -> int:
    from corridors.ingest.draft_files import list_drafts

    drafts = list_drafts(data_dir(args.data))
    if not drafts:
        console.print(Text("No drafts."))
        return 0
    columns = ("id", "date", "kind", "title", "features", "before publishing")
    rows = [
        (
            draft.id,
            draft.date or "",
            draft.kind or "",
            draft.title,
            ", ".join(draft.features),
            "; ".join(f"{p.field or p.file}: {p.reason}" for p in draft.problems) or "ready",
        )
        for draft in drafts
    ]
    if not console.is_terminal:  # one draft per line, tab-separated, for logs and scripts
        console.file.write("".join("\t".join(row) + "\n" for row in (columns, *rows)))
        return 0
    table = Table(title=Text("Drafts"))
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    console.print(table)
    return 0


def _drop(args: argparse.Namespace, console: Console) -> int:
    from corridors.ingest.draft_files import DraftError, draft_file, drop_draft

    try:
        drop_draft(data_dir(args.data), args.draft_id)
    except (DraftError, LockError) as error:
        console.print(Text("error: ", style="bold red"), Text(str(error)))
        return 1
    console.print(Text(f"dropped {draft_file(args.draft_id)}"))
    return 0


def _publish(args: argparse.Namespace, console: Console) -> int:
    from corridors.ingest.draft_files import DraftError
    from corridors.review.publish import publish_draft

    try:
        event = publish_draft(data_dir(args.data), args.draft_id)
    except (DraftError, LockError) as error:
        console.print(Text("not published: ", style="bold red"), Text(str(error)))
        return 1
    console.print(Text(f"published {event.id} ({event.date}) into events.yaml"))
    return 0

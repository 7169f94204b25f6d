"""Bring the catalogue up to date through the ingest flow: ingest, review, publish.

For each record of ``research/reviews.yaml`` (in date order): ingest its article into a
draft (``corridors ingest``'s engine, nothing given but the text), print what the engine
proposed beside what the reviewer accepted, apply the reviewer's record to the draft (the
fields a reviewer corrects in the editor page) and publish it (``corridors publish``: the
catalogue's validation, events.yaml rewritten in date order with its comments kept).

    .venv/bin/python research/review_and_publish.py [--data geodata] [--dry-run]

With ``--dry-run`` only the comparison is printed (drafts are proposed, nothing written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Final

import yaml
from corridors.catalog import load_catalog

from corridors.ingest import draft_files as draft_files
from corridors.ingest.propose import propose
from corridors.ingest.reading import read_article
from corridors.review.storage import OpenDraft, open_draft, publish_reviewed

HERE: Final = Path(__file__).resolve().parent
#: The fields a reviewer sets; the rest of a draft (its evidence) stays as proposed.
REVIEWED: Final = (
    "id",
    "date",
    "precision",
    "kind",
    "title",
    "summary",
    "actors",
    "features",
    "sources",
    "note",
)


def compare(proposed: Any, review: dict[str, Any]) -> str:
    """One line: the engine's date, kind and features against the reviewer's."""
    found, accepted = set(proposed.features), set(review["features"])
    date = proposed.date.date.isoformat() if proposed.date.date else "none"
    kind = proposed.kind.kind or "none"
    return (
        f"{review['id']}: date {date} ({'=' if date == review['date'] else '!= ' + review['date']})"
        f", kind {kind} ({'=' if kind == review['kind'] else '!= ' + review['kind']})"
        f", features found {len(found & accepted)}/{len(accepted)}"
        f", extra {sorted(found - accepted) or '-'}, missed {sorted(accepted - found) or '-'}"
    )


def main() -> None:
    """Ingest, compare, review and publish every record (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent / "geodata")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    reviews = yaml.safe_load((HERE / "reviews.yaml").read_text(encoding="utf-8"))
    for review in sorted(reviews, key=lambda record: str(record["date"])):
        catalog = load_catalog(args.data)
        article = read_article(HERE / "articles" / review["article"])
        proposal = propose(article, catalog)
        print(compare(proposal, review))
        if args.dry_run:
            continue
        draft_files.save_draft(args.data, proposal, catalog)
        draft = open_draft(args.data, proposal.id)
        record = {**draft.record, **{key: review[key] for key in REVIEWED if key in review}}
        event = publish_reviewed(args.data, OpenDraft(record, draft.text), replaces=proposal.id)
        print(f"  published {event.id} ({event.date})")


if __name__ == "__main__":
    main()

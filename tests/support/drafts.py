"""Helpers shared by test modules (moved from test_ingest_publish.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from corridors.data.catalog import load_catalog
from corridors.ingest.draft_files import save_draft
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text

ARTICLE = (
    "Azerbaijan Railways said on 20 March 2026 that track laying on the Horadiz\u2013Aghband "
    "railway had reached Minjivan."
)


def make_draft(directory: Path, **review: Any) -> str:
    """Ingest a short article into ``directory`` and apply the reviewer's fields."""
    catalog = load_catalog(directory)
    proposal = propose(article_from_text(ARTICLE), catalog)
    path = save_draft(directory, proposal, catalog)
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(review)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
    return proposal.id


REVIEWED = {
    "id": "horadiz-aghband-track-minjivan",
    "title": {"en": "Track reaches Minjivan", "ar": "السكة تبلغ مينجيفان"},
    "summary": {"en": "Track laying reached Minjivan.", "ar": "بلغ مدّ السكة مينجيفان."},
    "sources": [
        {
            "url": "https://example.org/report",
            "outlet": "Example",
            "language": "en",
            "published": "2026-03-20",
        }
    ],
}

"""A draft's id follows a corrected date: in the form, on save and on publish."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from corridors.data.catalog import Catalog
from corridors.ingest.draft_files import dated_id, draft_yaml, load_draft
from corridors.ingest.draft_record import draft_record
from corridors.ingest.propose import propose
from corridors.ingest.reading import article_from_text
from corridors.review.fields import fields_of, record_with
from corridors.review.publish import publish_draft
from corridors.review.storage import OpenDraft, save_reviewed
from support.editor import COMPLETE
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"


@pytest.mark.parametrize(
    ("draft_id", "date", "expected"),
    [
        ("2025-08-07-agreement-1a2b3c4d", "2025-08-08", "2025-08-08-agreement-1a2b3c4d"),
        ("undated-event-1a2b3c4d", "2025-08-08", "2025-08-08-event-1a2b3c4d"),
        ("washington-summit", "2025-08-08", "washington-summit"),  # no date to follow
        ("2025-08-07-agreement-1a2b3c4d", "2025-08", "2025-08-07-agreement-1a2b3c4d"),
        ("2025-08-07-agreement-1a2b3c4d", "", "2025-08-07-agreement-1a2b3c4d"),
    ],
)
def test_the_id_follows_a_date(draft_id: str, date: str, expected: str) -> None:
    assert dated_id(draft_id, date) == expected


def test_a_corrected_date_renames_the_saved_draft(data_copy: Path, catalog: Catalog) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = draft_record(proposal, catalog)
    save_reviewed(data_copy, OpenDraft(record, proposal.article.text))
    assert proposal.id.startswith("2025-08-07-")
    corrected = dataclasses.replace(fields_of(record), date="2025-08-08")
    reviewed = record_with(record, corrected, catalog.actors)
    new_id = "2025-08-08-" + proposal.id.removeprefix("2025-08-07-")
    assert reviewed["id"] == new_id
    save_reviewed(data_copy, OpenDraft(reviewed, proposal.article.text), replaces=proposal.id)
    assert sorted(p.name for p in (data_copy / "drafts").iterdir()) == [
        f"{new_id}.txt",
        f"{new_id}.yaml",
    ]
    assert load_draft(data_copy, new_id)["date"] == "2025-08-08"


def test_publish_gives_the_event_the_id_of_a_date_corrected_by_hand(
    data_copy: Path, catalog: Catalog
) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    save_reviewed(data_copy, OpenDraft(draft_record(proposal, catalog), proposal.article.text))
    path = data_copy / "drafts" / f"{proposal.id}.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record.update(
        date="2025-08-08",
        title={"en": COMPLETE["title_en"], "ar": COMPLETE["title_ar"]},
        summary={"en": COMPLETE["summary_en"], "ar": COMPLETE["summary_ar"]},
        sources=[{"url": COMPLETE["source_0_url"], "outlet": "Nebras", "language": "ar"}],
    )
    path.write_text(draft_yaml(record), encoding="utf-8")  # the date corrected by hand
    event = publish_draft(data_copy, proposal.id)
    assert event.id == "2025-08-08-" + proposal.id.removeprefix("2025-08-07-")
    assert not path.exists()

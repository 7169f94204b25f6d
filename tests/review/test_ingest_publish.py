"""``corridors publish``: a reviewed draft into events.yaml, in date order, nothing else moved."""

from __future__ import annotations

import difflib
import os

import pytest

from corridors.cli.main import main
from corridors.data.catalog import load_catalog
from corridors.ingest.draft_files import DraftError, list_drafts
from corridors.review.publish import publish_draft
from support.drafts import REVIEWED, make_draft


def test_publish_inserts_in_date_order_keeping_every_other_byte(data_copy, capsys):
    before = (data_copy / "events.yaml").read_text(encoding="utf-8")
    draft_id = make_draft(data_copy, **REVIEWED)
    assert main(["publish", draft_id, "--data", str(data_copy)]) == 0
    assert "published horadiz-aghband-track-minjivan" in capsys.readouterr().out
    after = (data_copy / "events.yaml").read_text(encoding="utf-8")
    lines_before, lines_after = before.splitlines(), after.splitlines()
    changes = difflib.SequenceMatcher(a=lines_before, b=lines_after, autojunk=False).get_opcodes()
    # one block inserted; every other line, comments included, unchanged and in its order
    assert [tag for tag, *_ in changes if tag != "equal"] == ["insert"]
    (_, _, _, first, last) = next(change for change in changes if change[0] == "insert")
    added = lines_after[first:last]
    assert added[0] in ("", "- id: horadiz-aghband-track-minjivan")
    assert "- id: horadiz-aghband-track-minjivan" in added
    assert '  date: "2026-03-20"' in added
    assert "  features: [horadiz-aghband-railway, minjivan]" in added
    assert '    - url: "https://example.org/report"' in added
    catalog = load_catalog(data_copy)
    dates = [event.date for event in catalog.events]
    assert dates == sorted(dates)
    ids = [line[6:] for line in lines_after if line.startswith("- id: ")]
    position = ids.index("horadiz-aghband-track-minjivan")
    event_dates = {e.id: e.date.isoformat() for e in catalog.events}
    assert event_dates[ids[position - 1]] <= "2026-03-20"
    assert not (data_copy / "drafts" / f"{draft_id}.yaml").exists()
    assert not (data_copy / "drafts" / f"{draft_id}.txt").exists()


def test_publish_between_entries_keeps_the_comments_before_the_next_one(data_copy):
    draft_id = make_draft(data_copy, **{**REVIEWED, "date": "2025-12-31"})
    publish_draft(data_copy, draft_id)
    text = (data_copy / "events.yaml").read_text(encoding="utf-8")
    new = text.index("- id: horadiz-aghband-track-minjivan")
    header = text.index(" 2026\n\n- id: tripp-implementation-framework")
    assert new < header  # a 2025 event goes before the 2026 section's comment
    assert text[new - 2 : new] == "\n\n"


def test_publish_refuses_an_unreviewed_draft_naming_the_fields(data_copy, capsys):
    before = (data_copy / "events.yaml").read_bytes()
    draft_id = make_draft(data_copy)
    assert main(["publish", draft_id, "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert f"drafts/{draft_id}.yaml" in out
    for field in ("'sources'", "'summary'", "'title'"):
        assert field in out
    assert (data_copy / "events.yaml").read_bytes() == before
    assert (data_copy / "drafts" / f"{draft_id}.yaml").exists()


def test_publish_refuses_a_draft_that_breaks_the_catalogue(data_copy):
    existing = load_catalog(data_copy).events[0].id
    draft_id = make_draft(data_copy, **{**REVIEWED, "id": existing})
    with pytest.raises(DraftError, match=r"events\.yaml.*duplicate-id"):
        publish_draft(data_copy, draft_id)
    draft_id = make_draft(data_copy, **{**REVIEWED, "features": ["atlantis"]})
    with pytest.raises(DraftError, match="'atlantis', which does not exist"):
        publish_draft(data_copy, draft_id)


def test_a_draft_with_a_bad_field_is_reported_by_file_and_field(data_copy):
    draft_id = make_draft(data_copy, **{**REVIEWED, "date": "2026-02-30"})
    with pytest.raises(DraftError, match=rf"drafts/{draft_id}\.yaml.*field 'date'"):
        publish_draft(data_copy, draft_id)
    (listed,) = list_drafts(data_copy)
    assert listed.problems


def test_an_interrupted_publish_leaves_events_yaml_and_the_draft(data_copy, monkeypatch):
    before = (data_copy / "events.yaml").read_bytes()
    draft_id = make_draft(data_copy, **REVIEWED)

    def crash(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)  # the moment the new file would take its place
    with pytest.raises(KeyboardInterrupt):
        publish_draft(data_copy, draft_id)
    monkeypatch.undo()
    assert (data_copy / "events.yaml").read_bytes() == before
    assert (data_copy / "drafts" / f"{draft_id}.yaml").exists()
    assert [p.name for p in data_copy.iterdir() if p.name.startswith(".events")] == []
    publish_draft(data_copy, draft_id)  # and it can be published afterwards
    assert load_catalog(data_copy).events


def test_publish_writes_the_accepted_provisions_on_the_event(data_copy):
    draft_id = make_draft(data_copy, **{**REVIEWED, "provisions": ["statement-2020-11-10/9"]})
    publish_draft(data_copy, draft_id)
    text = (data_copy / "events.yaml").read_text(encoding="utf-8")
    entry = text[text.index("- id: horadiz-aghband-track-minjivan") :].split("\n\n")[0]
    assert "  provisions: [statement-2020-11-10/9]\n" in entry
    event = next(e for e in load_catalog(data_copy).events if e.id == REVIEWED["id"])
    assert event.provisions == ("statement-2020-11-10/9",)


def test_publish_refuses_a_provision_the_agreements_do_not_have(data_copy):
    before = (data_copy / "events.yaml").read_bytes()
    draft_id = make_draft(data_copy, **{**REVIEWED, "provisions": ["statement-2020-11-10/99"]})
    with pytest.raises(DraftError, match=r"provisions\[0\].*'statement-2020-11-10/99'"):
        publish_draft(data_copy, draft_id)
    assert (data_copy / "events.yaml").read_bytes() == before

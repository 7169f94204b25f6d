"""Review helpers: evidence marks, form fields <-> draft records, saving and uploads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corridors.data.catalog import Catalog
from corridors.ingest.draft_files import DraftError, load_draft, save_draft
from corridors.ingest.draft_record import draft_record
from corridors.ingest.evidence import Evidence
from corridors.ingest.propose import propose
from corridors.ingest.reading import ArticleError, article_from_text
from corridors.review.fields import fields_of, record_with
from corridors.review.marks import Segment, marked_html, segments
from corridors.review.storage import OpenDraft, open_draft, read_upload, save_reviewed
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"


def evidence(field: str, value: str, start: int, end: int) -> Evidence:
    return Evidence(field, value, "", start, end)


def test_segments_cover_the_text_and_overlaps_carry_both_fields() -> None:
    text = "On 8 August 2025 a summit"
    found = [evidence("date", "2025-08-08", 3, 16), evidence("kind", "summit", 14, 25)]
    pieces = segments(text, found)
    assert "".join(piece.text for piece in pieces) == text
    assert pieces == [
        Segment("On "),
        Segment("8 August 20", ("date",), ("2025-08-08",)),
        Segment("25", ("date", "kind"), ("2025-08-08", "summit")),
        Segment(" a summit", ("kind",), ("summit",)),
    ]


def test_spans_outside_the_text_are_clipped_or_ignored() -> None:
    pieces = segments("abc", [evidence("x", "1", 2, 99), evidence("y", "2", 50, 60)])
    assert pieces == [Segment("ab"), Segment("c", ("x",), ("1",))]


def test_marked_html_escapes_text_and_attributes() -> None:
    text = '<b>"x"</b> & y'
    html = marked_html(text, [evidence("features", 'a"><script>', 0, 3)], rtl=False)
    assert html == (
        '<div class="article-text" dir="ltr" style="white-space: pre-wrap">'
        '<mark data-fields="features" data-values="a&quot;&gt;&lt;script&gt;">&lt;b&gt;</mark>'
        "&quot;x&quot;&lt;/b&gt; &amp; y</div>"
    )


def test_form_fields_round_trip_a_draft(catalog: Catalog) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = draft_record(proposal, catalog)
    fields = fields_of(record)
    assert fields.actors == ("aliyev", "trump", "osce", "socar", "exxonmobil")
    assert record_with(record, fields, catalog.actors) == record


def test_empty_source_rows_are_left_out_and_partial_ones_kept(catalog: Catalog) -> None:
    record = draft_record(
        propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog), catalog
    )
    rows = (
        {"url": "", "outlet": "", "language": "ar", "published": ""},
        {"url": "https://example.org/x", "outlet": "", "language": "ar", "published": ""},
    )
    fields = fields_of(record)
    updated = record_with(record, type(fields)(**{**fields.__dict__, "sources": rows}), ())
    assert updated["sources"] == [{"url": "https://example.org/x", "language": "ar"}]
    assert updated["actors"] == []  # ids unknown to the actors given are not kept
    assert updated["draft"]["actor_ids"] == []


def test_saving_under_a_new_id_replaces_the_old_draft(data_copy: Path, catalog: Catalog) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = draft_record(proposal, catalog)
    save_reviewed(data_copy, OpenDraft(record, proposal.article.text))
    renamed = {**record, "id": "washington-summit"}
    save_reviewed(data_copy, OpenDraft(renamed, proposal.article.text), replaces=proposal.id)
    assert sorted(p.name for p in (data_copy / "drafts").iterdir()) == [
        "washington-summit.txt",
        "washington-summit.yaml",
    ]
    opened = open_draft(data_copy, "washington-summit")
    assert opened.text == proposal.article.text
    assert opened.evidence == proposal.evidence


def test_provision_links_go_through_the_draft_and_the_form(
    data_copy: Path, catalog: Catalog
) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    path = save_draft(data_copy, proposal, catalog)
    record = load_draft(data_copy, path.stem)
    assert "statement-2020-11-10/9" in record["provisions"]
    assert record["provisions"] == list(proposal.provisions)
    evidence = [e for e in open_draft(data_copy, path.stem).evidence if e.field == "provisions"]
    assert evidence
    assert evidence == [e for e in proposal.evidence if e.field == "provisions"]
    fields = fields_of(record)
    assert fields.provisions == proposal.provisions
    # rejected: removed from the form, it leaves the record (its evidence stays for review)
    rejected = record_with(record, dataclasses.replace(fields, provisions=()), catalog.actors)
    assert rejected["provisions"] == []
    assert rejected["draft"]["evidence"] == record["draft"]["evidence"]
    # added back by the reviewer, and saved
    added = dataclasses.replace(fields, provisions=("statement-2020-11-10/9",))
    reviewed = record_with(rejected, added, catalog.actors)
    save_reviewed(data_copy, OpenDraft(reviewed, proposal.article.text))
    assert load_draft(data_copy, path.stem)["provisions"] == ["statement-2020-11-10/9"]


def test_a_draft_naming_a_provision_that_is_no_provision_id_is_not_written(
    data_copy: Path, catalog: Catalog
) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = {**draft_record(proposal, catalog), "provisions": ["point nine"]}
    with pytest.raises(DraftError, match=r"field 'provisions\[0\]'"):
        save_reviewed(data_copy, OpenDraft(record, proposal.article.text))
    assert not (data_copy / "drafts").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [({"date": "2025-02-30"}, "'date'"), ({"kind": "party"}, "'kind'")],
)
def test_an_invalid_draft_is_not_written(
    data_copy: Path, catalog: Catalog, change: dict[str, str], field: str
) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = {**draft_record(proposal, catalog), **change}
    with pytest.raises(DraftError) as raised:
        save_reviewed(data_copy, OpenDraft(record, proposal.article.text))
    assert f"field {field}" in str(raised.value)
    assert not (data_copy / "drafts").exists()


def test_a_bad_id_is_refused_before_anything_is_written(data_copy: Path, catalog: Catalog) -> None:
    proposal = propose(article_from_text(SEED.read_text(encoding="utf-8")), catalog)
    record = {**draft_record(proposal, catalog), "id": "../events"}
    with pytest.raises(DraftError, match="is not a draft id"):
        save_reviewed(data_copy, OpenDraft(record, proposal.article.text))
    assert not (data_copy / "drafts").exists()


def test_an_uploaded_html_page_is_read_as_an_article() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Railway to Nakhchivan</title>"
        '<meta property="article:published_time" content="2026-03-02"></head><body>'
        "<article><h1>Railway to Nakhchivan</h1><p>Work on the Horadiz to Aghband railway "
        "continued on Monday, the ministry said, with new track laid near Zangilan.</p>"
        "<script>alert(1)</script></article></body></html>"
    )
    article = read_upload("page.html", page.encode())
    assert article.name == "page.html"
    assert "Horadiz" in article.text
    assert "alert" not in article.text


def test_an_unreadable_upload_is_named_in_the_error() -> None:
    with pytest.raises(ArticleError, match=r"^notes\.txt: a binary file"):
        read_upload("notes.txt", b"\x00\x01binary")

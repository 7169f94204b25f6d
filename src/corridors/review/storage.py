"""Save, open and publish reviewed drafts: thin adapters over :mod:`corridors.ingest`.

The engine saves a draft from a fresh proposal (:func:`~corridors.ingest.draft_files.save_draft`)
and publishes a draft from its file (:func:`~corridors.review.publish.publish_draft`); the
editor also saves a draft as the reviewer corrected it, which is :func:`save_reviewed`
here, with the engine's own file names, YAML layout, draft model and atomic writes, holding
the data directory's lock as the engine does.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

from corridors.core.atomic import write_text_atomic
from corridors.core.errors import Problem
from corridors.core.locking import data_lock
from corridors.core.reading import read_data_text
from corridors.data.models import Event
from corridors.data.validate import parse_records
from corridors.ingest.draft_files import (
    DraftError,
    article_file,
    check_draft_id,
    draft_file,
    draft_yaml,
    drop_draft,
    load_draft,
)
from corridors.ingest.draft_record import DraftRecord
from corridors.ingest.evidence import Evidence
from corridors.ingest.reading import Article, ArticleError, read_article
from corridors.review.publish import publish_draft


@dataclasses.dataclass(frozen=True)
class OpenDraft:
    """A draft as the editor holds it: its record and the article text it points into."""

    record: dict[str, Any]
    text: str

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The draft's evidence (offsets into :attr:`text`)."""
        entries = (self.record.get("draft") or {}).get("evidence") or ()
        return tuple(
            Evidence(str(e["field"]), str(e["value"]), str(e["text"]), e["start"], e["end"])
            for e in entries
        )


def open_draft(directory: Path, draft_id: str) -> OpenDraft:
    """Draft ``draft_id`` with its article text.

    Raises
    ------
    DraftError
        If the draft or its text is missing, unreadable or invalid.

    """
    record = load_draft(directory, draft_id)
    text = read_data_text(directory, article_file(draft_id))
    if isinstance(text, Problem):
        raise DraftError([text])
    return OpenDraft(record, text)


def save_reviewed(directory: Path, draft: OpenDraft, *, replaces: str | None = None) -> Path:
    """Write ``draft`` (article text, then record) atomically; return the record's path.

    ``replaces`` is the id the draft was opened under: when the reviewer changed the id,
    that draft is removed once the new one is written.

    Raises
    ------
    DraftError
        If the id is not a draft id or the record is not a valid draft (each problem
        names the draft file and the field); nothing is written then.

    """
    draft_id = check_draft_id(str(draft.record.get("id") or ""))
    _, problems = parse_records(draft_file(draft_id), [draft.record], DraftRecord)
    if problems:
        raise DraftError(problems)
    path = directory / draft_file(draft_id)
    with data_lock(directory):
        write_text_atomic(directory / article_file(draft_id), draft.text)
        write_text_atomic(path, draft_yaml(draft.record))
        if replaces and replaces != draft_id and (directory / draft_file(replaces)).is_file():
            drop_draft(directory, replaces)
    return path


def publish_reviewed(directory: Path, draft: OpenDraft, *, replaces: str | None = None) -> Event:
    """Save ``draft`` as reviewed, then publish it into the catalogue.

    Raises
    ------
    DraftError
        If it cannot be saved, is not a complete event, or the catalogue with it would
        have a problem; the draft stays saved with the reviewer's corrections.

    """
    with data_lock(directory):  # no other change between saving and publishing
        save_reviewed(directory, draft, replaces=replaces)
        return publish_draft(directory, str(draft.record["id"]))


def read_upload(name: str, data: bytes) -> Article:
    """An uploaded ``.txt`` or ``.html`` file, read as ``corridors ingest`` reads a file.

    The engine reads articles from paths; the upload goes into a private temporary folder
    under a fixed name with the upload's suffix, and errors name the upload.

    Raises
    ------
    ArticleError
        As :func:`~corridors.ingest.reading.read_article`, naming ``name``.

    """
    suffix = ".html" if Path(name).suffix.lower() in (".html", ".htm") else ".txt"
    with tempfile.TemporaryDirectory(prefix="corridors-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except ArticleError as error:
            raise ArticleError(str(error).replace(str(path), name)) from None
    return dataclasses.replace(article, name=name)

"""The drafts folder (``<data>/drafts/``): save, list, read and drop drafts.

A draft is two files: ``<id>.yaml`` (the draft record, see :mod:`corridors.ingest.draft_record`)
and ``<id>.txt``, the article text its evidence offsets point into. Both are written
atomically, and saved or dropped together holding the data directory's lock
(:mod:`corridors.core.locking`); drafts are read through the catalogue's safe reader
(regular files inside the data directory, bounded size, YAML without aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml

from corridors.core.atomic import write_text_atomic
from corridors.core.errors import CorridorsError, Problem, ProblemKind
from corridors.core.locking import data_lock
from corridors.data.catalog import Catalog
from corridors.data.validate import parse_records, read_document
from corridors.ingest.draft_record import DRAFTS_DIR, DraftRecord, draft_record, missing_fields
from corridors.ingest.propose import Proposal

_DRAFT_ID: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: The date an id starts with (``2025-08-07-agreement-…``), or ``undated-`` for none.
_DATED: Final = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|undated)-(?=.)")
_DAY: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DraftError(CorridorsError):
    """A draft is missing, unreadable or invalid; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class DraftSummary:
    """One line of ``corridors drafts``: a draft and what it still lacks."""

    id: str
    date: str | None
    kind: str | None
    title: str
    features: tuple[str, ...]
    #: Problems that stop publishing it (missing sources, summary ...), or why it is unreadable.
    problems: tuple[Problem, ...]


def draft_file(draft_id: str) -> str:
    """The draft's file, relative to the data directory (``drafts/<id>.yaml``)."""
    return f"{DRAFTS_DIR}/{draft_id}.yaml"


def article_file(draft_id: str) -> str:
    """The draft's article text, relative to the data directory (``drafts/<id>.txt``)."""
    return f"{DRAFTS_DIR}/{draft_id}.txt"


def save_draft(directory: Path, proposal: Proposal, catalog: Catalog) -> Path:
    """Write the draft of ``proposal`` (record and article text); return the record's path."""
    record = draft_record(proposal, catalog)
    path = directory / draft_file(proposal.id)
    with data_lock(directory):
        write_text_atomic(directory / article_file(proposal.id), proposal.article.text)
        write_text_atomic(path, draft_yaml(record))
    return path


def draft_yaml(record: dict[str, Any]) -> str:
    """A draft record as YAML, with a header saying what it is."""
    header = (
        "# Draft event proposed by `corridors ingest`: UNREVIEWED.\n"
        "# Check every field against the article (drafts/<id>.txt; evidence offsets point\n"
        "# into it), add the sources and the en and ar title and summary, then run\n"
        "# `corridors publish <id>`. The draft block is left out of the catalogue.\n"
    )
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1_000_000)
    return header + body


def load_draft(directory: Path, draft_id: str) -> dict[str, Any]:
    """The record of draft ``draft_id``, checked as a draft.

    Raises
    ------
    DraftError
        If the id is not a draft id, the file is missing or unreadable, or the record is
        not a valid draft (each problem names the file, record and field).

    """
    filename = draft_file(check_draft_id(draft_id))
    document, problems = read_document(directory, filename)
    if problems:
        raise DraftError(problems)
    if not isinstance(document, dict):
        raise DraftError(
            [Problem(filename, None, None, ProblemKind.UNREADABLE, "not a draft record")]
        )
    _, problems = parse_records(filename, [document], DraftRecord)
    if problems:
        raise DraftError(problems)
    return document


def list_drafts(directory: Path) -> list[DraftSummary]:
    """Every draft in the folder, by id, with what stops each from being published."""
    folder = directory / DRAFTS_DIR
    if not folder.is_dir():
        return []
    return [_summary(directory, path.stem) for path in sorted(folder.glob("*.yaml"))]


def drop_draft(directory: Path, draft_id: str) -> None:
    """Delete draft ``draft_id`` (record and article text).

    Raises
    ------
    DraftError
        If there is no such draft.

    """
    record = directory / draft_file(check_draft_id(draft_id))
    with data_lock(directory):
        if not record.is_file():
            raise DraftError([_no_draft(draft_id)])
        record.unlink()
        (directory / article_file(draft_id)).unlink(missing_ok=True)


def dated_id(draft_id: str, date: object) -> str:
    """``draft_id`` starting with ``date`` when it starts with a date (or ``undated``).

    Ids are built from the date and a slug (``2025-08-07-agreement-1a2b3c4d``): a corrected
    date corrects the id. An id that starts with no date, or a value that is no day, is
    left as it is.
    """
    day = str(date or "").strip()
    if not _DAY.match(day) or not _DATED.match(draft_id):
        return draft_id
    return _DATED.sub(f"{day}-", draft_id, count=1)


def check_draft_id(draft_id: str) -> str:
    """``draft_id`` if it is a draft id (a lowercase slug), else :class:`DraftError`."""
    if not _DRAFT_ID.match(draft_id) or len(draft_id) > 64:
        raise DraftError(
            [
                Problem(
                    DRAFTS_DIR,
                    None,
                    None,
                    ProblemKind.INVALID_VALUE,
                    f"{draft_id[:80]!r} is not a draft id (a lowercase slug, as `corridors "
                    "drafts` lists them)",
                )
            ]
        )
    return draft_id


def _summary(directory: Path, draft_id: str) -> DraftSummary:
    try:
        record = load_draft(directory, draft_id)
    except DraftError as error:
        return DraftSummary(draft_id, None, None, "", (), error.problems)
    title = record.get("title") or {}
    return DraftSummary(
        id=draft_id,
        date=record.get("date"),
        kind=record.get("kind"),
        title=next(iter(title.values()), ""),
        features=tuple(record.get("features") or ()),
        problems=tuple(missing_fields(draft_file(draft_id), record)),
    )


def _no_draft(draft_id: str) -> Problem:
    return Problem(draft_file(draft_id), None, None, ProblemKind.MISSING_FILE, "no such draft")

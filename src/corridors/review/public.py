"""Drafts in the public app: only when it is started to show them, read-only, marked.

``corridors serve --show-drafts`` (or ``$CORRIDORS_SHOW_DRAFTS=1``) turns it on; without
it the public app never looks at the drafts folder. Drafts are read with the engine's
reader (safe reads, the draft model); one that cannot be read is reported, not dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from corridors.core import settings
from corridors.core.cache import FilesSignature, files_signature, shared_cache
from corridors.core.environment import SHOW_DRAFTS_ENV, flag
from corridors.core.errors import Problem
from corridors.core.normalise import fold, readings
from corridors.data.catalog import Catalog
from corridors.data.models import EventKind
from corridors.data.search import feature_names
from corridors.data.timeline import DateRange
from corridors.ingest.draft_files import DraftError, list_drafts, load_draft
from corridors.ingest.draft_record import DRAFTS_DIR, DraftRecord


def drafts_shown(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the public app was started to show drafts (``$CORRIDORS_SHOW_DRAFTS``)."""
    return flag(SHOW_DRAFTS_ENV, environ)


@dataclass(frozen=True)
class DraftShelf:
    """The drafts of a data directory, by id, and the ids and problems of those unreadable."""

    drafts: tuple[DraftRecord, ...]
    unreadable: tuple[str, ...]
    problems: tuple[Problem, ...]


def read_drafts(directory: Path) -> DraftShelf:
    """The drafts in ``directory/drafts`` (read again only when the folder changed)."""
    return _shelf(str(directory), _signature(directory / DRAFTS_DIR))


def _signature(folder: Path) -> FilesSignature:
    """The folder's files by name, change time and size: changes when a draft does."""
    return files_signature(folder.iterdir()) if folder.is_dir() else ()


@shared_cache(maxsize=settings.cached_drafts_dirs)
def _shelf(directory: str, signature: FilesSignature) -> DraftShelf:
    del signature  # part of the cache key only
    drafts: list[DraftRecord] = []
    unreadable: list[str] = []
    problems: list[Problem] = []
    for summary in list_drafts(Path(directory)):
        try:
            drafts.append(DraftRecord.model_validate(load_draft(Path(directory), summary.id)))
        except DraftError as error:
            unreadable.append(summary.id)
            problems.extend(error.problems)
    return DraftShelf(tuple(drafts), tuple(unreadable), tuple(problems))


def drafts_in_view(
    catalog: Catalog,
    drafts: Sequence[DraftRecord],
    dates: DateRange,
    kinds: frozenset[EventKind] | None,
    query: str = "",
) -> tuple[DraftRecord, ...]:
    """The drafts a view shows, the newest first (undated ones last).

    A draft's date must be in ``dates`` and its kind among ``kinds``, when it has them
    (a draft may still lack both); ``query`` is matched as the event list's search is.
    """
    words = fold(query).split()
    shown = [
        draft
        for draft in drafts
        if (draft.date is None or dates.start <= draft.date <= dates.end)
        and (kinds is None or draft.kind is None or draft.kind in kinds)
        and all(any(r in _words(catalog, draft) for r in readings(w)) for w in words)
    ]
    return tuple(sorted(shown, key=lambda d: (d.date or dt.date.min, d.id), reverse=True))


def _words(catalog: Catalog, draft: DraftRecord) -> str:
    parts = [*draft.title.values(), *draft.summary.values()]
    parts.extend(name for actor in draft.actors for name in actor.values())
    for feature in draft.features:
        try:
            parts.extend(feature_names(catalog, feature))
        except KeyError:  # shown by id; the draft's validation names it
            parts.append(feature)
    return fold(" ".join(parts))

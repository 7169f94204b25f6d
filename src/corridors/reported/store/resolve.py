"""Living imports: how the rows of one event across batches resolve to the one shown.

ACLED revises and deletes events; the store's batches are append-only files, each written
whole and renamed into place (:mod:`corridors.reported.store.parquet`). Two designs keep
every write atomic:

- rewriting the batch files that hold a revised or deleted event: one import may touch
  events of many batches, and no rename replaces several files at once, so a failure
  between two renames would leave some files rewritten and others not (or an event
  twice), and the import could not be undone;
- superseding rows (the design kept): an import writes one new batch, as any import does,
  holding the new rows and the newer versions of stored events; a deleted-events list
  writes one batch of tombstones (the stored row again, ``deleted`` true, ``changed_at``
  the deletion's time). Nothing existing is touched, so the one rename is still the
  whole write, and removing that batch (``corridors imports remove FILE``) undoes it.

Readers resolve each ``(source, event_id)`` to its row with the latest ``changed_at`` (a
tombstone before a row of the same time; a row without ``changed_at``, imported before the
store kept it, last) and leave tombstones out. Writers add a row for a stored event only
when it is strictly newer (:func:`supersedes`), so no two live rows of an event tie. Only
the events named in a batch marked as revising
(:data:`~corridors.reported.store.batches.REVISES_KEY`, the query's ``$revising``) can
have more than one row: the others are read as they are (an anti-join on those ids), and
only those few are ranked. A store that only ever added events is read as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

#: Every stored row: a column a batch lacks (one written before the column existed,
#: :data:`~corridors.reported.store.schema.LATER_COLUMNS`) null, even when no batch has it.
_STORED: Final = (
    "SELECT * FROM read_parquet($files, union_by_name = true) UNION ALL BY NAME "
    "SELECT NULL::VARCHAR AS precision, NULL::DATE AS date_added, "
    "NULL::TIMESTAMP AS changed_at, NULL::BOOLEAN AS deleted WHERE FALSE"
)
#: The events named by a revising batch (``$revising``).
_REVISED: Final = "(SELECT DISTINCT source, event_id FROM read_parquet($revising))"
#: Each event's rows as they are when no revising batch names it; its latest row otherwise.
_LATEST: Final = (
    f"WITH stored AS ({_STORED}) "  # noqa: S608 (constants only)
    f"SELECT s.* FROM stored s ANTI JOIN {_REVISED} r "
    "ON s.source = r.source AND s.event_id = r.event_id "
    f"UNION ALL SELECT s.* FROM stored s SEMI JOIN {_REVISED} r "
    "ON s.source = r.source AND s.event_id = r.event_id "
    "QUALIFY row_number() OVER (PARTITION BY s.source, s.event_id "
    "ORDER BY s.changed_at DESC NULLS LAST, s.deleted DESC NULLS LAST) = 1"
)


@dataclass(frozen=True, slots=True)
class Stored:
    """What a writer knows of a stored event: its last change, and whether it is deleted."""

    changed_at: dt.datetime | None
    deleted: bool


def latest_sql(*, resolve: bool) -> str:
    """A query of each event's latest row, tombstones included, from the batches ``$files``.

    ``resolve`` is whether some batches revise (``$revising`` names them); otherwise every
    row is its event's latest.
    """
    return f"SELECT * FROM ({_LATEST if resolve else _STORED})"  # noqa: S608 (constants only)


def events_sql(*, resolve: bool) -> str:
    """The ``WITH events AS (...)`` prefix of a query: the events shown (no tombstones)."""
    return (
        f"WITH events AS (SELECT * FROM ({latest_sql(resolve=resolve)}) "  # noqa: S608 (constants only)
        "WHERE deleted IS NOT TRUE) "
    )


def supersedes(changed_at: dt.datetime | None, stored: Stored) -> bool:
    """Whether a row changed at ``changed_at`` replaces the stored one: strictly newer.

    A row that says nothing of its last change replaces nothing; one that does replaces a
    stored row that said nothing (imported before the store kept it).
    """
    if changed_at is None:
        return False
    return stored.changed_at is None or changed_at > stored.changed_at

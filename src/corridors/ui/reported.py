"""The one filter of the reported events, from the session's choices."""

from __future__ import annotations

from corridors.cells import parse_cell
from corridors.store import EventQuery
from corridors.ui import session


def reported_query(*, feature: str | None = None, cell: str | None = None) -> EventQuery:
    """The reported events in the date range, of the chosen kinds and sources.

    ``feature`` narrows them to those linked to a map feature, ``cell`` (an H3 name, as
    :data:`session.CELL` holds it) to those in a cell.

    Raises
    ------
    ValueError
        If ``cell`` is not the name of a cell (the session only ever holds valid ones).

    """
    dates = session.date_range()
    chosen = parse_cell(cell) if cell else None
    if cell and chosen is None:
        raise ValueError(f"not a map cell: {cell!r}")
    return EventQuery(
        start=dates.start,
        end=dates.end,
        kinds=frozenset(session.reported_kinds()),
        sources=frozenset(session.sources()),
        feature=feature,
        cell=chosen,
    )

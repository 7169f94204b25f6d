"""The one filter of reported (imported) events: the session's dates, kinds and sources."""

from __future__ import annotations

from corridors.geo.cells import parse_cell
from corridors.reported.store import EventQuery
from corridors.ui.common.data import imported_sources
from corridors.ui.dashboard import session


def reported_query(*, feature: str | None = None, cell: str | None = None) -> EventQuery:
    """The reported events the session shows, narrowed to a map feature and an H3 cell.

    Parameters
    ----------
    feature
        A map feature id the events must be linked to.
    cell
        An H3 cell in its text form (as ``session.CELL`` holds it) that must hold them.

    Raises
    ------
    ValueError
        If ``cell`` does not name an H3 cell the store can filter by.

    """
    cell_id = None
    if cell is not None:
        cell_id = parse_cell(cell)
        if cell_id is None:
            raise ValueError(f"{cell!r} is not a map cell")
    dates = session.date_range()
    return EventQuery(
        start=dates.start,
        end=dates.end,
        kinds=frozenset(session.reported_kinds()),
        sources=frozenset(session.sources()),
        feature=feature,
        cell=cell_id,
    )


def reported_drawn() -> bool:
    """Whether reported events are shown: the store holds some and a source of them is on."""
    return bool(set(imported_sources()) & session.sources())

"""Playback: time moving over the catalogue, in three modes, at a speed in data time.

A playback moves a *playhead* (a day) and shows a range that ends on it: everything from a
start that stays (``cumulative``), the last ``window`` days (``window``), or everything up
to the current milestone (``milestones``, which jumps from one milestone to the next and
holds on each). Speed is data time per second of playback (a day, a week, a month, a
quarter per second, or any number of days), so a pass over six years and a pass over one
month both make sense.

Time comes from the wall clock: :func:`advance` is told how many seconds passed since the
last frame, however long that frame took, so a slow frame makes the next one jump further
(frames are dropped, not time). The same functions make the frames of an exported
animation (:func:`frame_days`), so the export shows what the page plays.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from corridors.data.agreement_models import Agreement, LifecycleStage
from corridors.data.models import Corridor, Event, EventKind, StatusChange
from corridors.data.timeline import DateRange

if TYPE_CHECKING:  # (the catalogue brings shapely: a command's --help need not load it)
    from corridors.data.catalog import Catalog


class PlayMode(StrEnum):
    """How the shown range follows the playhead."""

    CUMULATIVE = "cumulative"
    WINDOW = "window"
    MILESTONES = "milestones"


#: Named speeds, in days of data per second of playback (a month: a mean Gregorian month).
SPEEDS: Final = {"day": 1.0, "week": 7.0, "month": 30.436875, "quarter": 91.310625}
#: The kinds of events that are milestones (with agreement stages and status changes).
MILESTONE_KINDS: Final = frozenset(
    {EventKind.SUMMIT, EventKind.AGREEMENT, EventKind.DECLARATION, EventKind.EXECUTIVE_ACTION}
)


@dataclass(frozen=True, slots=True)
class Playback:
    """How time plays: the mode, the speed (days per second), the window, and whether it runs.

    ``elapsed`` is the playback time not yet turned into a whole step: the fraction of a
    day (cumulative, window) or the seconds already held on a milestone.
    """

    mode: PlayMode = PlayMode.CUMULATIVE
    speed: float = SPEEDS["month"]
    window: int = 90
    playing: bool = False
    elapsed: float = 0.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.speed) and self.speed > 0):
            raise ValueError(f"playback speed must be a positive number of days, not {self.speed}")
        if self.window < 1:
            raise ValueError(f"playback window must be at least one day, not {self.window}")


@dataclass(frozen=True, slots=True)
class EventMilestone:
    """A milestone event (a summit, an agreement, a declaration, an executive action)."""

    day: dt.date
    event: Event


@dataclass(frozen=True, slots=True)
class StageMilestone:
    """An agreement reaching a lifecycle stage (signed, initialled, in force, ...)."""

    day: dt.date
    agreement: Agreement
    stage: LifecycleStage


@dataclass(frozen=True, slots=True)
class StatusMilestone:
    """A corridor's status changing (proposed, under construction, operating, ...)."""

    day: dt.date
    corridor: Corridor
    change: StatusChange


Milestone = EventMilestone | StageMilestone | StatusMilestone


def milestones(catalog: Catalog) -> tuple[Milestone, ...]:
    """Every milestone of the catalogue, in date order (events first on a shared day)."""
    found: list[Milestone] = [
        EventMilestone(event.date, event)
        for event in catalog.events
        if event.kind in MILESTONE_KINDS
    ]
    found += [
        StageMilestone(stage.date, agreement, stage)
        for agreement in catalog.agreements
        for stage in agreement.lifecycle
    ]
    found += [
        StatusMilestone(change.since, corridor, change)
        for corridor in catalog.corridors
        for change in corridor.status_history
    ]
    order = (EventMilestone, StageMilestone, StatusMilestone)
    return tuple(sorted(found, key=lambda item: (item.day, order.index(type(item)))))


def milestone_days(found: Sequence[Milestone], span: DateRange) -> tuple[dt.date, ...]:
    """The distinct days of ``found`` inside ``span``, in order."""
    return tuple(sorted({item.day for item in found if item.day in span}))


def shown_range(playback: Playback, *, start: dt.date, day: dt.date, span: DateRange) -> DateRange:
    """The range shown when the playhead is on ``day`` (``start``: where a cumulative play began).

    A window never reaches before the catalogue's first day; a cumulative range never starts
    after its playhead.
    """
    if playback.mode is PlayMode.WINDOW:
        first = max(day - dt.timedelta(days=playback.window - 1), span.start)
        return DateRange(min(first, day), day)
    return DateRange(min(start, day), day)


def advance(
    playback: Playback,
    day: dt.date,
    seconds: float,
    *,
    span: DateRange,
    days: Sequence[dt.date] = (),
    hold: float = 3.0,
) -> tuple[Playback, dt.date]:
    """The playback and playhead ``seconds`` of wall time after ``day``.

    Cumulative and window plays move ``speed`` days a second; a milestones play moves to the
    next of ``days`` each ``hold`` seconds. Playing stops on the span's last day (or the last
    milestone).
    """
    seconds = max(seconds, 0.0)
    if playback.mode is PlayMode.MILESTONES:
        held = playback.elapsed + seconds
        steps = int(held // hold)
        after = _milestone_after(days, day, steps) if steps else day
        moved = replace(playback, elapsed=held - steps * hold)
        return _stopped_at_last(moved, after, days[-1] if days else day)
    travelled = playback.elapsed + seconds * playback.speed
    whole = math.floor(travelled)
    after = min(day + dt.timedelta(days=whole), span.end)
    moved = replace(playback, elapsed=travelled - whole)
    return _stopped_at_last(moved, after, span.end)


def step(
    playback: Playback, day: dt.date, forward: bool, *, span: DateRange, days: Sequence[dt.date]
) -> dt.date:
    """The playhead one step from ``day``: a second of playback, or the next milestone."""
    if playback.mode is PlayMode.MILESTONES:
        return _milestone_after(days, day, 1 if forward else -1)
    change = dt.timedelta(days=max(1, round(playback.speed)))
    moved = day + change if forward else day - change
    return min(max(moved, span.start), span.end)


def first_day(
    playback: Playback, *, start: dt.date, span: DateRange, days: Sequence[dt.date]
) -> dt.date:
    """Where a play from the beginning puts the playhead (Home, or play from the end)."""
    if playback.mode is PlayMode.MILESTONES:
        return days[0] if days else span.start
    if playback.mode is PlayMode.WINDOW:
        return min(span.start + dt.timedelta(days=playback.window - 1), span.end)
    return start


def last_day(playback: Playback, *, span: DateRange, days: Sequence[dt.date]) -> dt.date:
    """The playhead's last day (End)."""
    if playback.mode is PlayMode.MILESTONES and days:
        return days[-1]
    return span.end


def frame_days(
    playback: Playback,
    *,
    first: dt.date,
    last: dt.date,
    fps: float,
    days: Sequence[dt.date] = (),
    hold: float = 3.0,
) -> tuple[dt.date, ...]:
    """The playhead of each frame of a play from ``first`` to ``last`` at ``fps`` frames a second.

    The frames an exported animation draws: what :func:`advance` gives at each frame's time.
    """
    span = DateRange(first, max(last, first))
    moving = replace(playback, playing=True, elapsed=0.0)
    day = first
    frames = [day]
    while moving.playing:
        moving, day = advance(moving, day, 1 / fps, span=span, days=days, hold=hold)
        frames.append(day)
    return tuple(frames)


def _milestone_after(days: Sequence[dt.date], day: dt.date, steps: int) -> dt.date:
    """The milestone ``steps`` on from ``day`` (back when negative), within the list."""
    if not days:
        return day
    if steps >= 0:
        later = [index for index, each in enumerate(days) if each > day]
        start = later[0] - 1 if later else len(days) - 1
    else:
        earlier = [index for index, each in enumerate(days) if each < day]
        start = earlier[-1] + 1 if earlier else 0
    return days[min(max(start + steps, 0), len(days) - 1)]


def _stopped_at_last(playback: Playback, day: dt.date, last: dt.date) -> tuple[Playback, dt.date]:
    """``playback`` paused once the playhead reaches ``last``."""
    if day >= last:
        return replace(playback, playing=False, elapsed=0.0), last
    return playback, day

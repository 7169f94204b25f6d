"""Playback: the playhead moves in data time, drops frames not time, stops at the end."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from corridors.data.catalog import load_catalog
from corridors.data.models import EventKind
from corridors.data.playback import (
    MILESTONE_KINDS,
    SPEEDS,
    EventMilestone,
    Playback,
    PlayMode,
    StageMilestone,
    StatusMilestone,
    advance,
    first_day,
    frame_days,
    last_day,
    milestone_days,
    milestones,
    shown_range,
    step,
)
from corridors.data.timeline import DateRange

SPAN = DateRange(dt.date(2020, 1, 1), dt.date(2026, 3, 11))
DAYS = (dt.date(2020, 11, 10), dt.date(2021, 1, 11), dt.date(2025, 8, 8))
WEEKLY = Playback(speed=SPEEDS["week"], playing=True)


def test_speed_is_data_time_per_second_of_wall_time() -> None:
    moved, day = advance(WEEKLY, dt.date(2025, 8, 1), 1.0, span=SPAN)
    assert day == dt.date(2025, 8, 8)
    assert moved.playing
    _, day = advance(
        dataclasses.replace(WEEKLY, speed=SPEEDS["quarter"]), SPAN.start, 4.0, span=SPAN
    )
    assert (day - SPAN.start).days == round(4 * SPEEDS["quarter"])


def test_a_slow_frame_jumps_further_rather_than_losing_time() -> None:
    """Four frames of a quarter second, or one slow frame of a second: the same day."""
    playback, day = WEEKLY, SPAN.start
    for _ in range(4):
        playback, day = advance(playback, day, 0.25, span=SPAN)
    _, slow = advance(WEEKLY, SPAN.start, 1.0, span=SPAN)
    assert day == slow == SPAN.start + dt.timedelta(days=7)


def test_fractions_of_a_day_add_up_across_frames() -> None:
    """At a day per second, ten frames of a tenth of a second make one day."""
    playback, day = Playback(speed=SPEEDS["day"], playing=True), SPAN.start
    for _ in range(9):
        playback, day = advance(playback, day, 0.1, span=SPAN)
    assert day == SPAN.start
    _, day = advance(playback, day, 0.11, span=SPAN)
    assert day == SPAN.start + dt.timedelta(days=1)


def test_playing_stops_on_the_last_day() -> None:
    playback, day = advance(WEEKLY, SPAN.end - dt.timedelta(days=3), 1.0, span=SPAN)
    assert day == SPAN.end
    assert not playback.playing


def test_milestones_hold_then_jump_to_the_next() -> None:
    playback = Playback(mode=PlayMode.MILESTONES, playing=True)
    held, day = advance(playback, DAYS[0], 2.9, span=SPAN, days=DAYS, hold=3.0)
    assert day == DAYS[0]
    assert held.playing
    moved, day = advance(held, day, 0.2, span=SPAN, days=DAYS, hold=3.0)
    assert day == DAYS[1]
    assert moved.elapsed == pytest.approx(0.1)
    last, day = advance(moved, day, 3.0, span=SPAN, days=DAYS, hold=3.0)
    assert day == DAYS[2]
    assert not last.playing  # the last milestone ends the play


def test_a_milestones_play_from_between_milestones_goes_to_the_next() -> None:
    playback = Playback(mode=PlayMode.MILESTONES, playing=True)
    _, day = advance(playback, dt.date(2023, 1, 1), 3.0, span=SPAN, days=DAYS, hold=3.0)
    assert day == DAYS[2]


def test_shown_range_per_mode() -> None:
    day = dt.date(2025, 8, 8)
    cumulative = shown_range(Playback(), start=dt.date(2020, 1, 1), day=day, span=SPAN)
    assert cumulative == DateRange(dt.date(2020, 1, 1), day)
    window = shown_range(
        Playback(mode=PlayMode.WINDOW, window=90), start=SPAN.start, day=day, span=SPAN
    )
    assert window == DateRange(day - dt.timedelta(days=89), day)
    early = shown_range(
        Playback(mode=PlayMode.WINDOW, window=90),
        start=SPAN.start,
        day=dt.date(2020, 1, 10),
        span=SPAN,
    )
    assert early.start == SPAN.start  # a window never reaches before the data


def test_steps_are_a_second_of_playback_or_a_milestone() -> None:
    day = dt.date(2025, 8, 8)
    assert step(WEEKLY, day, True, span=SPAN, days=DAYS) == dt.date(2025, 8, 15)
    assert step(WEEKLY, day, False, span=SPAN, days=DAYS) == dt.date(2025, 8, 1)
    assert step(WEEKLY, SPAN.end, True, span=SPAN, days=DAYS) == SPAN.end
    by_milestone = Playback(mode=PlayMode.MILESTONES)
    assert step(by_milestone, dt.date(2021, 1, 11), True, span=SPAN, days=DAYS) == DAYS[2]
    assert step(by_milestone, dt.date(2021, 1, 11), False, span=SPAN, days=DAYS) == DAYS[0]
    assert step(by_milestone, dt.date(2023, 5, 5), False, span=SPAN, days=DAYS) == DAYS[1]
    assert step(by_milestone, DAYS[0], False, span=SPAN, days=DAYS) == DAYS[0]


def test_home_and_end() -> None:
    window = Playback(mode=PlayMode.WINDOW, window=30)
    assert first_day(window, start=SPAN.start, span=SPAN, days=DAYS) == SPAN.start + dt.timedelta(
        days=29
    )
    assert first_day(Playback(), start=dt.date(2024, 1, 1), span=SPAN, days=DAYS) == dt.date(
        2024, 1, 1
    )
    by_milestone = Playback(mode=PlayMode.MILESTONES)
    assert first_day(by_milestone, start=SPAN.start, span=SPAN, days=DAYS) == DAYS[0]
    assert last_day(by_milestone, span=SPAN, days=DAYS) == DAYS[-1]
    assert last_day(window, span=SPAN, days=DAYS) == SPAN.end


def test_frame_days_are_what_advance_gives_at_each_frame() -> None:
    frames = frame_days(
        Playback(speed=SPEEDS["month"]), first=SPAN.start, last=dt.date(2020, 12, 31), fps=4
    )
    assert frames[0] == SPAN.start
    assert frames[-1] == dt.date(2020, 12, 31)
    assert len(frames) == pytest.approx(366 / SPEEDS["month"] * 4, abs=2)
    assert list(frames) == sorted(frames)
    held = frame_days(
        Playback(mode=PlayMode.MILESTONES), first=DAYS[0], last=DAYS[-1], fps=2, days=DAYS, hold=1.5
    )
    assert [held.count(day) for day in DAYS] == [3, 3, 1]


def test_bad_speed_or_window_is_refused() -> None:
    for speed in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="speed"):
            Playback(speed=speed)
    with pytest.raises(ValueError, match="window"):
        Playback(window=0)


def test_the_catalogue_s_milestones() -> None:
    """Milestone events, agreement stages and status changes, in date order."""
    catalog = load_catalog()
    found = milestones(catalog)
    assert [item.day for item in found] == sorted(item.day for item in found)
    events = {item.event.id for item in found if isinstance(item, EventMilestone)}
    assert events == {event.id for event in catalog.events if event.kind in MILESTONE_KINDS}
    assert "washington-joint-declaration" in events
    stages = [item for item in found if isinstance(item, StageMilestone)]
    assert len(stages) == sum(len(agreement.lifecycle) for agreement in catalog.agreements)
    statuses = [item for item in found if isinstance(item, StatusMilestone)]
    assert len(statuses) == sum(len(corridor.status_history) for corridor in catalog.corridors)
    assert EventKind.CONFLICT not in MILESTONE_KINDS
    days = milestone_days(found, DateRange(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert dt.date(2025, 8, 8) in days
    assert len(days) == len(set(days))

"""The playback bar under the map: play and pause, step, jump; its mode, speed and window.

The buttons, keys and clock are a small component in the page (``playback_control.js``,
Streamlit components v2). While playing, it asks for a frame every
:data:`settings.playback_frame_ms`, telling how many seconds of wall time passed since the
last one; :func:`_on_action` moves the playhead by that much data time
(:func:`corridors.data.playback.advance`) and the page draws that day: the map, the
timeline, the card of the latest event and the address bar's ``to`` all follow. A frame
never waits for a slow one: a slow frame makes the next jump further.

Time runs left to right in Arabic too (the axis, the slider and the arrow keys agree):
see ``docs/decisions/2026-12-07-playback.md``. A live region announces the day when the
reader steps or pauses, and each milestone reached while playing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import streamlit as st

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.data.playback import (
    SPEEDS,
    EventMilestone,
    Milestone,
    Playback,
    PlayMode,
    StageMilestone,
    advance,
    first_day,
    last_day,
    milestone_days,
    shown_range,
    step,
)
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.ui.common.data import catalog_milestones
from corridors.ui.dashboard import session
from corridors.ui.dashboard.agreements_panel import stage_word

#: The component's key: its trigger value ``action`` is what the reader or the clock did.
CONTROL: Final = "playback_control"
#: Set while the whole page runs (not while only the playing map's fragment does).
WHOLE_PAGE: Final = "whole_page_run"

_HTML: Final = """
<div class="playback" role="group">
  <button type="button" data-action="home"></button>
  <button type="button" data-action="back"></button>
  <button type="button" data-action="toggle" class="toggle"></button>
  <button type="button" data-action="forward"></button>
  <button type="button" data-action="end"></button>
  <span class="status"></span>
  <span class="live" role="status" aria-live="polite" aria-atomic="true"></span>
</div>
"""
_CSS: Final = """
.playback { display: flex; align-items: center; gap: 0.35rem; flex-wrap: wrap;
  font-family: var(--st-font); color: var(--st-text-color); }
.playback button { min-width: 2.75rem; min-height: 2.75rem; border-radius: 0.5rem;
  border: 1px solid #5f6368; background: #ffffff; color: #202124; font-size: 1rem;
  cursor: pointer; display: inline-flex; align-items: center; justify-content: center; }
.playback svg { fill: currentColor; }
.playback button.toggle { background: #1a5fb4; border-color: #1a5fb4; color: #ffffff; }
.playback button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.playback .status { margin-inline-start: 0.5rem; font-weight: 600; }
.playback .live { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }
"""
_control = st.components.v2.component(
    "corridors.playback",
    html=_HTML,
    css=_CSS,
    js=(Path(__file__).parent / "playback_control.js").read_text(encoding="utf-8"),
)


def render_playback(
    catalog: Catalog, span: DateRange, translate: Translator, *, compact: bool = False
) -> None:
    """The bar: buttons and the day shown, then the mode, speed and window choices.

    ``compact`` (presenter mode): the buttons and the day only; the step's link sets the
    mode and the speed.
    """
    playback = session.playback()
    day = session.date_range().end
    with st.container(horizontal=True, key="playback-bar", vertical_alignment="center"):
        _control(
            data={
                "day": day.isoformat(),
                "playing": playback.playing,
                "frame": st.session_state[session.PLAY_FRAME],
                "handled": st.session_state[session.PLAY_HANDLED],
                "frameMs": settings.playback_frame_ms,
                "status": translate("playback.status", date=translate.date(day)),
                "announce": _announcement(catalog, playback, day, translate),
                "rtl": translate.rtl,
                "texts": _texts(translate),
            },
            key=CONTROL,
            on_action_change=lambda: _on_action(span),
            on_tick_change=lambda: _on_tick(span),
        )
        if not compact:
            _render_choices(translate)


@contextmanager
def whole_page_run() -> Iterator[None]:
    """Mark the run of the whole page (a frame of the playing map runs only its fragment)."""
    st.session_state[WHOLE_PAGE] = True
    try:
        yield
    finally:
        st.session_state[WHOLE_PAGE] = False


def in_whole_page_run() -> bool:
    """Whether the whole page runs now (else only the playing map's fragment)."""
    return bool(st.session_state.get(WHOLE_PAGE))


def current_event(events: tuple[Event, ...], day: dt.date) -> Event | None:
    """The latest of ``events`` on or before ``day`` (the card shown while playing)."""
    before = [event for event in events if event.date <= day]
    return max(before, key=lambda event: event.date) if before else None


def _render_choices(translate: Translator) -> None:
    """Mode, speed and (for a moving window) its width in days."""
    st.segmented_control(
        translate("playback.mode"),
        options=[str(mode) for mode in PlayMode],
        format_func=lambda mode: translate(f"playback.modes.{mode}"),
        key=session.PLAY_MODE,
        required=True,
        label_visibility="collapsed",
    )
    speed = st.session_state[session.PLAY_SPEED]
    st.selectbox(
        translate("playback.speed"),
        options=sorted({*SPEEDS.values(), speed}),
        format_func=lambda days: _speed_name(days, translate),
        key=session.PLAY_SPEED,
        label_visibility="collapsed",
        width=200,
    )
    if st.session_state[session.PLAY_MODE] == PlayMode.WINDOW:
        st.number_input(
            translate("playback.window"),
            min_value=1,
            max_value=settings.max_playback_window,
            step=30,
            key=session.PLAY_WINDOW,
            width=150,
        )


def _speed_name(days: float, translate: Translator) -> str:
    named = next((name for name, each in SPEEDS.items() if each == days), None)
    if named:
        return translate(f"playback.speeds.{named}")
    return translate("playback.speeds.custom", days=translate.number(days))


def _texts(translate: Translator) -> dict[str, str]:
    names = ("controls", "play", "pause", "back", "forward", "home", "end")
    return {name: translate(f"playback.{name}") for name in names}


def _on_tick(span: DateRange) -> None:
    """The clock: the seconds of wall time since the last frame move the playhead."""
    tick: dict[str, Any] | None = st.session_state[CONTROL].get("tick")
    playback, dates = session.playback(), session.date_range()
    if not tick or not playback.playing:
        return
    seconds = float(tick.get("seconds") or 0.0)
    days = milestone_days(catalog_milestones(), span)
    hold = settings.milestone_hold_seconds
    playback, day = advance(playback, dates.end, seconds, span=span, days=days, hold=hold)
    session.show_playhead(playback, shown_range(playback, start=dates.start, day=day, span=span))


def _on_action(span: DateRange) -> None:
    """What the reader did: play or pause (as the page, not the bar, last knew), step, jump."""
    action: dict[str, Any] | None = st.session_state[CONTROL].get("action")
    if not action or action.get("n", 0) <= st.session_state[session.PLAY_HANDLED]:
        return  # (an action sent again, already handled: a step is taken once)
    st.session_state[session.PLAY_HANDLED] = action.get("n", 0)
    playback, dates = session.playback(), session.date_range()
    days = milestone_days(catalog_milestones(), span)
    kind = action.get("kind")
    day = dates.end
    if kind == "toggle" and not playback.playing:
        if day >= last_day(playback, span=span, days=days):  # from the end: from the start
            day = first_day(playback, start=dates.start, span=span, days=days)
        playback = dataclasses.replace(playback, playing=True, elapsed=0.0)
    elif kind == "toggle":
        playback = dataclasses.replace(playback, playing=False, elapsed=0.0)
    elif kind in ("back", "forward"):
        day = step(playback, day, kind == "forward", span=span, days=days)
        playback = dataclasses.replace(playback, playing=False, elapsed=0.0)
    elif kind == "home":
        day = first_day(playback, start=dates.start, span=span, days=days)
    elif kind == "end":
        day = last_day(playback, span=span, days=days)
    session.show_playhead(playback, shown_range(playback, start=dates.start, day=day, span=span))


def _announcement(catalog: Catalog, playback: Playback, day: dt.date, translate: Translator) -> str:
    """What the live region says: a milestone reached, or the day when not playing."""
    reached = [item for item in catalog_milestones() if item.day == day]
    if reached:
        return translate(
            "playback.milestone",
            date=translate.date(day),
            title=_milestone_title(catalog, reached[0], translate),
        )
    return "" if playback.playing else translate("playback.status", date=translate.date(day))


def _milestone_title(catalog: Catalog, milestone: Milestone, translate: Translator) -> str:
    """A milestone's title in the reader's language."""
    if isinstance(milestone, EventMilestone):
        return translate.text(milestone.event.title)
    if isinstance(milestone, StageMilestone):
        return translate(
            "playback.stage",
            agreement=translate.text(milestone.agreement.short_title),
            stage=stage_word(catalog, milestone.stage, translate),
        )
    return translate(
        "playback.corridor_status",
        corridor=translate.text(milestone.corridor.names),
        status=translate(f"status.{milestone.change.status}"),
    )

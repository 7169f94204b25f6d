"""Event cards (paged), and the panel of a selected feature with its events."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

import streamlit as st

from corridors.catalog import Catalog
from corridors.i18n import Translator
from corridors.models import Boundary, Corridor, Event, EventKind, Place
from corridors.timeline import DateRange, EventIndex
from corridors.ui import session
from corridors.ui.safe import md_escape, md_link

PAGE_SIZE: Final = 8


def render_events(events: Sequence[Event], dates: DateRange, translate: Translator) -> None:
    """The events in range as cards, in date order, a page at a time."""
    st.subheader(translate("events.heading"))
    st.caption(
        translate(
            "events.count",
            count=len(events),
            start=translate.date(dates.start),
            end=translate.date(dates.end),
        )
    )
    if not events:
        st.info(translate("events.none"))
        return
    pages = math.ceil(len(events) / PAGE_SIZE)
    chosen = st.session_state.get(session.PAGE)
    if not isinstance(chosen, int) or not 1 <= chosen <= pages:
        st.session_state[session.PAGE] = 1
    if pages > 1:
        # a radio always has a value (a segmented control can be clicked off to None)
        st.radio(
            translate("events.page"),
            options=list(range(1, pages + 1)),
            format_func=translate.number,
            key=session.PAGE,
            horizontal=True,
        )
    page = st.session_state[session.PAGE]
    for event in events[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        render_card(event, translate, key_prefix="list")


def render_card(event: Event, translate: Translator, *, key_prefix: str) -> None:
    """One event: date, kind, title, summary, actors, note, sources, and a select button."""
    selected = st.session_state[session.EVENT] == event.id
    with st.container(border=True, key=f"{key_prefix}-card-{event.id}"):
        kind = translate(f"kinds.{event.kind}")
        st.caption(f"{md_escape(translate.date(event.date, event.precision))} · {md_escape(kind)}")
        st.markdown(f"**{md_escape(translate.text(event.title))}**")
        st.markdown(md_escape(translate.text(event.summary)))
        if event.actors:
            actors = translate.join_list(translate.text(actor) for actor in event.actors)
            st.caption(f"{md_escape(translate('events.actors'))}: {md_escape(actors)}")
        if event.note is not None:
            st.caption(
                f"{md_escape(translate('events.note'))}: {md_escape(translate.text(event.note))}"
            )
        links = [
            md_link(source.outlet, source.url)
            if source.url
            else f"{md_escape(source.outlet)} ({md_escape(translate('events.no_url'))})"
            for source in event.sources
        ]
        st.caption(f"{md_escape(translate('events.sources'))}: " + " · ".join(links))
        if selected:
            st.button(
                translate("selection.clear"),
                key=f"{key_prefix}-clear-{event.id}",
                on_click=session.clear_selection,
                type="primary",
            )
        else:
            st.button(
                translate("events.show"),
                key=f"{key_prefix}-show-{event.id}",
                on_click=session.select_event,
                args=(event.id,),
            )


def _other_names(record: Boundary | Place | Corridor, translate: Translator) -> list[str]:
    """Caption lines: the feature's names in other languages, each side's names, aliases."""
    label = md_escape(translate("selection.other_names"))
    lines = []
    names = [name for lang, name in record.names.items() if lang != translate.lang]
    aliases = list(dict.fromkeys([*names, *record.aliases]))
    if aliases:
        lines.append(f"{label}: " + " · ".join(md_escape(name) for name in aliases))
    if isinstance(record, Corridor):
        for other in record.other_names:
            spelled = [text for lang, text in other.name.items() if lang != translate.lang]
            variants = f" ({' · '.join(md_escape(text) for text in spelled)})" if spelled else ""
            name, used_by = translate.text(other.name), translate.text(other.used_by)
            lines.append(f"**{md_escape(name)}**{variants}: {md_escape(used_by)}")
    return lines


def render_feature(
    catalog: Catalog,
    index: EventIndex,
    feature_id: str,
    dates: DateRange,
    kinds: frozenset[EventKind],
    translate: Translator,
) -> None:
    """The selected feature: its names and the events that concern it."""
    record = catalog.feature(feature_id)
    with st.container(border=True, key="feature-panel"):
        st.subheader(md_escape(translate.text(record.names)))
        for line in _other_names(record, translate):
            st.caption(line)
        all_dates = st.toggle(translate("selection.all_dates"), key=session.ALL_DATES)
        events = (
            index.events_of(feature_id) if all_dates else index.events_of(feature_id, dates, kinds)
        )
        st.caption(translate("selection.feature_events", count=len(events)))
        st.button(
            translate("selection.clear"), key="clear-feature", on_click=session.clear_selection
        )
        if not events:
            st.info(translate("selection.none_in_range"))
        for event in events:
            render_card(event, translate, key_prefix="feature")

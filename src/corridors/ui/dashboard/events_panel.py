"""The event list (one-line rows, searched, sorted, paged) and the selected feature's panel."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.containment import parts_of, wholes_of
from corridors.data.models import (
    Boundary,
    Corridor,
    Event,
    EventKind,
    Place,
    Source,
)
from corridors.data.review_status import ReviewStatus
from corridors.data.search import search_events
from corridors.data.timeline import DateRange, EventIndex
from corridors.i18n import Translator
from corridors.i18n.review import curated_status
from corridors.i18n.when import event_when
from corridors.links.view_state import EventOrder
from corridors.ui.common.review import render_status
from corridors.ui.common.safe import md_escape, md_link
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session
from corridors.ui.dashboard.corrections_panel import render_history
from corridors.ui.dashboard.reported.panels import render_feature_reported


def render_events(
    catalog: Catalog, events: Sequence[Event], dates: DateRange, translate: Translator
) -> None:
    """The events in range as one-line rows that open to their card, a page at a time."""
    st.subheader(translate("events.heading"))
    st.caption(
        translate(
            "events.count",
            count=len(events),
            start=translate.date(dates.start),
            end=translate.date(dates.end),
        )
    )
    st.text_input(
        translate("events.search"),
        key=session.SEARCH,
        on_change=session.list_changed,
        placeholder=translate("events.search_placeholder"),
        icon=":material/search:",
        label_visibility="collapsed",
    )
    st.segmented_control(
        translate("events.order"),
        options=[str(choice) for choice in EventOrder],
        format_func=lambda choice: translate(f"events.{choice}"),
        key=session.ORDER,
        on_change=session.list_changed,
        required=True,
        label_visibility="collapsed",
    )
    found = listed_events(catalog, events)
    if found.query:
        st.caption(md_escape(translate("events.found", count=len(found.rows), query=found.query)))
    if not found.rows:
        st.info(translate("events.none"))
        return
    size = settings.events_page_size
    pages = math.ceil(len(found.rows) / size)
    page = _settle_page(pages)
    if pages > 1:
        st.pagination(pages, key=session.PAGE)
    with st.container(key="event-rows"):
        for event in found.rows[(page - 1) * size : page * size]:
            render_row(event, translate, key_prefix="list")
    if pages > 1:
        st.pagination(pages, key=session.PAGE_BOTTOM, on_change=session.page_chosen_below)


@dataclass(frozen=True)
class Listing:
    """The event list's rows on all its pages, and the search that narrowed them.

    Attributes
    ----------
    rows
        The events listed, in the list's order.
    query
        The search typed, trimmed (``""``: none).

    """

    rows: tuple[Event, ...]
    query: str


def listed_events(catalog: Catalog, events: Sequence[Event]) -> Listing:
    """The rows of the event list: ``events`` that match its search, in its order.

    The list and the Export control both call this, so that a download holds what the
    list shows (every page of it).
    """
    query = str(st.session_state[session.SEARCH]).strip()
    return Listing(search_events(catalog, ordered(events, session.event_order()), query), query)


def ordered(events: Sequence[Event], order: EventOrder) -> tuple[Event, ...]:
    """The events by date (then id), the newest or the oldest first."""
    return tuple(sorted(events, key=lambda e: (e.date, e.id), reverse=order is EventOrder.NEWEST))


def _settle_page(pages: int) -> int:
    """The page shown (kept within the pages there are); both page controls show it."""
    chosen = st.session_state.get(session.PAGE)
    if not isinstance(chosen, int) or not 1 <= chosen <= pages:
        chosen = min(chosen, pages) if isinstance(chosen, int) and chosen > 0 else 1
        st.session_state[session.PAGE] = chosen
    st.session_state[session.PAGE_BOTTOM] = chosen
    return chosen


def render_row(event: Event, translate: Translator, *, key_prefix: str) -> None:
    """One line (date, kind, title) that opens to the event's card."""
    selected = st.session_state[session.EVENT] == event.id
    kind = translate(f"kinds.{event.kind}")
    label = " · ".join(
        md_escape(part)
        for part in (
            event_when(event, translate, session.date_range(), short=True),
            kind,
            translate.text(event.title),
        )
    )
    with st.expander(label, expanded=selected, key=f"{key_prefix}-row-{event.id}"):
        _card_body(event, translate, key_prefix=key_prefix, selected=selected)


def render_card(catalog: Catalog, event: Event, translate: Translator, *, key_prefix: str) -> None:
    """One event as a card: date, kind, title, summary, actors, note, sources, a button.

    Below them, a button for each map feature the event concerns, which opens that
    feature's panel: the way to a feature that needs no pointing at the map.
    """
    selected = st.session_state[session.EVENT] == event.id
    with st.container(border=True, key=f"{key_prefix}-card-{event.id}"):
        _card_body(event, translate, key_prefix=key_prefix, selected=selected)
        _render_event_features(catalog, event, translate, key_prefix=key_prefix)


def _render_event_features(
    catalog: Catalog, event: Event, translate: Translator, *, key_prefix: str
) -> None:
    """Buttons that select the features the event concerns (their panels list their events)."""
    st.caption(translate("events.features"))
    with st.container(horizontal=True, key=f"{key_prefix}-features-{event.id}"):
        for feature_id in event.features:
            st.button(
                translate.text(catalog.feature(feature_id).names),
                key=f"{key_prefix}-feature-{event.id}-{feature_id}",
                on_click=session.select_feature,
                args=(feature_id,),
                icon=":material/location_on:",
            )


def _card_body(event: Event, translate: Translator, *, key_prefix: str, selected: bool) -> None:
    kind = translate(f"kinds.{event.kind}")
    when = event_when(event, translate, session.date_range())
    st.caption(f"{md_escape(when)} · {md_escape(kind)}")
    st.markdown(f"**{md_escape(translate.text(event.title))}**")
    st.markdown(md_escape(translate.text(event.summary)))
    if event.actors:
        actors = translate.join_list(isolate(translate.text(actor)) for actor in event.actors)
        st.caption(f"{md_escape(translate('events.actors'))}: {md_escape(actors)}")
    if event.note is not None:
        st.caption(
            f"{md_escape(translate('events.note'))}: {md_escape(translate.text(event.note))}"
        )
    st.caption(
        f"{md_escape(translate('events.sources'))}: {source_links(event.sources, translate)}"
    )
    render_status(ReviewStatus.CURATED, curated_status(event, translate))
    render_history(event, translate, with_checked=False)
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
            icon=":material/my_location:",
        )


def source_links(sources: Sequence[Source], translate: Translator) -> str:
    """Sources as markdown: each outlet a link (http(s) only), or said to have no address.

    A link whose address could not be found in any public copy (``unresolved``) says so
    beside it.
    """
    return " · ".join(_source_link(source, translate) for source in sources)


def _source_link(source: Source, translate: Translator) -> str:
    if not source.url:
        return f"{md_escape(isolate(source.outlet))} ({md_escape(translate('events.no_url'))})"
    link = md_link(source.outlet, source.url)
    if source.unresolved:
        return f"{link} ({md_escape(translate('events.unresolved_url'))})"
    return link


def other_names(record: Boundary | Place | Corridor, translate: Translator) -> list[str]:
    """Caption lines: the feature's names in other languages, then each side's names.

    The spellings seen in reporting (aliases, a score of them for the route) are not
    listed here but under :func:`render_spellings`. Every name is isolated, so that a name
    in the other script keeps its brackets and separators where they belong.
    """
    label = md_escape(translate("selection.other_names"))
    lines = []
    names = [name for lang, name in record.names.items() if lang != translate.lang]
    if names:
        lines.append(f"{label}: " + " · ".join(md_escape(isolate(name)) for name in names))
    if isinstance(record, Corridor):
        for other in record.other_names:
            spelled = [text for lang, text in other.name.items() if lang != translate.lang]
            joined = " · ".join(md_escape(isolate(text)) for text in spelled)
            variants = f" ({joined})" if spelled else ""
            name, used_by = isolate(translate.text(other.name)), translate.text(other.used_by)
            lines.append(f"**{md_escape(name)}**{variants}: {md_escape(used_by)}")
    return lines


def render_spellings(record: Boundary | Place | Corridor, translate: Translator) -> None:
    """The feature's other spellings (its aliases), folded away: find-by-name matches them."""
    spellings = [name for name in record.aliases if name not in record.names.values()]
    if spellings:
        with st.expander(translate("selection.spellings", count=len(spellings))):
            st.caption(" · ".join(md_escape(isolate(name)) for name in spellings))


def render_feature(
    catalog: Catalog,
    index: EventIndex,
    feature_id: str,
    dates: DateRange,
    kinds: frozenset[EventKind],
    translate: Translator,
) -> None:
    """The selected feature: its names, what it lies in, and the events that concern it.

    The events of a region or an autonomous republic include those of the places and
    districts inside it, and the panel says so.
    """
    record = catalog.feature(feature_id)
    with st.container(border=True, key="feature-panel"):
        st.subheader(md_escape(translate.text(record.names)))
        for line in other_names(record, translate):
            st.caption(line)
        render_spellings(record, translate)
        if isinstance(record, Corridor):
            render_history(record, translate)
        _render_wholes(catalog, feature_id, translate)
        all_dates = st.toggle(translate("selection.all_dates"), key=session.ALL_DATES)
        parts = parts_of(catalog, feature_id)
        linked = (feature_id, *parts)
        events = (
            index.events_of_any(linked) if all_dates else index.events_of_any(linked, dates, kinds)
        )
        counted = "selection.feature_events_all" if all_dates else "selection.feature_events"
        st.caption(translate(counted, count=len(events)))
        if parts:
            st.caption(translate("selection.inside", count=len(parts)))
        st.button(
            translate("selection.clear"), key="clear-feature", on_click=session.clear_selection
        )
    if not events:
        st.info(translate("selection.none_at_all" if all_dates else "selection.none_in_range"))
    with st.container(key="feature-rows"):
        for event in ordered(events, session.event_order()):
            render_row(event, translate, key_prefix="feature")
    render_feature_reported(catalog, feature_id, translate)


def _render_wholes(catalog: Catalog, feature_id: str, translate: Translator) -> None:
    """Buttons that select the regions and the autonomous republic the feature lies in."""
    wholes = wholes_of(catalog, feature_id)
    if not wholes:
        return
    st.caption(translate("selection.part_of"))
    with st.container(horizontal=True, key="feature-wholes"):
        for whole in wholes:
            st.button(
                translate.text(catalog.feature(whole).names),
                key=f"whole-{whole}",
                on_click=session.select_feature,
                args=(whole,),
                icon=":material/zoom_out_map:",
            )

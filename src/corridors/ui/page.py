"""The dashboard page: sidebar filters, map and legend, timeline, events or feature panel."""

from __future__ import annotations

from typing import Final

import streamlit as st

from corridors import settings
from corridors.catalog import Catalog, CatalogReport
from corridors.i18n import Translator
from corridors.models import Event
from corridors.scene import SceneRequest
from corridors.state import PageMode
from corridors.stories import vocabulary
from corridors.timeline import EventIndex, catalogue_span, filter_events
from corridors.ui import link, presenter, session
from corridors.ui.data import event_index, load_report
from corridors.ui.direction import apply_direction
from corridors.ui.events_panel import render_card, render_events, render_feature
from corridors.ui.exports import render_exports
from corridors.ui.legend import render_legend
from corridors.ui.map_panel import render_map
from corridors.ui.sidebar import render_language_choice, render_sidebar
from corridors.ui.timeline_chart import render_timeline

PROBLEMS_SHOWN: Final = 5


def render() -> None:
    """Draw the whole page for the current session state."""
    st.set_page_config(page_title="Corridor Atlas", page_icon="🗺️", layout="wide")
    report = load_report()
    catalog, index = report.catalog, event_index()
    span = catalogue_span(catalog.events)
    session.init(span)
    if link.restore_once(vocabulary(catalog), span) and session.page_mode() is not None:
        presenter.start(catalog, span)
    translate = Translator(st.session_state[session.LANG])
    apply_direction(translate)
    presenting = session.page_mode() is PageMode.PRESENT

    if not presenting:
        render_sidebar(catalog, span, translate)
    title, language, share, export = st.columns([3, 2, 1, 1], vertical_alignment="bottom")
    title.title(translate("app.title"))
    with language:
        render_language_choice(translate)
    if not presenting:
        st.caption(translate("app.subtitle"))
    link.render_notices(translate)
    _render_problems(report, translate)

    request = _scene_request(index, translate)
    events = filter_events(catalog.events, request.dates, request.kinds)
    if presenting:
        presenter.render_presenter(catalog, span, translate)
        render_map(request, translate)
        render_legend(translate)
    else:
        _render_dashboard(catalog, index, request, events, translate)
    with export:
        render_exports(catalog, events, request, translate)

    state = link.current(span)
    with share:
        link.render_share(state, translate)
    link.sync_url(state)


def _scene_request(index: EventIndex, translate: Translator) -> SceneRequest:
    """What the map should show: filters, layers, and the selection highlighted."""
    event_id, feature_id = st.session_state[session.EVENT], st.session_state[session.FEATURE]
    selected_event = index.event(event_id) if event_id else None
    if selected_event is not None:
        highlighted = frozenset(selected_event.features)
    else:
        highlighted = frozenset({feature_id} if feature_id else ())
    return SceneRequest(
        dates=session.date_range(),
        kinds=session.kinds(),
        layers=frozenset(st.session_state[session.LAYER_CHOICE]),
        highlighted=highlighted,
        lang=translate.lang,
    )


def _render_problems(report: CatalogReport, translate: Translator) -> None:
    """A banner naming each data problem (file, record, field); everything valid is shown."""
    if not report.problems:
        return
    with st.container(border=True, key="data-problems"):
        st.warning(translate("app.data_problems", count=len(report.problems)), icon="⚠️")
        for problem in report.problems[:PROBLEMS_SHOWN]:
            st.text(str(problem))
        if len(report.problems) > PROBLEMS_SHOWN:
            with st.expander(translate("app.more_problems")):
                for problem in report.problems[PROBLEMS_SHOWN : settings.max_banner_problems]:
                    st.text(str(problem))
                if len(report.problems) > settings.max_banner_problems:
                    st.caption(translate("app.rest_in_validate"))


def _render_dashboard(
    catalog: Catalog,
    index: EventIndex,
    request: SceneRequest,
    events: tuple[Event, ...],
    translate: Translator,
) -> None:
    """Map, legend and timeline beside the event list or the selected feature."""
    event_id, feature_id = st.session_state[session.EVENT], st.session_state[session.FEATURE]
    selected_event = index.event(event_id) if event_id else None
    map_column, side_column = st.columns([3, 2], gap="medium")
    with map_column:
        render_map(request, translate)
        render_legend(translate)
        render_timeline(events, translate)
    with side_column:
        if selected_event is not None:
            st.caption(translate("events.selected"))
            render_card(selected_event, translate, key_prefix="selected")
        if feature_id:
            kinds = request.kinds or frozenset()
            render_feature(catalog, index, feature_id, request.dates, kinds, translate)
        else:
            render_events(events, request.dates, translate)

"""The dashboard page: header, sidebar filters, the map beside the event list or selection."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from corridors.core import settings
from corridors.core.languages import DEFAULT_LANGUAGE, available_languages
from corridors.data.catalog import Catalog, CatalogReport
from corridors.data.models import Event
from corridors.data.timeline import DateRange, EventIndex, filter_events
from corridors.i18n import Translator
from corridors.links.view_state import PageMode
from corridors.render.scene import SceneRequest
from corridors.review.public import drafts_shown
from corridors.ui.common.data import event_index, load_report
from corridors.ui.common.language import render_language_choice
from corridors.ui.common.styling import apply_direction, apply_layout
from corridors.ui.dashboard import link_sync, presenter, session
from corridors.ui.dashboard.agreements_panel import (
    render_agreements,
    render_feature_provisions,
    stage_marks,
)
from corridors.ui.dashboard.corrections_panel import render_corrections
from corridors.ui.dashboard.drafts_panel import render_drafts
from corridors.ui.dashboard.events_panel import render_card, render_events, render_feature
from corridors.ui.dashboard.exports import render_exports
from corridors.ui.dashboard.into_view import bring_selection_into_view
from corridors.ui.dashboard.legend import agreement_legend_html, render_legend
from corridors.ui.dashboard.map.panel import render_map
from corridors.ui.dashboard.page_span import page_span, page_vocabulary
from corridors.ui.dashboard.playback import (
    current_event,
    in_whole_page_run,
    render_playback,
    whole_page_run,
)
from corridors.ui.dashboard.reported.panels import render_cell_reported
from corridors.ui.dashboard.reported.query import reported_drawn
from corridors.ui.dashboard.sidebar import render_sidebar
from corridors.ui.dashboard.timeline_chart import StageMark, render_timeline


def render() -> None:
    """Draw the whole page for the current session state."""
    st.set_page_config(page_title="Corridor Atlas", page_icon="🗺️", layout="wide")
    with whole_page_run():
        _render_page()


def _render_page() -> None:
    """The page: data, the link's state, then the dashboard or the presenter view."""
    report = load_report(_reader_translator())
    catalog, index = report.catalog, event_index()
    span = page_span(catalog)
    session.init(span)
    if link_sync.restore_once(page_vocabulary(catalog), span) and session.page_mode() is not None:
        presenter.start(catalog, span)
    session.follow_language()
    translate = Translator(st.session_state[session.LANG])
    apply_direction(translate)
    presenting = session.page_mode() is PageMode.PRESENT
    apply_layout(presenting=presenting)
    request = _scene_request(catalog, index, translate)
    events = filter_events(catalog.events, request.dates, request.kinds)

    def export() -> None:
        render_exports(catalog, events, request, translate)

    if presenting:
        _render_presenter_page(catalog, span, request, translate, export)
    else:
        _render_dashboard_page(report, index, request, events, translate, export)
    link_sync.sync_url(link_sync.current(span))


def _render_presenter_page(
    catalog: Catalog,
    span: DateRange,
    request: SceneRequest,
    translate: Translator,
    export: Callable[[], None],
) -> None:
    """The map filling the screen's height, the step's text beside it, a small menu."""
    link_sync.render_notices(translate)
    map_column, step_column = st.columns([3, 1], gap="small")
    with map_column:
        render_map_and_playback(catalog, translate, map_key="present-map")
    with step_column:
        presenter.render_presenter(catalog, span, translate, export=export)
        if request.agreement:  # the step colours the map by an agreement's statuses: its key
            st.html(agreement_legend_html(translate))


def _render_dashboard_page(
    report: CatalogReport,
    index: EventIndex,
    request: SceneRequest,
    events: tuple[Event, ...],
    translate: Translator,
    export: Callable[[], None],
) -> None:
    """Header, banners, then the map beside the list or the selection."""
    catalog = report.catalog
    span = page_span(catalog)
    render_sidebar(catalog, span, translate)
    with st.container(horizontal=True, key="app-header", vertical_alignment="center", gap="small"):
        st.title(translate("app.title"), anchor=False, width="content")
        st.space("stretch")
        render_language_choice(translate)
        share = st.container(width="content")
        export()
    with st.container(key="app-subtitle"):
        st.caption(translate("app.subtitle"))
    link_sync.render_notices(translate)
    _render_problems(report, translate)
    _render_dashboard(catalog, index, request, events, translate)
    bring_selection_into_view()
    with share:
        link_sync.render_share(link_sync.current(span), translate)


def _scene_request(catalog: Catalog, index: EventIndex, translate: Translator) -> SceneRequest:
    """What the map should show: filters, layers, the selection highlighted (its mark too).

    An open agreement colours its provisions' features by status; an open provision's
    features are the selection.
    """
    event_id, feature_id = st.session_state[session.EVENT], st.session_state[session.FEATURE]
    provision_id = st.session_state[session.PROVISION]
    selected_event = index.event(event_id) if event_id else None
    if selected_event is not None:
        highlighted = frozenset(selected_event.features)
    elif provision_id:
        highlighted = frozenset(catalog.provision(provision_id)[1].features)
    else:
        highlighted = frozenset({feature_id} if feature_id else ())
    return SceneRequest(
        dates=session.date_range(),
        kinds=session.kinds(),
        layers=frozenset(st.session_state[session.LAYER_CHOICE]),
        highlighted=highlighted,
        lang=translate.lang,
        selected_event=selected_event.id if selected_event is not None else None,
        agreement=st.session_state[session.AGREEMENT],
    )


def _render_side_view_choice(translate: Translator) -> None:
    """Events or agreements beside the map."""
    with st.container(key="side-view"):
        st.segmented_control(
            translate("agreements.side_view"),
            options=["events", "agreements"],
            format_func=lambda choice: translate(f"agreements.tab_{choice}"),
            key=session.SIDE_VIEW,
            required=True,
            label_visibility="collapsed",
        )


def render_map_and_playback(catalog: Catalog, translate: Translator, *, map_key: str) -> None:
    """The map and the playback bar under it; while playing, a fragment that reruns alone.

    While playing, each frame redraws the map, the bar, the card of the latest event and
    the link's ``to``; the rest of the page (timeline, list, sidebar) catches up when
    playing stops. When not playing they are drawn as the rest of the page is, so a click,
    a pan or a zoom reruns the whole page at once (the map is drawn anew when playing
    starts or stops: a fragment is a box of its own).
    """
    with st.container(key="map-and-playback"):  # (the fragment's own box has no key)
        if session.playback().playing:
            st.fragment(_map_and_playback)(catalog, translate, map_key)
        else:
            _map_and_playback(catalog, translate, map_key)


def _map_and_playback(catalog: Catalog, translate: Translator, map_key: str) -> None:
    framed = not in_whole_page_run()
    if framed and not session.playback().playing:
        st.rerun(scope="app")  # a click, a move or a pause: the whole page follows
    span = page_span(catalog)
    if framed:
        session.init(span)  # (keys of widgets the last whole run did not draw)
    request = _scene_request(catalog, event_index(), translate)
    with st.container(key=map_key):
        render_map(request, translate)
    presenting = session.page_mode() is not None
    with st.container(key="playback-pane"):
        render_playback(catalog, span, translate, compact=presenting)
        if session.playback().playing and not presenting:  # (a presenter's step is beside)
            events = filter_events(catalog.events, request.dates, request.kinds)
            playing = current_event(events, request.dates.end)
            if playing is not None:
                st.caption(translate("playback.now"))
                render_card(catalog, playing, translate, key_prefix="now")
    if framed:  # a frame: the address bar follows the playhead
        link_sync.sync_url(link_sync.current(span))


def _stages_shown(catalog: Catalog, translate: Translator) -> tuple[StageMark, ...]:
    """The open agreement's lifecycle stages, for the timeline."""
    agreement_id = st.session_state[session.AGREEMENT]
    if not agreement_id:
        return ()
    return stage_marks(catalog, catalog.agreement(agreement_id), translate)


def _reader_translator() -> Translator:
    """The reader's language before the data is read (and the link checked against it).

    The language last shown, else the link's ``lang`` when the atlas speaks it, else the
    default.
    """
    lang = st.session_state.get(session.LANG) or st.query_params.get("lang")
    return Translator(lang if lang in available_languages() else DEFAULT_LANGUAGE)


def _render_problems(report: CatalogReport, translate: Translator) -> None:
    """A banner naming each data problem (file, record, field); everything valid is shown."""
    if not report.problems:
        return
    with st.container(border=True, key="data-problems"):
        st.warning(translate("app.data_problems", count=len(report.problems)), icon="⚠️")
        for problem in report.problems[: settings.banner_problems_open]:
            st.text(str(problem))
        if len(report.problems) > settings.banner_problems_open:
            with st.expander(translate("app.more_problems")):
                for problem in report.problems[
                    settings.banner_problems_open : settings.max_banner_problems
                ]:
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
    """Map, legend and timeline beside the selection and the event list.

    The side column scrolls in its own area, so the map stays beside whatever is read.
    """
    event_id, feature_id = st.session_state[session.EVENT], st.session_state[session.FEATURE]
    selected_event = index.event(event_id) if event_id else None
    map_column, side_column = st.columns([3, 2], gap="medium")
    with map_column:
        render_map_and_playback(catalog, translate, map_key="map-pane")
        with st.container(key="legend-pane"):
            render_legend(translate, reported=reported_drawn(), agreement=request.agreement)
        with st.container(key="timeline-pane"):
            render_timeline(events, translate, stages=_stages_shown(catalog, translate))
    with side_column, st.container(key="side-pane"):
        _render_side_view_choice(translate)
        if st.session_state[session.SIDE_VIEW] == "agreements":
            with st.container(key="agreements-pane"):
                render_agreements(catalog, request.dates.end, translate)
            return
        with st.container(key="selection-pane"):
            render_cell_reported(translate)
            if selected_event is not None:
                st.caption(translate("events.selected"))
                render_card(catalog, selected_event, translate, key_prefix="selected")
            if feature_id:
                kinds = request.kinds or frozenset()
                render_feature(catalog, index, feature_id, request.dates, kinds, translate)
                render_feature_provisions(catalog, feature_id, request.dates.end, translate)
        if session.playback().playing:  # the list follows the map when playing stops
            st.info(translate("playback.list_waits"), icon=":material/play_circle:")
        if not feature_id:
            with st.container(key="list-pane"):
                render_events(catalog, events, request.dates, translate)
                render_corrections(catalog, translate)
                if drafts_shown():  # only when started so; never read otherwise
                    render_drafts(catalog, request, translate)

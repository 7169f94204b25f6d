"""The sidebar: date range with presets, event kinds, layers, renderer, basemap, find."""

from __future__ import annotations

import streamlit as st

from corridors.core import settings
from corridors.core.basemaps import BASEMAPS
from corridors.data.catalog import Catalog
from corridors.data.models import LAYERS, Corridor, EventKind, Precision
from corridors.data.search import find_features
from corridors.data.timeline import DateRange, preset_start, presets
from corridors.i18n import Translator
from corridors.links.view_state import PageMode
from corridors.render.registry import RENDERERS
from corridors.ui.dashboard import presenter, session
from corridors.ui.dashboard.reported.filters import render_reported_filters

#: How many named presets come before "custom" and the calendar years and months.
_NAMED_PRESETS = 3


def render_sidebar(catalog: Catalog, span: DateRange, translate: Translator) -> None:
    """Draw the filter controls; their values live in ``st.session_state``."""
    ranges = presets(span)
    session.settle_dates(ranges)
    names = list(ranges)
    with st.sidebar:
        st.header(translate("sidebar.dates"))
        st.selectbox(
            translate("sidebar.preset"),
            options=[*names[:_NAMED_PRESETS], "custom", *names[_NAMED_PRESETS:]],
            format_func=lambda key: _preset_label(key, translate),
            key=session.PRESET,
            on_change=session.apply_preset,
            args=(ranges,),
        )
        _render_date_inputs(span, translate)
        st.slider(
            translate("sidebar.dates"),
            min_value=span.start,
            max_value=span.end,
            key=session.DATES,
            on_change=session.dates_changed,
            format="YYYY-MM-DD",
            label_visibility="collapsed",
        )
        st.multiselect(
            translate("sidebar.kinds"),
            options=[str(kind) for kind in EventKind],
            format_func=lambda kind: translate(f"kinds.{kind}"),
            key=session.KINDS,
        )
        st.selectbox(
            translate("sidebar.feature"),
            options=[None, *(feature.id for feature in catalog.features())],
            format_func=lambda fid: _feature_label(catalog, fid, translate),
            key=session.FEATURE,
            on_change=_feature_chosen,
            placeholder=translate("sidebar.feature_placeholder"),
        )
        _render_name_finder(catalog, translate)
        st.divider()
        st.radio(
            translate("sidebar.renderer"),
            options=list(RENDERERS),
            format_func=lambda name: translate(RENDERERS[name].label_key),
            key=session.RENDERER,
            horizontal=True,
        )
        st.multiselect(
            translate("sidebar.layers"),
            options=list(LAYERS),
            format_func=lambda layer: translate(f"layers.{layer}"),
            key=session.LAYER_CHOICE,
        )
        st.selectbox(
            translate("sidebar.basemap"),
            options=list(BASEMAPS),
            format_func=lambda key: translate(f"basemaps.{key}"),
            key=session.BASEMAP,
        )
        render_reported_filters(translate)
        st.divider()
        st.button(
            translate("present.toggle"),
            key="present-start",
            on_click=_present,
            args=(catalog, span),
            icon=":material/slideshow:",
            disabled=not catalog.stories,
        )


def _render_date_inputs(span: DateRange, translate: Translator) -> None:
    """From and to in one field, typed or picked; it and the slider follow each other."""
    st.date_input(
        translate("sidebar.from_to"),
        min_value=span.start,
        max_value=span.end,
        key=session.DATE_RANGE,
        on_change=session.dates_typed,
        format="YYYY-MM-DD",
    )


def _preset_label(key: str, translate: Translator) -> str:
    """A preset's name: a named range, or a calendar year or month in this language."""
    start = preset_start(key)
    if start is None:
        return translate(f"presets.{key}")
    precision = Precision.YEAR if key.startswith("year-") else Precision.MONTH
    return translate.date(start, precision)


def _present(catalog: Catalog, span: DateRange) -> None:
    st.session_state[session.PAGE_MODE] = str(PageMode.PRESENT)
    st.session_state[session.STEP] = 1
    presenter.start(catalog, span)


def _render_name_finder(catalog: Catalog, translate: Translator) -> None:
    """Find a feature by any name it goes by, in any language and spelling the data holds.

    The list above filters its labels in the browser (one name each, in the page's
    language); this box matches every name, short name, alias and each side's name, with
    the normalisation of the event search and of ``corridors ingest``. The first match is
    selected; the others are offered as buttons.
    """
    st.text_input(
        translate("sidebar.find_name"),
        key=session.FIND,
        on_change=_name_typed,
        args=(catalog,),
        placeholder=translate("sidebar.find_name_placeholder"),
    )
    query = st.session_state.get(session.FIND) or ""
    if not query.strip():
        return
    found = find_features(catalog, query)
    if not found:
        st.caption(translate("sidebar.find_name_none"))
        return
    for feature_id in found[1 : 1 + settings.more_found_shown]:
        st.button(
            _feature_label(catalog, feature_id, translate),
            key=f"find-{feature_id}",
            type="tertiary",
            on_click=session.select_feature,
            args=(feature_id,),
        )


def _name_typed(catalog: Catalog) -> None:
    found = find_features(catalog, st.session_state[session.FIND] or "")
    if found:
        session.select_feature(found[0])


def _feature_chosen() -> None:
    session.select_feature(st.session_state[session.FEATURE])


def _feature_label(catalog: Catalog, feature_id: str | None, translate: Translator) -> str:
    if feature_id is None:
        return "—"
    record = catalog.feature(feature_id)
    if isinstance(record, Corridor):
        kind = "route" if record.subject else "corridor"
    else:
        kind = str(record.kind)
    return f"{translate.text(record.names)} · {translate(f'features.{kind}')}"

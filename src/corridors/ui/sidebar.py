"""The sidebar: date range with presets, event kinds, layers, renderer, basemap, find."""

from __future__ import annotations

import streamlit as st

from corridors.basemaps import BASEMAPS
from corridors.catalog import Catalog
from corridors.i18n import Translator
from corridors.languages import available_languages
from corridors.models import LAYERS, EventKind
from corridors.state import PageMode, Renderer
from corridors.timeline import DateRange, presets
from corridors.ui import presenter, session


def render_sidebar(catalog: Catalog, span: DateRange, translate: Translator) -> None:
    """Draw the filter controls; their values live in ``st.session_state``."""
    ranges = presets(span)
    with st.sidebar:
        st.header(translate("sidebar.dates"))
        st.selectbox(
            translate("sidebar.preset"),
            options=[*ranges, "custom"],
            format_func=lambda key: translate(f"presets.{key}"),
            key=session.PRESET,
            on_change=session.apply_preset,
            args=(ranges,),
        )
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
        st.divider()
        st.radio(
            translate("sidebar.renderer"),
            options=[str(renderer) for renderer in Renderer],
            format_func=lambda key: translate(f"renderers.{key}"),
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
        st.divider()
        st.button(
            translate("present.toggle"),
            key="present-start",
            on_click=_present,
            args=(catalog, span),
            icon=":material/slideshow:",
            disabled=not catalog.stories,
        )


def render_language_choice(translate: Translator) -> None:
    """The language switch (each language named in itself)."""
    st.radio(
        translate("sidebar.language"),
        options=list(available_languages()),
        format_func=translate.language_name,
        key=session.LANG,
        horizontal=True,
        label_visibility="collapsed",
    )


def _present(catalog: Catalog, span: DateRange) -> None:
    st.session_state[session.PAGE_MODE] = str(PageMode.PRESENT)
    st.session_state[session.STEP] = 1
    presenter.start(catalog, span)


def _feature_chosen() -> None:
    session.select_feature(st.session_state[session.FEATURE])


def _feature_label(catalog: Catalog, feature_id: str | None, translate: Translator) -> str:
    if feature_id is None:
        return "—"
    record = catalog.feature(feature_id)
    layer = translate(f"layers.{catalog.layer_of(feature_id)}")
    return f"{translate.text(record.names)} · {layer}"

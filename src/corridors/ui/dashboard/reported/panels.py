"""Reported events in the side pane: those of the selected feature, and of the selected cell.

Both draw nothing when the store holds no events. A feature's listing gives way to the
cell's when a cell is selected (the cell's is then narrowed by the feature).
"""

from __future__ import annotations

import streamlit as st

from corridors.data.catalog import Catalog
from corridors.data.models import Place
from corridors.i18n import Translator
from corridors.ui.common.data import event_store, imported_sources
from corridors.ui.common.safe import md_escape
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session
from corridors.ui.dashboard.reported.listing import render_reported_list, source_label
from corridors.ui.dashboard.reported.query import reported_query


def render_feature_reported(catalog: Catalog, feature_id: str, translate: Translator) -> None:
    """How many reported events in range each chosen source has at a feature, and a listing.

    Only countries, regions and corridors: places are not linked to reported events.
    """
    present = imported_sources()
    if not present or isinstance(catalog.feature(feature_id), Place):
        return
    query = reported_query(feature=feature_id)
    counts = event_store().counts_by_source(query)
    shown = [source for source in present if source in session.sources()]
    with st.container(key="feature-reported"):
        st.subheader(translate("reported.heading"), anchor=False)
        parts = [
            translate(
                "reported.source_count",
                source=isolate(source_label(source, translate)),
                number=counts.get(source, 0),
            )
            for source in shown
        ]
        st.caption(md_escape(translate("reported.feature_counts", counts=" · ".join(parts))))
        if st.session_state[session.CELL] is None and shown:
            render_reported_list(query, translate, key=f"feature-reported-{feature_id}")


def render_cell_reported(catalog: Catalog, translate: Translator) -> None:
    """The selected cell's reported events (narrowed by the selected feature), a way out."""
    cell = st.session_state[session.CELL]
    if cell is None or not imported_sources():
        return
    feature_id = st.session_state[session.FEATURE]
    query = reported_query(feature=feature_id, cell=cell)
    count = event_store().count(query)
    with st.container(key="cell-reported"):
        if feature_id is None:
            heading = translate("reported.cell", count=count, cell=cell)
        else:
            feature = translate.text(catalog.feature(feature_id).names)
            heading = translate("reported.cell_in_feature", count=count, cell=cell, feature=feature)
        st.markdown(f"**{md_escape(heading)}**")
        st.button(
            translate("reported.clear_cell"),
            key="clear-cell",
            on_click=session.select_cell,
            args=(None,),
            icon=":material/close:",
        )
        render_reported_list(query, translate, key=f"cell-reported-{cell}")

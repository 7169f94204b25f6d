"""Reported events in the side pane: those of the selected feature, and of the selected cell.

Both draw nothing when the store holds no events. A feature's listing gives way to the
cell's when a cell is selected. The cell's listing is *not* narrowed by the selected
feature: it holds exactly the events its cell's tooltip counts, as the map's cells are not
narrowed by it either (:mod:`corridors.render.reported_layer`: the map is the overview; a
cell narrowed by a place would list nothing, as places are not linked to reported events).
"""

from __future__ import annotations

import streamlit as st

from corridors.data.catalog import Catalog
from corridors.data.models import Place
from corridors.geo.cells import cell_resolution
from corridors.i18n import Translator
from corridors.reported.export import reported_csv
from corridors.reported.store import EventQuery, EventStore
from corridors.ui.common.data import cell_gazetteer, event_store, imported_sources
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


def render_cell_reported(translate: Translator) -> None:
    """The selected cell's reported events (every one its cell counts), where, a way out.

    The store counts how many of them are imprecise
    (:meth:`~corridors.reported.store.EventStore.imprecise_by_cell`); the rows download as
    CSV (:func:`~corridors.reported.export.reported_csv`), read only when the button is
    pressed.
    """
    cell = st.session_state[session.CELL]
    if cell is None or not imported_sources():
        return
    query = reported_query(cell=cell)
    store = event_store()
    count = store.count(query)
    names = cell_gazetteer().name(query.cell) if query.cell is not None else None
    with st.container(key="cell-reported"):
        st.markdown(f"**{md_escape(translate('reported.cell', count=count))}**")
        if names is not None:
            st.caption(md_escape(" · ".join(names.lines(translate))))
        st.caption(md_escape(_imprecise_line(store, query, translate)))
        st.button(
            translate("reported.clear_cell"),
            key="clear-cell",
            on_click=session.select_cell,
            args=(None,),
            icon=":material/close:",
        )
        st.download_button(
            translate("reported.download"),
            data=lambda: reported_csv(store.page(query, limit=count)),
            file_name=f"corridor-atlas-reported-{cell}.csv",
            mime="text/csv",
            key="cell-reported-csv",
            on_click="ignore",
            icon=":material/download:",
        )
        render_reported_list(query, translate, key=f"cell-reported-{cell}")


def _imprecise_line(store: EventStore, query: EventQuery, translate: Translator) -> str:
    """How many of the events of the query's cell are imprecise (the store counts them)."""
    if query.cell is None:
        return translate("reported_precision.imprecise", count=0)
    counts = store.imprecise_by_cell(query, cell_resolution(query.cell))
    return translate("reported_precision.imprecise", count=counts.get(query.cell, 0))

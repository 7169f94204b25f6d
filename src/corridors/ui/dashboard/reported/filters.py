"""The sidebar's section of reported events: a toggle per imported source, the kinds shown.

Shown only when the store holds events. The toggles mirror ``session.SOURCES`` (a link or
a story sets that list, and the toggles follow it); the kinds are one multi-choice widget
on ``session.REPORTED_KINDS``.
"""

from __future__ import annotations

import dataclasses
from typing import Final

import streamlit as st

from corridors.data.models import ReportedKind, ReportedSource
from corridors.i18n import Translator
from corridors.ui.common.data import event_store, imported_sources
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session
from corridors.ui.dashboard.reported.listing import kind_label, source_label
from corridors.ui.dashboard.reported.query import reported_query

#: Prefix of each source's toggle key (the source's name, never data, follows it).
TOGGLE: Final = "reported-source-"


def render_reported_filters(translate: Translator) -> None:
    """The section, when there are imported events: where they come from, sources, kinds."""
    present = imported_sources()
    if not present:
        return
    st.divider()
    st.subheader(translate("reported.heading"), anchor=False)
    names = translate.join_list(isolate(source_label(source, translate)) for source in present)
    st.caption(translate("reported.provenance", sources=names))
    # each toggle counts its own source whether it is on or not
    counts = event_store().counts_by_source(dataclasses.replace(reported_query(), sources=None))
    chosen = session.sources()
    for source in present:
        key = f"{TOGGLE}{source}"
        st.session_state[key] = source in chosen
        st.toggle(
            translate(
                "reported.source_toggle",
                source=source_label(source, translate),
                count=counts.get(source, 0),
            ),
            key=key,
            on_change=_source_toggled,
            args=(source,),
        )
    st.pills(
        translate("reported.kinds"),
        options=[str(kind) for kind in ReportedKind],
        format_func=lambda kind: kind_label(kind, translate),
        selection_mode="multi",
        key=session.REPORTED_KINDS,
    )


def _source_toggled(source: ReportedSource) -> None:
    """Callback of a source's toggle: add the source to the chosen ones or take it out."""
    chosen = set(session.sources())
    if st.session_state[f"{TOGGLE}{source}"]:
        chosen.add(source)
    else:
        chosen.discard(source)
    st.session_state[session.SOURCES] = [str(s) for s in ReportedSource if s in chosen]

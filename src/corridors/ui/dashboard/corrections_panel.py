"""What was corrected: a card's checked day and history, and every correction, newest first."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from corridors.data.catalog import Catalog
from corridors.data.corrections import ListedCorrection, all_corrections
from corridors.data.models import Correction, Corridor, Event, Source
from corridors.i18n import Translator
from corridors.ui.common.safe import md_escape, md_link
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session


def render_history(
    record: Event | Corridor, translate: Translator, *, with_checked: bool = True
) -> None:
    """A record's "Checked on …" and "Corrected on …" with each entry (newest first).

    An event's card says when it was checked in its review line (``with_checked=False``);
    a corridor's panel says it here.
    """
    if with_checked and record.checked is not None:
        day = translate.date(record.checked)
        st.caption(md_escape(translate("corrections.checked", date=day)))
    if not record.corrections:
        return
    entries = tuple(reversed(record.corrections))
    days = dict.fromkeys(translate.date(entry.date) for entry in entries)
    st.caption(md_escape(translate("corrections.corrected", dates=translate.join_list(days))))
    st.markdown("\n".join(f"- {correction_line(entry, translate)}" for entry in entries))


def correction_line(entry: Correction, translate: Translator) -> str:
    """One entry as markdown: its date, its text (marked when only wording) and its sources."""
    parts = [f"**{md_escape(translate.date(entry.date))}**", md_escape(translate.text(entry.text))]
    if entry.wording:
        parts.append(f"({md_escape(translate('corrections.wording'))})")
    return f"{' '.join(parts)} · {md_escape(translate('events.sources'))}: " + _links(entry.sources)


def render_corrections(catalog: Catalog, translate: Translator) -> None:
    """Every correction, newest first, each with a button to the record's view."""
    listed = all_corrections(catalog)
    with st.expander(translate("corrections.heading"), key="corrections-panel"):
        if not listed:
            st.caption(translate("corrections.none"))
            return
        st.caption(translate("corrections.count", count=len(listed)))
        for item in listed:
            _render_listed(item, translate)


def _render_listed(item: ListedCorrection, translate: Translator) -> None:
    key = f"correction-{item.layer}-{item.record_id}-{item.index}"
    with st.container(border=True, key=key):
        st.markdown(f"**{md_escape(isolate(translate.text(item.title)))}**")
        st.markdown(correction_line(item.correction, translate))
        select = session.select_event if item.layer == "events" else session.select_feature
        st.button(
            translate("events.show"),
            key=f"{key}-show",
            on_click=select,
            args=(item.record_id,),
            icon=":material/my_location:",
        )


def _links(sources: Sequence[Source]) -> str:
    return " · ".join(md_link(source.outlet, source.url) for source in sources if source.url)

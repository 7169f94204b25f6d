"""Likely duplicates of the draft under review, each shown beside the draft before publishing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from corridors.data.catalog import Catalog
from corridors.i18n import Translator
from corridors.review.duplicates import Duplicate, likely_duplicates
from corridors.ui.common.safe import md_escape


def render_duplicates(catalog: Catalog, record: Mapping[str, Any], translate: Translator) -> None:
    """A warning, then the draft beside each event it may repeat (nothing when none)."""
    found = likely_duplicates(record, catalog)
    if not found:
        return
    with st.container(key="ed-duplicates"):
        st.warning(md_escape(translate("editor.duplicates.heading", count=len(found))))
        for number, duplicate in enumerate(found):
            with st.container(border=True, key=f"ed-duplicate-{number}"):
                draft_column, event_column = st.columns(2)
                with draft_column:
                    _side(translate("editor.duplicates.draft"), _draft_lines(record, translate))
                with event_column:
                    heading = translate("editor.duplicates.event", id=duplicate.event.id)
                    _side(heading, _event_lines(duplicate, translate))


def _side(heading: str, lines: list[str]) -> None:
    st.markdown(f"**{md_escape(heading)}**")
    for line in lines:
        st.text(line)


def _draft_lines(record: Mapping[str, Any], translate: Translator) -> list[str]:
    title = record.get("title")
    texts = title if isinstance(title, Mapping) else {}
    text = texts.get(translate.lang) or next(iter(texts.values()), "")
    return [
        str(record.get("date") or "-"),
        str(text or translate("editor.duplicates.untitled")),
        ", ".join(str(f) for f in record.get("features") or ()),
    ]


def _event_lines(duplicate: Duplicate, translate: Translator) -> list[str]:
    event = duplicate.event
    why = translate.join_list(
        translate(f"editor.duplicates.{reason}", shared=", ".join(duplicate.shared))
        for reason in duplicate.reasons
    )
    return [
        event.date.isoformat(),
        translate.text(event.title),
        ", ".join(event.features),
        translate("editor.duplicates.why", reasons=why),
    ]

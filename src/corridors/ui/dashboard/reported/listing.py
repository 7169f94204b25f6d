"""A paged listing of reported (imported) events, newest first.

Everything in a row comes from an imported file the atlas did not write, so every piece is
shown as text (:func:`corridors.ui.common.safe.md_text`: escaped, no bidi controls, no address
turned into a link), isolated so that a name in the other script stays inside its own
field, and never put into a widget key. A source URL is a link only when it is http(s),
shown as its host.
"""

from __future__ import annotations

import math
from typing import Final
from urllib.parse import urlsplit

import streamlit as st

from corridors.core import settings
from corridors.data.models import Precision, ReportedKind, ReportedPrecision, ReportedSource
from corridors.data.review_status import ReviewStatus
from corridors.i18n import Translator
from corridors.i18n.review import status_line
from corridors.i18n.when import precision_word
from corridors.reported.precision import precision_notes
from corridors.reported.store import EventQuery, ReportedEvent
from corridors.ui.common.data import event_store
from corridors.ui.common.review import render_status
from corridors.ui.common.safe import md_escape, md_link, md_text
from corridors.ui.common.styling import isolate

ELLIPSIS: Final = "…"
_KNOWN_PRECISIONS: Final = frozenset(str(member) for member in ReportedPrecision)
#: How a reported precision writes its date (a week writes the day the source gives).
_PRECISIONS: Final = {
    str(ReportedPrecision.MONTH): Precision.MONTH,
    str(ReportedPrecision.YEAR): Precision.YEAR,
}


def render_reported_list(query: EventQuery, translate: Translator, *, key: str) -> None:
    """The events of ``query``, a page at a time; ``key`` names the listing's page control."""
    store = event_store()
    total = store.count(query)
    if not total:
        st.info(translate("reported.none"))
        return
    size = settings.reported_page_size
    pages = math.ceil(total / size)
    page = _settle_page(f"{key}-page", pages)
    if pages > 1:
        st.pagination(pages, key=f"{key}-page")
    with st.container(key=f"{key}-rows"):
        for event in store.page(query, offset=(page - 1) * size, limit=size):
            render_reported_event(event, translate)


def _settle_page(key: str, pages: int) -> int:
    """The page shown, kept within the pages there are (the filters may have changed)."""
    chosen = st.session_state.get(key)
    if not isinstance(chosen, int) or not 1 <= chosen <= pages:
        chosen = min(chosen, pages) if isinstance(chosen, int) and chosen > 0 else 1
        st.session_state[key] = chosen
    return chosen


def render_reported_event(event: ReportedEvent, translate: Translator) -> None:
    """One event: date, kind and type; where, and the fatalities; the source; the note.

    Then what it is (imported, not reviewed by the atlas) and how precisely its source
    placed it and when it added it (:func:`~corridors.reported.precision.precision_notes`).
    """
    with st.container(border=True):
        head = [md_escape(reported_when(event, translate))]
        head.append(md_escape(kind_label(event.kind, translate)))
        if event.event_type:
            head.append(_text(event_type(event)))
        st.markdown(" · ".join(head))
        place = [_text(part) for part in (event.location, event.country) if part]
        if event.fatalities is not None:
            place.append(md_escape(translate("reported.fatalities", count=event.fatalities)))
        if place:
            st.caption(" · ".join(place))
        st.caption(f"{md_escape(source_label(event.source, translate))}: {_source(event)}")
        if event.notes:
            _render_note(event.notes, translate)
        notes = precision_notes(event, translate)
        if notes:
            st.caption(md_escape(" · ".join(notes)))
        render_status(ReviewStatus.IMPORTED, status_line(translate, ReviewStatus.IMPORTED))


def reported_when(event: ReportedEvent, translate: Translator) -> str:
    """The event's date to the precision its source knows, the precision named unless a day.

    A week (ACLED's time precision 2) is the day the source gives, said to be known to the
    week; a row imported before precisions were kept (or of a value no importer writes)
    reads as its day alone.
    """
    precision = event.precision
    if precision not in _KNOWN_PRECISIONS or precision == ReportedPrecision.DAY:
        return translate.short_date(event.date)
    shown = _PRECISIONS.get(precision)
    day = translate.short_date(event.date) if shown is None else translate.date(event.date, shown)
    word = precision_word(translate, precision)
    return translate("dates.with_precision", date=day, precision=word)


def kind_label(kind: str, translate: Translator) -> str:
    """A reported kind's name in this language (a kind the atlas does not know, as stored)."""
    known = {str(member) for member in ReportedKind}
    return translate(f"reported_kinds.{kind}") if kind in known else kind


def source_label(source: str, translate: Translator) -> str:
    """A source's name (ACLED, GDELT, ...) in this language."""
    known = {str(member) for member in ReportedSource}
    return translate(f"reported.source_names.{source}") if source in known else source


def event_type(event: ReportedEvent) -> str:
    """The source's own type of the event (GDELT's is a CAMEO event code)."""
    kind = event.event_type or ""
    return f"CAMEO {kind}" if event.source == ReportedSource.GDELT else kind


def _text(value: str) -> str:
    """Imported text for markdown: shown as the text it is, on one line, isolated."""
    return isolate(md_text(value))


def _source(event: ReportedEvent) -> str:
    """GDELT's source URL as a link shown as its host; ACLED's source names as text."""
    parts = []
    if event.url:
        parts.append(source_link(event.url))
    if event.source_name:
        parts.append(_text(event.source_name))
    return " · ".join(parts) or "—"


def source_link(url: str) -> str:
    """Markdown for a source URL: a link named by its host if http(s), else escaped text."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an unclosed IPv6 bracket or a bad port
        return _text(cut(url))
    if parts.scheme not in ("http", "https") or not host:
        return _text(cut(url))
    return md_link(host, url)


def cut(text: str, limit: int | None = None) -> str:
    """``text`` cut to ``limit`` characters (with an ellipsis), on one line."""
    limit = settings.reported_note_chars if limit is None else limit
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + ELLIPSIS


def _render_note(note: str, translate: Translator) -> None:
    """The note cut to its first characters; the whole of a longer one on request."""
    shown = cut(note)
    st.caption(_text(shown))
    if shown != " ".join(note.split()):
        with st.expander(translate("reported.full_note")):
            st.markdown(_text(note))

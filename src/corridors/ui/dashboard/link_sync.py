"""The link is the state: restore the session from the URL, keep the URL in sync, share it."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar
from urllib.parse import urlencode

import streamlit as st

from corridors.data.models import LAYERS, EventKind, ReportedKind, ReportedSource
from corridors.data.playback import Playback
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.links.view_state import (
    Notice,
    NoticeKind,
    ViewState,
    Vocabulary,
    clean_search,
    from_query,
    to_query,
)
from corridors.render.registry import RENDERERS
from corridors.ui.dashboard import session

_Member = TypeVar("_Member", bound=str)

NOTICES = "link_notices"
RESTORED = "link_restored"
WRITTEN = "link_written"


def restore_once(words: Vocabulary, span: DateRange) -> bool:
    """On a session's first run, apply the link's state and remember what was ignored.

    The link may name any renderer of the registry. Returns whether the link was applied
    on this run.
    """
    if st.session_state.get(RESTORED):
        return False
    st.session_state[RESTORED] = True
    query = {name: st.query_params.get_all(name) for name in st.query_params}
    words = dataclasses.replace(words, renderers=tuple(RENDERERS))
    state, notices = from_query(query, words)
    st.session_state[NOTICES] = notices
    apply(state, span)
    return True


def apply(state: ViewState, span: DateRange, *, keep_presenting: bool = False) -> None:
    """Put a view state into the session's widgets (a story step keeps presenter mode on)."""
    values = session.values_of(state, span)
    if keep_presenting:
        del values[session.PAGE_MODE], values[session.STEP]
    for key, value in values.items():
        st.session_state[key] = value


def current(span: DateRange) -> ViewState:
    """The session's view state (defaults written as ``None``)."""
    dates = session.date_range()
    camera = st.session_state[session.CAMERA]
    return ViewState(
        start=dates.start if dates.start != span.start else None,
        end=dates.end if dates.end != span.end else None,
        kinds=_unless_all(session.kinds(), frozenset(EventKind)),
        event=st.session_state[session.EVENT],
        feature=st.session_state[session.FEATURE],
        layers=_unless_all(frozenset(st.session_state[session.LAYER_CHOICE]), frozenset(LAYERS)),
        renderer=session.renderer(),
        basemap=st.session_state[session.BASEMAP],
        lang=st.session_state[session.LANG],
        lat=camera[0] if camera else None,
        lon=camera[1] if camera else None,
        zoom=camera[2] if camera else None,
        mode=session.page_mode(),
        step=st.session_state[session.STEP],
        page=_page(),
        search=clean_search(st.session_state[session.SEARCH] or ""),
        order=session.event_order(),
        sources=_unless_all(session.sources(), frozenset(ReportedSource)),
        reported_kinds=_unless_all(session.reported_kinds(), frozenset(ReportedKind)),
        cell=st.session_state[session.CELL],
        agreement=st.session_state[session.AGREEMENT],
        provision=st.session_state[session.PROVISION],
        **_playback_state(),
    )


def _playback_state() -> dict[str, Any]:
    """The playback as the link writes it (defaults as ``None``)."""
    chosen, default = session.playback(), Playback()
    return {
        "play": None if chosen.mode is default.mode else chosen.mode,
        "speed": None if chosen.speed == default.speed else chosen.speed,
        "window": None if chosen.window == default.window else chosen.window,
        "playing": chosen.playing,
    }


def _unless_all(chosen: frozenset[_Member], every: frozenset[_Member]) -> frozenset[_Member] | None:
    """``None`` (the default) when everything is chosen."""
    return None if chosen == every else chosen


def _page() -> int | None:
    """The event list's page as the link writes it (the first page is the default)."""
    page = st.session_state[session.PAGE]
    return page if isinstance(page, int) and page > 1 else None


def sync_url(state: ViewState) -> None:
    """Write the state into the address bar (only when it changed).

    The query a run starts with is the one the browser sent with its rerun request, which
    is stale when that request left before the previous run wrote its own query (a key
    pressed mid-run). So the query is also written when it differs from the last one
    written, which is what the address bar shows once the browser has caught up.
    """
    query = to_query(state)
    shown = {name: st.query_params.get(name) for name in st.query_params}
    if query != shown or query != st.session_state.get(WRITTEN):
        st.query_params.from_dict(query)
        st.session_state[WRITTEN] = query


def share_url(state: ViewState) -> str:
    """The full link of a view."""
    base = st.context.url or "http://localhost:8501/"
    query = urlencode(to_query(state))
    return f"{base}?{query}" if query else base


def render_share(state: ViewState, translate: Translator) -> None:
    """A Share control: the link of the current view, with a copy button."""
    with st.popover(translate("share.button"), icon=":material/share:"):
        st.caption(translate("share.help"))
        st.code(share_url(state), language=None, wrap_lines=True)


def render_notices(translate: Translator) -> None:
    """What the link asked for that could not be applied, until dismissed."""
    notices = st.session_state.get(NOTICES) or ()
    if not notices:
        return
    with st.container(border=True, key="link-notices"):
        st.warning(translate("notices.heading"), icon="⚠️")
        for notice in notices:
            st.text(notice_text(notice, translate))
        if st.button(translate("notices.dismiss"), key="dismiss-notices"):
            st.session_state[NOTICES] = ()
            st.rerun()


def notice_text(notice: Notice, translate: Translator) -> str:
    """One line of the notices box: the ignored parameter and value, and why."""
    if notice.kind is NoticeKind.MORE:
        return translate("notices.more", count=int(notice.value))
    reason = translate(f"notices.{notice.kind}")
    return translate("notices.item", pair=f"{notice.param}={notice.value}", reason=reason)

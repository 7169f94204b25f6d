"""The deck.gl map component on a page, declared once (the dashboard and the editor mount it).

Its arguments are built by :func:`corridors.render.deck.component.component_drawing` (what
to draw) and the page (where to look: the drawing's ``frame``; its height; whether to report
its view).
With ``only_changes`` (while playing), the parts the map was sent in the run before and
that have not changed are left out (:mod:`corridors.render.deck.parts`); a map that lacks
one asks for everything again (:func:`resend_asked`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from corridors.render.deck.component import COMPONENT_DIR
from corridors.render.deck.parts import without_parts

_deck_map = components.declare_component("deck_map", path=str(COMPONENT_DIR))


def mount_deck_map(
    drawing: Mapping[str, Any],
    *,
    height: int,
    key: str,
    report_view: bool = False,
    on_change: Callable[[], None] | None = None,
    only_changes: bool = False,
) -> None:
    """Put the map on the page; what it sends back is in ``st.session_state[key]``."""
    held: dict[str, str] = st.session_state.get(_held_key(key), {}) if only_changes else {}
    sent = without_parts(drawing, held)
    st.session_state[_held_key(key)] = drawing["hashes"]
    _deck_map(
        **sent,
        height=height,
        reportView=report_view,
        key=key,
        default=None,
        on_change=on_change,
    )


def resend_asked(key: str) -> None:
    """The map lacks a part it was not sent: send it everything on the next run."""
    st.session_state[_held_key(key)] = {}


def _held_key(key: str) -> str:
    """Where the hashes of what the map ``key`` was last sent are kept."""
    return f"{key}__held"

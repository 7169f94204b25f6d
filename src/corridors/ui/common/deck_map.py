"""The deck.gl map component on a page, declared once (the dashboard and the editor mount it).

Its arguments are built by :func:`corridors.render.deck.component.component_drawing` (what
to draw) and the page (where to look: ``frame``; its height; whether to report its view).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit.components.v1 as components

from corridors.render.deck.component import COMPONENT_DIR

_deck_map = components.declare_component("deck_map", path=str(COMPONENT_DIR))


def mount_deck_map(
    drawing: Mapping[str, Any],
    *,
    frame: Mapping[str, Any],
    height: int,
    key: str,
    report_view: bool = False,
    on_change: Callable[[], None] | None = None,
) -> None:
    """Put the map on the page; what it sends back is in ``st.session_state[key]``."""
    _deck_map(
        **drawing,
        frame=dict(frame),
        height=height,
        reportView=report_view,
        key=key,
        default=None,
        on_change=on_change,
    )

"""The page's direction and layout: right to left for Arabic, the map kept in view.

Layout rules address Streamlit's stable ``data-testid`` attributes and the ``st-key-*``
classes of the page's own keyed containers; nothing from the data goes into them.
"""

from __future__ import annotations

import json
from typing import Final

import streamlit as st

from corridors.i18n import Translator

#: First-strong isolate and pop directional isolate around a name.
_FSI, _PDI = "\u2068", "\u2069"

#: The page's text runs right to left and ``dir=rtl`` on ``<html>`` puts the sidebar on the
#: right; a collapsed sidebar is moved off that edge (Streamlit moves it off the left one)
#: and the sidebar's arrows point the mirrored way. The map widgets keep their own layout
#: so their controls (zoom buttons, attribution, drag) work as usual.
_RTL_CSS: Final = """
<style>
  [data-testid="stSidebar"][data-collapsed="true"] { transform: translateX(100%) !important; }
  [data-testid="stSidebar"][data-collapsed="true"] [data-testid="stSidebarContent"] {
    display: none;
  }
  [data-testid="stSidebarCollapseButton"] [data-testid="stIconMaterial"],
  [data-testid="stExpandSidebarButton"] [data-testid="stIconMaterial"] { transform: scaleX(-1); }
  [data-testid="stMain"], [data-testid="stSidebar"] { direction: rtl; text-align: right; }
  [data-testid="stDeckGlJsonChart"], [data-testid="stCustomComponentV1"],
  [data-testid="stVegaLiteChart"] { direction: ltr; text-align: left; }
</style>
"""

#: Both layouts: a compact header row, buttons that keep their whole label, event rows
#: of one line, no sideways scrolling on a phone. Captions are a darker grey than
#: Streamlit's (its faded text: #828180 on white, 3.9:1, or with a themed primary colour the
#: text colour at 60 % opacity, 2.6:1): #5f6068, opaque, reads at 6.3:1 on white and at
#: least 5.3:1 on the sidebar's and the alerts' pale backgrounds (WCAG AA asks 4.5:1).
#: The map and its playback bar never fade while a run redraws them: a playing map's
#: frames redraw them four times a second (faded, the card's text would fail contrast).
_COMMON_CSS: Final = """
  .st-key-map-and-playback [data-stale="true"] { opacity: 1 !important; transition: none; }
  [data-testid="stCaptionContainer"] { color: #5f6068; opacity: 1; }
  [data-testid="stMainBlockContainer"] { padding-top: 3.5rem; padding-bottom: 2rem; }
  .st-key-app-header h1 { font-size: 1.9rem; padding: 0; }
  .st-key-app-header button p, .st-key-present-menu button p { white-space: nowrap; }
  .st-key-event-rows summary p, .st-key-feature-rows summary p {
    display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
  }
  html, body, [data-testid="stAppViewContainer"] { overflow-x: hidden; }
"""

#: The dashboard: the list beside the map scrolls in its own area as tall as the map
#: column, so the map never scrolls away from it. On a phone the two columns become one
#: in reading order: the map, the selection, the legend, the choice of events or agreements,
#: the list (or the agreements), the timeline.
_DASHBOARD_CSS: Final = """
  .st-key-side-pane { max-height: calc(100vh - 10.5rem); overflow-y: auto; }
  .st-key-map-pane { scroll-margin-top: 4rem; }
  @media (max-width: 640px) {
    [data-testid="stMainBlockContainer"] { padding: 3.25rem 0.75rem 1rem; }
    .st-key-app-header h1 { font-size: 1.4rem; }
    .st-key-app-subtitle { display: none; }
    .st-key-map-pane [data-testid="stFullScreenFrame"],
    .st-key-map-pane [data-testid="stDeckGlJsonChart"],
    .st-key-map-pane iframe { height: min(58vh, 480px) !important; }
    .st-key-map-pane [data-testid="stElementContainer"] {
      flex: 0 0 auto !important; height: auto !important;
    }
    [data-testid="stHorizontalBlock"]:has(.st-key-map-pane) {
      flex-direction: column; flex-wrap: nowrap;
    }
    [data-testid="stHorizontalBlock"]:has(.st-key-map-pane) > [data-testid="stColumn"],
    [data-testid="stHorizontalBlock"]:has(.st-key-map-pane)
      > [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
    [data-testid="stLayoutWrapper"]:has(> .st-key-side-pane),
    .st-key-side-pane { display: contents; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-map-and-playback) { order: 1; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-selection-pane) { order: 2; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-legend-pane) { order: 3; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-side-view) { order: 4; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-list-pane),
    [data-testid="stLayoutWrapper"]:has(> .st-key-agreements-pane) { order: 5; }
    [data-testid="stLayoutWrapper"]:has(> .st-key-timeline-pane) { order: 6; }
  }
"""

#: Presenter mode: no Streamlit header or sidebar, the map fills the screen's height but
#: for the playback bar under it, and the step's text sits beside it (under it on a phone).
_PRESENT_CSS: Final = """
  [data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stExpandSidebarButton"] { display: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0.5rem 1rem 0.5rem; max-width: none; }
  .st-key-present-map [data-testid="stFullScreenFrame"],
  .st-key-present-map [data-testid="stDeckGlJsonChart"],
  .st-key-present-map iframe { height: calc(100vh - 6.5rem) !important; }
  .st-key-present-map [data-testid="stElementContainer"] {
    flex: 0 0 auto !important; height: auto !important;
  }
  .st-key-present-step { max-height: calc(100vh - 2.5rem); overflow-y: auto; }
  /* Type for a room: at 1920 px wide the title is 40 px and the text 24 px (2.1vw and
     1.25vw), never smaller than the dashboard's. */
  .st-key-present-step h3 { font-size: clamp(1.35rem, 2.1vw, 3rem); padding-top: 0.25rem; }
  .st-key-present-step [data-testid="stMarkdownContainer"] p {
    font-size: clamp(1rem, 1.25vw, 1.75rem); line-height: 1.45;
  }
  @media (max-width: 640px) {
    .st-key-present-map [data-testid="stFullScreenFrame"],
    .st-key-present-map [data-testid="stDeckGlJsonChart"],
    .st-key-present-map iframe { height: 62vh !important; }
    .st-key-present-step { max-height: none; }
  }
"""


def isolate(text: str) -> str:
    """``text`` as a directional isolate.

    Inside a sentence in the other direction, its brackets and separators stay with it
    and it does not reorder the words around it.
    """
    return f"{_FSI}{text}{_PDI}"


def apply_layout(*, presenting: bool) -> None:
    """The layout's style rules, for the dashboard or for presenter mode."""
    css = _COMMON_CSS + (_PRESENT_CSS if presenting else _DASHBOARD_CSS)
    st.html(f"<style>{css}</style>")


def apply_direction(translate: Translator) -> None:
    """Set the page's ``lang`` and ``dir``; in a right-to-left language, mirror the layout."""
    if translate.rtl:
        st.html(_RTL_CSS)
    attributes = json.dumps({"lang": translate.lang, "dir": "rtl" if translate.rtl else "ltr"})
    st.iframe(
        "<script>"
        f"const a = {attributes}; const root = window.parent.document.documentElement;"
        "root.lang = a.lang; root.dir = a.dir;"
        "</script>",
        height=1,
    )

"""Text direction and language of the page: right to left for Arabic, maps kept as they are."""

from __future__ import annotations

import json
from typing import Final

import streamlit as st

from corridors.i18n import Translator

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

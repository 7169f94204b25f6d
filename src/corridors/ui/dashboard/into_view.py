"""Bring the map and the selected item into view when the selection changes.

On a wide screen the map sits beside the list and stays in view; on a narrow one (or
after scrolling down to the timeline) a selection made below the map scrolls the page
back to the map, and the side pane back to the selection at its top.
"""

from __future__ import annotations

from typing import Final

import streamlit as st
from jinja2.utils import htmlsafe_json_dumps

from corridors.ui.dashboard import session

#: Waits for the map to be drawn in this run (at most 3 s), then scrolls only if needed.
_SCRIPT: Final = """
<script>
(() => {
  const selection = %s;
  const started = performance.now();
  const header = 64;
  const step = () => {
    const map = document.querySelector(".st-key-map-pane");
    if (!map && performance.now() - started < 3000) { requestAnimationFrame(step); return; }
    const pane = document.querySelector(".st-key-side-pane");
    if (pane && pane.scrollHeight > pane.clientHeight) { pane.scrollTop = 0; }
    if (!map) { return; }
    const box = map.getBoundingClientRect();
    if (box.top < header || box.top > innerHeight - 120) {
      map.scrollIntoView({block: "start", behavior: "instant"});
    }
    document.documentElement.dataset.shownSelection = selection;
  };
  step();
})();
</script>
"""


def bring_selection_into_view() -> None:
    """Once per new selection (an event or a feature), scroll the map into view."""
    event, feature = st.session_state[session.EVENT], st.session_state[session.FEATURE]
    current = event or feature
    if current is None or st.session_state.get(session.SHOWN_SELECTION) == current:
        st.session_state[session.SHOWN_SELECTION] = current
        return
    st.session_state[session.SHOWN_SELECTION] = current
    # safe inside <script>: '<', '>', '&' and quotes are written as \u escapes
    st.html(_SCRIPT % htmlsafe_json_dumps(current), unsafe_allow_javascript=True)

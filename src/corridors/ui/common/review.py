"""An item's review status on a card: an icon of its status and the line saying what it is."""

from __future__ import annotations

from typing import Final

import streamlit as st

from corridors.data.review_status import ReviewStatus
from corridors.ui.common.safe import md_escape

#: The icon beside each status's line (the line names the status in words too).
ICONS: Final = {
    ReviewStatus.CURATED: ":material/verified:",
    ReviewStatus.IMPORTED: ":material/database:",
    ReviewStatus.DRAFT: ":material/rate_review:",
}


def render_status(status: ReviewStatus, line: str) -> None:
    """``line`` (plain text naming ``status``, :mod:`corridors.i18n.review`) as a caption."""
    st.caption(f"{ICONS[status]} {md_escape(line)}")

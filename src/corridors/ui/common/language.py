"""The language switch (each language named in itself)."""

from __future__ import annotations

import streamlit as st

from corridors.core.languages import available_languages
from corridors.i18n import Translator
from corridors.ui.dashboard import session


def render_language_choice(translate: Translator) -> None:
    """The language switch; the page follows it on the same run."""
    st.radio(
        translate("sidebar.language"),
        options=list(available_languages()),
        format_func=translate.language_name,
        key=session.LANG,
        horizontal=True,
        label_visibility="collapsed",
    )

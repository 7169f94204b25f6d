"""Presenter mode: a clean full-width page that steps through a story's views."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import streamlit as st
from streamlit_shortcuts import add_shortcuts

from corridors.data.catalog import Catalog
from corridors.data.models import Story
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.links.stories import story_views
from corridors.ui.common.language import render_language_choice
from corridors.ui.common.safe import md_escape
from corridors.ui.dashboard import link_sync, session

PREVIOUS = "present-previous"
NEXT = "present-next"


def story_of(catalog: Catalog) -> Story | None:
    """The story presented (the first bundled one)."""
    return catalog.stories[0] if catalog.stories else None


def go_to(catalog: Catalog, story: Story, number: int, span: DateRange) -> None:
    """Show step ``number`` (1-based) of ``story``: apply its view, stay in presenter mode.

    The audience's language stays, unless the step names one.
    """
    views = story_views(catalog, story)
    number = max(1, min(number, len(views)))
    view = views[number - 1]
    if "lang" not in story.steps[number - 1].view:
        view = dataclasses.replace(view, lang=st.session_state[session.LANG])
    link_sync.apply(view, span, keep_presenting=True)
    st.session_state[session.STEP] = number


def start(catalog: Catalog, span: DateRange) -> None:
    """Enter presenter mode at the step in the session (or the first)."""
    story = story_of(catalog)
    if story is not None:
        go_to(catalog, story, st.session_state[session.STEP] or 1, span)


def stop() -> None:
    """Leave presenter mode."""
    st.session_state[session.PAGE_MODE] = None
    st.session_state[session.STEP] = None


def render_presenter(
    catalog: Catalog, span: DateRange, translate: Translator, *, export: Callable[[], None]
) -> Story | None:
    """The step in a compact panel beside the map.

    Where we are, the step's title and text, Previous / Next (and the arrow keys), and a
    small menu with the language, the link and the way out, and Export.
    """
    story = story_of(catalog)
    if story is None:
        st.info(translate("present.no_story"))
        st.button(translate("present.exit"), key="present-exit", on_click=stop)
        return None
    total = len(story.steps)
    number = st.session_state[session.STEP] or 1
    step = story.steps[number - 1]
    with st.container(key="present-step"):
        st.caption(
            f"{md_escape(translate.text(story.title))} · "
            + md_escape(
                translate(
                    "present.step", number=translate.number(number), total=translate.number(total)
                )
            )
        )
        st.subheader(md_escape(translate.text(step.title)), anchor=False)
        st.markdown(md_escape(translate.text(step.text)))
        back, forward = _arrows(translate)
        with st.container(horizontal=True, key="present-buttons", gap="small"):
            st.button(
                translate("present.previous"),
                key=PREVIOUS,
                disabled=number <= 1,
                on_click=go_to,
                args=(catalog, story, number - 1, span),
                icon=f":material/{back}:",
            )
            st.button(
                translate("present.next"),
                key=NEXT,
                disabled=number >= total,
                on_click=go_to,
                args=(catalog, story, number + 1, span),
                icon=f":material/{forward}:",
                type="primary",
            )
        with st.container(horizontal=True, key="present-menu", gap="small"):
            _render_menu(span, translate)
            export()
        st.caption(translate("present.keys"))
    left, right = ("arrowright", "arrowleft") if translate.rtl else ("arrowleft", "arrowright")
    add_shortcuts(**{PREVIOUS: [left, "pageup"], NEXT: [right, "pagedown"]})
    return story


def _arrows(translate: Translator) -> tuple[str, str]:
    """The icons of Previous and Next: a story reads right to left in Arabic, so they mirror.

    The arrow keys follow the icons: in a right-to-left language the left arrow key goes
    forward, as the Next button's arrow points.
    """
    if translate.rtl:
        return "arrow_forward", "arrow_back"
    return "arrow_back", "arrow_forward"


def _render_menu(span: DateRange, translate: Translator) -> None:
    """Language, the link of this step and the way out, out of the audience's way."""
    with st.popover(translate("present.menu"), icon=":material/menu:"):
        render_language_choice(translate)
        st.caption(translate("share.help"))
        st.code(link_sync.share_url(link_sync.current(span)), language=None, wrap_lines=True)
        st.button(translate("present.exit"), key="present-exit", on_click=stop)

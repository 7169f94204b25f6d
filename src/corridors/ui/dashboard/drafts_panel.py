"""Unreviewed drafts in the public app's list, each row and card marked as such.

Shown only when the app was started to show them (see :mod:`corridors.review.public`);
read-only: nothing here writes. A draft's text comes from an article (or a hand-edited
file), so it is shown as the imported listings show theirs
(:func:`~corridors.ui.common.safe.md_text`: escaped, no bidi controls, no address turned
into a link).
"""

from __future__ import annotations

import streamlit as st

from corridors.core import settings
from corridors.core.datasets import data_dir
from corridors.data.catalog import Catalog
from corridors.data.review_status import ReviewStatus
from corridors.i18n import Translator
from corridors.i18n.review import status_line
from corridors.render.scene import SceneRequest
from corridors.review import DraftRecord
from corridors.review.public import drafts_in_view, read_drafts
from corridors.ui.common.safe import md_escape, md_link, md_text
from corridors.ui.common.styling import isolate
from corridors.ui.dashboard import session


def render_drafts(catalog: Catalog, request: SceneRequest, translate: Translator) -> None:
    """The drafts in the view's range, kinds and search, below the event list."""
    shelf = read_drafts(data_dir())
    query = st.session_state.get(session.SEARCH, "")
    shown = drafts_in_view(catalog, shelf.drafts, request.dates, request.kinds, query)
    if not shown and not shelf.problems:
        return
    with st.container(border=True, key="drafts-pane"):
        st.subheader(translate("drafts.heading"), anchor=False)
        st.caption(translate("drafts.explained"))
        for draft in shown:
            _render_row(catalog, draft, translate)
        if shelf.problems:
            quoted = "; ".join(str(p) for p in shelf.problems[: settings.draft_problems_quoted])
            count = len(shelf.unreadable)
            st.caption(md_text(translate("drafts.unreadable", count=count, problems=quoted)))


def _render_row(catalog: Catalog, draft: DraftRecord, translate: Translator) -> None:
    """One line (marker, date, kind, title) that opens to the draft's card."""
    marker = translate("drafts.marker")
    label = " · ".join(
        md_text(part)
        for part in (
            _when(draft, translate),
            translate(f"kinds.{draft.kind}") if draft.kind else translate("drafts.no_kind"),
            _title(draft, translate),
        )
    )
    row = st.expander(
        f"**{md_escape(marker)}** · {label}",
        icon=":material/rate_review:",
        key=f"draft-row-{draft.id}",
    )
    with row, st.container(key=f"draft-card-{draft.id}"):
        _card_body(catalog, draft, translate)


def _card_body(catalog: Catalog, draft: DraftRecord, translate: Translator) -> None:
    st.warning(md_escape(status_line(translate, ReviewStatus.DRAFT)), icon=":material/rate_review:")
    kind = translate(f"kinds.{draft.kind}") if draft.kind else translate("drafts.no_kind")
    st.caption(f"{md_escape(_when(draft, translate))} · {md_escape(kind)}")
    st.markdown(f"**{md_text(_title(draft, translate))}**")
    if draft.summary:
        st.markdown(md_text(_pick(draft.summary, translate)))
    if draft.actors:
        actors = translate.join_list(
            isolate(md_text(translate.text(actor))) for actor in draft.actors
        )
        st.caption(f"{md_escape(translate('events.actors'))}: {actors}")
    names = [_feature_name(catalog, feature, translate) for feature in draft.features]
    if names:
        joined = translate.join_list(isolate(name) for name in names)
        st.caption(f"{md_escape(translate('drafts.features'))}: {md_escape(joined)}")
    if draft.note:
        note = translate.text(draft.note)
        st.caption(f"{md_escape(translate('events.note'))}: {md_text(note)}")
    if draft.sources:
        links = [md_link(source.outlet, source.url or "") for source in draft.sources]
        st.caption(f"{md_escape(translate('events.sources'))}: " + " · ".join(links))


def _when(draft: DraftRecord, translate: Translator) -> str:
    if draft.date is None:
        return translate("drafts.undated")
    return translate.date(draft.date, draft.precision)


def _title(draft: DraftRecord, translate: Translator) -> str:
    return _pick(draft.title, translate) or translate("drafts.untitled")


def _pick(texts: dict[str, str], translate: Translator) -> str:
    """The text in the page's language, else in English, else in any language it has."""
    return texts.get(translate.lang) or texts.get("en") or next(iter(texts.values()), "")


def _feature_name(catalog: Catalog, feature_id: str, translate: Translator) -> str:
    try:
        return translate.text(catalog.feature(feature_id).names)
    except KeyError:
        return feature_id

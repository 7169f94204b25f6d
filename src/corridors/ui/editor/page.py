"""The editor page: an article in, a reviewed draft out, saved or published.

Never part of the public app: ``corridors edit`` runs it as its own Streamlit script
(``webapp/editor.py``) on 127.0.0.1. The article's text is shown as escaped text with the
evidence in ``<mark>`` (see :mod:`corridors.review.marks`); every other text is plain or
escaped Markdown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Final

import streamlit as st

from corridors.core import settings
from corridors.core.basemaps import BUNDLED
from corridors.core.datasets import data_dir
from corridors.core.languages import DEFAULT_LANGUAGE, available_languages
from corridors.core.locking import LockError
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.i18n import Translator, right_to_left
from corridors.render.deck.component import component_drawing, map_frame
from corridors.render.scene import SceneRequest, build_scene
from corridors.review import (
    Article,
    ArticleError,
    DraftError,
    OpenDraft,
    OverBudgetError,
    article_from_text,
    draft_file,
    draft_record,
    drop_draft,
    list_drafts,
    open_draft,
    propose,
    publish_reviewed,
    read_upload,
    save_reviewed,
)
from corridors.review.explain import found_as, why_date, why_kind
from corridors.review.fields import fields_of, record_with
from corridors.review.marks import marked_html
from corridors.review.messages import Advice, advice, say, sentences
from corridors.ui.common.data import load_report
from corridors.ui.common.deck_map import mount_deck_map
from corridors.ui.common.safe import md_escape
from corridors.ui.common.styling import apply_direction
from corridors.ui.editor import fields
from corridors.ui.editor.duplicates import render_duplicates

#: Session state: the draft under review, the id it was opened or saved under, the last
#: action's outcome, the editor's own language.
DRAFT: Final = "ed_draft"
OPENED_AS: Final = "ed_opened_as"
OUTCOME: Final = "ed_outcome"
UI_LANG: Final = "ed_ui_lang"
TEXT: Final = "ed_text"
UPLOAD: Final = "ed_upload"
ARTICLE_LANG: Final = "ed_article_lang"
PUBLISHED: Final = "ed_published"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What the last action did: a message key and values, or the problems that stopped it."""

    key: str
    values: tuple[tuple[str, str], ...] = ()
    problems: tuple[str, ...] = ()
    #: What the reviewer must do, said in the page's language when shown.
    advice: tuple[Advice, ...] = ()


def render() -> None:
    """Draw the editor for the current session state."""
    st.set_page_config(page_title="Corridor Atlas editor", page_icon="📝", layout="wide")
    st.session_state.setdefault(UI_LANG, DEFAULT_LANGUAGE)
    translate = Translator(st.session_state[UI_LANG])
    apply_direction(translate)
    directory = data_dir()
    catalog = load_report(translate).catalog
    _render_sidebar(directory, translate)
    st.title(translate("editor.title"), anchor=False)
    st.caption(md_escape(translate("editor.caption", data=str(directory))))
    _render_article_input(catalog, translate)
    draft: OpenDraft | None = st.session_state.get(DRAFT)
    if draft is not None:
        _render_review(catalog, draft, translate)
    _render_outcome(translate)


# -- the article ------------------------------------------------------------------------


def _render_article_input(catalog: Catalog, translate: Translator) -> None:
    with st.container(border=True, key="ed-article"):
        st.subheader(translate("editor.article"), anchor=False)
        st.text_area(translate("editor.paste"), key=TEXT, height=160)
        st.file_uploader(translate("editor.upload"), type=["txt", "html", "htm"], key=UPLOAD)
        language, published = st.columns(2)
        language.selectbox(
            translate("editor.language"),
            ["auto", *available_languages()],
            format_func=lambda lang: (
                translate("editor.detect_language") if lang == "auto" else translate.name_of(lang)
            ),
            key=ARTICLE_LANG,
        )
        published.text_input(translate("editor.published"), key=PUBLISHED)
        st.button(
            translate("editor.propose"),
            key="ed-propose",
            type="primary",
            on_click=_propose,
            args=(catalog,),
        )


def _propose(catalog: Catalog) -> None:
    """Read the pasted text (or the upload) and put its proposal under review."""
    published_text = st.session_state.get(PUBLISHED, "").strip()
    try:
        published = dt.date.fromisoformat(published_text) if published_text else None
    except ValueError:
        st.session_state[OUTCOME] = Outcome("editor.bad_published")
        return
    lang = st.session_state.get(ARTICLE_LANG) or "auto"
    try:
        article = _article(published)
        if article is None:
            st.session_state[OUTCOME] = Outcome("editor.no_text")
            return
        proposal = propose(article, catalog, lang=lang, published=published)
    except (ArticleError, OverBudgetError) as error:  # OverBudgetError: see ingest.budget
        st.session_state[OUTCOME] = Outcome("editor.not_read", problems=(str(error),))
        return
    _start_review(OpenDraft(draft_record(proposal, catalog), article.text), opened_as=None)


def _article(published: dt.date | None) -> Article | None:
    """The uploaded file if any, else the pasted text; ``None`` when there is neither."""
    upload = st.session_state.get(UPLOAD)
    if upload is not None:
        article = read_upload(upload.name, upload.getvalue())
        return article if published is None else _with_date(article, published)
    text = st.session_state.get(TEXT, "")
    if not text.strip():
        return None
    return article_from_text(text, name="pasted text", published=published)


def _with_date(article: Article, published: dt.date) -> Article:
    return dataclasses.replace(article, published=published)


def _start_review(draft: OpenDraft, *, opened_as: str | None) -> None:
    st.session_state[DRAFT], st.session_state[OPENED_AS] = draft, opened_as
    st.session_state.pop(OUTCOME, None)
    lang = str((draft.record.get("draft") or {}).get("lang") or DEFAULT_LANGUAGE)
    fields.fill(fields_of(draft.record), source_language=lang)


# -- the review -------------------------------------------------------------------------


def _render_review(catalog: Catalog, draft: OpenDraft, translate: Translator) -> None:
    info = draft.record.get("draft") or {}
    map_column, text_column = st.columns([1, 1], gap="medium")
    with map_column, st.container(key="ed-map"):
        st.subheader(translate("editor.map"), anchor=False)
        _render_map(catalog, fields.chosen_features(), translate)
    with text_column, st.container(key="ed-text", height=settings.editor_map_height + 60):
        st.subheader(translate("editor.text"), anchor=False)
        article_lang = str(info.get("lang") or DEFAULT_LANGUAGE)
        st.html(marked_html(draft.text, draft.evidence, rtl=right_to_left(article_lang)))
    dates_column, missing_column = st.columns([1, 1], gap="medium")
    with dates_column, st.container(key="ed-dates"):
        _render_dates(info, translate)
    record = record_with(draft.record, fields.current(), catalog.actors)
    with missing_column, st.container(key="ed-missing"):
        _render_missing(record, translate)
    render_duplicates(catalog, record, translate)
    with st.container(key="ed-fields"):
        fields.render_fields(catalog, translate)
    with st.container(horizontal=True, key="ed-actions"):
        st.button(translate("editor.save"), key="ed-save", on_click=_save, args=(catalog,))
        st.button(
            translate("editor.publish"),
            key="ed-publish",
            type="primary",
            on_click=_publish,
            args=(catalog,),
        )


def _render_map(catalog: Catalog, features: tuple[str, ...], translate: Translator) -> None:
    """The catalogue's map with the draft's features highlighted and framed."""
    request = SceneRequest(
        dates=catalogue_span(catalog.events), highlighted=frozenset(features), lang=translate.lang
    )
    scene = build_scene(catalog, request)
    drawing = component_drawing(scene, translate, basemap=BUNDLED, reported=None)
    mount_deck_map(
        {**drawing, "frame": map_frame(scene.bounds)},
        height=settings.editor_map_height,
        key="ed-deck-map",
    )


def _render_dates(info: dict[str, object], translate: Translator) -> None:
    st.subheader(translate("editor.dates"), anchor=False)
    candidates = info.get("dates") or []
    if not isinstance(candidates, list) or not candidates:
        st.info(translate("editor.no_date"))
    else:
        st.dataframe(
            {
                translate("editor.date_column"): [str(c["date"]) for c in candidates],
                translate("editor.how_column"): [
                    found_as(str(c["how"]), translate) for c in candidates
                ],
                translate("editor.words_column"): [str(c["text"]) for c in candidates],
            },
            hide_index=True,
        )
    record_date = st.session_state.get(f"{fields.PREFIX}date") or "-"
    reason = why_date(info, _proposed_date(info), translate)
    st.text(translate("editor.date_picked", date=record_date, reason=reason))
    st.text(translate("editor.kind_reason", reason=why_kind(info, translate)))


def _proposed_date(info: dict[str, object]) -> str:
    """The date the engine proposed: the value of the draft's ``date`` evidence."""
    evidence = info.get("evidence")
    for entry in evidence if isinstance(evidence, list) else ():
        if isinstance(entry, dict) and entry.get("field") == "date":
            return str(entry.get("value"))
    return "-"


def _render_missing(record: dict[str, object], translate: Translator) -> None:
    st.subheader(translate("editor.missing"), anchor=False)
    advice = sentences(record, translate)
    if not advice:
        st.success(translate("editor.complete"))
    for sentence in advice:
        st.text(sentence)


# -- actions ----------------------------------------------------------------------------


def _reviewed(catalog: Catalog) -> OpenDraft:
    draft: OpenDraft = st.session_state[DRAFT]
    return OpenDraft(record_with(draft.record, fields.current(), catalog.actors), draft.text)


def _save(catalog: Catalog) -> None:
    draft = _reviewed(catalog)
    to_do = tuple(advice(draft.record, complete=False))
    if to_do:
        st.session_state[OUTCOME] = Outcome("editor.not_saved", advice=to_do)
        return
    try:
        path = save_reviewed(data_dir(), draft, replaces=st.session_state.get(OPENED_AS))
    except (DraftError, LockError) as error:
        st.session_state[OUTCOME] = Outcome("editor.not_saved", problems=_lines(error))
        return
    st.session_state[DRAFT], st.session_state[OPENED_AS] = draft, str(draft.record["id"])
    fields.show_id(str(draft.record["id"]))
    st.session_state[OUTCOME] = Outcome("editor.saved", (("path", str(path)),))


def _publish(catalog: Catalog) -> None:
    draft = _reviewed(catalog)
    to_do = tuple(advice(draft.record))
    if to_do:
        st.session_state[OUTCOME] = Outcome("editor.not_published", advice=to_do)
        return
    try:
        event = publish_reviewed(data_dir(), draft, replaces=st.session_state.get(OPENED_AS))
    except (DraftError, LockError) as error:
        st.session_state[OUTCOME] = Outcome("editor.not_published", problems=_lines(error))
        if (data_dir() / draft_file(str(draft.record.get("id")))).is_file():
            st.session_state[DRAFT], st.session_state[OPENED_AS] = draft, str(draft.record["id"])
        return
    st.session_state.pop(DRAFT, None)
    st.session_state.pop(OPENED_AS, None)
    values = (("id", event.id), ("date", event.date.isoformat()))
    st.session_state[OUTCOME] = Outcome("editor.published_ok", values)


def _open(draft_id: str) -> None:
    try:
        draft = open_draft(data_dir(), draft_id)
    except DraftError as error:
        st.session_state[OUTCOME] = Outcome("editor.not_opened", problems=_lines(error))
        return
    _start_review(draft, opened_as=draft_id)


def _drop(draft_id: str) -> None:
    try:
        drop_draft(data_dir(), draft_id)
    except (DraftError, LockError) as error:
        st.session_state[OUTCOME] = Outcome("editor.not_saved", problems=_lines(error))
        return
    if st.session_state.get(OPENED_AS) == draft_id:
        st.session_state.pop(DRAFT, None)
        st.session_state.pop(OPENED_AS, None)
    st.session_state[OUTCOME] = Outcome("editor.dropped", (("id", draft_id),))


def _lines(error: DraftError | LockError) -> tuple[str, ...]:
    """One line per problem of a draft; the message of a lock not taken."""
    if isinstance(error, LockError):
        return (str(error),)
    return tuple(str(problem) for problem in error.problems)


def _render_outcome(translate: Translator) -> None:
    outcome: Outcome | None = st.session_state.get(OUTCOME)
    if outcome is None:
        return
    with st.container(key="ed-outcome"):
        message = translate(outcome.key, **dict(outcome.values))
        failed = outcome.problems or outcome.advice
        if failed or outcome.key in ("editor.no_text", "editor.bad_published"):
            st.error(md_escape(message))
        else:
            st.success(md_escape(message))
        for line in (*outcome.problems, *(say(item, translate) for item in outcome.advice)):
            st.text(line)


# -- the sidebar ------------------------------------------------------------------------


def _render_sidebar(directory: Path, translate: Translator) -> None:
    with st.sidebar:
        st.selectbox(
            translate("editor.ui_language"),
            available_languages(),
            format_func=translate.language_name,
            key=UI_LANG,
        )
        st.subheader(translate("editor.drafts"), anchor=False)
        drafts = list_drafts(directory)
        if not drafts:
            st.caption(translate("editor.no_drafts"))
        for summary in drafts:
            with st.container(border=True, key=f"ed-draft-{summary.id}"):
                st.text(summary.id)
                if summary.title:
                    st.caption(md_escape(summary.title))
                with st.container(horizontal=True):
                    st.button(
                        translate("editor.open"),
                        key=f"ed-open-{summary.id}",
                        on_click=_open,
                        args=(summary.id,),
                    )
                    st.button(
                        translate("editor.drop"),
                        key=f"ed-drop-{summary.id}",
                        on_click=_drop,
                        args=(summary.id,),
                    )

"""The editor's form: the draft's fields as widgets, filled from a draft and read back.

Each field is a keyed widget; :func:`fill` puts a draft's values into session state (in a
callback, before the widgets are drawn) and :func:`current` reads them back as
:class:`~corridors.review.fields.ReviewFields`.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from corridors.core import settings
from corridors.core.languages import available_languages
from corridors.data.catalog import Catalog
from corridors.data.models import EventKind, Precision
from corridors.i18n import Translator
from corridors.review import dated_id
from corridors.review.fields import SOURCE_KEYS, ReviewFields

PREFIX: Final = "ed_f_"
SOURCE_COUNT: Final = "ed_source_count"
_TEXTS: Final = ("title", "summary", "note")


def _key(name: str) -> str:
    return f"{PREFIX}{name}"


def _source_key(index: int, name: str) -> str:
    return _key(f"source_{index}_{name}")


def fill(fields: ReviewFields, *, source_language: str) -> None:
    """Put ``fields`` into the form (call from a callback, before the widgets are drawn)."""
    state = st.session_state
    state[_key("id")], state[_key("date")] = fields.id, fields.date
    state[_key("precision")], state[_key("kind")] = fields.precision, fields.kind
    for name in _TEXTS:
        texts = getattr(fields, name)
        for lang in available_languages():
            state[_key(f"{name}_{lang}")] = texts.get(lang, "")
    state[_key("features")] = list(fields.features)
    state[_key("actors")] = list(fields.actors)
    state[_key("provisions")] = list(fields.provisions)
    rows = (
        list(fields.sources) or [{"language": source_language}] * settings.editor_empty_source_rows
    )
    for index, row in enumerate(rows):
        for name in SOURCE_KEYS:
            state[_source_key(index, name)] = row.get(name, "")
    state[SOURCE_COUNT] = len(rows)


def add_source() -> None:
    """One more source row (a callback)."""
    st.session_state[SOURCE_COUNT] = st.session_state.get(SOURCE_COUNT, 0) + 1


def follow_date() -> None:
    """The id follows a corrected date (a callback of the date field)."""
    state = st.session_state
    state[_key("id")] = dated_id(state.get(_key("id"), ""), state.get(_key("date"), ""))


def show_id(draft_id: str) -> None:
    """Show ``draft_id`` in the id field (call from a callback)."""
    st.session_state[_key("id")] = draft_id


def current() -> ReviewFields:
    """What the form holds now."""
    state = st.session_state

    def texts(name: str) -> dict[str, str]:
        return {lang: state.get(_key(f"{name}_{lang}"), "") for lang in available_languages()}

    return ReviewFields(
        id=state.get(_key("id"), ""),
        date=state.get(_key("date"), ""),
        precision=state.get(_key("precision")) or str(Precision.DAY),
        kind=state.get(_key("kind")),
        title=texts("title"),
        summary=texts("summary"),
        note=texts("note"),
        features=tuple(state.get(_key("features")) or ()),
        actors=tuple(state.get(_key("actors")) or ()),
        provisions=tuple(state.get(_key("provisions")) or ()),
        sources=tuple(
            {name: state.get(_source_key(index, name), "") for name in SOURCE_KEYS}
            for index in range(state.get(SOURCE_COUNT, 0))
        ),
    )


def chosen_features() -> tuple[str, ...]:
    """The features the form links the draft to now."""
    return tuple(st.session_state.get(_key("features")) or ())


def render_fields(catalog: Catalog, translate: Translator) -> None:
    """The fields to correct: id, date, precision, kind, texts, links and sources.

    The links are features, actors and agreement provisions.
    """
    st.subheader(translate("editor.fields"), anchor=False)
    first, second, third, fourth = st.columns([3, 2, 1, 2])
    first.text_input(translate("editor.id"), key=_key("id"))
    second.text_input(translate("editor.date"), key=_key("date"), on_change=follow_date)
    third.selectbox(
        translate("editor.precision"),
        [str(p) for p in Precision],
        format_func=lambda precision: translate(f"editor.precision_option.{precision}"),
        key=_key("precision"),
    )
    fourth.selectbox(
        translate("editor.kind"),
        [str(kind) for kind in EventKind],
        format_func=lambda kind: translate(f"kinds.{kind}"),
        index=None,
        placeholder=translate("editor.no_kind"),
        key=_key("kind"),
    )
    for name, widget in (("title", st.text_input), ("summary", st.text_area)):
        for lang in available_languages():
            label = translate(f"editor.{name}_in", language=translate.name_of(lang))
            widget(label, key=_key(f"{name}_{lang}"))
    _render_choices(catalog, translate)
    for lang in available_languages():
        label = translate("editor.note_in", language=translate.name_of(lang))
        st.text_input(label, key=_key(f"note_{lang}"))
    _render_sources(translate)


def _render_choices(catalog: Catalog, translate: Translator) -> None:
    """Features, actors and provisions, chosen from the catalogue (ids the draft names are kept).

    The provisions proposed are preselected: the reviewer accepts one by leaving it,
    rejects it by removing it, and adds any other provision of the catalogue.
    """
    features = {f.id: translate.text(f.names) for f in catalog.features()}
    actors = {a.id: translate.text(a.names) for a in catalog.actors}
    provisions = {
        agreement.provision_id(p): translate.text(p.label)
        for agreement in catalog.agreements
        for p in agreement.provisions
    }
    for name, known in (("features", features), ("actors", actors), ("provisions", provisions)):
        held = [item for item in st.session_state.get(_key(name)) or () if item not in known]
        st.multiselect(
            translate(f"editor.{name}"),
            [*known, *held],
            format_func=lambda item, known=known: f"{known.get(item, item)} ({item})",  # type: ignore[misc]
            key=_key(name),
        )


def _render_sources(translate: Translator) -> None:
    st.markdown(f"**{translate('editor.sources')}**")
    for index in range(st.session_state.get(SOURCE_COUNT, 0)):
        with st.container(border=True, key=f"ed-source-{index}"):
            st.caption(translate("editor.source", number=index + 1))
            url, outlet, language, published = st.columns([4, 2, 1, 2])
            url.text_input(translate("editor.url"), key=_source_key(index, "url"))
            outlet.text_input(translate("editor.outlet"), key=_source_key(index, "outlet"))
            language.text_input(
                translate("editor.source_language"), key=_source_key(index, "language")
            )
            published.text_input(
                translate("editor.source_published"), key=_source_key(index, "published")
            )
    st.button(translate("editor.add_source"), key="ed-add-source", on_click=add_source)

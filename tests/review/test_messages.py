"""Validation messages for a reviewer: sentences in the page's language, not pydantic's."""

from __future__ import annotations

from typing import Any

import pytest

from corridors.i18n import Translator
from corridors.i18n.translator import strings
from corridors.review.messages import advice, sentences

COMPLETE: dict[str, Any] = {
    "id": "2025-08-08-washington-summit",
    "date": "2025-08-08",
    "kind": "summit",
    "title": {"en": "Summit", "ar": "قمة"},
    "summary": {"en": "They met.", "ar": "التقيا."},
    "features": ["az"],
    "sources": [{"url": "https://example.org/a", "outlet": "Outlet", "language": "en"}],
}


def without(*names: str, **changed: Any) -> dict[str, Any]:
    record = {key: value for key, value in COMPLETE.items() if key not in names}
    return {**record, **changed}


@pytest.mark.parametrize(
    ("record", "sentence"),
    [
        (without("sources"), "Add at least one source with a web address."),
        (without(sources=[]), "Add at least one source with a web address."),
        (without(features=[]), "Link at least one place or route of the map."),
        (without("kind"), "Choose what kind of event it is."),
        (without(date="2025-02-30"), "Give the event's date as a real day, YYYY-MM-DD."),
        (without(title={"en": "Summit"}), "Write the title in Arabic."),
        (
            without(sources=[{"url": "ftp://example.org", "outlet": "O", "language": "en"}]),
            "Source 1: give its web address, starting with http:// or https://.",
        ),
        (
            without(sources=[{"url": "https://example.org", "outlet": "O", "language": "english"}]),
            "Source 1: give its language as a two- or three-letter code (en, ar, ru).",
        ),
    ],
)
def test_each_problem_is_a_sentence_saying_what_to_do(
    record: dict[str, Any], sentence: str
) -> None:
    said = [
        text.translate(str.maketrans("", "", "\u2068\u2069"))
        for text in sentences(record, Translator("en"))
    ]
    assert sentence in said
    assert not any("Tuple should" in text or "Field required" in text for text in said)


def test_a_complete_record_needs_nothing() -> None:
    assert advice(COMPLETE) == []


def test_the_sentences_are_in_the_page_language() -> None:
    assert sentences(without("sources"), Translator("ar")) == [
        "أضف مصدرًا واحدًا على الأقل له رابط على الويب."
    ]


def test_every_sentence_exists_in_every_language() -> None:
    keys = {key for key in strings("en") if key.startswith("editor.problem.")}
    assert len(keys) > 10
    for lang in ("en", "ar"):
        assert keys <= set(strings(lang))

"""Link notices in the UI: every kind is worded in every language, and hostile links stay small."""

from __future__ import annotations

import pytest

from corridors.core import settings
from corridors.core.languages import available_languages
from corridors.i18n import Translator, strings
from corridors.links.view_state import Notice, NoticeKind
from corridors.ui.dashboard.link_sync import notice_text
from support.app import open_app


@pytest.mark.parametrize("lang", available_languages())
def test_every_notice_kind_has_its_own_words(lang: str) -> None:
    worded = {key for key in strings(lang) if key.startswith("notices.")}
    assert {f"notices.{kind}" for kind in NoticeKind} <= worded
    translate = Translator(lang)
    texts = {notice_text(Notice("from", "3", kind), translate) for kind in NoticeKind}
    assert len(texts) == len(NoticeKind)  # no two kinds read the same


def test_the_count_notice_says_how_many() -> None:
    assert notice_text(Notice("", "989", NoticeKind.MORE), Translator("en")).startswith("989 more")
    assert notice_text(Notice("", "1", NoticeKind.MORE), Translator("en")).startswith("One more")
    assert "أجزاء" in notice_text(Notice("", "3", NoticeKind.MORE), Translator("ar"))


def test_a_link_with_many_hostile_names_gives_a_short_clean_box() -> None:
    hostile = {f"line one\n\u202eline two {number}": "1" for number in range(50)}
    at = open_app(**hostile, feature="meghri")
    assert at.session_state["feature"] == "meghri"  # the rest of the link applies
    box = [text.value for text in at.text if "unknown parameter" in text.value]
    assert len(box) == settings.max_link_notices
    assert not any("\n" in line or "\u202e" in line for line in box)
    assert any(text.value.startswith(f"{50 - settings.max_link_notices} more") for text in at.text)

"""The editor in Arabic says nothing in English: labels, explanations, options and advice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from corridors.core.environment import DATA_DIR_ENV
from corridors.i18n.translator import strings
from support.editor import SEED, F, open_editor, propose

#: Words of the engine's own (English) reasons and of pydantic's messages.
ENGINE_ENGLISH = ("keyword weights", "earliest date", "Field required", "Tuple should", "written")
#: The page isolates each value it puts into a sentence (FSI ... PDI): read without them.
UNISOLATED = str.maketrans("", "", "\u2068\u2069")


@pytest.fixture
def arabic_editor(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    at = open_editor()
    at.selectbox(key="ed_ui_lang").set_value("ar").run()
    at = propose(at, SEED.read_text(encoding="utf-8"))
    at.button(key="ed-publish").click().run()  # not complete: the advice is shown too
    return at


def shown(at: AppTest) -> list[str]:
    """Every text the page shows: elements, widget labels, options and table cells."""
    found: list[str] = []
    for kind in ("text", "caption", "markdown", "subheader", "title", "error", "success", "info"):
        found.extend(str(element.value) for element in at.get(kind))
    for kind in ("text_input", "text_area", "selectbox", "multiselect", "button"):
        for widget in at.get(kind):
            found.append(str(widget.label))
            found.extend(str(option) for option in getattr(widget, "options", ()))
    for table in at.dataframe:
        frame = table.value
        found.extend(str(column) for column in frame.columns)
        found.extend(str(cell) for column in frame.columns for cell in frame[column])
    return [text.translate(UNISOLATED) for text in found]


def english_only(key: str) -> list[str]:
    """The words of the English string ``key`` that its Arabic string does not hold."""
    english, arabic = str(strings("en")[key]), str(strings("ar")[key])
    parts = re.split(r"\{[a-z_]+\}", english)
    return [p.strip(" .:,()") for p in parts if re.search(r"[A-Za-z]{3}", p) and p not in arabic]


def test_the_arabic_editor_shows_no_english_string(arabic_editor: AppTest) -> None:
    page = "\n".join(shown(arabic_editor))
    editor_keys = [key for key in strings("en") if key.startswith("editor.")]
    leaks = {key: part for key in editor_keys for part in english_only(key) if part in page}
    assert leaks == {}
    assert [word for word in ENGINE_ENGLISH if word in page] == []


def test_the_arabic_editor_explains_dates_kinds_and_options_in_arabic(
    arabic_editor: AppTest,
) -> None:
    page = shown(arabic_editor)
    assert any(text.startswith("التاريخ المختار: 2025-08-07. أقدم تاريخ") for text in page)
    assert any(text.startswith("النوع: أوزان الكلمات الدالة") for text in page)
    assert arabic_editor.selectbox(key=F + "precision").options == ["اليوم", "الشهر", "السنة"]
    assert set(arabic_editor.dataframe[0].value["وردت بصيغة"]) == {"مكتوب صراحةً"}
    assert "الرابط (http أو https)" in page
    assert "أضف مصدرًا واحدًا على الأقل له رابط على الويب." in page

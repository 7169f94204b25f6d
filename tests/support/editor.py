"""Helpers shared by test modules (moved from test_editor_page.py)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from corridors.core.assets import editor_script
from support.paths import FIXTURES

SEED = FIXTURES / "ingest" / "news-article-ar.txt"


F = "ed_f_"


COMPLETE = {
    "title_en": "Washington summit: joint declaration and TRIPP",
    "title_ar": "قمة واشنطن: إعلان مشترك وطريق ترامب",
    "summary_en": "Aliyev and Pashinyan sign a joint declaration with Trump as witness.",
    "summary_ar": "علييف وباشينيان يوقعان إعلانًا مشتركًا بحضور ترامب شاهدًا.",
    "source_0_url": "https://example.org/nebras-article",
    "source_0_outlet": "Nebras",
}


def open_editor() -> AppTest:
    at = AppTest.from_file(str(editor_script()), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def propose(at: AppTest, text: str) -> AppTest:
    at.text_area(key="ed_text").set_value(text)
    at.button(key="ed-propose").click().run()
    assert not at.exception
    return at


def texts(at: AppTest) -> list[str]:
    return [element.value for element in at.text]


def fill(at: AppTest, values: dict[str, str]) -> None:
    for name, value in values.items():
        widget = at.text_area(key=F + name) if name.startswith("summary") else None
        (widget or at.text_input(key=F + name)).set_value(value)

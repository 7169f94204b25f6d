"""The card's source line: links, addresses not recorded, addresses not found."""

from __future__ import annotations

import pytest

from corridors.data.models import Source
from corridors.i18n import Translator
from corridors.ui.dashboard.events_panel import source_links


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "address not found in any public copy"),
        ("ar", "لم يُعثر على الرابط في أي نسخة منشورة"),
    ],
)
def test_an_unresolved_address_is_said_so_beside_its_link(lang: str, said: str) -> None:
    sources = [
        Source(url="https://example.org/a", outlet="Found", language="en"),
        Source(url="https://example.org/b", outlet="Lost", language="en", unresolved=True),
    ]
    found, lost = source_links(sources, Translator(lang)).split(" · ")
    assert "https://example.org/a" in found
    assert said not in found
    assert "https://example.org/b" in lost
    assert lost.endswith(f"({said})")

"""The playback bar in a browser: its day, whether it plays, its keys (for browser tests).

The bar (:mod:`corridors.ui.dashboard.playback`) writes its state on its element:
``data-day`` (the playhead), ``data-playing`` and ``data-frame`` (frames drawn).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Locator, Page, expect

from corridors.testing.browser import MAP_TIMEOUT


class PlaybackBar:
    """The playback bar of a dashboard page."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @property
    def bar(self) -> Locator:
        """The bar's element: buttons, the day shown, a live region (the newest one)."""
        return self.page.locator(".playback").last

    def day(self) -> dt.date:
        """The playhead."""
        return dt.date.fromisoformat(self.bar.get_attribute("data-day") or "")

    def playing(self) -> bool:
        """Whether the bar says it plays."""
        return self.bar.get_attribute("data-playing") == "true"

    def frame(self) -> int:
        """How many frames (actions and clock ticks) the page has drawn."""
        return int(self.bar.get_attribute("data-frame") or "0")

    def button(self, action: str) -> Locator:
        """A button of the bar: ``home``, ``back``, ``toggle``, ``forward`` or ``end``."""
        return self.bar.locator(f'button[data-action="{action}"]')

    def announced(self) -> str:
        """What the live region says."""
        return self.bar.locator(".live").text_content() or ""

    def press(self, key: str) -> dt.date:
        """Press ``key`` with focus in the bar; the playhead once the page has answered."""
        before = self.frame()
        self.page.keyboard.press(key)
        expect(self.bar).not_to_have_attribute("data-frame", str(before), timeout=MAP_TIMEOUT)
        return self.day()

    def link_to(self) -> dt.date | None:
        """The ``to`` day in the address bar."""
        values = parse_qs(urlparse(self.page.url).query).get("to")
        return dt.date.fromisoformat(values[-1]) if values else None

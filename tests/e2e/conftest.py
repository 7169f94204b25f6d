"""Fixtures of the browser tests: one app server per module, Chromium, a fresh page per test.

Chromium is Debian's (/usr/bin/chromium; `make test` installs it); Playwright's own browser
downloads are not used. Without it the tests fail, saying so; they are never skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from corridors.testing.browser import ARTIFACTS, VIEWPORT, Dashboard
from corridors.testing.server import CHROMIUM, CHROMIUM_ARGS, app_server

EXPECT_TIMEOUT = 20_000  # ms; software WebGL on two cores is slow to draw


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served on a free loopback port for the tests of one module."""
    with app_server(tmp_path_factory.mktemp("server") / "streamlit.log") as server:
        yield server.url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright, once for the session (a second instance cannot run beside it)."""
    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's headless Chromium, shared by the session (each test gets its own context)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
            "Install it with `apt-get install -y chromium` (or run `make test`, which does).",
            pytrace=False,
        )
    expect.set_options(timeout=EXPECT_TIMEOUT)
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a fresh browser context (a new Streamlit session); screenshot kept at the end."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US", timezone_id="UTC")
    context.set_default_timeout(EXPECT_TIMEOUT)
    opened = context.new_page()
    try:
        yield opened
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        try:
            opened.screenshot(path=ARTIFACTS / f"{name}.png")
        except PlaywrightError as error:  # an artefact for debugging, never a test result
            print(f"no screenshot of {name}: {error.message.splitlines()[0]}", file=sys.stderr)
        finally:
            context.close()


@pytest.fixture
def dashboard(page: Page, server_url: str) -> Dashboard:
    """The dashboard in a fresh page, recording what it receives and requests (not yet open)."""
    return Dashboard(page, server_url)

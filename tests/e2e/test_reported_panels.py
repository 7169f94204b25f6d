"""Reported events beside the map in the browser: links, hostile text, the timeline's brush.

One app server whose import store holds the ACLED and GDELT fixtures and hostile rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.testing.browser import Dashboard
from corridors.testing.server import app_server
from support.reported_stores import fill_sample_store

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[str]:
    """The app served with an import store of the fixtures and the hostile rows."""
    scratch = tmp_path_factory.mktemp("reported-server")
    folder = fill_sample_store(scratch / "imports", catalog, scratch)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(IMPORTS_DIR_ENV, str(folder))
        with app_server(scratch / "streamlit.log") as server:
            yield server.url


def test_source_links_open_apart_and_imported_text_stays_text(dashboard: Dashboard) -> None:
    dashboard.open("?feature=am-su")
    rows = dashboard.keyed("feature-reported-am-su-rows")
    expect(rows).to_be_visible()
    expect(rows.get_by_text('<script>alert("x")</script> **bold**').first).to_be_visible()
    links = rows.locator("a")
    hosts = [
        host.strip("\u2068\u2069")
        for host in links.evaluate_all("nodes => nodes.map(node => node.textContent)")
    ]
    hrefs = links.evaluate_all("nodes => nodes.map(node => node.href)")
    # only the GDELT source links (http(s)), named by their host; no address in a note is one
    assert sorted(hosts) == ["evil.example", "example.org", "example.org"]
    assert all(href.startswith("https://") for href in hrefs)
    for index in range(links.count()):
        expect(links.nth(index)).to_have_attribute("target", "_blank")
        expect(links.nth(index)).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    assert rows.locator("script, img, strong, iframe").count() == 0
    expect(rows.get_by_text("javascript:alert(document.cookie)")).to_be_visible()


def test_brushing_still_sets_the_range_with_reported_bars(dashboard: Dashboard) -> None:
    dashboard.open("?from=2025-01-01&to=2025-12-31")
    chart = dashboard.page.get_by_test_id("stVegaLiteChart")
    expect(chart.locator("path[aria-roledescription='bar']").first).to_be_attached()
    dashboard.brush_timeline(0.4, 0.7)
    # the link held 2025-01-01 before the brush: wait for the brushed start
    expect(dashboard.page).not_to_have_url(re.compile(r"from=2025-01-01"))
    query = parse_qs(urlsplit(dashboard.page.url).query)
    assert "2025-01-01" < query["from"][0] < query["to"][0] < "2025-12-31"

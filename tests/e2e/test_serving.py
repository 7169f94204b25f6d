"""The server's own settings as a client sees them: embedding, XSRF, static files."""

from __future__ import annotations

import urllib.request

import pytest

from support.probes import (
    host_config,
    sets_xsrf_cookie,
    upload_status_without_token,
    websocket_opens,
)

pytestmark = pytest.mark.e2e


def test_no_other_origin_may_embed_and_control_the_app(server_url: str) -> None:
    # Streamlit's default list trusts its Community Cloud domains (*.streamlit.app, ...).
    assert host_config(server_url)["allowedOrigins"] == []


def test_xsrf_protection_is_on(server_url: str) -> None:
    assert sets_xsrf_cookie(server_url)
    assert upload_status_without_token(server_url) == 403


def test_sessions_open_only_for_the_local_host_names(server_url: str) -> None:
    assert websocket_opens(server_url, "127.0.0.1")
    assert websocket_opens(server_url, "localhost")
    assert not websocket_opens(server_url, "rebound.attacker.example")


def test_leaflet_is_served_from_the_app_itself(server_url: str) -> None:
    with urllib.request.urlopen(f"{server_url}app/static/leaflet/leaflet.js") as response:
        assert response.status == 200
        assert b"Leaflet" in response.read(2000)

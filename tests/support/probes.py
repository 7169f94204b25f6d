"""HTTP probes of a running app server's settings, without a browser."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from websockets import InvalidStatus, Subprotocol
from websockets.sync.client import connect

XSRF_COOKIE = "_streamlit_xsrf"


def host_config(url: str) -> dict[str, Any]:
    """What ``/_stcore/host-config`` tells the page (allowed origins of parent frames, ...)."""
    with urllib.request.urlopen(f"{url}_stcore/host-config", timeout=10) as response:
        config: dict[str, Any] = json.load(response)
        return config


def sets_xsrf_cookie(url: str) -> bool:
    """Whether the server hands out an XSRF token cookie (it does only with XSRF on)."""
    with urllib.request.urlopen(f"{url}_stcore/health", timeout=10) as response:
        cookies = response.headers.get_all("Set-Cookie") or []
    return any(cookie.startswith(f"{XSRF_COOKIE}=") for cookie in cookies)


def upload_status_without_token(url: str) -> int:
    """The HTTP status of a file upload sent without an XSRF token (403 with XSRF on)."""
    request = urllib.request.Request(
        f"{url}_stcore/upload_file/no-session/no-file", data=b"x", method="PUT"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def websocket_opens(url: str, host: str) -> bool:
    """Whether the app opens a session for a websocket whose Host header names ``host``.

    The connection goes to the server's own address whatever ``host`` says, as it does
    for a page whose name an attacker made resolve to the server (DNS rebinding).
    """
    server = urlsplit(url)
    assert server.hostname is not None
    assert server.port is not None
    connection = socket.create_connection((server.hostname, server.port), timeout=10)
    try:
        with connect(
            f"ws://{host}:{server.port}/_stcore/stream",
            sock=connection,
            subprotocols=[Subprotocol("streamlit")],
            open_timeout=10,
        ):
            return True
    except InvalidStatus:
        return False
    finally:
        connection.close()

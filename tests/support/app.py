"""The dashboard run in-process by Streamlit's AppTest, as a visitor of a link would."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from corridors.core.assets import main_script

APP = str(main_script())


def open_app(**query: str) -> AppTest:
    """Run the app once as a visitor of a link with these query parameters would."""
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at

"""The dashboard run in-process by Streamlit's AppTest, as a visitor of a link would."""

from __future__ import annotations

import json
import re
from typing import Any

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


def list_ids(at: AppTest, prefix: str = "list") -> list[str]:
    """The ids of the events whose rows the page shows (the list's current page by default)."""
    marker = f"{prefix}-show-"
    return [b.key.removeprefix(marker) for b in at.button if b.key and b.key.startswith(marker)]


def listed_ids(at: AppTest) -> list[str]:
    """The ids the event list shows, page after page, as a reader turning them would see."""
    ids = list_ids(at)
    pages = [widget for widget in at.get("pagination") if widget.key == "page"]
    for page in range(2, pages[0].proto.num_pages + 1 if pages else 1):
        pages[0].set_value(page).run()
        ids.extend(list_ids(at))
    return ids


def leaflet_args(at: AppTest) -> dict[str, Any]:
    """The arguments the page sent to the Leaflet component (AppTest does not draw it)."""
    components = [
        element
        for element in at.get("component_instance")
        if element.proto.component_name.startswith("streamlit_folium")
    ]
    assert len(components) == 1
    args: dict[str, Any] = json.loads(components[0].proto.json_args)
    return args


def leaflet_features(at: AppTest) -> list[dict[str, Any]]:
    """The GeoJSON features the Leaflet component is given to draw, in drawing order."""
    script = leaflet_args(at)["feature_group"]
    decoder = json.JSONDecoder()
    features: list[dict[str, Any]] = []
    for match in re.finditer(r"\.addData\(", script):
        collection, _ = decoder.raw_decode(script, match.end())
        features.extend(collection["features"])
    return features

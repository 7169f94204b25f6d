"""The basemap list is the one both renderers and the link use, and matches the static styles."""

from __future__ import annotations

import json

import pytest

from corridors.core.basemaps import BASEMAPS, BUNDLED
from corridors.links.view_state import ViewState
from support.paths import REPOSITORY

STATIC = REPOSITORY / "static"


@pytest.mark.parametrize("name", sorted(BASEMAPS))
def test_each_basemap_style_is_served_and_names_the_same_tiles(name: str) -> None:
    basemap = BASEMAPS[name]
    path = STATIC / basemap.style.removeprefix("/app/static/")
    style = json.loads(path.read_text(encoding="utf-8"))
    tiles = [url for source in style["sources"].values() for url in source.get("tiles", [])]
    if basemap.tiles is None:
        assert tiles == []
    else:  # Leaflet's "{s}" stands for the subdomains a MapLibre style lists one by one
        assert tiles
        assert set(tiles) <= {basemap.tiles.replace("{s}", sub) for sub in "abcd"}


def test_the_default_basemap_is_the_bundled_offline_one() -> None:
    assert ViewState().basemap == BUNDLED
    assert BASEMAPS[BUNDLED].tiles is None

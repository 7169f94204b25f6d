"""Both renderers' tooltips say what each item is: curated marks, cells of imported events.

The store holds an imported row with a script in its location: no tooltip carries an
imported event's own text, and what a tooltip does carry is escaped by the Leaflet map
(which inserts tooltips as HTML) and sent as plain text to deck.gl.
"""

from __future__ import annotations

import html
import json
from typing import Any

import pytest

from corridors.core.basemaps import BUNDLED
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.deck.component import component_drawing
from corridors.render.event_marks import EVENTS_LAYER
from corridors.render.leaflet.builder import build_map, fix_element_ids
from corridors.render.reported_layer import CELLS_LAYER, MapView, build_reported_layer
from corridors.render.scene import Scene, SceneRequest, build_scene
from corridors.reported.store import EventQuery, EventStore, open_store
from support.reported_stores import SCRIPT, fill_precision_store

EN, AR = Translator("en"), Translator("ar")
VIEW = MapView(Camera(lat=39.1, lon=46.0, zoom=8.0), 1200, 560)
#: The event whose date is known to the month: its mark's tooltip says so.
MONTHLY = "nakhchivan-railway-reconstruction"
STATUS = {
    "en": ("Curated: checked against its sources by the atlas", "Imported: as ACLED, GDELT"),
    "ar": (
        "\u2068مُنتقى\u2069: \u2068تحقّق منه الأطلس",
        "\u2068مستورد\u2069: \u2068كما يرد",  # noqa: RUF001 (Arabic)
    ),
}


@pytest.fixture(scope="module")
def store(catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> EventStore:
    scratch = tmp_path_factory.mktemp("review-tooltips")
    return open_store(fill_precision_store(scratch / "imports", catalog, scratch))


def scene_in(catalog: Catalog, lang: str) -> Scene:
    return build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events), lang=lang))


@pytest.mark.parametrize("translate", [EN, AR], ids=["en", "ar"])
def test_deck_tooltips_say_curated_and_imported_as_plain_text(
    catalog: Catalog, store: EventStore, translate: Translator
) -> None:
    layer = build_reported_layer(store, EventQuery(), VIEW)
    drawing = component_drawing(
        scene_in(catalog, translate.lang), translate, basemap=BUNDLED, reported=layer
    )
    curated, imported = STATUS[translate.lang]
    marks = {mark["id"]: mark["tooltip"] for mark in drawing["marks"]}
    assert marks
    assert all(curated in tooltip for tooltip in marks.values())
    monthly = next(event for event in catalog.events if event.id == MONTHLY)
    # the date as known: to the month
    assert translate.date(monthly.date, monthly.precision) in marks[MONTHLY]
    spec = json.loads(drawing["spec"])
    (cells,) = [entry for entry in spec["layers"] if entry["id"] == CELLS_LAYER]
    assert cells["data"]
    assert all(imported in row["tooltip"] for row in cells["data"])
    text = json.dumps(drawing, ensure_ascii=False)
    assert SCRIPT not in text
    assert "alert" not in text  # no imported text reaches the map


@pytest.mark.parametrize("translate", [EN, AR], ids=["en", "ar"])
def test_leaflet_tooltips_say_curated_and_imported_escaped(
    catalog: Catalog, store: EventStore, translate: Translator
) -> None:
    layer = build_reported_layer(store, EventQuery(), VIEW)
    leaflet_map = build_map(
        scene_in(catalog, translate.lang), translate, camera=VIEW.camera, reported=layer
    )
    fix_element_ids(leaflet_map)
    page = leaflet_map.get_root().render()
    tooltips = _tooltips(page)
    curated, imported = (html.escape(line) for line in STATUS[translate.lang])
    assert tooltips[EVENTS_LAYER]
    assert all(curated in tip for tip in tooltips[EVENTS_LAYER])
    assert tooltips[CELLS_LAYER]
    assert all(imported in tip for tip in tooltips[CELLS_LAYER])
    assert all(tip.startswith('<div dir="') for tips in tooltips.values() for tip in tips)
    assert SCRIPT not in page
    assert "alert" not in page


def _tooltips(page: str) -> dict[str, list[str]]:
    """The tooltips (safe HTML) of each layer's features, by layer."""
    found: dict[str, list[str]] = {}
    for part in page.split(".addData(")[1:]:
        text = part[: part.index(");\n")]
        collection: dict[str, Any] = json.loads(
            text.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&")
        )
        for feature in collection["features"]:
            properties = feature["properties"]
            found.setdefault(properties["layer"], []).append(properties.get("tooltip", ""))
    return found


def test_the_store_holds_the_hostile_row(store: EventStore) -> None:
    """The row the tests above keep off the map is in the store, script and all."""
    (row,) = [event for event in store.page(EventQuery(), limit=10) if event.event_id == "PRE1"]
    assert row.location == f"{SCRIPT}Syunik"


def test_a_cell_s_tooltip_says_how_many_of_its_events_are_imprecise(store: EventStore) -> None:
    """Counted by the store for each cell drawn; said only where there are some."""
    layer = build_reported_layer(store, EventQuery(), MapView(Camera(40.0, 45.5, 6.0), 1200, 560))
    total = store.imprecise_by_cell(EventQuery(), 0)
    assert sum(cell.imprecise for cell in layer.cells) == sum(total.values()) > 0
    for cell in layer.cells:
        said = "of them placed only to a region or country" in cell.tooltip(EN)
        assert said == (cell.imprecise > 0)

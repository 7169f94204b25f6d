"""A playing map is sent only the parts of its drawing that changed (by hash)."""

from __future__ import annotations

import datetime as dt
import json

from corridors.data.catalog import Catalog
from corridors.data.timeline import DateRange
from corridors.i18n import Translator
from corridors.render.deck.component import component_drawing
from corridors.render.deck.parts import OTHER_PARTS, without_parts
from corridors.render.scene import SceneRequest, build_scene

EN = Translator("en")


def drawing_to(catalog: Catalog, day: dt.date) -> dict[str, object]:
    scene = build_scene(catalog, SceneRequest(dates=DateRange(dt.date(2000, 1, 1), day)))
    return component_drawing(scene, EN, basemap="bundled", reported=None)


def layers(drawing: dict[str, object]) -> dict[str, dict[str, object]]:
    return {layer["id"]: layer for layer in json.loads(str(drawing["spec"]))["layers"]}


def test_every_part_has_a_hash_that_follows_its_content(catalog: Catalog) -> None:
    before, after = (
        drawing_to(catalog, dt.date(2017, 10, 29)),
        drawing_to(catalog, dt.date(2017, 10, 30)),
    )
    hashes_before, hashes_after = before["hashes"], after["hashes"]
    assert isinstance(hashes_before, dict)
    assert isinstance(hashes_after, dict)
    assert set(hashes_before) == {f"layer:{name}" for name in layers(before)} | set(OTHER_PARTS)
    # the Baku-Tbilisi-Kars railway opened: the corridors changed, the borders did not
    assert hashes_before["layer:corridors"] != hashes_after["layer:corridors"]
    assert hashes_before["layer:water"] == hashes_after["layer:water"]
    assert drawing_to(catalog, dt.date(2017, 10, 29))["hashes"] == hashes_before


def test_parts_the_map_holds_are_left_out_and_the_rest_sent_whole(catalog: Catalog) -> None:
    before, after = (
        drawing_to(catalog, dt.date(2017, 10, 29)),
        drawing_to(catalog, dt.date(2017, 10, 30)),
    )
    sent = without_parts(after, before["hashes"])  # type: ignore[arg-type]
    sent_layers = layers(sent)
    assert sent_layers["water"] == {"id": "water", "held": True}
    assert sent_layers["corridors"] == layers(after)["corridors"]
    assert sent["labels"] is None
    assert sent["dots"] is None
    for name, layer in sent_layers.items():  # left out exactly when its hash is the same
        same = before["hashes"][f"layer:{name}"] == after["hashes"][f"layer:{name}"]  # type: ignore[index]
        assert ("held" in layer) == same, name
    assert list(sent_layers) == list(layers(after))  # the layers' order is kept


def test_a_map_that_holds_nothing_is_sent_everything(catalog: Catalog) -> None:
    drawing = drawing_to(catalog, dt.date(2025, 8, 8))
    assert without_parts(drawing, {}) == drawing
    stale = {name: "0" * 16 for name in drawing["hashes"]}  # type: ignore[union-attr]
    assert without_parts(drawing, stale) == drawing

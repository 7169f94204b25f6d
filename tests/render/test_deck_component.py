"""The deck.gl map component: its committed build, and what it is sent to draw a scene."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point

from corridors.core.basemaps import BUNDLED
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.i18n import Translator
from corridors.render.deck.component import (
    COMPONENT_DIR,
    DASHBOARD_LABELS,
    PRESENTER_LABELS,
    component_drawing,
)
from corridors.render.scene import Scene, SceneRequest, build_scene

FRONTEND = Path(__file__).resolve().parents[2] / "frontend" / "deck-map"
BUILT = ("index.html", "map.js", "LICENSES.txt")
#: Arabic presentation forms: text shaped for a renderer that cannot shape (the old labels).
PRESENTATION_FORMS = (range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))


def drawing_of(catalog: Catalog, lang: str = "en", **options: Any) -> dict[str, Any]:
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events), lang=lang))
    return component_drawing(scene, Translator(lang), basemap=BUNDLED, reported=None, **options)


def scene_of(catalog: Catalog) -> Scene:
    return build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events)))


def test_the_committed_component_is_what_its_sources_build(tmp_path: Path) -> None:
    """``make component`` rebuilds the same bytes (its tools come from package-lock.json)."""
    assert (FRONTEND / "node_modules" / ".installed").exists(), (
        "the component's build tools are missing: run `make component` (npm ci)"
    )
    node = shutil.which("node")
    assert node, "Node.js is needed to build the map component"
    subprocess.run([node, "build.mjs", str(tmp_path)], cwd=FRONTEND, check=True, timeout=300)
    for name in BUILT:
        committed = (COMPONENT_DIR / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, f"{name} differs: run `make component`"


def test_the_layers_are_pydeck_json_without_a_label_layer(catalog: Catalog) -> None:
    layers = json.loads(drawing_of(catalog)["spec"])["layers"]
    assert [layer["id"] for layer in layers] == [
        *("countries", "water", "rivers", "regions", "corridors"),
        *("route-casing", "route", "places"),
    ]
    assert all(
        layer["@@type"] in {"PolygonLayer", "PathLayer", "ScatterplotLayer"} for layer in layers
    )


def test_labels_are_sent_as_written_for_the_browser_to_shape(catalog: Catalog) -> None:
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events), lang="ar"))
    labels = drawing_of(catalog, "ar")["labels"]
    assert [label["text"] for label in labels] == [label.text for label in scene.labels]
    shaped = [
        label["text"]
        for label in labels
        if any(ord(char) in forms for char in label["text"] for forms in PRESENTATION_FORMS)
    ]
    assert shaped == []
    assert "يريفان" in {label["text"] for label in labels}  # Yerevan, dots and all


@pytest.mark.parametrize(("scale", "smallest"), [(DASHBOARD_LABELS, 12), (PRESENTER_LABELS, 18)])
def test_labels_are_never_smaller_than_readable(
    catalog: Catalog, scale: Any, smallest: int
) -> None:
    sizes = [label["size"] for label in drawing_of(catalog, labels=scale)["labels"]]
    assert min(sizes) == smallest
    assert max(sizes) > smallest  # capitals and countries stand out


def test_an_area_is_named_inside_it_and_a_line_on_it(catalog: Catalog) -> None:
    scene = scene_of(catalog)
    geometry = {feature.id: feature.geometry for feature in (*scene.context, *scene.features)}
    labels = {label["id"]: label for label in drawing_of(catalog)["labels"]}
    for area in ("am", "az", "az-nx", "am-su"):
        assert labels[area]["kind"] == "area"
        assert len(labels[area]["anchors"]) > 1  # room to move when the middle is taken
        outside = [
            xy
            for xy in labels[area]["anchors"]
            if not geometry[area].buffer(1e-3).contains(Point(xy))
        ]
        assert outside == [], area
    route = labels["syunik-route"]
    assert route["kind"] == "line"
    assert max(geometry["syunik-route"].distance(Point(xy)) for xy in route["anchors"]) < 1e-3


def test_the_focus_areas_rank_with_the_capitals(catalog: Catalog) -> None:
    ranks = {label["id"]: label["rank"] for label in drawing_of(catalog)["labels"]}
    assert ranks["am-su"] == ranks["az-nx"] == ranks["yerevan"] == 1


def test_marks_are_the_scenes_events_and_clusters_are_worded_by_count(catalog: Catalog) -> None:
    drawing = drawing_of(catalog, "ar")
    scene = build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events), lang="ar"))
    assert [mark["id"] for mark in drawing["marks"]] == [mark.id for mark in scene.marks]
    assert len(drawing["marks"]) == len(catalog.events)
    texts = drawing["clusterTexts"]
    assert set(texts) == {str(count) for count in range(2, len(catalog.events) + 1)}
    assert texts["2"].startswith("حدثان")  # Arabic's dual
    assert drawing["selectedMark"] is None


def test_places_dots_carry_their_rank_for_the_labels_to_keep_clear(catalog: Catalog) -> None:
    dots = {dot["id"]: dot for dot in drawing_of(catalog)["dots"]}
    assert set(dots) == {feature.id for feature in scene_of(catalog).layer("places")}
    assert dots["yerevan"]["rank"] == 1
    assert dots["yerevan"]["radius"] > dots["kapan"]["radius"] > 0

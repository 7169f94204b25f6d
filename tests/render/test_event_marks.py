"""Events on the map: where each mark sits, its colour and text, filtering, spreading, Leaflet."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
from pathlib import Path
from typing import Any

from shapely.geometry import Point

from corridors.data.catalog import Catalog, load_catalog
from corridors.data.models import Event, EventKind
from corridors.data.timeline import DateRange, catalogue_span
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.event_marks import (
    EVENTS_LAYER,
    MARK_SPACING,
    EventMark,
    event_marks,
    ring_offsets,
)
from corridors.render.leaflet.builder import SceneLayer, build_feature_groups, build_map
from corridors.render.scene import Scene, SceneRequest, build_scene
from corridors.render.styles import (
    HIGHLIGHT,
    KIND_COLORS,
    MARK_RADIUS,
    MARK_RIM_WIDTH,
    css_rgb,
)
from support.records import HOSTILE_HTML, HOSTILE_HTML_IN_JSON, EditRecords, set_english

EN = Translator("en")
WEEK = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))


def event(catalog: Catalog, event_id: str) -> Event:
    return next(item for item in catalog.events if item.id == event_id)


def linked_to(catalog: Catalog, *features: str) -> Event:
    """A catalogue event made to name ``features`` (in this order) and nothing else."""
    return catalog.events[0].model_copy(update={"features": features})


def mark_of(catalog: Catalog, item: Event) -> EventMark:
    (mark,) = event_marks(catalog, [item], EN)
    return mark


def point(mark: EventMark) -> Point:
    return Point(mark.lon, mark.lat)


def scene_of(catalog: Catalog, **changes: Any) -> Scene:
    return build_scene(catalog, SceneRequest(**{"dates": catalogue_span(catalog.events)} | changes))


def test_a_mark_sits_on_the_events_place_before_its_countries(catalog: Catalog) -> None:
    # ("az", "khankendi"): the country is listed first, the place is more specific
    mark = mark_of(catalog, event(catalog, "karabakh-military-operation-2023"))
    assert point(mark).equals(catalog.geometries["khankendi"])


def test_of_several_places_the_first_listed(catalog: Catalog) -> None:
    mark = mark_of(catalog, linked_to(catalog, "am-su", "agarak", "meghri"))
    assert point(mark).equals(catalog.geometries["agarak"])


def test_a_corridor_events_mark_sits_on_the_line(catalog: Catalog) -> None:
    # ("am", "syunik-route"): on the route, not in Armenia's middle
    mark = mark_of(catalog, event(catalog, "us-armenia-memoranda"))
    assert catalog.geometries["syunik-route"].distance(point(mark)) < 1e-9
    # a corridor before a region and a country, whatever the order
    mark = mark_of(catalog, linked_to(catalog, "am", "am-su", "baku-tbilisi-kars-railway"))
    assert catalog.geometries["baku-tbilisi-kars-railway"].distance(point(mark)) < 1e-9


def test_a_country_events_mark_is_inside_the_country(catalog: Catalog) -> None:
    # Azerbaijan is in five parts (Nakhchivan, exclaves): the mark is inside the mainland
    mark = mark_of(catalog, event(catalog, "section-907-waiver-authority"))
    assert catalog.geometries["az"].contains(point(mark))
    assert not catalog.geometries["az-nx"].contains(point(mark))


def test_a_region_or_autonomous_republic_before_a_country(catalog: Catalog) -> None:
    in_region = mark_of(catalog, linked_to(catalog, "am", "am-su"))
    assert catalog.geometries["am-su"].contains(point(in_region))
    in_republic = mark_of(catalog, linked_to(catalog, "az", "az-nx", "am"))
    assert catalog.geometries["az-nx"].contains(point(in_republic))


def test_every_mark_has_its_kinds_colour(catalog: Catalog) -> None:
    marks = scene_of(catalog).marks
    assert {mark.kind for mark in marks} == set(EventKind) - {
        kind for kind in EventKind if not any(e.kind is kind for e in catalog.events)
    }
    for mark in marks:
        assert "#{:02x}{:02x}{:02x}".format(*mark.color[:3]) == KIND_COLORS[mark.kind]
        assert mark.color[3] == 255


def test_the_scene_marks_the_events_in_the_range_and_kinds(catalog: Catalog) -> None:
    every = scene_of(catalog).marks
    assert [mark.id for mark in every] == [e.id for e in catalog.events]
    in_week = scene_of(catalog, dates=WEEK).marks
    assert [mark.id for mark in in_week] == [e.id for e in catalog.events if e.date in WEEK]
    assert 0 < len(in_week) < len(every)
    conflicts = scene_of(catalog, kinds=frozenset({EventKind.CONFLICT})).marks
    assert {mark.kind for mark in conflicts} == {EventKind.CONFLICT}
    assert len(conflicts) == sum(1 for e in catalog.events if e.kind is EventKind.CONFLICT)
    assert scene_of(catalog, dates=WEEK, kinds=frozenset({EventKind.CONFLICT})).marks == ()


def test_only_the_selected_events_mark_is_selected(catalog: Catalog) -> None:
    marks = scene_of(catalog, selected_event="tripp-route-agreed").marks
    assert [mark.id for mark in marks if mark.selected] == ["tripp-route-agreed"]
    assert not any(mark.selected for mark in scene_of(catalog).marks)


def test_the_tooltip_is_title_date_and_kind_in_the_page_language(catalog: Catalog) -> None:
    mark = mark_of(catalog, event(catalog, "peace-agreement-initialled"))
    assert mark.tooltip(EN) == (
        "Peace agreement initialled by the foreign ministers (not yet signed)\n"
        "August 8, 2025\nAgreement\nCurated: checked against its sources by the atlas"
    )
    # a date known to the month is written to the month, as the event's card writes it
    monthly = mark_of(catalog, event(catalog, "nakhchivan-railway-reconstruction"))
    assert monthly.tooltip(EN).split("\n")[1:3] == ["December 2025", "Infrastructure"]
    arabic = Translator("ar")
    (in_arabic,) = event_marks(catalog, [event(catalog, "peace-agreement-initialled")], arabic)
    title, day, kind, status = in_arabic.tooltip(arabic).split("\n")
    assert status.startswith("\u2068مُنتقى\u2069: ")
    assert title == event(catalog, "peace-agreement-initialled").title["ar"]
    assert "أغسطس" in day  # the month named in Arabic
    assert kind == arabic("kinds.agreement") != "Agreement"


def test_marks_sharing_a_point_are_spread_round_it(catalog: Catalog) -> None:
    marks = scene_of(catalog).marks
    offsets = ring_offsets(marks)
    assert offsets == ring_offsets(marks)  # deterministic
    by_point: dict[tuple[float, float], list[tuple[float, float]]] = {}
    for mark, offset in zip(marks, offsets, strict=True):
        by_point.setdefault((mark.lon, mark.lat), []).append(offset)
    crowded = [shifts for shifts in by_point.values() if len(shifts) > 6]
    assert crowded, "no point of the catalogue holds more than one ring of marks"
    drawn_width = 2 * MARK_RADIUS + MARK_RIM_WIDTH
    for shifts in by_point.values():
        if len(shifts) == 1:
            assert shifts == [(0.0, 0.0)]
            continue
        for a, b in itertools.combinations(shifts, 2):
            assert math.dist(a, b) >= min(MARK_SPACING - 0.05, drawn_width)
        assert max(math.hypot(*shift) for shift in shifts) <= 3 * MARK_SPACING


def test_a_mark_alone_on_a_place_moves_off_its_dot(catalog: Catalog) -> None:
    """The place's dot stays visible (its highlight) and clickable under its events."""
    scene = scene_of(catalog)
    dots = {(place.geometry.x, place.geometry.y) for place in scene.layer("places")}
    marks = scene.marks
    alone = [
        index
        for index, mark in enumerate(marks)
        if sum((other.lon, other.lat) == (mark.lon, mark.lat) for other in marks) == 1
    ]
    on_places = [index for index in alone if (marks[index].lon, marks[index].lat) in dots]
    elsewhere = [index for index in alone if index not in on_places]
    assert on_places
    assert elsewhere
    offsets = ring_offsets(marks, dots)
    assert all(math.hypot(*offsets[index]) == MARK_SPACING for index in on_places)
    assert all(offsets[index] == (0.0, 0.0) for index in elsewhere)


def marks_layer(scene: Scene, translate: Translator = EN) -> list[dict[str, Any]]:
    """The GeoJSON features of the Leaflet map's events group."""
    groups = build_feature_groups(scene, translate)
    (group,) = [group for group in groups if group.layer_name == EVENTS_LAYER]
    (layer,) = [child for child in group._children.values() if isinstance(child, SceneLayer)]
    features: list[dict[str, Any]] = json.loads(layer.data_json)["features"]
    return features


def test_leaflet_draws_a_mark_per_event_in_range_under_the_places(catalog: Catalog) -> None:
    scene = scene_of(catalog, dates=WEEK)
    names = [group.layer_name for group in build_feature_groups(scene, EN)]
    assert names.index("events") == names.index("places") - 1  # above areas and lines
    features = marks_layer(scene)
    assert sorted(f["properties"]["id"] for f in features) == sorted(m.id for m in scene.marks)
    assert len(features) == sum(1 for e in catalog.events if e.date in WEEK)
    dots = {(place.geometry.x, place.geometry.y) for place in scene.layer("places")}
    spread = ring_offsets(scene.marks, dots)
    offsets = dict(zip((m.id for m in scene.marks), spread, strict=True))
    marks = {mark.id: mark for mark in scene.marks}
    for feature in features:
        properties = feature["properties"]
        mark = marks[properties["id"]]
        assert properties["layer"] == EVENTS_LAYER
        assert feature["geometry"]["coordinates"] == [mark.lon, mark.lat]
        assert properties["style"]["fillColor"] == css_rgb(mark.color)
        assert properties["style"]["radius"] == MARK_RADIUS
        assert properties["style"]["offset"] == list(offsets[mark.id])
        assert properties["tooltip"].startswith(f'<div dir="ltr">{mark.title}<br>')


def test_leaflet_draws_the_selected_events_mark_larger_in_the_highlight(
    catalog: Catalog,
) -> None:
    features = marks_layer(scene_of(catalog, dates=WEEK, selected_event="tripp-route-agreed"))
    selected = features[-1]  # drawn last, over its neighbours
    assert selected["properties"]["id"] == "tripp-route-agreed"
    assert selected["properties"]["style"]["color"] == css_rgb(HIGHLIGHT)
    assert selected["properties"]["style"]["radius"] > MARK_RADIUS
    others = {f["properties"]["style"]["color"] for f in features[:-1]}
    assert others == {"rgb(255, 255, 255)"}


def test_the_html_snapshot_carries_the_marks(catalog: Catalog) -> None:
    scene = scene_of(catalog, dates=WEEK)
    page = build_map(scene, EN, camera=fit_bounds(scene.bounds)).get_root().render()
    assert page.count('"layer": "events"') == len(scene.marks) > 0
    assert "AtlasShiftedMarker" in page


def test_a_hostile_title_is_plain_text_in_the_mark_and_escaped_in_leaflet(
    data_copy: Path, edit_records: EditRecords
) -> None:
    set_english(
        edit_records, data_copy, "events.yaml", "peace-agreement-initialled", "title", HOSTILE_HTML
    )
    scene = scene_of(load_catalog(data_copy), dates=WEEK)
    mark = next(m for m in scene.marks if m.id == "peace-agreement-initialled")
    assert mark.tooltip(EN).startswith(f"{HOSTILE_HTML}\n")  # plain text
    page = build_map(scene, EN, camera=fit_bounds(scene.bounds)).get_root().render()
    assert "<img src=x" not in page
    assert HOSTILE_HTML_IN_JSON in page


def test_the_tooltip_writes_an_interval_and_says_when_the_range_cuts_it(catalog: Catalog) -> None:
    closure = event(catalog, "lachin-road-closure-2022-2023")
    spring = DateRange(dt.date(2023, 3, 1), dt.date(2023, 5, 31))
    (mark,) = event_marks(catalog, [closure], EN, dates=spring)
    assert mark.tooltip(EN).split("\n")[1] == "December 12, 2022 \u2013 September 2023 (in part)"
    (whole,) = event_marks(catalog, [closure], EN, dates=catalogue_span(catalog.events))
    assert whole.tooltip(EN).split("\n")[1] == "December 12, 2022 \u2013 September 2023"
    arabic = Translator("ar")
    (in_arabic,) = event_marks(catalog, [closure], arabic, dates=spring)
    day = in_arabic.tooltip(arabic).split("\n")[1]
    assert day.startswith("\u2068من ")  # from ... to ..., in part
    assert " إلى " in day
    assert day.endswith("(جزئيًا)")
    # the scene marks an interval active in its range, in part
    marks = scene_of(catalog, dates=spring).marks
    assert [mark.in_part for mark in marks if mark.id == closure.id] == [True]

"""Story steps carry their own camera; the bundled story frames each step's subject."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from shapely.geometry import box

from corridors.atlas import inspect_atlas
from corridors.core import settings
from corridors.core.errors import ProblemKind
from corridors.data.catalog import Catalog
from corridors.data.playback import PlayMode
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import TILE_SIZE
from corridors.links.stories import story_views

STORY = "stories/ceasefire-to-syunik.yaml"


def shown(lat: float, lon: float, zoom: float) -> box:
    """The longitude/latitude box a presenter map of the framing size shows."""
    world = TILE_SIZE * 2**zoom

    def y_of(latitude: float) -> float:
        sine = math.sin(math.radians(latitude))
        return 0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)

    def lat_of(y: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))

    half_w = settings.story_frame_width / 2 / world * 360
    half_h = settings.story_frame_height / 2 / world
    centre = y_of(lat)
    return box(lon - half_w, lat_of(centre + half_h), lon + half_w, lat_of(centre - half_h))


def test_every_bundled_step_has_a_camera_that_frames_its_subject(catalog: Catalog) -> None:
    (story,) = catalog.stories
    views = story_views(catalog, story)
    assert all(step.camera is not None for step in story.steps)
    for number, view in enumerate(views, start=1):
        assert None not in (view.lat, view.lon, view.zoom), number
        area = shown(view.lat, view.lon, view.zoom)  # type: ignore[arg-type]
        # Russia is never the subject: at most a sliver of it is in view
        russia = catalog.geometries["ru"]
        assert russia.intersection(area).area < 0.02 * area.area, number
    route_step = next(
        view for step, view in zip(story.steps, views, strict=True)
        if step.title["en"] == "The route through Syunik"
    )  # fmt: skip
    area = shown(route_step.lat, route_step.lon, route_step.zoom)  # type: ignore[arg-type]
    route = catalog.geometries["syunik-route"]
    assert area.contains(route)
    # framed, not lost in the region: the route spans most of the map's width
    west, _, east, _ = route.bounds
    assert east - west > 0.6 * (area.bounds[2] - area.bounds[0])
    first = shown(views[0].lat, views[0].lon, views[0].zoom)  # type: ignore[arg-type]
    assert first.contains(catalog.geometries["az-nx"])
    assert first.contains(catalog.geometries["am-su"])


def test_a_step_plays_a_span_in_about_twenty_seconds(catalog: Catalog) -> None:
    """The last step plays from the 2020 statement to the latest event, at its own speed."""
    (story,) = catalog.stories
    view = story_views(catalog, story)[-1]
    assert view.playing
    assert view.play is PlayMode.CUMULATIVE
    assert view.start == view.end == dt.date(2020, 11, 10)
    assert view.speed is not None
    span = catalogue_span(catalog.events)
    assert 15 <= (span.end - view.start).days / view.speed <= 25  # seconds of playback


@pytest.mark.parametrize(
    ("camera", "field", "kind"),
    [
        ("{lat: 39.5, lon: 46.2}", "steps[0].camera", ProblemKind.INVALID_VALUE),
        ("{lat: 39.5, lon: 46.2, zoom: 40}", "steps[0].camera.zoom", ProblemKind.INVALID_VALUE),
        ("{lat: 95, lon: 46.2, zoom: 8}", "steps[0].camera.lat", ProblemKind.INVALID_VALUE),
        ("{frame: atlantis}", "steps[0].camera.frame", ProblemKind.UNKNOWN_LINK),
        ("{frame: am, zoom: 8}", "steps[0].camera", ProblemKind.INVALID_VALUE),
        ("{frame: am, tilt: 30}", "steps[0].camera.tilt", ProblemKind.INVALID_VALUE),
    ],
)
def test_a_bad_camera_is_a_problem_naming_the_file_step_and_field(
    data_copy: Path, camera: str, field: str, kind: ProblemKind
) -> None:
    path = data_copy / STORY
    text = path.read_text(encoding="utf-8")
    first = "    camera: {lat: 39.5, lon: 46.2, zoom: 7.9}"
    assert first in text
    path.write_text(text.replace(first, f"    camera: {camera}"), encoding="utf-8")
    report = inspect_atlas(data_copy)
    found = [(p.file, p.record, p.field, p.kind) for p in report.problems]
    assert found == [(STORY, "ceasefire-to-syunik", field, kind)]
    assert report.catalog.stories == ()

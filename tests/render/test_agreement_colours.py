"""An agreement's map mode: status colours told apart by every reader, and what gets them.

Colours measured with ColorAide (CIEDE2000, also under simulated colour-vision deficiencies);
which features take which status from hand-made agreements on the bundled map.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any, Final

import pytest
from coloraide import Color

from corridors.data.agreement_models import Agreement, Implementation
from corridors.data.catalog import Catalog
from corridors.data.timeline import DateRange
from corridors.render.agreement_colours import feature_statuses
from corridors.render.scene import SceneRequest, build_scene
from corridors.render.styles import (
    HIGHLIGHT,
    IMPLEMENTATION_COLORS,
    RGBA,
    ROUTE_COLOR,
    UNSCORED_COLOR,
)

VISIONS: Final = (None, "deutan", "protan", "tritan")
#: The least CIEDE2000 between two status colours, and from the route and the selection:
#: about ten times the least difference seen between large patches side by side.
MIN_DELTA_E: Final = 10.0
STATUS_COLOURS: Final = (*IMPLEMENTATION_COLORS, UNSCORED_COLOR)
SOURCE = {"url": "https://example.org/a", "outlet": "Example", "language": "en"}
TEXT = {"en": "text", "ar": "نص"}


def seen(colour: RGBA, vision: str | None) -> Color:
    drawn = Color("srgb", [channel / 255 for channel in colour[:3]])
    return drawn.filter(vision) if vision else drawn


@pytest.mark.parametrize("vision", VISIONS)
def test_the_status_colours_differ_from_each_other(vision: str | None) -> None:
    for one, other in itertools.combinations(STATUS_COLOURS, 2):
        assert seen(one, vision).delta_e(seen(other, vision), method="2000") >= MIN_DELTA_E


@pytest.mark.parametrize("vision", VISIONS)
def test_no_status_colour_reads_as_the_route_or_the_selection(vision: str | None) -> None:
    for colour, reserved in itertools.product(STATUS_COLOURS, (ROUTE_COLOR, HIGHLIGHT)):
        assert seen(colour, vision).delta_e(seen(reserved, vision), method="2000") >= MIN_DELTA_E


def provision(number: str, features: list[str], *statuses: tuple[str, int, str | None]) -> Any:
    return {
        "number": number,
        "label": TEXT,
        "text": TEXT,
        "type": "deliverable",
        "features": features,
        "sources": [SOURCE],
        "observations": [
            {
                "as_of": day,
                "status": level,
                "claim": {"role": "party", "party": party} if party else {"role": "reporting"},
                "sources": [SOURCE],
            }
            for day, level, party in statuses
        ],
    }


def with_agreement(catalog: Catalog, *provisions: Any) -> Catalog:
    accord = Agreement.model_validate(
        {
            "id": "accord",
            "title": TEXT,
            "short_title": TEXT,
            "parties": ["az", "am"],
            "text_sources": [SOURCE],
            "lifecycle": [{"stage": "signed", "date": "2021-01-01", "sources": [SOURCE]}],
            "provisions": list(provisions),
        }
    )
    return dataclasses.replace(catalog, agreements=(accord,))


def test_a_feature_takes_the_lowest_status_of_its_provisions_and_says_where_they_differ(
    catalog: Catalog,
) -> None:
    atlas = with_agreement(
        catalog,
        provision("1", ["syunik-route", "am"], ("2021-02-01", 3, None)),
        provision("2", ["syunik-route"], ("2021-02-01", 1, "az"), ("2021-02-01", 2, "am")),
        provision("3", ["am-su"]),
    )
    statuses = feature_statuses(atlas, "accord", dt.date(2021, 3, 1))
    assert statuses["syunik-route"].level is Implementation.MINIMAL
    assert statuses["syunik-route"].disputed
    assert statuses["am-su"].level is None  # concerned, not yet scored: the grey
    assert "am" not in statuses  # a country beside smaller features is not coloured
    before = feature_statuses(atlas, "accord", dt.date(2021, 1, 15))
    assert before["syunik-route"].level is None


def test_the_scene_draws_the_statuses_on_both_kinds_of_feature(catalog: Catalog) -> None:
    atlas = with_agreement(
        catalog,
        provision("1", ["syunik-route", "am-su"], ("2021-02-01", 2, None)),
        provision("2", ["az"], ("2021-02-01", 0, None)),
    )
    dates = DateRange(dt.date(2020, 1, 1), dt.date(2021, 6, 1))
    scene = build_scene(atlas, SceneRequest(dates=dates, agreement="accord"))
    drawn = {feature.id: feature for feature in scene.features}
    assert drawn["syunik-route"].line.color == IMPLEMENTATION_COLORS[2]
    assert drawn["am-su"].fill[:3] == IMPLEMENTATION_COLORS[2][:3]
    assert drawn["az"].line.color == IMPLEMENTATION_COLORS[0]  # a country: outlined only
    assert "2 intermediate" in drawn["syunik-route"].detail
    plain = build_scene(atlas, SceneRequest(dates=dates))
    assert {f.id: f.line.color for f in plain.features}["syunik-route"] == ROUTE_COLOR

"""The colour classes of reported-event cells: told apart class by class, by every reader.

Measured from the colours themselves (ColorAide): CIEDE2000 between neighbouring classes as
drawn (translucent, over each basemap), also under simulated colour-vision deficiencies, and
the hue distance from the map's reserved colours.
"""

from __future__ import annotations

import itertools
from typing import Final

import pytest
from coloraide import Color

from corridors.render.styles import (
    BACKGROUND,
    CELL_RAMP,
    FOCUS_FALLBACK_FILL,
    FOCUS_FILL,
    HIGHLIGHT,
    NEIGHBOUR_FILL,
    RGBA,
    ROUTE_COLOR,
)

#: What a cell is drawn over: the bundled basemap's grey and country fills, a light web
#: map's white, a dark basemap's background (Carto dark matter).
GROUNDS: Final[dict[str, tuple[int, int, int]]] = {
    "bundled": BACKGROUND[:3],
    "neighbour": NEIGHBOUR_FILL[:3],
    **{f"focus-{key}": colour[:3] for key, colour in FOCUS_FILL.items()},
    "light": (255, 255, 255),
    "dark": (38, 38, 38),
}
#: Normal vision and full dichromacy of each kind (ColorAide's Brettel/Viénot simulation).
VISIONS: Final = (None, "deutan", "protan", "tritan")
#: The least CIEDE2000 between neighbouring classes. One unit is about the least difference
#: seen between large patches side by side; map cells are small, apart (a legend swatch and a
#: cell on the map) and translucent, for which several times that is needed (Szafir 2018,
#: "Modelling colour difference for visualisation design"). YlOrBr, which readers found
#: ambiguous (1,000+ and 10,000+ "look alike", issue 19), had 4.5 at its worst: 8 is almost
#: twice that.
MIN_CLASS_DELTA_E: Final = 8.0
#: The least fall of CIE L* (0 black to 100 white) from a class to the next darker one.
MIN_LIGHTNESS_STEP: Final = 10.0
#: The least hue angle (CIE LCh) between a class and a country fill, the route or the
#: selection: 30 degrees is a step of a twelve-hue wheel, where neighbours are named apart.
MIN_HUE_DISTANCE: Final = 30.0
#: Colours a cell must not be mistaken for: the country fills, the route, the selection.
RESERVED: Final[dict[str, RGBA]] = {
    **{f"focus-{key}": colour for key, colour in FOCUS_FILL.items()},
    "focus-fallback": FOCUS_FALLBACK_FILL,
    "route": ROUTE_COLOR,
    "selection": HIGHLIGHT,
}


def drawn(fill: RGBA, ground: tuple[int, int, int]) -> Color:
    """The fill as seen over ``ground`` (alpha-composited in sRGB, as browsers do)."""
    alpha = fill[3] / 255
    return Color(
        "srgb",
        [(f * alpha + g * (1 - alpha)) / 255 for f, g in zip(fill[:3], ground, strict=True)],
    )


def hue(colour: RGBA) -> float:
    """The colour's CIE LCh hue angle, in degrees."""
    angle: float = Color("srgb", [channel / 255 for channel in colour[:3]]).convert("lch")["hue"]
    return angle


@pytest.mark.parametrize("vision", VISIONS, ids=lambda vision: vision or "normal")
@pytest.mark.parametrize("ground", GROUNDS)
def test_neighbouring_classes_differ_by_ciede2000(ground: str, vision: str | None) -> None:
    seen = [drawn(fill, GROUNDS[ground]) for fill in CELL_RAMP]
    if vision is not None:
        seen = [colour.filter(vision) for colour in seen]
    differences = [
        first.delta_e(second, method="2000") for first, second in itertools.pairwise(seen)
    ]
    assert min(differences) > MIN_CLASS_DELTA_E, [round(value, 1) for value in differences]


@pytest.mark.parametrize("reserved", RESERVED)
def test_no_class_shares_a_hue_with_the_countries_the_route_or_the_selection(
    reserved: str,
) -> None:
    other = hue(RESERVED[reserved])
    for fill in CELL_RAMP:
        apart = abs(hue(fill) - other) % 360
        assert min(apart, 360 - apart) >= MIN_HUE_DISTANCE, (fill, reserved)


def test_the_classes_darken_in_one_hue_family() -> None:
    """Sequential: lightness (CIE L*) falls class by class, by 10 or more, so that classes are
    told apart by lightness alone (as in grey print); the hue stays within a quarter turn."""
    lightness = [drawn(fill, (255, 255, 255)).convert("lab")["lightness"] for fill in CELL_RAMP]
    steps = [first - second for first, second in itertools.pairwise(lightness)]
    assert min(steps) > MIN_LIGHTNESS_STEP, [round(step, 1) for step in steps]
    hues = [hue(fill) for fill in CELL_RAMP]
    assert max(hues) - min(hues) < 90

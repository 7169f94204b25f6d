"""What the deck.gl map component sends back: the view it shows and the click it saw.

The value comes from the browser, so it is read as untrusted input (:func:`map_value`):
anything not of the expected shape is ``None``, never an error on the page. A click on an
area names every area under the pointer, smallest first (a district, its autonomous
republic, its country); :func:`clicked_feature` lets a click on the selected area select
the next one out, so that the Nakhchivan AR is reachable through its districts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

#: The layers whose clicks name areas (the others name one feature, cell or event).
AREA_LAYERS: Final = frozenset({"regions", "countries"})


class _Shape(BaseModel):
    # strict: "3" is no number and 1 no boolean (a JSON array is still a tuple: ``areas``)
    model_config = ConfigDict(frozen=True, extra="ignore", strict=True)


class MapViewShown(_Shape):
    """The map's centre, web zoom and size in CSS pixels."""

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    zoom: float = Field(ge=0, le=24)
    width: int = Field(ge=1, le=20_000)
    height: int = Field(ge=1, le=20_000)


class MapClick(_Shape):
    """A click: the layer and id picked, and the areas under the pointer, smallest first."""

    layer: str = Field(max_length=100)
    id: str = Field(min_length=1, max_length=200)
    areas: tuple[str, ...] = Field(default=(), max_length=20, strict=False)


class MapValue(_Shape):
    """One message from the map: ``seq`` numbers it; ``moved``: the reader moved the map.

    ``resend``: the map lacks a part it was not sent (it was mounted anew): send it all.
    """

    seq: int
    view: MapViewShown
    moved: bool = False
    click: MapClick | None = None
    resend: bool = False


def map_value(raw: Any) -> MapValue | None:
    """The map's message, or ``None`` when it is not one (missing, stale, malformed)."""
    if not isinstance(raw, dict):
        return None
    try:
        return MapValue.model_validate(raw)
    except ValidationError:
        return None


def clicked_feature(click: MapClick, selected: str | None) -> str:
    """The feature a click selects: the one picked, or the next area out from the selected.

    Clicking again on the selected district selects its autonomous republic, then its
    country, then the district again.
    """
    areas: Sequence[str] = click.areas
    if click.layer not in AREA_LAYERS or selected is None or selected not in areas:
        return click.id
    return areas[(list(areas).index(selected) + 1) % len(areas)]

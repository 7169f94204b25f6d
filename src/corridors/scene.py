"""What the map shows for a view: features with names, counts, status and style.

Both renderers (deck.gl and Leaflet) draw the same :class:`Scene`, so they agree
on what is shown, how it is coloured and what each tooltip says.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Final

import shapely
from shapely.geometry.base import BaseGeometry

from corridors.catalog import Catalog
from corridors.i18n import Translator
from corridors.models import LAYERS, Boundary, Corridor, EventKind, Place, PlaceKind, Status
from corridors.styles import (
    COUNTRY_LINE,
    CROSSING_COLOR,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    NEIGHBOUR_LINE,
    PLACE_COLOR,
    REGION_FILL,
    REGION_LINE,
    RGBA,
    LineStyle,
    corridor_line,
    country_fill,
)
from corridors.timeline import DateRange, count_by_feature, filter_events
from corridors.viewport import Bounds

#: What the map shows when nothing is selected: the three focus territories and their rail links.
DEFAULT_BOUNDS: Final[Bounds] = (43.4, 38.3, 50.4, 42.0)
PLACE_RADIUS: Final[dict[PlaceKind, float]] = {PlaceKind.CAPITAL: 7.0, PlaceKind.CITY: 5.5}
DEFAULT_PLACE_RADIUS: Final = 4.5


@dataclass(frozen=True, slots=True)
class SceneFeature:
    """One feature as drawn: identity, text for its tooltip, style and geometry."""

    id: str
    layer: str
    name: str
    detail: str
    event_count: int
    highlighted: bool
    fill: RGBA
    line: LineStyle
    radius: float
    geometry: BaseGeometry
    muted: bool = False

    def tooltip(self, translate: Translator) -> str:
        """Plain-text tooltip: name, kind and status, events in range."""
        count = translate("tooltip.events", count=self.event_count)
        return f"{self.name}\n{self.detail}\n{count}"


@dataclass(frozen=True, slots=True)
class Scene:
    """The features to draw, in drawing order, and the box the view should show."""

    features: tuple[SceneFeature, ...]
    bounds: Bounds

    def layer(self, name: str) -> tuple[SceneFeature, ...]:
        """The features of one layer, in drawing order."""
        return tuple(feature for feature in self.features if feature.layer == name)


@dataclass(frozen=True, slots=True)
class SceneRequest:
    """Everything a scene depends on (hashable, so scenes can be cached by it)."""

    dates: DateRange
    kinds: frozenset[EventKind] | None = None
    layers: frozenset[str] = frozenset(LAYERS)
    highlighted: frozenset[str] = frozenset()
    lang: str = "en"


def build_scene(catalog: Catalog, request: SceneRequest) -> Scene:
    """The scene for a date range, event kinds, visible layers and highlighted features.

    Corridors are drawn with their status as of the range's end, and not at all
    before they were first proposed.
    """
    translate = Translator(request.lang)
    counts = count_by_feature(filter_events(catalog.events, request.dates, request.kinds))
    features: list[SceneFeature] = []
    for layer in LAYERS:
        if layer not in request.layers:
            continue
        for record in catalog.records(layer):
            drawn = _scene_feature(catalog, record, request, counts[record.id], translate)
            if drawn is not None:
                features.append(drawn)
    features.sort(key=_drawing_order)
    return Scene(tuple(features), _bounds(catalog, request.highlighted))


def _drawing_order(feature: SceneFeature) -> tuple[int, bool, bool]:
    """Layers bottom first; within a layer, muted features first and highlights last."""
    return (LAYERS.index(feature.layer), feature.highlighted, not feature.muted)


def _scene_feature(
    catalog: Catalog,
    record: Boundary | Place | Corridor,
    request: SceneRequest,
    count: int,
    translate: Translator,
) -> SceneFeature | None:
    highlighted = record.id in request.highlighted
    geometry = catalog.geometries[record.id]
    name = translate.text(record.names)
    if isinstance(record, Corridor):
        return _corridor(record, request, count, geometry, translate)
    if isinstance(record, Place):
        color = CROSSING_COLOR if record.kind is PlaceKind.BORDER_CROSSING else PLACE_COLOR
        return SceneFeature(
            id=record.id,
            layer="places",
            name=name,
            detail=translate(f"features.{record.kind}"),
            event_count=count,
            highlighted=highlighted,
            fill=HIGHLIGHT if highlighted else color,
            line=LineStyle((255, 255, 255, 255), 1.0),
            radius=PLACE_RADIUS.get(record.kind, DEFAULT_PLACE_RADIUS)
            * (1.6 if highlighted else 1),
            geometry=geometry,
        )
    is_country = catalog.layer_of(record.id) == "countries"
    if is_country:
        fill = country_fill(record.id, record.role)
        line = COUNTRY_LINE if record.role.value == "focus" else NEIGHBOUR_LINE
    else:
        fill, line = REGION_FILL, REGION_LINE
    if highlighted:
        fill, line = HIGHLIGHT_FILL, LineStyle(HIGHLIGHT, 3.0)
    return SceneFeature(
        id=record.id,
        layer="countries" if is_country else "regions",
        name=name,
        detail=translate(f"features.{record.kind}"),
        event_count=count,
        highlighted=highlighted,
        fill=fill,
        line=line,
        radius=0.0,
        geometry=geometry,
    )


def _corridor(
    corridor: Corridor,
    request: SceneRequest,
    count: int,
    geometry: BaseGeometry,
    translate: Translator,
) -> SceneFeature | None:
    """A corridor as of the range's end, or ``None`` before it was first proposed."""
    status = corridor.status_on(request.dates.end)
    if status is None:
        return None
    highlighted = corridor.id in request.highlighted
    style = corridor_line(corridor.modes[0], status)
    if highlighted:
        style = LineStyle(HIGHLIGHT, style.width + 3, style.dash)
    modes = translate.join_list(translate(f"modes.{mode}") for mode in corridor.modes)
    return SceneFeature(
        id=corridor.id,
        layer="corridors",
        name=translate.text(corridor.names),
        detail=f"{translate('features.corridor')} · {modes} · {translate(f'status.{status}')}",
        event_count=count,
        highlighted=highlighted,
        fill=style.color,
        line=style,
        radius=0.0,
        geometry=geometry,
        muted=status is Status.DISUSED,
    )


def _bounds(catalog: Catalog, feature_ids: Collection[str]) -> Bounds:
    """The box around the given features, or the default view when there are none."""
    geometries = [catalog.geometries[fid] for fid in feature_ids if fid in catalog.geometries]
    if not geometries:
        return DEFAULT_BOUNDS
    boxes = shapely.bounds(geometries)
    margin = 0.15
    return (
        float(boxes[:, 0].min()) - margin,
        float(boxes[:, 1].min()) - margin,
        float(boxes[:, 2].max()) + margin,
        float(boxes[:, 3].max()) + margin,
    )

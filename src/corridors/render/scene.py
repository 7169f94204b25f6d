"""What the map shows for a view: features with names, counts, status and style.

Both renderers (deck.gl and Leaflet) draw the same :class:`Scene`, so they agree
on what is shown, how it is coloured and what each tooltip says.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Final

import shapely
from shapely.geometry.base import BaseGeometry

from corridors.data.catalog import Catalog
from corridors.data.containment import framed_features
from corridors.data.models import (
    LAYERS,
    Boundary,
    Corridor,
    EventKind,
    Place,
    PlaceKind,
    Status,
    WaterKind,
)
from corridors.data.timeline import DateRange, count_by_feature, filter_events
from corridors.geo.camera import Bounds
from corridors.i18n import Translator
from corridors.render.agreement_colours import FeatureStatus, feature_statuses
from corridors.render.event_marks import EventMark, event_marks
from corridors.render.labels import SceneLabel, scene_labels
from corridors.render.styles import (
    COUNTRY_LINE,
    CROSSING_COLOR,
    HIGHLIGHT,
    HIGHLIGHT_FILL,
    HIGHLIGHT_OUTLINE_WIDTH,
    NEIGHBOUR_LINE,
    PLACE_COLOR,
    REGION_FILL,
    REGION_LINE,
    RGBA,
    RIVER_LINE,
    ROUTE_WIDTH,
    STATUS_FILL_ALPHA,
    WATER_FILL,
    LineStyle,
    corridor_line,
    country_fill,
    quiet,
    route_casing,
    route_line,
)

#: What the map shows when nothing is selected: the whole network, Kars to Baku, with room
#: for the labels of the places at its edges (a test checks it holds every place and line).
DEFAULT_BOUNDS: Final[Bounds] = (42.6, 38.5, 50.35, 42.05)
#: The drawing order of the scene's layers, bottom first: water over the land it cuts into,
#: the route through Syunik over every other line and area, places (clickable) on top.
DRAWING_ORDER: Final = ("countries", "water", "rivers", "regions", "corridors", "route", "places")
PLACE_RADIUS: Final[dict[PlaceKind, float]] = {
    PlaceKind.CAPITAL: 7.0,
    PlaceKind.CITY: 5.5,
    PlaceKind.TOWN: 4.5,
}
DEFAULT_PLACE_RADIUS: Final = 3.5


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
    #: A wider line drawn under this one (the route's halo; the selection's, when selected).
    casing: LineStyle | None = None

    def tooltip(self, translate: Translator) -> str:
        """Plain-text tooltip: name, kind and status, events in range."""
        count = translate("tooltip.events", count=self.event_count)
        return f"{self.name}\n{self.detail}\n{count}"


@dataclass(frozen=True, slots=True)
class Scene:
    """The features to draw, in drawing order, the labels, and the box the view should show.

    ``features`` are the map layers (:data:`LAYERS`, pickable, linked to events); ``context``
    the water, drawn but never picked; ``marks`` the events in the range and kinds, drawn
    above the areas and lines (:mod:`corridors.render.event_marks`).
    """

    features: tuple[SceneFeature, ...]
    bounds: Bounds
    context: tuple[SceneFeature, ...] = ()
    labels: tuple[SceneLabel, ...] = ()
    marks: tuple[EventMark, ...] = ()

    def highlighted_areas(self) -> tuple[SceneFeature, ...]:
        """The highlighted countries and regions (their outlines, in the highlight colour)."""
        return tuple(
            feature
            for name in ("countries", "regions")
            for feature in self.layer(name)
            if feature.highlighted
        )

    def layer(self, name: str) -> tuple[SceneFeature, ...]:
        """The features of one drawing layer (see :data:`DRAWING_ORDER`), in drawing order."""
        return tuple(
            feature for feature in (*self.context, *self.features) if feature.layer == name
        )


@dataclass(frozen=True, slots=True)
class SceneRequest:
    """Everything a scene depends on (hashable, so scenes can be cached by it)."""

    dates: DateRange
    kinds: frozenset[EventKind] | None = None
    layers: frozenset[str] = frozenset(LAYERS)
    highlighted: frozenset[str] = frozenset()
    lang: str = "en"
    #: The selected event, whose mark is drawn selected.
    selected_event: str | None = None
    #: The agreement whose provisions colour their features by status (its map mode).
    agreement: str | None = None


def build_scene(catalog: Catalog, request: SceneRequest) -> Scene:
    """The scene for a date range, event kinds, visible layers and highlighted features.

    Corridors are drawn with their status as of the range's end, and not at all
    before they were first proposed. The events in the range and kinds are counted on
    their features and marked on the map, whatever layers are shown.
    """
    translate = Translator(request.lang)
    events = filter_events(catalog.events, request.dates, request.kinds)
    counts = count_by_feature(events)
    statuses = (
        feature_statuses(catalog, request.agreement, request.dates.end) if request.agreement else {}
    )
    features: list[SceneFeature] = []
    for layer in LAYERS:
        if layer not in request.layers:
            continue
        for record in catalog.records(layer):
            drawn = _scene_feature(catalog, record, request, counts[record.id], translate)
            status = statuses.get(record.id)
            if drawn is not None and status is not None:
                drawn = in_status_colour(drawn, status, translate)
            if drawn is not None:
                features.append(drawn)
    features.sort(key=_drawing_order)
    context = water_features(catalog, translate)
    return Scene(
        features=tuple(features),
        bounds=_bounds(catalog, framed_features(catalog, request.highlighted)),
        context=context,
        labels=scene_labels(catalog, (*context, *features), translate),
        marks=event_marks(
            catalog, events, translate, selected=request.selected_event, dates=request.dates
        ),
    )


def _drawing_order(feature: SceneFeature) -> tuple[int, bool, bool]:
    """Layers bottom first; within a layer, muted features first and highlights last."""
    return (DRAWING_ORDER.index(feature.layer), feature.highlighted, not feature.muted)


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
    if highlighted and is_country:  # outlined: a flooded country hides what is in it
        line = LineStyle(HIGHLIGHT, HIGHLIGHT_OUTLINE_WIDTH)
    elif highlighted:
        fill, line = HIGHLIGHT_FILL, LineStyle(HIGHLIGHT, HIGHLIGHT_OUTLINE_WIDTH)
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
    casing = None
    if corridor.subject:  # its reserved colour always; a selection halo when selected
        style = route_line(status)
        casing = route_casing(style)
        if highlighted:
            casing = LineStyle(HIGHLIGHT, casing.width + 4)
    elif highlighted:
        base = corridor_line(corridor.modes[0], status)
        style = LineStyle(HIGHLIGHT, base.width + 3, base.dash)
    else:
        style = quiet(corridor_line(corridor.modes[0], status))
    modes = translate.join_list(translate(f"modes.{mode}") for mode in corridor.modes)
    return SceneFeature(
        id=corridor.id,
        layer="route" if corridor.subject else "corridors",
        name=translate.text(corridor.names),
        detail=f"{translate(_corridor_kind(corridor))} · {modes} · {translate(f'status.{status}')}",
        event_count=count,
        highlighted=highlighted,
        fill=style.color,
        line=style,
        radius=0.0,
        geometry=geometry,
        muted=status is Status.DISUSED,
        casing=casing,
    )


def _corridor_kind(corridor: Corridor) -> str:
    """The kind's message key: "route" for the route through Syunik, else "corridor".

    "Route" is the neutral name: Armenia rejects "corridor" for the route.
    """
    return "features.route" if corridor.subject else "features.corridor"


def in_status_colour(
    feature: SceneFeature, status: FeatureStatus, translate: Translator
) -> SceneFeature:
    """``feature`` in the colour of its provisions' status (the selection keeps its colour).

    Regions are filled with it, countries outlined, lines and places drawn in it.
    """
    word = (
        translate("agreements.unscored")
        if status.level is None
        else translate(f"agreements.level.{int(status.level)}")
    )
    if status.disputed:
        word = f"{word} · {translate('agreements.disputed')}"
    detail = f"{feature.detail} · {word}"
    if feature.highlighted:
        return replace(feature, detail=detail)
    color = status.color
    if feature.layer == "countries":  # outlined: a flooded country would hide the rest
        return replace(feature, line=LineStyle(color, HIGHLIGHT_OUTLINE_WIDTH), detail=detail)
    if feature.layer == "regions":
        red, green, blue, _ = color
        return replace(feature, fill=(red, green, blue, STATUS_FILL_ALPHA), detail=detail)
    if feature.layer == "places":
        return replace(feature, fill=color, detail=detail)
    line = LineStyle(color, max(feature.line.width, ROUTE_WIDTH - 1), feature.line.dash)
    return replace(feature, fill=color, line=line, detail=detail, muted=False)


def water_features(catalog: Catalog, translate: Translator) -> tuple[SceneFeature, ...]:
    """The seas, lakes and rivers, as context: filled blue areas and blue lines."""
    features = []
    for body in catalog.water:
        river = body.kind is WaterKind.RIVER
        features.append(
            SceneFeature(
                id=body.id,
                layer="rivers" if river else "water",
                name=translate.text(body.names),
                detail="",
                event_count=0,
                highlighted=False,
                fill=RIVER_LINE.color if river else WATER_FILL,
                line=RIVER_LINE if river else LineStyle(WATER_FILL, 0.0),
                radius=0.0,
                geometry=catalog.water_geometries[body.id],
            )
        )
    return tuple(sorted(features, key=_drawing_order))


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

"""What a renderer is: a name, a label, and a map built from a scene.

Both renderers draw the same :class:`~corridors.render.scene.Scene` with the same
arguments and differ only in the map object they return (the arguments of the deck.gl map
component, JSON the browser draws; a folium ``Map`` that renders to HTML). How a map is put
on a page and how its clicks come back is the UI's business (``corridors.ui.dashboard.map``,
one adapter per renderer); an adapter may use finer parts of its renderer (the deck.gl
adapter sizes the labels for presenter mode and frames the view itself,
:func:`corridors.render.deck.component.component_drawing`; the Leaflet adapter updates the
feature groups of a base map that stays, :mod:`corridors.render.leaflet.builder`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from corridors.core.basemaps import BUNDLED
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.reported_layer import ReportedLayer
from corridors.render.scene import Scene

MapT_co = TypeVar("MapT_co", covariant=True)


class MapRenderer(Protocol[MapT_co]):
    """A way to draw the map; ``MapT_co`` is the type of the map object it builds."""

    @property
    def name(self) -> str:
        """Its name: the registry's key and the link's ``view`` value (stable)."""
        ...

    @property
    def label_key(self) -> str:
        """The key of its label among the UI strings (``renderers.<name>``)."""
        ...

    def build(
        self,
        scene: Scene,
        translate: Translator,
        *,
        camera: Camera,
        basemap: str = BUNDLED,
        reported: ReportedLayer | None = None,
    ) -> MapT_co:
        """The map of ``scene`` seen from ``camera`` on ``basemap``, with ``reported``'s cells.

        Texts are in ``translate``'s language and direction; every feature and cell carries
        its id, so that a click can name it.
        """
        ...


MapT = TypeVar("MapT")


class MapBuilder(Protocol[MapT_co]):
    """A renderer's builder function, with :meth:`MapRenderer.build`'s signature."""

    def __call__(
        self,
        scene: Scene,
        translate: Translator,
        *,
        camera: Camera,
        basemap: str = BUNDLED,
        reported: ReportedLayer | None = None,
    ) -> MapT_co:
        """Build the map (see :meth:`MapRenderer.build`)."""
        ...


@dataclass(frozen=True, slots=True)
class BuilderRenderer(Generic[MapT]):
    """A :class:`MapRenderer` made of a name, a label key and a builder function."""

    name: str
    label_key: str
    builder: MapBuilder[MapT]

    def build(
        self,
        scene: Scene,
        translate: Translator,
        *,
        camera: Camera,
        basemap: str = BUNDLED,
        reported: ReportedLayer | None = None,
    ) -> MapT:
        """The builder's map (see :meth:`MapRenderer.build`)."""
        return self.builder(scene, translate, camera=camera, basemap=basemap, reported=reported)

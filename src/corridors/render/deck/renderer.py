"""The deck.gl renderer as a :class:`~corridors.render.protocol.MapRenderer`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from corridors.core.basemaps import BUNDLED
from corridors.geo.camera import Camera
from corridors.i18n import Translator
from corridors.render.deck.builder import CompactDeck, build_deck
from corridors.render.reported_layer import ReportedLayer
from corridors.render.scene import Scene


@dataclass(frozen=True, slots=True)
class DeckRenderer:
    """deck.gl through pydeck: the map is a :class:`CompactDeck` (its JSON is the chart)."""

    name: str = "deck"
    label_key: str = "renderers.deck"

    def build(
        self,
        scene: Scene,
        translate: Translator,
        *,
        camera: Camera,
        basemap: str = BUNDLED,
        reported: ReportedLayer | None = None,
    ) -> CompactDeck:
        """See :func:`~corridors.render.deck.builder.build_deck`."""
        return build_deck(scene, translate, camera=camera, basemap=basemap, reported=reported)


DECK: Final = DeckRenderer()

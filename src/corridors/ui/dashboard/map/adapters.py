"""The map adapters, by renderer name (one for each renderer of the registry).

:mod:`corridors.render.registry` says which renderers there are (the sidebar offers
those); this says how each is put on the page. A renderer without an adapter is an error
that names it (:class:`MissingAdapterError`), never a silent fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from corridors.ui.dashboard.map.adapter import MapAdapter
from corridors.ui.dashboard.map.deck import DeckAdapter
from corridors.ui.dashboard.map.leaflet import LeafletAdapter

#: Every adapter by the name of its renderer.
ADAPTERS: Final[Mapping[str, MapAdapter]] = {
    adapter.name: adapter for adapter in (DeckAdapter(), LeafletAdapter())
}


class MissingAdapterError(LookupError):
    """A renderer that no adapter puts on the page."""

    def __init__(self, name: str, known: Mapping[str, object]) -> None:
        super().__init__(
            f"no map adapter for renderer {name!r} (adapters: {', '.join(known)}); "
            "add one to corridors.ui.dashboard.map.adapters.ADAPTERS"
        )
        self.name = name


def adapter(name: str) -> MapAdapter:
    """The adapter of the renderer called ``name``."""
    try:
        return ADAPTERS[name]
    except KeyError:
        raise MissingAdapterError(name, ADAPTERS) from None

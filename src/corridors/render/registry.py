"""The renderers, by name: what the sidebar offers and what the link's ``view`` may name.

A link that names none gets :class:`corridors.links.view_state.ViewState`'s default, one of these
(the link layer is below this one and cannot import it; a test checks that they agree).

How to add a renderer: implement :class:`~corridors.render.protocol.MapRenderer` in a
folder of its own (``render/<name>/``) and add it to :data:`RENDERERS`; give it an adapter
in ``corridors.ui.dashboard.map`` (its :data:`~corridors.ui.dashboard.map.adapters.ADAPTERS`)
and a ``renderers.<name>`` label in each locale file. ``tests/ui/test_map_adapters.py`` does
this with a dummy renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from corridors.render.deck.renderer import DECK
from corridors.render.leaflet.renderer import LEAFLET
from corridors.render.protocol import MapRenderer

#: Every renderer by its name, in the order the sidebar offers them.
RENDERERS: Final[Mapping[str, MapRenderer[Any]]] = {
    renderer.name: renderer for renderer in (DECK, LEAFLET)
}


class UnknownRendererError(LookupError):
    """A renderer name that the registry does not hold."""

    def __init__(self, name: str, known: Mapping[str, object]) -> None:
        super().__init__(f"unknown renderer {name!r}: expected one of {', '.join(known)}")
        self.name = name


def renderer(name: str) -> MapRenderer[Any]:
    """The renderer called ``name``; :class:`UnknownRendererError` names the known ones."""
    try:
        return RENDERERS[name]
    except KeyError:
        raise UnknownRendererError(name, RENDERERS) from None

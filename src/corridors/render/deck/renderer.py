"""The deck.gl renderer as a :class:`~corridors.render.protocol.MapRenderer`.

Its map is the arguments of the atlas's map component (JSON: the pydeck layers, the
labels, the marks and where to look), built by
:func:`~corridors.render.deck.component.deck_drawing`.
"""

from __future__ import annotations

from typing import Final

from corridors.render.deck.component import Drawing, deck_drawing
from corridors.render.protocol import BuilderRenderer

DECK: Final[BuilderRenderer[Drawing]] = BuilderRenderer("deck", "renderers.deck", deck_drawing)

"""The deck.gl renderer as a :class:`~corridors.render.protocol.MapRenderer`.

Its map is a :class:`~corridors.render.deck.builder.CompactDeck`, whose JSON is the chart.
"""

from __future__ import annotations

from typing import Final

from corridors.render.deck.builder import CompactDeck, build_deck
from corridors.render.protocol import BuilderRenderer

DECK: Final[BuilderRenderer[CompactDeck]] = BuilderRenderer("deck", "renderers.deck", build_deck)

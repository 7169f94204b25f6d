"""The event's kind (an :class:`~corridors.data.models.EventKind`), from keywords in the text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from corridors.core.normalise import Word
from corridors.data.models import EventKind
from corridors.ingest.evidence import Sentences
from corridors.ingest.lexicon import lexicon

#: Weight of a keyword in the first sentence (the headline or lead) against one later.
LEAD_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class KindPick:
    """The kind picked (``None`` when no keyword was found) and the spans that decided it."""

    kind: EventKind | None
    spans: tuple[tuple[int, int], ...]
    reason: str
    #: Each kind found and its keywords' weight, the heaviest first.
    weights: tuple[tuple[str, int], ...] = ()


def pick_kind(text: str, text_words: list[Word], sentences: Sentences) -> KindPick:
    """The kind whose keywords weigh most; a tie goes to the first listed in the lexicon.

    A keyword in the first sentence weighs :data:`LEAD_WEIGHT`, any other 1.
    """
    words_of = lexicon()
    matches = words_of.kinds.find(text, text_words)
    weights: Counter[str] = Counter()
    for match in matches:
        weight = LEAD_WEIGHT if sentences.at(match.start).index == 0 else 1
        for key in match.keys:
            weights[key] += weight
    if not weights:
        return KindPick(None, (), "no keyword of any kind in the text")
    order = {kind: position for position, kind in enumerate(words_of.kind_order)}
    best = min(weights, key=lambda kind: (-weights[kind], order[kind]))
    spans = tuple((m.start, m.end) for m in matches if best in m.keys)
    ranked = tuple(weights.most_common())
    found = ", ".join(f"{kind} {weight}" for kind, weight in ranked)
    return KindPick(EventKind(best), spans, f"keyword weights: {found}", ranked)

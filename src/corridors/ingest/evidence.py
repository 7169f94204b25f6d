"""Evidence: what was found, where, and the sentence around it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Final

from corridors.core import settings

#: Where a sentence may end: after ! ? ؟ ؛, a line break, or a full stop before a space.
_END: Final = re.compile(r"[!?\u061f\u061b]+|\n+|\.(?=\s)")
#: The word before a full stop that does not end a sentence ("Aug. 8", "Mr. Rubio").
_ABBREVIATION: Final = re.compile(
    r"(?:^|\W)(?:[A-Za-z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|"
    r"Gen|Lt|Col|No|Prof|Sen|Rep|Gov)$"
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One finding: the ``field`` it fills, its ``value``, the sentence it came from.

    ``start`` and ``end`` are the span of the words that decided it, as offsets into the
    article's text; ``text`` is their sentence (shortened around the span when long).
    """

    field: str
    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: its number (0 first) and span."""

    index: int
    start: int
    end: int


class Sentences:
    """The sentences of a text, found by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans: list[tuple[int, int]] = []
        start = 0
        for match in _END.finditer(text):
            before = text[max(match.start() - 6, 0) : match.start()]
            if match.group() == "." and _ABBREVIATION.search(before):
                continue
            spans.append((start, match.end()))
            start = match.end()
        spans.append((start, len(text)))
        kept = [(a, b) for a, b in spans if text[a:b].strip()]
        self._sentences = [Sentence(i, a, b) for i, (a, b) in enumerate(kept)]
        self._starts = [sentence.start for sentence in self._sentences]

    def at(self, offset: int) -> Sentence:
        """The sentence holding ``offset``."""
        position = max(bisect.bisect_right(self._starts, offset) - 1, 0)
        return self._sentences[position] if self._sentences else Sentence(0, 0, len(self.text))

    def evidence(self, field: str, value: str, start: int, end: int) -> Evidence:
        """Evidence for ``value`` of ``field`` found at ``start:end``."""
        sentence = self.at(start)
        low, high = sentence.start, max(sentence.end, end)
        limit = settings.max_evidence_chars
        if high - low > limit:
            margin = max((limit - (end - start)) // 2, 0)
            low, high = max(low, start - margin), min(high, end + margin)
        return Evidence(field, value, " ".join(self.text[low:high].split()), start, end)

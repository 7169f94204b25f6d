"""Feature names that need more than a bare match: ordinary words and short prefix readings.

Arabic attaches prefixes to words, and :func:`~corridors.core.normalise.readings` reads them
off, so «وبنخجوان» is Nakhchivan. It also reads «وكالات» ("agencies", the dateline of most
Arabic wire stories) as وك + «الات», which is Alat («ألات») and the word "machines". A match
is *weak* when its name is one word and either an ordinary word too (``homographs.yaml``,
with its provenance) or a short name (at most :data:`SHORT` letters) reached only by reading
off a prefix. A weak match names its feature only in context: a place word just before it
(``place_words`` of ``lexicon.yaml``: «ميناء ألات», "the port of Alat"), or, for a short
name that is not an ordinary word, another feature named in the same sentence.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from importlib import resources
from typing import Final

import yaml

from corridors.core.normalise import Word, normalise_word, readings
from corridors.ingest.evidence import Sentences
from corridors.ingest.lexicon import lexicon
from corridors.ingest.matching import Match

#: A name of at most this many letters, read off a prefix, needs context.
SHORT: Final = 3


@functools.cache
def ordinary_words() -> frozenset[str]:
    """The folded words of ``homographs.yaml``: feature names that are ordinary words too."""
    text = resources.files("corridors.ingest").joinpath("homographs.yaml").read_text("utf-8")
    return frozenset(normalise_word(str(entry["word"])) for entry in yaml.safe_load(text))


def in_context(
    matches: Sequence[Match], text_words: Sequence[Word], sentences: Sentences
) -> list[Match]:
    """``matches`` without the weak ones that have no context (see the module's description)."""
    starts = [word.start for word in text_words]
    strong = {sentences.at(m.start).index for m in matches if not _weak(m)}

    def beside_another(match: Match) -> bool:
        return not _ordinary(match) and sentences.at(match.start).index in strong

    return [
        match
        for match in matches
        if not _weak(match) or _after_place_word(match, text_words, starts) or beside_another(match)
    ]


def _ordinary(match: Match) -> bool:
    return len(match.reading) == 1 and match.reading[0] in ordinary_words()


def _weak(match: Match) -> bool:
    short = match.stripped and len(match.reading) == 1 and len(match.reading[0]) <= SHORT
    return _ordinary(match) or short


def _after_place_word(match: Match, text_words: Sequence[Word], starts: list[int]) -> bool:
    """Whether the word just before ``match`` is a place word (with any attached prefix)."""
    index = bisect.bisect_left(starts, match.start)
    if index == 0:
        return False
    places = lexicon().place_words
    return any(reading in places for reading in readings(text_words[index - 1].norm))

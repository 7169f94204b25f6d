"""Find names in a text: whole words only, the longest match wins, prefixes read off.

A :class:`NameIndex` holds names (any number of words, any language) for keys (feature
ids, actor ids, month numbers ...). :meth:`NameIndex.find` walks the text's normalised
words (:mod:`corridors.core.normalise`); a text word matches a name's word when one of
its :func:`~corridors.core.normalise.readings` equals it, so «وبنخجوان» matches
«نخجوان» but «Armenian» never matches «Armenia». Where matches overlap the longest (in
words, then characters) is kept; a name registered under :data:`BLOCKER` takes its place
among them and is then left out.

A name written in capitals of at most five letters (TRIPP, OSCE, EU, UN) is an acronym:
it matches only when the text writes it the same way, so that "un-" or "eu" in running
text is not taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from corridors.core.normalise import Word, readings, words

_ACRONYM: Final = re.compile(r"^[A-Z]{2,5}$")

#: The key of a name that names nothing: it wins over the shorter names inside it and is
#: then dropped ("East Zangezur", an Azerbaijani economic region, is not Syunik's Zangezur).
BLOCKER: Final = ""


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in a text: the keys it names and its character span there."""

    keys: tuple[str, ...]
    start: int
    end: int
    #: Number of words matched.
    size: int


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    #: 0 for a name as written in the data, 1 for a name derived from it.
    tier: int
    #: The exact text an acronym must have, or ``None``.
    verbatim: str | None


@dataclass
class NameIndex:
    """Names of keys, looked up by their normalised words."""

    _entries: dict[tuple[str, ...], list[_Entry]] = field(default_factory=dict)
    _prefixes: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, key: str, name: str, *, tier: int = 0) -> None:
        """Register ``name`` for ``key`` (a name with no words is ignored)."""
        norms = tuple(word.norm for word in words(name))
        if not norms:
            return
        verbatim = name.strip() if _ACRONYM.match(name.strip()) else None
        entries = self._entries.setdefault(norms, [])
        if any(e.key == key and e.tier <= tier and e.verbatim == verbatim for e in entries):
            return
        entries.append(_Entry(key, tier, verbatim))
        for size in range(1, len(norms)):
            self._prefixes.add(norms[:size])

    def add_all(self, key: str, names: Iterable[str], *, tier: int = 0) -> None:
        """Register every name of ``names`` for ``key``."""
        for name in names:
            self.add(key, name, tier=tier)

    def find(self, text: str, found: Sequence[Word] | None = None) -> list[Match]:
        """The names in ``text``, without overlaps, in text order.

        ``found`` are the words of ``text`` when the caller already has them.
        """
        text_words = list(words(text) if found is None else found)
        candidates = [
            match
            for index in range(len(text_words))
            for match in self._matches_at(text, text_words, index)
        ]
        candidates.sort(key=lambda m: (-m.size, -(m.end - m.start), m.start))
        taken: list[Match] = []
        for match in candidates:
            if all(match.end <= other.start or match.start >= other.end for other in taken):
                taken.append(match)
        return sorted((m for m in taken if m.keys != (BLOCKER,)), key=lambda m: m.start)

    def _matches_at(self, text: str, text_words: Sequence[Word], first: int) -> list[Match]:
        """Every name that starts at word ``first``."""
        found: list[Match] = []
        paths: list[tuple[str, ...]] = [()]
        index = first
        while paths and index < len(text_words):
            word = text_words[index]
            longer = [(*path, reading) for path in paths for reading in readings(word.norm)]
            for key in dict.fromkeys(longer):
                keys = self._keys(key, text[text_words[first].start : word.end])
                if keys:
                    found.append(Match(keys, text_words[first].start, word.end, len(key)))
            paths = [path for path in dict.fromkeys(longer) if path in self._prefixes]
            index += 1
        return found

    def _keys(self, norms: tuple[str, ...], written: str) -> tuple[str, ...]:
        """The keys named by ``norms``: those of the best tier, acronyms only as written."""
        entries = [
            entry
            for entry in self._entries.get(norms, ())
            if entry.verbatim is None or entry.verbatim == written
        ]
        if not entries:
            return ()
        best = min(entry.tier for entry in entries)
        return tuple(dict.fromkeys(entry.key for entry in entries if entry.tier == best))

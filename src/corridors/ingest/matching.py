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

import functools
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
    #: The name's normalised words, as matched.
    reading: tuple[str, ...] = ()
    #: Whether a word was read without an attached Arabic prefix («وكالات» as «الات»).
    stripped: bool = False


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
    #: The first word of every name: a text word none of whose readings is one starts none.
    _firsts: set[str] = field(default_factory=set)

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
        self._firsts.add(norms[0])
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
        norms = {word.norm for word in text_words}  # a text repeats its words: each once
        starting = {norm for norm in norms if not self._firsts.isdisjoint(_readings(norm))}
        candidates = [
            (match, first)
            for first, word in enumerate(text_words)
            if word.norm in starting
            for match in self._matches_at(text, text_words, first)
        ]
        candidates.sort(key=lambda c: (-c[0].size, -(c[0].end - c[0].start), c[0].start))
        # A match covers whole words, so two overlap exactly when they share a word: marking
        # the words taken makes each test as long as the match, not as long as the list.
        free = [True] * len(text_words)
        taken: list[Match] = []
        for match, first in candidates:
            if all(free[first : first + match.size]):
                free[first : first + match.size] = [False] * match.size
                taken.append(match)
        return sorted((m for m in taken if m.keys != (BLOCKER,)), key=lambda m: m.start)

    def _matches_at(self, text: str, text_words: Sequence[Word], first: int) -> list[Match]:
        """Every name that starts at word ``first`` (its size is its number of words)."""
        found: list[Match] = []
        start = text_words[first].start
        paths: list[tuple[str, ...]] = [()]
        index = first
        while paths and index < len(text_words):
            word = text_words[index]
            longer = dict.fromkeys(
                (*path, reading) for path in paths for reading in _readings(word.norm)
            )
            for key in longer:
                entries = self._entries.get(key)
                keys = _keys(entries, text[start : word.end]) if entries else ()
                if keys:
                    written = tuple(w.norm for w in text_words[first : index + 1])
                    found.append(Match(keys, start, word.end, len(key), key, key != written))
            paths = [path for path in longer if path in self._prefixes]
            index += 1
        return found


def _keys(entries: list[_Entry], written: str) -> tuple[str, ...]:
    """The keys of ``entries``: those of the best tier, acronyms only as ``written``."""
    kept = [entry for entry in entries if entry.verbatim is None or entry.verbatim == written]
    if not kept:
        return ()
    best = min(entry.tier for entry in kept)
    return tuple(dict.fromkeys(entry.key for entry in kept if entry.tier == best))


@functools.lru_cache(maxsize=1 << 16)
def _readings(norm: str) -> tuple[str, ...]:
    """The :func:`~corridors.core.normalise.readings` of ``norm``, kept: texts repeat words."""
    return tuple(readings(norm))

"""Normalised words of a text, each with its span in the original text.

One normalisation serves the article matcher, the event list's search and the sidebar's
finder, so a name spelt one way in the data is found however a text spells it:

- Arabic: diacritics and tatweel are dropped; the hamza and madda forms of alef, waw and
  yaa become the bare letter (compatibility decomposition, marks dropped); alef wasla
  becomes alef, taa marbuta haa, alef maqsura yaa; Persian yeh and keheh become yaa and
  kaf; Arabic-Indic and Eastern Arabic-Indic digits become 0-9. Attached prefixes (و ب ل
  ف ك and the article: ال وال بال لل ...) are not cut off blindly: :func:`readings` lists
  what a word may be with one taken off, and a matcher accepts a reading only when it is
  a whole word of a name.
- Latin script: case (casefold) and accents do not count; punctuation separates words, so
  a possessive ("Armenia's") leaves the name whole.

Words are cut from the original text, so every word keeps its ``start`` and ``end`` offsets
there: evidence built from words points into the text the reader sees.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Final, NamedTuple

#: A word: letters and digits of any script, with the combining marks written inside it
#: (Latin accents, Arabic diacritics and Quranic marks, zero-width (non-)joiners).
_WORD: Final = re.compile(
    r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d])+"
)

_DIGITS: Final = {
    **{chr(0x0660 + value): str(value) for value in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + value): str(value) for value in range(10)},  # Eastern Arabic-Indic
}
#: Letters folded to one spelling after accents and hamza marks are taken off.
_LETTERS: Final = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0629": "\u0647",  # taa marbuta -> haa
        "\u0649": "\u064a",  # alef maqsura -> yaa
        "\u06cc": "\u064a",  # Persian yeh -> yaa
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u0131": "i",  # dotless i (Azerbaijani, Turkish)
        **_DIGITS,
    }
)

#: Prefixes that attach to an Arabic word, longest first: conjunctions (و ف), prepositions
#: (ب ل ك) and the article, alone or combined. ``لل`` is ``ل`` + ``ال`` with the alef dropped.
ARABIC_PREFIXES: Final = (
    "وبال",
    "وكال",
    "فبال",
    "وال",
    "بال",
    "كال",
    "فال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ب",
    "ل",
    "ف",
    "ك",
)
#: Prefixes whose letters also begin many plain words: taken off only before 3 letters or more.
_RISKY: Final = frozenset({"ف", "ك", "فب", "فل", "وك"})
_ARABIC_LETTER: Final = re.compile(r"[\u0621-\u064a]")
_LATIN_LETTER: Final = re.compile(r"[A-Za-z\u00c0-\u024f]")


class Word(NamedTuple):
    """A word of a text: its normalised form and where it is in the original text.

    A named tuple: a text of two megabytes holds up to a million words, made in a blink.
    """

    norm: str
    start: int
    end: int


@functools.lru_cache(maxsize=1 << 16)  # texts repeat their words
def normalise_word(word: str) -> str:
    """``word`` as every comparison sees it (see the module's description)."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(_LETTERS).casefold()


def words(text: str) -> list[Word]:
    """The words of ``text`` in order, normalised, with their spans in ``text``."""
    return [
        Word(norm, match.start(), match.end())
        for match in _WORD.finditer(text)
        if (norm := normalise_word(match.group()))
    ]


def fold(text: str) -> str:
    """``text`` as search compares it: its normalised words joined by single spaces."""
    return " ".join(word.norm for word in words(text))


def readings(norm: str) -> Iterator[str]:
    """What a normalised word may be: itself, or itself without one attached Arabic prefix.

    ``للطريق`` may be ``الطريق`` or ``طريق``; ``و8`` may be ``8``. What remains must be a
    word (two letters, three after a risky prefix, or a number).
    """
    yield norm
    if not _ARABIC_LETTER.match(norm):
        return
    for prefix in ARABIC_PREFIXES:
        if not norm.startswith(prefix):
            continue
        rest = norm[len(prefix) :]
        shortest = 3 if prefix in _RISKY else 2
        if rest.isdigit() or len(rest) >= shortest:
            yield rest
            if prefix.endswith("لل"):
                yield "ال" + rest


def detect_language(text: str) -> str:
    """``"ar"`` when Arabic letters outnumber Latin ones in ``text``, else ``"en"``."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return "ar" if arabic > latin else "en"

"""Text search over events: their own words and every name of the features they concern.

Matching is done on a folded form of the text (:func:`fold`) so that a reader finds an
event however they spell a name: case and accents do not count, and neither do the
Arabic spellings that vary in practice (diacritics, tatweel, the hamza forms of alef,
taa marbuta and haa, alef maqsura and yaa, Persian yeh and keheh).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from corridors.catalog import Catalog
from corridors.models import Corridor, Event

#: Letters folded to one spelling after accents and hamza marks are taken off.
_LETTERS: Final = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0629": "\u0647",  # taa marbuta -> haa
        "\u0649": "\u064a",  # alef maqsura -> yaa
        "\u06cc": "\u064a",  # Persian yeh -> yaa
        "\u06a9": "\u0643",  # keheh -> kaf
        "\u0640": None,  # tatweel
        "\u0131": "i",  # dotless i (Azerbaijani, Turkish)
    }
)
#: Anything that is not a letter or a digit separates words.
_SEPARATORS: Final = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """``text`` as search compares it: lower case, no accents or Arabic variants, single spaces.

    Compatibility decomposition splits accented letters, Arabic presentation forms and
    the hamza and madda forms of alef, waw and yaa into a base letter and marks; the
    marks (Arabic diacritics included) are dropped.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_SEPARATORS.sub(" ", bare.translate(_LETTERS).casefold()).split())


def _localized(texts: Iterable[Mapping[str, str]]) -> Iterator[str]:
    for text in texts:
        yield from text.values()


def feature_names(catalog: Catalog, feature_id: str) -> list[str]:
    """Every name of a feature: in each language, its aliases, and the names each side uses."""
    record = catalog.feature(feature_id)
    names = [*record.names.values(), *record.aliases]
    if isinstance(record, Corridor):
        names.extend(_localized(other.name for other in record.other_names))
    return names


def event_words(catalog: Catalog, event: Event) -> str:
    """What a search looks through for ``event``, folded.

    Its title, summary and actors in every language, and every name of each linked feature.
    """
    parts = [
        *_localized((event.title, event.summary)),
        *_localized(event.actors),
        *(name for feature in event.features for name in _names_if_known(catalog, feature)),
    ]
    return fold(" ".join(parts))


def _names_if_known(catalog: Catalog, feature_id: str) -> list[str]:
    try:
        return feature_names(catalog, feature_id)
    except KeyError:  # a link to a feature the data lacks is reported by the loader
        return []


def search_events(catalog: Catalog, events: Sequence[Event], query: str) -> tuple[Event, ...]:
    """The events of ``events`` in which every word of ``query`` occurs, in the order given.

    A query with no words finds them all.
    """
    words = fold(query).split()
    if not words:
        return tuple(events)
    return tuple(event for event in events if _has_all(event_words(catalog, event), words))


def _has_all(haystack: str, words: Iterable[str]) -> bool:
    return all(word in haystack for word in words)

"""Text search over events: their own words and every name of the features they concern.

Matching is done on the normalised words of :mod:`corridors.core.normalise`, the same
normalisation ``corridors ingest`` matches names with, so that a reader finds an event
however they spell a name: case and accents do not count, and neither do the Arabic
spellings that vary in practice (diacritics, tatweel, the hamza forms of alef, taa
marbuta and haa, alef maqsura and yaa, Persian yeh and keheh, Arabic-Indic digits), nor
a prefix attached to a searched Arabic word («ونخجوان» finds «نخجوان»).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from corridors.core.normalise import fold, readings
from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, Corridor, Event

__all__ = ["event_words", "feature_names", "find_features", "fold", "search_events"]


def _localized(texts: Iterable[Mapping[str, str]]) -> Iterator[str]:
    for text in texts:
        yield from text.values()


def feature_names(catalog: Catalog, feature_id: str) -> list[str]:
    """Every name of a feature: in each language, short, aliases, the names each side uses."""
    record = catalog.feature(feature_id)
    names = [*record.names.values(), *record.aliases]
    if isinstance(record, Boundary | Corridor) and record.short_name:
        names.extend(record.short_name.values())
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

    A word occurs when it, or it without an attached Arabic prefix, is part of the text.
    A query with no words finds them all.
    """
    words = fold(query).split()
    if not words:
        return tuple(events)
    return tuple(event for event in events if _has_all(event_words(catalog, event), words))


def find_features(catalog: Catalog, query: str) -> tuple[str, ...]:
    """The features one of whose names holds every word of ``query`` (folded as above).

    Features with a name that is the whole query come first, then the others, each group
    in the catalogue's order (countries, regions, corridors, places).
    """
    words = fold(query).split()
    if not words:
        return ()
    whole = " ".join(words)
    found: list[str] = []
    exact: list[str] = []
    for feature in catalog.features():
        names = [fold(name) for name in feature_names(catalog, feature.id)]
        if any(_has_all(name, words) for name in names):
            (exact if whole in names else found).append(feature.id)
    return (*exact, *found)


def _has_all(haystack: str, words: Iterable[str]) -> bool:
    return all(any(reading in haystack for reading in readings(word)) for word in words)

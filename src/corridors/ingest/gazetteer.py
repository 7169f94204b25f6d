"""Name indexes of the catalogue's features and actors, built from the data alone.

Every name the data holds counts, in every language: ``names``, ``short_name``,
``aliases`` and a corridor's ``other_names``. Two forms are derived from a name as
written, at a lower rank: the name without a bracketed note ("Zangezur (historical
region; Azerbaijani usage)" is also "Zangezur") and each side of a " / " ("Khankendi /
Stepanakert"). A derived form names a feature only when no feature has it as written,
so "Nakhchivan" is the city and the republic (both hold it), not also the city's
district, whose name is "Nakhchivan (city)".

A name held by an area and by something inside it ("Nakhchivan": the autonomous
republic and its capital; "Ordubad": the district and its town) links the area, the
wider reading, which review may narrow; containment comes from the data
(:func:`~corridors.data.containment.wholes_of`). Any other name held by several features
links all of them. Names that
contain a feature's name but are not that feature ("East Zangezur") are listed in
``lexicon.yaml`` (``not_features``) and link nothing. No spelling is written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Final

from corridors.data.catalog import Catalog
from corridors.data.containment import wholes_of
from corridors.data.models import Actor
from corridors.data.search import feature_names
from corridors.ingest.lexicon import lexicon
from corridors.ingest.matching import BLOCKER, Match, NameIndex

_NOTE: Final = re.compile(r"\s*\([^)]*\)")


def derived_names(name: str) -> Iterator[str]:
    """The forms of ``name`` without its bracketed notes, and each side of a " / "."""
    bare = _NOTE.sub("", name).strip()
    if bare and bare != name:
        yield bare
    if " / " in bare:
        yield from (part.strip() for part in bare.split(" / ") if part.strip())


def feature_index(catalog: Catalog) -> NameIndex:
    """Every feature of ``catalog`` under each of its names."""
    index = NameIndex()
    index.add_all(BLOCKER, lexicon().not_features)
    for feature in catalog.features():
        names = feature_names(catalog, feature.id)
        index.add_all(feature.id, names)
        for name in names:
            index.add_all(feature.id, derived_names(name), tier=1)
    return index


def widest(catalog: Catalog, match: Match) -> Match:
    """``match`` without the features that lie inside another feature it names."""
    keys = set(match.keys)
    kept = tuple(k for k in match.keys if keys.isdisjoint(wholes_of(catalog, k)))
    return replace(match, keys=kept)


def actor_index(actors: tuple[Actor, ...]) -> NameIndex:
    """Every actor under each of its names."""
    index = NameIndex()
    for actor in actors:
        names = [*actor.names.values(), *actor.aliases]
        index.add_all(actor.id, names)
        for name in names:
            index.add_all(actor.id, derived_names(name), tier=1)
    return index

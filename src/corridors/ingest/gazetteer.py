"""Name indexes of the catalogue's features and actors, built from the data alone.

Every name the data holds counts, in every language: ``names``, ``short_name``,
``aliases`` and a corridor's ``other_names``. Two forms are derived from a name as
written, at a lower rank: the name without a bracketed note ("Zangezur (historical
region; Azerbaijani usage)" is also "Zangezur") and each side of a " / " ("Khankendi /
Stepanakert"). A derived form names a feature only when no feature has it as written,
so "Nakhchivan" is the city and the republic (both hold it), not also the city's
district, whose name is "Nakhchivan (city)".

A name held by several features links all of them: the text names each. No spelling is
written here; they all live in ``geodata/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from corridors.catalog import Catalog
from corridors.ingest.matching import NameIndex
from corridors.models import Actor
from corridors.search import feature_names

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
    for feature in catalog.features():
        names = feature_names(catalog, feature.id)
        index.add_all(feature.id, names)
        for name in names:
            index.add_all(feature.id, derived_names(name), tier=1)
    return index


def actor_index(actors: tuple[Actor, ...]) -> NameIndex:
    """Every actor under each of its names."""
    index = NameIndex()
    for actor in actors:
        names = [*actor.names.values(), *actor.aliases]
        index.add_all(actor.id, names)
        for name in names:
            index.add_all(actor.id, derived_names(name), tier=1)
    return index

"""The words dates, event kinds and provision subjects are read by (``lexicon.yaml``), indexed."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from corridors.core.normalise import normalise_word
from corridors.ingest.matching import BLOCKER, NameIndex


@dataclass(frozen=True)
class Lexicon:
    """Name indexes of months, ordinal days, weekdays, relative days, kinds and subjects.

    Keys are the numbers as text ("8" for August and for «الثامن», "-1" for yesterday),
    for kinds the EventKind values, for subjects the subjects' names ("unblocking").
    """

    months: NameIndex
    ordinal_days: NameIndex
    weekdays: NameIndex
    relative_days: NameIndex
    kinds: NameIndex
    #: Kinds in the order that breaks a tie.
    kind_order: tuple[str, ...]
    #: Normalised words that join days, or a day and its month.
    joiners: frozenset[str]
    #: Names that hold a feature's name but are not that feature.
    not_features: tuple[str, ...]
    #: Normalised words that say the next name is a place ("port", «ميناء»).
    place_words: frozenset[str]
    #: Subjects of agreement provisions ("unblocking", "transport-links") and their words.
    provision_subjects: NameIndex


def _index(table: dict[Any, list[str]]) -> NameIndex:
    index = NameIndex()
    for key, names in table.items():
        index.add_all(str(key), names)
    return index


def _subjects(table: dict[str, list[str]]) -> NameIndex:
    """The subjects' words; the names listed under ``not_subjects`` block the words in them."""
    index = _index({key: names for key, names in table.items() if key != "not_subjects"})
    index.add_all(BLOCKER, table.get("not_subjects", ()))
    return index


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon shipped with the package (read once)."""
    text = resources.files("corridors.ingest").joinpath("lexicon.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Lexicon(
        months=_index(data["months"]),
        ordinal_days=_index(data["ordinal_days"]),
        weekdays=_index(data["weekdays"]),
        relative_days=_index(data["relative_days"]),
        kinds=_index(data["kinds"]),
        kind_order=tuple(data["kinds"]),
        joiners=frozenset(normalise_word(word) for word in data["date_joiners"]),
        not_features=tuple(data["not_features"]),
        place_words=frozenset(normalise_word(word) for word in data["place_words"]),
        provision_subjects=_subjects(data["provision_subjects"]),
    )

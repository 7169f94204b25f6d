"""Agreement provisions an article is evidence of: a sentence naming a place and a subject.

A provision concerns map features (``features`` in ``agreements.yaml``) and has subjects:
the subjects of ``lexicon.yaml`` (``provision_subjects``) that its label or text names, in
any language of the data ("Unblocking transport links" names ``unblocking`` and
``transport-links``). A sentence links the provision when it names one of its features,
or a place inside one (:func:`~corridors.data.containment.wholes_of`), and a word of one of
its subjects that is not part of a feature's or actor's name, in the article and in the
provision's own text alike (nor of a name listed in ``not_subjects``: "the Lachin
corridor" names a road, not the subject of transport links). The evidence is that
sentence, with the span from the first deciding word to the last.

A provision with no subject word in its label or text can never be linked:
:func:`unlinkable` lists them, so that the evaluation says so rather than scoring them
silently as never found.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from corridors.core import settings
from corridors.core.normalise import Word
from corridors.data.catalog import Catalog
from corridors.data.containment import wholes_of
from corridors.ingest.evidence import Evidence, Sentences
from corridors.ingest.gazetteer import feature_index
from corridors.ingest.lexicon import lexicon
from corridors.ingest.matching import Match, NameIndex

#: The field provision links fill, in a proposal's evidence and a draft record.
FIELD = "provisions"


@dataclass(frozen=True, slots=True)
class ProvisionTerms:
    """What links a provision: its id, its features and its subjects."""

    id: str
    features: frozenset[str]
    subjects: frozenset[str]


def provision_terms(catalog: Catalog) -> tuple[ProvisionTerms, ...]:
    """Every provision of ``catalog`` with the features and subjects that link it."""
    places = feature_index(catalog)
    found = []
    for agreement in catalog.agreements:
        for provision in agreement.provisions:
            texts = [*provision.label.values(), *provision.text.values()]
            subjects = frozenset(key for text in texts for key in _subjects_in(text, places))
            found.append(
                ProvisionTerms(
                    agreement.provision_id(provision), frozenset(provision.features), subjects
                )
            )
    return tuple(found)


def _subjects_in(text: str, places: NameIndex) -> set[str]:
    """The subjects ``text`` names outside the names of features ("the Lachin corridor")."""
    outside = _Outside(places.find(text))
    found = lexicon().provision_subjects.find(text)
    return {key for match in found if outside.holds(match) for key in match.keys}


def unlinkable(catalog: Catalog) -> tuple[str, ...]:
    """Ids of the provisions that no article can link: no feature, or no subject word."""
    return tuple(t.id for t in provision_terms(catalog) if not (t.features and t.subjects))


def link_provisions(
    catalog: Catalog,
    sentences: Sentences,
    text_words: Sequence[Word],
    names: Sequence[Match],
    features: Sequence[Match],
) -> list[Evidence]:
    """Evidence for each provision a sentence links, in text order.

    ``features`` are the feature matches of the text; ``names`` every name match (features
    and actors), whose words are not subject words. At most
    ``settings.max_evidence_per_value`` sentences are kept per provision.
    """
    terms = [t for t in provision_terms(catalog) if t.features and t.subjects]
    if not terms or not features:
        return []
    said = _subjects_by_sentence(sentences, text_words, names)
    named = _places_by_sentence(catalog, sentences, features, said.keys())
    found: list[Evidence] = []
    counts: dict[str, int] = defaultdict(int)
    for index in sorted(said.keys() & named.keys()):
        for term in terms:
            spans = _deciding(term, named[index], said[index])
            if spans is not None:
                counts[term.id] += 1
                if counts[term.id] <= settings.max_evidence_per_value:
                    found.append(sentences.evidence(FIELD, term.id, *spans))
    return sorted(found, key=lambda e: e.start)


def _subjects_by_sentence(
    sentences: Sentences, text_words: Sequence[Word], names: Sequence[Match]
) -> dict[int, list[Match]]:
    """The subject words outside every name, by the number of their sentence."""
    outside = _Outside(names)
    said: dict[int, list[Match]] = defaultdict(list)
    for match in lexicon().provision_subjects.find(sentences.text, text_words):
        if outside.holds(match):
            said[sentences.at(match.start).index].append(match)
    return said


def _places_by_sentence(
    catalog: Catalog, sentences: Sentences, features: Sequence[Match], among: Collection[int]
) -> dict[int, list[tuple[Match, frozenset[str]]]]:
    """The feature matches of the sentences ``among``, each with the areas it lies in."""
    named: dict[int, list[tuple[Match, frozenset[str]]]] = defaultdict(list)
    wholes: dict[tuple[str, ...], frozenset[str]] = {}
    for match in features:
        index = sentences.at(match.start).index
        if index in among:
            if match.keys not in wholes:
                wholes[match.keys] = _with_wholes(catalog, match.keys)
            named[index].append((match, wholes[match.keys]))
    return named


class _Outside:
    """Whether a match lies outside every name of a text (found by bisection)."""

    def __init__(self, names: Iterable[Match]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((m.start, m.end) for m in names):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def holds(self, match: Match) -> bool:
        """Whether ``match`` shares no character with a name."""
        position = bisect.bisect_left(self._starts, match.end) - 1
        return position < 0 or self._ends[position] <= match.start


def _deciding(
    term: ProvisionTerms, named: Iterable[tuple[Match, frozenset[str]]], said: Iterable[Match]
) -> tuple[int, int] | None:
    """The span from the first to the last word linking ``term``, if the sentence links it."""
    places = [m for m, ids in named if not ids.isdisjoint(term.features)]
    words = [m for m in said if not term.subjects.isdisjoint(m.keys)]
    if not places or not words:
        return None
    both = [*places, *words]
    return min(m.start for m in both), max(m.end for m in both)


def _with_wholes(catalog: Catalog, keys: Iterable[str]) -> frozenset[str]:
    """``keys`` and the regions and autonomous republic each lies inside."""
    return frozenset(k for key in keys for k in (key, *wholes_of(catalog, key)))

"""Agreement provisions an article is evidence of: a sentence naming a place and a subject.

A provision concerns map features (``features`` in ``agreements.yaml``) and has subjects:
the subjects of ``lexicon.yaml`` (``provision_subjects``) that its label or text names, in
any language of the data ("Unblocking transport links" names ``unblocking`` and
``transport-links``). A sentence links the provision when it names one of its features,
or a place inside one (:func:`~corridors.data.containment.wholes_of`), and a word of one of
its subjects that is not part of a feature's or actor's name. The evidence is that
sentence, with the span from the first deciding word to the last.

A provision with no subject word in its label or text can never be linked:
:func:`unlinkable` lists them, so that the evaluation says so rather than scoring them
silently as never found.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corridors.core import settings
from corridors.core.normalise import Word
from corridors.data.catalog import Catalog
from corridors.data.containment import wholes_of
from corridors.ingest.evidence import Evidence, Sentences
from corridors.ingest.lexicon import lexicon
from corridors.ingest.matching import Match

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
    index = lexicon().provision_subjects
    found = []
    for agreement in catalog.agreements:
        for provision in agreement.provisions:
            texts = [*provision.label.values(), *provision.text.values()]
            subjects = frozenset(key for text in texts for m in index.find(text) for key in m.keys)
            found.append(
                ProvisionTerms(
                    agreement.provision_id(provision), frozenset(provision.features), subjects
                )
            )
    return tuple(found)


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
    if not terms:
        return []
    subjects = [
        m
        for m in lexicon().provision_subjects.find(sentences.text, text_words)
        if not any(m.start < n.end and n.start < m.end for n in names)
    ]
    places = [(m, _with_wholes(catalog, m.keys)) for m in features]
    found: list[Evidence] = []
    counts: dict[str, int] = {}
    for index in sorted({sentences.at(m.start).index for m in subjects}):
        named = [(m, ids) for m, ids in places if sentences.at(m.start).index == index]
        said = [m for m in subjects if sentences.at(m.start).index == index]
        for term in terms:
            spans = _deciding(term, named, said)
            if spans is None:
                continue
            counts[term.id] = counts.get(term.id, 0) + 1
            if counts[term.id] <= settings.max_evidence_per_value:
                found.append(sentences.evidence(FIELD, term.id, *spans))
    return sorted(found, key=lambda e: e.start)


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

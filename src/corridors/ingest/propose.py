"""From an article to a proposal: features, actors, dates, kind and provisions, with evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from corridors.core import settings
from corridors.core.normalise import detect_language, words
from corridors.data.catalog import Catalog
from corridors.ingest.budget import Budget
from corridors.ingest.dates import DateCandidate, DatePick, find_dates, pick_date
from corridors.ingest.evidence import Evidence, Sentences
from corridors.ingest.gazetteer import actor_index, feature_index, widest
from corridors.ingest.homographs import in_context
from corridors.ingest.kind_pick import KindPick, pick_kind
from corridors.ingest.matching import Match
from corridors.ingest.provision_links import link_provisions
from corridors.ingest.reading import Article


@dataclass(frozen=True)
class Proposal:
    """What ``corridors ingest`` found in an article: a draft event before review."""

    id: str
    lang: str
    title: str | None
    published: dt.date | None
    date: DatePick
    dates: tuple[DateCandidate, ...]
    #: Feature ids and actor ids, in the order the text first names them.
    features: tuple[str, ...]
    actors: tuple[str, ...]
    kind: KindPick
    #: Agreement provision ids (``<agreement>/<number>``) the article is evidence of.
    provisions: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    article: Article


def propose(
    article: Article,
    catalog: Catalog,
    *,
    lang: str = "auto",
    published: dt.date | None = None,
) -> Proposal:
    """Read ``article`` against ``catalog`` (its features, actors and provisions).

    ``published`` overrides the publication date the page gives; ``lang`` (a language of
    ``locales/``, or "auto") is the article's language; "auto" tells Arabic from English by
    its letters. Names are matched in every language the data holds, whatever ``lang``.

    Raises
    ------
    OverBudgetError
        If it takes longer than ``settings.max_propose_seconds`` (see
        :mod:`~corridors.ingest.budget`).

    """
    budget = Budget(article.name, settings.max_propose_seconds, "max_propose_seconds")
    text = article.text
    text_words = words(text)
    sentences = Sentences(text)
    day = published or article.published
    budget.check("cutting it into words and sentences")
    named = in_context(feature_index(catalog).find(text, text_words), text_words, sentences)
    features = [widest(catalog, m) for m in named]
    budget.check("finding the features it names")
    actors = actor_index(catalog.actors).find(text, text_words)
    budget.check("finding the actors it names")
    feature_matches, actor_matches = _without_nested(features, actors)
    candidates = tuple(find_dates(text, day, text_words))
    date = pick_date(candidates, sentences, day)
    budget.check("finding its dates")
    kind = pick_kind(text, text_words, sentences)
    budget.check("finding its kind")
    provisions = link_provisions(
        catalog, sentences, text_words, [*feature_matches, *actor_matches], feature_matches
    )
    budget.check("finding the agreement provisions it is evidence of")
    evidence = [
        *_named(sentences, "features", feature_matches),
        *_named(sentences, "actors", actor_matches),
        *(sentences.evidence("dates", c.date.isoformat(), c.start, c.end) for c in candidates),
        *(sentences.evidence("kind", str(kind.kind), a, b) for a, b in kind.spans),
        *provisions,
    ]
    if date.candidate is not None:
        chosen = date.candidate
        evidence.append(sentences.evidence("date", str(date.date), chosen.start, chosen.end))
    budget.check("gathering the evidence")
    return Proposal(
        id=_draft_id(date, kind, text),
        lang=detect_language(text) if lang == "auto" else lang,
        title=article.title or _first_line_title(text),
        published=day,
        date=date,
        dates=candidates,
        features=_keys_in_order(feature_matches),
        actors=_keys_in_order(actor_matches),
        kind=kind,
        provisions=tuple(dict.fromkeys(e.value for e in provisions)),
        evidence=tuple(evidence),
        article=article,
    )


def _without_nested(features: list[Match], actors: list[Match]) -> tuple[list[Match], list[Match]]:
    """Both lists less the matches that lie inside a longer one of the other list.

    The longest name wins across features and actors too: "Ararat" in "Ararat Mirzoyan"
    is not the town, "Trump" in "Trump Route" is not the person.
    """
    feature_starts = [m.start for m in features]
    actor_starts = [m.start for m in actors]
    return (
        [m for m in features if not _inside_longer(m, actors, actor_starts)],
        [m for m in actors if not _inside_longer(m, features, feature_starts)],
    )


def _inside_longer(match: Match, others: list[Match], starts: list[int]) -> bool:
    """Whether one of ``others`` (apart and in text order, at ``starts``) holds ``match``.

    Only the last one starting at or before ``match`` can: those before it end earlier.
    """
    position = bisect_right(starts, match.start) - 1
    if position < 0:
        return False
    other = others[position]
    return match.end <= other.end and (other.size, other.end - other.start) > (
        match.size,
        match.end - match.start,
    )


def _named(sentences: Sentences, field: str, matches: Iterable[Match]) -> list[Evidence]:
    """Evidence for each key matched, at most ``settings.max_evidence_per_value`` each."""
    found: list[Evidence] = []
    counts: dict[str, int] = {}
    for match in matches:
        for key in match.keys:
            counts[key] = counts.get(key, 0) + 1
            if counts[key] <= settings.max_evidence_per_value:
                found.append(sentences.evidence(field, key, match.start, match.end))
    return found


def _keys_in_order(matches: Iterable[Match]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for match in matches for key in match.keys))


def _first_line_title(text: str) -> str | None:
    """The first line that reads as a headline (3 words or more, 200 characters at most)."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line) <= settings.max_title_chars and len(words(line)) >= settings.min_title_words:
            return line
    return None


def _draft_id(date: DatePick, kind: KindPick, text: str) -> str:
    """``<date>-<kind>-<digest>``: readable, and the same for the same article."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    day = date.date.isoformat() if date.date else "undated"
    return f"{day}-{kind.kind or 'event'}-{digest}"

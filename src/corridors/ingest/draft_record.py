"""A proposal as a draft event: the catalogue's event schema plus a ``draft`` block.

A draft is an event that may still lack what review adds: ``sources`` (an article read
from a file has no address), a ``summary``, the ``title`` in every language, even the
``kind``, ``date`` or ``features``. :class:`DraftRecord` checks everything else with the
catalogue's own types (ids, dates, kinds, localized texts, sources); what is still
missing is reported by validating the event part with the catalogue's
:class:`~corridors.data.models.Event` itself (:func:`missing_fields`), and ``corridors
publish`` accepts a draft only when that passes. The ``draft`` block holds what the
reviewer checks: the status (``unreviewed``), the language, the input, all date
candidates and the reasons for each pick, and the evidence (the sentence behind each
proposed feature, actor, date, kind and agreement provision); it never reaches the
catalogue. The provisions proposed are the draft's ``provisions``: review keeps, removes or
adds them, and publishing writes the rest on the event.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corridors.core.errors import Problem
from corridors.core.languages import available_languages
from corridors.data.agreement_models import ProvisionId
from corridors.data.catalog import Catalog
from corridors.data.models import (
    Date,
    EventKind,
    FeatureId,
    LanguageCode,
    Localized,
    NonEmptyText,
    Precision,
    Source,
)
from corridors.data.models import Event as CatalogueEvent
from corridors.data.validate import validation_problems
from corridors.ingest.dates import DateRule
from corridors.ingest.evidence import Evidence
from corridors.ingest.propose import Proposal

#: Folder of drafts inside the data directory.
DRAFTS_DIR = "drafts"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class EvidenceEntry(_Strict):
    """One piece of evidence: offsets into the draft's article text (``<id>.txt``)."""

    field: str
    value: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DateEntry(_Strict):
    """A date candidate the text gives."""

    date: Date
    precision: Precision
    how: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DraftInfo(_Strict):
    """What a reviewer checks; left out of the catalogue on publish."""

    status: Literal["unreviewed", "reviewed"] = "unreviewed"
    lang: LanguageCode
    input: str
    published: Date | None = None
    date_reason: str
    #: Which rule picked the date (``sentence``, ``published``, ``none``); absent in older drafts.
    date_rule: DateRule | None = None
    dates: tuple[DateEntry, ...] = ()
    kind_reason: str
    #: Each kind whose keywords were found, and their weight; absent in older drafts.
    kind_weights: dict[EventKind, int] = Field(default_factory=dict)
    actor_ids: tuple[FeatureId, ...] = ()
    evidence: tuple[EvidenceEntry, ...] = ()


class DraftRecord(_Strict):
    """A draft event: the catalogue's event fields, each allowed to be incomplete."""

    id: FeatureId
    date: Date | None = None
    precision: Precision = Precision.DAY
    kind: EventKind | None = None
    title: dict[LanguageCode, NonEmptyText] = Field(default_factory=dict)
    summary: dict[LanguageCode, NonEmptyText] = Field(default_factory=dict)
    actors: tuple[Localized, ...] = ()
    features: tuple[FeatureId, ...] = ()
    #: Agreement provisions the event is evidence of (proposed, then accepted in review).
    provisions: tuple[ProvisionId, ...] = ()
    sources: tuple[Source, ...] = ()
    note: Localized | None = None
    draft: DraftInfo


def draft_record(proposal: Proposal, catalog: Catalog) -> dict[str, Any]:
    """The draft of ``proposal`` as plain values (what ``drafts/<id>.yaml`` holds)."""
    actors = {actor.id: actor for actor in catalog.actors}
    return {
        "id": proposal.id,
        "date": proposal.date.date.isoformat() if proposal.date.date else None,
        "precision": str(proposal.date.precision),
        "kind": str(proposal.kind.kind) if proposal.kind.kind else None,
        "title": {proposal.lang: proposal.title} if proposal.title else {},
        "summary": {},
        "actors": [
            {lang: actors[a].names[lang] for lang in available_languages()} for a in proposal.actors
        ],
        "features": list(proposal.features),
        "provisions": list(proposal.provisions),
        "sources": [],
        "draft": {
            "status": "unreviewed",
            "lang": proposal.lang,
            "input": proposal.article.name,
            "published": proposal.published.isoformat() if proposal.published else None,
            "date_reason": proposal.date.reason,
            "date_rule": str(proposal.date.rule),
            "dates": [_date_entry(proposal, index) for index in range(len(proposal.dates))],
            "kind_reason": proposal.kind.reason,
            "kind_weights": dict(proposal.kind.weights),
            "actor_ids": list(proposal.actors),
            "evidence": [_evidence_entry(e) for e in proposal.evidence],
        },
    }


def proposal_json(proposal: Proposal) -> dict[str, Any]:
    """The proposal as one JSON object (``corridors ingest --json``)."""
    return {
        "id": proposal.id,
        "lang": proposal.lang,
        "title": proposal.title,
        "published": proposal.published.isoformat() if proposal.published else None,
        "date": proposal.date.date.isoformat() if proposal.date.date else None,
        "precision": str(proposal.date.precision),
        "date_reason": proposal.date.reason,
        "dates": [_date_entry(proposal, index) for index in range(len(proposal.dates))],
        "features": list(proposal.features),
        "actors": list(proposal.actors),
        "provisions": list(proposal.provisions),
        "kind": str(proposal.kind.kind) if proposal.kind.kind else None,
        "kind_reason": proposal.kind.reason,
        "evidence": [_evidence_entry(e) for e in proposal.evidence],
    }


def event_part(record: dict[str, Any]) -> dict[str, Any]:
    """The catalogue event a draft describes: everything but the ``draft`` block."""
    return {key: value for key, value in record.items() if key != "draft"}


def missing_fields(filename: str, record: dict[str, Any]) -> list[Problem]:
    """What stops the draft's event entering the catalogue, by field (empty when ready)."""
    try:
        CatalogueEvent.model_validate(event_part(record))
    except ValidationError as error:
        return validation_problems(filename, str(record.get("id")), error.errors())
    return []


def _date_entry(proposal: Proposal, index: int) -> dict[str, Any]:
    candidate = proposal.dates[index]
    text = proposal.article.text
    return {
        "date": candidate.date.isoformat(),
        "precision": str(candidate.precision),
        "how": str(candidate.how),
        "text": " ".join(text[candidate.start : candidate.end].split()),
        "start": candidate.start,
        "end": candidate.end,
    }


def _evidence_entry(evidence: Evidence) -> dict[str, Any]:
    return {
        "field": evidence.field,
        "value": evidence.value,
        "text": evidence.text,
        "start": evidence.start,
        "end": evidence.end,
    }

"""The fields a reviewer corrects, read from a draft record and written back into one.

A draft record is what :func:`corridors.ingest.draft_record.draft_record` gives (the catalogue's
event fields plus a ``draft`` block). The form holds plain text; an empty field is left out
of the record, so that what is missing is reported by the catalogue's own model, by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from corridors.core.languages import available_languages
from corridors.data.models import Actor
from corridors.ingest.draft_files import dated_id

#: What a source row holds, in the order of its inputs.
SOURCE_KEYS: Final = ("url", "outlet", "language", "published")


@dataclass(frozen=True)
class ReviewFields:
    """The draft's event as the form shows it: text, choices and source rows."""

    id: str
    date: str = ""
    precision: str = "day"
    kind: str | None = None
    title: Mapping[str, str] = field(default_factory=dict)
    summary: Mapping[str, str] = field(default_factory=dict)
    note: Mapping[str, str] = field(default_factory=dict)
    features: tuple[str, ...] = ()
    #: Agreement provision ids the event is evidence of (proposed ones the reviewer kept,
    #: and any added).
    provisions: tuple[str, ...] = ()
    #: Actor ids of the catalogue's actors list.
    actors: tuple[str, ...] = ()
    #: One mapping per source row, keyed by :data:`SOURCE_KEYS`.
    sources: tuple[Mapping[str, str], ...] = ()


def fields_of(record: Mapping[str, Any]) -> ReviewFields:
    """The form's values for a draft record."""
    draft = record.get("draft") or {}
    return ReviewFields(
        id=str(record.get("id") or ""),
        date=str(record.get("date") or ""),
        precision=str(record.get("precision") or "day"),
        kind=str(record["kind"]) if record.get("kind") else None,
        title=_texts(record.get("title")),
        summary=_texts(record.get("summary")),
        note=_texts(record.get("note")),
        features=tuple(str(f) for f in record.get("features") or ()),
        provisions=tuple(str(p) for p in record.get("provisions") or ()),
        actors=tuple(str(a) for a in draft.get("actor_ids") or ()),
        sources=tuple(
            {key: _text(source.get(key)) for key in SOURCE_KEYS}
            for source in record.get("sources") or ()
            if isinstance(source, Mapping)
        ),
    )


def record_with(
    record: Mapping[str, Any], fields: ReviewFields, actors: tuple[Actor, ...]
) -> dict[str, Any]:
    """``record`` with its event fields replaced by the form's; its ``draft`` block kept.

    The id follows the date (:func:`~corridors.ingest.draft_files.dated_id`). Empty text is
    left out; a source row with no address, outlet or date is left out (its
    language alone is the form's default), a partly filled one is kept so that validation
    names what it lacks.
    """
    names = {actor.id: actor.names for actor in actors}
    chosen = [actor for actor in fields.actors if actor in names]
    updated: dict[str, Any] = {
        "id": dated_id(fields.id.strip(), fields.date),
        "date": fields.date.strip() or None,
        "precision": fields.precision,
        "kind": fields.kind or None,
        "title": _filled(fields.title),
        "summary": _filled(fields.summary),
        "actors": [_actor_names(names[actor]) for actor in chosen],
        "features": list(fields.features),
        "provisions": list(fields.provisions),
        "sources": [_source(row) for row in fields.sources if _filled_source(row)],
    }
    note = _filled(fields.note)
    if note:
        updated["note"] = note
    draft = {**(record.get("draft") or {}), "actor_ids": chosen}
    return {**updated, "draft": draft}


def _actor_names(names: Mapping[str, str]) -> dict[str, str]:
    """An actor's names in the catalogue's languages, as the engine writes them."""
    return {lang: names[lang] for lang in available_languages() if lang in names}


def _filled_source(row: Mapping[str, str]) -> bool:
    return any(row.get(key, "").strip() for key in SOURCE_KEYS if key != "language")


def _source(row: Mapping[str, str]) -> dict[str, str]:
    return {key: row.get(key, "").strip() for key in SOURCE_KEYS if row.get(key, "").strip()}


def _filled(texts: Mapping[str, str]) -> dict[str, str]:
    return {lang: text.strip() for lang, text in texts.items() if text.strip()}


def _texts(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        return {}
    return {str(lang): _text(text) for lang, text in value.items()}


def _text(value: Any) -> str:
    return "" if value is None else str(value)

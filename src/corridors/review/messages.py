"""What stops a draft being published, as sentences for a reviewer in the page's language.

The catalogue's :class:`~corridors.data.models.Event` model says what is wrong in pydantic's
words ("Tuple should have at least 1 item after validation, not 0"); a reviewer reads "Add at
least one source with a web address." This module is the one place that maps a validation
error (its field and type) to a sentence of the locales (``editor.problem.*``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from corridors.data.models import Event
from corridors.i18n import Translator
from corridors.ingest.draft_record import DraftRecord, event_part

#: Fields of the event with a sentence of their own (``editor.problem.<field>``).
_FIELDS: Final = frozenset(
    {"id", "date", "precision", "kind", "title", "summary", "note", "features", "actors"}
    | {"provisions", "sources"}
)
#: Fields of a source with a sentence of their own (``editor.problem.source_<field>``).
_SOURCE_FIELDS: Final = frozenset({"url", "outlet", "language", "published"})


@dataclass(frozen=True)
class Advice:
    """One thing a reviewer must do: a message key of the locales and its values."""

    key: str
    #: The message's values, as pairs (so that advice can be compared and counted once).
    values: tuple[tuple[str, Any], ...] = ()


def advice(record: Mapping[str, Any], *, complete: bool = True) -> list[Advice]:
    """What the draft ``record`` lacks, in order, without repeats.

    ``complete``: what it lacks before it can be published (the catalogue's event model);
    otherwise what stops it being saved as a draft (the draft model).
    """
    try:
        if complete:
            Event.model_validate(event_part(dict(record)))
        else:
            DraftRecord.model_validate(dict(record))
    except ValidationError as error:
        found = [_advice_for(detail) for detail in error.errors()]
        return list(dict.fromkeys(found))
    return []


def sentences(record: Mapping[str, Any], translate: Translator) -> list[str]:
    """:func:`advice` as sentences in ``translate``'s language."""
    return [say(item, translate) for item in advice(record)]


def say(item: Advice, translate: Translator) -> str:
    """One piece of advice in ``translate``'s language (language codes named in it)."""
    values = dict(item.values)
    if "languages" in values:
        names = (translate.name_of(lang) for lang in values["languages"])
        values["languages"] = translate.join_list(names)
    return translate(item.key, **values)


def _advice_for(detail: ErrorDetails) -> Advice:
    loc = tuple(detail["loc"])
    top = str(loc[0]) if loc else ""
    if top == "sources" and len(loc) >= 3 and loc[2] in _SOURCE_FIELDS:
        number = int(loc[1]) + 1 if isinstance(loc[1], int) else 1
        return Advice(f"editor.problem.source_{loc[2]}", (("number", number),))
    if detail["type"] == "missing_language" and top in ("title", "summary", "note"):
        missing = str((detail.get("ctx") or {}).get("missing", ""))
        languages = tuple(part.strip() for part in missing.split(",") if part.strip())
        return Advice(f"editor.problem.{top}_language", (("languages", languages),))
    if top in _FIELDS:
        return Advice(f"editor.problem.{top}")
    return Advice("editor.problem.other", (("field", ".".join(str(part) for part in loc)),))

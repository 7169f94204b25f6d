"""The released catalogue, and the guard that no published fact changes without a correction.

``corridors release`` keeps the events as released in ``released/events.yaml`` of the data
directory (committed, so that a clean clone can compare against it): the day of the
release and the raw records. :func:`guard` compares the events now with that release: a
published event whose date, precision, feature links or numbers (the runs of digits in
its title, summary and note, in any language) differ needs a correction entry dated on or
after the release day naming each changed field. An entry with ``wording: true`` (a
typo-level change) lets a change of a text's numbers through, listed apart; never a
change of date, precision or features.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import yaml
from pydantic import ValidationError

from corridors.core.atomic import write_text_atomic
from corridors.core.datasets import DATASETS, RELEASED_FILE
from corridors.core.documents import parse_yaml
from corridors.core.errors import CorridorsError, Problem
from corridors.core.reading import read_data_text
from corridors.data.models import Event
from corridors.data.validate import read_document, record_list

#: The text fields whose numbers a release fixes.
TEXT_FIELDS: Final = ("title", "summary", "note")
_DIGITS: Final = re.compile(r"\d+")


class ReleaseError(CorridorsError):
    """The released catalogue cannot be read: missing, unreadable or not a release."""


@dataclass(frozen=True, slots=True)
class Release:
    """The events as released, and the day of the release."""

    day: dt.date
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """A published fact that differs from the release: the record, the field, before, after."""

    record: str
    field: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.record}: {self.field} was {self.before}, is now {self.after}"


@dataclass(frozen=True, slots=True)
class GuardReport:
    """What changed since the release without a correction, and what a wording entry let by."""

    unrecorded: tuple[Change, ...]
    wording: tuple[Change, ...]


def release_text(day: dt.date, raw_events: Sequence[Any]) -> str:
    """The release file: its day and the raw event records, as YAML (deterministic)."""
    document = {"released": day.isoformat(), "events": list(raw_events)}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_release(directory: Path, day: dt.date) -> int:
    """Keep the events of ``directory`` as released on ``day``; how many (written atomically).

    The caller checks the data first: a release of invalid data is refused there.
    """
    document, problems = read_document(directory, DATASETS["events"])
    raw_events, not_a_list = record_list(DATASETS["events"], document)
    if problems or not_a_list:
        raise ReleaseError("; ".join(map(str, problems + not_a_list)))
    path = directory / RELEASED_FILE
    path.parent.mkdir(exist_ok=True)
    write_text_atomic(path, release_text(day, raw_events))
    return len(raw_events)


def read_release(directory: Path) -> Release:
    """The release kept in ``directory``; :class:`ReleaseError` naming the file if none."""
    text = read_data_text(directory, RELEASED_FILE)
    document = text if isinstance(text, Problem) else parse_yaml(text, RELEASED_FILE)
    if isinstance(document, Problem):
        raise ReleaseError(f"{document} (write one with `corridors release`)")
    if not isinstance(document, Mapping) or not isinstance(document.get("events"), list):
        raise ReleaseError(f"{RELEASED_FILE}: expected `released: DAY` and an `events` list")
    try:
        day = dt.date.fromisoformat(str(document.get("released")))
        events = tuple(Event.model_validate(raw) for raw in document["events"])
    except (ValueError, ValidationError) as error:
        raise ReleaseError(f"{RELEASED_FILE}: not a release ({error})") from None
    return Release(day, events)


def guard(release: Release, events: Sequence[Event]) -> GuardReport:
    """The changes to published events since ``release`` that no correction entry records."""
    now = {event.id: event for event in events}
    unrecorded: list[Change] = []
    wording: list[Change] = []
    for before in release.events:
        after = now.get(before.id)
        if after is None:
            continue
        for change in _changes(before, after):
            covering = [
                entry
                for entry in after.corrections
                if entry.date >= release.day and change.field.split(".")[0] in entry.fields
            ]
            if any(not entry.wording for entry in covering):
                continue
            text_change = change.field.split(".")[0] in TEXT_FIELDS
            (wording if covering and text_change else unrecorded).append(change)
    return GuardReport(tuple(unrecorded), tuple(wording))


def _changes(before: Event, after: Event) -> Iterator[Change]:
    """What differs between two versions of an event, of the facts a release fixes."""
    facts = (
        ("date", before.date.isoformat(), after.date.isoformat()),
        ("precision", str(before.precision), str(after.precision)),
        ("features", _joined(sorted(before.features)), _joined(sorted(after.features))),
    )
    for field, old, new in facts:
        if old != new:
            yield Change(before.id, field, old, new)
    for field in TEXT_FIELDS:
        old_text: Mapping[str, str] = getattr(before, field) or {}
        new_text: Mapping[str, str] = getattr(after, field) or {}
        for lang in sorted(old_text.keys() | new_text.keys()):
            old_numbers = _numbers(old_text.get(lang, ""))
            new_numbers = _numbers(new_text.get(lang, ""))
            if old_numbers != new_numbers:
                yield Change(before.id, f"{field}.{lang}", _shown(old_numbers), _shown(new_numbers))


def _numbers(text: str) -> Counter[int]:
    """The runs of digits in ``text`` as numbers (any script's digits: ٢٠٢٥ is 2025)."""
    return Counter(int(run) for run in _DIGITS.findall(text))


def _shown(numbers: Counter[int]) -> str:
    return _joined(str(number) for number in sorted(numbers.elements())) or "(none)"


def _joined(parts: Iterator[str] | Sequence[str]) -> str:
    return "[" + ", ".join(parts) + "]"

"""Publish a reviewed draft: into ``events.yaml`` in date order, the rest of the file kept.

The draft's event must pass the catalogue's :class:`~corridors.data.models.Event` model (sources,
title and summary in every required language ...), and the whole catalogue with it must
pass ``corridors validate``'s checks: the new file is checked in a temporary copy of the
data directory before anything is replaced. ruamel.yaml reads ``events.yaml`` (round-trip
mode: it knows the line of every entry) and writes the new entry in the file's own style;
the entry's text goes in before the first entry dated later (after the comments and blank
lines that end the entry before it), so every other byte of the file stays as it was.
``events.yaml`` is replaced atomically, and only then is the draft removed: an interrupted
publish leaves the catalogue as it was and the draft in place. All of it, from reading the
draft to removing it, holds the data directory's lock (:mod:`corridors.core.locking`), so two
publishes at once each add their event; and ``events.yaml`` is read again before it is
replaced, so a change made meanwhile without the lock (by hand) is never overwritten.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from corridors.atlas import inspect_atlas
from corridors.core.atomic import write_text_atomic
from corridors.core.datasets import DATASETS, STORIES_DIR
from corridors.core.errors import Problem, ProblemKind
from corridors.core.languages import available_languages
from corridors.core.locking import data_lock
from corridors.core.reading import read_data_text
from corridors.data.models import Event
from corridors.ingest.draft_files import DraftError, dated_id, draft_file, drop_draft, load_draft
from corridors.ingest.draft_record import event_part, missing_fields

_EVENTS = DATASETS["events"]
#: Keys whose values the catalogue writes bare (ids, enums); other text is double-quoted.
_BARE = frozenset({"id", "precision", "kind", "language"})


def publish_draft(directory: Path, draft_id: str) -> Event:
    """Move draft ``draft_id`` into the catalogue; return the event published.

    The event's id follows the draft's date (a date corrected by hand in the draft file
    corrects the id the draft was saved under).

    Raises
    ------
    DraftError
        If the draft is missing or invalid, is not a complete event (each problem names
        the draft file and field), or the catalogue with it would have any problem.

    """
    with data_lock(directory):
        record = load_draft(directory, draft_id)
        record = {**record, "id": dated_id(str(record["id"]), record.get("date"))}
        problems = missing_fields(draft_file(draft_id), record)
        if problems:
            raise DraftError(problems)
        event = Event.model_validate(event_part(record))
        current = _read_events(directory)
        text = insert_event(current, event_part(record))
        found = _problems_with(directory, text)
        if found:
            raise DraftError(found)
        if _read_events(directory) != current:
            raise DraftError([_changed_meanwhile()])
        write_text_atomic(directory / _EVENTS, text)
        drop_draft(directory, draft_id)
    return event


def _read_events(directory: Path) -> str:
    text = read_data_text(directory, _EVENTS)
    if isinstance(text, Problem):
        raise DraftError([text])
    return text


def _changed_meanwhile() -> Problem:
    """``events.yaml`` changed while it was checked: by a program that takes no lock."""
    return Problem(
        _EVENTS,
        None,
        None,
        ProblemKind.CHANGED_MEANWHILE,
        "changed while the draft was being published (edited by hand or by a program that "
        "does not take the data directory's lock); nothing was written, publish again",
    )


def insert_event(text: str, entry: dict[str, Any]) -> str:
    """``text`` (an events file) with ``entry`` written in before the first later entry."""
    entries = _yaml().load(text)
    if not isinstance(entries, CommentedSeq):
        raise DraftError(
            [Problem(_EVENTS, None, None, ProblemKind.UNREADABLE, "not a list of events")]
        )
    lines = text.splitlines(keepends=True)
    later = [index for index, item in enumerate(entries) if str(item.get("date")) > entry["date"]]
    block = ["\n", *_entry_text(entry).splitlines(keepends=True)]
    if not later:
        ending = "" if not lines or lines[-1].endswith("\n") else "\n"
        return "".join(lines) + ending + "".join(block)
    at = entries.lc.item(later[0])[0]  # the line of the first later entry
    while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
        at -= 1
    return "".join([*lines[:at], *block, *lines[at:]])


def _entry_text(entry: dict[str, Any]) -> str:
    """One entry in the file's style: quoted text, flow-style actors, features and provisions."""
    stream = io.StringIO()
    _yaml().dump(CommentedSeq([_styled(entry)]), stream)
    return "".join(
        line[2:] if line.startswith("  ") else line
        for line in stream.getvalue().splitlines(keepends=True)
    )


def _styled(entry: dict[str, Any]) -> CommentedMap:
    styled = CommentedMap()
    for key, value in entry.items():
        if value is None or value in ((), [], {}):
            continue
        if key in ("features", "provisions"):
            styled[key] = _flow(CommentedSeq(value))
        elif key == "actors":
            styled[key] = CommentedSeq(_flow(_quoted(actor)) for actor in value)
        elif key == "sources":
            styled[key] = CommentedSeq(_quoted(source) for source in value)
        elif isinstance(value, dict):  # localized text: in the order of the UI's languages
            styled[key] = _quoted(dict(sorted(value.items(), key=lambda kv: _language_rank(kv[0]))))
        else:
            styled[key] = value if key in _BARE else DoubleQuotedScalarString(str(value))
    return styled


def _quoted(mapping: dict[str, Any]) -> CommentedMap:
    return CommentedMap(
        (key, value if key in _BARE else DoubleQuotedScalarString(str(value)))
        for key, value in mapping.items()
        if value is not None
    )


def _flow(node: CommentedMap | CommentedSeq) -> Any:
    node.fa.set_flow_style()
    return node


def _yaml() -> YAML:
    """Round-trip YAML set to the catalogue's layout (dedented one step when written)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _problems_with(directory: Path, events_text: str) -> list[Problem]:
    """Every problem of the catalogue and its stories with ``events_text`` as its events."""
    with tempfile.TemporaryDirectory(prefix="corridors-publish-") as scratch:
        copy = Path(scratch)
        for filename in DATASETS.values():
            if (directory / filename).is_file():
                shutil.copyfile(directory / filename, copy / filename)
        if (directory / STORIES_DIR).is_dir():
            shutil.copytree(directory / STORIES_DIR, copy / STORIES_DIR)
        (copy / _EVENTS).write_text(events_text, encoding="utf-8")
        return list(inspect_atlas(copy).problems)


def _language_rank(lang: str) -> int:
    """Where a text in ``lang`` goes: the default language first, any unknown one last."""
    languages = available_languages()
    return languages.index(lang) if lang in languages else len(languages)

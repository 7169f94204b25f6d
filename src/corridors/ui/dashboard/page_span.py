"""The days the page can show: the curated catalogue's, the imported events', the drafts'.

The date slider, the presets, playback and the dates a link may ask for all run over it,
so an event imported for a day past the catalogue's last one can be chosen, listed and
drawn. Imported events are a living flow (ACLED and GDELT publish all the time), so they
give the page whole calendar years: from 1 January of the year of the first to 31
December of the year of the last. A link written for this year (``to=2026-12-31``) keeps
its end while the store fills, instead of being cut back as outside the dates. The
curated catalogue and drafts give their own days only; without imports or shown drafts
the span is the catalogue's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from corridors.core.datasets import data_dir
from corridors.data.catalog import Catalog
from corridors.data.timeline import DateRange, catalogue_span
from corridors.links.stories import vocabulary
from corridors.links.view_state import Vocabulary
from corridors.review.public import drafts_shown, read_drafts
from corridors.ui.common.data import event_store


def page_span(catalog: Catalog) -> DateRange:
    """From the first to the last day of every event the page can show.

    Curated events (:func:`~corridors.data.timeline.catalogue_span`), the calendar years
    of the imported events in the store, and the dated drafts when the app shows drafts.
    """
    span = catalogue_span(catalog.events)
    beyond = _beyond_catalogue()
    if beyond is None:
        return span
    return DateRange(min(span.start, beyond.start), max(span.end, beyond.end))


def page_vocabulary(catalog: Catalog) -> Vocabulary:
    """What a link may name: the catalogue's words, and any day of :func:`page_span`."""
    words = vocabulary(catalog)
    beyond = _beyond_catalogue()
    if beyond is None:
        return words
    return dataclasses.replace(
        words,
        first_day=min(words.first_day, beyond.start),
        last_day=max(words.last_day, beyond.end),
    )


def _beyond_catalogue() -> DateRange | None:
    """The years of the imported events, the days of the shown drafts (``None``: neither)."""
    days: list[DateRange] = []
    stored = event_store().date_span()
    if stored is not None:
        first, last = stored
        days.append(DateRange(dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)))
    if drafts_shown():
        dated = [draft.date for draft in read_drafts(data_dir()).drafts if draft.date]
        days.extend(DateRange(day, day) for day in dated)
    if not days:
        return None
    return DateRange(min(d.start for d in days), max(d.end for d in days))

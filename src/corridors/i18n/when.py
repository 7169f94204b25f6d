"""When an event happened, written as known: to its precision, as an interval, "in part".

An event of a month reads "December 2025", never "1 December 2025"; one with an end reads
"from - to", each end to its own precision; and where the date range shown cuts the days
the event covers, the text says it is in the range only in part.
"""

from __future__ import annotations

import datetime as dt

from corridors.data.models import Event, Precision
from corridors.data.timeline import DateRange, Overlap, overlap
from corridors.i18n.translator import Translator

#: A date and how much of it is known.
Dated = tuple[dt.date, Precision]


def written_dates(
    translate: Translator,
    start: Dated,
    end: Dated | None = None,
    *,
    in_part: bool = False,
    short: bool = False,
) -> str:
    """``start`` (and ``end``) each to its precision; ``short``: a day's month abbreviated."""
    text = _written(translate, start, short=short)
    if end is not None:
        text = translate("dates.interval", start=text, end=_written(translate, end, short=short))
    return translate("dates.in_part", when=text) if in_part else text


def event_when(
    event: Event, translate: Translator, dates: DateRange | None = None, *, short: bool = False
) -> str:
    """The event's date or interval as known, "in part" when ``dates`` cuts its span."""
    end = None if event.end is None else (event.end, event.end_precision)
    cut = dates is not None and overlap(event, dates) is Overlap.PART
    return written_dates(translate, (event.date, event.precision), end, in_part=cut, short=short)


def precision_word(translate: Translator, precision: str) -> str:
    """What a precision (``day``, ``week``, ``month``, ``year``) is called in this language."""
    return translate(f"dates.precisions.{precision}")


def _written(translate: Translator, dated: Dated, *, short: bool) -> str:
    day, precision = dated
    if short and precision is Precision.DAY:
        return translate.short_date(day)
    return translate.date(day, precision)

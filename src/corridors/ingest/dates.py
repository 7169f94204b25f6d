"""Dates in an article: every candidate with its words, and the one picked, with the reason.

Forms read (words from ``lexicon.yaml``): a day or days and a month, with or without a
year («7 و8 آب/أغسطس 2025», «في السابع والثامن من أغسطس», "8 August 2025"); a month
and a day ("August 8, 2025", "Aug. 8"); a month and a year (month precision);
``YYYY-MM-DD``; relative words ("yesterday", «أمس», "today", «اليوم») and weekdays ("on
Friday", «يوم الجمعة»), resolved against the publication date. Digits may be Western,
Arabic-Indic or Eastern. A date without a year takes the publication's year (the year
before when that would put it more than a month after publication); without a
publication date it is left out, as are relative words.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, NamedTuple

from corridors.core import settings
from corridors.core.normalise import Word, readings, words
from corridors.data.models import Precision
from corridors.ingest.evidence import Sentences
from corridors.ingest.lexicon import Lexicon, lexicon
from corridors.ingest.matching import NameIndex

_ORDINAL_NUMBER: Final = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


class How(StrEnum):
    """How a date candidate was read."""

    WRITTEN = "written"
    RELATIVE = "relative"
    WEEKDAY = "weekday"


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date the text gives: its value and precision, the words, and how it was read."""

    date: dt.date
    precision: Precision
    start: int
    end: int
    how: How


class DateRule(StrEnum):
    """Which rule picked the event date (the editor explains it in its own language)."""

    SENTENCE = "sentence"
    PUBLISHED = "published"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class DatePick:
    """The event date picked among the candidates (``None`` if none), and why."""

    date: dt.date | None
    precision: Precision
    reason: str
    candidate: DateCandidate | None
    rule: DateRule = DateRule.SENTENCE


class _Kind(StrEnum):
    DAY = "day"
    YEAR = "year"
    MONTH = "month"
    WEEKDAY = "weekday"
    RELATIVE = "relative"
    JOIN = "join"
    OTHER = "other"


class _Atom(NamedTuple):  # a tuple: a long text holds a million of them
    kind: _Kind
    value: int
    start: int
    end: int


def find_dates(
    text: str, published: dt.date | None, text_words: Sequence[Word] | None = None
) -> list[DateCandidate]:
    """Every date ``text`` gives, in text order (see the module's description).

    ``text_words`` are the words of ``text`` when the caller already has them.
    """
    atoms = _atoms(text, list(words(text) if text_words is None else text_words), lexicon())
    found: list[DateCandidate] = []
    index = 0
    while index < len(atoms):
        taken, candidates = _read_at(atoms, index, published)
        found.extend(candidates)
        index += max(taken, 1)
    return found


def pick_date(
    candidates: Sequence[DateCandidate], sentences: Sentences, published: dt.date | None
) -> DatePick:
    """The event date: the earliest in the first sentence that gives one to the day.

    Dates after the publication date are announcements of what is to come and are not
    picked. Without a day, the first month given is picked; without any date, the
    publication date.
    """
    usable = [c for c in candidates if published is None or c.date <= published]
    for precision in (Precision.DAY, Precision.MONTH):
        ranked = [c for c in usable if c.precision is precision]
        if ranked:
            best = min(ranked, key=lambda c: (sentences.at(c.start).index, c.date))
            number = sentences.at(best.start).index + 1
            words_used = " ".join(sentences.text[best.start : best.end].split())
            reason = (
                f"the earliest date in the first sentence that gives one to the "
                f"{precision.value} (sentence {number}: {words_used!r}, {best.how.value})"
            )
            return DatePick(best.date, precision, reason, best)
    if published is not None:
        reason = "no date in the text: the publication date"
        return DatePick(published, Precision.DAY, reason, None, DateRule.PUBLISHED)
    reason = "no date in the text and no publication date"
    return DatePick(None, Precision.DAY, reason, None, DateRule.NONE)


# -- atoms: what each word (or group of words) may be -----------------------------------


def _atoms(text: str, text_words: list[Word], words_of: Lexicon) -> list[_Atom]:
    """One atom per word, or per group of words a lexicon entry names."""
    named: dict[int, _Atom] = {}
    indexes: list[tuple[_Kind, NameIndex]] = [
        (_Kind.MONTH, words_of.months),
        (_Kind.RELATIVE, words_of.relative_days),
        (_Kind.DAY, words_of.ordinal_days),
        (_Kind.WEEKDAY, words_of.weekdays),
    ]
    starts = [word.start for word in text_words]
    covered: set[int] = set()
    for kind, index in indexes:  # months first: «تشرين الثاني» is not «الثاني» (2nd)
        for match in index.find(text, text_words):
            if match.start in covered:
                continue
            named[match.start] = _Atom(kind, int(match.keys[0]), match.start, match.end)
            first, last = bisect_left(starts, match.start), bisect_left(starts, match.end)
            covered.update(starts[first:last])
    atoms: list[_Atom] = []
    for word in text_words:
        if word.start in named:
            atoms.append(named[word.start])
        elif word.start not in covered:
            atoms.append(_word_atom(word, words_of.joiners))
    return _merge_months(atoms)


def _merge_months(atoms: list[_Atom]) -> list[_Atom]:
    """A month named twice in a row, in both families («آب/أغسطس»), is one month."""
    merged: list[_Atom] = []
    for atom in atoms:
        last = merged[-1] if merged else None
        if last and atom.kind is last.kind is _Kind.MONTH and atom.value == last.value:
            merged[-1] = _Atom(_Kind.MONTH, atom.value, last.start, atom.end)
        else:
            merged.append(atom)
    return merged


def _word_atom(word: Word, joiners: frozenset[str]) -> _Atom:
    kind, value = _word_kind(word.norm, joiners)
    return _Atom(kind, value, word.start, word.end)


@functools.lru_cache(maxsize=1 << 16)  # texts repeat their words
def _word_kind(norm: str, joiners: frozenset[str]) -> tuple[_Kind, int]:
    """What a word not named in the lexicon may be: a day, a year, a joiner or other."""
    for reading in readings(norm):
        ordinal = _ORDINAL_NUMBER.match(reading)
        number = reading if reading.isdigit() else (ordinal.group(1) if ordinal else "")
        if number and len(number) <= 2 and 1 <= int(number) <= 31:
            return _Kind.DAY, int(number)
        if len(number) == 4 and 1900 <= int(number) <= 2100:
            return _Kind.YEAR, int(number)
    return (_Kind.JOIN if norm in joiners else _Kind.OTHER), 0


# -- grammar --------------------------------------------------------------------------


def _read_at(
    atoms: Sequence[_Atom], index: int, published: dt.date | None
) -> tuple[int, list[DateCandidate]]:
    """The dates starting at atom ``index`` and how many atoms they use."""
    atom = atoms[index]
    if atom.kind is _Kind.DAY:
        return _days_then_month(atoms, index, published)
    if atom.kind is _Kind.MONTH:
        return _month_then_days(atoms, index, published)
    if atom.kind is _Kind.YEAR:
        return _iso(atoms, index)
    if atom.kind in (_Kind.RELATIVE, _Kind.WEEKDAY) and published is not None:
        day = _relative(atom, published)
        how = How.RELATIVE if atom.kind is _Kind.RELATIVE else How.WEEKDAY
        return 1, [DateCandidate(day, Precision.DAY, atom.start, atom.end, how)]
    return 1, []


def _days(atoms: Sequence[_Atom], index: int) -> tuple[int, list[_Atom]]:
    """Days joined by joiners from ``index`` ("7 and 8"); the position after them."""
    days: list[_Atom] = []
    position = index
    while position < len(atoms) and atoms[position].kind is _Kind.DAY:
        days.append(atoms[position])
        position += 1
        after = _skip_joiners(atoms, position)
        if after < len(atoms) and atoms[after].kind is _Kind.DAY and after > position:
            position = after
    return position, days


def _skip_joiners(atoms: Sequence[_Atom], index: int) -> int:
    while index < len(atoms) and atoms[index].kind is _Kind.JOIN:
        index += 1
    return index


def _days_then_month(
    atoms: Sequence[_Atom], index: int, published: dt.date | None
) -> tuple[int, list[DateCandidate]]:
    position, days = _days(atoms, index)
    end_of_days = position
    position = _skip_joiners(atoms, position)
    if position >= len(atoms) or atoms[position].kind is not _Kind.MONTH:
        # Every day of the run ends at the same place, without a month: none gives a
        # date, so the run is passed whole (read again from each day, it was quadratic).
        return end_of_days - index, []
    month = atoms[position]
    year, end = _year_after(atoms, position + 1)
    used = position + 1 - index + (1 if year is not None else 0)
    return used, _dated(days, month.value, year, (atoms[index].start, end or month.end), published)


def _month_then_days(
    atoms: Sequence[_Atom], index: int, published: dt.date | None
) -> tuple[int, list[DateCandidate]]:
    month = atoms[index]
    position, days = _days(atoms, index + 1)
    year, end = _year_after(atoms, position)
    if not days:
        if year is None or end is None:
            return 1, []
        first = dt.date(year, month.value, 1)
        return 2, [DateCandidate(first, Precision.MONTH, month.start, end, How.WRITTEN)]
    used = position - index + (1 if year is not None else 0)
    span = (month.start, end or days[-1].end)
    return used, _dated(days, month.value, year, span, published)


def _year_after(atoms: Sequence[_Atom], index: int) -> tuple[int | None, int | None]:
    if index < len(atoms) and atoms[index].kind is _Kind.YEAR:
        return atoms[index].value, atoms[index].end
    return None, None


def _dated(
    days: Sequence[_Atom],
    month: int,
    year: int | None,
    span: tuple[int, int],
    published: dt.date | None,
) -> list[DateCandidate]:
    found: list[DateCandidate] = []
    for day in days:
        date = _date(year, month, day.value, published)
        if date is not None:
            found.append(DateCandidate(date, Precision.DAY, span[0], span[1], How.WRITTEN))
    return found


def _date(year: int | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    """The date, its year taken from the publication date when the text gives none."""
    if year is None:
        if published is None:
            return None
        guess = _real_date(published.year, month, day)
        if guess is not None and guess > published + dt.timedelta(
            days=settings.future_date_slack_days
        ):
            return _real_date(published.year - 1, month, day)
        return guess
    return _real_date(year, month, day)


def _real_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 June
        return None


def _iso(atoms: Sequence[_Atom], index: int) -> tuple[int, list[DateCandidate]]:
    """``YYYY-MM-DD``: a year and two numbers, one character apart (2025-08-08)."""
    parts = atoms[index : index + 3]
    if len(parts) < 3 or any(part.kind is not _Kind.DAY for part in parts[1:]):
        return 1, []
    if not all(later.start == earlier.end + 1 for earlier, later in itertools.pairwise(parts)):
        return 1, []
    date = _real_date(parts[0].value, parts[1].value, parts[2].value)
    if date is None:
        return 1, []
    return 3, [DateCandidate(date, Precision.DAY, parts[0].start, parts[2].end, How.WRITTEN)]


def _relative(atom: _Atom, published: dt.date) -> dt.date:
    """A relative word's day, or a weekday's last occurrence on or before publication."""
    if atom.kind is _Kind.RELATIVE:
        return published + dt.timedelta(days=atom.value)
    back = (published.isoweekday() - atom.value) % 7
    return published - dt.timedelta(days=back)

"""Dates in articles: every form the ingest reads, and the pick with its reason."""

from __future__ import annotations

import datetime as dt

import pytest

from corridors.data.models import Precision
from corridors.ingest.dates import How, find_dates, pick_date
from corridors.ingest.evidence import Sentences

PUBLISHED = dt.date(2025, 8, 9)  # a Saturday
D = dt.date


def found(text: str, published: dt.date | None = PUBLISHED) -> list[dt.date]:
    return [c.date for c in find_dates(text, published)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("8 August 2025", [D(2025, 8, 8)]),
        ("August 8, 2025", [D(2025, 8, 8)]),
        ("WASHINGTON, Aug. 8 (Reuters)", [D(2025, 8, 8)]),
        ("on the 8th of August", [D(2025, 8, 8)]),
        ("7 and 8 August 2025", [D(2025, 8, 7), D(2025, 8, 8)]),
        ("2025-08-08", [D(2025, 8, 8)]),
        ("في 8 أغسطس 2025", [D(2025, 8, 8)]),  # the family from the Latin names
        ("في 8 آب 2025", [D(2025, 8, 8)]),  # the Syriac family
        ("في 8 آب/أغسطس 2025", [D(2025, 8, 8)]),  # both, one month
        ("في ٨ آب (أغسطس) ٢٠٢٥", [D(2025, 8, 8)]),  # Arabic-Indic digits
        ("في ۸ اغسطس ۲۰۲۵", [D(2025, 8, 8)]),  # Eastern digits, bare alef
        ("في 10 تشرين الثاني/نوفمبر 2020", [D(2020, 11, 10)]),
        ("في 13 كانون الثاني 2026", [D(2026, 1, 13)]),
        ("في 25 كانون الأول 2024", [D(2024, 12, 25)]),
        ("في السابع والثامن من أغسطس 2025", [D(2025, 8, 7), D(2025, 8, 8)]),
        ("في الحادي عشر من تموز 2025", [D(2025, 7, 11)]),
        ("يومي \u0667 و\u0668 أغسطس", [D(2025, 8, 7), D(2025, 8, 8)]),  # year from publication
        ("yesterday", [D(2025, 8, 8)]),
        ("قال أمس", [D(2025, 8, 8)]),
        ("today", [D(2025, 8, 9)]),
        ("وقال اليوم", [D(2025, 8, 9)]),
        ("on Friday", [D(2025, 8, 8)]),
        ("يوم الجمعة", [D(2025, 8, 8)]),
        ("on Saturday", [D(2025, 8, 9)]),  # the publication day itself
        ("on Monday", [D(2025, 8, 4)]),
    ],
)
def test_date_forms(text: str, dates: list[dt.date]) -> None:
    assert found(text) == dates


def test_a_month_and_a_year_give_month_precision() -> None:
    (candidate,) = find_dates("in December 2025", PUBLISHED)
    assert (candidate.date, candidate.precision) == (D(2025, 12, 1), Precision.MONTH)


def test_month_words_alone_are_not_dates() -> None:
    assert found("They may meet; مارس الضغط") == []


def test_a_date_without_a_year_is_not_put_after_the_publication() -> None:
    # published in January: a December date without a year is the December before
    assert found("on 28 December", D(2026, 1, 3)) == [D(2025, 12, 28)]


def test_without_a_publication_date_relative_words_and_yearless_dates_are_left_out() -> None:
    assert found("yesterday, on Friday, on 8 August", None) == []
    assert found("8 August 2025", None) == [D(2025, 8, 8)]


def test_impossible_dates_are_skipped() -> None:
    assert found("31 June 2025") == []


def test_the_pick_is_the_earliest_date_of_the_first_dated_sentence() -> None:
    text = "Leaders met. The visit of 7 and 8 August 2025 ended. A treaty of 5 May 1994 was cited."
    pick = pick_date(find_dates(text, PUBLISHED), Sentences(text), PUBLISHED)
    assert pick.date == D(2025, 8, 7)
    assert "sentence 2" in pick.reason


def test_dates_after_publication_are_not_picked() -> None:
    text = "The railway will open on 1 September 2026. Work began yesterday."
    pick = pick_date(find_dates(text, PUBLISHED), Sentences(text), PUBLISHED)
    assert pick.date == D(2025, 8, 8)
    assert pick.candidate is not None
    assert pick.candidate.how is How.RELATIVE


def test_no_date_falls_back_to_the_publication_date_and_says_so() -> None:
    pick = pick_date([], Sentences("Nothing dated."), PUBLISHED)
    assert pick.date == PUBLISHED
    assert "publication date" in pick.reason
    assert pick_date([], Sentences("x"), None).date is None

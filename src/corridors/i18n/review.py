"""An item's review status in words: its name, what it means, the line a card shows."""

from __future__ import annotations

from corridors.data.models import Event
from corridors.data.review_status import ReviewStatus
from corridors.i18n.translator import Translator


def status_name(translate: Translator, status: ReviewStatus) -> str:
    """The status's short name ("Curated", "Imported", "Draft") in this language."""
    return translate(f"review.{status}")


def status_meaning(translate: Translator, status: ReviewStatus) -> str:
    """What the status means ("checked against its sources by the atlas", ...)."""
    return translate(f"review.means.{status}")


def status_line(translate: Translator, status: ReviewStatus) -> str:
    """The status's name and what it means, as one line of plain text."""
    meaning = status_meaning(translate, status)
    return translate("review.line", status=status_name(translate, status), meaning=meaning)


def curated_status(event: Event, translate: Translator) -> str:
    """What a curated event's card says of its review (plain text).

    The one place a curated card's review line is written, with the day the record was
    last checked against its sources when it says.
    """
    if event.checked is None:
        return status_line(translate, ReviewStatus.CURATED)
    name = status_name(translate, ReviewStatus.CURATED)
    return translate("review.checked", status=name, date=translate.date(event.checked))

"""The release guard: a published event's date, precision, numbers or feature links do not
change without a correction entry dated on or after the release (a wording entry lets a
text's numbers through, listed apart)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from corridors.core.datasets import RELEASED_FILE, data_dir
from corridors.data.catalog import Catalog
from corridors.data.models import Event
from corridors.data.release import (
    Release,
    ReleaseError,
    guard,
    read_release,
    release_text,
)

RELEASED = dt.date(2026, 12, 7)
EN, AR = "About 1,210 t in 22 wagons.", "نحو 1210 طن في 22 عربة."


def _event(**changes: Any) -> Event:
    raw: dict[str, Any] = {
        "id": "fuel-train",
        "date": "2025-12-18",
        "kind": "infrastructure",
        "title": {"en": "First fuel train", "ar": "أول قطار وقود"},
        "summary": {"en": EN, "ar": AR},
        "features": ["az", "am"],
        "sources": [{"url": "https://example.org/a", "outlet": "Example", "language": "en"}],
    }
    raw.update(changes)
    return Event.model_validate(raw)


def _entry(day: str, fields: list[str], *, wording: bool = False) -> dict[str, Any]:
    return {
        "date": day,
        "fields": fields,
        "text": {"en": "Corrected.", "ar": "صُحّح."},
        "sources": [{"url": "https://example.org/b", "outlet": "Example", "language": "en"}],
        "wording": wording,
    }


def _released() -> Release:
    return Release(RELEASED, (_event(),))


def _fields(found: tuple[Any, ...]) -> list[str]:
    return [change.field for change in found]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": "2025-12-19"}, "date"),
        ({"date": "2025-12-01", "precision": "month"}, "date"),
        ({"features": ["az", "am", "ge"]}, "features"),
        ({"summary": {"en": EN.replace("1,210", "1,300"), "ar": AR}}, "summary.en"),
        ({"summary": {"en": EN, "ar": AR.replace("1210", "1300")}}, "summary.ar"),
        ({"title": {"en": "First fuel train of 2", "ar": "أول قطار وقود"}}, "title.en"),
        ({"note": {"en": "Quantities vary: 1,210 to 1,300 t.", "ar": "تتفاوت."}}, "note.en"),
    ],
)
def test_an_unrecorded_change_is_caught(changes: dict[str, Any], field: str) -> None:
    report = guard(_released(), [_event(**changes)])
    assert field in _fields(report.unrecorded)
    assert report.wording == ()


def test_the_change_is_named_with_before_and_after() -> None:
    report = guard(_released(), [_event(date="2025-12-19")])
    assert [str(change) for change in report.unrecorded] == [
        "fuel-train: date was 2025-12-18, is now 2025-12-19"
    ]


def test_a_correction_dated_on_or_after_the_release_records_it() -> None:
    for day in ("2026-12-07", "2026-12-08"):
        moved = _event(date="2025-12-19", corrections=[_entry(day, ["date"])])
        assert guard(_released(), [moved]).unrecorded == ()


def test_a_correction_from_before_the_release_does_not() -> None:
    moved = _event(date="2025-12-19", corrections=[_entry("2026-12-06", ["date"])])
    assert _fields(guard(_released(), [moved]).unrecorded) == ["date"]


def test_the_correction_must_name_the_field() -> None:
    moved = _event(date="2025-12-19", corrections=[_entry("2026-12-08", ["summary"])])
    assert _fields(guard(_released(), [moved]).unrecorded) == ["date"]


def test_a_wording_entry_lets_a_text_change_through_visibly() -> None:
    summary = {"en": "About 1,210 t in 23 wagons.", "ar": "نحو 1210 طن في 22 عربة."}
    typo = _event(summary=summary, corrections=[_entry("2026-12-08", ["summary"], wording=True)])
    report = guard(_released(), [typo])
    assert report.unrecorded == ()
    assert _fields(report.wording) == ["summary.en"]


def test_a_wording_entry_does_not_excuse_a_date_or_features() -> None:
    entry = _entry("2026-12-08", ["date", "features"], wording=True)
    moved = _event(date="2025-12-19", features=["az"], corrections=[entry])
    assert _fields(guard(_released(), [moved]).unrecorded) == ["date", "features"]


def test_wording_and_digits_that_keep_their_numbers_pass() -> None:
    reworded = _event(
        summary={"en": "Some 1,210 t, in 22 wagons.", "ar": "نحو ١٢١٠ طن في ٢٢ عربة."},
        features=["am", "az"],
    )
    assert guard(_released(), [reworded]) == guard(_released(), [_event()])
    assert guard(_released(), [reworded]).unrecorded == ()


def test_new_events_are_not_published_yet() -> None:
    assert guard(_released(), [_event(), _event(id="another", date="2026-01-01")]).unrecorded == ()


def test_release_file_round_trip(tmp_path: Path) -> None:
    raw = [_event().model_dump(mode="json", exclude_defaults=True)]
    (tmp_path / "released").mkdir()
    (tmp_path / RELEASED_FILE).write_text(release_text(RELEASED, raw), encoding="utf-8")
    assert read_release(tmp_path) == _released()


def test_a_missing_or_broken_release_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReleaseError, match=r"released/events\.yaml"):
        read_release(tmp_path)
    (tmp_path / "released").mkdir()
    (tmp_path / RELEASED_FILE).write_text("released: someday\nevents: []\n", encoding="utf-8")
    with pytest.raises(ReleaseError, match="not a release"):
        read_release(tmp_path)


def test_the_catalogue_matches_its_last_release(catalog: Catalog) -> None:
    """The guard itself: fails when a published event changed without a correction."""
    release = read_release(data_dir())
    report = guard(release, catalog.events)
    for change in report.wording:  # let through by a wording entry: said, not silent
        print(f"wording correction since {release.day}: {change}")
    assert report.unrecorded == (), (
        f"published events changed since the release of {release.day} without a correction "
        "entry dated on or after it naming the field (geodata/README.md, 'Corrections'):\n"
        + "\n".join(f"  - {change}" for change in report.unrecorded)
    )

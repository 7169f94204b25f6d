from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from corridors.data.models import Corridor, Event, Source, Status


def event(**changes: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "id": "e1",
        "date": "2025-08-08",
        "kind": "summit",
        "title": {"en": "T", "ar": "ع"},
        "summary": {"en": "S", "ar": "م"},
        "features": ["am"],
        "sources": [
            {"url": "https://x.org/a", "outlet": "X", "language": "en", "published": "2025"}
        ],
    }
    raw.update(changes)
    return raw


def error_types(raw: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as raised:
        Event.model_validate(raw)
    return [(".".join(map(str, e["loc"])), e["type"]) for e in raised.value.errors()]


def test_a_valid_event_parses_dates_given_as_text_or_yaml_dates() -> None:
    assert Event.model_validate(event()).date == dt.date(2025, 8, 8)
    assert Event.model_validate(event(date=dt.date(2025, 8, 8))).date == dt.date(2025, 8, 8)


@pytest.mark.parametrize("value", ["2025-02-30", "08/08/2025", "", 20250808])
def test_bad_dates(value: Any) -> None:
    assert error_types(event(date=value)) == [("date", "bad_date")]


@pytest.mark.parametrize(
    ("published", "ok"),
    [
        ("2025", True),
        ("2025-08", True),
        ("2025-8", False),
        ("2025-02-29", False),
        ("2024-02-29", True),
    ],
)
def test_publication_dates_may_be_partial_but_must_be_real(published: str, ok: bool) -> None:
    raw = {"url": "https://x.org", "outlet": "X", "language": "en", "published": published}
    if ok:
        assert Source.model_validate(raw).published == published
    else:
        with pytest.raises(ValidationError, match=r"bad_date|not"):
            Source.model_validate(raw)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://x.org/a", "https://", "//x.org"])
def test_only_http_urls(url: str) -> None:
    raw = {"url": url, "outlet": "X", "language": "en", "published": "2025"}
    with pytest.raises(ValidationError, match=r"bad_url|http"):
        Source.model_validate(raw)


def test_arabic_and_english_are_required() -> None:
    assert error_types(event(title={"en": "T"})) == [("title", "missing_language")]
    assert error_types(event(summary={"en": "S", "ar": "  "})) == [
        ("summary.ar", "string_too_short")
    ]


def test_unknown_fields_are_rejected_not_ignored() -> None:
    assert error_types(event(titel="typo")) == [("titel", "extra_forbidden")]


def test_features_may_not_repeat() -> None:
    assert error_types(event(features=["am", "am"])) == [("features", "invalid_value")]


def corridor(history: list[dict[str, str]]) -> Corridor:
    return Corridor.model_validate(
        {
            "id": "c",
            "names": {"en": "C", "ar": "ج"},
            "modes": ["rail"],
            "status_history": history,
            "path": ["a", [39.0, 46.0]],
            "description": {"en": "D", "ar": "د"},
            "sources": [
                {"url": "https://x.org", "outlet": "X", "language": "en", "published": "2025"}
            ],
        }
    )


def test_status_on_a_date_follows_the_history() -> None:
    route = corridor(
        [
            {"status": "proposed", "since": "2020-11-10"},
            {"status": "planned", "since": "2025-08-08"},
        ]
    )
    assert route.status_on(dt.date(2020, 11, 9)) is None
    assert route.status_on(dt.date(2020, 11, 10)) is Status.PROPOSED
    assert route.status_on(dt.date(2025, 8, 7)) is Status.PROPOSED
    assert route.status_on(dt.date(2026, 1, 1)) is Status.PLANNED
    assert route.path[1] == (39.0, 46.0)


def test_status_history_must_be_chronological() -> None:
    with pytest.raises(ValidationError, match="increasing date order"):
        corridor(
            [
                {"status": "planned", "since": "2025-08-08"},
                {"status": "proposed", "since": "2020-11-10"},
            ]
        )

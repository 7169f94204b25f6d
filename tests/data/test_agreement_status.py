"""Where an agreement stood on a day: stages, each claimant's account, PAM's share."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from corridors.data.agreement_models import Agreement, Implementation, Stage
from corridors.data.agreement_status import (
    deadline_passed,
    share_of,
    stage_on,
    status_on,
    statuses_on,
)

SOURCE = {"url": "https://example.org/a", "outlet": "Example", "language": "en"}
TEXT = {"en": "text", "ar": "نص"}


def observation(as_of: str, status: object, role: str = "reporting", party: str | None = None):
    claim: dict[str, Any] = {"role": role, "party": party} if party else {"role": role}
    return {"as_of": as_of, "status": status, "claim": claim, "sources": [SOURCE]}


def agreement(*provisions: dict[str, Any]) -> Agreement:
    return Agreement.model_validate(
        {
            "id": "accord",
            "title": TEXT,
            "short_title": TEXT,
            "parties": ["az", "am"],
            "text_sources": [SOURCE],
            "lifecycle": [
                {"stage": "text-agreed", "date": "2025-03-13", "sources": [SOURCE]},
                {"stage": "initialled", "date": "2025-08-08", "sources": [SOURCE]},
            ],
            "provisions": list(provisions),
        }
    )


def provision(number: str, *observations: dict[str, Any], kind: str = "deliverable") -> Any:
    return {
        "number": number,
        "label": TEXT,
        "text": TEXT,
        "type": kind,
        "features": ["am"],
        "sources": [SOURCE],
        "observations": list(observations),
        "deadline": "2025-12-31",
    }


def test_the_stage_on_a_day_is_the_last_one_reached() -> None:
    accord = agreement()
    assert stage_on(accord, dt.date(2025, 1, 1)) is None
    reached = stage_on(accord, dt.date(2025, 8, 7))
    assert reached is not None
    assert reached.stage is Stage.TEXT_AGREED
    reached = stage_on(accord, dt.date(2025, 8, 8))
    assert reached is not None
    assert reached.stage is Stage.INITIALLED


def test_each_claimant_keeps_its_latest_account_and_differences_are_kept() -> None:
    accord = agreement(
        provision(
            "1",
            observation("2025-09-01", 0, "party", "az"),
            observation("2025-09-01", 1, "party", "am"),
            observation("2025-10-01", 2, "party", "am"),
        )
    )
    (first,) = accord.provisions
    early = status_on(first, dt.date(2025, 9, 15))
    assert [(o.claim.party, o.score) for o in early.accounts] == [("az", 0), ("am", 1)]
    assert early.disputed
    assert early.lowest == 0
    assert early.highest == 1
    late = status_on(first, dt.date(2025, 10, 1))
    assert [(o.claim.party, int(o.score)) for o in late.accounts] == [("az", 0), ("am", 2)]
    assert not status_on(first, dt.date(2025, 8, 31)).scored


def test_a_commitment_counts_full_while_observed_and_nothing_when_breached() -> None:
    accord = agreement(
        provision(
            "1",
            observation("2025-09-01", "observed"),
            observation("2026-02-01", "breached"),
            kind="commitment",
        )
    )
    (first,) = accord.provisions
    assert status_on(first, dt.date(2025, 12, 1)).highest is Implementation.FULL
    assert status_on(first, dt.date(2026, 3, 1)).highest is Implementation.NOT_INITIATED


def test_the_share_is_pams_and_a_range_where_accounts_differ() -> None:
    accord = agreement(
        provision("1", observation("2025-09-01", 3)),
        provision(
            "2",
            observation("2025-09-01", 0, "party", "az"),
            observation("2025-09-01", 2, "party", "am"),
        ),
        provision("3"),
    )
    share = share_of(statuses_on(accord, dt.date(2025, 12, 1)))
    assert share is not None
    assert (share.scored, share.provisions) == (2, 3)
    assert share.low == pytest.approx(3 / 6)
    assert share.high == pytest.approx(5 / 6)
    assert share.is_range
    assert share_of(statuses_on(accord, dt.date(2025, 1, 1))) is None


def test_a_deadline_has_passed_only_after_its_day() -> None:
    (first,) = agreement(provision("1")).provisions
    assert not deadline_passed(first, dt.date(2025, 12, 31))
    assert deadline_passed(first, dt.date(2026, 1, 1))

"""Where an agreement and its provisions stood on a given day.

A provision's status on a day is each claimant's latest observation as of that day, kept side
by side: where the accounts differ the provision is *disputed* and the atlas gives no verdict
of its own. An agreement's implementation share aggregates like the Peace Accords Matrix
(the sum of statuses over 3 times the provisions scored); with disputed provisions it is a
range, from the lowest and from the highest account of each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from corridors.data.agreement_models import (
    FULL,
    Agreement,
    Claim,
    Implementation,
    LifecycleStage,
    Observation,
    Provision,
)


@dataclass(frozen=True)
class ProvisionStatus:
    """A provision's status on one day: the latest account of each claimant."""

    provision: Provision
    accounts: tuple[Observation, ...]

    @property
    def scored(self) -> bool:
        """Whether anyone has put the provision on the scale by that day."""
        return bool(self.accounts)

    @property
    def disputed(self) -> bool:
        """Whether the claimants' accounts put it at different statuses."""
        return len({account.score for account in self.accounts}) > 1

    @property
    def lowest(self) -> Implementation | None:
        """The lowest status any account gives (``None`` when none does)."""
        return min((account.score for account in self.accounts), default=None)

    @property
    def highest(self) -> Implementation | None:
        """The highest status any account gives (``None`` when none does)."""
        return max((account.score for account in self.accounts), default=None)


@dataclass(frozen=True)
class Share:
    """An agreement's implementation share on one day (PAM's aggregation)."""

    low: float
    high: float
    scored: int
    provisions: int

    @property
    def is_range(self) -> bool:
        """Whether disputed provisions make the share a range rather than one figure."""
        return self.low != self.high


def stage_on(agreement: Agreement, day: dt.date) -> LifecycleStage | None:
    """The agreement's latest stage on ``day``; ``None`` before its first."""
    reached = [stage for stage in agreement.lifecycle if stage.date <= day]
    return reached[-1] if reached else None


def status_on(provision: Provision, day: dt.date) -> ProvisionStatus:
    """Each claimant's latest observation of ``provision`` as of ``day``, side by side."""
    latest: dict[Claim, Observation] = {}
    for observation in provision.observations:
        if observation.as_of > day:
            continue
        held = latest.get(observation.claim)
        if held is None or observation.as_of >= held.as_of:  # later appended wins a tie
            latest[observation.claim] = observation
    return ProvisionStatus(provision, tuple(latest.values()))  # claimants in the order recorded


def statuses_on(agreement: Agreement, day: dt.date) -> tuple[ProvisionStatus, ...]:
    """The status of each of the agreement's provisions on ``day``, in the text's order."""
    return tuple(status_on(provision, day) for provision in agreement.provisions)


def share_of(statuses: Sequence[ProvisionStatus]) -> Share | None:
    """PAM's implementation share of the scored provisions; ``None`` when none is scored."""
    scored = [status for status in statuses if status.scored]
    if not scored:
        return None
    ceiling = FULL * len(scored)
    low = sum(int(status.lowest or 0) for status in scored) / ceiling
    high = sum(int(status.highest or 0) for status in scored) / ceiling
    return Share(low=low, high=high, scored=len(scored), provisions=len(statuses))


def deadline_passed(provision: Provision, day: dt.date) -> bool:
    """Whether the provision's deadline (if the text gives one) is before ``day``."""
    return provision.deadline is not None and provision.deadline < day

"""Typed records of ``agreements.yaml``: agreements, their provisions and status observations.

An agreement has a dated lifecycle (announced, signed, ratified …) and relations to other
agreements; a provision is one numbered point of its text, tied to the map features it
concerns; a provision's status is a list of observations, appended and never edited, each
saying as of when, who claims it and on what source. Statuses use the Peace Accords Matrix
(PAM) scale: 0 not initiated, 1 minimal, 2 intermediate, 3 full; a commitment (a ceasefire,
a guarantee) is *observed* while it holds and counts as implemented (PAM's rule).
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Annotated, Final

from pydantic import Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from corridors.core.errors import quote
from corridors.data.models import (
    Date,
    FeatureId,
    LanguageCode,
    LinkedSources,
    Localized,
    Precision,
    _Record,
)

#: ``<agreement-id>/<number as the text numbers it>``, e.g. ``statement-2020-11-10/9``.
ProvisionId = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[0-9a-z]+(?:\.[0-9a-z]+)*$", max_length=96
    ),
]
#: A provision's number as its text numbers it: ``9``, ``4.2``, ``preamble``.
ProvisionNumber = Annotated[str, StringConstraints(pattern=r"^[0-9a-z]+(?:\.[0-9a-z]+)*$")]

#: The highest status on the PAM scale (full implementation).
FULL: Final = 3


class Stage(StrEnum):
    """A step in an agreement's life, in the order it can happen."""

    ANNOUNCED = "announced"
    TEXT_AGREED = "text-agreed"
    INITIALLED = "initialled"
    SIGNED = "signed"
    RATIFIED = "ratified"  # by one named party; one stage per party
    IN_FORCE = "in-force"
    SUSPENDED = "suspended"
    SUPERSEDED = "superseded"
    LAPSED = "lapsed"


#: Where each stage stands in an agreement's life: a later stage never comes before an earlier.
STAGE_ORDER: Final = {stage: index for index, stage in enumerate(Stage)}


class RelationKind(StrEnum):
    """How one agreement stands to another (or to one of its provisions)."""

    IMPLEMENTS = "implements"
    SUPERSEDES = "supersedes"
    AMENDS = "amends"
    REFERENCES = "references"


class ProvisionType(StrEnum):
    """Whether a provision can be done once or must hold over time."""

    DELIVERABLE = "deliverable"  # build, open, withdraw, dissolve
    COMMITMENT = "commitment"  # cease fire, guarantee transit: holds or is breached


class Implementation(IntEnum):
    """The Peace Accords Matrix implementation scale."""

    NOT_INITIATED = 0
    MINIMAL = 1
    INTERMEDIATE = 2
    FULL = 3


class CommitmentState(StrEnum):
    """Whether a commitment holds (PAM counts it implemented while it does)."""

    OBSERVED = "observed"
    BREACHED = "breached"


#: A commitment's state on the PAM scale: observed is full implementation, breached none.
COMMITMENT_SCORE: Final = {
    CommitmentState.OBSERVED: Implementation.FULL,
    CommitmentState.BREACHED: Implementation.NOT_INITIATED,
}


class ClaimRole(StrEnum):
    """Who says a provision stands where an observation puts it."""

    PARTY = "party"
    MEDIATOR = "mediator"
    OBSERVER = "observer"
    REPORTING = "reporting"  # the press's account, no party's claim


class Party(_Record):
    """A state or organisation that signs, witnesses or reports on agreements."""

    id: FeatureId
    names: Localized
    #: The map feature that is this party (a country drawn on the map), if any.
    feature: FeatureId | None = None


class LifecycleStage(_Record):
    """From ``date`` on, the agreement reached ``stage`` (ratified: by ``party``)."""

    stage: Stage
    date: Date
    precision: Precision = Precision.DAY
    party: FeatureId | None = None
    events: tuple[FeatureId, ...] = ()
    sources: LinkedSources
    note: Localized | None = None

    @model_validator(mode="after")
    def _party_for_ratification(self) -> LifecycleStage:
        if (self.stage is Stage.RATIFIED) != (self.party is not None):
            raise PydanticCustomError(
                "invalid_value", "a ratified stage names the party, and only it does"
            )
        return self


class Relation(_Record):
    """How the agreement stands to another agreement, or to one provision of one."""

    kind: RelationKind
    target: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(?:/[0-9a-z.]+)?$")]
    sources: LinkedSources


class Claim(_Record):
    """Who makes a status claim: a role, and the party unless it is the reporting."""

    role: ClaimRole
    party: FeatureId | None = None

    @model_validator(mode="after")
    def _party_unless_reporting(self) -> Claim:
        if (self.role is ClaimRole.REPORTING) != (self.party is None):
            raise PydanticCustomError(
                "invalid_value", "name the party of a claim, unless its role is reporting"
            )
        return self


class Observation(_Record):
    """As of ``as_of``, ``claim`` puts the provision at ``status`` (appended, never edited)."""

    as_of: Date
    precision: Precision = Precision.DAY
    status: Implementation | CommitmentState
    claim: Claim
    events: tuple[FeatureId, ...] = ()
    sources: LinkedSources
    note: Localized | None = None
    superseded_by: ProvisionId | None = None

    @field_validator("status", mode="before")
    @classmethod
    def _scale(cls, value: object) -> object:
        allowed = {*(level.value for level in Implementation), *CommitmentState}
        if isinstance(value, bool) or value not in allowed:
            raise PydanticCustomError(
                "bad_status",
                "status {value} is outside the scale: 0, 1, 2, 3 (PAM) for a deliverable, "
                "observed or breached for a commitment",
                {"value": quote(value)},
            )
        return value

    @property
    def score(self) -> Implementation:
        """The status on the PAM scale (a commitment: observed 3, breached 0)."""
        if isinstance(self.status, CommitmentState):
            return COMMITMENT_SCORE[self.status]
        return Implementation(self.status)


class Provision(_Record):
    """One numbered point of an agreement's text and the map features it concerns."""

    number: ProvisionNumber
    label: Localized
    #: The text, quoted where it is public, in each language (more languages may be given).
    text: Localized
    #: Languages of ``text`` that are translations, not a published text of the agreement.
    translated: tuple[LanguageCode, ...] = ()
    type: ProvisionType
    deadline: Date | None = None
    obligated: tuple[FeatureId, ...] = ()
    features: tuple[FeatureId, ...] = ()
    #: Why a provision concerns no place on the map (required when ``features`` is empty).
    no_place: Localized | None = None
    sources: LinkedSources
    observations: tuple[Observation, ...] = ()

    @model_validator(mode="after")
    def _placed_or_said_so(self) -> Provision:
        if bool(self.features) == (self.no_place is not None):
            raise PydanticCustomError(
                "invalid_value",
                "list the map features the provision concerns, or say in no_place why it has none",
            )
        for observation in self.observations:
            expected = CommitmentState if self.type is ProvisionType.COMMITMENT else Implementation
            if not isinstance(observation.status, expected):
                raise PydanticCustomError(
                    "bad_status",
                    "a {kind}'s status is {allowed}",
                    {
                        "kind": self.type.value,
                        "allowed": "observed or breached"
                        if expected is CommitmentState
                        else "0, 1, 2 or 3 (PAM)",
                    },
                )
        return self


class Agreement(_Record):
    """An agreement: its text's sources, its dated lifecycle, relations and provisions."""

    id: FeatureId
    title: Localized
    short_title: Localized
    parties: Annotated[tuple[FeatureId, ...], Field(min_length=1)]
    witnesses: tuple[FeatureId, ...] = ()
    #: Where the text is published: an official publication, or a faithful reproduction.
    text_sources: LinkedSources
    #: True when no official publication of the full text exists (a reproduction is cited).
    text_reproduced: bool = False
    pax_id: Annotated[int, Field(gt=0)] | None = None
    lifecycle: Annotated[tuple[LifecycleStage, ...], Field(min_length=1)]
    relations: tuple[Relation, ...] = ()
    provisions: tuple[Provision, ...] = ()
    note: Localized | None = None

    def provision_id(self, provision: Provision) -> str:
        """The id of one of this agreement's provisions (``<agreement>/<number>``)."""
        return f"{self.id}/{provision.number}"

    @property
    def existed_from(self) -> dt.date:
        """The date of the first stage: nothing is observed of the agreement before it."""
        return self.lifecycle[0].date

"""Checks of ``agreements.yaml``: plain functions that return the problems they find.

Like :mod:`corridors.data.validate`, none has a side effect; the loader collects. Every
problem names the file, the agreement (or party) and the field down to the observation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from corridors.core.datasets import DATASETS
from corridors.core.errors import Problem, ProblemKind, quote
from corridors.data.agreement_models import STAGE_ORDER, Agreement, Party, Provision
from corridors.data.validate import link_problem

FILENAME = DATASETS["agreements"]


@dataclass(frozen=True)
class AgreementTargets:
    """What an agreement's links may name: ids of the records loaded so far."""

    features: Collection[str]
    parties: Collection[str]
    events: Collection[str]
    agreements: Collection[str]
    provisions: Collection[str]
    rejected: Collection[str]


def agreement_lists(document: Any) -> tuple[list[Any], list[Any], list[Problem]]:
    """The raw party and agreement records of the file (a mapping of two lists)."""
    if document is None:
        return [], [], []
    if not isinstance(document, dict):
        reason = "the file must hold a mapping with the lists 'parties' and 'agreements'"
        return [], [], [Problem(FILENAME, None, None, ProblemKind.UNREADABLE, reason)]
    lists: list[list[Any]] = []
    problems: list[Problem] = []
    for key in ("parties", "agreements"):
        value = document.get(key, [])
        if not isinstance(value, list):
            reason = f"{key!r} must be a list of records"
            problems.append(Problem(FILENAME, None, key, ProblemKind.UNREADABLE, reason))
            value = []
        lists.append(value)
    unknown = sorted(set(document) - {"parties", "agreements"}, key=str)
    if unknown:
        reason = f"unknown keys {quote(unknown)}; the file holds 'parties' and 'agreements'"
        problems.append(Problem(FILENAME, None, None, ProblemKind.INVALID_VALUE, reason))
    return lists[0], lists[1], problems


def party_problems(
    party: Party, *, feature_ids: Collection[str], rejected: Collection[str]
) -> list[Problem]:
    """A party drawn on the map names a feature that exists."""
    problem = link_problem(
        FILENAME, party.id, "feature", party.feature, targets=feature_ids, rejected=rejected
    )
    return [problem] if problem else []


def agreement_problems(agreement: Agreement, targets: AgreementTargets) -> list[Problem]:
    """Every link of an agreement names a record, its stages run in order, its dates hold."""
    return [
        *_link_problems(agreement, targets),
        *_lifecycle_problems(agreement),
        *_provision_number_problems(agreement),
        *_early_observations(agreement),
    ]


def provision_ids(agreements: Collection[Agreement]) -> set[str]:
    """The ids of every provision of ``agreements``."""
    return {agreement.provision_id(p) for agreement in agreements for p in agreement.provisions}


def written_ids(raw_agreements: Collection[Any]) -> tuple[set[str], set[str]]:
    """The agreement and provision ids the file writes, in records valid or not.

    Links to them are not broken by a fault elsewhere in the record they name: that record's
    own problem says what is wrong with it.
    """
    agreements: set[str] = set()
    provisions: set[str] = set()
    for raw in raw_agreements:
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            continue
        agreements.add(raw["id"])
        listed = raw.get("provisions")
        for item in listed if isinstance(listed, list) else ():
            if isinstance(item, dict) and isinstance(item.get("number"), str | int):
                provisions.add(f"{raw['id']}/{item['number']}")
    return agreements, provisions


def _links(agreement: Agreement) -> Iterator[tuple[str, str, str | None]]:
    """Every link of an agreement: (field path, what it names, the id)."""
    for index, party in enumerate(agreement.parties):
        yield f"parties[{index}]", "parties", party
    for index, party in enumerate(agreement.witnesses):
        yield f"witnesses[{index}]", "parties", party
    for index, stage in enumerate(agreement.lifecycle):
        yield f"lifecycle[{index}].party", "parties", stage.party
        for number, event in enumerate(stage.events):
            yield f"lifecycle[{index}].events[{number}]", "events", event
    for index, relation in enumerate(agreement.relations):
        kind = "provisions" if "/" in relation.target else "agreements"
        yield f"relations[{index}].target", kind, relation.target
    for index, provision in enumerate(agreement.provisions):
        yield from _provision_links(f"provisions[{index}]", provision)


def _provision_links(path: str, provision: Provision) -> Iterator[tuple[str, str, str | None]]:
    for index, party in enumerate(provision.obligated):
        yield f"{path}.obligated[{index}]", "parties", party
    for index, feature in enumerate(provision.features):
        yield f"{path}.features[{index}]", "features", feature
    for index, observation in enumerate(provision.observations):
        where = f"{path}.observations[{index}]"
        yield f"{where}.claim.party", "parties", observation.claim.party
        yield f"{where}.superseded_by", "provisions", observation.superseded_by
        for number, event in enumerate(observation.events):
            yield f"{where}.events[{number}]", "events", event


def _link_problems(agreement: Agreement, targets: AgreementTargets) -> Iterator[Problem]:
    for field, kind, target in _links(agreement):
        problem = link_problem(
            FILENAME,
            agreement.id,
            field,
            target,
            targets=getattr(targets, kind),
            rejected=targets.rejected,
        )
        if problem:
            yield problem


def _lifecycle_problems(agreement: Agreement) -> Iterator[Problem]:
    """Stages come in their order and their dates never go back."""
    for index, (before, stage) in enumerate(pairwise(agreement.lifecycle), start=1):
        field = f"lifecycle[{index}]"
        if STAGE_ORDER[stage.stage] < STAGE_ORDER[before.stage]:
            reason = f"stage {stage.stage.value!r} cannot follow {before.stage.value!r}"
            kind = ProblemKind.INVALID_VALUE
            yield Problem(FILENAME, agreement.id, f"{field}.stage", kind, reason)
        if stage.date < before.date:
            reason = f"{stage.date} is before the previous stage's date, {before.date}"
            yield Problem(FILENAME, agreement.id, f"{field}.date", ProblemKind.BAD_DATE, reason)


def _provision_number_problems(agreement: Agreement) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, provision in enumerate(agreement.provisions):
        if provision.number in seen:
            reason = f"provision {agreement.provision_id(provision)!r} is numbered twice"
            field = f"provisions[{index}].number"
            yield Problem(FILENAME, agreement.id, field, ProblemKind.DUPLICATE_ID, reason)
        seen.add(provision.number)


def _early_observations(agreement: Agreement) -> Iterator[Problem]:
    """No observation is dated before the agreement's first stage."""
    start = agreement.existed_from
    for index, provision in enumerate(agreement.provisions):
        for number, observation in enumerate(provision.observations):
            if observation.as_of < start:
                field = f"provisions[{index}].observations[{number}].as_of"
                reason = (
                    f"{observation.as_of} is before the agreement existed "
                    f"(its first stage is dated {start})"
                )
                yield Problem(FILENAME, agreement.id, field, ProblemKind.BAD_DATE, reason)

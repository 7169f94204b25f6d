"""``agreements.yaml`` is checked like the rest: each bad record named by file, record, field."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from corridors.atlas import inspect_atlas
from corridors.core.errors import Problem, ProblemKind
from corridors.data.catalog import Catalog

AGREEMENTS = "agreements.yaml"
SUBJECT = "statement-2020-11-10"

Raw = dict[str, Any]


def edit_agreement(data: Path, change: Callable[[Raw], None], agreement: str = SUBJECT) -> None:
    """Let ``change`` edit one raw agreement record of the copy's ``agreements.yaml``."""
    path = data / AGREEMENTS
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(item for item in document["agreements"] if item["id"] == agreement))
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def point_nine(raw: Raw) -> Raw:
    """The raw provision numbered 9 of an agreement record."""
    return next(item for item in raw["provisions"] if item["number"] == "9")


def only_problem(data: Path) -> Problem:
    """The one problem of the data: an agreement rejected takes no event or agreement along.

    A story step that opens one of its provisions says so (a story is shown whole or not).
    """
    problems = inspect_atlas(data).problems
    own = [p for p in problems if not p.file.startswith("stories/")]
    assert len(own) == 1, "\n".join(map(str, problems))
    assert all(p.kind is ProblemKind.UNKNOWN_LINK for p in problems if p not in own)
    return own[0]


def where(problem: Problem) -> tuple[str, str | None, str | None, ProblemKind]:
    return problem.file, problem.record, problem.field, problem.kind


def test_the_bundled_agreements_are_loaded(catalog: Catalog) -> None:
    agreement, provision = catalog.provision(f"{SUBJECT}/9")
    assert agreement.id == SUBJECT
    assert {"syunik-route", "az-nx"} <= set(provision.features)
    assert all(provision.sources for a in catalog.agreements for provision in a.provisions)


def test_unknown_feature(data_copy: Path) -> None:
    edit_agreement(data_copy, lambda raw: point_nine(raw)["features"].append("atlantis"))
    problem = only_problem(data_copy)
    index = len(point_nine_of(data_copy)["features"]) - 1
    assert where(problem) == (
        AGREEMENTS,
        SUBJECT,
        f"provisions[{provision_index(data_copy)}].features[{index}]",
        ProblemKind.UNKNOWN_LINK,
    )
    assert "atlantis" in problem.reason


def test_unknown_provision_on_an_event(data_copy: Path, edit_records: Any) -> None:
    def change(records: list[Raw]) -> None:
        event = next(item for item in records if item["id"] == "horadiz-aghband-railway-decree")
        event["provisions"] = [f"{SUBJECT}/99"]

    edit_records(data_copy, "events.yaml", change)
    problem = only_problem(data_copy)
    assert where(problem) == (
        "events.yaml",
        "horadiz-aghband-railway-decree",
        "provisions[0]",
        ProblemKind.UNKNOWN_LINK,
    )
    assert f"{SUBJECT}/99" in problem.reason


def test_an_observation_before_the_agreement_existed(data_copy: Path) -> None:
    def change(raw: Raw) -> None:
        point_nine(raw)["observations"][0]["as_of"] = "2019-05-01"

    edit_agreement(data_copy, change)
    problem = only_problem(data_copy)
    field = f"provisions[{provision_index(data_copy)}].observations[0].as_of"
    assert where(problem) == (AGREEMENTS, SUBJECT, field, ProblemKind.BAD_DATE)
    assert "2019-05-01" in problem.reason
    assert "before the agreement existed" in problem.reason


def test_a_stage_out_of_order(data_copy: Path) -> None:
    def change(raw: Raw) -> None:
        first = raw["lifecycle"][0]
        raw["lifecycle"].append({**copy.deepcopy(first), "stage": "announced"})

    edit_agreement(data_copy, change)
    problem = only_problem(data_copy)
    last = len(raw_agreement(data_copy)["lifecycle"]) - 1
    assert where(problem) == (
        AGREEMENTS,
        SUBJECT,
        f"lifecycle[{last}].stage",
        ProblemKind.INVALID_VALUE,
    )
    assert "'announced' cannot follow" in problem.reason


def test_a_stage_dated_before_the_one_it_follows(data_copy: Path) -> None:
    def change(raw: Raw) -> None:
        last = raw["lifecycle"][-1]
        raw["lifecycle"].append({**copy.deepcopy(last), "stage": "lapsed", "date": "2001-01-01"})

    edit_agreement(data_copy, change)
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.BAD_DATE
    assert problem.field == f"lifecycle[{len(raw_agreement(data_copy)['lifecycle']) - 1}].date"


@pytest.mark.parametrize("status", [4, -1, "done", True])
def test_a_status_outside_the_scale(data_copy: Path, status: object) -> None:
    edit_agreement(data_copy, lambda raw: point_nine(raw)["observations"][0].update(status=status))
    problem = only_problem(data_copy)
    field = f"provisions[{provision_index(data_copy)}].observations[0].status"
    assert where(problem) == (AGREEMENTS, SUBJECT, field, ProblemKind.OUT_OF_SCALE)
    assert "outside the scale" in problem.reason


def test_a_commitment_scored_as_a_deliverable(data_copy: Path) -> None:
    edit_agreement(data_copy, lambda raw: point_nine(raw).update(type="commitment"))
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.OUT_OF_SCALE
    assert problem.field == f"provisions[{provision_index(data_copy)}]"
    assert "observed or breached" in problem.reason


@pytest.mark.parametrize("missing", ["provision", "observation"])
def test_a_provision_or_observation_without_a_source(data_copy: Path, missing: str) -> None:
    def change(raw: Raw) -> None:
        provision = point_nine(raw)
        holder = provision if missing == "provision" else provision["observations"][0]
        holder["sources"] = []

    edit_agreement(data_copy, change)
    problem = only_problem(data_copy)
    index = provision_index(data_copy)
    field = (
        f"provisions[{index}].sources"
        if missing == "provision"
        else f"provisions[{index}].observations[0].sources"
    )
    assert where(problem) == (AGREEMENTS, SUBJECT, field, ProblemKind.MISSING_SOURCE)


def test_a_relation_to_a_missing_agreement(data_copy: Path) -> None:
    def change(raw: Raw) -> None:
        source = copy.deepcopy(point_nine(raw)["sources"][0])
        raw.setdefault("relations", []).append(
            {"kind": "supersedes", "target": "treaty-of-nowhere", "sources": [source]}
        )

    edit_agreement(data_copy, change)
    problem = only_problem(data_copy)
    last = len(raw_agreement(data_copy)["relations"]) - 1
    assert where(problem) == (
        AGREEMENTS,
        SUBJECT,
        f"relations[{last}].target",
        ProblemKind.UNKNOWN_LINK,
    )
    assert "treaty-of-nowhere" in problem.reason


def test_a_provision_without_features_must_say_why(data_copy: Path) -> None:
    edit_agreement(data_copy, lambda raw: point_nine(raw).update(features=[]))
    problem = only_problem(data_copy)
    assert problem.field == f"provisions[{provision_index(data_copy)}]"
    assert "no_place" in problem.reason


def test_a_provision_numbered_twice(data_copy: Path) -> None:
    edit_agreement(data_copy, lambda raw: raw["provisions"].append(copy.deepcopy(point_nine(raw))))
    problem = only_problem(data_copy)
    assert problem.kind is ProblemKind.DUPLICATE_ID
    assert f"{SUBJECT}/9" in problem.reason


def test_an_unknown_party(data_copy: Path) -> None:
    edit_agreement(data_copy, lambda raw: raw["parties"].append("atlantis"))
    problem = only_problem(data_copy)
    last = len(raw_agreement(data_copy)["parties"]) - 1
    assert where(problem) == (AGREEMENTS, SUBJECT, f"parties[{last}]", ProblemKind.UNKNOWN_LINK)


def test_a_broken_agreement_takes_nothing_else_along(data_copy: Path) -> None:
    """An agreement rejected for its own fault is the one problem: the agreements that relate
    to it and the events that are evidence of its provisions stay, with their links."""
    edit_agreement(data_copy, lambda raw: raw["parties"].append("atlantis"))
    report = inspect_atlas(data_copy)
    assert [(p.record, p.kind) for p in report.problems if p.file == AGREEMENTS] == [
        (SUBJECT, ProblemKind.UNKNOWN_LINK)
    ]
    assert {p.file for p in report.problems} == {AGREEMENTS, "stories/ceasefire-to-syunik.yaml"}
    kept = {agreement.id for agreement in report.catalog.agreements}
    assert SUBJECT not in kept
    assert "statement-2021-01-11" in kept  # it implements point 9 of the rejected one
    linked = [event.id for event in report.catalog.events if f"{SUBJECT}/9" in event.provisions]
    assert linked, "the events that are point 9's evidence are kept"


def test_the_file_must_be_a_mapping_of_two_lists(data_copy: Path) -> None:
    (data_copy / AGREEMENTS).write_text("- just\n- a list\n", encoding="utf-8")
    problem = only_problem(data_copy)
    assert (problem.file, problem.kind) == (AGREEMENTS, ProblemKind.UNREADABLE)
    assert "'parties' and 'agreements'" in problem.reason


def raw_agreement(data: Path) -> Raw:
    document = yaml.safe_load((data / AGREEMENTS).read_text(encoding="utf-8"))
    found: Raw = next(item for item in document["agreements"] if item["id"] == SUBJECT)
    return found


def point_nine_of(data: Path) -> Raw:
    return point_nine(raw_agreement(data))


def provision_index(data: Path) -> int:
    numbers = [item["number"] for item in raw_agreement(data)["provisions"]]
    return numbers.index("9")

"""Exports of the agreements: provisions and their status observations as CSV and JSON.

The CSV has one row per observation (a provision nobody has scored yet has one row with the
observation's columns empty, so no provision is left out); the JSON holds the agreements
whole, as the data file does. Both stop at a day: what was known by then.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any, Final

from corridors.core.languages import available_languages
from corridors.data.agreement_models import Agreement, Observation, Provision
from corridors.data.catalog import Catalog
from corridors.data.export import BYTE_ORDER_MARK, sources_cell, spreadsheet_safe

_PROVISION_COLUMNS: Final = (
    "agreement_id",
    "provision_id",
    "number",
    "type",
    "deadline",
    "obligated",
    "features",
)
_OBSERVATION_COLUMNS: Final = (
    "as_of",
    "precision",
    "status",
    "pam_score",
    "claim_role",
    "claim_party",
    "events",
    "superseded_by",
    "sources",
)


def agreement_columns() -> tuple[str, ...]:
    """The CSV header: provision columns, labels per language, observation columns, notes."""
    languages = available_languages()
    return (
        *_PROVISION_COLUMNS,
        *(f"label_{lang}" for lang in languages),
        *_OBSERVATION_COLUMNS,
        *(f"note_{lang}" for lang in languages),
    )


def agreements_csv(agreements: Sequence[Agreement], *, until: dt.date | None = None) -> str:
    """One row per status observation (as of ``until`` at the latest), UTF-8 with a BOM."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(agreement_columns())
    for row in _rows(agreements, until):
        writer.writerow([spreadsheet_safe(value) for value in row])
    return buffer.getvalue()


def agreements_json(
    catalog: Catalog, agreements: Sequence[Agreement], *, until: dt.date | None = None
) -> str:
    """The parties and the agreements whole (observations as of ``until``), as JSON text."""
    document = {
        "until": until.isoformat() if until else None,
        "scale": {"0": "not initiated", "1": "minimal", "2": "intermediate", "3": "full"},
        "parties": [party.model_dump(mode="json", exclude_none=True) for party in catalog.parties],
        "agreements": [_known_by(agreement, until) for agreement in agreements],
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def _known_by(agreement: Agreement, until: dt.date | None) -> dict[str, Any]:
    dumped: dict[str, Any] = agreement.model_dump(mode="json", exclude_none=True)
    if until is None:
        return dumped
    for provision in dumped["provisions"]:
        provision["observations"] = [
            observation
            for observation in provision["observations"]
            if dt.date.fromisoformat(observation["as_of"]) <= until
        ]
    return dumped


def _rows(agreements: Sequence[Agreement], until: dt.date | None) -> Iterator[list[str]]:
    for agreement in agreements:
        for provision in agreement.provisions:
            head = _provision_cells(agreement, provision)
            known = [o for o in provision.observations if until is None or o.as_of <= until]
            if not known:
                yield [*head, *("" for _ in _OBSERVATION_COLUMNS), *_notes(None)]
            for observation in known:
                yield [*head, *_observation_cells(observation), *_notes(observation)]


def _provision_cells(agreement: Agreement, provision: Provision) -> list[str]:
    return [
        agreement.id,
        agreement.provision_id(provision),
        provision.number,
        str(provision.type),
        provision.deadline.isoformat() if provision.deadline else "",
        " ".join(provision.obligated),
        " ".join(provision.features),
        *(provision.label[lang] for lang in available_languages()),
    ]


def _observation_cells(observation: Observation) -> list[str]:
    return [
        observation.as_of.isoformat(),
        str(observation.precision),
        str(observation.status.value),
        str(int(observation.score)),
        str(observation.claim.role),
        observation.claim.party or "",
        " ".join(observation.events),
        observation.superseded_by or "",
        sources_cell(observation.sources),
    ]


def _notes(observation: Observation | None) -> list[str]:
    note = observation.note if observation is not None else None
    return [note[lang] if note else "" for lang in available_languages()]

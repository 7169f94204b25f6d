"""Exports of the agreements: one CSV row per observation (BOM, formula-safe), JSON whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from corridors.cli.main import main
from corridors.data.agreement_export import agreement_columns, agreements_csv
from corridors.data.catalog import Catalog

UNTIL = dt.date(2021, 12, 31)


def observations_until(catalog: Catalog, day: dt.date | None) -> int:
    return sum(
        1
        for agreement in catalog.agreements
        for provision in agreement.provisions
        for observation in provision.observations
        if day is None or observation.as_of <= day
    )


def test_the_cli_writes_one_row_per_observation_and_leaves_no_provision_out(
    tmp_path: Path, catalog: Catalog
) -> None:
    out = tmp_path / "provisions.csv"
    assert main(["export", "agreements", str(out), "--to", UNTIL.isoformat()]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == list(agreement_columns())
    assert sum(1 for row in rows if row["as_of"]) == observations_until(catalog, UNTIL)
    every = {a.provision_id(p) for a in catalog.agreements for p in a.provisions}
    assert {row["provision_id"] for row in rows} == every
    assert all(row["as_of"] <= UNTIL.isoformat() for row in rows if row["as_of"])
    point_nine = [row for row in rows if row["provision_id"] == "statement-2020-11-10/9"]
    assert {row["label_ar"] for row in point_nine} == {
        catalog.provision("statement-2020-11-10/9")[1].label["ar"]
    }


def test_the_cli_writes_json_for_a_json_file(tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "agreements.json"
    assert main(["export", "agreements", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["until"] is None
    assert [party["id"] for party in document["parties"]] == [p.id for p in catalog.parties]
    written = sum(len(p["observations"]) for a in document["agreements"] for p in a["provisions"])
    assert written == observations_until(catalog, None)


def test_a_cell_that_would_run_as_a_formula_is_written_as_text(catalog: Catalog) -> None:
    agreement = catalog.agreements[0]
    provision = agreement.provisions[0]
    label = {**provision.label, "en": '=HYPERLINK("http://evil.example")'}
    edited = agreement.model_copy(
        update={"provisions": (provision.model_copy(update={"label": label}),)}
    )
    rows = list(csv.DictReader(io.StringIO(agreements_csv([edited]).removeprefix("\ufeff"))))
    assert {row["label_en"] for row in rows} == {'\'=HYPERLINK("http://evil.example")'}

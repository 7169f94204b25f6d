"""A provision's status history chart: one stepped line per claimant, as the data says."""

from __future__ import annotations

from typing import Any

from corridors.data.catalog import Catalog
from corridors.i18n import Translator
from corridors.ui.dashboard.agreements_panel import claim_name, status_word
from corridors.ui.dashboard.status_chart import status_chart


def test_each_claimant_has_its_line_and_each_observation_its_point(catalog: Catalog) -> None:
    _, provision = catalog.provision("statement-2020-11-10/9")
    translate = Translator("ar")
    chart = status_chart(
        provision.observations,
        translate,
        claimant=lambda o: claim_name(catalog, o, translate),
        status=lambda o: status_word(o, translate),
    ).to_dict()
    (rows,) = chart["datasets"].values()
    claimants = {claim_name(catalog, o, translate) for o in provision.observations}
    assert {row["claimant"] for row in rows} == claimants
    assert len(claimants) > 1, "point 9 has more than one account"
    assert sorted((row["date"][:10], row["score"]) for row in rows) == sorted(
        (o.as_of.isoformat(), int(o.score)) for o in provision.observations
    )
    marks: list[Any] = [layer["mark"] for layer in chart["layer"]]
    assert {"type": "line", "interpolate": "step-after", "strokeWidth": 2} in marks
    assert all(layer["encoding"]["y"]["scale"]["domain"] == [0, 3] for layer in chart["layer"])

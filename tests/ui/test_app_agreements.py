"""The Agreements side view in the app (AppTest): links, the provision opened, the map mode."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from corridors.data.agreement_status import status_on
from corridors.data.catalog import Catalog
from corridors.render.agreement_colours import feature_statuses
from corridors.render.styles import HIGHLIGHT, HIGHLIGHT_FILL, IMPLEMENTATION_COLORS
from support.app import open_app
from support.deck_map import deck_layers, deck_map_args

POINT_NINE = "statement-2020-11-10/9"
STATEMENT = "statement-2020-11-10"


def texts(at: AppTest) -> str:
    """Everything the page writes in markdown and captions, joined."""
    return "\n".join([*(m.value for m in at.markdown), *(c.value for c in at.caption)])


def rows_by_id(at: AppTest, layer: str) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in deck_layers(at)[layer]["data"]}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_provision_link_shows_its_text_history_and_features(catalog: Catalog, lang: str) -> None:
    at = open_app(agreement=STATEMENT, provision=POINT_NINE, lang=lang)
    _, provision = catalog.provision(POINT_NINE)
    shown = texts(at)
    first_words = " ".join(provision.text[lang].split()[:4])
    assert first_words in shown.replace("\\", "")
    # the history: one entry per observation, each with its sources as links
    history = [m.value for m in at.markdown if m.value.startswith("**") and " · " in m.value]
    assert len(history) >= len(provision.observations)
    for observation in provision.observations:
        assert observation.sources[0].url in shown
    # its features are the selection on the map, framed around them
    assert tuple(rows_by_id(at, "route-casing")["syunik-route"]["color"]) == HIGHLIGHT
    assert tuple(rows_by_id(at, "regions")["am-su"]["fill"]) == HIGHLIGHT_FILL
    assert tuple(rows_by_id(at, "countries")["az-nx"]["line"]) == HIGHLIGHT
    framed = shapely.box(*deck_map_args(at)["frame"]["bounds"])
    assert framed.contains(catalog.geometries["syunik-route"])
    buttons = {b.key for b in at.button}
    assert {f"provision-feature-{feature}" for feature in provision.features} <= buttons


def test_the_agreement_lists_its_provisions_with_status_and_share(catalog: Catalog) -> None:
    at = open_app(agreement=STATEMENT, to="2025-12-31")
    agreement = catalog.agreement(STATEMENT)
    keys = {b.key for b in at.button}
    for provision in agreement.provisions:
        assert f"open-provision-{STATEMENT}--{provision.number}" in keys
    shown = texts(at)
    assert "provisions scored" in shown
    # point 9's accounts differ by the end of 2025: the row says so
    assert not status_on(catalog.provision(POINT_NINE)[1], dt.date(2020, 12, 31)).disputed
    if status_on(catalog.provision(POINT_NINE)[1], dt.date(2025, 12, 31)).disputed:
        assert "accounts differ" in shown


def test_the_map_mode_colours_the_features_by_status_as_of_the_range_end(
    catalog: Catalog,
) -> None:
    days = (dt.date(2020, 12, 31), dt.date(2025, 12, 31))
    colours = []
    for day in days:
        at = open_app(agreement=STATEMENT, to=day.isoformat())
        route = rows_by_id(at, "route")["syunik-route"]
        status = feature_statuses(catalog, STATEMENT, day)["syunik-route"]
        assert status.level is not None
        assert tuple(route["color"]) == IMPLEMENTATION_COLORS[status.level]
        colours.append(tuple(route["color"]))
    assert colours[0] != colours[1], "point 9's status changed between the two days"


def test_a_feature_panel_lists_the_provisions_that_concern_it() -> None:
    at = open_app(feature="meghri", to="2025-12-31")
    keys = {b.key for b in at.button}
    assert f"feature-provision-{STATEMENT}--9" in keys  # via Syunik, which Meghri is in
    at.button(key=f"feature-provision-{STATEMENT}--9").click().run()
    assert at.query_params["provision"] == POINT_NINE
    assert at.query_params["agreement"] == STATEMENT
    assert "feature" not in at.query_params


def test_opening_and_closing_round_trips_through_the_link() -> None:
    at = open_app()
    at.segmented_control(key="side_view").set_value("agreements").run()
    at.button(key=f"open-agreement-{STATEMENT}").click().run()
    assert at.query_params["agreement"] == STATEMENT
    at.button(key=f"open-provision-{STATEMENT}--9").click().run()
    assert at.query_params["provision"] == POINT_NINE
    assert tuple(rows_by_id(at, "route-casing")["syunik-route"]["color"]) == HIGHLIGHT
    at.button(key="close-provision").click().run()
    assert "provision" not in at.query_params
    at.button(key="close-agreement").click().run()
    assert "agreement" not in at.query_params


def test_an_unknown_agreement_or_provision_is_a_notice() -> None:
    at = open_app(agreement="treaty-of-nowhere", provision=f"{STATEMENT}/99")
    notices = " ".join(t.value for t in at.text)
    assert "agreement=treaty-of-nowhere" in notices
    assert f"provision={STATEMENT}/99" in notices


def test_the_agreements_downloads(
    downloads: dict[str, Callable[[], str]], catalog: Catalog
) -> None:
    open_app(to="2021-12-31")
    data = downloads["agreements-csv"]()
    assert data.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff"))))
    known = [
        observation
        for agreement in catalog.agreements
        for provision in agreement.provisions
        for observation in provision.observations
        if observation.as_of <= dt.date(2021, 12, 31)
    ]
    assert len([row for row in rows if row["as_of"]]) == len(known)
    unscored = {
        agreement.provision_id(provision)
        for agreement in catalog.agreements
        for provision in agreement.provisions
        if not any(o.as_of <= dt.date(2021, 12, 31) for o in provision.observations)
    }
    assert {row["provision_id"] for row in rows if not row["as_of"]} == unscored
    document = json.loads(downloads["agreements-json"]())
    assert document["until"] == "2021-12-31"
    assert [a["id"] for a in document["agreements"]] == [a.id for a in catalog.agreements]


def test_a_presenter_step_that_opens_a_provision_keys_its_colours(catalog: Catalog) -> None:
    (story,) = catalog.stories
    number = next(index for index, step in enumerate(story.steps, 1) if "provision" in step.view)
    at = open_app(mode="present", step=str(number))
    keys = [element.value for element in at.get("html")]
    assert any("data-legend='agreement'" in str(value) for value in keys)
    assert tuple(rows_by_id(at, "route-casing")["syunik-route"]["color"]) == HIGHLIGHT

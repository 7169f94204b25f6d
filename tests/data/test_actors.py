"""geodata/actors.yaml is validated like the rest of the data."""

from __future__ import annotations

import copy
import datetime as dt

from corridors.data.catalog import Catalog, inspect_catalog


def test_the_bundled_actors_cover_the_agreed_ids(catalog: Catalog) -> None:
    ids = {actor.id for actor in catalog.actors}
    assert ids >= {
        "trump", "aliyev", "pashinyan", "erdogan", "putin", "pezeshkian", "rubio", "witkoff",
        "mirzoyan", "bayramov", "vance", "socar", "exxonmobil", "azerbaijan-railways",
        "south-caucasus-railway", "osce", "eu", "un",
    }  # fmt: skip
    assert all(
        actor.names["en"] and actor.names["ar"] and actor.sources for actor in catalog.actors
    )


def test_a_bad_actor_is_reported_by_file_record_and_field(data_copy, edit_records) -> None:
    def spoil(records):
        del records[0]["sources"]
        records[1]["names"].pop("ar")
        records.append(copy.deepcopy(records[2]))  # a duplicate id

    edit_records(data_copy, "actors.yaml", spoil)
    report = inspect_catalog(data_copy)
    found = {(p.file, p.record, p.field, str(p.kind)) for p in report.problems}
    assert ("actors.yaml", "aliyev", "sources", "missing-source") in found
    assert ("actors.yaml", "asadov", "names", "invalid-value") in found
    assert ("actors.yaml", "bayramov", "id", "duplicate-id") in found
    assert "aliyev" not in {actor.id for actor in report.catalog.actors}


def test_a_data_folder_without_actors_names_none(data_copy) -> None:
    (data_copy / "actors.yaml").unlink()
    report = inspect_catalog(data_copy)
    assert report.ok
    assert report.catalog.actors == ()


def test_the_two_supreme_leaders_are_two_actors_with_dated_roles(catalog: Catalog) -> None:
    actors = {actor.id: actor for actor in catalog.actors}
    ali, mojtaba = actors["ali-khamenei"], actors["mojtaba-khamenei"]
    dated = [(r.since, r.until) for r in ali.roles]
    assert dated == [(dt.date(1989, 6, 4), dt.date(2026, 2, 28))]
    assert [(r.since, r.until) for r in mojtaba.roles] == [(dt.date(2026, 3, 8), None)]
    assert "Khamenei" not in {*ali.aliases, *mojtaba.aliases}  # the surname names neither


def test_the_people_the_events_name_are_actors(catalog: Catalog) -> None:
    ids = {actor.id for actor in catalog.actors}
    assert {"grigoryan", "overchuk", "papoyan", "khudatyan", "elnur-mammadov", "coulter"} <= ids
    roles = {actor.id: actor.roles for actor in catalog.actors}
    assert all(roles[i] for i in ("grigoryan", "overchuk", "papoyan", "khudatyan", "coulter"))


def test_a_role_ending_before_it_began_is_reported(data_copy, edit_records) -> None:
    def spoil(records):
        role = {"title": {"en": "x", "ar": "س"}, "since": "2020-01-02", "until": "2020-01-01"}
        records[0]["roles"] = [role]

    edit_records(data_copy, "actors.yaml", spoil)
    found = {(p.record, p.field, str(p.kind)) for p in inspect_catalog(data_copy).problems}
    assert any(record == "aliyev" and field.startswith("roles") for record, field, _ in found)

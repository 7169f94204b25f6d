"""geodata/actors.yaml is validated like the rest of the data."""

from __future__ import annotations

import copy

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

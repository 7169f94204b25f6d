from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from corridors.cli.main import main
from corridors.core import atomic as _atomic
from corridors.data import export
from corridors.data.catalog import Catalog
from corridors.data.export import BYTE_ORDER_MARK, events_csv, events_geojson, spreadsheet_safe
from corridors.data.models import Event, Precision
from corridors.data.timeline import DateRange
from corridors.geo.camera import fit_bounds
from corridors.i18n import Translator
from corridors.render.leaflet.standalone import map_html
from corridors.render.scene import SceneRequest, build_scene

WEEK = DateRange(dt.date(2025, 8, 7), dt.date(2025, 8, 8))


def summit_events(catalog: Catalog) -> list[Event]:
    return [e for e in catalog.events if e.date in WEEK]


@pytest.mark.parametrize("cell", ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("Baku") == "Baku"


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of an exported CSV text, which starts with a byte-order mark."""
    assert text.startswith(BYTE_ORDER_MARK)
    return list(csv.DictReader(io.StringIO(text.removeprefix(BYTE_ORDER_MARK))))


def test_csv_has_one_row_per_event_with_sources(catalog: Catalog) -> None:
    events = summit_events(catalog)
    rows = csv_rows(events_csv(events))
    assert [row["id"] for row in rows] == [e.id for e in events]
    assert all("https://" in row["sources"] for row in rows)
    assert rows[0]["title_ar"] == events[0].title["ar"]


def test_csv_escapes_a_hostile_title(catalog: Catalog) -> None:
    event = summit_events(catalog)[0].model_copy(
        update={"title": {"en": '=HYPERLINK("http://x")', "ar": "ع"}}
    )
    row = csv_rows(events_csv([event]))[0]
    assert row["title_en"].startswith("'=")


def test_csv_columns_follow_the_available_languages(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = summit_events(catalog)
    header = next(csv.reader(io.StringIO(events_csv(events).removeprefix(BYTE_ORDER_MARK))))
    assert header == [
        "id", "review_status", "date", "precision", "end", "end_precision", "kind", "title_en",
        "title_ar", "summary_en", "summary_ar", "features", "sources",
    ]  # fmt: skip
    monkeypatch.setattr(export, "available_languages", lambda: ("en",))
    rows = csv_rows(events_csv(events))
    assert list(rows[0]) == ["id", "review_status", "date", "precision", "end", "end_precision",
                             "kind",
                             "title_en", "summary_en",
                             "features", "sources"]  # fmt: skip
    assert rows[0]["summary_en"] == events[0].summary["en"]


def test_cli_csv_is_utf8_with_a_byte_order_mark(tmp_path: Path, catalog: Catalog) -> None:
    out = tmp_path / "events.csv"
    assert main(["export", "csv", str(out), "--from", "2025-08-07", "--to", "2025-08-08"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["title_ar"] == summit_events(catalog)[0].title["ar"]


def test_geojson_joins_events_to_their_features(catalog: Catalog) -> None:
    events = summit_events(catalog)
    collection = events_geojson(catalog, events)
    assert len(collection["features"]) == sum(len(e.features) for e in events)
    first = collection["features"][0]
    assert first["properties"]["event_id"] == events[0].id
    assert first["properties"]["feature_id"] == events[0].features[0]
    assert first["properties"]["sources"][0]["url"].startswith("https://")
    assert first["geometry"]["type"] in {"Polygon", "MultiPolygon", "Point", "LineString"}


def test_every_exported_event_says_it_is_curated(catalog: Catalog) -> None:
    """The same ``review_status`` column as the export of imported events (``imported``)."""
    events = list(catalog.events)
    assert {row["review_status"] for row in csv_rows(events_csv(events))} == {"curated"}
    features = events_geojson(catalog, events)["features"]
    assert {feature["properties"]["review_status"] for feature in features} == {"curated"}


def test_map_snapshot_is_self_contained(catalog: Catalog) -> None:
    scene = build_scene(catalog, SceneRequest(dates=WEEK))
    page = map_html(scene, Translator("en"), camera=fit_bounds(scene.bounds), title="<b>x</b>")
    assert "L.map(" in page
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert re.findall(r'(?:src|href)="([^"]+)"', markup) == []  # nothing loaded from anywhere
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page
    assert "<b>x</b>" not in page


def test_cli_export_writes_each_format(tmp_path: Path, catalog: Catalog) -> None:
    for fmt in ("csv", "geojson", "html"):
        out = tmp_path / f"events.{fmt}"
        assert main(["export", fmt, str(out), "--from", "2025-08-07", "--to", "2025-08-08"]) == 0
        assert out.stat().st_size > 0
    collection = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["event_id"] for f in collection["features"]} == {
        e.id for e in summit_events(catalog)
    }


def test_cli_export_filters_by_kind(tmp_path: Path) -> None:
    out = tmp_path / "memoranda.csv"
    assert main(["export", "csv", str(out), "--kinds", "memorandum"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {row["kind"] for row in rows} == {"memorandum"}


def test_an_interrupted_export_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.csv"
    out.write_text("the previous export\n", encoding="utf-8")

    def crash(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_atomic.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        main(["export", "csv", str(out)])
    assert out.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temporary file left


def test_two_builds_of_the_same_map_are_byte_identical(catalog: Catalog) -> None:
    def build() -> bytes:
        scene = build_scene(catalog, SceneRequest(dates=WEEK, lang="ar"))
        camera = fit_bounds(scene.bounds)
        return map_html(scene, Translator("ar"), camera=camera, title="t").encode("utf-8")

    first = build()
    assert build() == first
    assert re.search(rb"geo_json_[0-9a-f]{32}", first) is None  # no random folium ids left


def test_exports_carry_an_events_end_and_its_precision(catalog: Catalog) -> None:
    day, *_ = summit_events(catalog)
    lasting = day.model_copy(update={"end": dt.date(2026, 1, 1), "end_precision": Precision.MONTH})
    rows = csv_rows(events_csv([day, lasting]))
    assert [(row["end"], row["end_precision"]) for row in rows] == [
        ("", ""),
        ("2026-01-01", "month"),
    ]
    features = events_geojson(catalog, [day, lasting])["features"]
    ends = {(f["properties"]["end"], f["properties"]["end_precision"]) for f in features}
    assert ends == {(None, None), ("2026-01-01", "month")}

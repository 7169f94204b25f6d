"""Reported (imported) events beside the map: sidebar section, listings, legend, timeline.

The stores hold real imports (:mod:`support.reported_stores`); what the page shows is compared with
what the store answers for the same filter (the store's own queries are tested against plain
Python in ``test_store.py``) and with the rows of the imported files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import h3
import pytest
from babel.dates import format_date
from streamlit.testing.v1 import AppTest

from corridors.core import settings
from corridors.core.environment import IMPORTS_DIR_ENV
from corridors.data.catalog import Catalog
from corridors.data.models import Corridor, ReportedKind
from corridors.render.reported_layer import CELLS_LAYER
from corridors.render.styles import CELL_CLASS_STARTS, CELL_OUTLINES, CELL_RAMP, css
from corridors.reported.store import EventQuery, EventStore, open_store
from support.app import open_app
from support.deck_map import deck_layers
from support.page_outline import VIEWS, golden_path, outline
from support.reported_stores import (
    BAD_URL,
    HOSTILE_URL,
    LONG_NOTE,
    MEGHRI,
    RTL_OVERRIDE,
    fill_many_store,
    fill_sample_store,
)

#: The H3 cell (resolution 6) holding Meghri, where most fixture rows lie.
MEGHRI_CELL = h3.latlng_to_cell(float(MEGHRI[0]), float(MEGHRI[1]), 6)
AUGUST = {"from": "2025-08-05", "to": "2025-08-31"}


@pytest.mark.parametrize("view", list(VIEWS))
def test_with_no_imports_the_page_is_exactly_as_before(view: str) -> None:
    """Same elements, keys and messages as the app before reported events were shown."""
    expected = json.loads(golden_path(view).read_text(encoding="utf-8"))
    assert outline(open_app(**VIEWS[view])) == expected


# -- fixtures and helpers -----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_folder(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    scratch = tmp_path_factory.mktemp("reported-sample")
    return fill_sample_store(scratch / "imports", catalog, scratch)


@pytest.fixture
def sample(sample_folder: Path, monkeypatch: pytest.MonkeyPatch) -> EventStore:
    """The app's imports: the ACLED and GDELT fixtures and hostile rows."""
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(sample_folder))
    return open_store(sample_folder)


@pytest.fixture(scope="module")
def many_folder(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    scratch = tmp_path_factory.mktemp("reported-many")
    fill_many_store(scratch / "imports", catalog, scratch, 400)
    return scratch / "imports"


def walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def block(at: AppTest, key: str) -> Any:
    """The keyed container ``key`` (one of the page's own keys)."""
    return next(node for node in walk(at._tree) if getattr(node, "key", None) == key)


def texts(node: Any) -> list[str]:
    """The markdown and captions inside ``node``, in order."""
    return [n.value for n in walk(node) if n.type in ("markdown", "caption")]


def rows(at: AppTest, key: str) -> list[list[str]]:
    """The texts of each event of the listing ``key``."""
    listing = block(at, f"{key}-rows")
    return [texts(event) for event in listing.children.values()]


def query(start: str, end: str, **narrowing: Any) -> EventQuery:
    return EventQuery(
        start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), **narrowing
    )


def sidebar_toggles(at: AppTest) -> dict[str, Any]:
    return {t.key: t for t in at.sidebar.toggle}


# -- the sidebar ------------------------------------------------------------------------------


def test_the_sidebar_has_a_toggle_per_imported_source_with_its_count_in_range(
    sample: EventStore,
) -> None:
    at = open_app(**AUGUST)
    counts = sample.counts_by_source(query(AUGUST["from"], AUGUST["to"]))
    everything = sample.counts_by_source(EventQuery())
    assert counts != everything  # the range counts
    toggles = sidebar_toggles(at)
    assert set(toggles) == {"reported-source-acled", "reported-source-gdelt"}  # no geojson
    assert toggles["reported-source-acled"].label == f"ACLED ({counts['acled']} in range)"
    assert toggles["reported-source-gdelt"].label == f"GDELT ({counts['gdelt']} in range)"
    assert all(toggle.value for toggle in toggles.values())
    kinds = at.sidebar.button_group(key="reported_kinds")
    assert kinds.options[0] == "Conflict"
    assert len(kinds.options) == len(ReportedKind)
    provenance = [c.value for c in at.sidebar.caption if "Imported by the analyst" in c.value]
    assert "ACLED" in provenance[0]
    assert "not reviewed" in provenance[0]


def test_turning_a_source_off_takes_it_out_of_listings_and_the_link(sample: EventStore) -> None:
    at = open_app(feature="am-su")
    assert any("GDELT:" in " ".join(event) for event in rows(at, "feature-reported-am-su"))
    sidebar_toggles(at)["reported-source-gdelt"].set_value(False).run()
    assert not at.exception
    # every source but GDELT (one not imported stays chosen, for when it is)
    assert at.session_state["reported_sources"] == ["acled", "geojson"]
    assert at.query_params["sources"] == "acled,geojson"
    listed = rows(at, "feature-reported-am-su")
    assert listed
    assert not any("GDELT:" in " ".join(event) for event in listed)
    assert len(listed) == sample.count(EventQuery(sources=frozenset({"acled"}), feature="am-su"))


def test_the_reported_kinds_filter_the_counts(sample: EventStore) -> None:
    at = open_app()
    at.sidebar.button_group(key="reported_kinds").set_value(["conflict"]).run()
    counts = sample.counts_by_source(EventQuery(kinds=frozenset({"conflict"})))
    toggles = sidebar_toggles(at)
    assert toggles["reported-source-acled"].label == f"ACLED ({counts['acled']} in range)"
    assert at.query_params["rkinds"] == "conflict"


def test_the_link_restores_sources_kinds_and_cell(sample: EventStore) -> None:
    at = open_app(sources="gdelt", rkinds="unrest,conflict", cell=MEGHRI_CELL)
    toggles = sidebar_toggles(at)
    assert not toggles["reported-source-acled"].value
    assert toggles["reported-source-gdelt"].value
    assert sorted(at.sidebar.button_group(key="reported_kinds").value) == ["conflict", "unrest"]
    cell = h3.str_to_int(MEGHRI_CELL)
    expected = sample.count(
        EventQuery(sources=frozenset({"gdelt"}), kinds=frozenset({"unrest", "conflict"}), cell=cell)
    )
    heading, where = texts(block(at, "cell-reported"))[:2]
    assert heading == f"**{expected} reported events in the selected map cell**"
    assert where == "Near Meghri · Syunik, Armenia"  # the place, not the H3 id
    assert len(rows(at, f"cell-reported-{MEGHRI_CELL}")) == expected
    assert dict(at.query_params) == {
        "sources": "gdelt",
        "rkinds": "conflict,unrest",
        "cell": MEGHRI_CELL,
    }


# -- listings ---------------------------------------------------------------------------------


def test_the_feature_panel_counts_each_source_in_range_and_lists_them(sample: EventStore) -> None:
    at = open_app(feature="am-su", **AUGUST)
    counts = sample.counts_by_source(query(AUGUST["from"], AUGUST["to"], feature="am-su"))
    caption = texts(block(at, "feature-reported"))[0]
    assert caption == (
        "Reported events in range here\\: "
        f"\u2068ACLED\u2069\\: {counts['acled']} · \u2068GDELT\u2069\\: {counts['gdelt']}"
    )
    listed = rows(at, "feature-reported-am-su")
    assert len(listed) == counts["acled"] + counts["gdelt"]


def test_a_place_has_no_reported_section(sample: EventStore, catalog: Catalog) -> None:
    del sample
    at = open_app(feature="meghri")
    assert not any(getattr(n, "key", None) == "feature-reported" for n in walk(at._tree))
    at = open_app(feature="syunik-route")
    assert isinstance(catalog.feature("syunik-route"), Corridor)
    assert block(at, "feature-reported")


def test_gdelt_links_its_source_by_host_and_acled_names_its_sources(sample: EventStore) -> None:
    del sample
    at = open_app(feature="am-su")
    sources = [line for event in rows(at, "feature-reported-am-su") for line in event[2:3]]
    assert "GDELT: [\u2068example\\.org\u2069](https://example.org/news/meghri-protest)" in sources
    notes = [line for event in rows(at, "feature-reported-am-su") for line in event]
    # GDELT added the row two days after the event (SQLDATE 8 Aug, DATEADDED 10 Aug)
    assert "Location\\: the city · added by the source 2 days later \\(Aug 10, 2025\\)" in notes
    assert "ACLED: \u2068Azatutyun; News\\.am\u2069" in sources
    # not http(s): text; a hostile URL: a link named by its host, its specials percent-encoded
    assert BAD_URL == "javascript:alert(document.cookie)"
    assert "GDELT: \u2068javascript\\:alert\\(document\\.cookie\\)\u2069" in sources
    assert HOSTILE_URL == "https://evil.example/a)b<script>?q=*x*"
    hostile = [line for line in sources if "evil\\.example" in line and line.startswith("GDELT")]
    assert hostile == [
        "GDELT: [\u2068evil\\.example\u2069](https://evil.example/a%29b%3Cscript%3E?q=*x*)"
    ]


def test_a_row_shows_the_precision_its_source_gives(sample: EventStore) -> None:
    del sample
    at = open_app(feature="am-su", **{"from": "2025-06-01", "to": "2025-08-31"})
    heads = {event[0].split(" · ")[0] for event in rows(at, "feature-reported-am-su")}
    assert "July 2025 \\(month\\)" in heads  # ACLED time_precision 3
    assert "Aug 8, 2025" in heads  # a day's date is written alone
    at = open_app(feature="az-nx", **{"from": "2025-06-01", "to": "2025-08-31"})
    heads = {event[0].split(" · ")[0] for event in rows(at, "feature-reported-az-nx")}
    assert "Aug 8, 2025 \\(week\\)" in heads  # ACLED time_precision 2


def test_hostile_imported_text_is_shown_as_text(sample: EventStore) -> None:
    del sample
    at = open_app(feature="am-su")
    shown = [line for event in rows(at, "feature-reported-am-su") for line in event]
    for line in shown:
        assert "\u202e" not in line  # no override survives
        assert "\u202c" not in line
        plain = line.replace("\\<", "").replace("\\>", "").replace("\\[", "").replace("\\]", "")
        assert "<" not in plain  # no raw HTML
        assert ">" not in plain
        links = plain.count("](")
        assert links == 0 or (links, line[:8]) == (1, "GDELT: [")  # only a source's link
        assert "http://" not in line  # no address to link
        assert "http\\://" not in line
    assert any("News evil wire" in line for line in shown)  # the override's text, as text
    assert RTL_OVERRIDE not in " ".join(shown)
    script = next(line for line in shown if "script" in line and "HYPERLINK" not in line)
    assert script.startswith('\u2068\\<script\\>alert\\("x"\\)\\</script\\> \\*\\*bold\\*\\*')
    formula = next(line for line in shown if "HYPERLINK" in line)
    assert "http\u2060\\://evil\\.example" in formula  # an address stays text, not a link
    assert "\\<img src=x onerror=alert\\(1\\)\\>Meghri" in " ".join(shown)


def test_a_long_note_is_cut_and_shown_whole_on_request(sample: EventStore) -> None:
    del sample
    at = open_app(feature="am-su")
    listing = block(at, "feature-reported-am-su-rows")
    event = next(e for e in listing.children.values() if "Long note begins" in " ".join(texts(e)))
    cut = next(line for line in texts(event) if line.startswith("\u2068Long note begins"))
    assert cut.endswith("…\u2069")
    assert len(cut) < settings.reported_note_chars + 20
    expander = next(n for n in walk(event) if n.type == "expander")
    assert expander.label == "Whole note"
    whole = texts(expander)[0]
    assert whole.endswith("THE END\u2069")
    assert whole.count("x") == LONG_NOTE.count("x")


@pytest.fixture
def many(many_folder: Path, monkeypatch: pytest.MonkeyPatch) -> EventStore:
    monkeypatch.setenv(IMPORTS_DIR_ENV, str(many_folder))
    return open_store(many_folder)


def test_a_listing_is_newest_first_a_page_at_a_time(many: EventStore) -> None:
    by_feature = many.counts_by_feature(EventQuery())
    feature = max(("am", "az", "az-nx", "am-su"), key=lambda fid: by_feature.get(fid, 0))
    total = by_feature[feature]
    size = settings.reported_page_size
    assert total > 2 * size
    expected = [
        (format_date(event.date, format="medium", locale="en"), event.location)
        for event in many.page(EventQuery(feature=feature), limit=total)
    ]
    at = open_app(feature=feature)
    key = f"feature-reported-{feature}"

    def shown() -> list[tuple[str, str | None]]:
        return [
            (event[0].split(" · ")[0].replace("\\", ""), event[1].split(" · ")[0][1:-1])
            for event in rows(at, key)
        ]

    assert shown() == expected[:size]
    days = [dt.datetime.strptime(day, "%b %d, %Y").date() for day, _ in shown()]
    assert days == sorted(days, reverse=True)
    pages = next(widget for widget in at.get("pagination") if widget.key == f"{key}-page")
    pages.set_value(2).run()
    assert shown() == expected[size : 2 * size]


def drawn_cells(at: AppTest) -> list[dict[str, Any]]:
    """The rows of the map's cells layer (deck.gl), as drawn this run."""
    cells: list[dict[str, Any]] = deck_layers(at)[CELLS_LAYER]["data"]
    return cells


@pytest.mark.parametrize("feature", ["meghri", "am-su", "az-nx", None])
def test_a_selected_cell_lists_every_event_its_tooltip_counts_whatever_is_selected(
    sample: EventStore, feature: str | None
) -> None:
    """Neither the map's cells nor a cell's listing is narrowed by the selected feature (a
    place, a region, an autonomous republic): the listing agrees with the cell's count."""
    at = open_app(**({"feature": feature} if feature else {}))
    row = max(drawn_cells(at), key=lambda row: int(row["tooltip"].split()[0]))
    count = int(row["tooltip"].split()[0])
    assert count == sample.count(query("2000-01-01", "2100-01-01", cell=h3.str_to_int(row["id"])))
    at.session_state["cell"] = row["id"]
    at.run()
    heading, where = texts(block(at, "cell-reported"))[:2]
    assert heading == f"**{count} reported events in the selected map cell**"
    # named as its tooltip names it (the tooltip's last line: imported, not reviewed)
    assert where == " · ".join(row["tooltip"].split("\n")[1:-1])
    assert len(rows(at, f"cell-reported-{row['id']}")) == min(count, settings.reported_page_size)
    if feature is not None:  # the feature's own listing gives way to the cell's; its counts stay
        keys = {getattr(n, "key", None) for n in walk(at._tree)}
        assert "feature-reported" in keys or feature == "meghri"  # places have none
        assert f"feature-reported-{feature}-rows" not in keys
    at.button(key="clear-cell").click().run()
    assert at.session_state["cell"] is None
    assert "cell-reported" not in {getattr(n, "key", None) for n in walk(at._tree)}


# -- legend and timeline ----------------------------------------------------------------------


def test_the_legend_explains_the_reported_kinds_while_they_are_drawn(sample: EventStore) -> None:
    del sample
    at = open_app()
    legend = [n.proto.body for n in walk(block(at, "legend-pane")) if n.type == "html"]
    assert len(legend) == 2
    assert "coloured by how many reported events" in legend[1]
    assert "GDELT CAMEO 18\u201320" in legend[1]
    classes = zip(CELL_CLASS_STARTS, CELL_RAMP, CELL_OUTLINES, strict=True)
    for start, fill, line in classes:  # the map's classes, outlined as on the map
        swatch = f'border:1px solid {css(line)};background:{css(fill)}"></span>{start:,}+'
        assert swatch in legend[1]
    at = open_app(sources="geojson")  # no imported source drawn
    legend = [n.proto.body for n in walk(block(at, "legend-pane")) if n.type == "html"]
    assert len(legend) == 1


def timeline_spec(at: AppTest) -> dict[str, Any]:
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    spec: dict[str, Any] = json.loads(charts[0].proto.spec)
    return spec


@pytest.mark.parametrize(
    ("link", "period"),
    [({"from": "2025-01-01", "to": "2025-12-31"}, "week"), ({}, "month")],
)
def test_the_timeline_has_bars_of_reported_events_per_period(
    sample: EventStore, link: dict[str, str], period: str
) -> None:
    at = open_app(**link)
    spec = timeline_spec(at)
    bars, *events = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["y"]["title"] == f"Reported events per {period}"
    assert spec["resolve"]["scale"]["y"] == "independent"
    # a click picks a point, or a bar of a month's, a year's or a lasting event
    assert {param["name"] for param in spec["params"]} == {"picked", "picked_bar", "span"}
    assert [view["mark"]["type"] for view in events] == ["bar", "circle"]
    assert sample.counts_by_period(EventQuery(), period)  # there is something to draw

"""Import stores for the tests of reported events beside the map, filled with real imports.

Every file is in a real layout (ACLED CSV with a header, GDELT 2.0 tab-separated) and goes
through :func:`corridors.reported.importers.import_file`, as ``corridors import`` does.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Final

from corridors.data.catalog import Catalog
from corridors.reported.importers import import_file
from corridors.reported.importers.acled import COLUMNS as ACLED_COLUMNS
from corridors.reported.importers.gdelt import COLUMNS as GDELT_COLUMNS
from corridors.reported.linker import build_linker
from corridors.reported.store import open_store
from corridors.testing.synthetic import write_acled
from support.fixture_imports import import_fixtures

MEGHRI: Final = ("38.9036", "46.2426")

#: Hostile text in imported rows, each of which must be shown as the text it is.
SCRIPT: Final = '<script>alert("x")</script>'
MARKDOWN: Final = "**bold** [click](javascript:alert(1)) ![img](http://evil.example/x.png)"
FORMULA: Final = '=HYPERLINK("http://evil.example","x")'
RTL_OVERRIDE: Final = "\u202eevil\u202c"
LONG_NOTE: Final = "Long note begins. " + "x" * 9_950 + " THE END"
HTML_LOCATION: Final = "<img src=x onerror=alert(1)>Meghri"
BAD_URL: Final = "javascript:alert(document.cookie)"
HOSTILE_URL: Final = "https://evil.example/a)b<script>?q=*x*"


def acled_row(**values: str) -> list[str]:
    """One ACLED export row (codebook columns) at Meghri with ``values`` filled in."""
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_date="2025-08-05",
        year="2025",
        time_precision="1",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        country="Armenia",
        latitude=MEGHRI[0],
        longitude=MEGHRI[1],
        geo_precision="1",
        fatalities="0",
        timestamp="1754956800",
    )
    row.update(values)
    return list(row.values())


def write_hostile_acled(path: Path) -> Path:
    """An ACLED export whose rows carry scripts, markdown, formulas, an RTL override, a
    10,000-character note."""
    rows = [
        acled_row(
            event_id_cnty="HOS1",
            notes=f"{SCRIPT} {MARKDOWN}",
            location=HTML_LOCATION,
            source=FORMULA,
        ),
        acled_row(event_id_cnty="HOS2", notes=LONG_NOTE, source=f"News {RTL_OVERRIDE} wire"),
    ]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(ACLED_COLUMNS)
        writer.writerows(rows)
    return path


def gdelt_row(event_id: str, day: str, url: str, **values: str) -> str:
    """One GDELT 2.0 export line (61 columns) of a protest at Meghri with ``url``, ``values``."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(
        GLOBALEVENTID=event_id,
        SQLDATE=day,
        MonthYear=day[:6],
        Year=day[:4],
        EventCode="141",
        EventBaseCode="141",
        EventRootCode="14",
        ActionGeo_Type="4",
        ActionGeo_FullName="Meghri, Syunik, Armenia",
        ActionGeo_CountryCode="AM",
        ActionGeo_Lat=MEGHRI[0],
        ActionGeo_Long=MEGHRI[1],
        DATEADDED=f"{day}120000",
        SOURCEURL=url,
    )
    row.update(values)
    return "\t".join(row.values())


def write_hostile_gdelt(path: Path) -> Path:
    """A GDELT export whose source URLs are not http(s) or hold markdown and HTML."""
    lines = [
        gdelt_row("1300000001", "20250804", BAD_URL),
        gdelt_row("1300000002", "20250803", HOSTILE_URL),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fill_sample_store(folder: Path, catalog: Catalog, scratch: Path) -> Path:
    """A store holding the ACLED and GDELT fixtures and the hostile rows of both."""
    store, linker = import_fixtures(folder), build_linker(catalog)
    hostile = [
        ("acled", write_hostile_acled(scratch / "hostile_acled.csv")),
        ("gdelt", write_hostile_gdelt(scratch / "20250804000000.export.CSV")),
    ]
    for source, path in hostile:
        import_file(store, source, path, linker=linker)
    return folder


def fill_many_store(folder: Path, catalog: Catalog, scratch: Path, count: int) -> Path:
    """A store holding ``count`` synthetic ACLED events (fixed seed)."""
    path = write_acled(scratch / "synthetic_acled.csv", catalog, count)
    import_file(open_store(folder), "acled", path, linker=build_linker(catalog))
    return path


def fill_precision_store(folder: Path, catalog: Catalog, scratch: Path) -> Path:
    """A store of four events at Meghri, two of them imprecise, one with a script in a field.

    ACLED ``PRE1`` is placed at a regional centre (``geo_precision`` 3) and dated to the week
    (``time_precision`` 2), its location holding :data:`SCRIPT`; ``PRE2`` is exact. GDELT
    ``1400000001`` is placed to the country only (``ActionGeo_Type`` 1) and was added three
    days after the event; ``1400000002`` to a city, added the same day.
    """
    acled = scratch / "precision_acled.csv"
    with acled.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(ACLED_COLUMNS)
        writer.writerow(
            acled_row(
                event_id_cnty="PRE1",
                time_precision="2",
                geo_precision="3",
                location=f"{SCRIPT}Syunik",
                source="Regional wire",
            )
        )
        writer.writerow(acled_row(event_id_cnty="PRE2", source="Town paper"))
    gdelt = scratch / "20250808000000.export.CSV"
    lines = [
        gdelt_row(
            "1400000001",
            "20250805",
            "https://example.org/armenia",
            ActionGeo_Type="1",
            DATEADDED="20250808093000",
        ),
        gdelt_row("1400000002", "20250805", "https://example.org/meghri"),
    ]
    gdelt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store, linker = open_store(folder), build_linker(catalog)
    for source, path in (("acled", acled), ("gdelt", gdelt)):
        import_file(store, source, path, linker=linker)
    return folder

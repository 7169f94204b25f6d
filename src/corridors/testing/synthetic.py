"""Synthetic reported-event files in the real ACLED and GDELT 2.0 layouts (fixed seed).

Shared by the tests and ``benchmarks/scale.py``. The events cluster where the region's
reported events do: half along the corridors (a few km off the line), a third along
Armenia's borders (with Azerbaijan and Nakhchivan above all), the rest spread over the
region. No real data is used: ACLED's terms do not allow redistributing it.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import shapely

from corridors.data.catalog import Catalog
from corridors.data.models import ReportedKind
from corridors.geo.cells import cell_ids
from corridors.reported.importers.acled import COLUMNS as ACLED_COLUMNS
from corridors.reported.importers.gdelt import COLUMNS as GDELT_COLUMNS
from corridors.reported.importers.source_kinds import ACLED_SUB_EVENT_TYPES
from corridors.reported.store import EVENT_SCHEMA, EventStore

_FIRST_DAY = dt.date(2018, 1, 1)
_DAYS = (dt.date(2025, 12, 31) - _FIRST_DAY).days + 1
_BOX = (44.0, 38.4, 50.5, 41.9)  # lon/lat box of the atlas's focus
_ACLED_TYPES = (
    ("Protests", "Peaceful protest"),
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Riots", "Violent demonstration"),
    ("Violence against civilians", "Attack"),
    *(("Strategic developments", sub) for sub in ACLED_SUB_EVENT_TYPES),
)
_NOTES = (
    "Reported exchange of fire along the border; no casualties reported.",
    "Residents protested over the road through the province.",
    "متظاهرون يطالبون بفتح الطريق",  # Arabic
    "Сообщается о перестрелке на границе.",  # Cyrillic  # noqa: RUF001
)
_CAMEO = ("010", "036", "042", "057", "112", "130", "141", "173", "190", "193")


def points(catalog: Catalog, count: int, *, seed: int) -> tuple[npt.NDArray[np.float64], ...]:
    """``count`` (longitude, latitude) pairs clustered along corridors and borders."""
    rng = np.random.default_rng(seed)
    along = count // 2
    border = count // 3
    spread = count - along - border
    lines = [catalog.geometries[corridor.id] for corridor in catalog.corridors]
    borders = catalog.geometries["am"].boundary
    near_lines = _near(rng, lines, along, scale_deg=0.04)
    near_border = _near(rng, [borders], border, scale_deg=0.03)
    anywhere = np.column_stack(
        [rng.uniform(_BOX[0], _BOX[2], spread), rng.uniform(_BOX[1], _BOX[3], spread)]
    )
    every = np.concatenate([near_lines, near_border, anywhere])[rng.permutation(count)]
    return every[:, 0], every[:, 1]


def _near(
    rng: np.random.Generator, lines: list[shapely.Geometry], count: int, *, scale_deg: float
) -> npt.NDArray[np.float64]:
    which = rng.integers(0, len(lines), count)
    fractions = rng.uniform(0, 1, count)
    on_line = shapely.line_interpolate_point(
        np.array(lines, dtype=object)[which], fractions, normalized=True
    )
    xy: npt.NDArray[np.float64] = shapely.get_coordinates(on_line)
    return xy + rng.normal(0, scale_deg, xy.shape)


def _dates(rng: np.random.Generator, count: int) -> list[dt.date]:
    offsets = rng.integers(0, _DAYS, count)
    return [_FIRST_DAY + dt.timedelta(days=int(day)) for day in offsets]


def write_acled(path: Path, catalog: Catalog, count: int, *, seed: int = 12) -> Path:
    """An ACLED CSV export of ``count`` synthetic events (header row, codebook columns)."""
    rng = np.random.default_rng(seed)
    lon, lat = points(catalog, count, seed=seed)
    dates = _dates(rng, count)
    types = rng.integers(0, len(_ACLED_TYPES), count)
    notes = rng.integers(0, len(_NOTES), count)
    fatalities = rng.poisson(0.3, count)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")  # as ACLED's export tool writes
        writer.writerow(ACLED_COLUMNS)
        for index in range(count):
            event_type, sub_type = _ACLED_TYPES[types[index]]
            row = dict.fromkeys(ACLED_COLUMNS, "")
            row.update(
                event_id_cnty=f"SYN{index + 1}",
                event_date=dates[index].isoformat(),
                year=str(dates[index].year),
                time_precision="1",
                event_type=event_type,
                sub_event_type=sub_type,
                actor1="Military Forces of Armenia (2018-)",
                actor2="Military Forces of Azerbaijan (2003-)",
                country="Armenia",
                location=f"Place {index % 500}",
                latitude=f"{lat[index]:.4f}",
                longitude=f"{lon[index]:.4f}",
                geo_precision="1",
                source="Synthetic Wire",
                notes=_NOTES[notes[index]],
                fatalities=str(fatalities[index]),
                timestamp="1754956800",
            )
            writer.writerow(row.values())
    return path


def write_gdelt(
    path: Path, catalog: Catalog, count: int, *, seed: int = 13, zipped: bool = False
) -> Path:
    """A GDELT 2.0 export of ``count`` synthetic events (61 tab-separated columns, no header).

    With ``zipped``, ``path`` is a ``.zip`` holding one member named as GDELT names it.
    """
    rng = np.random.default_rng(seed)
    lon, lat = points(catalog, count, seed=seed)
    dates = _dates(rng, count)
    codes = rng.integers(0, len(_CAMEO), count)
    lines = []
    for index in range(count):
        row = dict.fromkeys(GDELT_COLUMNS, "")
        code = _CAMEO[codes[index]]
        row.update(
            GLOBALEVENTID=str(1_000_000_000 + index),
            SQLDATE=f"{dates[index]:%Y%m%d}",
            EventCode=code,
            EventBaseCode=code,
            EventRootCode=code[:2],
            Actor1Name="ARMENIA",
            Actor2Name="AZERBAIJAN",
            ActionGeo_Type="4",
            ActionGeo_FullName=f"Place {index % 500}",
            ActionGeo_CountryCode="AM",
            ActionGeo_Lat=f"{lat[index]:.4f}",
            ActionGeo_Long=f"{lon[index]:.4f}",
            DATEADDED=f"{dates[index]:%Y%m%d}120000",
            SOURCEURL=f"https://example.org/news/{index}",
        )
        lines.append("\t".join(row.values()) + "\n")
    text = "".join(lines)
    if not zipped:
        path.write_text(text, encoding="utf-8")
        return path
    member = path.name.removesuffix(".zip") if path.name.endswith(".zip") else f"{path.name}.CSV"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, text)
    return path


def fill_store(store: EventStore, catalog: Catalog, count: int, *, seed: int = 14) -> None:
    """Write ``count`` synthetic events straight into ``store`` (no file, no import).

    About half ACLED, half GDELT, dates over 2018-2025, the five reported kinds, placed as
    :func:`points` places them, each with its H3 cell; only the columns the map's counts
    read are filled (a million rows take a few seconds, an import of them half a minute).
    """
    rng = np.random.default_rng(seed)
    lon, lat = points(catalog, count, seed=seed)
    days = rng.integers(0, _DAYS, count).astype("timedelta64[D]")
    kinds = np.array([str(kind) for kind in ReportedKind])
    sources = np.array(["acled", "gdelt"])[rng.integers(0, 2, count)]
    columns = {
        "source": pa.array(sources),
        "event_id": pa.array([f"SYN{index}" for index in range(count)]),
        "date": pa.array(np.datetime64(_FIRST_DAY) + days, type=pa.date32()),
        "kind": pa.array(kinds[rng.integers(0, len(kinds), count)]),
        "latitude": pa.array(lat),
        "longitude": pa.array(lon),
        "cell": cell_ids(lat, lon),
    }
    table = pa.table(
        [columns.get(field.name, pa.nulls(count, field.type)) for field in EVENT_SCHEMA],
        schema=EVENT_SCHEMA,
    )
    for source in ("acled", "gdelt"):
        with store.writer(source=source, file=f"synthetic-{source}") as writer:
            writer.add(table.filter(pa.array(sources == source)))

"""GDELT 2.0 event exports -> event rows.

The layout is the GDELT 2.0 Event Database's export file (codebook V2.0, 2015): tab-
separated, no header, no quoting, 61 columns (:data:`COLUMNS`), published every 15 minutes
as ``YYYYMMDDHHMMSS.export.CSV.zip`` holding one ``.export.CSV`` member. An event is placed
at its ActionGeo point; a row without one cannot be placed and is reported. A line longer
than :data:`settings.max_import_line_chars` is read in pieces, keeping at most the start of
each field past :data:`settings.max_import_field_chars` (so that the row is reported with
that field) and one field past the layout's 61: it costs no more memory than a real row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import numpy as np

from corridors.core import settings
from corridors.data.models import ReportedPrecision, ReportedSource
from corridors.reported.importers._checks import ColumnChecker, RawColumns, raw_chunks
from corridors.reported.importers._opening import OpenedFile
from corridors.reported.importers._text import line_pieces
from corridors.reported.importers.rows import Chunk, RowProblemKind
from corridors.reported.importers.source_kinds import GDELT_ROOT_CODES, ReportedKind

SOURCE: Final = ReportedSource.GDELT
#: Members of a zip archive this importer reads (GDELT names them ``*.export.CSV``).
SUFFIXES: Final = (".csv", ".tsv", ".txt")

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of a GDELT 2.0 event export, in codebook order.
COLUMNS: Final = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{part}" for part in _ACTOR),
    *(f"Actor2{part}" for part in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{part}" for part in _GEO),
    *(f"Actor2Geo_{part}" for part in _GEO),
    *(f"ActionGeo_{part}" for part in _GEO),
    "DATEADDED",
    "SOURCEURL",
)

#: ``DATEADDED`` as GDELT 2.0 (to the second, UTC) and 1.0 (the day) write it.
DATE_ADDED_FORMATS: Final = ("%Y%m%d%H%M%S", "%Y%m%d")

#: Store column <- GDELT column.
MAPPING: Final = {
    "event_id": "GLOBALEVENTID",
    "date": "SQLDATE",  # the day the event happened
    "date_added": "DATEADDED",  # the day GDELT added the row (may be later)
    "changed_at": "DATEADDED",  # ... and its time (UTC): GDELT never revises a row
    "kind": "EventRootCode",
    "event_type": "EventCode",  # the CAMEO code, e.g. "190"
    "latitude": "ActionGeo_Lat",
    "longitude": "ActionGeo_Long",
    "geo_precision": "ActionGeo_Type",
    "location": "ActionGeo_FullName",
    "country": "ActionGeo_CountryCode",  # FIPS 10-4
    "actor1": "Actor1Name",
    "actor2": "Actor2Name",
    "url": "SOURCEURL",
}
#: GDELT columns not kept: the other actor and geography codes, the derived dates, and the
#: coding scores (the atlas lists reports; it does not weigh them).
NOT_KEPT: Final = tuple(name for name in COLUMNS if name not in MAPPING.values())

_POSITIONS: Final[dict[str, int | None]] = {
    name: COLUMNS.index(name) + 1 for name in MAPPING.values()
}


def read_gdelt(opened: OpenedFile) -> Iterator[Chunk]:
    """The rows of a GDELT 2.0 export, chunk by chunk, with the problems of the bad ones."""
    records = _records(line_pieces(opened.stream, opened.label))
    for raw in raw_chunks(records, label=opened.label, names=COLUMNS, positions=_POSITIONS):
        yield _checked(raw)


def _records(pieces: Iterator[tuple[str, bool]]) -> Iterator[tuple[int, list[str]]]:
    """``(line, fields)`` of each non-empty line: tab-separated, no quoting."""
    for number, (piece, ends) in enumerate(pieces, start=1):  # a line's other pieces are
        fields = piece.rstrip("\r\n").split("\t") if ends else _long_line(piece, pieces)
        if fields != [""]:
            yield number, fields  # read by _long_line from ``pieces`` itself, so not counted


def _long_line(first: str, rest: Iterator[tuple[str, bool]]) -> list[str]:
    """The fields of a line given in pieces, each cut one character past the field limit."""
    fields = _CutFields(most=len(COLUMNS) + 1, longest=settings.max_import_field_chars + 1)
    fields.add(first)
    for piece, ends in rest:
        fields.add(piece)
        if ends:
            break
    return fields.done()


class _CutFields:
    """Tab-separated fields read piece by piece, keeping ``most`` fields of ``longest`` chars."""

    def __init__(self, *, most: int, longest: int) -> None:
        self._fields = [""]
        self._most = most
        self._longest = longest

    def add(self, piece: str) -> None:
        """Add the next piece of the line."""
        first, *others = piece.split("\t")
        self._extend(first)
        for part in others[: max(0, self._most - len(self._fields))]:
            self._fields.append("")
            self._extend(part)

    def _extend(self, part: str) -> None:
        last = self._fields[-1]
        if len(last) < self._longest:
            self._fields[-1] = (last + part[: self._longest])[: self._longest]

    def done(self) -> list[str]:
        """The fields, the line end removed from the last one."""
        self._fields[-1] = self._fields[-1].rstrip("\r\n")
        return self._fields


def _checked(raw: RawColumns) -> Chunk:
    check = ColumnChecker(raw)
    root_codes = check.text("EventRootCode")
    event_ids = check.text("GLOBALEVENTID", required=True)
    not_numeric = [value is not None and not value.isdigit() for value in event_ids]
    check.flag(
        np.array(not_numeric, dtype=bool),
        "GLOBALEVENTID",
        RowProblemKind.INVALID_VALUE,
        "{value} is not an id",
    )
    added = check.moment("DATEADDED", DATE_ADDED_FORMATS, required=False)
    columns: dict[str, object] = {
        "source": [SOURCE] * len(raw),
        "event_id": event_ids,
        "date": check.date("SQLDATE", ("%Y%m%d",)),
        "precision": [str(ReportedPrecision.DAY)] * len(raw),
        "date_added": added.astype("datetime64[D]"),
        "kind": [str(GDELT_ROOT_CODES.get(code or "", ReportedKind.OTHER)) for code in root_codes],
        "event_type": check.text("EventCode"),
        "latitude": check.number("ActionGeo_Lat", low=-90, high=90, required=True),
        "longitude": check.number("ActionGeo_Long", low=-180, high=180, required=True),
        "geo_precision": check.integer("ActionGeo_Type", low=0, high=5),
        "location": check.text("ActionGeo_FullName"),
        "country": check.text("ActionGeo_CountryCode"),
        "actor1": check.text("Actor1Name"),
        "actor2": check.text("Actor2Name"),
        "fatalities": [None] * len(raw),
        "source_name": [None] * len(raw),
        "url": check.text("SOURCEURL"),
        "notes": [None] * len(raw),
        "changed_at": added,
    }
    return check.chunk(columns)

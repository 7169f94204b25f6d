"""Hostile articles: small inputs that once made ingest run for minutes or days.

Shared by the ingest tests and ``benchmarks/ingest_hostile.py``.
Each pattern repeats a short unit up to a size in bytes: runs of day numbers, of month
names, of place and person names (in English and in Arabic), dates by the thousand, and a
saved HTML page holding one long table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: The publication date the articles are read with (so that dates without a year count).
PUBLISHED = "2025-09-01"

_TABLE_ROW = "<tr><td>8</td><td>May</td></tr>\n"


@dataclass(frozen=True)
class Hostile:
    """A hostile article: its file suffix and how to build it at a given size."""

    suffix: str
    build: Callable[[int], bytes]


def repeated(unit: str) -> Callable[[int], bytes]:
    """A builder of ``unit`` repeated up to ``size`` bytes of UTF-8."""

    def build(size: int) -> bytes:
        encoded = unit.encode("utf-8")
        return encoded * max(size // len(encoded), 1)

    return build


def table_page(size: int) -> bytes:
    """A saved page: a short article then one table of about ``size`` bytes."""
    rows = _TABLE_ROW * max(size // len(_TABLE_ROW), 1)
    page = (
        "<!doctype html><html><head><title>Rail link to Nakhchivan</title></head><body>"
        "<article><h1>Rail link to Nakhchivan</h1>"
        "<p>Azerbaijan and Armenia agreed on 8 August 2025 in Washington to open the "
        "rail link through Syunik, the officials said on Friday.</p>"
        f"<table>{rows}</table></article></body></html>"
    )
    return page.encode("utf-8")


CASES: dict[str, Hostile] = {
    "day runs": Hostile(".txt", repeated("8 ")),
    "day runs (ar)": Hostile(".txt", repeated("٨ و٨ ")),
    "month runs": Hostile(".txt", repeated("May ")),
    "month runs (ar)": Hostile(".txt", repeated("أيار ")),
    "names": Hostile(".txt", repeated("Armenia Aliyev ")),
    "names (ar)": Hostile(".txt", repeated("أرمينيا علييف ")),
    "dates": Hostile(".txt", repeated("8 May 2025, ")),
    "dates (ar)": Hostile(".txt", repeated("٨ و٩ أيار ٢٠٢٥، ")),
    "html table": Hostile(".html", table_page),
}

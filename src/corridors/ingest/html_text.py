"""The text and metadata of a saved HTML page, by trafilatura, in a process of its own.

Run as ``python -m corridors.ingest.html_text``: reads the page's bytes on standard input
and writes ``{"text", "title", "date"}`` as JSON on standard output. The reader
(:mod:`~corridors.ingest.reading`) starts it with a wall-clock limit and stops it there:
trafilatura is slower than linear on some pages (thousands of links or spans in one
paragraph: 30,000 spans, 450 KB, took 9 minutes), and a thread cannot be stopped.
Nothing here fetches anything.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import trafilatura


def extract(raw: bytes) -> dict[str, Any]:
    """The article text, title and date (``None`` when not found) of the page ``raw``."""
    document = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return {
        name: str(value) if (value := getattr(document, name, None)) else None
        for name in ("text", "title", "date")
    }


def main() -> None:
    """Read a page on standard input, write what :func:`extract` found as JSON."""
    json.dump(extract(sys.stdin.buffer.read()), sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()

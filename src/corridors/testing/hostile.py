"""Hostile or mistyped data directories, written as raw text: shared by tests and benchmarks.

Each builder breaks a copy of the bundled data directory in place. The text is written
by hand, not through a YAML or JSON dumper that would quote or escape it.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path

Breaker = Callable[[Path], None]


def replace_text(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a text file (which must contain it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def unquoted_impossible_date(data: Path) -> None:
    """``date: 2025-02-30`` typed by hand: YAML would make it a date object and fail."""
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    quoted = next(line for line in text.splitlines() if line.strip().startswith('date: "'))
    replace_text(events, quoted, quoted.split("date:")[0] + "date: 2025-02-30")


def deep_json(data: Path) -> None:
    """``[`` nested 100,000 deep in place of a GeoJSON file."""
    (data / "regions.geojson").write_text("[" * 100_000, encoding="utf-8")


def deep_yaml(data: Path) -> None:
    """``[`` nested 100,000 deep in place of a YAML file."""
    (data / "places.yaml").write_text("[" * 100_000, encoding="utf-8")


def huge_integer_yaml(data: Path) -> None:
    """A 5,000-digit integer in a YAML record (over Python's integer-string limit)."""
    replace_text(
        data / "corridors.yaml",
        "\n  length_km: ",
        "\n  length_km: " + "9" * 5_000 + "\n  old_length_km: ",
    )


def huge_integer_json(data: Path) -> None:
    """A 5,000-digit integer in a GeoJSON file."""
    replace_text(data / "regions.geojson", "[", "[" + "1" * 5_000 + ", ")


def alias_chain(data: Path, levels: int = 8) -> None:
    """An event whose date is a chain of YAML aliases (under 1 KB, ninefold per level)."""
    lines = ["- id: laughs", '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels + 1)]
    lines.append(f"  date: *a{levels}")
    events = data / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + "\n".join(lines) + "\n", "utf-8")


def fifo(data: Path) -> None:
    """A named pipe in place of ``events.yaml``: opening it blocks forever."""
    (data / "events.yaml").unlink()
    os.mkfifo(data / "events.yaml")


def symlink_to_dev_zero(data: Path) -> None:
    """``events.yaml`` is a link to an endless device."""
    (data / "events.yaml").unlink()
    (data / "events.yaml").symlink_to("/dev/zero")


def symlink_out(data: Path, secret: str = "root:x:0:0:secret-first-line") -> None:
    """``events.yaml`` is a link to a file outside the data directory."""
    outside = data.parent / "outside.txt"
    outside.write_text(f"{secret}\nmore\n", encoding="utf-8")
    (data / "events.yaml").unlink()
    (data / "events.yaml").symlink_to(outside)


def big_valid_yaml(data: Path, megabytes: int = 50) -> None:
    """A valid ``events.yaml`` of about ``megabytes`` MB (the bundled one is 76 KB)."""
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    copies = megabytes * 1_000_000 // len(text) + 1
    records = text.split("\n- id: ")
    body = [
        f"- id: copy{n}-{record}" if i else record
        for n in range(copies)
        for i, record in enumerate(records)
        if i or n == 0
    ]
    events.write_text("\n".join(body), encoding="utf-8")


def huge_polygon(data: Path, vertices: int = 60_000) -> None:
    """A region polygon with ``vertices`` vertices (the bundled ones have a few thousand)."""
    regions = data / "regions.geojson"
    collection = json.loads(regions.read_text(encoding="utf-8"))
    ring = [
        [round(45 + 0.1 * math.cos(2 * math.pi * i / vertices), 6),
         round(39 + 0.1 * math.sin(2 * math.pi * i / vertices), 6)]
        for i in range(vertices)
    ]  # fmt: skip
    ring.append(ring[0])
    collection["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [ring]}
    regions.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")


def bad_records(data: Path, count: int = 20_000) -> None:
    """``count`` records with an impossible date each."""
    bad = "".join(f"- id: bad-{n}\n  date: 2025-02-30\n" for n in range(count))
    (data / "events.yaml").write_text(bad, encoding="utf-8")


#: Every hostile directory, by name.
CASES: dict[str, Breaker] = {
    "unquoted impossible date": unquoted_impossible_date,
    "[ nested 100,000 deep (GeoJSON)": deep_json,
    "[ nested 100,000 deep (YAML)": deep_yaml,
    "5,000-digit integer (YAML)": huge_integer_yaml,
    "5,000-digit integer (GeoJSON)": huge_integer_json,
    "alias chain, 8 levels": alias_chain,
    "FIFO for events.yaml": fifo,
    "symlink to /dev/zero": symlink_to_dev_zero,
    "symlink out of the directory": symlink_out,
    "50 MB valid YAML": big_valid_yaml,
    "polygon of 60,000 vertices": huge_polygon,
    "20,000 bad records": bad_records,
}

"""`corridors --help` loads none of the heavy or optional parts: each command loads its own."""

from __future__ import annotations

import json
import subprocess
import sys

#: What only some commands need (article reading, the store, cells, maps, geometry, tables).
HEAVY = ("trafilatura", "duckdb", "h3", "folium", "pydeck", "geopandas", "shapely", "pandas")

PROBE = """
import contextlib, io, json, sys
from corridors.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--help"])
print(json.dumps(sorted(name.partition(".")[0] for name in sys.modules)))
"""


def test_help_loads_no_heavy_module() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(done.stdout))
    assert "corridors" in loaded
    assert sorted(loaded.intersection(HEAVY)) == []

"""What the app serves at /app/static/: only the file types the dashboard needs.

Anything under static/ is served from the app's own origin: an HTML, SVG or script file
placed there would run with the app's cookies and could drive its websocket.
"""

from __future__ import annotations

from pathlib import Path

from corridors.core.assets import static_dir

#: Suffix -> what needs it. Images are PNG only (an SVG can carry script).
ALLOWED_SUFFIXES = {
    ".json": "the deck.gl basemap styles (MapLibre)",
    ".css": "Leaflet's style sheet",
    ".png": "Leaflet's marker and layer-control images",
    ".txt": "Leaflet's licence",
    ".js": "Leaflet itself, and nothing else (see SCRIPTS)",
}
SCRIPTS = {"leaflet/leaflet.js"}


def served_files() -> list[str]:
    root = static_dir()
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())


def test_static_holds_only_the_file_types_the_app_needs() -> None:
    unexpected = [name for name in served_files() if Path(name).suffix not in ALLOWED_SUFFIXES]
    assert unexpected == []


def test_the_only_script_served_is_leaflet() -> None:
    assert {name for name in served_files() if name.endswith(".js")} == SCRIPTS


def test_nothing_hidden_or_linked_is_served() -> None:
    root = static_dir()
    assert [path for path in root.rglob("*") if path.is_symlink()] == []
    hidden = [name for name in served_files() if any(p.startswith(".") for p in name.split("/"))]
    assert hidden == []


def test_the_files_the_app_links_to_are_there() -> None:
    assert {
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "basemap-bundled.json",
        "basemap-osm.json",
        "basemap-carto.json",
    } <= set(served_files())

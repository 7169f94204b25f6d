"""Every limit and size lives in ``core/settings``: no other module defines one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import corridors

PACKAGE = Path(corridors.__file__).parent
#: The homes: of limits and sizes, and of drawing styles (line widths, colours).
HOMES = {PACKAGE / "core" / "settings.py", PACKAGE / "render" / "styles.py"}
#: Names that say a number is a limit or a size.
LIMIT_NAME = re.compile(r"(^|_)(MAX|MIN|SIZE|HEIGHT|WIDTH|LENGTH|PX|CHARS|LIMIT|PAGE)(_|$)")
#: Numbers named like limits that are facts, not settings.
FACTS = {
    ("geo/camera.py", "TILE_SIZE"),  # a web map's tile, 256 px at every zoom (Leaflet, OSM)
    ("render/reported_layer.py", "MAX_LATITUDE"),  # where Web Mercator stops
    ("render/deck/builder.py", "LABEL_SIZE"),  # a style of the deck.gl labels, beside the font
}


def _numeric_constants(path: Path) -> list[str]:
    """The module-level names of ``path`` bound to a plain number."""
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if isinstance(value, ast.Constant) and type(value.value) in (int, float):
            names += [target.id for target in targets if isinstance(target, ast.Name)]
    return names


def test_no_limit_or_size_outside_settings() -> None:
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}: {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in HOMES
        for name in _numeric_constants(path)
        if LIMIT_NAME.search(name.lstrip("_").upper())
        and (path.relative_to(PACKAGE).as_posix(), name) not in FACTS
    ]
    assert found == []


def test_the_scan_sees_a_limit(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text("MAP_HEIGHT: Final = 420\n_MAX_ROWS = 3\nNAME = 'x'\nLIMITS = (1, 2)\n")
    assert _numeric_constants(module) == ["MAP_HEIGHT", "_MAX_ROWS"]

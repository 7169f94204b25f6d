"""Every limit and size lives in ``core/settings``: no other module defines one."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import corridors
from corridors.core import environment

PACKAGE = Path(corridors.__file__).parent
#: The homes: of limits and sizes, and of drawing styles (line widths, colours).
HOMES = {PACKAGE / "core" / "settings.py", PACKAGE / "render" / "styles.py"}
#: Names that say a number is a limit or a size.
LIMIT_NAME = re.compile(r"(^|_)(MAX|MIN|SIZE|HEIGHT|WIDTH|LENGTH|PX|CHARS|LIMIT|PAGE)(_|$)")
#: Numbers named like limits that are facts, not settings.
FACTS = {
    ("geo/camera.py", "TILE_SIZE"),  # a web map's tile, 256 px at every zoom (Leaflet, OSM)
    ("render/reported_layer.py", "MAX_LATITUDE"),  # where Web Mercator stops
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


#: What reads the process environment: ``os.environ`` and its kin.
ENVIRONMENT_READERS = frozenset({"environ", "environb", "getenv", "getenvb"})


def _environment_reads(source: str) -> list[int]:
    """The lines of ``source`` that touch ``os.environ`` (or ``getenv``), however imported."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT_READERS:
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            lines += [node.lineno for alias in node.names if alias.name in ENVIRONMENT_READERS]
    return sorted(lines)


def test_only_core_environment_reads_the_environment() -> None:
    home = PACKAGE / "core" / "environment.py"
    found = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != home and (lines := _environment_reads(path.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert _environment_reads(home.read_text(encoding="utf-8"))


def test_the_environment_scan_sees_every_spelling() -> None:
    source = "import os\nfrom os import getenv\nos.environ.get('A')\nos.getenv('B')\n"
    assert _environment_reads(source) == [2, 3, 4]


def test_every_variable_named_in_the_package_is_one_of_environment() -> None:
    named = {
        word
        for path in PACKAGE.rglob("*.py")
        for word in re.findall(r"\bCORRIDORS_[A-Z_]+\b", path.read_text(encoding="utf-8"))
    }
    assert named == set(environment.VARIABLES)

"""The architecture's rules, checked: import contracts, private modules, the tree's shape."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from support.paths import REPOSITORY, TESTS

PACKAGE = REPOSITORY / "src" / "corridors"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(package_parent: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=REPOSITORY,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_import_contract_is_kept():
    result = _lint_imports(REPOSITORY / "src")
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/errors.py", "import corridors.data.models", "core imports nothing else"),
        ("data/catalog.py", "import streamlit", "Only the UI imports streamlit"),
        ("render/scene.py", "import corridors.links.view_state", "Renderers import no UI"),
        ("ui/common/safe.py", "import corridors.ingest.reading", "reaches ingest only"),
        ("geo/cells.py", "import duckdb", "DuckDB only behind"),
    ],
)
def test_an_import_that_breaks_a_contract_fails_the_check(tmp_path, module, line, contract):
    copy = tmp_path / "corridors"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n", "utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert contract in result.stdout.split("Broken contracts")[-1]


def _inside(module: str, folder: str) -> bool:
    return module == folder or module.startswith(f"{folder}.")


def test_a_private_module_is_imported_only_inside_its_folder():
    graph = grimp.build_graph("corridors")
    leaks = [
        (importer, private)
        for private in graph.modules
        if private.rsplit(".", 1)[-1].startswith("_") and not private.endswith("__")
        for importer in graph.find_modules_that_directly_import(private)
        if not _inside(importer, private.rsplit(".", 1)[0])
    ]
    assert leaks == []


def test_the_root_package_keeps_only_its_map_and_a_few_cross_cutting_modules():
    files = sorted(path.name for path in PACKAGE.iterdir() if path.is_file())
    assert len(files) <= 8, files
    assert {"__init__.py", "__main__.py", "atlas.py"} <= set(files)


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)  # relative ones too: ``from .test_x import``
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_test_module_imports_another_test_module_or_a_conftest():
    offenders = {
        str(path.relative_to(TESTS)): sorted(
            name
            for name in _imported_names(path)
            if name.split(".")[-1].startswith(("test_", "conftest"))
        )
        for path in TESTS.rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_benchmarks_import_no_test_files():
    for path in (REPOSITORY / "benchmarks").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sys.path" not in text, path.name
        assert not {"support", "tests", "conftest"} & {
            name.split(".")[0] for name in _imported_names(path)
        }, path.name

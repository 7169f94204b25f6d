"""The wheel, installed (not editable) in a fresh environment, validates and serves offline.

The wheel is built from a copy of the sources, without network (no build isolation,
no index). The fresh environment gets the wheel alone (``--no-deps``); its dependencies
come from the checkout's environment through a path file, so the install is offline and
fast, while ``corridors`` itself can only come from the wheel: the checkout's editable
install is not activated there (its path file is not read), and nothing runs in the
checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from corridors.core.environment import DATA_DIR_ENV
from corridors.testing.browser import Dashboard, host_of
from corridors.testing.server import app_server
from support.paths import REPOSITORY as ROOT
from support.probes import host_config, sets_xsrf_cookie, upload_status_without_token

pytestmark = pytest.mark.e2e

#: What a wheel is built from (what an sdist or a clean clone holds of the project).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "src", "geodata")
BUILD_LITTER = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")
PUBLISHER = "https://atlas.example.org"
STEP_TIMEOUT = 120  # s, for each build or install step on a busy two-core machine


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command, failing with its output; return its standard output."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def clean_env() -> dict[str, str]:
    """This process's environment without a data directory override."""
    return {key: value for key, value in os.environ.items() if key != DATA_DIR_ENV}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=BUILD_LITTER)
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    run([*pip_wheel, "--no-index", "--wheel-dir", str(out), str(source)], cwd=source)
    [built] = out.glob("corridors-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed; its directory."""
    root = tmp_path_factory.mktemp("env") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(root)], cwd=root.parent)
    python = str(root / "bin" / "python")
    purelib = run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=root
    )
    dependencies = sysconfig.get_paths()["purelib"]  # this checkout's environment
    (Path(purelib.strip()) / "checkout_dependencies.pth").write_text(dependencies + "\n")
    install = [python, "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed"]
    run([*install, str(wheel)], cwd=root)
    return root


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory outside the checkout."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture(scope="module")
def installed_server(
    venv: Path, elsewhere: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int]]:
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with app_server(
        log,
        corridors=[str(venv / "bin" / "corridors")],
        cwd=elsewhere,
        serve_options=[f"--allowed-origin={PUBLISHER}"],
    ) as server:
        yield server.url, server.pid


def test_the_wheel_holds_every_module_and_data_file(wheel: Path) -> None:
    def files(folder: Path) -> set[str]:
        return {
            path.relative_to(folder).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }

    expected = {f"corridors/{name}" for name in files(ROOT / "src" / "corridors")}
    expected |= {f"corridors/geodata/{name}" for name in files(ROOT / "geodata")}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [metadata] = [name for name in names if name.endswith(".dist-info/METADATA")]
        headers = archive.read(metadata).decode()
    assert sorted(expected - names) == []
    assert "License-Expression: MIT AND BSD-2-Clause" in headers.splitlines()


def test_the_installed_package_finds_its_data_and_validates_it(venv: Path, elsewhere: Path) -> None:
    where = run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import corridors.core.assets as a, corridors.core.datasets as d; "
            "print(a.main_script()); print(d.data_dir())",
        ],
        cwd=elsewhere,
        env=clean_env(),
    )
    script, data = (Path(line) for line in where.split())
    assert script.is_relative_to(venv)
    assert script.is_file()
    assert data.is_relative_to(venv)
    assert (data / "events.yaml").is_file()
    run([str(venv / "bin" / "corridors"), "validate"], cwd=elsewhere, env=clean_env())


def test_the_installed_package_serves_the_map_offline_with_its_settings(
    installed_server: tuple[str, int], venv: Path, page: Page
) -> None:
    url, pid = installed_server
    assert Path(f"/proc/{pid}/cwd").resolve().is_relative_to(venv)  # the installed site
    dashboard = Dashboard(page, url)
    dashboard.open()
    dashboard.wait_for_deck_drawn()
    assert {host_of(request) for request in dashboard.requested} <= {"127.0.0.1", None}
    with urllib.request.urlopen(f"{url}app/static/leaflet/leaflet.js") as response:
        assert response.status == 200
    assert sets_xsrf_cookie(url)
    assert upload_status_without_token(url) == 403
    assert host_config(url)["allowedOrigins"] == [PUBLISHER]

"""`corridors serve`: the Streamlit command it runs, where, and with which settings."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from corridors.cli.main import main
from corridors.core.assets import main_script, site_dir, static_dir, streamlit_config
from corridors.core.environment import DATA_DIR_ENV
from support.replaced_process import Exec, ReplacedError


def serve(*args: str) -> None:
    with pytest.raises(ReplacedError):
        main(["serve", *args])


def test_runs_the_installed_script_where_its_settings_and_static_files_are(
    executed: Exec,
) -> None:
    serve()
    assert executed.argv[:5] == [sys.executable, "-m", "streamlit", "run", str(main_script())]
    assert executed.cwd == site_dir()
    assert streamlit_config() == site_dir() / ".streamlit" / "config.toml"  # read from cwd
    assert static_dir() == main_script().parent / "static"  # served beside the script


def test_listens_on_loopback_by_default(executed: Exec) -> None:
    serve()
    assert "--server.address=127.0.0.1" in executed.argv
    assert "--server.port=8501" in executed.argv
    settings = tomllib.loads(streamlit_config().read_text(encoding="utf-8"))
    assert settings["server"]["address"] == "127.0.0.1"  # `streamlit run` alone, too
    assert settings["server"]["allowedHosts"] == ["localhost", "127.0.0.1"]


def test_port_address_origins_and_streamlit_options_are_forwarded(executed: Exec) -> None:
    serve(
        "--port=9000",
        "--address=0.0.0.0",
        "--allowed-origin=https://atlas.example.org",
        "--allowed-origin=https://news.example.com",
        "--allowed-host=atlas.example.org",
        "--",
        "--server.maxMessageSize=20",
    )
    assert executed.argv[5:] == [
        "--server.port=9000",
        "--server.address=0.0.0.0",
        "--client.allowedOrigins=https://atlas.example.org",
        "--client.allowedOrigins=https://news.example.com",
        "--server.allowedHosts=atlas.example.org",
        "--server.maxMessageSize=20",
    ]


def test_no_origin_may_embed_the_app_by_default(executed: Exec) -> None:
    serve()
    assert not [arg for arg in executed.argv if "allowedOrigins" in arg]
    settings = tomllib.loads(streamlit_config().read_text(encoding="utf-8"))
    assert settings["client"]["allowedOrigins"] == []


def test_a_relative_data_directory_is_resolved_before_moving(
    executed: Exec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "mydata")
    serve()
    assert executed.env[DATA_DIR_ENV] == str(Path.cwd().resolve() / "mydata")

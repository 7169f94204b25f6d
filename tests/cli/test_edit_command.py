"""`corridors edit` (the draft editor's server) and `corridors serve --show-drafts`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corridors.cli.edit import is_loopback
from corridors.cli.main import main
from corridors.core.assets import editor_script, main_script, site_dir
from corridors.core.environment import DATA_DIR_ENV, SHOW_DRAFTS_ENV
from support.replaced_process import Exec, ReplacedError


def run(*args: str) -> None:
    with pytest.raises(ReplacedError):
        main(list(args))


def test_edit_runs_the_editor_script_on_loopback_with_the_sites_settings(
    executed: Exec, capsys: pytest.CaptureFixture[str]
) -> None:
    run("edit")
    assert executed.argv[:5] == [sys.executable, "-m", "streamlit", "run", str(editor_script())]
    assert editor_script() != main_script()
    assert executed.cwd == site_dir()  # .streamlit/config.toml: XSRF, CORS, hosts ...
    assert executed.argv[5:] == [
        "--server.port=8502",
        "--server.address=127.0.0.1",
        "--server.maxUploadSize=5",  # an article file may be 5 MB (settings)
    ]
    assert "warning" not in capsys.readouterr().out


def test_edit_on_another_address_warns(executed: Exec, capsys: pytest.CaptureFixture[str]) -> None:
    run("edit", "--address=0.0.0.0", "--port=9100", "--allowed-host=edit.example.org")
    assert "--server.address=0.0.0.0" in executed.argv
    assert "--server.allowedHosts=edit.example.org" in executed.argv
    out = " ".join(capsys.readouterr().out.split())
    assert "warning: the editor writes to the data directory and has no sign-in" in out
    assert "on 0.0.0.0 anyone who can reach this address can change the catalogue" in out


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("::", False),
        ("editor.example.org", False),
    ],
)
def test_loopback_addresses(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


def test_the_editor_never_shows_drafts_as_the_public_app_would(
    executed: Exec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SHOW_DRAFTS_ENV, "1")
    monkeypatch.setenv(DATA_DIR_ENV, "mydata")
    run("edit")
    assert SHOW_DRAFTS_ENV not in executed.env
    assert executed.env[DATA_DIR_ENV] == str(Path.cwd().resolve() / "mydata")


def test_serve_shows_drafts_only_when_asked(executed: Exec) -> None:
    run("serve")
    assert SHOW_DRAFTS_ENV not in executed.env
    run("serve", "--show-drafts")
    assert executed.env[SHOW_DRAFTS_ENV] == "1"
    assert executed.argv[4] == str(main_script())


@pytest.mark.parametrize(
    ("command", "options", "own"),
    [
        ("edit", ["--server.address=0.0.0.0"], "--address"),
        ("edit", ["--server.address", "0.0.0.0"], "--address"),
        ("edit", ["--server.port=80"], "--port"),
        ("edit", ["--server.allowedHosts=evil.example.org"], "--allowed-host"),
        ("serve", ["--server.address=0.0.0.0"], "--address"),
        ("serve", ["--client.allowedOrigins=https://evil.example.org"], "--allowed-origin"),
    ],
)
def test_streamlit_options_may_not_override_the_commands_own(
    executed: Exec, capsys: pytest.CaptureFixture[str], command: str, options: list[str], own: str
) -> None:
    assert main([command, "--", *options]) == 2
    assert executed.argv == []  # refused: streamlit is not started
    out = " ".join(capsys.readouterr().out.split())
    assert f"error: {options[0].split('=')[0]} is set by the command's {own} option" in out
    assert "warning" not in out


def test_other_streamlit_options_are_passed_on(executed: Exec) -> None:
    run("edit", "--", "--server.maxMessageSize=20", "--server.headless=true")
    assert executed.argv[-2:] == ["--server.maxMessageSize=20", "--server.headless=true"]

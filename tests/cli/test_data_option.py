"""The data directory is ``--data DIR`` on every command; the old spellings still work."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import pytest

import corridors.cli
from corridors.cli._common import settle_data
from corridors.cli.main import _parser, main
from corridors.core.environment import DATA_DIR_ENV
from support.replaced_process import Exec, ReplacedError

#: Every command (and action) that reads or writes a data directory, with its other arguments.
COMMANDS = (
    ["validate"],
    ["build-geodata", "admin1.json"],
    ["build-water", "ne"],
    ["export", "csv", "out.csv"],
    ["serve"],
    ["edit"],
    ["import", "acled", "events.csv"],
    ["imports"],
    ["imports", "remove", "acled"],
    ["ingest", "article.txt"],
    ["drafts"],
    ["drafts", "drop", "some-draft"],
    ["publish", "some-draft"],
)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = _parser()
    return parser.parse_args(argv)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_takes_data_dir(command: list[str]) -> None:
    assert _parse([*command, "--data", "folder"]).data == Path("folder")
    assert _parse(command).data is None  # the default: $CORRIDORS_DATA_DIR, else bundled


def test_an_action_takes_data_on_either_side() -> None:
    before = _parse(["drafts", "--data", "folder", "drop", "some-draft"])
    after = _parse(["imports", "remove", "acled", "--data", "folder"])
    assert before.data == after.data == Path("folder")


def test_data_is_declared_once_in_the_cli() -> None:
    folder = Path(corridors.cli.__file__).parent
    declared = [
        path.name
        for path in sorted(folder.glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value == "--data"
    ]
    assert declared == ["_common.py"]


def test_validate_with_a_directory_argument_still_works_with_a_note(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_copy / "events.yaml").write_text("- id: x\n", encoding="utf-8")
    assert main(["validate", str(data_copy)]) == 1  # it read that directory, not the bundled
    captured = capsys.readouterr()
    assert str(data_copy) in captured.out
    assert "corridors validate DIR is deprecated; use --data DIR" in captured.err


@pytest.mark.parametrize("command", ["build-geodata", "build-water"])
def test_build_with_out_still_works_with_a_note(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = _parser()
    args = parser.parse_args([command, "source", "--out", "folder"])
    settle_data(parser, args)
    assert args.data == Path("folder")
    assert f"corridors {command} --out DIR is deprecated; use --data DIR" in capsys.readouterr().err


def test_the_new_spelling_prints_no_note(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--data", str(data_copy)]) == 0
    assert capsys.readouterr().err == ""


def test_both_spellings_at_once_are_refused(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["validate", str(data_copy), "--data", str(data_copy)])
    assert stop.value.code == 2
    assert "given twice" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["serve", "edit"])
def test_serve_and_edit_pass_data_to_the_app(
    command: str, executed: Exec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, "elsewhere")
    with pytest.raises(ReplacedError):
        main([command, "--data", "mydata"])
    assert executed.env[DATA_DIR_ENV] == str(Path.cwd().resolve() / "mydata")

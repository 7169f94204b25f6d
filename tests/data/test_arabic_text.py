"""The Arabic of the bundled data and the interface: one digit system, one spelling."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import corridors.i18n
from corridors.core.datasets import data_dir
from corridors.data.catalog import Catalog

#: Eastern Arabic-Indic and Persian digits, and the Arabic percent, decimal and thousands signs.
EASTERN = re.compile("[\u0660-\u0669\u06f0-\u06f9\u066a-\u066c]")
TEXT_FILES = (".yaml", ".yml", ".json", ".geojson", ".csv", ".md")


def _text_files() -> list[Path]:
    """What readers see: the data and the locales (not the released catalogue's archive)."""
    locales = Path(corridors.i18n.__file__).parent / "locales"
    roots = (data_dir(), locales)
    archive = data_dir() / "released"
    return sorted(
        p
        for root in roots
        for p in root.rglob("*")
        if p.suffix in TEXT_FILES and archive not in p.parents
    )


def test_there_are_data_files_and_locales_to_check() -> None:
    names = {path.name for path in _text_files()}
    assert {"events.yaml", "actors.yaml", "en.yaml", "ar.yaml"} <= names


@pytest.mark.parametrize("path", _text_files(), ids=lambda path: path.name)
def test_numbers_are_written_with_0_to_9(path: Path) -> None:
    found = [
        f"line {number}: {EASTERN.findall(line)}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if EASTERN.search(line)
    ]
    assert not found, f"{path.name} writes Eastern Arabic digits: {found}"


def test_each_actor_is_spelled_in_arabic_as_actors_yaml_spells_him(catalog: Catalog) -> None:
    by_name = {
        name: actor for actor in catalog.actors for name in (actor.names["en"], *actor.aliases)
    }
    differing = [
        f"{event.id}: {named['ar']} (actors.yaml: {by_name[named['en']].names['ar']})"
        for event in catalog.events
        for named in event.actors
        if named["en"] in by_name and named["ar"] != by_name[named["en"]].names["ar"]
    ]
    assert not differing


def test_an_actors_other_arabic_spellings_are_not_written_in_events(catalog: Catalog) -> None:
    others = {
        alias: actor.names["ar"]
        for actor in catalog.actors
        for alias in actor.aliases
        if re.search("[\u0600-\u06ff]", alias)
    }
    written = [
        f"{event.id}: {named['ar']} → {others[named['ar']]}"
        for event in catalog.events
        for named in event.actors
        if named["ar"] in others
    ]
    assert not written

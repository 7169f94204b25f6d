"""One accessor for the bundled data files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

from corridors._errors import UnknownDatasetError
from corridors.assets import DATA_PACKAGE, package_folder

DATA_DIR_ENV: Final = "CORRIDORS_DATA_DIR"

#: The data files, by name, in the order they are loaded.
DATASETS: Final[dict[str, str]] = {
    "countries": "countries.geojson",
    "regions": "regions.geojson",
    "water": "water.geojson",
    "places": "places.yaml",
    "corridors": "corridors.yaml",
    "events": "events.yaml",
    "actors": "actors.yaml",
}
#: Folder of presentation stories, one YAML file each (optional).
STORIES_DIR: Final = "stories"


def data_dir(override: Path | str | None = None) -> Path:
    """Return the data directory.

    Precedence: ``override``, then ``$CORRIDORS_DATA_DIR``, then the bundled data:
    ``geodata/`` of the repository, installed as the package data
    ``corridors.geodata`` and found with :mod:`importlib.resources` (never from the
    working directory).
    """
    if override is not None:
        return Path(override)
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env)
    return package_folder(DATA_PACKAGE)


def data_path(name: str, *, directory: Path | str | None = None) -> Path:
    """Return the path of the data file called ``name`` (e.g. ``"events"``).

    Raises
    ------
    UnknownDatasetError
        If ``name`` is not one of :data:`DATASETS`.

    """
    try:
        filename = DATASETS[name]
    except KeyError:
        known = ", ".join(sorted(DATASETS))
        raise UnknownDatasetError(f"no dataset called {name!r}; known datasets: {known}") from None
    return data_dir(directory) / filename

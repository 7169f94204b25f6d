"""One accessor for the bundled data files."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import platformdirs

from corridors.core.assets import DATA_PACKAGE, package_folder
from corridors.core.environment import DATA_DIR_ENV, IMPORTS_DIR_ENV, read
from corridors.core.errors import UnknownDatasetError

#: Folder of the imported events inside a data directory.
IMPORTS_DIR: Final = "imports"

#: The data files, by name, in the order they are loaded.
DATASETS: Final[dict[str, str]] = {
    "countries": "countries.geojson",
    "regions": "regions.geojson",
    "water": "water.geojson",
    "places": "places.yaml",
    "corridors": "corridors.yaml",
    "events": "events.yaml",
    "actors": "actors.yaml",
    "agreements": "agreements.yaml",
}
#: Folder of presentation stories, one YAML file each (optional).
STORIES_DIR: Final = "stories"
#: The events as last released (``corridors release``), for the correction guard.
RELEASED_FILE: Final = "released/events.yaml"


def data_dir(override: Path | str | None = None) -> Path:
    """Return the data directory.

    Precedence: ``override``, then ``$CORRIDORS_DATA_DIR``, then the bundled data:
    ``geodata/`` of the repository, installed as the package data
    ``corridors.geodata`` and found with :mod:`importlib.resources` (never from the
    working directory).
    """
    if override is not None:
        return Path(override)
    from_env = read(DATA_DIR_ENV)
    if from_env is not None:
        return Path(from_env)
    return package_folder(DATA_PACKAGE)


def imports_dir(data: Path | str | None = None) -> Path:
    """Return the folder of the imported (reported) events, the analyst's own layer.

    Precedence: ``imports/`` in ``data`` when given; ``$CORRIDORS_IMPORTS_DIR``;
    ``imports/`` in ``$CORRIDORS_DATA_DIR``; then ``corridors/imports`` in the user's data
    folder, since the bundled data is package data, read-only once installed, and imported
    files are never bundled.
    """
    if data is not None:
        return Path(data) / IMPORTS_DIR
    imports = read(IMPORTS_DIR_ENV)
    if imports is not None:
        return Path(imports)
    data = read(DATA_DIR_ENV)
    if data is not None:
        return Path(data) / IMPORTS_DIR
    return platformdirs.user_data_path("corridors") / IMPORTS_DIR


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

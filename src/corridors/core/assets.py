"""Where the package's own files are: the bundled data and the Streamlit site.

Both are package data, found with :mod:`importlib.resources`, so a wheel installed
anywhere finds them as the checkout does. They must be real folders: Streamlit serves
files from disk and GDAL reads them by path.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from corridors.core.errors import PackageDataError

#: The bundled data (``geodata/`` in the repository, mapped to this package in the wheel).
DATA_PACKAGE: Final = "corridors.geodata"
#: What ``corridors serve`` runs: the main script, ``.streamlit/`` and ``static/``.
SITE_PACKAGE: Final = "corridors.webapp"


def package_folder(package: str) -> Path:
    """The folder of an installed package, as a path on disk.

    Raises
    ------
    PackageDataError
        If the package is not installed as a folder (a zip import, for example).

    """
    folder = resources.files(package)
    if not isinstance(folder, Path) or not folder.is_dir():
        raise PackageDataError(
            f"{package} is installed as {folder}, not as a folder on disk; "
            "install the corridors wheel unzipped (pip does)"
        )
    return folder


def locales() -> Traversable:
    """The UI strings, one ``<language>.yaml`` per language (read without importing i18n)."""
    return resources.files("corridors").joinpath("i18n", "locales")


def site_dir() -> Path:
    """The folder ``corridors serve`` runs Streamlit in (its settings are read from there)."""
    return package_folder(SITE_PACKAGE)


def main_script() -> Path:
    """The Streamlit main script of the dashboard."""
    return site_dir() / "app.py"


def editor_script() -> Path:
    """The Streamlit script of the draft editor (``corridors edit``; never served by ``serve``)."""
    return site_dir() / "editor.py"


def static_dir() -> Path:
    """Leaflet and the basemap styles, served beside the main script at ``/app/static/``."""
    return site_dir() / "static"


def streamlit_config() -> Path:
    """The server settings (XSRF, CORS, allowed origins, address, ...), each with its reason."""
    return site_dir() / ".streamlit" / "config.toml"

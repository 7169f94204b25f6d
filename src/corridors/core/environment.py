"""Every environment variable the atlas reads, and the one place that reads them.

No other module touches ``os.environ``: they name a variable from here and call
:func:`read` or :func:`flag`, and the commands that start a Streamlit process hand it
:func:`for_site`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

#: ``CORRIDORS_DATA_DIR``: the data directory the app, the editor and every command read
#: when no ``--data DIR`` is given (else the bundled data). A relative path is taken from
#: the working directory of the command that starts the app.
DATA_DIR_ENV: Final = "CORRIDORS_DATA_DIR"

#: ``CORRIDORS_IMPORTS_DIR``: the folder of the imported (reported) events when no data
#: directory is given; it wins over ``imports/`` in ``$CORRIDORS_DATA_DIR``.
IMPORTS_DIR_ENV: Final = "CORRIDORS_IMPORTS_DIR"

#: ``CORRIDORS_SHOW_DRAFTS``: ``1``, ``true``, ``yes`` or ``on`` (any case) makes the public
#: app list the unreviewed drafts, marked as such (``corridors serve --show-drafts`` sets it).
SHOW_DRAFTS_ENV: Final = "CORRIDORS_SHOW_DRAFTS"

#: Every variable above: the package reads no other.
VARIABLES: Final = (DATA_DIR_ENV, IMPORTS_DIR_ENV, SHOW_DRAFTS_ENV)

_YES: Final = frozenset({"1", "true", "yes", "on"})


def read(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The value of ``name`` (in ``environ``, else the process's), ``None`` when unset or empty."""
    value = (os.environ if environ is None else environ).get(name)
    return value or None


def flag(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``name`` is set to yes (``1``, ``true``, ``yes``, ``on``, in any case)."""
    return (read(name, environ) or "").strip().lower() in _YES


def for_site(*, data: Path | None = None, show_drafts: bool | None = None) -> dict[str, str]:
    """The environment of a Streamlit process this one starts (it runs in another folder).

    A copy of this process's, with ``$CORRIDORS_DATA_DIR`` set to ``data`` when given, made
    absolute, and ``$CORRIDORS_SHOW_DRAFTS`` set to ``1`` (``show_drafts`` true), removed
    (false) or passed on as it is (``None``).
    """
    environment = dict(os.environ)
    folder = data if data is not None else read(DATA_DIR_ENV)
    if folder is not None:
        environment[DATA_DIR_ENV] = str(Path(folder).resolve())
    if show_drafts:
        environment[SHOW_DRAFTS_ENV] = "1"
    elif show_drafts is False:
        environment.pop(SHOW_DRAFTS_ENV, None)
    return environment

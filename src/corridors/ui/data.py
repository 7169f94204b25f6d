"""Data loaded and indexed once per process (per data directory), shared by every session.

These live in :mod:`corridors._shared_cache`, not in Streamlit's caches: a client's
clear-cache message empties ``st.cache_data`` and ``st.cache_resource`` and must not
make every session reload the catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import streamlit as st

from corridors._shared_cache import shared_cache
from corridors.catalog import CatalogReport
from corridors.datasets import data_dir, imports_dir
from corridors.models import ReportedSource
from corridors.scene import Scene, SceneRequest, build_scene
from corridors.store import EventStore, open_store
from corridors.stories import inspect_atlas
from corridors.timeline import EventIndex

#: Data directories held at once (one in production; tests open a few).
DIRECTORIES: Final = 4
#: Scenes held at once (each a few hundred KB): filters x selections x languages.
SCENES: Final = 64


@shared_cache(maxsize=DIRECTORIES)
def _report_of(directory: str) -> CatalogReport:
    return inspect_atlas(directory)


@shared_cache(maxsize=DIRECTORIES)
def _index_of(directory: str) -> EventIndex:
    return EventIndex(_report_of(directory).catalog.events)


@shared_cache(maxsize=DIRECTORIES)
def _store_of(folder: str) -> EventStore:
    return open_store(Path(folder))


@shared_cache(maxsize=SCENES)
def _scene_of(directory: str, request: SceneRequest) -> Scene:
    return build_scene(_report_of(directory).catalog, request)


def load_report() -> CatalogReport:
    """The bundled data (or ``$CORRIDORS_DATA_DIR``) with every problem found in it."""
    directory = str(data_dir())
    if (directory,) in _report_of:
        return _report_of(directory)
    with st.spinner("Loading the corridor data …"):
        return _report_of(directory)


def event_index() -> EventIndex:
    """The event <-> feature index of the loaded catalogue."""
    return _index_of(str(data_dir()))


def cached_scene(request: SceneRequest) -> Scene:
    """The scene for a request, built once per distinct request and data directory."""
    return _scene_of(str(data_dir()), request)


def event_store() -> EventStore:
    """The store of imported events (:func:`~corridors.datasets.imports_dir`), read-only here.

    The store reads its folder on every query, so an import made while the app runs shows
    on the next rerun.
    """
    return _store_of(str(imports_dir()))


def imported_sources() -> tuple[ReportedSource, ...]:
    """The sources with events in the store, in the order of :class:`ReportedSource`."""
    present = event_store().sources()
    return tuple(source for source in ReportedSource if source in present)

"""Data loaded and indexed once per process (per data directory), shared by every session.

These live in :mod:`corridors.core.cache`, not in Streamlit's caches: a client's
clear-cache message empties ``st.cache_data`` and ``st.cache_resource`` and must not
make every session reload the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from corridors.atlas import inspect_atlas
from corridors.core import settings
from corridors.core.cache import FilesSignature, files_signature, shared_cache
from corridors.core.datasets import DATASETS, STORIES_DIR, data_dir, imports_dir
from corridors.data.catalog import CatalogReport
from corridors.data.models import ReportedSource
from corridors.data.playback import Milestone, milestones
from corridors.data.timeline import EventIndex
from corridors.i18n import Translator
from corridors.render.cell_places import CellGazetteer
from corridors.render.scene import Scene, SceneRequest, build_scene
from corridors.reported.store import EventStore, open_store

#: The cache key that makes a catalogue be read again after a data file changed (a
#: publish from the editor or ``corridors publish``, a story edited): the data files' and
#: the stories' names, change times and sizes, a few ``stat`` calls a run.
Signature = FilesSignature


def _signature(directory: Path) -> Signature:
    stories = directory / STORIES_DIR
    story_files = sorted(stories.glob("*.yaml")) if stories.is_dir() else []
    data_files = (directory / name for name in DATASETS.values())
    return files_signature([*data_files, *story_files])


@shared_cache(maxsize=settings.cached_data_dirs)
def _report_of(directory: str, signature: Signature) -> CatalogReport:
    del signature  # part of the cache key only
    return inspect_atlas(directory)


@shared_cache(maxsize=settings.cached_data_dirs)
def _index_of(directory: str, signature: Signature) -> EventIndex:
    return EventIndex(_report_of(directory, signature).catalog.events)


@shared_cache(maxsize=settings.cached_data_dirs)
def _store_of(folder: str) -> EventStore:
    return open_store(Path(folder))


@shared_cache(maxsize=settings.cached_scenes)
def _scene_of(directory: str, signature: Signature, request: SceneRequest) -> Scene:
    return build_scene(_report_of(directory, signature).catalog, request)


@shared_cache(maxsize=settings.cached_data_dirs)
def _gazetteer_of(directory: str, signature: Signature) -> CellGazetteer:
    return CellGazetteer(_report_of(directory, signature).catalog)


@shared_cache(maxsize=settings.cached_data_dirs)
def _milestones_of(directory: str, signature: Signature) -> tuple[Milestone, ...]:
    return milestones(_report_of(directory, signature).catalog)


def _data_key() -> tuple[str, Signature]:
    directory = data_dir()
    return str(directory), _signature(directory)


def load_report(translate: Translator) -> CatalogReport:
    """The data (bundled, or ``--data``) with every problem found in it, read once per change.

    While it is read, a spinner says so in ``translate``'s language.
    """
    key = _data_key()
    if key in _report_of:
        return _report_of(*key)
    with st.spinner(translate("app.loading")):
        return _report_of(*key)


def event_index() -> EventIndex:
    """The event <-> feature index of the loaded catalogue."""
    return _index_of(*_data_key())


def catalog_milestones() -> tuple[Milestone, ...]:
    """The loaded catalogue's milestones, for playback (read once per change)."""
    return _milestones_of(*_data_key())


def cached_scene(request: SceneRequest) -> Scene:
    """The scene for a request, built once per distinct request and data directory."""
    return _scene_of(*_data_key(), request)


def cell_gazetteer() -> CellGazetteer:
    """What names the map's cells of reported events: the loaded catalogue's places and areas."""
    return _gazetteer_of(*_data_key())


def event_store() -> EventStore:
    """The store of imported events (:func:`~corridors.core.datasets.imports_dir`), read-only here.

    The store reads its folder on every query, so an import made while the app runs shows
    on the next rerun.
    """
    return _store_of(str(imports_dir()))


def imported_sources() -> tuple[ReportedSource, ...]:
    """The sources with events in the store, in the order of :class:`ReportedSource`."""
    present = event_store().sources()
    return tuple(source for source in ReportedSource if source in present)

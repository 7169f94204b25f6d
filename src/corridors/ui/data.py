"""Data loaded and indexed once per process (per data directory), shared by every session."""

from __future__ import annotations

import streamlit as st

from corridors.catalog import CatalogReport
from corridors.datasets import data_dir
from corridors.stories import inspect_atlas
from corridors.timeline import EventIndex


@st.cache_resource(show_spinner="Loading the corridor data …")
def _report_of(directory: str) -> CatalogReport:
    return inspect_atlas(directory)


@st.cache_resource
def _index_of(directory: str) -> EventIndex:
    return EventIndex(_report_of(directory).catalog.events)


def load_report() -> CatalogReport:
    """The bundled data (or ``$CORRIDORS_DATA_DIR``) with every problem found in it."""
    return _report_of(str(data_dir()))


def event_index() -> EventIndex:
    """The event <-> feature index of the loaded catalogue."""
    return _index_of(str(data_dir()))

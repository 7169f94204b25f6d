"""Data loaded and indexed once per process, shared by every session."""

from __future__ import annotations

import streamlit as st

from corridors.catalog import CatalogReport, inspect_catalog
from corridors.timeline import EventIndex


@st.cache_resource(show_spinner="Loading the corridor data …")
def load_report() -> CatalogReport:
    """The bundled data (or ``$CORRIDORS_DATA_DIR``) with every problem found in it."""
    return inspect_catalog()


@st.cache_resource
def event_index() -> EventIndex:
    """The event <-> feature index of the loaded catalogue."""
    return EventIndex(load_report().catalog.events)

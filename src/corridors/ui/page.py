"""The page: a summary of the bundled catalogue until the dashboard lands."""

from __future__ import annotations

import streamlit as st

from corridors.catalog import CatalogReport, inspect_catalog


@st.cache_resource(show_spinner="Loading the corridor data ...")
def load_report() -> CatalogReport:
    """Load and validate the bundled data once per process."""
    return inspect_catalog()


def render() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Corridor Atlas", layout="wide")
    st.title("Corridor Atlas")
    report = load_report()
    for problem in report.problems:
        st.warning(str(problem), icon="⚠️")
    catalog = report.catalog
    columns = st.columns(4)
    columns[0].metric("Places", len(catalog.places))
    columns[1].metric("Corridors", len(catalog.corridors))
    columns[2].metric("Regions", len(catalog.regions))
    columns[3].metric("Events", len(catalog.events))
    st.dataframe(
        [
            {"date": e.date.isoformat(), "kind": str(e.kind), "title": e.title["en"]}
            for e in catalog.events
        ],
        hide_index=True,
    )

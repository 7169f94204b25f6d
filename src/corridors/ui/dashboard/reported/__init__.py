"""Reported (imported) events beside the map: the filter, the sidebar section, listings."""

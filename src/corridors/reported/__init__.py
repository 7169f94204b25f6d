"""Reported events from outside datasets: the store, the importers, the spatial linker.

- :mod:`~corridors.reported.store`: the :class:`EventStore` protocol (Parquet + DuckDB);
- :mod:`~corridors.reported.importers`: ACLED, GDELT and the atlas's GeoJSON -> rows;
- :mod:`~corridors.reported.linker`: points -> the map features they concern;
- :mod:`~corridors.reported.precision`: how precisely a source placed and dated an event;
- :mod:`~corridors.reported.export`: imported events as CSV, with their review status.
"""

"""Helpers to drive and test the atlas, for its tests, its benchmarks and deployments.

Like :mod:`geopandas.testing` or :mod:`streamlit.testing`, shipped with the package and
imported only by whoever tests:

- :mod:`~corridors.testing.server`: ``corridors serve`` or ``edit`` on a free loopback port,
  ready when its health check answers;
- :mod:`~corridors.testing.browser`: the served page in Chromium (Playwright, from the
  ``test`` extra): the map's boxes, pixels, picks and websocket messages;
- :mod:`~corridors.testing.synthetic`: reported events written in ACLED's and GDELT's own
  layouts, or straight into a store, in any number;
- :mod:`~corridors.testing.hostile`: broken copies of a data directory, one per way a file
  can be hostile;
- :mod:`~corridors.testing.hostile_articles`: articles that once made ingest run for
  minutes (runs of days, months, names; dates by the thousand; a long HTML table).
"""

"""The curated data: typed records, validation, the catalogue and what is derived from it.

- :mod:`~corridors.data.models`, :mod:`~corridors.data.validate`,
  :mod:`~corridors.data.catalog`: records, checks that return problems, the loader;
- :mod:`~corridors.data.containment`, :mod:`~corridors.data.timeline`,
  :mod:`~corridors.data.search`: what lies inside what, dates, text search;
- :mod:`~corridors.data.review_status`: what an item is (curated, imported, draft);
- :mod:`~corridors.data.export`: events as CSV and GeoJSON;
- :mod:`~corridors.data.corrections`, :mod:`~corridors.data.release`: every correction
  newest first; the released catalogue and the guard against unrecorded changes;
- :mod:`~corridors.data.builders`: the commands that derive the bundled geometry.

Knows nothing of links, renderers, the UI, ingest or the store of reported events.
"""

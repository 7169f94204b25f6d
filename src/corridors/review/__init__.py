"""Review of draft events, for the editor page and the public app (no streamlit here).

- :mod:`~corridors.review.marks`: an article's text with its evidence marked, as escaped
  segments (the only HTML the editor builds);
- :mod:`~corridors.review.fields`: the fields a reviewer corrects, to and from a draft record;
- :mod:`~corridors.review.storage`: save a reviewed draft, publish it, read an upload
  (thin adapters over :mod:`corridors.ingest`);
- :mod:`~corridors.review.public`: the drafts the public app may show, when started so.
"""

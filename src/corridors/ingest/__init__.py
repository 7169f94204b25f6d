"""Article ingest: from a news article to a draft event linked to the map, then review.

Modules, one job each (the editor page calls the functions named here):

- :mod:`~corridors.ingest.reading`: :func:`read_article` (file, ``-``, saved HTML) and
  :func:`article_from_text` (pasted text) give an :class:`Article`;
- :mod:`~corridors.core.normalise`: the Arabic and English normalisation (also used by
  the event search);
- :mod:`~corridors.ingest.propose`: :func:`propose` reads an article against the
  catalogue and gives a :class:`Proposal` (features, actors, dates, kind, evidence);
- :mod:`~corridors.ingest.draft`: :func:`draft_record`, :func:`proposal_json`,
  :func:`missing_fields`;
- :mod:`~corridors.ingest.drafts`: :func:`save_draft`, :func:`list_drafts`,
  :func:`load_draft`, :func:`drop_draft`;
- :mod:`~corridors.review.publish`: :func:`publish_draft`.

This module imports nothing, so that the event search can use the normalisation without
loading the HTML extractor.
"""

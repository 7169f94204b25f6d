"""Article ingest: from a news article to a draft event linked to the map, then review.

Modules, one job each (the editor page reaches them through :mod:`corridors.review`):

- :mod:`~corridors.ingest.reading`: :func:`read_article` (file, ``-``, saved HTML) and
  :func:`article_from_text` (pasted text) give an :class:`Article`; HTML is extracted in
  a child process stopped at a time limit (:mod:`~corridors.ingest.html_text`);
- :mod:`~corridors.ingest.cleaning`: no bidi overrides or control codes in stored text;
- :mod:`~corridors.ingest.gazetteer`, :mod:`~corridors.ingest.matching`,
  :mod:`~corridors.ingest.lexicon`: the names and words an article is read by (with the
  Arabic and English normalisation of :mod:`corridors.core.normalise`);
  :mod:`~corridors.ingest.homographs` keeps a name that is also an ordinary word only in
  context;
- :mod:`~corridors.ingest.dates`, :mod:`~corridors.ingest.kind_pick`,
  :mod:`~corridors.ingest.evidence`: the candidate dates, the event's kind, the evidence;
- :mod:`~corridors.ingest.provision_links`: the agreement provisions an article is
  evidence of (a sentence naming a provision's place and its subject);
- :mod:`~corridors.ingest.propose`: :func:`propose` reads an article against the
  catalogue and gives a :class:`Proposal` (features, actors, dates, kind, provisions,
  evidence), within a time :mod:`~corridors.ingest.budget`;
- :mod:`~corridors.ingest.draft_record`: :func:`draft_record`, :func:`proposal_json`,
  :func:`missing_fields`;
- :mod:`~corridors.ingest.draft_files`: :func:`save_draft`, :func:`list_drafts`,
  :func:`load_draft`, :func:`drop_draft`;
- :mod:`~corridors.ingest.evaluation`: scores on a labelled set of articles.

Publishing a reviewed draft is :mod:`corridors.review.publish`.

This module imports nothing, so that the event search can use the normalisation without
loading the HTML extractor.
"""

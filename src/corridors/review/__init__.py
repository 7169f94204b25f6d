"""Review of draft events, for the editor page and the public app (no streamlit here).

- :mod:`~corridors.review.marks`: an article's text with its evidence marked, as escaped
  segments (the only HTML the editor builds);
- :mod:`~corridors.review.fields`: the fields a reviewer corrects, to and from a draft record;
- :mod:`~corridors.review.storage`: save a reviewed draft, publish it, read an upload
  (thin adapters over :mod:`corridors.ingest`);
- :mod:`~corridors.review.public`: the drafts the public app may show, when started so;
- :mod:`~corridors.review.messages`: what a draft lacks, as sentences for a reviewer;
- :mod:`~corridors.review.explain`: why the engine picked the date and kind, in the page's
  language;
- :mod:`~corridors.review.duplicates`: the catalogue's events a draft may repeat.

The UI reaches the article engine (:mod:`corridors.ingest`) only through this package: the
names below are what the editor and the public app use of it.
"""

from corridors.ingest.budget import OverBudgetError
from corridors.ingest.draft_files import (
    DraftError,
    dated_id,
    draft_file,
    drop_draft,
    list_drafts,
)
from corridors.ingest.draft_record import DraftRecord, draft_record, missing_fields
from corridors.ingest.propose import propose
from corridors.ingest.reading import Article, ArticleError, article_from_text
from corridors.review.storage import (
    OpenDraft,
    open_draft,
    publish_reviewed,
    read_upload,
    save_reviewed,
)

__all__ = [
    "Article",
    "ArticleError",
    "DraftError",
    "DraftRecord",
    "OpenDraft",
    "OverBudgetError",
    "article_from_text",
    "dated_id",
    "draft_file",
    "draft_record",
    "drop_draft",
    "list_drafts",
    "missing_fields",
    "open_draft",
    "propose",
    "publish_reviewed",
    "read_upload",
    "save_reviewed",
]

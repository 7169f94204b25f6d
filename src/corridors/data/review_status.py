"""What an item the reader sees is: curated, imported or a draft (the atlas's one vocabulary).

Every card, list entry, map tooltip and exported row says which of the three it is; the
names and explanations in each language are under ``review`` in ``i18n/locales/``.
"""

from __future__ import annotations

from enum import StrEnum


class ReviewStatus(StrEnum):
    """How far the atlas has checked an item."""

    #: A record of ``events.yaml``: checked against its sources by the atlas's editors.
    CURATED = "curated"
    #: A row imported from ACLED, GDELT or a GeoJSON file: as its source gives it, not
    #: reviewed by the atlas.
    IMPORTED = "imported"
    #: Proposed from a news article and not yet reviewed (shown only with ``--show-drafts``).
    DRAFT = "draft"

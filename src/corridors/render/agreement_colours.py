"""An agreement's map mode: each feature its provisions concern, coloured by their status.

A feature concerned by several provisions takes the lowest status among them (the weakest
account of the least advanced provision), so the map never shows more progress than some
claimant reports; where the claimants differ, the feature is marked disputed (its tooltip
says so). A provision that names a whole country beside smaller features colours only those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from corridors.data.agreement_models import Implementation
from corridors.data.agreement_status import status_on
from corridors.data.catalog import Catalog
from corridors.data.containment import framed_features
from corridors.render.styles import IMPLEMENTATION_COLORS, RGBA, UNSCORED_COLOR


@dataclass(frozen=True, slots=True)
class FeatureStatus:
    """The status a feature is drawn in: the lowest of its provisions', or none scored."""

    level: Implementation | None
    disputed: bool

    @property
    def color(self) -> RGBA:
        """The status's colour (grey while no provision of the feature is scored)."""
        return UNSCORED_COLOR if self.level is None else IMPLEMENTATION_COLORS[self.level]


def feature_statuses(
    catalog: Catalog, agreement_id: str, day: dt.date
) -> Mapping[str, FeatureStatus]:
    """The status of every feature the agreement's provisions concern, as of ``day``."""
    try:
        agreement = catalog.agreement(agreement_id)
    except KeyError:
        return {}
    levels: dict[str, list[Implementation | None]] = {}
    disputed: set[str] = set()
    for provision in agreement.provisions:
        status = status_on(provision, day)
        for feature_id in framed_features(catalog, provision.features):
            levels.setdefault(feature_id, []).append(status.lowest)
            if status.disputed:
                disputed.add(feature_id)
    return {
        feature_id: FeatureStatus(_lowest(found), feature_id in disputed)
        for feature_id, found in levels.items()
    }


def _lowest(levels: list[Implementation | None]) -> Implementation | None:
    scored = [level for level in levels if level is not None]
    return min(scored) if scored else None

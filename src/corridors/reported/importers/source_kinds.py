"""The kinds of reported events, and each source's event types mapped onto them (data).

A handful of kinds keeps the map legend and the kinds filter short across sources. The
tables below are the only place a source's own types are interpreted.
"""

from __future__ import annotations

from typing import Final

from corridors.data.models import ReportedKind

__all__ = [
    "ACLED_EVENT_TYPES",
    "ACLED_SUB_EVENT_TYPES",
    "ATLAS_KINDS",
    "GDELT_ROOT_CODES",
    "ReportedKind",
]


#: ACLED ``event_type`` -> kind (codebook event types, 2023 onwards).
ACLED_EVENT_TYPES: Final[dict[str, ReportedKind]] = {
    "Battles": ReportedKind.CONFLICT,
    "Explosions/Remote violence": ReportedKind.CONFLICT,
    "Violence against civilians": ReportedKind.CONFLICT,
    "Protests": ReportedKind.UNREST,
    "Riots": ReportedKind.UNREST,
    "Strategic developments": ReportedKind.OTHER,
}

#: ACLED ``sub_event_type`` -> kind, where it is more telling than the event type
#: (the sub-event types of "Strategic developments").
ACLED_SUB_EVENT_TYPES: Final[dict[str, ReportedKind]] = {
    "Agreement": ReportedKind.COOPERATION,
    "Non-violent transfer of territory": ReportedKind.COOPERATION,
    "Arrests": ReportedKind.TENSION,
    "Disrupted weapons use": ReportedKind.TENSION,
    "Headquarters or base established": ReportedKind.TENSION,
    "Looting/property destruction": ReportedKind.CONFLICT,
}

#: GDELT ``EventRootCode`` (CAMEO root, two digits) -> kind. CAMEO 01-08 are verbal and
#: material cooperation, 09-13 and 15-17 verbal conflict and coercion, 14 protest, 18-20
#: assault, fight and mass violence.
GDELT_ROOT_CODES: Final[dict[str, ReportedKind]] = {
    **{f"{code:02d}": ReportedKind.COOPERATION for code in range(1, 9)},
    **{f"{code:02d}": ReportedKind.TENSION for code in (9, 10, 11, 12, 13, 15, 16, 17)},
    "14": ReportedKind.UNREST,
    **{f"{code:02d}": ReportedKind.CONFLICT for code in (18, 19, 20)},
}

#: The atlas's own curated event kinds (``corridors export geojson``) -> kind.
ATLAS_KINDS: Final[dict[str, ReportedKind]] = {
    "summit": ReportedKind.COOPERATION,
    "agreement": ReportedKind.COOPERATION,
    "declaration": ReportedKind.COOPERATION,
    "memorandum": ReportedKind.COOPERATION,
    "diplomatic": ReportedKind.COOPERATION,
    "executive-action": ReportedKind.OTHER,
    "infrastructure": ReportedKind.OTHER,
    "conflict": ReportedKind.CONFLICT,
}

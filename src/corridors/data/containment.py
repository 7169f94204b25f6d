"""Which features lie inside a region or an autonomous republic, derived from the data.

Places name their ``country`` and ``region``; regions name their ``country``. The
Nakhchivan Autonomous Republic is a record of the country layer whose regions are its
districts, so its parts are those districts and every place in it or in them. A country
proper is not unfolded (its parts would be most of the map): its own events stay its own.
"""

from __future__ import annotations

from collections.abc import Collection

from corridors.data.catalog import Catalog
from corridors.data.models import Boundary, BoundaryKind


def parts_of(catalog: Catalog, feature_id: str) -> tuple[str, ...]:
    """Ids of the regions and places inside ``feature_id`` (empty for anything else)."""
    record = catalog.feature(feature_id)
    if not isinstance(record, Boundary) or record.kind is BoundaryKind.COUNTRY:
        return ()
    regions = tuple(region.id for region in catalog.regions if region.country == feature_id)
    inside = {feature_id, *regions}
    places = tuple(
        place.id
        for place in catalog.places
        if place.country in inside or (place.region is not None and place.region in inside)
    )
    return (*regions, *places)


def framed_features(catalog: Catalog, feature_ids: Collection[str]) -> list[str]:
    """The features a selection is about: its smaller ones when it names any.

    A selection that names a whole country beside places, lines or regions is about
    those; framing or colouring the country too would show it all.
    """
    known = [fid for fid in feature_ids if fid in catalog.geometries]
    smaller = [
        fid
        for fid in known
        if not (
            catalog.layer_of(fid) == "countries"
            and catalog.feature(fid).kind is BoundaryKind.COUNTRY  # type: ignore[union-attr]
        )
    ]
    return smaller or known


def wholes_of(catalog: Catalog, feature_id: str) -> tuple[str, ...]:
    """The regions and autonomous republic a feature lies inside, the nearest first."""
    found: list[str] = []
    current: str | None = feature_id
    while current is not None and current not in found:
        found.append(current)
        current = _whole_of(catalog, current)
    return tuple(found[1:])


def _whole_of(catalog: Catalog, feature_id: str) -> str | None:
    record = catalog.feature(feature_id)
    for container in (getattr(record, "region", None), getattr(record, "country", None)):
        if container is None or not _known(catalog, container):
            continue
        whole = catalog.feature(container)
        if isinstance(whole, Boundary) and whole.kind is not BoundaryKind.COUNTRY:
            return whole.id
    return None


def _known(catalog: Catalog, feature_id: str) -> bool:
    """Whether the catalogue has the feature (a dangling reference is the loader's problem)."""
    try:
        catalog.layer_of(feature_id)
    except KeyError:
        return False
    return True

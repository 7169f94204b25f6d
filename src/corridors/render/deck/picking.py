"""Clicks on the deck.gl map name features by id, never by a row index that may move.

Streamlit keeps a deck.gl selection as ``{layer id: [row index]}`` with the clicked rows,
and when a chart keeps its key but its data changes, it looks the same indices up again
in the new rows (its ``refreshSelectionObjects``): a selection made on one spec would name
another feature in the next. It drops selections of layers that are no longer in the spec.
So each layer's id here carries a digest of the ids of its rows in order, and of a click
count: the same layer id always has the same feature at the same index, and once a click
has been handled its selection disappears (no stale selection, no Streamlit dimming of the
unselected rows, and a second click on the same feature selects it again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

import pydeck as pdk

#: Between a layer's name and the digest of its rows in its deck.gl id.
SEPARATOR: Final = "~"


def stamp_layer_ids(deck: pdk.Deck, *, clicks: int) -> frozenset[str]:
    """Give each layer of ``deck`` an id naming its rows and ``clicks``; return the ids."""
    for layer in deck.layers:
        rows = layer.data if isinstance(layer.data, list) else []
        ids = "\n".join(str(row.get("id", "")) for row in rows)
        digest = hashlib.blake2s(f"{clicks}\n{ids}".encode(), digest_size=6).hexdigest()
        layer.id = f"{layer_name(layer.id)}{SEPARATOR}{digest}"
    return frozenset(layer.id for layer in deck.layers)


def layer_name(layer_id: str) -> str:
    """The layer's name (``places``) from its deck.gl id (``places~1a2b3c4d5e6f``)."""
    return layer_id.split(SEPARATOR, 1)[0]


class Picked(NamedTuple):
    """What a click on the deck.gl map picked: the layer's name and the row's id."""

    layer: str
    id: str


def picked_row(selection: Mapping[str, Any], layer_ids: frozenset[str]) -> Picked | None:
    """The row a deck.gl selection names, if it was made on one of ``layer_ids``.

    ``selection`` is Streamlit's ``{"indices": ..., "objects": {layer id: [row, ...]}}``;
    only the clicked rows' own ``id`` is read, never an index. The layer's name tells a
    feature from a cell of reported events.
    """
    objects: Mapping[str, list[Any]] = selection.get("objects") or {}
    for layer_id, rows in objects.items():
        if layer_id not in layer_ids:
            continue
        for row in rows:
            if isinstance(row, Mapping) and row.get("id"):
                return Picked(layer_name(layer_id), str(row["id"]))
    return None

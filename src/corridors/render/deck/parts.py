"""Send the map only what changed: each big part of a drawing named by the hash of its JSON.

A drawing's big parts are each layer of its ``spec`` (``layer:<id>``) and its labels, dots,
marks and cluster texts. :func:`part_hashes` names each by a hash of its JSON (the
drawing's ``hashes``); :func:`without_parts` leaves out those the map already holds (the
same hash was sent to it before), so a playing map is sent its corridors' new colours and
the marks of the day, not the borders again. The map keeps what it was sent by part and
hash; when it lacks a part left out (it was mounted anew), it asks for everything again
(``resend``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Final

#: The parts, besides the layers, that may be left out when the map holds them.
OTHER_PARTS: Final = ("labels", "dots", "marks", "clusterTexts")


def part_hashes(layer_texts: Mapping[str, str], drawing: Mapping[str, Any]) -> dict[str, str]:
    """The hash of each part: each layer by the JSON it is sent as, the others as they are."""
    hashes = {f"layer:{layer}": _digest(text) for layer, text in layer_texts.items()}
    return hashes | {name: _digest(_json(drawing[name])) for name in OTHER_PARTS}


def without_parts(drawing: Mapping[str, Any], held: Mapping[str, str]) -> dict[str, Any]:
    """``drawing`` without the parts the map holds (``held``: the hash it holds, by part).

    A layer left out keeps its id (``{"id": ..., "held": true}``); another part becomes
    ``null``. The drawing's ``hashes`` tell the map every part's hash.
    """
    hashes: Mapping[str, str] = drawing["hashes"]
    kept = {name for name, digest in hashes.items() if held.get(name) == digest}
    if not kept:
        return dict(drawing)
    layers = [
        {"id": layer["id"], "held": True} if f"layer:{layer['id']}" in kept else layer
        for layer in json.loads(drawing["spec"])["layers"]
    ]
    return {
        **drawing,
        "spec": json.dumps({"layers": layers}, separators=(",", ":"), sort_keys=True),
        **{name: None for name in OTHER_PARTS if name in kept},
    }


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _digest(text: str) -> str:
    """A short hash of a part's JSON (16 hex digits: collisions are not a concern here)."""
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()

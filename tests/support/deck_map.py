"""The deck.gl map as AppTest sees it: the arguments the page sent to the atlas's map component.

AppTest does not run the component; it keeps the element (``component_instance``) with its
name and its arguments as JSON (see :mod:`corridors.render.deck.component` and
:mod:`corridors.ui.dashboard.map.deck`). What the component sends back (a click, the view it
shows) is sent by :func:`send_map_value`, as the browser sends it with the page's widgets.
"""

from __future__ import annotations

import json
from typing import Any, Final

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

#: How the page's component is named (its module's name, then the name it was declared with).
DECK_MAP: Final = "deck_map"


def deck_maps(at: AppTest) -> list[Any]:
    """The deck.gl map components on the page (none when another renderer draws the map)."""
    return [
        element
        for element in at.get("component_instance")
        if element.proto.component_name.endswith(f".{DECK_MAP}")
    ]


def deck_map_args(at: AppTest) -> dict[str, Any]:
    """The arguments of the page's one deck.gl map."""
    maps = deck_maps(at)
    assert len(maps) == 1, f"{len(maps)} deck.gl maps on the page"
    args: dict[str, Any] = json.loads(maps[0].proto.json_args)
    return args


def deck_layers(at: AppTest) -> dict[str, dict[str, Any]]:
    """The deck.gl map's layers (pydeck's JSON) by name, bottom first."""
    layers: list[dict[str, Any]] = json.loads(deck_map_args(at)["spec"])["layers"]
    named = {layer["id"]: layer for layer in layers}
    assert len(named) == len(layers), f"layers named twice: {[layer['id'] for layer in layers]}"
    return named


def send_map_value(at: AppTest, value: object) -> AppTest:
    """Run the page again as after the map sent ``value`` (its widgets' values kept).

    AppTest has no way to set a component's value, so the run is given the widgets' states
    with the map's added, as the browser sends them (through AppTest's own ``_run``).
    """
    [element] = deck_maps(at)
    states: WidgetStates = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = element.proto.id
    state.json_value = json.dumps(value)
    at._run(states)
    assert not at.exception
    return at

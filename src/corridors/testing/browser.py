"""Helpers of the browser tests: map geometry in pixels, colours, the page and its messages.

Nothing here sleeps for a fixed time: every wait is on a condition (a Streamlit script state,
a websocket message, a DOM state, pixels).
"""

from __future__ import annotations

import io
import json
import math
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, TypeVar
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt
import shapely
from PIL import Image
from playwright.sync_api import Frame, Locator, Page, WebSocket, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel, unary_union
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from corridors.core import settings
from corridors.data.catalog import Catalog
from corridors.data.models import LAYERS
from corridors.render.styles import HIGHLIGHT

_T = TypeVar("_T")
#: Screenshots and logs of browser runs, under the directory they are run from.
ARTIFACTS: Final = Path.cwd() / "test-artifacts" / "e2e"
VIEWPORT: Final = {"width": 1280, "height": 900}
#: Software WebGL (--disable-gpu) on two cores draws the first deck.gl frame in seconds.
MAP_TIMEOUT: Final = 45_000  # ms
#: deck.gl (hammer.js) drops a click whose press lasts longer than 250 ms; with software
#: WebGL, deck.gl's synchronous picking on pointer-down can exceed that on a busy machine.
#: A dropped click sends nothing, so it is safe to press again.
CLICK_ATTEMPTS: Final = 3
CLICK_REGISTERED_TIMEOUT: Final = 5_000  # ms

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]


# --- map geometry -----------------------------------------------------------------------


def world(lon: float, lat: float) -> tuple[float, float]:
    """Web Mercator world coordinates in [0, 1] (y down), as both map libraries use."""
    sine = math.sin(math.radians(max(min(lat, 85.0511), -85.0511)))
    return (lon + 180.0) / 360.0, 0.5 - math.log((1 + sine) / (1 - sine)) / (4 * math.pi)


def _to_world(geometry: BaseGeometry) -> BaseGeometry:
    def project(coords: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        lon, lat = coords[:, 0], np.clip(coords[:, 1], -85.0511, 85.0511)
        sine = np.sin(np.radians(lat))
        y = 0.5 - np.log((1 + sine) / (1 - sine)) / (4 * math.pi)
        return np.column_stack([(lon + 180.0) / 360.0, y])

    return shapely.transform(geometry, project)


def _from_world(x: float, y: float) -> tuple[float, float]:
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lon, lat


@dataclass(frozen=True)
class Target:
    """A point to hover and click on the map: what is there, where, and its free radius."""

    feature_id: str
    lon: float
    lat: float
    clearance: float  # Web Mercator world units to the nearest other drawn thing

    def clearance_px(self, world_px: float) -> float:
        """The clearance in screen pixels for a map whose world is ``world_px`` wide."""
        return self.clearance * world_px


def click_target(
    catalog: Catalog, feature_id: str, avoid: Sequence[tuple[float, float]] = ()
) -> Target:
    """Where to point at ``feature_id`` so that nothing else that could be hit is near.

    What could be hit is every other feature of its layer and of the layers drawn above it
    (regions are pickable over countries, places over everything), and the points ``avoid``
    (longitude, latitude: the event marks). A place is pointed at its position; an area at
    the point inside it farthest from those features and from its own outline (its pole of
    inaccessibility), which is also a point showing its own fill.
    """
    layer_of = {
        record.id: LAYERS.index(layer) for layer in LAYERS for record in catalog.records(layer)
    }
    target = _to_world(catalog.geometries[feature_id])
    above = [
        _to_world(catalog.geometries[other])
        for other, level in layer_of.items()
        if other != feature_id and level >= layer_of[feature_id]
    ]
    above += [_to_world(Point(lon, lat)) for lon, lat in avoid]
    if isinstance(target, Point):
        obstacles = unary_union(above)
        lon, lat = _from_world(target.x, target.y)
        return Target(feature_id, lon, lat, float(target.distance(obstacles)))
    obstacles = unary_union([*above, target.boundary])
    free = target.difference(obstacles.buffer(1e-7))
    parts = [part for part in getattr(free, "geoms", [free]) if part.area > 0]
    assert parts, f"{feature_id} is covered by features drawn above it"
    poles = [polylabel(part, tolerance=1e-7) for part in parts]
    best = max(poles, key=lambda pole: pole.distance(obstacles))
    lon, lat = _from_world(best.x, best.y)
    return Target(feature_id, lon, lat, float(best.distance(obstacles)))


def deck_pixel(
    view: dict[str, Any], box: dict[str, float], lon: float, lat: float
) -> tuple[float, float]:
    """Where deck.gl draws ``lon, lat`` in its canvas: Web Mercator, a 512 px world at zoom 0."""
    scale = deck_world_px(view)
    x, y = world(lon, lat)
    centre_x, centre_y = world(view["longitude"], view["latitude"])
    return box["width"] / 2 + (x - centre_x) * scale, box["height"] / 2 + (y - centre_y) * scale


def deck_world_px(view: dict[str, Any]) -> float:
    """The width in pixels of deck.gl's world at the view's zoom."""
    zoom = float(view["zoom"])
    width: float = 512.0 * 2.0**zoom
    return width


# --- colours ----------------------------------------------------------------------------


def image(png: bytes) -> Image.Image:
    """A screenshot as an RGB image."""
    return Image.open(io.BytesIO(png)).convert("RGB")


def colour_at(picture: Image.Image, x: float, y: float) -> RGB:
    """The median colour of the 3 x 3 pixels around ``x, y`` (robust to one stray pixel)."""
    column, row = round(x), round(y)
    samples = [
        picture.getpixel((column + dx, row + dy))
        for dx in (-1, 0, 1)
        for dy in (-1, 0, 1)
        if 0 <= column + dx < picture.width and 0 <= row + dy < picture.height
    ]
    channels = list(zip(*samples, strict=True))
    red, green, blue = (sorted(channel)[len(channel) // 2] for channel in channels)
    return red, green, blue


def near(colour: RGB, expected: RGB, tolerance: int) -> bool:
    """Every channel within ``tolerance``."""
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


def over(fill: RGBA, background: RGBA | RGB, opacity: float | None = None) -> RGB:
    """``fill`` composited over an opaque ``background`` at its alpha (or ``opacity``)."""
    alpha = fill[3] / 255 if opacity is None else opacity
    mixed = (
        round(f * alpha + b * (1 - alpha)) for f, b in zip(fill[:3], background[:3], strict=True)
    )
    return tuple(mixed)  # type: ignore[return-value]


def opacity_over(colour: RGB, fill: RGBA, background: RGBA | RGB) -> float | None:
    """The opacity at which ``fill`` over ``background`` gives ``colour`` (None: not a blend).

    Estimated on the channels where fill and background differ clearly; the estimates of
    those channels must agree.
    """
    estimates = [
        (c - b) / (f - b)
        for c, f, b in zip(colour, fill[:3], background[:3], strict=True)
        if abs(f - b) >= 30
    ]
    if not estimates or max(estimates) - min(estimates) > 0.15:
        return None
    return sum(estimates) / len(estimates)


def distinct_colours(picture: Image.Image) -> int:
    """How many different colours the picture has."""
    colours = picture.getcolors(maxcolors=picture.width * picture.height)
    return len(colours or ())


def wait_until(
    check: Callable[[], _T | None], *, timeout_ms: float, message: Callable[[], str] | str
) -> _T:
    """Call ``check`` until it returns something truthy; its own cost paces the polling.

    Use it only for checks that themselves do browser work (screenshots), so that the loop
    waits on the page rather than spinning.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(message() if callable(message) else message)


def deck_highlighted(spec: dict[str, Any]) -> set[str]:
    """Ids of the rows the spec colours in the highlight colour (line, path or fill)."""
    colour = list(HIGHLIGHT)
    return {
        row["id"]
        for layer in spec["layers"]
        for row in layer["data"]
        if colour in (row.get("line"), row.get("color"), row.get("fill"))
    }


# --- the keyboard -----------------------------------------------------------------------


def is_focused(target: Locator) -> bool:
    """Whether the keyboard's focus is on ``target`` or inside it (also in a shadow root)."""
    focused: bool = target.evaluate(
        """element => {
            const active = element.getRootNode().activeElement;
            return element === active || element.contains(active);
        }"""
    )
    return focused


def tab_to(
    page: Page, target: Locator, *, backwards: bool = False, limit: int = settings.max_tab_presses
) -> int:
    """Press Tab (Shift+Tab ``backwards``) until ``target`` has the focus; how many presses.

    Only the keyboard moves the focus, as a reader without a pointer would; ``target`` that
    no number of presses up to ``limit`` reaches fails the test, naming the last element
    that had the focus.
    """
    key = "Shift+Tab" if backwards else "Tab"
    expect(target).to_be_visible()
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if is_focused(target):
            return presses
    last = page.evaluate("() => document.activeElement && document.activeElement.outerHTML")
    raise AssertionError(
        f"{limit} presses of {key} did not reach {target}; the focus ended on {str(last)[:200]}"
    )


# --- the page ---------------------------------------------------------------------------


def message_type(payload: str | bytes) -> str | None:
    """The kind of a Streamlit websocket message from the server ("delta", ...)."""
    if not isinstance(payload, bytes):
        return None
    kind: str | None = ForwardMsg.FromString(payload).WhichOneof("type")
    return kind


#: The deck.gl map component's name (its iframe's title).
DECK_COMPONENT: Final = "corridors.ui.common.deck_map.deck_map"


def decode_deck_spec(payload: str | bytes) -> dict[str, Any] | None:
    """The deck.gl map's arguments in a Streamlit websocket message, if it carries them.

    The arguments as sent, with the layers' JSON (``spec``) parsed into ``layers``.
    """
    if not isinstance(payload, bytes):
        return None
    message = ForwardMsg.FromString(payload)
    if message.WhichOneof("type") != "delta":
        return None
    if message.delta.WhichOneof("type") != "new_element":
        return None
    element = message.delta.new_element
    if element.WhichOneof("type") != "component_instance":
        return None
    if element.component_instance.component_name != DECK_COMPONENT:
        return None
    args: dict[str, Any] = json.loads(element.component_instance.json_args)
    spec = args.pop("spec")
    return {**args, "layers": json.loads(spec)["layers"]}


class Dashboard:
    """The app in one browser page, with what it received and requested recorded."""

    FOLIUM_IFRAME: Final = 'iframe[title="streamlit_folium.st_folium"]'

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.deck_specs: list[dict[str, Any]] = []
        self.sockets: list[WebSocket] = []
        self.requested: list[str] = []
        page.on("websocket", self._watch)
        page.on("request", lambda request: self.requested.append(request.url))

    def _watch(self, socket_: WebSocket) -> None:
        self.sockets.append(socket_)
        socket_.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        spec = decode_deck_spec(payload)
        if spec is not None:
            self.deck_specs.append(spec)

    # -- Streamlit

    @property
    def app(self) -> Locator:
        """The Streamlit app's root element."""
        return self.page.get_by_test_id("stApp")

    @property
    def socket(self) -> WebSocket:
        """The page's newest websocket to the app."""
        assert self.sockets, "the page opened no websocket to the app"
        return self.sockets[-1]

    def open(self, query: str = "") -> None:
        """Load the page and wait until the script's first run has finished."""
        self.page.goto(self.url + query)
        self.wait_for_run()

    def wait_for_run(self) -> None:
        """Connected, and the script is not running (Streamlit's own e2e condition)."""
        expect(self.app).to_have_attribute("data-test-connection-state", "CONNECTED")
        expect(self.app).to_have_attribute("data-test-script-state", "notRunning")

    def brush_timeline(self, from_share: float, to_share: float) -> None:
        """Drag across the timeline chart, from and to these shares of its width.

        The drag runs in the plot, a fifth of the way down (above the axis and the key),
        and the rerun it starts has finished on return.
        """
        chart = self.page.get_by_test_id("stVegaLiteChart")
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None
        y = box["y"] + box["height"] * 0.2
        with self.rerun():
            self.page.mouse.move(box["x"] + box["width"] * from_share, y)
            self.page.mouse.down()
            self.page.mouse.move(box["x"] + box["width"] * to_share, y, steps=8)
            self.page.mouse.up()

    @contextmanager
    def rerun(self) -> Iterator[None]:
        """Around an action that reruns the script: wait until that run has finished."""

        def finished(payload: str | bytes) -> bool:
            return message_type(payload) == "script_finished"

        with self.socket.expect_event("framereceived", predicate=finished, timeout=MAP_TIMEOUT):
            yield
        self.wait_for_run()

    def keyed(self, key: str) -> Locator:
        """The element or container created with ``key=...``."""
        return self.page.locator(f".st-key-{key}")

    def show_on_map_button(self, event_id: str) -> Locator:
        """Open an event's row in the list; its "Show on map" button, ready to press."""
        self.keyed(f"list-row-{event_id}").locator("summary").click()
        button = self.keyed(f"list-show-{event_id}").get_by_role("button")
        expect(button).to_be_visible()
        return button

    def shown_event_ids(self, prefix: str) -> list[str]:
        """Event ids of the visible cards' buttons keyed ``<prefix>-show-<id>``, in order."""
        marker = f"st-key-{prefix}-show-"
        classes = self.page.locator(f'[class*="{marker}"]').evaluate_all(
            "nodes => nodes.map(node => node.className)"
        )
        ids = []
        for names in classes:
            for name in names.split():
                if name.startswith(marker):
                    ids.append(name.removeprefix(marker))
        return ids

    def choose_renderer(self, label: str) -> None:
        """Pick a renderer in the sidebar's "Map" radio."""
        self.keyed("renderer").get_by_text(label, exact=True).click()

    # -- deck.gl (the atlas's map component, in its iframe)

    DECK_IFRAME: Final = f'iframe[title="{DECK_COMPONENT}"]'

    @property
    def deck_chart(self) -> Locator:
        """The deck.gl map's iframe."""
        return self.page.locator(self.DECK_IFRAME)

    @property
    def deck_map(self) -> Locator:
        """The map's root element in its iframe (its state is on its data attributes)."""
        return self.page.frame_locator(self.DECK_IFRAME).locator("#map")

    @property
    def deck_canvas(self) -> Locator:
        """The canvas deck.gl draws on."""
        return self.deck_map.locator("canvas")

    def deck_frame(self) -> Frame:
        """The deck.gl map's frame, once visible."""
        expect(self.deck_chart).to_be_visible(timeout=MAP_TIMEOUT)
        frame = self.deck_chart.element_handle().content_frame()
        assert frame is not None
        return frame

    @property
    def deck_spec(self) -> dict[str, Any]:
        """The newest arguments the app sent the map (``layers`` parsed)."""
        assert self.deck_specs, "no deck.gl map arguments reached the browser"
        return self.deck_specs[-1]

    def deck_state(self) -> dict[str, str]:
        """The map's data attributes: renders, frames, view, labelsShown, marks, pending."""
        state: dict[str, str] = self.deck_map.evaluate("root => ({...root.dataset})")
        return state

    def deck_labels(self) -> list[dict[str, Any]]:
        """The labels shown on the map: id, text, size and box (CSS pixels in the page)."""
        labels: list[dict[str, Any]] = self.deck_map.evaluate(
            """root => [...root.querySelectorAll('#labels .label')]
                .filter(span => span.dataset.shown === "1")
                .map(span => {
                    const box = span.getBoundingClientRect();
                    return {id: span.dataset.id, text: span.textContent,
                            size: parseFloat(getComputedStyle(span).fontSize),
                            x: box.x, y: box.y, width: box.width, height: box.height};
                })"""
        )
        return labels

    def deck_box(self) -> dict[str, float]:
        """The map's box in CSS pixels in the page, once drawn."""
        self.wait_for_deck_render()
        box = self.deck_chart.bounding_box()
        assert box is not None
        return {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}

    def wait_for_deck_render(self, renders: int = 1) -> None:
        """Wait until the map has drawn ``renders`` runs' arguments and placed its labels."""
        self.deck_frame().wait_for_function(
            """renders => {
                const root = document.getElementById("map");
                return root && Number(root.dataset.renders || 0) >= renders
                    && Number(root.dataset.frames || 0) > 0 && root.dataset.labelsShown;
            }""",
            arg=renders,
            timeout=MAP_TIMEOUT,
        )

    def deck_point(self, lon: float, lat: float) -> tuple[float, float]:
        """Where ``lon, lat`` is in the map (CSS pixels from its top left).

        In the map's current view, the reader's pan and zoom included.
        """
        return deck_pixel(self.deck_view(), self.deck_box(), lon, lat)

    def deck_view(self) -> dict[str, float]:
        """The map's current view (longitude, latitude and deck.gl's zoom), as it reports it."""
        self.wait_for_deck_render()
        view = json.loads(self.deck_state()["view"])
        return {"longitude": view["lon"], "latitude": view["lat"], "zoom": view["zoom"] - 1}

    def wait_for_deck_view(self, wanted: dict[str, float], *, tolerance: float = 1e-4) -> None:
        """Wait until the map shows the view ``wanted`` (longitude, latitude, deck.gl zoom)."""
        self.deck_frame().wait_for_function(
            """([wanted, tolerance]) => {
                const view = JSON.parse(document.getElementById("map").dataset.view || "null");
                if (!view) return false;
                const shown = {longitude: view.lon, latitude: view.lat, zoom: view.zoom - 1};
                return ["longitude", "latitude", "zoom"].every(
                    key => Math.abs(shown[key] - wanted[key]) <= tolerance);
            }""",
            arg=[wanted, tolerance],
            timeout=MAP_TIMEOUT,
        )

    def mark_deck_canvas(self) -> None:
        """Mark the map's page (see :meth:`deck_canvas_is_marked`)."""
        self.deck_frame().evaluate("() => { window.__atlasMark = true; }")

    def deck_canvas_is_marked(self) -> bool:
        """Whether the map shown is the one marked (not a new component's)."""
        marked: bool = self.deck_frame().evaluate("() => window.__atlasMark === true")
        return marked

    def drag_deck(self, dx: float, dy: float) -> None:
        """Pan the map by dragging from its centre by ``dx, dy`` pixels."""
        box = self.deck_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        before = self.deck_view()
        self.page.mouse.move(x, y)
        self.page.mouse.down()
        self.page.mouse.move(x + dx / 2, y + dy / 2, steps=4)
        self.page.mouse.move(x + dx, y + dy, steps=4)
        self.page.mouse.up()
        self.deck_frame().wait_for_function(
            """longitude => JSON.parse(document.getElementById("map").dataset.view).lon
                !== longitude""",
            arg=before["longitude"],
        )

    def deck_screenshot(self, scale: Literal["css", "device"] = "device") -> Image.Image:
        """The map as drawn (its labels included), without tooltip.

        With ``scale="css"`` one pixel per CSS pixel at any device pixel ratio, so that a
        point placed by :func:`deck_pixel` is where it is sampled.
        """
        self.page.mouse.move(0, 0)
        expect(self.deck_map.locator(".deck-tooltip")).to_be_hidden()
        return image(self.deck_chart.screenshot(scale=scale))

    def wait_for_deck_drawn(self) -> Image.Image:
        """Wait until the map shows more than a background; return that picture."""
        self.wait_for_deck_render()

        def drawn() -> Image.Image | None:
            shot = self.deck_screenshot()
            return shot if distinct_colours(shot) > 50 else None

        return wait_until(
            drawn,
            timeout_ms=MAP_TIMEOUT,
            message="the deck.gl map stayed blank",
        )

    def hover_deck(self, lon: float, lat: float, name: str) -> tuple[float, float]:
        """Point at ``lon, lat``; the map's picking must name the feature in its tooltip."""
        box = self.deck_box()
        x, y = self.deck_point(lon, lat)
        assert 0 <= x < box["width"], f"{name} is off the map"
        assert 0 <= y < box["height"], f"{name} is off the map"
        self.page.mouse.move(box["x"] + x, box["y"] + y)
        tooltip = self.deck_map.locator(".deck-tooltip")
        expect(tooltip).to_contain_text(name, timeout=MAP_TIMEOUT)
        return x, y

    def click_deck_here(self) -> None:
        """A real mouse click where the pointer is; pressed again only if nothing was sent.

        See :data:`CLICK_ATTEMPTS`: deck.gl's tap recogniser may drop a slow click, and a
        dropped click sends no message to the app, so a second press cannot double-select.
        """
        for _ in range(CLICK_ATTEMPTS):
            try:
                with self.socket.expect_event("framesent", timeout=CLICK_REGISTERED_TIMEOUT):
                    self.page.mouse.down()
                    self.page.mouse.up()
            except PlaywrightTimeoutError:
                continue
            return
        raise AssertionError(f"deck.gl registered none of {CLICK_ATTEMPTS} clicks on the map")

    @contextmanager
    def next_deck_spec(self, check: Callable[[dict[str, Any]], bool]) -> Iterator[None]:
        """Around an action: wait for a deck spec for which ``check`` holds to arrive."""

        def wanted(payload: str | bytes) -> bool:
            spec = decode_deck_spec(payload)
            return spec is not None and check(spec)

        with self.socket.expect_event("framereceived", predicate=wanted, timeout=MAP_TIMEOUT):
            yield

    # -- Leaflet (streamlit-folium's component iframe)

    @property
    def leaflet_iframe(self) -> Locator:
        """The iframe the Leaflet map is drawn in."""
        return self.page.locator(self.FOLIUM_IFRAME)

    def leaflet_frame(self) -> Frame:
        """The Leaflet map's frame, once visible."""
        expect(self.leaflet_iframe).to_be_visible(timeout=MAP_TIMEOUT)
        handle = self.leaflet_iframe.element_handle()
        frame = handle.content_frame()
        assert frame is not None
        return frame

    @property
    def leaflet_map(self) -> Locator:
        """The Leaflet map's container."""
        return self.page.frame_locator(self.FOLIUM_IFRAME).locator(".leaflet-container")

    def wait_for_leaflet(
        self, feature_ids: list[str], styled: dict[str, str] | None = None
    ) -> Frame:
        """Wait until Leaflet has drawn these features, at rest (no pan or zoom animation).

        ``styled`` maps feature ids to the colour (``color`` or ``fillColor``) each must have.
        The map object is the global ``map`` streamlit-folium creates; its canvas renderer
        (``prefer_canvas``) must have painted something, or its SVG renderer drawn paths.
        """
        frame = self.leaflet_frame()
        frame.wait_for_function(
            """([ids, styled]) => {
                const map = window.map;
                if (!map || !window.feature_group || !window.feature_group.length) return false;
                if (map._animatingZoom || (map._panAnim && map._panAnim._inProgress)) return false;
                const drawn = new Map();
                map.eachLayer(layer => {
                    const id = layer.feature && layer.feature.properties.id;
                    if (id) drawn.set(id, layer.options);
                });
                if (!ids.every(id => drawn.has(id))) return false;
                for (const [id, colour] of Object.entries(styled)) {
                    const o = drawn.get(id);
                    if (!o || (o.color !== colour && o.fillColor !== colour)) return false;
                }
                const canvas = document.querySelector(".leaflet-overlay-pane canvas");
                if (!canvas) {  // the SVG renderer (prefer_canvas off)
                    return document.querySelectorAll(".leaflet-overlay-pane path").length > 0;
                }
                if (!canvas.width) return false;
                const data = canvas.getContext("2d")
                    .getImageData(0, 0, canvas.width, canvas.height).data;
                const seen = new Set();
                for (let i = 0; i < data.length && seen.size < 3; i += 4 * 97) {
                    seen.add(data.slice(i, i + 4).join());
                }
                return seen.size > 1;
            }""",
            arg=[feature_ids, styled or {}],
            timeout=MAP_TIMEOUT,
        )
        return frame

    def leaflet_point(self, frame: Frame, lon: float, lat: float) -> dict[str, float]:
        """Where Leaflet draws ``lon, lat`` in its map container (its own projection)."""
        point: dict[str, float] = frame.evaluate(
            "([lat, lon]) => window.map.latLngToContainerPoint([lat, lon])", [lat, lon]
        )
        return point

    def leaflet_world_px(self, frame: Frame) -> float:
        """The width in pixels of Leaflet's world at its current zoom (256 px at zoom 0)."""
        width: float = frame.evaluate("() => 256 * Math.pow(2, window.map.getZoom())")
        return width

    def leaflet_screenshot(self) -> Image.Image:
        """A screenshot of the Leaflet map, the pointer moved away."""
        self.page.mouse.move(0, 0)
        return image(self.leaflet_map.screenshot())


def host_of(url: str) -> str | None:
    """The host a URL goes to; None for URLs that go nowhere (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return None
    return parts.hostname


def line_points_clear_of_places(
    dashboard: Dashboard, catalog: Catalog, feature_id: str, samples: int
) -> list[tuple[float, float]]:
    """Canvas points along a line feature, in view and 14 px clear of every place's dot.

    ``samples + 1`` points evenly along the line, 4 px inside the map's edges.
    """
    view, box = dashboard.deck_view(), dashboard.deck_box()
    dots = [deck_pixel(view, box, place.lon, place.lat) for place in catalog.places]
    line = catalog.geometries[feature_id]
    points = [line.interpolate(share / samples, normalized=True) for share in range(samples + 1)]
    return [
        (x, y)
        for x, y in (deck_pixel(view, box, point.x, point.y) for point in points)
        if 4 < x < box["width"] - 4
        and 4 < y < box["height"] - 4
        and all(((x - dx) ** 2 + (y - dy) ** 2) ** 0.5 > 14 for dx, dy in dots)
    ]

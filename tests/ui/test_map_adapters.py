"""The renderer seam: every renderer has an adapter and a label, and a third one plugs in.

How to add a renderer (what :func:`test_a_third_renderer_is_offered_drawn_and_linked`
does with a sketch renderer that writes the map as one line of text):

1. implement :class:`corridors.render.protocol.MapRenderer` (a name, a label key, ``build``;
   :class:`~corridors.render.protocol.BuilderRenderer` wraps a builder function)
   and add it to :data:`corridors.render.registry.RENDERERS`;
2. write its adapter (a :class:`corridors.ui.dashboard.map.adapter.MapAdapter`: where the
   map looks, and ``draw``, which puts the map on the page and sends clicks to ``select``)
   and add it to :data:`corridors.ui.dashboard.map.adapters.ADAPTERS`;
3. add its label, ``renderers.<name>``, to each locale file.

The sidebar then offers it, the map panel draws with it, and the dashboard's links name it
(``view=<name>``); nothing else changes. Stories and ``corridors validate`` read links with
the link layer's own list of renderer names (:class:`corridors.links.view_state.Vocabulary`),
which a test below keeps equal to the registry's: add the name there too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
import streamlit_folium
from streamlit.testing.v1 import AppTest

from corridors.core import settings
from corridors.core.basemaps import BUNDLED
from corridors.core.languages import available_languages
from corridors.data.catalog import Catalog
from corridors.data.timeline import catalogue_span
from corridors.geo.camera import Camera, fit_bounds
from corridors.i18n import Translator, strings
from corridors.links.view_state import ViewState, Vocabulary
from corridors.render.deck.component import component_drawing
from corridors.render.event_marks import EVENTS_LAYER
from corridors.render.framing import Framing
from corridors.render.leaflet.builder import build_map, fix_element_ids
from corridors.render.protocol import BuilderRenderer
from corridors.render.registry import RENDERERS, UnknownRendererError, renderer
from corridors.render.reported_layer import MapView, ReportedLayer
from corridors.render.scene import Scene, SceneRequest, build_scene
from corridors.ui.dashboard.link_sync import NOTICES
from corridors.ui.dashboard.map.adapter import MapDraw, select
from corridors.ui.dashboard.map.adapters import ADAPTERS, MissingAdapterError, adapter
from corridors.ui.dashboard.map.leaflet import LEAFLET_RETURNS
from support.app import open_app


def sketch_map(
    scene: Scene,
    translate: Translator,
    *,
    camera: Camera,
    basemap: str = BUNDLED,
    reported: ReportedLayer | None = None,
) -> str:
    """A map that is one line of text: how many features, seen from where."""
    highlighted = ",".join(sorted(f.id for f in scene.features if f.highlighted))
    cells = len(reported.cells) if reported is not None else 0
    return (
        f"sketch: {len(scene.features)} features, highlighted [{highlighted}], "
        f"{cells} cells, at {camera.lat:.1f} {camera.lon:.1f} on {basemap} "
        f"in {translate.lang}"
    )


SKETCH: BuilderRenderer[str] = BuilderRenderer("sketch", "renderers.sketch", sketch_map)


class SketchAdapter:
    """Puts the sketch on the page as code; its buttons stand for clicks on Meghri and on
    the mark of the newest event in range."""

    name = SKETCH.name

    def map_view(self, framing: Framing) -> MapView:
        return MapView(framing.camera, settings.assumed_map_width, settings.dashboard_map_height)

    def draw(self, draw: MapDraw) -> None:
        text = SKETCH.build(
            draw.scene,
            draw.translate,
            camera=draw.framing.camera,
            basemap=draw.basemap,
            reported=draw.reported,
        )
        st.code(text, language=None)
        st.button("click Meghri", key="sketch-click", on_click=select, args=("places", "meghri"))
        newest = draw.scene.marks[-1].id
        st.button("click a mark", key="sketch-mark", on_click=select, args=(EVENTS_LAYER, newest))


def sketch_text(at: AppTest) -> str:
    texts = [block.value for block in at.code if block.value.startswith("sketch:")]
    assert len(texts) == 1
    return str(texts[0])


@pytest.fixture
def sketch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sketch renderer registered, its adapter too, and its label in every language."""
    monkeypatch.setitem(RENDERERS, SKETCH.name, SKETCH)
    monkeypatch.setitem(ADAPTERS, SKETCH.name, SketchAdapter())
    for lang, label in (("en", "Sketch"), ("ar", "رسم")):
        monkeypatch.setitem(strings(lang), SKETCH.label_key, label)


def test_every_renderer_has_an_adapter_a_label_and_a_link_name() -> None:
    assert list(RENDERERS) == ["deck", "leaflet"]
    assert set(ADAPTERS) == set(RENDERERS)
    assert set(Vocabulary().renderers) == set(RENDERERS)  # what stories and validate accept
    assert ViewState().renderer in RENDERERS
    for name, drawn in RENDERERS.items():
        assert (drawn.name, drawn.label_key, adapter(name).name) == (
            name,
            f"renderers.{name}",
            name,
        )
        for lang in available_languages():
            assert strings(lang)[drawn.label_key]


def test_an_unknown_renderer_is_an_error_that_names_the_known_ones() -> None:
    with pytest.raises(UnknownRendererError, match=r"'globe': expected one of deck, leaflet"):
        renderer("globe")
    with pytest.raises(MissingAdapterError, match=r"'globe' \(adapters: deck, leaflet\)"):
        adapter("globe")


def test_each_renderer_builds_what_its_builder_builds(catalog: Catalog) -> None:
    request = SceneRequest(dates=catalogue_span(catalog.events), highlighted=frozenset({"am"}))
    scene = build_scene(catalog, request)
    camera = fit_bounds(scene.bounds)
    translate = Translator("ar")
    deck = renderer("deck").build(scene, translate, camera=camera, basemap="osm")
    # the map component's arguments, asked to look through the camera
    assert deck == {
        **component_drawing(scene, translate, basemap="osm", reported=None),
        "frame": {
            "moves": 0,
            "camera": {"lat": camera.lat, "lon": camera.lon, "zoom": camera.zoom},
            "bounds": list(scene.bounds),
        },
    }
    leaflet = renderer("leaflet").build(scene, translate, camera=camera, basemap="osm")
    expected_map = build_map(scene, translate, camera=camera, basemap="osm")
    pages = []
    for built in (leaflet, expected_map):
        root = built.get_root()
        fix_element_ids(root)
        pages.append(root.render())
    assert pages[0] == pages[1]


@pytest.mark.usefixtures("sketch")
def test_a_third_renderer_is_offered_drawn_and_linked(catalog: Catalog) -> None:
    at = open_app()
    choice = at.radio(key="renderer")
    assert choice.options == ["deck.gl", "Leaflet", "Sketch"]
    choice.set_value("sketch").run()
    assert not at.exception
    assert at.get("component_instance") == []  # neither the deck.gl map nor Leaflet
    drawn = len(build_scene(catalog, SceneRequest(dates=catalogue_span(catalog.events))).features)
    assert sketch_text(at).startswith(f"sketch: {drawn} features, highlighted [], 0 cells, at ")
    assert at.query_params["view"] == "sketch"
    # a click on the sketch selects, as a click on any map does
    at.button(key="sketch-click").click().run()
    assert at.selectbox(key="feature").value == "meghri"
    assert "highlighted [meghri]" in sketch_text(at)


@pytest.mark.usefixtures("sketch")
def test_a_click_on_an_events_mark_selects_it_as_the_list_does(catalog: Catalog) -> None:
    newest = catalog.events[-1].id  # the first row of the list (newest first)
    at = open_app(view="sketch")
    assert at.button(key=f"list-show-{newest}")  # listed, not selected
    at.button(key="sketch-mark").click().run()
    assert not at.exception
    assert at.session_state["event"] == newest
    assert at.button(key=f"selected-clear-{newest}")  # its card opened beside the map
    assert at.button(key=f"list-clear-{newest}")  # its row in the list, open and selected
    assert at.query_params["event"] == newest  # in the link, as a selection from the list


@pytest.mark.usefixtures("sketch")
def test_a_link_to_the_third_renderer_opens_it() -> None:
    at = open_app(view="sketch", lang="ar", basemap="osm")
    assert at.session_state[NOTICES] == ()  # the link was read whole
    assert at.radio(key="renderer").value == "sketch"
    assert sketch_text(at).endswith(" on osm in ar")


def test_the_leaflet_component_sends_back_every_field_its_adapter_reads() -> None:
    """A click on the Leaflet map is read by its count (streamlit-folium 0.27.3 and later):
    the installed component's frontend must send it, and the position, back to the page."""
    build = Path(streamlit_folium.__file__).parent / "frontend" / "build"
    frontend = "".join(script.read_text(encoding="utf-8") for script in build.rglob("*.js"))
    sent = [name for name in LEAFLET_RETURNS if re.search(rf"\b{name}\s*:", frontend)]
    assert sent == LEAFLET_RETURNS

/**
 * The deck.gl map of Corridor Atlas, as a Streamlit component.
 *
 * Each run the app sends the layers (pydeck's JSON, turned into deck.gl layers by
 * @deck.gl/json), the labels, the event marks and a frame (where to look, applied only
 * when it changes). The map fits the frame to its own box, keeps the reader's pan and
 * zoom, places the labels itself (labels.ts), and sends back the view it shows and each
 * click, with what it picked (picking.ts). State for tests and benchmarks is on the
 * root element's data attributes: `data-renders` (runs drawn), `data-labels-shown`,
 * `data-view` (JSON), `data-pending` (a click not yet answered), `data-feedback-ms` (from
 * the last click's event to its ring on screen), `data-marks` (marks and clusters drawn)
 * and `data-marked-events` (the events they hold).
 */

import { Deck, MapView, WebMercatorViewport, type Layer, type PickingInfo } from "@deck.gl/core";
import { PathStyleExtension } from "@deck.gl/extensions";
import { JSONConverter } from "@deck.gl/json";
import { PathLayer, PolygonLayer, ScatterplotLayer } from "@deck.gl/layers";
import { tileLayer } from "./basemap";
import { appView, frameViewState, type DeckViewState } from "./camera";
import { LabelLayer } from "./labels";
import { MarkIndex, markLayers, markRadius, type Drawn } from "./marks";
import { HeldParts, type LayerJson, type WholeArgs } from "./parts";
import { hitAt, pick } from "./picking";
import type { MapArgs, MapValue, PlaceDot, RGBA } from "./protocol";
import { connect } from "./streamlit";

/** Milliseconds of stillness after a pan or zoom before the view is reported. */
const SETTLE_MS = 300;
/** A press and release closer than this (CSS pixels) is a tap, not a drag. */
const TAP_PX = 6;

performance.mark("map:script"); // the bundle runs (marks for benchmarks/page_load.py)

const converter = new JSONConverter({
  configuration: {
    classes: { PathLayer, PolygonLayer, ScatterplotLayer, PathStyleExtension },
  },
});

const root = document.getElementById("map") as HTMLDivElement;
const labels = new LabelLayer(document.getElementById("labels") as HTMLDivElement);
const marks = new MarkIndex();
const held = new HeldParts();
const streamlit = connect<MapArgs>(receive);

let args: WholeArgs | null = null;
let deck: Deck<MapView> | null = null;
let viewState: DeckViewState | null = null;
let appliedMoves = -1;
let specLayers: Layer[] = [];
let lastLayers = "";
let seq = 0;
let moved = false;
let settle: number | undefined;
let placing = false;
let renders = 0;
let drawnMarks: Drawn[] = [];
/** The view is the frame's bounds fitted to the box (refitted when the box changes size). */
let fitted = false;

/** A run's arguments: drawn once whole (parts left out are those held), else asked again. */
function receive(sent: MapArgs): void {
  const whole = held.resolve(sent);
  if (whole === null) {
    held.clear();
    send(null, true); // mounted anew while playing: the app sends everything again
    return;
  }
  render(whole, sent.hashes);
}

function render(next: WholeArgs, hashes: Record<string, string>): void {
  if (renders === 0) performance.mark("map:first-args");
  args = next;
  root.dir = next.rtl ? "rtl" : "ltr";
  const [r, g, b, a] = next.background;
  root.style.background = `rgba(${r}, ${g}, ${b}, ${a / 255})`;
  for (const [id, name] of [["zoom-in", next.texts.zoomIn], ["zoom-out", next.texts.zoomOut]]) {
    const button = document.getElementById(id) as HTMLButtonElement;
    button.title = name;
    button.setAttribute("aria-label", name);
  }
  streamlit.setHeight(next.height); // the page's CSS may size the frame otherwise
  const layerHashes = next.layers.map((layer) => `${layer.id}:${hashes[`layer:${layer.id}`]}`).join();
  if (layerHashes !== lastLayers) {
    lastLayers = layerHashes;
    const layers = next.layers.map((layer) => sameDataAsBefore(layer, hashes[`layer:${layer.id}`] ?? ""));
    specLayers = (converter.convert({ layers }) as { layers: Layer[] }).layers;
  }
  marks.setMarks(next.marks);
  labels.setLabels(next.labels, next.lang, next.rtl);
  let reframed = false;
  if (next.frame.moves !== appliedMoves || viewState === null) {
    reframed = viewState !== null; // the app moved the map: its cells follow the new view
    appliedMoves = next.frame.moves;
    fitted = !next.frame.camera;
    viewState = frameViewState(next.frame, ...boxSize());
  }
  if (deck === null) {
    deck = new Deck({
      parent: root,
      views: new MapView({ repeat: false }),
      viewState,
      // no double-click zoom: a click would wait to be told from a double click (~300 ms)
      controller: { doubleClickZoom: false, touchRotate: false, dragRotate: false },
      useDevicePixels: true,
      pickingRadius: 0,
      onViewStateChange: ({ viewState: changed, interactionState }) => {
        viewState = changed as DeckViewState;
        const byReader = Boolean(
          interactionState.isDragging || interactionState.isPanning || interactionState.isZooming,
        );
        update();
        if (byReader) {
          moved = true;
          fitted = false;
          reportSoon();
        }
      },
      onClick: (info: PickingInfo) => onClick(info.x, info.y),
      getTooltip: tooltip,
      onAfterRender: () => {
        if (!root.dataset.frames) performance.mark("map:first-frame");
        root.dataset.frames = String(Number(root.dataset.frames ?? "0") + 1);
      },
      onResize: () => {
        if (fitted && args) viewState = frameViewState(args.frame, ...boxSize()); // the box grew
        update();
        if (args?.reportView || moved) reportSoon();
      },
    });
  }
  root.dataset.pending = "";
  root.classList.remove("waiting");
  clicked = null; // the app's answer draws the selection
  update();
  renders += 1;
  root.dataset.renders = String(renders);
  if ((renders === 1 || reframed) && next.reportView) reportSoon();
}

/** The zoom buttons: a reader's move, like a wheel's. */
function zoomBy(delta: number): void {
  if (!viewState) return;
  const zoom = Math.min(Math.max(viewState.zoom + delta, viewState.minZoom), viewState.maxZoom);
  viewState = { ...viewState, zoom };
  moved = true;
  fitted = false;
  update();
  reportSoon();
}
document.getElementById("zoom-in")?.addEventListener("click", () => zoomBy(1));
document.getElementById("zoom-out")?.addEventListener("click", () => zoomBy(-1));

/** Each layer's rows as last drawn, and the hash of the layer they were drawn for. */
const lastRows = new Map<string, { hash: string; rows: unknown[] }>();

/** `layer` with the very rows drawn before when it is the same (the same hash): deck.gl then
 * keeps its buffers (a click that highlights one region re-tessellates that layer only). */
function sameDataAsBefore(layer: LayerJson, hash: string): LayerJson {
  const last = lastRows.get(layer.id);
  if (last && last.hash === hash) return { ...layer, data: last.rows };
  lastRows.set(layer.id, { hash, rows: layer.data });
  return layer;
}

/** The row last clicked, drawn in the highlight colour until the app answers (the app's
 * answer then draws the selection itself). */
let clicked: { layer: string; index: number } | null = null;

function withClickedRow(layer: Layer, highlight: RGBA): Layer {
  if (!clicked || layer.id !== clicked.layer) return layer;
  return layer.clone({ highlightedObjectIndex: clicked.index, highlightColor: highlight });
}

/** Draw the current view: the layers, the marks at this zoom, the labels. */
function update(): void {
  if (!deck || !args || !viewState) return;
  const texts = args.clusterTexts;
  const viewport = new WebMercatorViewport({ ...viewState, width: root.clientWidth, height: root.clientHeight });
  const counted = marks.drawn(viewState.zoom + 1, (count) => texts[String(count)] ?? String(count));
  drawnMarks = besideDots(counted, args.dots, viewport);
  const layers: Layer[] = [
    ...(args.tiles ? [tileLayer(args.tiles.url)] : []),
    ...specLayers.map((layer) => withClickedRow(layer, args!.highlight)),
    ...markLayers(drawnMarks, args.selectedMark, args.highlight),
  ];
  deck.setProps({ layers, viewState });
  root.dataset.marks = String(drawnMarks.length);
  root.dataset.markedEvents = String(drawnMarks.reduce((sum, mark) => sum + mark.count, 0));
  root.dataset.view = JSON.stringify(appView(viewState, root.clientWidth, root.clientHeight));
  placeLabelsSoon();
}

/** Marks on a place's dot moved beside it (up and right, like a badge): the dot stays
 * visible, highlighted when selected, and clickable. */
function besideDots(drawn: Drawn[], dots: PlaceDot[], viewport: WebMercatorViewport): Drawn[] {
  const places = dots.map((dot) => ({ at: viewport.project(dot.position), radius: dot.radius }));
  return drawn.map((mark) => {
    const [x, y] = viewport.project(mark.position);
    const dot = places.find(({ at }) => Math.hypot(at[0] - x, at[1] - y) < 1.5);
    if (!dot) return mark;
    const away = (dot.radius + markRadius(mark) + 1) * Math.SQRT1_2;
    const [lon, lat] = viewport.unproject([x + away, y - away]);
    return { ...mark, position: [lon, lat] };
  });
}

function placeLabelsSoon(): void {
  if (placing) return;
  placing = true;
  requestAnimationFrame(() => {
    placing = false;
    if (!deck?.isInitialized) {
      placeLabelsSoon(); // deck.gl has no viewport before its first frame
      return;
    }
    const viewport = deck.getViewports()[0];
    if (!viewport) return;
    const marked = drawnMarks.map((mark) => ({ id: mark.id, position: mark.position, radius: markRadius(mark), rank: 0, mark: true }));
    const places = args?.dots.map((dot) => ({ ...dot, mark: false })) ?? [];
    if (!root.dataset.labelsShown) performance.mark("map:first-labels");
    root.dataset.labelsShown = String(labels.place(viewport, [...places, ...marked]));
  });
}

function reportSoon(): void {
  window.clearTimeout(settle);
  settle = window.setTimeout(() => send(null), SETTLE_MS);
}

function send(click: MapValue["click"], resend = false): void {
  if (!viewState || !args) {
    if (resend) streamlit.setValue({ seq: ++seq, view: { lat: 0, lon: 0, zoom: 1, width: 1, height: 1 }, moved: false, click: null, resend });
    return;
  }
  seq += 1;
  const view = appView(viewState, root.clientWidth, root.clientHeight);
  const value: MapValue = { seq, view, moved, click, ...(resend ? { resend } : {}) };
  streamlit.setValue(value);
}

function onClick(x: number, y: number): void {
  if (!deck || !args) return;
  const picked = pick(deck, x, y, args.pickingRadius, args.picking);
  if (picked.clusterAt && viewState) {
    const zoom = marks.expansionZoom(picked.clusterAt.clusterId) - 1;
    const [longitude, latitude] = picked.clusterAt.position;
    viewState = { ...viewState, longitude, latitude, zoom: Math.max(zoom, viewState.zoom + 1) };
    moved = true;
    fitted = false;
    update();
    reportSoon();
    return;
  }
  if (picked.click) {
    clicked = picked.at;
    update();
    root.dataset.pending = `${picked.click.layer}:${picked.click.id}`;
    root.classList.add("waiting");
    window.clearTimeout(settle);
    send(picked.click);
  }
}

/** The map's box in CSS pixels (the asked height until the frame has its own). */
function boxSize(): [number, number] {
  const height = root.clientHeight > 50 ? root.clientHeight : (args?.height ?? 560);
  return [Math.max(root.clientWidth, 50), height];
}

/** A tap (a press and release without a drag) draws its ring at once, before deck.gl's
 * picking and the app's answer; `data-feedback-ms` is the delay from the release. */
let pressed: { x: number; y: number } | null = null;
root.addEventListener("pointerdown", (event) => {
  pressed = { x: event.clientX, y: event.clientY };
});
root.addEventListener("pointerup", (event) => {
  if (!pressed || Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > TAP_PX) return;
  if ((event.target as HTMLElement).closest("button")) return;
  const box = root.getBoundingClientRect();
  ping(event.clientX - box.left, event.clientY - box.top);
  root.dataset.feedbackMs = (performance.now() - event.timeStamp).toFixed(1);
});

/** A ring where the pointer went down: the click was seen (before the app answers). */
function ping(x: number, y: number): void {
  const ring = document.createElement("div");
  ring.className = "ping";
  ring.style.left = `${x}px`;
  ring.style.top = `${y}px`;
  root.appendChild(ring);
  window.setTimeout(() => ring.remove(), 700);
}

/** The tooltip of what a click there would pick (plain text: deck.gl sets it as text). */
function tooltip(info: PickingInfo): { text: string; style: Record<string, string> } | null {
  if (!deck || !args || info.x < 0 || info.y < 0) return null;
  const text = hitAt(deck, info.x, info.y, args.pickingRadius, args.picking)?.row.tooltip;
  if (!text) return null;
  const style: Record<string, string> = {
    backgroundColor: "white",
    color: "#222",
    fontSize: "13px",
    whiteSpace: "pre-line",
    boxShadow: "0 1px 4px rgba(0,0,0,.3)",
    direction: args.rtl ? "rtl" : "ltr",
    textAlign: args.rtl ? "right" : "left",
  };
  return { text, style };
}

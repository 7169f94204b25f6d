/** Cameras: the app's (a link's web zoom) and deck.gl's (a 512 px world: one zoom less). */

import { WebMercatorViewport } from "@deck.gl/core";
import type { Frame, View } from "./protocol";

/** deck.gl's zoom is the web maps' zoom minus one. */
const DECK_ZOOM_OFFSET = -1;
/** Share of the box's smaller side kept free around fitted bounds. */
const FIT_PADDING = 0.04;

export interface DeckViewState {
  longitude: number;
  latitude: number;
  zoom: number;
  pitch: number;
  bearing: number;
  minZoom: number;
  maxZoom: number;
}

const ZOOM_LIMITS = { minZoom: 3, maxZoom: 14 };

/** The deck.gl view state that shows `frame` in a `width` x `height` box. */
export function frameViewState(frame: Frame, width: number, height: number): DeckViewState {
  const flat = { pitch: 0, bearing: 0, ...ZOOM_LIMITS };
  if (frame.camera) {
    const { lat, lon, zoom } = frame.camera;
    return { longitude: lon, latitude: lat, zoom: zoom + DECK_ZOOM_OFFSET, ...flat };
  }
  const [west, south, east, north] = frame.bounds;
  const padding = Math.round(Math.min(width, height) * FIT_PADDING);
  const fitted = new WebMercatorViewport({ width, height }).fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding },
  );
  return { longitude: fitted.longitude, latitude: fitted.latitude, zoom: fitted.zoom, ...flat };
}

/** The view in the app's units (web zoom), rounded as a link writes it. */
export function appView(state: DeckViewState, width: number, height: number): View {
  return {
    lat: round(state.latitude, 4),
    lon: round(state.longitude, 4),
    zoom: round(state.zoom - DECK_ZOOM_OFFSET, 2),
    width: Math.round(width),
    height: Math.round(height),
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * What a click picked, with room for a finger: the marks, places and lines within a
 * picking radius first (nearest wins), else the areas exactly under the pointer, smallest
 * first (a district before its autonomous republic, before its country).
 */

import type { Deck, MapView } from "@deck.gl/core";
import type { Click } from "./protocol";

/** Layers picked within the radius, and areas picked under the pointer. */
const FINE_LAYERS = ["events", "places", "route", "corridors"];
const AREA_LAYERS = ["cells", "regions", "countries"];

export interface Picked {
  click: Click | null;
  /** A cluster of marks to zoom into, instead of a click to report. */
  clusterAt: { position: [number, number]; clusterId: number } | null;
}

interface Row {
  id?: string;
  clusterId?: number | null;
  position?: [number, number];
}

export function pick(deck: Deck<MapView>, x: number, y: number, radius: number): Picked {
  const fine = deck.pickObject({ x, y, radius, layerIds: FINE_LAYERS });
  const areas = deck
    .pickMultipleObjects({ x, y, radius: 0, depth: 6, layerIds: AREA_LAYERS })
    .map((info) => ({ layer: info.layer?.id ?? "", id: (info.object as Row | null)?.id ?? "" }))
    .filter((area) => area.id !== "");
  const areaIds = AREA_LAYERS.filter((layer) => layer !== "cells").flatMap((layer) => areas.filter((area) => area.layer === layer).map((area) => area.id));
  const row = fine?.object as Row | undefined;
  if (fine && row?.clusterId !== undefined && row.clusterId !== null && row.position) {
    return { click: null, clusterAt: { position: row.position, clusterId: row.clusterId } };
  }
  if (fine && row?.id) {
    return { click: { layer: fine.layer?.id ?? "", id: row.id, areas: areaIds }, clusterAt: null };
  }
  const first = AREA_LAYERS.map((layer) => areas.find((area) => area.layer === layer)).find(Boolean);
  return { click: first ? { layer: first.layer, id: first.id, areas: areaIds } : null, clusterAt: null };
}

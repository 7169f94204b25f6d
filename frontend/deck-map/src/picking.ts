/**
 * What the pointer is on, with room for a finger: the marks, places and lines within a
 * picking radius first (nearest wins), else the areas exactly under the pointer, smallest
 * first (a district before its autonomous republic, before its country). Hover (the
 * tooltip) and click pick alike, so the tooltip names what a click selects.
 */

import type { Deck, MapView } from "@deck.gl/core";
import type { Click, Picking } from "./protocol";

/** Areas under the pointer looked for at most (a cell, a district, its republic, a country). */
const AREA_DEPTH = 4;

export interface Row {
  id?: string;
  tooltip?: string;
  clusterId?: number | null;
  position?: [number, number];
}

/** The row under the pointer and its layer, and the ids of the areas under it. */
export interface Hit {
  layer: string;
  row: Row;
  /** The row's index in its layer's data (to highlight it before the app answers). */
  index: number;
  /** The areas under the pointer, smallest first (none for a mark, place or line). */
  areas: string[];
}

export function hitAt(deck: Deck<MapView>, x: number, y: number, radius: number, picking: Picking): Hit | null {
  const fine = deck.pickObject({ x, y, radius, layerIds: picking.near });
  if (fine?.object) return { layer: fine.layer?.id ?? "", row: fine.object as Row, index: fine.index, areas: [] };
  // each level of depth is one more picking pass: a cell, a district, its republic, a country
  const under = deck
    .pickMultipleObjects({ x, y, radius: 0, depth: AREA_DEPTH, layerIds: picking.under })
    .map((info) => ({ layer: info.layer?.id ?? "", row: (info.object ?? {}) as Row, index: info.index }))
    .filter((area) => area.row.id);
  const areas = picking.areas.flatMap((layer) =>
    under.filter((area) => area.layer === layer).map((area) => area.row.id as string),
  );
  const first = picking.under.map((layer) => under.find((area) => area.layer === layer)).find(Boolean);
  return first ? { ...first, areas } : null;
}

/** What a click asks for: to select a row, or to zoom into a cluster of marks. */
export interface Picked {
  click: Click | null;
  /** The picked row's layer and index, highlighted at once. */
  at: { layer: string; index: number } | null;
  clusterAt: { position: [number, number]; clusterId: number } | null;
}

export function pick(deck: Deck<MapView>, x: number, y: number, radius: number, picking: Picking): Picked {
  const hit = hitAt(deck, x, y, radius, picking);
  const row = hit?.row;
  if (row?.clusterId !== undefined && row.clusterId !== null && row.position) {
    return { click: null, at: null, clusterAt: { position: row.position, clusterId: row.clusterId } };
  }
  if (hit && row?.id) {
    const click = { layer: hit.layer, id: row.id, areas: hit.areas };
    return { click, at: { layer: hit.layer, index: hit.index }, clusterAt: null };
  }
  return { click: null, at: null, clusterAt: null };
}

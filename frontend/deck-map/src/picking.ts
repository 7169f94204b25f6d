/**
 * What the pointer is on, with room for a finger: the marks, places and lines within a
 * picking radius first (nearest wins), else the areas exactly under the pointer, smallest
 * first (a district before its autonomous republic, before its country). Hover (the
 * tooltip) and click pick alike, so the tooltip names what a click selects.
 */

import type { Deck, MapView } from "@deck.gl/core";
import type { Click, Picking } from "./protocol";

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
  areas: string[];
}

export function hitAt(deck: Deck<MapView>, x: number, y: number, radius: number, picking: Picking): Hit | null {
  const fine = deck.pickObject({ x, y, radius, layerIds: picking.near });
  const under = deck
    .pickMultipleObjects({ x, y, radius: 0, depth: 6, layerIds: picking.under })
    .map((info) => ({ layer: info.layer?.id ?? "", row: (info.object ?? {}) as Row }))
    .filter((area) => area.row.id);
  const areas = picking.areas.flatMap((layer) =>
    under.filter((area) => area.layer === layer).map((area) => area.row.id as string),
  );
  if (fine?.object) return { layer: fine.layer?.id ?? "", row: fine.object as Row, areas };
  const first = picking.under.map((layer) => under.find((area) => area.layer === layer)).find(Boolean);
  return first ? { ...first, areas } : null;
}

/** What a click asks for: to select a row, or to zoom into a cluster of marks. */
export interface Picked {
  click: Click | null;
  clusterAt: { position: [number, number]; clusterId: number } | null;
}

export function pick(deck: Deck<MapView>, x: number, y: number, radius: number, picking: Picking): Picked {
  const hit = hitAt(deck, x, y, radius, picking);
  const row = hit?.row;
  if (row?.clusterId !== undefined && row.clusterId !== null && row.position) {
    return { click: null, clusterAt: { position: row.position, clusterId: row.clusterId } };
  }
  if (hit && row?.id) return { click: { layer: hit.layer, id: row.id, areas: hit.areas }, clusterAt: null };
  return { click: null, clusterAt: null };
}

/**
 * Events as marks at their places, clustered where they crowd (supercluster), with a
 * count. A click on a single mark opens its event; a click on a cluster zooms in on it.
 */

import { ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import type { Layer } from "@deck.gl/core";
import Supercluster, { type ClusterProperties } from "supercluster";
import type { LonLat, Mark, RGBA } from "./protocol";

/** The layer a click on a mark reports (the app's `EVENTS_LAYER`). */
export const MARKS_LAYER = "events";
const COUNTS_LAYER = "events-counts";
/** Clustering radius in pixels, and the zoom above which marks are never clustered. */
const CLUSTER_RADIUS = 28;
const CLUSTER_MAX_ZOOM = 11;
const CLUSTER_FILL: RGBA = [55, 55, 70, 230];
const WHITE: RGBA = [255, 255, 255, 255];

/** One drawn mark: an event (`id`) or a cluster of `count` events. */
export interface Drawn {
  id: string;
  position: LonLat;
  count: number;
  color: RGBA;
  tooltip: string;
  clusterId: number | null;
}

interface MarkProps {
  mark: Mark;
}

export class MarkIndex {
  private index = new Supercluster<MarkProps, MarkProps>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM });
  private key: string | null = null;

  /** Index these marks (again only when they changed). */
  setMarks(marks: Mark[]): void {
    const key = marks.map((mark) => `${mark.id}@${mark.position.join(",")}`).join("|");
    if (key === this.key) return;
    this.key = key;
    this.index = new Supercluster<MarkProps, MarkProps>({ radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM });
    this.index.load(
      marks.map((mark) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: mark.position },
        properties: { mark },
      })),
    );
  }

  /** The marks and clusters drawn at this (web) zoom. */
  drawn(webZoom: number, countText: (count: number) => string): Drawn[] {
    return this.index.getClusters([-180, -85, 180, 85], Math.floor(webZoom)).map((feature) => {
      const position = feature.geometry.coordinates as LonLat;
      const properties = feature.properties as Partial<ClusterProperties> & Partial<MarkProps>;
      if (properties.cluster && properties.cluster_id !== undefined && properties.point_count !== undefined) {
        const count = properties.point_count;
        return { id: `cluster-${properties.cluster_id}`, position, count, color: CLUSTER_FILL, tooltip: countText(count), clusterId: properties.cluster_id };
      }
      const mark = properties.mark as Mark;
      return { id: mark.id, position, count: 1, color: mark.color, tooltip: mark.tooltip, clusterId: null };
    });
  }

  /** The web zoom at which a cluster falls apart into its marks. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}

/** A mark's radius in pixels: a cluster grows with its count; the selected mark is larger. */
export function markRadius(mark: Drawn, selected: string | null = null): number {
  if (mark.count > 1) return 9 + Math.min(8, Math.log2(mark.count) * 2);
  return mark.id === selected ? 9 : 6.5;
}

/** The deck.gl layers of the drawn marks; `selected` is drawn larger, in the highlight colour. */
export function markLayers(drawn: Drawn[], selected: string | null, highlight: RGBA): Layer[] {
  const radius = (mark: Drawn) => markRadius(mark, selected);
  return [
    new ScatterplotLayer<Drawn>({
      id: MARKS_LAYER,
      data: drawn,
      getPosition: (mark) => mark.position,
      getFillColor: (mark) => mark.color,
      getLineColor: (mark) => (mark.id === selected ? highlight : WHITE),
      getLineWidth: (mark) => (mark.id === selected ? 3 : 1.5),
      getRadius: radius,
      radiusUnits: "pixels",
      lineWidthUnits: "pixels",
      stroked: true,
      pickable: true,
      autoHighlight: true,
      updateTriggers: { getRadius: selected, getLineColor: selected, getLineWidth: selected },
    }),
    new TextLayer<Drawn>({
      id: COUNTS_LAYER,
      data: drawn.filter((mark) => mark.count > 1),
      getPosition: (mark) => mark.position,
      getText: (mark) => String(mark.count),
      getColor: WHITE,
      getSize: 12,
      fontWeight: 700,
      characterSet: "0123456789",
      getTextAnchor: "middle",
      getAlignmentBaseline: "center",
      pickable: false,
    }),
  ];
}

/** What the app sends the map each run, and what the map sends back. */

export type LonLat = [number, number];
export type RGBA = [number, number, number, number];

/** Where the app asks the map to look; applied only when `moves` changes. */
export interface Frame {
  moves: number;
  /** A camera from a link (web zoom: a 256 px world at zoom 0), or null to fit `bounds`. */
  camera: { lat: number; lon: number; zoom: number } | null;
  /** West, south, east, north: fitted into the map's box when there is no camera. */
  bounds: [number, number, number, number];
}

/** A name on the map, placed by the component (ranks: 0 first). */
export interface Label {
  id: string;
  text: string;
  color: RGBA;
  rank: number;
  /** CSS pixels, and the type's weight and slant. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** "point": beside a dot of `radius` px; "line": centred on one of `anchors`; "area": centred. */
  kind: "point" | "line" | "area";
  radius: number;
  anchors: LonLat[];
}

/** A place's dot: labels keep clear of it (a minor place's: only place labels). */
export interface PlaceDot {
  id: string;
  position: LonLat;
  radius: number;
  rank: number;
}

export interface Picking {
  near: string[];
  under: string[];
  areas: string[];
}

/** An event at its place, coloured by kind. */
export interface Mark {
  id: string;
  position: LonLat;
  color: RGBA;
  tooltip: string;
}

/** A layer the map already holds (the same hash was sent before): only its id is sent. */
export interface HeldLayer {
  id: string;
  held: true;
}

export interface MapArgs {
  /** The deck.gl layers as pydeck's JSON (`{"layers": [...]}`), as a string; a layer the map
   * holds is sent as a `HeldLayer`. */
  spec: string;
  /** Each part's hash (`layer:<id>`, `labels`, `dots`, `marks`, `clusterTexts`): a part
   * sent as null (or a held layer) is the one last sent with that hash. */
  hashes: Record<string, string>;
  labels: Label[] | null;
  dots: PlaceDot[] | null;
  marks: Mark[] | null;
  selectedMark: string | null;
  frame: Frame;
  height: number;
  lang: string;
  rtl: boolean;
  pickingRadius: number;
  /** Layers picked near the pointer, under it, and those whose picks are areas. */
  picking: Picking;
  /** Report the view (centre, zoom, size) even when the reader has not moved the map. */
  reportView: boolean;
  tiles: { url: string; attribution: string } | null;
  /** The colour around the bundled data (the neighbours' land: north of it is Russia, south
   * of it Iran, Iraq and Turkey), so a box taller than the data shows no empty frame. */
  background: RGBA;
  /** A cluster's tooltip by its count ("12 events here"), plurals done by the app. */
  clusterTexts: Record<string, string> | null;
  /** The zoom buttons' names, in the page's language. */
  texts: { zoomIn: string; zoomOut: string };
  highlight: RGBA;
}

/** The view the map shows, in link units (web zoom) and CSS pixels. */
export interface View {
  lat: number;
  lon: number;
  zoom: number;
  width: number;
  height: number;
}

/** A click: the layer and id picked, and every area under the pointer, smallest first. */
export interface Click {
  layer: string;
  id: string;
  areas: string[];
}

export interface MapValue {
  seq: number;
  view: View;
  /** True once the reader has panned or zoomed: the view belongs in the link. */
  moved: boolean;
  click: Click | null;
  /** The map lacks a part it was not sent (it was mounted anew): send everything. */
  resend?: boolean;
}

/**
 * Names on the map as text in the page, placed here: the browser shapes Arabic, orders
 * right-to-left text and draws every glyph whole at any pixel ratio, and each label's box
 * is in the DOM for the tests to measure.
 *
 * Placement is greedy by rank (0 first; within a rank areas, places, then lines, the widest
 * name first): a label takes the first of its candidate
 * positions that is inside the map and clear of the labels already placed and of the other
 * places' dots; a label with no such position is hidden. Positions: beside a dot (above,
 * below, right, left), on or beside one of a line's anchors, or centred on one of an
 * area's anchors (all inside the area).
 */

import type { Viewport } from "@deck.gl/core";
import type { Label, LonLat } from "./protocol";

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Pixels between a dot and its label, and kept free between labels. */
const GAP = 3;
const MARGIN = 2;
/** Within a rank, which names are placed first. */
const KIND_ORDER: Label["kind"][] = ["area", "point", "line"];
/** Labels of this rank or better may cover event marks (never places' dots). */
const MAJOR_RANK = 2;

/** Something a label must not cover: a place's dot, or an event mark (`mark`). */
export interface Dot {
  id: string;
  position: LonLat;
  radius: number;
  rank: number;
  mark: boolean;
}
/** Where a line's name may go, in half heights (and a gap) off the line. */
const LINE_SHIFTS = [0, 1, -1, 2, -2, 3, -3];

export class LabelLayer {
  private readonly spans = new Map<string, HTMLSpanElement>();
  private labels: Label[] = [];
  private sizes = new Map<string, { width: number; height: number }>();

  constructor(private readonly host: HTMLElement) {}

  /** Show these labels (in this language and size) from now on. */
  setLabels(labels: Label[], lang: string, rtl: boolean): void {
    this.host.lang = lang;
    this.host.dir = rtl ? "rtl" : "ltr";
    const wanted = new Set(labels.map((label) => label.id));
    for (const [id, span] of this.spans) {
      if (!wanted.has(id)) {
        span.remove();
        this.spans.delete(id);
      }
    }
    for (const label of labels) {
      let span = this.spans.get(label.id);
      if (!span) {
        span = document.createElement("span");
        span.className = "label";
        span.dataset.id = label.id;
        this.host.appendChild(span);
        this.spans.set(label.id, span);
      }
      const font = `${label.italic ? "italic" : "normal"} ${label.bold ? 700 : 500} ${label.size}px`;
      if (span.textContent !== label.text || span.dataset.font !== font) {
        span.textContent = label.text; // text, never HTML
        span.dataset.font = font;
        span.style.fontSize = `${label.size}px`;
        span.style.fontWeight = label.bold ? "700" : "500";
        span.style.fontStyle = label.italic ? "italic" : "normal";
        this.sizes.delete(label.id);
      }
      const [r, g, b, a] = label.color;
      span.style.color = `rgba(${r}, ${g}, ${b}, ${a / 255})`;
      span.dataset.rank = String(label.rank);
    }
    this.labels = [...labels].sort((one, other) => one.rank - other.rank);
  }

  /** Place the labels for `viewport`; returns how many are shown. */
  place(viewport: Viewport, dots: Dot[]): number {
    const placed: Box[] = [];
    const obstacles = dots.map((dot) => ({ dot, box: around(viewport.project(dot.position), dot.radius + 1) }));
    let shown = 0;
    // by rank; within a rank the areas' names first, then the places', then the lines'
    // (a line's name can move along it), and the widest first (it has the fewest places)
    const width = (label: Label) => {
      const span = this.spans.get(label.id);
      return span ? this.measure(label.id, span).width : 0;
    };
    const ordered = [...this.labels].sort(
      (one, other) =>
        one.rank - other.rank ||
        KIND_ORDER.indexOf(one.kind) - KIND_ORDER.indexOf(other.kind) ||
        width(other) - width(one),
    );
    for (const label of ordered) {
      const span = this.spans.get(label.id);
      if (!span) continue;
      const size = this.measure(label.id, span);
      const clearOf = obstacles.filter(({ dot }) => keepsClear(label, dot)).map(({ box }) => box);
      const box = this.firstClear(label, size, viewport, placed, clearOf);
      if (box) {
        placed.push(box);
        span.style.transform = `translate(${box.left}px, ${box.top}px)`;
        span.style.visibility = "visible";
        span.dataset.shown = "1";
        shown += 1;
      } else {
        span.style.visibility = "hidden";
        span.dataset.shown = "0";
      }
    }
    return shown;
  }

  private measure(id: string, span: HTMLSpanElement): { width: number; height: number } {
    let size = this.sizes.get(id);
    if (!size) {
      size = { width: span.offsetWidth, height: span.offsetHeight };
      this.sizes.set(id, size);
    }
    return size;
  }

  private firstClear(
    label: Label,
    size: { width: number; height: number },
    viewport: Viewport,
    placed: Box[],
    obstacles: Box[],
  ): Box | null {
    const points = label.anchors.map((anchor) => viewport.project(anchor));
    for (const box of candidates(label, points, size)) {
      if (inside(box, viewport) && !placed.some((other) => overlaps(box, other)) && !obstacles.some((dot) => overlaps(box, dot))) {
        return box;
      }
    }
    return null;
  }
}

/** Whether `label` must keep clear of `dot`: never its own; a major name may cover marks;
 * a place's name keeps clear of every place, an area's or a line's of the places that rank
 * with it or above (Syunik's name may cover Goris's dot, never Meghri's). */
function keepsClear(label: Label, dot: Dot): boolean {
  if (dot.id === label.id) return false;
  if (dot.mark) return label.rank > MAJOR_RANK;
  return label.kind === "point" || dot.rank <= label.rank;
}

/** The boxes a label may take, best first: beside a dot (above, below, right, left), on
 * the line at each anchor and then off it by a step at each anchor (the nearest the line
 * first), or centred on each of an area's anchors. */
function candidates(label: Label, points: number[][], size: { width: number; height: number }): Box[] {
  const { width, height } = size;
  if (label.kind === "line") {
    const step = height / 2 + GAP + 2;
    return LINE_SHIFTS.flatMap((side) => points.map(([x, y]) => boxAt(x - width / 2, y - height / 2 + side * step, width, height)));
  }
  if (label.kind === "area") {
    return points.map(([x, y]) => boxAt(x - width / 2, y - height / 2, width, height));
  }
  const away = label.radius + GAP;
  return points.flatMap(([x, y]) => [
    boxAt(x - width / 2, y - away - height, width, height), // above
    boxAt(x - width / 2, y + away, width, height), // below
    boxAt(x + away, y - height / 2, width, height), // right
    boxAt(x - away - width, y - height / 2, width, height), // left
  ]);
}

function boxAt(left: number, top: number, width: number, height: number): Box {
  return { left, top, right: left + width, bottom: top + height };
}

function around(point: number[], radius: number): Box {
  const [x, y] = point;
  return { left: x - radius, top: y - radius, right: x + radius, bottom: y + radius };
}

function inside(box: Box, viewport: Viewport): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height;
}

function overlaps(one: Box, other: Box): boolean {
  return (
    one.left < other.right + MARGIN &&
    other.left < one.right + MARGIN &&
    one.top < other.bottom + MARGIN &&
    other.top < one.bottom + MARGIN
  );
}

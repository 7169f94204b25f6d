/**
 * The parts of the map's arguments it holds, by name and hash (see `hashes` in protocol.ts).
 *
 * While playing, the app leaves out the parts the map already holds: a layer comes as
 * `{id, held: true}`, another part as null. `resolve` gives back the whole arguments, or
 * null when a part left out is not the one held (the map was mounted anew): then the map
 * asks for everything again.
 */

import type { Label, Mark, MapArgs, PlaceDot } from "./protocol";

export interface LayerJson {
  id: string;
  data: unknown[];
}

/** The arguments with every part present. */
export interface WholeArgs extends Omit<MapArgs, "spec" | "labels" | "dots" | "marks" | "clusterTexts"> {
  layers: LayerJson[];
  labels: Label[];
  dots: PlaceDot[];
  marks: Mark[];
  clusterTexts: Record<string, string>;
}

export class HeldParts {
  private held = new Map<string, { hash: string; value: unknown }>();

  /** `args` with the parts left out filled in from those held, or null if one is missing. */
  resolve(args: MapArgs): WholeArgs | null {
    const sent = JSON.parse(args.spec) as { layers: (LayerJson | { id: string; held: true })[] };
    const layers: LayerJson[] = [];
    for (const layer of sent.layers) {
      const value = this.part<LayerJson>(`layer:${layer.id}`, "held" in layer ? null : layer, args.hashes);
      if (value === null) return null;
      layers.push(value);
    }
    const labels = this.part("labels", args.labels, args.hashes);
    const dots = this.part("dots", args.dots, args.hashes);
    const marks = this.part("marks", args.marks, args.hashes);
    const clusterTexts = this.part("clusterTexts", args.clusterTexts, args.hashes);
    if (labels === null || dots === null || marks === null || clusterTexts === null) return null;
    return { ...args, layers, labels, dots, marks, clusterTexts };
  }

  /** Forget everything (the app will send it all again). */
  clear(): void {
    this.held.clear();
  }

  private part<T>(name: string, value: T | null, hashes: Record<string, string>): T | null {
    const hash = hashes[name] ?? "";
    if (value !== null) {
      this.held.set(name, { hash, value });
      return value;
    }
    const kept = this.held.get(name);
    return kept && kept.hash === hash ? (kept.value as T) : null;
  }
}

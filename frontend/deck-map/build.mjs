// Build the map component into the package: one command, the same bytes every time.
//   node build.mjs [OUT_DIR]      (default: the package's component folder)
// Writes index.html, map.js (minified) and LICENSES.txt (the licences of every package
// bundled into map.js, read from node_modules).
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2] ?? "../../src/corridors/render/deck/component";
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: ["src/main.ts"],
  bundle: true,
  minify: !process.env.DEBUG,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  metafile: true,
  outfile: join(out, "map.js"),
  logLevel: "warning",
});
copyFileSync("index.html", join(out, "index.html"));
const bundled = Object.entries(Object.values(result.metafile.outputs)[0].inputs)
  .filter(([, input]) => input.bytesInOutput > 0)
  .map(([path]) => path);
writeFileSync(join(out, "LICENSES.txt"), licences(bundled));

/** The licence texts of the packages whose files went into the bundle, by package name. */
function licences(inputs) {
  const packages = new Set();
  for (const input of inputs) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (match) packages.add(match[1]);
  }
  const parts = ["Third-party code bundled into map.js (the deck.gl map component of Corridor Atlas).\n"];
  for (const name of [...packages].sort()) {
    const folder = join("node_modules", name);
    const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
    const file = readdirSync(folder).find((entry) => /^(licen[cs]e|copying)/i.test(entry));
    const text = file && existsSync(join(folder, file)) ? readFileSync(join(folder, file), "utf8").trim() : `License: ${manifest.license}`;
    parts.push(`\n==== ${name} ${manifest.version} (${manifest.license}) ====\n\n${text}\n`);
  }
  return parts.join("");
}

// Speed of validateCatalog(text) against JSON.parse + ajv (allErrors) and JSON.parse + zod 4
// on the same document in the same run, in Node and in headless Chromium. Not a test: the
// figures go in the issue note. Build the release package first:
//
//   bindings/wasm/build.sh --release
//   (cd bindings/wasm/bench && npm install && node bench.mjs [DOCUMENT])
//
// ajv and zod validate against the package's own catalogJsonSchema("draft2020-12") (zod
// through z.fromJSONSchema), so all three check the same contract as far as JSON Schema can
// express it (the cross-references it cannot, only replog checks).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import * as z from "zod";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const replog = createRequire(import.meta.url)("../pkg/nodejs/replog_wasm.js");
const path = process.argv[2] ?? join(root, "examples/data/sample-program.json");
const text = readFileSync(path, "utf8");

/** Median nanoseconds per call over rounds of `iterations` calls. */
export function time(fn, iterations = 200, rounds = 15) {
  for (let i = 0; i < iterations; i++) fn();
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / iterations);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(rounds / 2)];
}

const schema = replog.catalogJsonSchema("draft2020-12");
const ajv = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const zod = z.fromJSONSchema(schema);

const checks = {
  "replog validateCatalog(text)": () => replog.validateCatalog(text).success,
  "JSON.parse + ajv (allErrors)": () => ajv(JSON.parse(text)),
  "JSON.parse + zod 4 safeParse": () => zod.safeParse(JSON.parse(text)).success,
};
for (const [name, fn] of Object.entries(checks)) {
  if (fn() !== true) throw new Error(`${name} rejects ${path}`);
}
const results = Object.fromEntries(Object.entries(checks).map(([name, fn]) => [name, time(fn)]));
const ours = results["replog validateCatalog(text)"];
console.log(`Node ${process.version}, ${path.replace(root + "/", "")} (${text.length} bytes)`);
for (const [name, ns] of Object.entries(results)) {
  console.log(`${name.padEnd(32)} ${(ns / 1000).toFixed(1).padStart(8)} µs  ${(ns / ours).toFixed(2)}x replog's time`);
}

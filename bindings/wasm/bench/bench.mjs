// Speed of validateCatalog(text) against JSON.parse + ajv (allErrors), JSON.parse + typia
// validate and JSON.parse + zod 4 safeParse, on the same document in the same run, in Node
// and in headless Chromium (Debian's `chromium`, driven by playwright-core, the page served on
// loopback). Not a test: figures vary with the machine, so nothing asserts on them; they go
// in the issue note. From a fresh clone:
//
//   (cd bindings/wasm && npm install && ./build.sh --release)
//   (cd bindings/wasm/bench && npm install && node bench.mjs [DOCUMENT] [--rounds N] [--node-only]
//     [--build LABEL] [--baseline DIR])
//
// --baseline DIR adds another build to the same rounds, so a change is measured against its
// baseline in the same run: DIR is a copy of pkg/ made at an earlier commit, say (its nodejs/
// runs in Node, its web/ in Chromium), or a copy of pkg/nodejs alone (Node only).
//
// DOCUMENT defaults to examples/data/sample-program.json; the invalid case is the same document
// with four errors. Each figure is the best of N rounds (default 30) of 50 calls, every
// contender taking its turn in each round. ajv and zod validate against the package's own
// catalogJsonSchema("draft2020-12"), typia against the CatalogJSON types (the Node bench's
// validator, typia-build.mjs), so they check what JSON Schema or TypeScript can express; the
// cross-references only replog checks. The run rebuilds typia-js/ and dist/ (the page's
// bundle of the other validators) first.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";

import { broken } from "./cases.mjs";
import { buildTypia } from "./typia-build.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const rounds = Number(option("--rounds", "30"));
const build = option("--build", "build.sh --release");
const baselineDir = option("--baseline", undefined);
const nodeOnly = args.includes("--node-only") && args.splice(args.indexOf("--node-only"), 1);
const path = resolve(args[0] ?? join(root, "examples/data/sample-program.json"));
const text = readFileSync(path, "utf8");
const documents = [
  { label: "valid", text },
  { label: "invalid (4 errors)", text: broken(text) },
];

const wasm = join(here, "../pkg/web/replog_wasm_bg.wasm");
if (!existsSync(wasm) || !existsSync(join(here, "../pkg/nodejs/replog_wasm.js"))) {
  throw new Error("no package build: run bindings/wasm/build.sh --release first");
}
const size = readFileSync(wasm).length;
// The figure the issue quotes: GNU gzip -9 (zlib's level 9 comes out about 1.5 % larger).
const gzipped = execFileSync("gzip", ["-9", "-c", wasm]).length;

buildTypia();
await esbuild.build({
  entryPoints: [join(here, "browser.mjs")],
  outfile: join(here, "dist/browser.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  logLevel: "warning",
});

const { run } = await import("./browser.mjs");
const replog = await import("../pkg/nodejs/replog_wasm.js");
const extra = {};
// The page imports the baseline's web build from dist/, which the server on loopback serves.
const baselineWeb = join(here, "dist/baseline");
rmSync(baselineWeb, { recursive: true, force: true });
if (baselineDir) {
  const nodejs = existsSync(join(baselineDir, "nodejs")) ? join(baselineDir, "nodejs") : baselineDir;
  const baseline = await import(pathToFileURL(join(resolve(nodejs), "replog_wasm.js")).href);
  extra["baseline validateCatalog(text)"] = (text) => baseline.validateCatalog(text).success;
  if (existsSync(join(baselineDir, "web"))) {
    cpSync(join(baselineDir, "web"), baselineWeb, { recursive: true });
  }
}
const runs = [
  { env: `Node ${process.version}`, results: run(replog, documents, { rounds, extra }) },
];
if (!nodeOnly) runs.push(await inChromium());

console.log(`document: ${relative(root, path)} (${text.length} bytes)`);
console.log(`module: pkg/web/replog_wasm_bg.wasm, ${size} bytes, ${gzipped} with gzip -9`);
for (const [i, { label }] of documents.entries()) {
  console.log(`\n${label} document: µs per call (best round), and time relative to replog's verdict`);
  console.log(`${"".padEnd(38)}${runs.map(({ env }) => env.padStart(24)).join("")}`);
  const names = Object.keys(runs[0].results[i].micros);
  for (const name of names) {
    const cells = runs.map(({ results }) => {
      const { micros, verdicts } = results[i];
      // A baseline without a web build runs in Node only.
      if (micros[name] === undefined) return "-".padStart(24);
      const ratio = micros[name] / micros["replog validateCatalog(text)"];
      const missed = verdicts[name] !== (label === "valid") ? " (missed)" : "";
      return `${micros[name].toFixed(1)} µs ${ratio.toFixed(2)}x${missed}`.padStart(24);
    });
    console.log(`${name.padEnd(38)}${cells.join("")}`);
  }
}
console.log("\nbuild | gzipped | validateCatalog | ajv | typia | zod4 (valid document, µs; --build names the build)");
for (const { env, results } of runs) {
  const m = results[0].micros;
  const cell = (name) => m[name].toFixed(0);
  console.log(
    `${build}, ${env} | ${gzipped} | ${cell("replog validateCatalog(text)")} | ` +
      `${cell("JSON.parse + ajv (allErrors)")} | ${cell("JSON.parse + typia validate")} | ` +
      `${cell("JSON.parse + zod 4 safeParse")}; replog is ` +
      `${(m["JSON.parse + ajv (allErrors)"] / m["replog validateCatalog(text)"]).toFixed(2)}x ajv's speed ` +
      `(goal 1.3x), ${(m["JSON.parse + zod 4 safeParse"] / m["replog validateCatalog(text)"]).toFixed(2)}x zod's (goal 2x)`,
  );
}

/** The same bench in headless Chromium, the page served from the repository on loopback. */
async function inChromium() {
  const server = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "pipe", "ignore"],
  });
  try {
    const base = await new Promise((done, fail) => {
      let out = "";
      server.stdout.on("data", (chunk) => {
        out += chunk;
        const port = out.match(/port (\d+)/)?.[1];
        if (port) done(`http://127.0.0.1:${port}`);
      });
      server.on("exit", (code) => fail(new Error(`http.server exited with ${code}: ${out}`)));
    });
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(error));
      const query = existsSync(baselineWeb) ? "?baseline" : "";
      await page.goto(`${base}/bindings/wasm/bench/page.html${query}`);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 }).catch((e) => {
        throw new Error(`the bench page did not load: ${errors.join("; ") || e.message}`);
      });
      const results = await page.evaluate(([docs, options]) => window.bench(docs, options), [
        documents,
        { rounds },
      ]);
      return { env: `Chromium ${browser.version()}`, results };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

// The package in real headless Chromium (Debian's, driven by playwright-core): the preview
// page served on loopback, the same cases as the Node tests held against the Rust verdicts,
// and a screenshot of the preview that must not be blank.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

import { cases, check, root, rustJson } from "./corpus.mjs";

let server;
let browser;
let page;

/** Serves the repository root on a free loopback port; resolves to the base URL. */
function serve() {
  server = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"], { cwd: root });
  return new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const port = /port (\d+)/.exec(out);
      if (port) resolve(`http://127.0.0.1:${port[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`http.server exited with ${code}: ${out}`)));
  });
}

before(async () => {
  const base = await serve();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.goto(`${base}/bindings/wasm/examples/web/index.html`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 }).catch((e) => {
    throw new Error(`the page did not start: ${errors.join("; ") || e}`);
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

for (const testCase of cases()) {
  test(`chromium: ${testCase.name}`, async () => {
    const result = await page.evaluate(
      ([fn, args]) => window.replog[fn](...args),
      [testCase.fn, testCase.args],
    );
    check(testCase, result);
  });
}

test("chromium: the preview shows every issue, the mappings and the plan, and is not blank", async () => {
  const path = (name) => join(root, "examples/data", name);
  const read = (name) => readFileSync(path(name), "utf8");
  await page.fill("#document", read("llm-draft-with-mistakes.json"));
  await page.click("#preview");
  // The page checks against its default host catalog: one row per issue of the Rust verdict.
  const rust = rustJson("validate", [path("llm-draft-with-mistakes.json"), "--catalog",
    path("sample-program.json")]);
  const rows = await page.locator("#issues tr td:nth-child(4)").allTextContents();
  assert.deepStrictEqual(rows, rust.issues.map((issue) => issue.message));
  assert.match(await page.textContent("#verdict"), /Invalid CatalogJSON/);
  assert.ok(await page.locator("#programs .issue").count() > 0, "issues beside the exercises");

  await page.fill("#document", read("spec-example.json"));
  await page.click("#preview");
  assert.match(await page.textContent("#verdict"), /Valid CatalogJSON/);
  assert.ok(await page.locator("#mappings tr").count() > 1, "exercise mappings shown");
  assert.match(await page.textContent("#plan"), /programs to create|programs to replace/);

  const png = (await page.screenshot({ fullPage: false })).toString("base64");
  // Decoded by the browser itself: the share of pixels that are not the white background.
  const inked = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) ink++;
    }
    return ink / (pixels.length / 4);
  }, png);
  assert.ok(inked > 0.02, `the screenshot is blank (${(inked * 100).toFixed(2)} % ink)`);
});

// The cases both the Node and the Chromium tests run: each calls one export with documents
// from the repository and /work/shared/data, and holds the result against the Rust verdict
// of the same input, printed by the repository's example programs (built natively).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

export const binding = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const root = resolve(binding, "../..");
const data = resolve(root, "../shared/data");
const examples =
  process.env.REPLOG_EXAMPLES ??
  join(resolve(root, process.env.CARGO_TARGET_DIR ?? "target"), "debug/examples");

/** Runs an example program and parses its standard output (exit 0 or 1). */
function rust(program, args) {
  let stdout;
  try {
    stdout = execFileSync(join(examples, program), args, { encoding: "utf8" });
  } catch (failure) {
    if (failure.status !== 1) throw failure;
    stdout = failure.stdout;
  }
  return stdout;
}
export const rustJson = (program, args) => JSON.parse(rust(program, args));

const text = (path) => readFileSync(path, "utf8");
const exampleData = (name) => join(root, "examples/data", name);

/** Documents that are not files of the repository, written to a temporary directory. */
function synthetic() {
  const dir = mkdtempSync(join(tmpdir(), "replog-wasm-"));
  const docs = {
    "empty.json": "",
    "array.json": "[]",
    "truncated.json": '{"catalog_version": 1, "programs": [',
    "bom.json": "\ufeff" + text(exampleData("spec-example.json")),
    "trailing.json": '{"catalog_version": 1} x',
    "unicode.json": JSON.stringify({
      catalog_version: 1,
      exercises: [{ name: "Sentadilla búlgara \u{1F3CB}", equipment: ["dumbbell"] }],
    }),
    "duplicate-key.json": '{"catalog_version": 1, "catalog_version": 1}',
    // Names equal only after Unicode normalization (NFKC and case folding), which the
    // browser module leaves to the JavaScript engine: fullwidth letters, a ligature, an
    // accent written precomposed and as a combining mark.
    "normalization.json": JSON.stringify({
      catalog_version: 1,
      exercises: [
        { name: "Back Squat" },
        { name: "\uFF22\uFF41\uFF43\uFF4B \uFF33\uFF51\uFF55\uFF41\uFF54" },
        { name: "Kettlebell \uFB02ip" },
        { name: "kettlebell flip" },
        { name: "Caf\u00E9 Press" },
        { name: "Cafe\u0301 Press" },
        { name: "\u2168 Rounds" },
      ],
    }),
  };
  // Numbers where integers and numbers are expected, in every form the reader tells apart:
  // short integers (read on the spot in WebAssembly), twelve and thirteen digits, a leading
  // zero, fractions, exponents, signs, blanks around them; then a number that is not JSON.
  const sets = ["5", "10", "  7  ", "\n8\t", "999999999999", "9999999999999", "1.0", "1e1",
    "5.5", "-3", "0", "2E0", "12345678901234567890", "null"]
    .map((reps, i) => `{"reps": ${reps}, "rest_seconds": ${[90, "1.5e2", 0, -1][i % 4]}, ` +
      `"percent_tm": ${["75", "72.5", "1e2", "0.5"][i % 4]}}`);
  docs["numbers.json"] = `{"catalog_version": 1, "programs": [{"name": "Numbers", ` +
    `"weeks": [{"number": 1, "days": [{"number": 1, "exercises": [{"exercise": "Squat", ` +
    `"sort_order": 1, "sets": [${sets.join(", ")}]}, {"exercise": "Bench", "sort_order": 2}]}]}]}]}`;
  docs["number-run-on.json"] = '{"catalog_version": 1x}';
  docs["number-leading-zero.json"] = '{"catalog_version": 01}';
  return Object.entries(docs).map(([name, body]) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  });
}

/** Every CatalogJSON-ish document of the corpus: valid, invalid, other formats, malformed. */
export function corpus() {
  const files = readdirSync(join(root, "examples/data"))
    .filter((name) => name.endsWith(".json"))
    .map(exampleData);
  const invalid = join(data, "openweight/examples/invalid");
  files.push(...readdirSync(invalid).slice(0, 12).map((name) => join(invalid, name)));
  files.push(join(data, "openweight/examples/programs/531-bbb.json"));
  return [...files, ...synthetic()];
}

/**
 * The cases: `{ name, fn, args, kind, expected }`, `args` being plain JSON values so they
 * cross into a browser page unchanged.
 */
export function cases() {
  const out = [];
  const host = exampleData("sample-program.json");
  const spec = exampleData("spec-example.json");
  const logbook = exampleData("sample-logbook.json");
  for (const path of corpus()) {
    const name = path.replace(root + "/", "").replace(data + "/", "data/");
    out.push({
      name: `validateCatalog ${name}`,
      fn: "validateCatalog",
      args: [text(path)],
      kind: "verdict",
      expected: rustJson("validate", [path]),
    });
    out.push({
      name: `validateCatalog ${name} against the host catalog`,
      fn: "validateCatalog",
      args: [text(path), { catalog: text(host) }],
      kind: "verdict",
      expected: rustJson("validate", [path, "--catalog", host]),
    });
  }
  for (const equipment of [["barbell", "kettlebell"], ["dumbbell"], []]) {
    out.push({
      name: `validateCatalog equipment ${equipment.join(",") || "none"}`,
      fn: "validateCatalog",
      args: [text(spec), { equipment }],
      kind: "verdict",
      expected: rustJson("validate", [spec, "--equipment", equipment.join(",")]),
    });
  }
  const object = JSON.parse(text(exampleData("llm-draft-with-mistakes.json")));
  out.push({
    name: "validateCatalog of an object",
    fn: "validateCatalog",
    args: [object],
    kind: "verdict",
    expected: rustJson("validate", [exampleData("llm-draft-with-mistakes.json")]),
  });
  for (const path of [logbook, exampleData("sarah.json"), spec]) {
    out.push({
      name: `validateLogbook ${path.replace(root + "/", "")}`,
      fn: "validateLogbook",
      args: [text(path)],
      kind: "verdict",
      expected: rustJson("validate", ["--logbook", path]),
    });
  }
  const names = [
    "Clean",
    "Power Cleans",
    "Kettlebell Suitcase Carry",
    "Zumba",
    "  BACK squat ",
    // Matched through NFKD without marks: fullwidth letters, accents, a ligature.
    "\uFF23\uFF4C\uFF45\uFF41\uFF4E",
    "B\u00E1ck Squ\u00E2t",
    "Su\uFB01tcase Carry",
  ];
  out.push({
    name: "matchExercises",
    fn: "matchExercises",
    args: [names, text(spec)],
    kind: "equal",
    expected: rust("match", ["--catalog", spec, ...names])
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  });
  for (const [draft, extra] of [
    ["llm-draft-month-5.json", []],
    ["spec-example.json", ["Sport Performance Month 5 - Tommy"]],
    ["llm-draft-with-mistakes.json", []],
  ]) {
    const path = exampleData(draft);
    out.push({
      name: `importPlan ${draft}`,
      fn: "importPlan",
      args: [text(path), text(host), { programs: extra }],
      kind: "plan",
      expected: rustJson("plan", [
        path,
        "--catalog",
        host,
        ...extra.flatMap((program) => ["--program", program]),
      ]),
    });
  }
  for (const [path, args] of [
    [logbook, []],
    [logbook, ["--as-of", "2026-03-20", "--catalog", spec]],
    [exampleData("sarah.json"), []],
    [spec, []],
  ]) {
    const options = {};
    for (let i = 0; i < args.length; i += 2) {
      options[args[i] === "--as-of" ? "asOf" : "catalog"] =
        args[i] === "--as-of" ? args[i + 1] : text(args[i + 1]);
    }
    out.push({
      name: `buildContext ${path.replace(root + "/", "")} ${args.join(" ")}`,
      fn: "buildContext",
      args: [text(path), options],
      kind: "data",
      expected: rustJson("context", [path, ...args]),
    });
  }
  for (const path of [host, spec, exampleData("llm-draft-month-5.json")]) {
    out.push({
      name: `lintProgram ${path.replace(root + "/", "")}`,
      fn: "lintProgram",
      args: [text(path), { logbook: text(logbook) }],
      kind: "verdict",
      expected: rustJson("validate", [path, "--lint", "--athlete", logbook]),
    });
  }
  out.push({
    name: "catalogJsonSchema",
    fn: "catalogJsonSchema",
    args: [],
    kind: "equal",
    expected: rustJson("schema", []),
  });
  return out;
}

/** Holds one result against its case's Rust verdict. */
export function check(testCase, result) {
  const { kind, expected } = testCase;
  if (kind === "equal") {
    assert.deepStrictEqual(result, expected);
  } else if (kind === "verdict") {
    assert.deepStrictEqual(
      { valid: result.success, issues: result.issues },
      { valid: expected.valid, issues: expected.issues },
    );
    assert.equal("data" in result, expected.valid);
  } else if (kind === "plan" || kind === "data") {
    // The example prints the plan or context when it succeeds, else `{valid: false, issues}`.
    if (expected.valid === false) {
      assert.deepStrictEqual({ success: result.success, issues: result.issues }, {
        success: false,
        issues: expected.issues,
      });
    } else {
      assert.equal(result.success, true);
      assert.deepStrictEqual(result.data, expected);
    }
  } else {
    throw new Error(`unknown case kind ${kind}`);
  }
}

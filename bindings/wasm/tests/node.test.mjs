// The package in Node (`node --test`): every export against the Rust verdicts of the same
// inputs (tests/corpus.mjs), the result shapes, the errors thrown, and the package's entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import init, * as replog from "@replog/wasm";
import { cases, check, corpus, root } from "./corpus.mjs";

await init();
const read = (name) => readFileSync(join(root, "examples/data", name), "utf8");

for (const testCase of cases()) {
  test(testCase.name, () => check(testCase, replog[testCase.fn](...testCase.args)));
}

test("a valid document's data equals the document the validator built", () => {
  for (const path of corpus()) {
    const result = replog.validateCatalog(readFileSync(path, "utf8"));
    if (!result.success) continue;
    // The markdown is rendered from the Rust document: the same programs, by name.
    const markdown = replog.renderProgramMarkdown(readFileSync(path, "utf8")).data;
    for (const program of result.data.programs ?? []) {
      assert.ok(markdown.includes(`# ${program.name}`), program.name);
    }
    // Through an object the verdict and the data are the same.
    const again = replog.validateCatalog(result.data);
    assert.deepStrictEqual(again, result);
  }
});

test("results are plain objects and arrays, never Maps", () => {
  const result = replog.validateCatalog(read("sample-program.json"));
  assert.equal(Object.getPrototypeOf(result), Object.prototype);
  assert.equal(Object.getPrototypeOf(result.data), Object.prototype);
  assert.ok(Array.isArray(result.data.programs));
  const failed = replog.validateCatalog(read("llm-draft-with-mistakes.json"));
  assert.equal(Object.getPrototypeOf(failed.issues[0]), Object.prototype);
  assert.deepStrictEqual(Object.keys(failed.issues[0]), ["path", "code", "message", "severity"]);
});

test("data is built when first read, then is a plain member", () => {
  const text = read("sample-program.json");
  const result = replog.validateCatalog(text);
  const before = Object.getOwnPropertyDescriptor(result, "data");
  assert.equal(typeof before.get, "function", "data waits for its first read");
  assert.equal(before.enumerable, true);
  assert.deepStrictEqual(Object.keys(result), ["success", "data", "issues"]);
  const data = result.data;
  assert.equal(data.programs[0].name, JSON.parse(text).programs[0].name);
  const after = Object.getOwnPropertyDescriptor(result, "data");
  assert.equal(after.value, data, "the first read's value is kept");
  assert.equal(after.writable, true);
  assert.deepStrictEqual(Object.getOwnPropertySymbols(result), [], "nothing left behind");
  // Spread and JSON see data like any member, before and after a read.
  assert.deepStrictEqual({ ...replog.validateCatalog(text) }.data, data);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(replog.validateCatalog(text))).data, data);
  // Writing data before reading it replaces it.
  const written = replog.validateCatalog(text);
  written.data = "mine";
  assert.equal(written.data, "mine");
});

test("data of an older result is its own document, validated again", () => {
  const program = read("sample-program.json");
  const logbook = read("sample-logbook.json");
  const first = replog.validateCatalog(program);
  const second = replog.validateCatalog(read("spec-example.json"));
  const book = replog.validateLogbook(logbook);
  const expected = replog.validateCatalog(program).data;
  assert.deepStrictEqual(first.data, expected);
  assert.deepStrictEqual(second.data, replog.validateCatalog(read("spec-example.json")).data);
  assert.equal(book.data.athlete.name, JSON.parse(logbook).athlete.name);
  assert.deepStrictEqual(book.data, replog.validateLogbook(logbook).data);

  // A document checked against the host's catalog and the athlete's equipment: validated
  // again with the same options.
  const host = JSON.parse(program);
  const draft = JSON.stringify({
    catalog_version: 1,
    programs: [{ name: "Uses the host", weeks: [{ number: 1, days: [{ number: 1, exercises: [
      { exercise: "Power Clean", sort_order: 1, sets: [{ reps: 3 }] }] }] }] }],
  });
  const options = { catalog: host, equipment: ["barbell", "bumper_plates"] };
  const hosted = replog.validateCatalog(draft, options);
  assert.equal(hosted.success, true, JSON.stringify(hosted.issues));
  replog.validateCatalog(program);
  assert.equal(hosted.data.programs[0].name, "Uses the host");
  // Options changed before the first read, so that the document is no longer valid: the read
  // throws rather than give a document its result never described.
  const stale = replog.validateCatalog(draft, options);
  replog.validateCatalog(program);
  options.equipment = ["barbell"];
  assert.throws(() => stale.data, (error) => {
    assert.equal(error.name, "ReplogError");
    assert.equal(error.code, "invalid_argument");
    return true;
  });
});

test("the OpenAI strict schema closes every object", () => {
  const schema = replog.catalogJsonSchema("openai-strict");
  assert.equal(schema.additionalProperties, false);
  assert.deepStrictEqual(schema.required.sort(), Object.keys(schema.properties).sort());
  assert.notDeepStrictEqual(schema, replog.catalogJsonSchema("draft2020-12"));
});

test("applyMappings imports the planned document, valid against the host", () => {
  const host = read("sample-program.json");
  const draft = read("llm-draft-month-5.json");
  const planned = replog.importPlan(draft, host);
  assert.equal(planned.success, true);
  const plan = planned.data;
  const applied = replog.applyMappings(draft, plan, host);
  assert.equal(applied.success, true, JSON.stringify(applied.issues));
  assert.deepStrictEqual(replog.validateCatalog(applied.data, { catalog: host }).success, true);
  // Every exercise mapped to a host exercise is referenced by its host name.
  const used = new Set(plan.summary.exercises_to_use);
  const defined = new Set((applied.data.exercises ?? []).map((e) => e.name));
  for (const name of used) assert.ok(!defined.has(name), `${name} redefined`);

  // The coach renames the first program: the final document carries the new name.
  plan.programs[0].decision = { action: "rename", name: "Month 5 (v2)" };
  const renamed = replog.applyMappings(draft, JSON.stringify(plan), host);
  assert.equal(renamed.success, true);
  assert.equal(renamed.data.programs[0].name, "Month 5 (v2)");

  // A decision naming a host exercise that does not exist is refused with a conflict.
  plan.exercises[0].decision = { action: "use", exercise: "No Such Exercise" };
  const refused = replog.applyMappings(draft, plan, host);
  assert.equal(refused.success, false);
  assert.ok(refused.conflicts.some((c) => c.severity === "error"), JSON.stringify(refused));
  assert.ok(refused.plan.conflicts.length > 0);
  assert.equal("data" in refused, false);

  // An invalid document: its issues, and no plan.
  const invalid = replog.applyMappings("{}", plan, host);
  assert.deepStrictEqual(invalid.plan, null);
  assert.deepStrictEqual(invalid.issues, replog.validateCatalog("{}").issues);
});

test("renderProgramMarkdown renders one program or every program", () => {
  const doc = read("sample-program.json");
  const all = replog.renderProgramMarkdown(doc);
  const name = replog.validateCatalog(doc).data.programs[0].name;
  const one = replog.renderProgramMarkdown(doc, { program: name.toUpperCase() });
  assert.ok(one.data.startsWith(`# ${name}`));
  assert.ok(all.data.includes(one.data.trim().split("\n")[0]));
  const bad = replog.renderProgramMarkdown(read("llm-draft-with-mistakes.json"));
  assert.deepStrictEqual(bad, replog.validateCatalog(read("llm-draft-with-mistakes.json")));
});

test("operational failures throw a ReplogError with a code", () => {
  const doc = read("sample-program.json");
  const throws = (fn, code, issues) =>
    assert.throws(fn, (error) => {
      assert.equal(error.name, "ReplogError");
      assert.equal(error.code, code);
      if (issues) assert.deepStrictEqual(error.issues, issues);
      return true;
    });
  throws(() => replog.validateCatalog(doc, { catalog: "{}" }), "invalid_catalog",
    replog.validateCatalog("{}").issues);
  throws(() => replog.validateCatalog(undefined), "invalid_argument");
  throws(() => replog.validateCatalog(doc, "options"), "invalid_argument");
  throws(() => replog.validateCatalog(doc, { equipment: "barbell" }), "invalid_argument");
  throws(() => replog.matchExercises([1], doc), "invalid_argument");
  throws(() => replog.catalogJsonSchema("draft-07"), "invalid_argument");
  throws(() => replog.buildContext(read("sample-logbook.json"), { asOf: "2026-13-01" }),
    "invalid_argument");
  throws(() => replog.applyMappings(doc, { exercises: 1 }, doc), "invalid_plan");
  throws(() => replog.renderProgramMarkdown(doc, { program: "nope" }), "invalid_argument");
  const cyclic = {};
  cyclic.self = cyclic;
  throws(() => replog.validateCatalog(cyclic), "invalid_argument");
});

test("strings end and blanks stop at every offset of the reader's blocks", () => {
  // The reader looks at blocks of bytes (sixteen with WebAssembly SIMD): each special byte is
  // put at every offset of a block, and of the block after it, and read as JSON reads it.
  const doc = (notes, blank = " ") =>
    `{"catalog_version":${blank}1,${blank}"exercises":${blank}[{"name": "Squat", "form_notes": "${notes}"}]${blank}}`;
  const blanks = " \n\t\r";
  for (let at = 0; at < 40; at++) {
    const before = "abcdefghijklmnopqrstuvwxyz0123456789ABCD".slice(0, at);
    for (const escape of ['\\"', "\\\\", "\\u00e9", "\\/"]) {
      const notes = `${before}${escape}tail`;
      const result = replog.validateCatalog(doc(notes));
      assert.equal(result.success, true, notes);
      assert.equal(result.data.exercises[0].form_notes, JSON.parse(`"${notes}"`), notes);
    }
    // Text with no escape, ending at each offset.
    assert.equal(replog.validateCatalog(doc(before)).data.exercises[0].form_notes, before);
    // A raw control character is not JSON, wherever it is in the string.
    for (const control of ["\u0000", "\u0001", "\n", "\u001f"]) {
      const result = replog.validateCatalog(doc(`${before}${control}tail`));
      assert.equal(result.issues[0]?.code, "invalid_json", JSON.stringify(before + control));
    }
    // A run of every kind of blank, `at` long, between tokens; a control character that is
    // not a blank ends the run and is not JSON.
    const run = Array.from({ length: at }, (_, i) => blanks[(i * 7) % 4]).join("");
    assert.equal(replog.validateCatalog(doc(before, run)).success, true, JSON.stringify(run));
    const broken = replog.validateCatalog(doc(before, `${run}\u000b`));
    assert.equal(broken.issues[0]?.code, "invalid_json", JSON.stringify(run));
    // Member names, plain or with an escape, ending at each offset.
    for (const [written, name] of [[before, before], [`${before}\\u0041`, `${before}A`]]) {
      const unknown = replog.validateCatalog(`{"catalog_version": 1, "${written}": 1}`);
      assert.equal(unknown.issues[0]?.code, "unknown_field", written);
      assert.equal(unknown.issues[0]?.path, `/${name}`, written);
    }
  }
});

test("text reads the same whether it is ASCII or not", () => {
  // ASCII text goes straight into the module's memory; other text through TextEncoder's
  // array. Both must give the validator the same document: a name written as itself, with
  // JSON escapes, and next to a long ASCII prefix (which the direct path fills before it
  // meets the first character past ASCII).
  const doc = (name) =>
    `{"catalog_version": 1, "exercises": [{"name": ${name}, "form_notes": "${"x".repeat(2000)}"}]}`;
  for (const name of ["Sentadilla búlgara", "Ｂａｃｋ ｓｑｕａｔ", "Deadlift \u{1F3CB}", "Squat"]) {
    const raw = replog.validateCatalog(doc(JSON.stringify(name)));
    const escaped = replog.validateCatalog(doc(JSON.stringify(name).replace(/[^\x00-\x7f]/g,
      (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`)));
    assert.equal(raw.success, true, name);
    assert.deepStrictEqual(raw, escaped, name);
    assert.equal(raw.data.exercises[0].name, name);
  }
  // A character past ASCII at the very end, and one alone.
  assert.equal(replog.validateCatalog('{"catalog_version": 1}\u00a0').success, false);
  assert.equal(replog.validateCatalog("é").issues[0].code, "invalid_json");
  // A lone surrogate becomes U+FFFD, as TextEncoder makes it: valid text, a valid name.
  const lone = replog.validateCatalog(doc('"Squat \ud800"'));
  assert.equal(lone.success, true);
  assert.equal(lone.data.exercises[0].name, "Squat \ufffd");
  assert.equal(replog.validateCatalog("").issues[0].code, "invalid_json");
});

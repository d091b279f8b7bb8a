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

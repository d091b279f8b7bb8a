// Node entry of @replog/wasm: the nodejs target (loaded synchronously) under the same import
// as the browser's, `import init, { validateCatalog } from "@replog/wasm"`; `init()` has
// nothing left to do and resolves at once.
import { createRequire } from "node:module";

const wasm = createRequire(import.meta.url)("./pkg/nodejs/replog_wasm.js");

/** Resolves once the module is ready: at once in Node. */
export default function init() {
  return Promise.resolve(wasm);
}

export const {
  validateCatalog,
  validateLogbook,
  catalogJsonSchema,
  matchExercises,
  importPlan,
  applyMappings,
  buildContext,
  lintProgram,
  renderProgramMarkdown,
} = wasm;

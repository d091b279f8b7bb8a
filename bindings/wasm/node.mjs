// Node entry of @replog/wasm: the Node build (an ES module that loads the WebAssembly module
// synchronously) under the same import as the browser's, `import init, { validateCatalog }
// from "@replog/wasm"`; `init()` has nothing left to do and resolves at once.
import * as wasm from "./pkg/nodejs/replog_wasm.js";

/** Resolves once the module is ready: at once in Node. */
export default function init() {
  return Promise.resolve(wasm);
}

export {
  validateCatalog,
  validateLogbook,
  catalogJsonSchema,
  matchExercises,
  importPlan,
  applyMappings,
  buildContext,
  lintProgram,
  renderProgramMarkdown,
} from "./pkg/nodejs/replog_wasm.js";

// Compiles the Node package bench's typia validator (bindings/node/bench/typia-src/catalog.ts,
// typia.createValidate<Catalog>() over the CatalogJSON types both packages generate from the
// same schemas) with this folder's typia and TypeScript into typia-js/, so both benches time
// the same validator and this one needs no other npm install. bench.mjs runs it.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import transform from "typia/lib/transform.js";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const source = here("../../node/bench/typia-src/catalog.ts");

/** Writes typia-js/catalog.js; throws with TypeScript's diagnostics on failure. */
export function buildTypia() {
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    // The source sits in the Node bench, whose node_modules a fresh clone lacks.
    paths: { typia: [here("node_modules/typia/lib/index.d.ts")] },
    rootDir: here("../../node/bench/typia-src"),
    outDir: here("typia-js"),
  };
  const program = ts.createProgram([source], options);
  const diagnostics = [];
  const result = program.emit(undefined, undefined, undefined, false, {
    before: [transform.default(program, {}, { addDiagnostic: (d) => diagnostics.push(d) })],
  });
  const all = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics, ...diagnostics];
  if (all.length > 0) {
    const text = all.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    throw new Error(`typia build of ${source} failed:\n${text.join("\n")}`);
  }
}

// Compiles typia-src/*.ts with typia's TypeScript transformer (typia 9: the TypeScript API;
// typia 14 needs its Go-based ttsc toolchain) into typia-js/, for validate.mjs.
import ts from 'typescript'
import transform from 'typia/lib/transform.js'

const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  outDir: new URL('typia-js', import.meta.url).pathname,
}
const program = ts.createProgram([new URL('typia-src/catalog.ts', import.meta.url).pathname], options)
const diagnostics = []
const result = program.emit(undefined, undefined, undefined, false, {
  before: [transform.default(program, {}, { addDiagnostic: (d) => diagnostics.push(d) })],
})
const all = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics, ...diagnostics]
for (const d of all) console.error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
if (all.length > 0) process.exit(1)

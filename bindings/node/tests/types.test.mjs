// The committed type surface: index.d.ts starts with types/header.d.ts (the package's own
// declarations, then the model types rendered from the Rust schemas by tests/typescript.rs at
// the repository's root, which fails when the header is stale) and declares every export the
// addon has. (scripts/test also fails when a build changes index.d.ts or index.js.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addon, packageDir } from './helpers.mjs'

const header = readFileSync(join(packageDir, 'types/header.d.ts'), 'utf8')

test('index.d.ts declares every export and starts with the header', () => {
  const dts = readFileSync(join(packageDir, 'index.d.ts'), 'utf8')
  for (const name of Object.keys(addon)) {
    assert.match(dts, new RegExp(`export declare (function|class|const) ${name}\\b`), name)
  }
  assert.ok(dts.includes(header.trim()), 'the header is in index.d.ts: run npm run build')
})

test('the header declares the document types the exports name', () => {
  for (const name of ['Text', 'SchemaDialect', 'CoachRequest', 'Catalog', 'Logbook', 'AthleteContext', 'ImportPlan', 'NameMatch']) {
    assert.match(header, new RegExp(`export (interface|type) ${name}\\b`), name)
  }
})

test('every interface the usage file leaves out is still declared once', () => {
  const dts = readFileSync(join(packageDir, 'index.d.ts'), 'utf8')
  const names = [...dts.matchAll(/export (?:declare )?(?:interface|type|class|function) (\w+)/g)].map((m) => m[1])
  assert.equal(new Set(names).size, names.length, 'no duplicate declarations')
  const usage = readFileSync(join(packageDir, 'tests/usage.ts'), 'utf8')
  for (const name of Object.keys(addon).filter((n) => n !== '__napiBindingTarget')) {
    assert.ok(usage.includes(name), `tests/usage.ts exercises ${name}`)
  }
})

// The committed type surface: the document types in types/header.d.ts are what the Rust
// schemas render today (scripts/header.mjs), and index.d.ts declares every export the addon
// has. (scripts/test also fails when a build changes index.d.ts or index.js.)
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addon, packageDir } from './helpers.mjs'
import { header } from '../scripts/header.mjs'

test('types/header.d.ts is current with the Rust schemas', () => {
  const committed = readFileSync(join(packageDir, 'types/header.d.ts'), 'utf8')
  assert.equal(committed, header(addon), 'run: node scripts/header.mjs && npm run build')
})

test('index.d.ts declares every export and starts with the document types', () => {
  const dts = readFileSync(join(packageDir, 'index.d.ts'), 'utf8')
  for (const name of Object.keys(addon)) {
    assert.match(dts, new RegExp(`export declare (function|class|const) ${name}\\b`), name)
  }
  assert.ok(dts.includes(header(addon).trim()), 'the header is in index.d.ts')
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

// CommonJS and ESM consumers see the same exports through the package name (`require` and
// `import` of '@replog/node' both resolve through package.json's "exports").
const { test } = require('node:test')
const assert = require('node:assert/strict')

test('require and import give the same functions', async () => {
  const cjs = require('@replog/node')
  const esm = await import('@replog/node')
  const names = Object.keys(cjs).filter((name) => name !== '__napiBindingTarget').sort()
  assert.ok(names.length >= 25, `${names.length} exports`)
  for (const name of names) {
    assert.equal(esm[name], cjs[name], name)
    assert.equal(typeof cjs[name], 'function', name)
  }
  const { validateCatalog } = await import('@replog/node')
  assert.deepEqual(validateCatalog('{"catalog_version": 1}'), { success: true, issues: [] })
})

// The speed of validateCatalog on JSON text against JSON.parse + ajv (compiled, allErrors),
// typia's validate, zod 4 (safeParse, and z.compile) and valibot, on the same 12-week program
// in one run, valid and invalid; then with the document requested as `data`. A measurement,
// not a test: figures vary with the machine, so nothing asserts on them.
//
//   cd bindings/node/bench && npm install && node typia-build.mjs
//   cargo build -p replog-node --profile dist   (then: cp $CARGO_TARGET_DIR/dist/libreplog_node.so .release/replog.node)
//   node validate.mjs [--addon .release/replog.node] [--baseline .release/base.node] [--seconds 1]
//
// --baseline adds another build of the addon (the commit before a change, say) to the same
// run, so a change is measured against its baseline under the same load.
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import * as z from 'zod'
import * as v from 'valibot'
import { catalog as valibotCatalog } from './valibot-schema.mjs'
import { validate as typiaValidate } from './typia-js/catalog.js'

const require = createRequire(import.meta.url)
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv[at + 1] : fallback
}
const addonPath = resolve(argument('--addon', '../index.js'))
const seconds = Number(argument('--seconds', '1'))
const addon = require(addonPath)
const baselinePath = argument('--baseline', undefined)
const baseline = baselinePath ? require(resolve(baselinePath)) : undefined

// The fixture: the built-in planner's 12-week program for the sample athlete.
const logbook = require('node:fs').readFileSync(new URL('../../../examples/data/sample-logbook.json', import.meta.url))
const planned = await addon.generateTrainingProgram({ logbook, weeks: 12, daysPerWeek: 4, llm: { provider: 'builtin' } })
if (!planned.success) throw new Error(JSON.stringify(planned.error))
const valid = JSON.stringify(planned.program)
const broken = structuredClone(planned.program)
const firstProgram = broken.programs[0]
firstProgram.weeks[0].days[0].exercises[0].sets[0].reps = '8'
firstProgram.weeks[3].days[1].exercises[0].sets[1].rpe = 11
firstProgram.weeks[7].days[0].exercises[1].colour = 'red'
delete firstProgram.weeks[11].days[2].exercises[0].sort_order
const invalid = JSON.stringify(broken)

const schema = addon.catalogSchema('draft2020-12')
const ajv = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
const zodSchema = z.fromJSONSchema(schema)
const zodCompiled = z.compile(zodSchema)

const contenders = {
  'replog validateCatalog(text)': (t) => addon.validateCatalog(t).success,
  'JSON.parse + ajv (compiled, allErrors)': (t) => ajv(JSON.parse(t)),
  'JSON.parse + typia validate': (t) => typiaValidate(JSON.parse(t)).success,
  'JSON.parse + zod 4 safeParse': (t) => zodSchema.safeParse(JSON.parse(t)).success,
  'JSON.parse + zod 4 z.compile safeParse': (t) => zodCompiled.safeParse(JSON.parse(t)).success,
  'JSON.parse + valibot safeParse': (t) => v.safeParse(valibotCatalog, JSON.parse(t)).success,
  'replog validateCatalog(text, { data: true })': (t) => addon.validateCatalog(t, { data: true }).success,
}
if (baseline) {
  contenders['baseline validateCatalog(text)'] = (t) => baseline.validateCatalog(t).success
  contenders['baseline validateCatalog(text, { data: true })'] = (t) => baseline.validateCatalog(t, { data: true }).success
}

/** Runs every contender on `input` in interleaved rounds of 10 calls for about `seconds`
 * each, so that changes in the machine's load hit them all alike; the best round's time per
 * call of each. */
function measure(fns, input) {
  for (const fn of Object.values(fns)) for (let i = 0; i < 200; i++) fn(input)
  const best = Object.fromEntries(Object.keys(fns).map((name) => [name, Infinity]))
  const end = performance.now() + seconds * 1000 * Object.keys(fns).length
  while (performance.now() < end) {
    for (const [name, fn] of Object.entries(fns)) {
      const n = 10
      const start = process.hrtime.bigint()
      for (let i = 0; i < n; i++) fn(input)
      best[name] = Math.min(best[name], Number(process.hrtime.bigint() - start) / n / 1000)
    }
  }
  return best
}

console.log(`addon: ${addonPath}${baseline ? `\nbaseline: ${resolve(baselinePath)}` : ''}`)
console.log(`document: 12 weeks x 4 days, ${valid.length} bytes (invalid: 4 errors)`)
for (const [label, input, expected] of [['valid', valid, true], ['invalid', invalid, false]]) {
  console.log(`\n${label} document (µs per call, best round; lower is better)`)
  const times = measure(contenders, input)
  for (const [name, fn] of Object.entries(contenders)) {
    const verdict = fn(input)
    const note = verdict === expected ? '' : `  (verdict ${verdict}: this validator misses the errors)`
    console.log(`  ${name.padEnd(46)} ${times[name].toFixed(1).padStart(9)}${note}`)
  }
  const others = Object.entries(times).filter(([n]) => !n.startsWith('replog') && !n.startsWith('baseline'))
  const [fastest, best] = others.reduce((a, b) => (b[1] < a[1] ? b : a))
  const ours = times['replog validateCatalog(text)']
  console.log(`  replog vs the fastest other (${fastest}): ${(best / ours).toFixed(2)}x`)
  console.log(`  replog with data vs JSON.parse + ajv: ${(times['replog validateCatalog(text, { data: true })'] / times['JSON.parse + ajv (compiled, allErrors)']).toFixed(2)}x the time`)
  if (baseline) {
    console.log(`  baseline vs the fastest other: ${(best / times['baseline validateCatalog(text)']).toFixed(2)}x`)
    console.log(`  baseline with data vs JSON.parse + ajv: ${(times['baseline validateCatalog(text, { data: true })'] / times['JSON.parse + ajv (compiled, allErrors)']).toFixed(2)}x the time`)
  }
}

// matchNames, planImport, applyImportPlan, importAppExport, convertCatalog, catalogMarkdown,
// diffPrograms, recommend: the Rust example programs' JSON where there is one, the crates'
// behaviour otherwise.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addon, examplesData, sharedData, runExample, runExampleText, rustShape } from './helpers.mjs'

const {
  matchNames, planImport, applyImportPlan, importAppExport, convertCatalog, catalogMarkdown,
  diffPrograms, recommend, recommendWithLlm, validateCatalog, validateLogbook, importPlanSchema,
} = addon
const host = join(examplesData, 'sample-program.json')
const spec = join(examplesData, 'spec-example.json')

test('matchNames: the match example\'s lines, in input order', () => {
  const names = ['Clean', 'Power Cleans', 'Kettlebell Suitcase Carry', 'Zumba', 'back squat']
  const { stdout } = runExampleText('match', ['--catalog', spec, ...names])
  const rust = stdout.trim().split('\n').map((line) => JSON.parse(line))
  const node = matchNames([readFileSync(spec)], names)
  assert.deepEqual(node, rust)
  assert.equal(node[3].kind, 'new')
})

test('planImport: the plan example\'s plan, and the issues of an invalid draft', () => {
  const draft = join(examplesData, 'llm-draft-month-5.json')
  const plan = planImport(readFileSync(draft), { catalogs: [readFileSync(host)] })
  assert.equal(plan.success, true)
  assert.deepEqual(plan.plan, runExample('plan', [draft, '--catalog', host]).json)
  const withProgram = planImport(readFileSync(spec), { catalogs: [readFileSync(host)], programs: ['Sport Performance Month 5 - Tommy'] })
  assert.deepEqual(withProgram.plan, runExample('plan', [spec, '--catalog', host, '--program', 'Sport Performance Month 5 - Tommy']).json)
  const bad = join(examplesData, 'llm-draft-with-mistakes.json')
  const failed = planImport(readFileSync(bad), { catalogs: [readFileSync(host)] })
  assert.equal(failed.success, false)
  assert.deepEqual(failed.issues.map(rustShape), runExample('plan', [bad, '--catalog', host]).json.issues)
  assert.ok(importPlanSchema().properties)
})

test('applyImportPlan: the planned document is valid against the host; a broken plan is refused', () => {
  const draft = readFileSync(join(examplesData, 'llm-draft-month-5.json'))
  const options = { catalogs: [readFileSync(host)] }
  const { plan } = planImport(draft, options)
  const applied = applyImportPlan(draft, plan, options)
  assert.equal(applied.success, true)
  assert.equal(applied.valid, true)
  assert.equal(validateCatalog(JSON.stringify(applied.document), { catalogs: [readFileSync(host)] }).success, true)
  const broken = structuredClone(plan)
  broken.exercises[0].name = 'No Such Exercise In The Draft'
  const refused = applyImportPlan(draft, broken, options)
  assert.equal(refused.success, false)
  assert.ok(refused.plan.conflicts.length >= 1)
  assert.throws(() => applyImportPlan(draft, { nonsense: true }, options), /plan/)
})

test('importAppExport: the import example\'s logbook from a real Strong export', () => {
  const strong = join(sharedData, 'openweight/converter-fixtures/strong-real.csv')
  const rust = runExample('import', [strong, '--unit', 'lb', '--athlete', 'Sam']).json
  const node = importAppExport(readFileSync(strong), { unit: 'lb', athlete: 'Sam' })
  assert.equal(node.format, 'strong')
  assert.deepEqual(node.logbook, rust)
  assert.ok(node.report.rows > 0)
  assert.equal(validateLogbook(JSON.stringify(node.logbook)).success, true)
  assert.throws(() => importAppExport(readFileSync(strong)), /unit/)
  assert.throws(() => importAppExport(readFileSync(strong), { unit: 'stone' }), /options\.unit/)
})

test('convertCatalog: the convert example\'s documents from real third-party data', () => {
  const cases = [
    ['free-exercise-db', join(sharedData, 'free-exercise-db/exercises.json')],
    ['openweight', join(sharedData, 'openweight/examples/programs/531-bbb.json')],
  ]
  for (const [source, file] of cases) {
    const node = convertCatalog(source, readFileSync(file, 'utf8'))
    assert.deepEqual(node.document, runExample('convert', ['--from', source, file]).json, source)
    assert.equal(validateCatalog(JSON.stringify(node.document)).success, true)
  }
  assert.throws(() => convertCatalog('nope', '{}'), /source/)
  assert.throws(() => convertCatalog('openweight', readFileSync(join(sharedData, 'openweight/examples/invalid/program-empty-weeks.json'), 'utf8')), /openweight/)
})

test('catalogMarkdown and diffPrograms: a readable program, and what a coach changed', () => {
  const text = readFileSync(spec, 'utf8')
  const markdown = catalogMarkdown(text)
  const doc = JSON.parse(text)
  assert.ok(markdown.includes(doc.programs[0].name))
  assert.deepEqual(diffPrograms(text, text).changes, [])
  const edited = structuredClone(doc)
  edited.programs[0].weeks[0].days[0].exercises[0].sets[0].reps = 1
  const diff = diffPrograms(text, JSON.stringify(edited))
  assert.equal(diff.changes.length, 1)
  assert.match(JSON.stringify(diff.changes[0]), /reps/)
  assert.throws(() => diffPrograms(text, text, 'No Such Program'), /No Such Program/)
})

test('recommend: the rules under the safety clamps, youth limits by age', async () => {
  const input = {
    exercise: 'Back Squat', current_set: 2,
    planned: { sets: 3, reps: 5, weight: 225, rest_seconds: 180 },
    signals: { last_sets: [{ reps: 5, weight: 225, rpe: 6, form: 9 }] },
  }
  const adult = recommend(input)
  assert.equal(adult.kind, 'increase_weight')
  assert.ok(adult.suggested.weight > 225 && adult.suggested.weight <= 225 * 1.1)
  assert.ok(adult.confidence >= 0.3 && adult.confidence <= 1)
  const youth = recommend({ ...input, age: 14 })
  assert.ok(youth.suggested.weight <= adult.suggested.weight)
  assert.throws(() => recommend({ ...input, colour: 'red' }), /input/)
  const viaPlanner = await recommendWithLlm(input, { provider: 'builtin' })
  assert.equal(typeof viaPlanner.recommendation.kind, 'string')
})

// buildContext, periodMetrics, lintCatalog, buildReport: the same JSON as the Rust example
// programs (context, report, validate --lint) for the sample athletes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addon, examplesData, runExample, runExampleText } from './helpers.mjs'

const { buildContext, periodMetrics, lintCatalog, buildReport, writeReport, validateLogbook } = addon
const sample = join(examplesData, 'sample-logbook.json')
const sarah = join(examplesData, 'sarah.json')
const program = join(examplesData, 'spec-example.json')

test('buildContext: the Rust context example\'s JSON, with and without a catalog and a day', () => {
  for (const logbook of [sample, sarah]) {
    assert.deepEqual(buildContext(readFileSync(logbook)), runExample('context', [logbook]).json)
  }
  const rust = runExample('context', [sample, '--as-of', '2026-03-20', '--catalog', program]).json
  const node = buildContext(readFileSync(sample, 'utf8'), { asOf: '2026-03-20', catalogs: [readFileSync(program)] })
  assert.deepEqual(node, rust)
  assert.equal(node.as_of, '2026-03-20')
})

test('buildContext: an invalid logbook or a bad day throws, naming it', () => {
  assert.throws(() => buildContext(readFileSync(program)), /logbook/)
  assert.throws(() => buildContext(readFileSync(sample), { asOf: '2026-13-01' }), /options\.asOf/)
  assert.throws(() => buildContext(readFileSync(sample), { catalogs: ['{}'] }), /options\.catalogs\[0\]/)
})

/** The Rust report example prints the payload JSON, a blank line, then the Markdown. */
function rustReport(args) {
  const { stdout } = runExampleText('report', args)
  const end = stdout.indexOf('\n}\n') + 2
  return { payload: JSON.parse(stdout.slice(0, end)), markdown: stdout.slice(end).trim() }
}

test('buildReport: the Rust report example\'s payload and Markdown', () => {
  for (const period of ['week', 'month']) {
    const rust = rustReport(['--logbook', sample, '--period', period, '--as-of', '2026-03-20'])
    const node = buildReport(readFileSync(sample), { period, asOf: '2026-03-20' })
    assert.deepEqual(node.payload, rust.payload, period)
    assert.equal(node.markdown.trim(), rust.markdown, period)
    assert.match(node.html, /<h[1-3]/)
    assert.equal(node.fallback, undefined)
  }
  assert.throws(() => buildReport(readFileSync(sample), { period: 'year' }), /options\.period/)
})

test('writeReport with the built-in planner: the rules\' words and numbers', async () => {
  const written = await writeReport(readFileSync(sample), { asOf: '2026-03-20', llm: { provider: 'builtin' } })
  const rules = buildReport(readFileSync(sample), { asOf: '2026-03-20' })
  assert.deepEqual(written.payload.metrics, rules.payload.metrics)
  assert.equal(typeof written.usage.inputTokens, 'number')
})

test('periodMetrics: the numbers the report carries', () => {
  const report = buildReport(readFileSync(sample), { period: 'month', asOf: '2026-03-20' })
  const metrics = periodMetrics(readFileSync(sample), 'month', { asOf: '2026-03-20' })
  assert.deepEqual(metrics, report.payload.metrics)
  assert.throws(() => periodMetrics(readFileSync(sample), 'decade'), /period/)
})

test('lintCatalog: the lint issues of validate --lint --athlete', () => {
  for (const [document, athlete] of [[program, sample], [join(examplesData, 'sample-program.json'), sarah], [program, null]]) {
    const args = [document, '--lint', ...(athlete ? ['--athlete', athlete] : [])]
    const rust = runExample('validate', args).json.issues.filter((i) => i.code.startsWith('lint.'))
    const node = lintCatalog(readFileSync(document), athlete ? { athlete: readFileSync(athlete) } : undefined)
    assert.deepEqual(node.map(({ segments, ...rest }) => rest), rust, `${document} ${athlete}`)
    assert.ok(node.every((i) => i.severity === 'warning'))
  }
  assert.equal(validateLogbook(readFileSync(sample)).success, true)
})

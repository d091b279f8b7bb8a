// validateCatalog / validateLogbook / Validator: the same whole issue lists as the Rust
// `validate` example, for every sample document, real third-party documents and mutated ones.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  addon, examplesData, sharedData, rustVerdict, rustShape, tempDir, tempFile,
} from './helpers.mjs'

const { validateCatalog, validateLogbook, Validator, parseCatalog, parseLogbook } = addon

function assertAgrees(result, verdict, label) {
  assert.equal(result.success, verdict.valid, `${label}: verdict`)
  assert.deepEqual(result.issues.map(rustShape), verdict.issues, `${label}: issues`)
}

/** Every JSON file the comparison runs over: samples, openweight's examples (other formats,
 * so many issues), and converter fixtures. */
function corpus() {
  const files = readdirSync(examplesData).filter((f) => f.endsWith('.json')).map((f) => join(examplesData, f))
  for (const sub of ['invalid', 'programs', 'workout-templates']) {
    const dir = join(sharedData, 'openweight/examples', sub)
    files.push(...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)))
  }
  return files
}

test('every corpus document: the Rust verdict and issue list, from a string and a Buffer', () => {
  const files = corpus()
  assert.ok(files.length >= 20, `a corpus of ${files.length} files`)
  let invalid = 0
  for (const file of files) {
    const verdict = rustVerdict(file)
    const bytes = readFileSync(file)
    assertAgrees(validateCatalog(bytes), verdict, `${file} (Buffer)`)
    assertAgrees(validateCatalog(bytes.toString('utf8')), verdict, `${file} (string)`)
    assertAgrees(validateCatalog(new Uint8Array(bytes)), verdict, `${file} (Uint8Array)`)
    const withData = validateCatalog(bytes, { data: true })
    assertAgrees(withData, verdict, `${file} (data)`)
    if (verdict.valid) {
      // data is the crate's typed document, as parseCatalog builds it, whatever form the text
      // comes in (a string, bytes, text after a byte order mark).
      const typed = parseCatalog(bytes)
      assert.deepEqual(withData.data, typed, `${file}: data is the typed document`)
      assert.deepEqual(validateCatalog(bytes.toString('utf8'), { data: true }).data, typed)
      assert.deepEqual(validateCatalog('\ufeff' + bytes.toString('utf8'), { data: true }).data, typed)
      assert.deepEqual(new Validator().validateCatalog(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), { data: true }).data, typed)
      assert.deepEqual(parseCatalog(JSON.stringify(withData.data)), typed, `${file}: the typed document reads back as itself`)
    } else {
      assert.throws(() => parseCatalog(bytes), /invalid|error/i, `${file}: parse throws`)
    }
    if (!verdict.valid) invalid += 1
  }
  assert.ok(invalid >= 10, `${invalid} invalid documents compared`)
})

/** Mutations of a valid program, each breaking it in a different way. */
const mutations = {
  'missing version': (d) => { delete d.catalog_version },
  'weeks not an array': (d) => { d.programs[0].weeks = 'four' },
  'unknown member': (d) => { d.programs[0].colour = 'red' },
  'reps as a string': (d) => { d.programs[0].weeks[0].days[0].exercises[0].sets[0].reps = '8' },
  'unknown exercise': (d) => { d.programs[0].weeks[0].days[0].exercises[0].exercise = 'Zumba Squat' },
  'duplicate sort order': (d) => {
    const ex = d.programs[0].weeks[0].days[0].exercises
    if (ex.length > 1) ex[1].sort_order = ex[0].sort_order
  },
  'week numbers out of order': (d) => { d.programs[0].weeks.reverse() },
  'percent and weight': (d) => {
    Object.assign(d.programs[0].weeks[0].days[0].exercises[0].sets[0], { percent_tm: 70, weight: 100 })
  },
  'negative rest': (d) => { d.programs[0].weeks[0].days[0].exercises[0].sets[0].rest_seconds = -5 },
  'empty days everywhere': (d) => { for (const w of d.programs[0].weeks) w.days = [] },
  'not JSON': () => 'not json',
  'trailing text': () => '{"catalog_version": 1} x',
  'a bare array': () => [],
}

test('mutated documents: the Rust issue list, in order, with paths as arrays too', () => {
  const dir = tempDir()
  const source = readFileSync(join(examplesData, 'sample-program.json'), 'utf8')
  for (const [name, mutate] of Object.entries(mutations)) {
    const doc = JSON.parse(source)
    const replaced = mutate(doc)
    const text = typeof replaced === 'string' ? replaced : JSON.stringify(replaced ?? doc)
    const file = tempFile(dir, `${name.replaceAll(' ', '-')}.json`, text)
    const verdict = rustVerdict(file)
    assert.equal(verdict.valid, false, `${name} breaks the document`)
    const result = validateCatalog(text)
    assertAgrees(result, verdict, name)
    for (const issue of result.issues) {
      const pointer = issue.segments.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('')
      assert.equal(pointer, issue.path, `${name}: segments spell the pointer`)
    }
  }
})

test('equipment and host catalogs: the Rust verdicts with --equipment and --catalog', () => {
  const spec = join(examplesData, 'spec-example.json')
  const host = join(examplesData, 'sample-program.json')
  const draft = join(examplesData, 'llm-draft-month-5.json')
  const equipment = ['barbell', 'kettlebell']
  assertAgrees(validateCatalog(readFileSync(spec), { equipment }), rustVerdict(spec, ['--equipment', equipment.join(',')]), 'equipment')
  const catalogs = [readFileSync(host, 'utf8')]
  assertAgrees(validateCatalog(readFileSync(draft), { catalogs }), rustVerdict(draft, ['--catalog', host]), 'host catalog')
  assertAgrees(validateCatalog(readFileSync(draft)), rustVerdict(draft), 'no host catalog')
  const validator = new Validator({ catalogs: [readFileSync(host)], equipment })
  const both = rustVerdict(draft, ['--catalog', host, '--equipment', equipment.join(',')])
  assertAgrees(validator.validateCatalog(readFileSync(draft)), both, 'Validator')
  assert.equal(validator.isValid(readFileSync(draft)), both.valid)
  assert.equal(new Validator().isValid(readFileSync(host)), true)
  assert.equal(new Validator().isValid('{"catalog_version": 2}'), false)
})

test('logbooks: the Rust verdict of validate --logbook', () => {
  let invalid = 0
  for (const name of ['sample-logbook.json', 'sarah.json', 'spec-example.json', 'sample-program.json']) {
    const file = join(examplesData, name)
    const rust = rustVerdict('--logbook', [file])
    assertAgrees(validateLogbook(readFileSync(file)), rust, name)
    assertAgrees(new Validator().validateLogbook(readFileSync(file, 'utf8')), rust, `${name} (Validator)`)
    if (rust.valid) {
      const data = validateLogbook(readFileSync(file, 'utf8'), { data: true }).data
      assert.deepEqual(data, parseLogbook(readFileSync(file)), `${name}: data is the typed logbook`)
      assert.deepEqual(validateLogbook(readFileSync(file), { data: true }).data, data, `${name} (Buffer)`)
      assert.deepEqual(parseLogbook(JSON.stringify(data)), data, name)
    }
    if (!rust.valid) invalid += 1
  }
  assert.ok(invalid >= 1, 'a CatalogJSON file is not a logbook')
})

test('data is opt-in, and is the typed document the Rust parser builds', () => {
  const text = readFileSync(join(examplesData, 'sample-program.json'), 'utf8')
  const fast = validateCatalog(text)
  assert.deepEqual(fast, { success: true, issues: [] })
  const full = validateCatalog(text, { data: true })
  assert.equal(full.success, true)
  assert.equal(full.data.catalog_version, 1)
  assert.deepEqual(full.data.programs.map((p) => p.name), JSON.parse(text).programs.map((p) => p.name))
  // Validating the returned document again gives the same verdict: nothing was lost.
  assert.deepEqual(validateCatalog(JSON.stringify(full.data)), { success: true, issues: [] })
  const logbook = validateLogbook(readFileSync(join(examplesData, 'sample-logbook.json')), { data: true })
  assert.equal(logbook.success, true)
  assert.equal(logbook.data.logbook_version, 1)
  const invalid = validateCatalog('{"catalog_version": 1, "programs": 3}', { data: true })
  assert.equal(invalid.success, false)
  assert.equal('data' in invalid, false)
})

test('data is the typed document, not JSON.parse of the input: defaults omitted, 5.0 read as 5, model order', () => {
  // The sample program with defaults spelled out, a whole number written 5.0, and members
  // in another order than the model's.
  const source = JSON.parse(readFileSync(join(examplesData, 'sample-program.json'), 'utf8'))
  const program = source.programs[0]
  program.is_loop = false
  program.progression_rules = []
  const set = program.weeks[0].days[0].exercises[0].sets[0]
  set.rep_type = 'reps'
  set.reps = 'FIVE'
  const text = JSON.stringify({ programs: source.programs, exercises: source.exercises, catalog_version: 1 })
    .replace('"FIVE"', '5.0')
  assert.ok(text.includes('"reps":5.0'), 'the text writes 5.0')
  for (const input of [text, Buffer.from(text)]) {
    const result = validateCatalog(input, { data: true })
    assert.equal(result.success, true, JSON.stringify(result.issues))
    const data = result.data
    assert.deepEqual(data, parseCatalog(text), 'the document parseCatalog builds')
    assert.notDeepEqual(data, JSON.parse(text), 'not JSON.parse of the input')
    assert.deepEqual(Object.keys(data), ['catalog_version', 'exercises', 'programs'], 'members in the model\'s order')
    assert.equal('is_loop' in data.programs[0], false, 'is_loop: false is the default, omitted')
    assert.equal('progression_rules' in data.programs[0], false, 'an empty list is omitted')
    const first = data.programs[0].weeks[0].days[0].exercises[0].sets[0]
    assert.equal('rep_type' in first, false, 'rep_type: reps is the default, omitted')
    assert.equal(first.reps, 5)
    assert.equal(JSON.stringify(first).includes('5.0'), false)
  }
  // A logbook: empty lists are defaults too.
  const logbook = JSON.parse(readFileSync(join(examplesData, 'sample-logbook.json'), 'utf8'))
  const withEmpty = JSON.stringify({ ...logbook, body_weights: [], tier_history: [] })
  const checked = validateLogbook(withEmpty, { data: true })
  assert.equal(checked.success, true, JSON.stringify(checked.issues))
  assert.deepEqual(checked.data, parseLogbook(withEmpty))
  assert.equal('body_weights' in checked.data, false, 'an empty list is omitted')
  assert.equal('tier_history' in checked.data, false, 'an empty list is omitted')
})

test('a duplicated member is an error, so data never depends on which copy JSON.parse keeps', () => {
  const text = readFileSync(join(examplesData, 'sample-program.json'), 'utf8').replace('{', '{"catalog_version": 1, ')
  const result = validateCatalog(text, { data: true })
  assert.equal(result.success, false)
  assert.equal('data' in result, false)
})

test('misuse throws, with the option named; bad documents never throw', () => {
  assert.throws(() => validateCatalog('{}', { catalogs: ['{"catalog_version": 9}'] }), /options\.catalogs\[0\]/)
  assert.throws(() => new Validator({ catalogs: ['nope'] }), /options\.catalogs\[0\]/)
  assert.throws(() => validateCatalog(42), /string|Buffer|Uint8Array|expect/i)
  for (const input of ['', '{', 'null', '"x"', '\u00ff', Buffer.from([0xff, 0xfe])]) {
    const result = validateCatalog(input)
    assert.equal(result.success, false)
    assert.ok(result.issues.length >= 1)
  }
})

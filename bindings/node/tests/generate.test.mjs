// generateTrainingProgram: the built-in planner with nothing configured, and an OpenAI-protocol
// server on loopback answering with the planner's program (as the Rust generation tests do),
// in single and incremental mode (the outline, then one call per week), failures as the
// result union, progress events and AbortSignal.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { addon, examplesData } from './helpers.mjs'
import { fakeOpenAi, partOf } from './fake-openai.mjs'

const { generateTrainingProgram, validateCatalog } = addon
const logbook = readFileSync(join(examplesData, 'sample-logbook.json'))
const request = { logbook, weeks: 4, daysPerWeek: 3, name: 'Block A' }
const builtin = { provider: 'builtin' }

/** The planner's program for `request`, as the envelope an LLM would answer with. */
async function plannerEnvelope() {
  const result = await generateTrainingProgram({ ...request, llm: builtin })
  assert.equal(result.success, true)
  return JSON.stringify({ reasoning: result.reasoning, catalog: result.program })
}

test('nothing configured: the built-in planner drafts a valid program with progress', async () => {
  const events = []
  const result = await generateTrainingProgram({ ...request, llm: builtin, onProgress: (e) => events.push(e) })
  assert.equal(result.success, true)
  assert.equal(result.provider, 'builtin')
  assert.equal(result.program.programs.length, 1)
  assert.equal(result.program.programs[0].name, 'Block A')
  assert.equal(result.program.programs[0].weeks.length, 4)
  assert.ok(result.reasoning.length > 0)
  assert.equal(typeof result.durationMs, 'number')
  assert.deepEqual(validateCatalog(JSON.stringify(result.program)), { success: true, issues: [] })
  // Progress arrives on the event loop before or right after the promise settles.
  await new Promise((resolve) => setImmediate(resolve))
  assert.ok(events.length >= 1, 'progress events')
  assert.equal(events.at(-1).stage, 'done')
  assert.equal(events.at(-1).percent, 100)
})

test('an OpenAI-protocol server on loopback: its program, usage and model, and the request it got', async () => {
  const envelope = await plannerEnvelope()
  const fake = await fakeOpenAi(() => ({ text: envelope }))
  try {
    const result = await generateTrainingProgram({
      ...request, mode: 'single',
      llm: { provider: 'openai', baseUrl: fake.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', maxRetries: 0 },
    })
    assert.equal(result.success, true, JSON.stringify(result.error))
    assert.equal(result.provider, 'openai')
    assert.equal(result.model, 'gpt-4o-mini')
    assert.deepEqual(result.program, JSON.parse(envelope).catalog)
    assert.deepEqual(result.usage, { inputTokens: 1000, outputTokens: 200, cachedTokens: 600 })
    assert.equal(fake.requests.length, 1)
    const [call] = fake.requests
    assert.equal(call.path, '/v1/chat/completions')
    assert.equal(call.headers.authorization, 'Bearer sk-test')
    assert.equal(call.body.model, 'gpt-4o-mini')
    assert.equal(call.body.response_format.type, 'json_schema')
    assert.ok(call.body.messages.some((m) => JSON.stringify(m.content).includes('Block A')))
  } finally {
    await fake.close()
  }
})

/** The planner's `weeks`-week program, and the answers an LLM gives to an incremental
 * generation's calls: the outline (step 1), then each week. */
async function incrementalAnswers(weeks) {
  const planned = await generateTrainingProgram({ ...request, weeks, llm: builtin })
  assert.equal(planned.success, true)
  const program = planned.program.programs[0]
  const outline = {
    reasoning: planned.reasoning,
    name: program.name,
    description: program.description,
    goal: program.goal,
    unit: program.unit,
    weeks: program.weeks.map((w) => ({ number: w.number, label: w.label, days: w.days.map((d) => ({ number: d.number, name: d.name })) })),
    progression_rules: program.progression_rules,
    exercises: planned.program.exercises,
  }
  const week = (n) => ({ reasoning: `Week ${n} as outlined.`, week: program.weeks.find((w) => w.number === n) })
  return { program, outline, week }
}

test('incremental mode over loopback: the outline, then each of 12 weeks, with progress to 100 %', async () => {
  const weeks = 12
  const answers = await incrementalAnswers(weeks)
  const asked = []
  const fake = await fakeOpenAi((body) => {
    const part = partOf(body)
    asked.push(part)
    if (part.outline) return { text: JSON.stringify(answers.outline) }
    if (part.week) return { text: JSON.stringify(answers.week(part.week)) }
    return { status: 400 }
  })
  try {
    const events = []
    const result = await generateTrainingProgram({
      ...request, weeks, mode: 'incremental', concurrency: 3, onProgress: (e) => events.push(e),
      llm: { provider: 'openai', baseUrl: fake.baseUrl, apiKey: 'sk-test', model: 'gpt-4o-mini', maxRetries: 0 },
    })
    assert.equal(result.success, true, JSON.stringify(result.error))
    // One outline call, then one call per week (each week asked for once), never the whole.
    assert.deepEqual(asked[0], { outline: true })
    assert.deepEqual(asked.slice(1).map((p) => p.week).sort((a, b) => a - b), Array.from({ length: weeks }, (_, i) => i + 1))
    assert.ok(asked.slice(1).every((p) => p.of === weeks), 'each week call names the total')
    assert.equal(fake.requests.length, 1 + weeks)
    assert.deepEqual(result.usage, { inputTokens: 1000 * (1 + weeks), outputTokens: 200 * (1 + weeks), cachedTokens: 600 * (1 + weeks) })
    // The program: the outline's name and weeks 1-12 in order, each the week answered.
    const [program] = result.program.programs
    assert.equal(program.name, answers.program.name)
    assert.deepEqual(program.weeks.map((w) => w.number), Array.from({ length: weeks }, (_, i) => i + 1))
    assert.deepEqual(program.weeks, answers.program.weeks)
    assert.deepEqual(validateCatalog(JSON.stringify(result.program)), { success: true, issues: [] })
    // Progress: never backwards, the outline before any week, every week kept once, 100 % last.
    await new Promise((resolve) => setImmediate(resolve))
    assert.ok(events.length >= weeks + 2, `${events.length} progress events`)
    for (let i = 1; i < events.length; i++) {
      assert.ok(events[i].percent >= events[i - 1].percent, `percent ${events[i - 1].percent} then ${events[i].percent}`)
      assert.ok(events[i].weeksDone >= events[i - 1].weeksDone, 'weeksDone never decreases')
      assert.ok(events[i].attempts >= events[i - 1].attempts, 'attempts never decrease')
    }
    const stages = events.map((e) => e.stage)
    assert.ok(stages.indexOf('skeleton') >= 0 && stages.indexOf('skeleton') < stages.indexOf('week'), stages.join(' '))
    assert.deepEqual(events.filter((e) => e.stage === 'week').map((e) => e.week).sort((a, b) => a - b), Array.from({ length: weeks }, (_, i) => i + 1))
    const last = events.at(-1)
    assert.deepEqual([last.stage, last.percent, last.weeksDone, last.weeksTotal], ['done', 100, weeks, weeks])
    assert.ok(events.every((e) => (e.weeksDone < weeks) === (e.percent < 100)), '100 % once every week is kept')
  } finally {
    await fake.close()
  }
})

test('incremental mode: an AbortSignal fired mid-way resolves with the aborted failure', async () => {
  const weeks = 12
  const answers = await incrementalAnswers(weeks)
  // Weeks 1 and 2 answer; every later week hangs, so only the signal can end the run.
  const fake = await fakeOpenAi((body) => {
    const part = partOf(body)
    if (part.outline) return { text: JSON.stringify(answers.outline) }
    if (part.week && part.week <= 2) return { text: JSON.stringify(answers.week(part.week)) }
    return { hang: true }
  })
  try {
    const controller = new AbortController()
    const events = []
    const result = await generateTrainingProgram({
      ...request, weeks, mode: 'incremental', concurrency: 2, signal: controller.signal,
      onProgress: (e) => {
        events.push(e)
        if (e.stage === 'week') controller.abort()
      },
      llm: { provider: 'openai', baseUrl: fake.baseUrl, apiKey: 'sk-test', maxRetries: 0, timeoutSeconds: 60 },
    })
    assert.equal(result.success, false)
    assert.equal(result.error.kind, 'aborted')
    assert.match(result.error.message, /abort/i)
    assert.equal(controller.signal.aborted, true, 'aborted from onProgress, after a week was kept')
    assert.ok(events.some((e) => e.stage === 'week'))
    assert.ok(events.every((e) => e.stage !== 'done' && e.percent < 100), 'never finished')
    assert.ok(fake.requests.length < 1 + weeks, `${fake.requests.length} requests: not every week was asked`)
  } finally {
    await fake.close()
  }
})

test('failures come back as the result union with their kind, attempts and usage', async () => {
  const cases = [
    { reply: { status: 401 }, kind: 'authentication' },
    { reply: { status: 500 }, kind: 'server' },
    { reply: { refusal: 'I cannot help with that.' }, kind: 'refusal' },
    { reply: { text: '{"reasoning": "r", "catalog": {"catalog_version": 1, "programs": "x"}}' }, kind: 'invalid_output' },
  ]
  for (const { reply, kind } of cases) {
    const fake = await fakeOpenAi(() => reply)
    try {
      const result = await generateTrainingProgram({
        ...request, mode: 'single', maxRounds: 1,
        llm: { provider: 'openai', baseUrl: fake.baseUrl, apiKey: 'sk-test', maxRetries: 0 },
      })
      assert.equal(result.success, false, kind)
      assert.equal(result.error.kind, kind)
      assert.ok(result.error.message.length > 0)
      assert.ok(result.error.attempts >= 1, `${kind}: attempts`)
      assert.equal(typeof result.error.usage.inputTokens, 'number')
      if (kind === 'invalid_output') {
        assert.equal(fake.requests.length, 2, 'one re-ask')
        assert.ok(result.error.issues.some((i) => i.path === '/catalog/programs' || i.path === '/programs'))
      }
    } finally {
      await fake.close()
    }
  }
})

test('an unreachable provider fails as connection; fallbackToPlanner delivers the planner program', async () => {
  const llm = { provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-test', maxRetries: 0 }
  const failed = await generateTrainingProgram({ ...request, mode: 'single', llm })
  assert.equal(failed.success, false)
  assert.equal(failed.error.kind, 'connection')
  const fallback = await generateTrainingProgram({ ...request, mode: 'single', llm, fallbackToPlanner: true })
  assert.equal(fallback.success, true)
  assert.equal(fallback.provider, 'builtin')
  assert.equal(fallback.fallback.kind, 'connection')
})

test('an AbortSignal ends a hanging generation with the aborted failure', async () => {
  const fake = await fakeOpenAi(() => ({ hang: true }))
  try {
    const controller = new AbortController()
    const pending = generateTrainingProgram({
      ...request, mode: 'single', signal: controller.signal,
      llm: { provider: 'openai', baseUrl: fake.baseUrl, apiKey: 'sk-test', maxRetries: 0, timeoutSeconds: 60 },
    })
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    const result = await pending
    assert.equal(result.success, false)
    assert.equal(result.error.kind, 'aborted')
    const already = await generateTrainingProgram({ ...request, llm: builtin, signal: AbortSignal.abort() })
    assert.equal(already.error.kind, 'aborted')
  } finally {
    await fake.close()
  }
})

test('a request out of range rejects the promise (misuse), never resolving as an LLM failure', async () => {
  await assert.rejects(generateTrainingProgram({ ...request, weeks: 60, llm: builtin }), /week/i)
  await assert.rejects(generateTrainingProgram({ ...request, daysPerWeek: 9, llm: builtin }), /day/i)
})

test('bad options throw, naming the option', () => {
  assert.throws(() => generateTrainingProgram({ logbook: '{}' }), /options\.logbook/)
  assert.throws(() => generateTrainingProgram({ ...request, mode: 'fast' }), /options\.mode/)
  assert.throws(() => generateTrainingProgram({ ...request, asOf: '2026-13-01' }), /options\.asOf/)
  assert.throws(() => generateTrainingProgram({ ...request, llm: { provider: 'skynet' } }), /options\.llm/)
  assert.throws(() => generateTrainingProgram({ ...request, catalogs: ['[]'] }), /options\.catalogs\[0\]/)
})

test('settings from a SQLite file, under the call\'s options', async () => {
  const { writeSetting, testConnection } = addon
  const { tempDir } = await import('./helpers.mjs')
  const file = join(tempDir(), 'settings.db')
  const envelope = await plannerEnvelope()
  const fake = await fakeOpenAi(() => ({ text: envelope }))
  try {
    writeSetting(file, 'llm.provider', 'openai')
    writeSetting(file, 'llm.base_url', fake.baseUrl)
    writeSetting(file, 'llm.model', 'stored-model')
    writeSetting(file, 'llm.max_retries', '0')
    assert.throws(() => writeSetting(file, 'llm.temperature', 'hot'), /llm\.temperature/)
    assert.throws(() => writeSetting(file, 'llm.colour', 'red'), /llm\.colour/)
    const result = await generateTrainingProgram({ ...request, mode: 'single', llm: { settingsFile: file, apiKey: 'sk-file' } })
    assert.equal(result.success, true, JSON.stringify(result.error))
    assert.equal(result.model, 'stored-model')
    assert.equal(fake.requests.length, 1)
    assert.equal(fake.requests[0].body.model, 'stored-model')
    // The call's options win over the file.
    const override = await generateTrainingProgram({ ...request, mode: 'single', llm: { settingsFile: file, apiKey: 'sk-file', model: 'option-model' } })
    assert.equal(override.model, 'option-model')
    const builtinCheck = await testConnection({ provider: 'builtin' })
    assert.equal(builtinCheck.ok, true)
    assert.equal(builtinCheck.provider, 'builtin')
    const unreachable = await testConnection({ provider: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-x' })
    assert.equal(unreachable.ok, false)
    assert.equal(unreachable.kind, 'connection')
  } finally {
    await fake.close()
  }
})

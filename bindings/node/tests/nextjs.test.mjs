// The Next.js server action example (examples/node/app/actions.ts): type-checked and compiled
// with tsc --strict, then called under Node with the provider configured through the
// environment, as a Next.js server would, against an OpenAI-protocol server on loopback.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { addon, examplesData, packageDir, repo } from './helpers.mjs'
import { fakeOpenAi } from './fake-openai.mjs'

const example = join(repo, 'examples/node')
const out = join(packageDir, '.example-build')

/** Compiles the example into the package (so `@replog/node` resolves to this package). */
function compile() {
  rmSync(out, { recursive: true, force: true })
  const tsc = join(packageDir, 'node_modules/.bin/tsc')
  const run = spawnSync(tsc, ['-p', example, '--noEmit', 'false', '--outDir', out], { encoding: 'utf8' })
  assert.equal(run.status, 0, `tsc: ${run.stdout}${run.stderr}`)
  return import(pathToFileURL(join(out, 'actions.js')).href)
}

const logbook = readFileSync(join(examplesData, 'sample-logbook.json'), 'utf8')
const variables = ['REPLOG_LLM_PROVIDER', 'REPLOG_LLM_BASE_URL', 'REPLOG_LLM_API_KEY', 'REPLOG_LLM_MODEL', 'REPLOG_LLM_MAX_RETRIES']

async function withEnv(values, run) {
  const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]))
  Object.assign(process.env, values)
  try {
    return await run()
  } finally {
    for (const name of variables) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  }
}

test('the server action drafts a program through the configured OpenAI-protocol server', async () => {
  const source = readFileSync(join(example, 'app/actions.ts'), 'utf8')
  assert.match(source, /^'use server'$/m)
  const { generateProgram } = await compile()
  const planned = await addon.generateTrainingProgram({ logbook, weeks: 3, daysPerWeek: 3, llm: { provider: 'builtin' } })
  const envelope = JSON.stringify({ reasoning: planned.reasoning, catalog: planned.program })
  const fake = await fakeOpenAi(() => ({ text: envelope }))
  try {
    const env = {
      REPLOG_LLM_PROVIDER: 'openai', REPLOG_LLM_BASE_URL: fake.baseUrl, REPLOG_LLM_API_KEY: 'sk-next',
      REPLOG_LLM_MODEL: 'gpt-4o-mini', REPLOG_LLM_MAX_RETRIES: '0',
    }
    const result = await withEnv(env, () => generateProgram({ logbook, weeks: 3, daysPerWeek: 3 }))
    assert.equal(result.success, true, JSON.stringify(result))
    assert.deepEqual(result.program, planned.program)
    assert.equal(result.model, 'gpt-4o-mini')
    assert.equal(result.tokens, 1200)
    assert.ok(fake.requests.length >= 1)
    assert.equal(fake.requests[0].headers.authorization, 'Bearer sk-next')
    // A server that refuses comes back as the failure branch, never as a throw.
    const refusing = await fakeOpenAi(() => ({ status: 401 }))
    try {
      const failed = await withEnv({ ...env, REPLOG_LLM_BASE_URL: refusing.baseUrl },
        () => generateProgram({ logbook, weeks: 3, daysPerWeek: 3 }))
      assert.equal(failed.success, false)
      assert.equal(failed.kind, 'authentication')
    } finally {
      await refusing.close()
    }
  } finally {
    await fake.close()
  }
  const invalid = await generateProgram({ logbook: '{"logbook_version": 1}' })
  assert.equal(invalid.success, false)
  assert.equal(invalid.kind, 'invalid_logbook')
  assert.deepEqual(invalid.issues.map((i) => i.code), ['required'])
})

// Shared by the suites: where the repository's data and the Rust example programs are, and
// the Rust verdicts the binding is compared with.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

export const here = fileURLToPath(new URL('.', import.meta.url))
export const packageDir = resolve(here, '..')
export const repo = resolve(packageDir, '../..')
export const examplesData = join(repo, 'examples/data')
export const sharedData = resolve(repo, '../shared/data')
export const addon = createRequire(import.meta.url)('../index.js')

const targetDir = process.env.CARGO_TARGET_DIR
  ? resolve(repo, process.env.CARGO_TARGET_DIR)
  : join(repo, 'target')

/** The path of a Rust example program (built by the test stage: `cargo build --examples`). */
export function example(name) {
  const path = join(targetDir, 'debug/examples', name)
  if (!existsSync(path)) throw new Error(`${path} is missing: run cargo build --examples`)
  return path
}

/** Runs a Rust example; returns its exit code and parsed JSON stdout (exit 0 or 1 only). */
export function runExample(name, args) {
  const run = spawnSync(example(name), args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${name} ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  }
  return { status: run.status, json: JSON.parse(run.stdout) }
}

/** Runs a Rust example; returns its exit code and stdout text (exit 0 or 1 only). */
export function runExampleText(name, args) {
  const run = spawnSync(example(name), args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 })
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`${name} ${args.join(' ')} exited ${run.status}: ${run.stderr}`)
  }
  return { status: run.status, stdout: run.stdout }
}

/** The Rust verdict `{valid, issues}` of the `validate` example for a file. */
export function rustVerdict(file, args = []) {
  return runExample('validate', [file, ...args]).json
}

/** A fresh temporary directory. */
export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'replog-node-'))
}

/** Writes text into a temporary file and returns its path. */
export function tempFile(dir, name, text) {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** The Rust shape of a binding issue (without the path as an array). */
export function rustShape(issue) {
  return { path: issue.path, code: issue.code, message: issue.message, severity: issue.severity }
}

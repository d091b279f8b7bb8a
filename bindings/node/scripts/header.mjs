// Writes types/header.d.ts: the document types (Catalog, Logbook and what they use) that
// napi puts at the top of index.d.ts. The text comes from the Rust schemas through the built
// addon (catalogTypescript, logbookTypescript), so the declarations never drift from the
// validator; tests/types.test.mjs fails when the committed header is stale.
//
//   node scripts/header.mjs          rewrite the header
//   node scripts/header.mjs --print  print what it would write
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)

// The coach's input is plain data in the crate's own (snake_case) names; its nested parts
// are checked by the crate (unknown members are refused), so they are typed loosely here.
const COACH = `/** The input of recommend: the exercise, what is planned, and how the athlete is doing. */
export interface CoachRequest {
  exercise: string
  planned: { sets: number; reps: number; weight?: number | null; rest_seconds?: number | null }
  /** The set about to be done, from 1. */
  current_set?: number
  /** energy, motivation, fatigue, time_available_minutes, equipment, time_of_day, last_sets. */
  signals?: { last_sets?: Array<{ reps: number; weight?: number; rpe?: number; form?: number }>; [signal: string]: unknown }
  profile?: Record<string, unknown>
  limits?: Record<string, unknown>
  /** The athlete's age: the youth limits below 18 (when no limits are given). */
  age?: number
  equipment_needed?: Array<string>
  substitutes?: Array<string>
}`

/** The header text for the addon's current schemas. */
export function header(addon) {
  const seen = new Set()
  const blocks = []
  for (const text of [addon.catalogTypescript(), addon.logbookTypescript()]) {
    // Each declaration is an optional doc comment then `interface X {...}` or `type X = ...;`.
    const parts = text.split(/\n(?=\/\*\*|interface |type )/)
    let pending = ''
    for (const part of parts) {
      if (part.startsWith('/**') && !/\n(interface|type) /.test(part)) {
        pending = part + '\n'
        continue
      }
      const block = pending + part
      pending = ''
      const name = /(?:^|\n)(?:interface|type) (\w+)/.exec(block)?.[1]
      if (!name || seen.has(name)) continue
      seen.add(name)
      blocks.push(block.trim().replace(/(^|\n)(interface|type) /, '$1export $2 '))
    }
  }
  return [
    '/* The document types, generated from the Rust schemas by scripts/header.mjs. */',
    '/** JSON text: a string, or UTF-8 bytes (a Buffer or Uint8Array: no string copy). */',
    'export type Text = string | Uint8Array',
    '/** A JSON Schema dialect: draft 2020-12, or OpenAI structured outputs (strict). */',
    "export type SchemaDialect = 'draft2020-12' | 'openai-strict'",
    COACH,
    ...blocks,
    '',
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const addon = require('../index.js')
  const text = header(addon)
  if (process.argv.includes('--print')) process.stdout.write(text)
  else writeFileSync(new URL('../types/header.d.ts', import.meta.url), text)
}

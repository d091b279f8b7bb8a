// CatalogJSON v1's per-value rules as a valibot schema, written by hand from the spec (as a
// team using valibot would): types, required members, closed objects, enums, ranges, lengths
// and patterns. The rules across values (unique names, references, week order) are not here.
import * as v from 'valibot'

const text = (min, max) => v.pipe(v.string(), v.minLength(min), v.maxLength(max))
const int = (min, max) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max))
const num = (min, max) => v.pipe(v.number(), v.minValue(min), v.maxValue(max))
const token = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]*$/))

const set = v.strictObject({
  reps: v.nullable(int(1, 10000)),
  notes: v.optional(text(0, 500)),
  percent_tm: v.optional(num(1, 120)),
  rep_type: v.optional(v.picklist(['reps', 'each_side', 'seconds', 'distance'])),
  rest_seconds: v.optional(int(0, 1800)),
  rpe: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(10), v.multipleOf(0.5))),
  weight: v.optional(num(0, 2000)),
})
const prescribed = v.strictObject({
  exercise: text(1, 100),
  sort_order: v.pipe(v.number(), v.integer(), v.minValue(1)),
  sets: v.pipe(v.array(set), v.minLength(1), v.maxLength(20)),
  notes: v.optional(text(0, 1000)),
  superset: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]$/))),
})
const day = v.strictObject({
  number: int(1, 7),
  exercises: v.pipe(v.array(prescribed), v.minLength(1), v.maxLength(30)),
  name: v.optional(text(1, 100)),
})
const week = v.strictObject({
  number: int(1, 52),
  days: v.pipe(v.array(day), v.minLength(1), v.maxLength(7)),
  label: v.optional(text(1, 50)),
})
const rule = v.strictObject({
  exercise: text(1, 100),
  increment: v.pipe(v.number(), v.gtValue(0), v.maxValue(100)),
  every: v.picklist(['session', 'week', 'cycle']),
  applies_to: v.optional(v.picklist(['training_max', 'weight'])),
  deload_after_failures: v.optional(int(1, 10)),
  deload_percent: v.optional(num(1, 50)),
})
const program = v.strictObject({
  name: text(1, 200),
  weeks: v.pipe(v.array(week), v.minLength(1), v.maxLength(52)),
  description: v.optional(text(0, 5000)),
  goal: v.optional(text(0, 500)),
  is_loop: v.optional(v.boolean()),
  progression_rules: v.optional(v.pipe(v.array(rule), v.maxLength(50))),
  unit: v.optional(v.picklist(['lb', 'kg'])),
})
const exercise = v.strictObject({
  name: text(1, 100),
  aliases: v.optional(v.pipe(v.array(text(1, 100)), v.maxLength(20))),
  category: v.optional(v.picklist(['strength', 'power', 'olympic', 'plyometric', 'conditioning', 'mobility', 'carry', 'core'])),
  equipment: v.optional(v.array(token)),
  form_notes: v.optional(text(0, 2000)),
  muscles: v.optional(v.array(token)),
  tier: v.optional(v.picklist(['foundational', 'intermediate', 'sport_performance'])),
})

/** The CatalogJSON document. */
export const catalog = v.strictObject({
  catalog_version: v.literal(1),
  exercises: v.optional(v.pipe(v.array(exercise), v.maxLength(5000))),
  programs: v.optional(v.pipe(v.array(program), v.maxLength(100))),
})

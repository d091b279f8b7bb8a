/* The Node package's own declarations, written by hand; the model types rendered from the Rust
schemas follow them. */
/** JSON text: a string, or UTF-8 bytes (a Buffer or Uint8Array: no string copy). */
export type Text = string | Uint8Array
/** A JSON Schema dialect: draft 2020-12, or OpenAI structured outputs (strict). */
export type SchemaDialect = 'draft2020-12' | 'openai-strict'
/** The input of recommend: the exercise, what is planned, and how the athlete is doing. */
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
}

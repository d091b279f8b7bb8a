// A Next.js server action that drafts a training program for an athlete with @replog/node:
// the library a TypeScript team uses instead of Zod schemas and hand-written OpenAI calls
// (reference/000). The provider comes from the server's environment (REPLOG_LLM_PROVIDER,
// REPLOG_LLM_API_KEY, REPLOG_LLM_BASE_URL, ...); with none configured the built-in planner
// drafts the program, so the page works before any key is set.
'use server'

import { generateTrainingProgram, validateLogbook, type Catalog, type Issue } from '@replog/node'

/** What the form sends. */
export interface ProgramForm {
  /** The athlete's Logbook JSON text. */
  logbook: string
  weeks?: number
  daysPerWeek?: number
  directions?: string
}

/** reference/000's response: the program, or why there is none. */
export type ProgramGenerationResponse =
  | { success: true; program: Catalog; reasoning: string; model: string; costUsd: number | null; tokens: number }
  | { success: false; error: string; kind: string; issues: Issue[] }

/** Drafts a program for the athlete of the form; never throws for a bad logbook or an LLM
 * failure: the page shows the issues or the reason. */
export async function generateProgram(form: ProgramForm): Promise<ProgramGenerationResponse> {
  const checked = validateLogbook(form.logbook)
  if (!checked.success) {
    return { success: false, error: 'the logbook is not valid', kind: 'invalid_logbook', issues: checked.issues }
  }
  const result = await generateTrainingProgram({
    logbook: form.logbook,
    weeks: form.weeks,
    daysPerWeek: form.daysPerWeek,
    directions: form.directions,
    fallbackToPlanner: false,
    signal: AbortSignal.timeout(5 * 60 * 1000),
  })
  if (!result.success) {
    return { success: false, error: result.error.message, kind: result.error.kind, issues: result.error.issues }
  }
  return {
    success: true,
    program: result.program,
    reasoning: result.reasoning,
    model: result.model,
    costUsd: result.costUsd ?? null,
    tokens: result.usage.inputTokens + result.usage.outputTokens,
  }
}

// Exercises every export of @replog/node under `tsc --noEmit --strict` (scripts/test): the
// declarations must allow what users write and refuse what they must not (@ts-expect-error
// lines fail the check when a declaration loosens).
import {
  Validator, applyImportPlan, buildContext, buildReport, catalogMarkdown, catalogSchema,
  catalogTypescript, convertCatalog, diffPrograms, envelopeSchema, generateTrainingProgram,
  importAppExport, importPlanSchema, lintCatalog, logbookSchema, logbookTypescript, matchNames,
  periodMetrics, planImport, recommend, recommendWithLlm, testConnection, validateCatalog,
  validateLogbook, writeReport, writeSetting, parseCatalog, parseLogbook,
  type Catalog, type Issue, type Logbook, type ProgressEvent, type GenerationError,
  type AthleteContext, type ImportPlan, type MatchKind, type NameMatch,
} from '@replog/node'

declare const text: string
declare const buffer: Buffer

// Validation: the safeParse union narrows on `success`.
const result = validateCatalog(buffer, { data: true, equipment: ['barbell'], catalogs: [text] })
if (result.success) {
  const doc: Catalog | undefined = result.data
  const name: string | undefined = doc?.programs?.[0]?.name
  const reps: number | null | undefined = doc?.programs?.[0]?.weeks[0]?.days[0]?.exercises[0]?.sets[0]?.reps
  void name, reps
} else {
  const first: Issue | undefined = result.issues[0]
  const pointer: string | undefined = first?.path
  const segments: Array<string | number> | undefined = first?.segments
  const severity: 'error' | 'warning' | undefined = first?.severity
  void pointer, segments, severity
  // @ts-expect-error a failure carries no data
  void result.data
}
const logbookResult = validateLogbook(text)
if (logbookResult.success && logbookResult.data) {
  const athlete: string = logbookResult.data.athlete.name
  const lb: Logbook = logbookResult.data
  void athlete, lb
}
const validator = new Validator({ catalogs: [buffer], equipment: ['dumbbell'] })
const valid: boolean = validator.isValid(new Uint8Array(buffer))
validator.validateCatalog(text, { data: false })
validator.validateLogbook(text)
void valid
// @ts-expect-error input is JSON text, not a parsed object
validateCatalog({ catalog_version: 1 })

// Schemas and types.
catalogSchema('openai-strict')
envelopeSchema()
logbookSchema()
importPlanSchema()
// @ts-expect-error an unknown dialect
catalogSchema('draft-04')
const ts: string = catalogTypescript() + logbookTypescript()
void ts

// One function per capability.
const context: AthleteContext = buildContext(text, { asOf: '2026-03-20', catalogs: [text] })
const athleteName: string = context.athlete.name
// @ts-expect-error the context is typed: no such member
void context.colour
periodMetrics(text, 'month', { asOf: '2026-03-20' })
const lints: Issue[] = lintCatalog(text, { athlete: text, catalogs: [text] })
const report = buildReport(text, { period: 'week' })
const html: string = report.html + report.markdown
const matches: NameMatch[] = matchNames([text], ['Clean'])
const kind: MatchKind | undefined = matches[0]?.kind
const plan = planImport(text, { catalogs: [text], programs: ['Block A'] })
if (plan.success) {
  const edited: ImportPlan = { ...plan.plan, programs: plan.plan.programs.slice(0, 1) }
  const applied = applyImportPlan(text, edited, { catalogs: [text] })
  if (applied.success) {
    const document: Catalog = applied.document
    void document
  }
}
const imported = importAppExport(buffer, { unit: 'lb', athlete: 'Sam', format: 'strong' })
const fromApp: Logbook = imported.logbook
const converted = convertCatalog('free-exercise-db', text)
const markdown: string = catalogMarkdown(JSON.stringify(converted.document))
diffPrograms(text, text, 'Block A')
const recommendation = recommend({ exercise: 'Back Squat', planned: { sets: 3, reps: 5, weight: 225 }, age: 15 })
void context, athleteName, lints, html, matches, kind, fromApp, markdown, recommendation

async function asyncSurface(): Promise<void> {
  const controller = new AbortController()
  const generated = await generateTrainingProgram({
    logbook: text,
    catalogs: [buffer],
    weeks: 8,
    daysPerWeek: 3,
    mode: 'incremental',
    llm: { provider: 'openai', apiKey: 'sk-...', baseUrl: 'http://127.0.0.1:8080/v1', settingsFile: 'settings.db' },
    onProgress: (event: ProgressEvent) => { const p: number = event.percent; void p },
    signal: controller.signal,
  })
  if (generated.success) {
    const program: Catalog = generated.program
    const cost: number | undefined | null = generated.costUsd
    const ms: number = generated.durationMs
    const model: string = generated.model
    void program, cost, ms, model
  } else {
    const error: GenerationError = generated.error
    const kind: string = error.kind
    const tokens: number = error.usage.inputTokens + error.usage.outputTokens
    void kind, tokens
    // @ts-expect-error a failure has no program
    void generated.program
  }
  // @ts-expect-error an unknown mode
  await generateTrainingProgram({ logbook: text, mode: 'fast' })
  const connection = await testConnection({ provider: 'builtin' })
  const ok: boolean = connection.ok
  const written = await writeReport(text, { llm: { provider: 'builtin' } })
  const words: string = written.markdown
  const advice = await recommendWithLlm({ exercise: 'Row', planned: { sets: 3, reps: 8 } })
  const fallback: string | null = advice.fallback
  void ok, words, fallback
}
writeSetting("settings.db", "llm.model", "gpt-4o-mini")
const parsed: Catalog = parseCatalog(text, { equipment: ["barbell"] })
const parsedLogbook: Logbook = parseLogbook(buffer)
void parsed, parsedLogbook
void asyncSurface

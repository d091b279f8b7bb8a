/* The document types, generated from the Rust schemas by scripts/header.mjs. */
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
/** A CatalogJSON v1 document: an exercise catalog and any number of program templates. */
export interface Catalog {
  /** Always 1. */
  catalog_version: 1;
  /** The exercise catalog (at most 5000). */
  exercises?: Exercise[];
  /** Program templates (at most 100). */
  programs?: Program[];
}
/** An exercise of the catalog. */
export interface Exercise {
  /** The exercise's name, unique in the catalog after normalisation (1-100 characters). [not blank] */
  name: string;
  /** Other names the exercise goes by (each 1-100 characters, at most 20). [each not blank] */
  aliases?: string[];
  /** The kind of training the exercise is. */
  category?: Category;
  /** Every piece of equipment needed to perform it (snake_case); empty means bodyweight. [each matching /^[a-z][a-z0-9_]*$/] */
  equipment?: string[];
  /** Coaching cues for performing it well (at most 2000 characters). */
  form_notes?: string;
  /** The muscles it trains (snake_case). [each matching /^[a-z][a-z0-9_]*$/] */
  muscles?: string[];
  /** The athlete tier the exercise is meant for. */
  tier?: Tier;
}
/** A program template: weeks of training days, and how loads progress. */
export interface Program {
  /** The program's name, unique in the document after normalisation (1-200 characters). [not blank] */
  name: string;
  /** The weeks, numbered 1, 2, ... in order (1-52; a loop has exactly 1). */
  weeks: Week[];
  /** What the program is (at most 5000 characters). */
  description?: string;
  /** What the program is for (at most 500 characters). */
  goal?: string;
  /** A loop is one week repeated until the coach assigns something else. */
  is_loop?: boolean;
  /** How loads progress (at most 50). */
  progression_rules?: ProgressionRule[];
  /** The unit of every `weight` and `increment`; required when any is given. */
  unit?: Unit;
}
/** The kind of training an exercise is: `olympic` olympic lifts and their derivatives; `plyometric` jumps, bounds and throws; `carry` loaded carries; `core` trunk work. */
export type Category = "strength" | "power" | "olympic" | "plyometric" | "conditioning" | "mobility" | "carry" | "core";
/** The athlete tier an exercise is meant for (reference/001's youth pipeline): `foundational` movement basics; `intermediate` loaded strength work; `sport_performance` power and sport-specific work. */
export type Tier = "foundational" | "intermediate" | "sport_performance";
/** One week of a program. */
export interface Week {
  /** The week's number: 1 for the first week, then 2, 3, ... [1-52] */
  number: number;
  /** The training days, by ascending day number (1-7). */
  days: Day[];
  /** A short label such as `deload` or `accumulation` (1-50 characters). [not blank] */
  label?: string;
}
/** How a program's load progresses for one exercise. */
export interface ProgressionRule {
  /** An exercise prescribed on some day of the same program. [1-100 characters; not blank] */
  exercise: string;
  /** How much to add each time, in the program's unit (greater than 0, at most 100). */
  increment: number;
  /** How often the increment is added. */
  every: Every;
  /** What the increment is added to; `training_max` when absent. */
  applies_to?: AppliesTo;
  /** After this many failed sessions in a row, deload (1-10; goes with `deload_percent`). */
  deload_after_failures?: number;
  /** How far to deload, in percent (1-50; goes with `deload_after_failures`). */
  deload_percent?: number;
}
/** The unit of absolute loads: `lb` pounds; `kg` kilograms. */
export type Unit = "lb" | "kg";
/** One training day of a week. */
export interface Day {
  /** The day of the week's schedule, 1-7, strictly ascending within the week. */
  number: number;
  /** The exercises of the day (1-30). */
  exercises: PrescribedExercise[];
  /** A name such as `Lower power` (1-100 characters). [not blank] */
  name?: string;
}
/** How often a progression increment is added: `session` after every session of the exercise; `week` once a week; `cycle` once per pass through the program. */
export type Every = "session" | "week" | "cycle";
/** What a progression increment is added to: `training_max` the athlete's training max for the exercise; `weight` the absolute weight of the sets. */
export type AppliesTo = "training_max" | "weight";
/** An exercise prescribed on a day, with its sets. */
export interface PrescribedExercise {
  /** The name of an exercise of the catalog in force. [1-100 characters; not blank] */
  exercise: string;
  /** The position in the day, from 1; unique within the day. [at least 1] */
  sort_order: number;
  /** The sets (1-20). */
  sets: Set[];
  /** Notes for this exercise on this day (at most 1000 characters). */
  notes?: string;
  /** A letter shared by exercises performed alternately. [matching /^[A-Z]$/] */
  superset?: string;
}
/** One prescribed set. */
export interface Set {
  /** Repetitions (or seconds, or metres, by `rep_type`); null means as many as possible. 1-100 for `reps` and `each_side`, 1-3600 for `seconds`, 1-10000 for `distance`. */
  reps: number | null;
  /** Notes for this set (at most 500 characters). */
  notes?: string;
  /** Percent of the athlete's training max, 1-120; excludes `weight`. */
  percent_tm?: number;
  /** What `reps` counts; `reps` when absent. */
  rep_type?: RepType;
  /** Rest after the set, 0-1800 seconds. */
  rest_seconds?: number;
  /** Target RPE, 1-10 in steps of 0.5. */
  rpe?: number;
  /** Absolute load in the program's unit, 0-2000; excludes `percent_tm`. */
  weight?: number;
}
/** What a set's `reps` counts: `reps` repetitions; `each_side` repetitions on each side; `distance` metres. */
export type RepType = "reps" | "each_side" | "seconds" | "distance";
/** A Logbook JSON v1 document: who the athlete is, what they have, and what they did. */
export interface Logbook {
  /** Always 1. */
  logbook_version: 1;
  /** Who the athlete is. */
  athlete: Athlete;
  /** The day the context describes; nothing after it is used. Default: the latest date in the logbook. [format date] */
  as_of?: string;
  /** Body-weight measurements. [at most 20000] */
  body_weights?: BodyWeight[];
  /** The equipment the athlete has (snake_case tokens; at most 200). [each matching /^[a-z][a-z0-9_]*$/] */
  equipment?: string[];
  /** Earlier long-term goals, each from its date. [at most 20000] */
  goal_history?: GoalChange[];
  /** The coaches' notes about the athlete, private ones included. [at most 20000] */
  notes?: CoachNote[];
  /** The programs the athlete has been assigned, with their templates (at most 1000). */
  programs?: AssignedProgram[];
  /** Earlier tiers, each from its date. [at most 20000] */
  tier_history?: TierChange[];
  /** Training maxes, each effective from its date. [at most 20000] */
  training_maxes?: TrainingMax[];
  /** The unit of every weight in the logbook (logged sets, training maxes, body weights); required when any is given. */
  unit?: Unit;
  /** The workouts the athlete logged (at most 20000). */
  workouts?: Workout[];
}
/** Who the athlete is. */
export interface Athlete {
  /** The athlete's name (1-200 characters). [not blank] */
  name: string;
  /** Date of birth; the youth lints apply under 18. [format date] */
  birth_date?: string;
  /** The long-term goal (at most 500 characters). */
  goal?: string;
  /** What a coach should know (at most 5000 characters). */
  notes?: string;
  /** The athlete's current tier. */
  tier?: Tier;
}
/** A body-weight measurement. */
export interface BodyWeight {
  /** The day it was measured. [format date] */
  date: string;
  /** The body weight, in the logbook's unit. [0-2000] */
  weight: number;
}
/** A long-term goal the athlete had from a date. */
export interface GoalChange {
  /** The day the goal was set. [format date] */
  date: string;
  /** The goal (1-500 characters). [not blank] */
  goal: string;
}
/** A coach's note about the athlete. */
export interface CoachNote {
  /** The day it was written. [format date] */
  date: string;
  /** The note (1-5000 characters). [not blank] */
  content: string;
  /** Seen by coaches only (still part of the context: generation is coach-only). */
  is_private?: boolean;
  /** Kept at the top of the list. */
  pinned?: boolean;
}
/** A program assigned to the athlete, with its template. */
export interface AssignedProgram {
  /** The name workouts refer to it by; unique in the logbook after normalisation. [1-200 characters; not blank] */
  name: string;
  /** The day it was assigned. [format date] */
  assigned_at: string;
  /** Where the assignment stands. */
  status: ProgramStatus;
  /** The program template, a CatalogJSON program. */
  template: Program;
  /** The goal of this cycle (at most 500 characters). */
  goal?: string;
}
/** A tier the athlete was in from a date. */
export interface TierChange {
  /** The day the tier took effect. [format date] */
  date: string;
  /** The tier. */
  tier: Tier;
}
/** A training max, effective from its date. */
export interface TrainingMax {
  /** The exercise, by name. [1-100 characters; not blank] */
  exercise: string;
  /** The training max, in the logbook's unit. [0-2000] */
  weight: number;
  /** The day it takes effect. [format date] */
  effective_date: string;
}
/** One training session. */
export interface Workout {
  /** The day it took place. [format date] */
  date: string;
  /** The template's day number; present exactly when `program` is. [1-7] */
  day?: number;
  /** How long the session lasted, in seconds. [0-86400] */
  duration_seconds?: number;
  /** The session's title, as the athlete's app named it (at most 200 characters). */
  name?: string;
  /** The athlete's notes on the session (at most 5000 characters). */
  notes?: string;
  /** The assigned program it was done against; absent for free training. [1-200 characters] */
  program?: string;
  /** The coach's review of the session. */
  review?: Review;
  /** The sets logged (at most 500). */
  sets?: LoggedSet[];
  /** The template's week (1 for a loop); present exactly when `program` is. [1-52] */
  week?: number;
}
/** Where a program assignment stands: `active` being followed now; `completed` finished; `abandoned` stopped before the end; `planned` assigned for later. */
export type ProgramStatus = "active" | "completed" | "abandoned" | "planned";
/** The coach's review of a workout. */
export interface Review {
  /** The verdict. */
  status: ReviewStatus;
  /** The coach's comments (at most 5000 characters). */
  notes?: string;
}
/** One set as the athlete did it. */
export interface LoggedSet {
  /** The exercise, by name (resolved like CatalogJSON names). [1-100 characters; not blank] */
  exercise: string;
  /** 1-based within that exercise in that workout; warm-up sets are numbered on their own, so the template's set `n` is the logged working set `n`. [1-500] */
  set_number: number;
  /** Repetitions (or seconds, or metres, by `rep_type`) done; 0 for a failed attempt. [0-10000] */
  reps: number;
  /** What kind of set it was; warm-up, drop and failure sets are kept apart from working sets by the signals. */
  kind?: SetKind;
  /** The athlete's note on the set (at most 5000 characters). */
  notes?: string;
  /** What `reps` counts. */
  rep_type?: RepType;
  /** The rating of perceived exertion, 1-10. */
  rpe?: number;
  /** The load, in the logbook's unit. [0-2000] */
  weight?: number;
}
/** A coach's verdict on a workout: `approved` done as it should be; `needs_work` needs attention. */
export type ReviewStatus = "approved" | "needs_work";
/** What kind of set a logged set was (app exports mark these; the spec's sets are working): `working` a working set (the default); `warm_up` a warm-up set; `drop` a drop set after a working set; `failure` a set taken to failure. */
export type SetKind = "working" | "warm_up" | "drop" | "failure";

/**
 * Which binding artifact the generated loader actually loaded: `'native'` for
 * a native addon, otherwise the `platformArchABI` of the WASI flavor. Every
 * flavor napi-rs can build is listed, because `NAPI_RS_NATIVE_LIBRARY_PATH`
 * can point the loader at a WASI artifact this package does not build itself.
 */
export declare const __napiBindingTarget: 'native' | 'wasm32-wasi' | 'wasm32-wasip1'

/** A validator configured once (host catalog, equipment) for many documents. */
export declare class Validator {
  /**
   * A validator with the host's catalogs and the athlete's equipment; throws when a host
   * catalog is not valid CatalogJSON.
   */
  constructor(options?: ValidatorOptions | undefined | null)
  /** Validates CatalogJSON text; `data: true` adds the document to a valid result. */
  validateCatalog(input: Text, options?: DataOption | undefined | null): CatalogSuccess | ValidationFailure
  /** Validates Logbook JSON text; `data: true` adds the logbook to a valid result. */
  validateLogbook(input: Text, options?: DataOption | undefined | null): LogbookSuccess | ValidationFailure
  /** Whether CatalogJSON text is valid, stopping at the first error. */
  isValid(input: Text): boolean
}

/** Options of `importAppExport`. */
export interface AppImportOptions {
  /** The app; detected from the header when absent. */
  format?: 'strong' | 'hevy' | 'fitnotes' | 'jefit'
  /** The unit weights are in, for files whose header does not say. */
  unit?: 'kg' | 'lb'
  /** The athlete's name in the logbook (default `Athlete`). */
  athlete?: string
  /** CatalogJSON texts to resolve exercise names against. */
  catalogs?: Array<Text>
}

/**
 * Applies a (possibly edited) import plan to a CatalogJSON text (read as `planImport` reads
 * it: references may name exercises the plan maps): `{ success: true,
 * document, validation, plan }`, or `{ success: false, plan }` whose conflicts say why the
 * plan cannot be applied.
 */
export declare function applyImportPlan(document: Text, plan: Record<string, any>, options: PlanOptions): { success: true; document: Catalog; valid: boolean; issues: Array<Issue>; plan: Record<string, any> } | { success: false; plan: Record<string, any> }

/**
 * The athlete context (`AthleteContext`) of a Logbook JSON text: the compact, deterministic
 * briefing a prompt carries. Throws when the logbook is not valid.
 */
export declare function buildContext(logbook: Text, options?: ContextCallOptions | undefined | null): Record<string, any>

/** The report of a Logbook JSON text with the rules' words (no LLM). */
export declare function buildReport(logbook: Text, options?: ReportOptions | undefined | null): Report

/** A CatalogJSON document as Markdown: each program's weeks, days and sets. */
export declare function catalogMarkdown(document: Text): string

/**
 * The JSON Schema of a CatalogJSON v1 document in a dialect (`draft2020-12` by default, or
 * `openai-strict` for OpenAI structured outputs).
 */
export declare function catalogSchema(dialect?: SchemaDialect): Record<string, unknown>

/** A valid CatalogJSON document: its warnings, and the document when `data: true` asked. */
export interface CatalogSuccess {
  /** Always `true`. */
  success: true
  /** Warnings only (a valid document has no error). */
  issues: Array<Issue>
  /** The crate's typed document, when requested (`data: true`). */
  data?: Catalog
}

/**
 * The CatalogJSON types as compact TypeScript (`interface Catalog { ... }`), as prompts
 * carry them and as this package's `index.d.ts` declares them.
 */
export declare function catalogTypescript(): string

/** What `testConnection` found. */
export interface ConnectionResult {
  /** Whether the provider answered. */
  ok: boolean
  /** The provider tested (`builtin` when none is configured). */
  provider?: string
  /** The model that answered. */
  model?: string
  /** The failure's kind (`authentication`, `connection`, ...) when it did not answer. */
  kind?: string
  /** What went wrong, for a person. */
  message?: string
}

/** Options of `buildContext` and `periodMetrics`. */
export interface ContextCallOptions {
  /**
   * CatalogJSON texts of the host's exercises: names are grouped through them and the
   * context's catalog is them filtered to the athlete's equipment.
   */
  catalogs?: Array<Text>
  /** The day described (`YYYY-MM-DD`); the logbook's own by default. */
  asOf?: string
}

/**
 * Converts another format to CatalogJSON: `{ document, notes }` (notes say what was dropped
 * or assumed). Sources: `free-exercise-db`, `wger`, `exercemus`, `openweight`.
 */
export declare function convertCatalog(source: 'free-exercise-db' | 'wger' | 'exercemus' | 'openweight', text: string): { document: Catalog; notes: Array<string> }

/** Whether to return the document. */
export interface DataOption {
  /** Whether a valid result carries the crate's typed document as `data`. */
  data?: boolean
}

/**
 * What a coach changed between a generated program and the approved one (`generated` and
 * `approved` are CatalogJSON texts; `program` names the program, the first by default).
 */
export declare function diffPrograms(generated: Text, approved: Text, program?: string | undefined | null): Record<string, any>

/** The JSON Schema of the LLM output envelope `{ reasoning, catalog }` in a dialect. */
export declare function envelopeSchema(dialect?: SchemaDialect): Record<string, unknown>

/** What to generate, for whom, and how. */
export interface GenerateProgramOptions {
  /** The athlete's Logbook JSON text (`spec/logbook-json.md`). */
  logbook: Text
  /** CatalogJSON texts of the host's exercises (the catalog in force). */
  catalogs?: Array<Text>
  /** The day the program starts from (`YYYY-MM-DD`); the logbook's own day by default. */
  asOf?: string
  /** The program's name. */
  name?: string
  /** How many weeks (1-52). */
  weeks?: number
  /** Training days per week (1-7). */
  daysPerWeek?: number
  /** The coach's directions in their own words. */
  directions?: string
  /** `single` (one call), `incremental` (an outline, then one call per week) or `auto`. */
  mode?: 'auto' | 'single' | 'incremental'
  /** Re-asks allowed per part after the first answer (default 2). */
  maxRounds?: number
  /** Week calls in flight at once in incremental mode (default 4). */
  concurrency?: number
  /** Deliver the built-in planner's program when the provider fails outright. */
  fallbackToPlanner?: boolean
  /** The LLM settings: environment, then a SQLite settings file, then these overrides. */
  llm?: LlmOptions
  /** Called on every progress event (percent, stage, weeks, tokens so far). */
  onProgress?: (event: ProgressEvent) => void
  /** Aborts the generation: the promise resolves with the `aborted` failure. */
  signal?: AbortSignal
}

/**
 * Generates a training program for the athlete with the configured provider (the built-in
 * planner when none is). Resolves to `{ success: true, program, reasoning, usage, costUsd,
 * durationMs, model, ... }` or `{ success: false, error: { kind, message, attempts, usage } }`;
 * throws only for bad options (an invalid logbook, an unknown mode, bad settings).
 */
export declare function generateTrainingProgram(options: GenerateProgramOptions): Promise<GenerationSuccess | GenerationFailed>

/** Why a generation failed (`replog_llm::generate::GenerationFailure`). */
export interface GenerationError {
  /**
   * A stable code: the provider's (`authentication`, `rate_limit`, `server`, `connection`,
   * `timeout`, `refusal`, `truncated`, `invalid_request`, ...), `invalid_output`,
   * `unparseable_output`, `journal`, or `aborted`.
   */
  kind: string
  /** What happened, for a person. */
  message: string
  /** Provider calls made. */
  attempts: number
  /** Tokens spent. */
  usage: TokenUsage
  /** The last answer's issues, for `invalid_output`. */
  issues: Array<Issue>
  /** The weeks kept (incremental mode). */
  weeksKept: Array<number>
}

/** A failed generation. */
export interface GenerationFailed {
  /** Always `false`. */
  success: false
  /** Why. */
  error: GenerationError
}

/** A generated program: valid against the catalog in force and the athlete's equipment. */
export interface GenerationSuccess {
  /** Always `true`. */
  success: true
  /** The CatalogJSON document. */
  program: Catalog
  /** Why the program is built this way, for the coach. */
  reasoning: string
  /** Tokens over every attempt. */
  usage: TokenUsage
  /** The estimated cost in US dollars, when the model's price is known. */
  costUsd?: number
  /** Wall time in milliseconds. */
  durationMs: number
  /** The model that answered. */
  model: string
  /** The provider that served (`builtin` when the planner drafted it). */
  provider: string
  /** Set when the configured provider failed and the planner's program was delivered. */
  fallback?: GenerationError
  /** The audit record (prompts' hashes, calls, usage) as JSON. */
  record: Record<string, unknown>
}

/**
 * Imports an app's CSV export: `{ format, logbook, report }` (the report counts rows, sets,
 * names resolved and warnings). Throws with the row and column when the file cannot be read.
 */
export declare function importAppExport(text: Text, options?: AppImportOptions | undefined | null): { format: string; logbook: Logbook; report: Record<string, any> }

/** The JSON Schema of an import plan. */
export declare function importPlanSchema(): Record<string, unknown>

/** One problem found in a document (`replog_core::Issue`). */
export interface Issue {
  /** Where, as an RFC 6901 JSON Pointer (`/programs/0/weeks/1`); `""` is the whole document. */
  path: string
  /** The same place as an array of member names and indices (`["programs", 0, "weeks", 1]`). */
  segments: Array<string | number>
  /** What kind of problem, in stable snake_case (`required`, `unknown_exercise`, `lint.volume`). */
  code: string
  /** What was expected and what was found, for a person. */
  message: string
  /** Whether the issue makes the document invalid (`error`) or is a concern (`warning`). */
  severity: 'error' | 'warning'
}

/** Options of `lintCatalog`. */
export interface LintCallOptions {
  /** The athlete's Logbook JSON text (birth date, `as_of`), for the youth rules. */
  athlete?: Text
  /**
   * CatalogJSON texts of the host's exercises (muscles and categories of names the
   * document does not define).
   */
  catalogs?: Array<Text>
}

/** The training-science warnings (`lint.*`) of a valid CatalogJSON document's programs. */
export declare function lintCatalog(document: Text, options?: LintCallOptions | undefined | null): Array<Issue>

/** LLM settings for one call; each overrides its environment variable (`spec/interfaces.md`). */
export interface LlmOptions {
  /**
   * `openai`, `anthropic`, `ollama` or `builtin` (`REPLOG_LLM_PROVIDER`); unset: the
   * built-in planner.
   */
  provider?: string
  /** The model (`REPLOG_LLM_MODEL`). */
  model?: string
  /** The API key (`REPLOG_LLM_API_KEY`). */
  apiKey?: string
  /** The base URL, ending in `/v1` for OpenAI-compatible servers (`REPLOG_LLM_BASE_URL`). */
  baseUrl?: string
  /** Sampling temperature, 0-2 (`REPLOG_LLM_TEMPERATURE`). */
  temperature?: number
  /** Output token limit (`REPLOG_LLM_MAX_TOKENS`). */
  maxTokens?: number
  /** Timeout per call in seconds (`REPLOG_LLM_TIMEOUT_SECONDS`). */
  timeoutSeconds?: number
  /** Retries after the first attempt (`REPLOG_LLM_MAX_RETRIES`). */
  maxRetries?: number
  /**
   * A SQLite settings file (the store under the environment); stored API keys need
   * `REPLOG_SECRET_KEY`.
   */
  settingsFile?: string
}

/** The JSON Schema (draft 2020-12) of a Logbook JSON v1 document. */
export declare function logbookSchema(): Record<string, unknown>

/** A valid Logbook JSON document: its warnings, and the logbook when `data: true` asked. */
export interface LogbookSuccess {
  /** Always `true`. */
  success: true
  /** Warnings only (a logged name the catalog lacks, for one). */
  issues: Array<Issue>
  /** The crate's typed logbook, when requested (`data: true`). */
  data?: Logbook
}

/** The Logbook JSON types as compact TypeScript (`interface Logbook { ... }`). */
export declare function logbookTypescript(): string

/**
 * Matches each name against the host catalogs' exercises, in input order: `{ input, kind:
 * 'exact' | 'alias' | 'suggested' | 'new', exercise, confidence, candidates }`.
 */
export declare function matchNames(catalogs: Array<Text>, names: Array<string>): Array<Record<string, any>>

/**
 * The CatalogJSON document the crate builds from the text (Zod's `parse`): throws with every
 * issue when the document is not valid.
 */
export declare function parseCatalog(input: Text, options?: ValidatorOptions | undefined | null): Catalog

/**
 * The logbook the crate builds from Logbook JSON text; throws with every issue when it is
 * not valid.
 */
export declare function parseLogbook(input: Text): Logbook

/** The metrics of the week or month containing `asOf` (volume, sessions, e1RM changes). */
export declare function periodMetrics(logbook: Text, period: 'week' | 'month', options?: ContextCallOptions | undefined | null): Record<string, any>

/**
 * The import plan of a CatalogJSON text: `{ success: true, plan }` (exercise mappings,
 * program decisions, conflicts, summary) or `{ success: false, issues }` for a document that
 * does not validate.
 */
export declare function planImport(document: Text, options: PlanOptions): { success: true; plan: Record<string, any> } | { success: false; issues: Array<Issue> }

/** Options of the import-plan functions. */
export interface PlanOptions {
  /** CatalogJSON texts of the host's exercises (and programs). */
  catalogs: Array<Text>
  /**
   * Names of the host's existing programs (a document's program of the same name updates
   * it instead of creating one).
   */
  programs?: Array<string>
}

/** One progress event (`replog_llm::generate::Progress`). */
export interface ProgressEvent {
  /** 0-100. */
  percent: number
  /** `whole`, `skeleton`, `week`, `resumed` or `done`. */
  stage: 'whole' | 'skeleton' | 'week' | 'resumed' | 'done'
  /** The week kept or resumed, for those stages. */
  week?: number
  /** Weeks kept so far. */
  weeksDone: number
  /** Weeks in the program (0 until known). */
  weeksTotal: number
  /** Provider calls so far. */
  attempts: number
  /** Tokens so far. */
  usage: TokenUsage
}

/**
 * The rules' recommendation for the next set or session of an exercise: `{ kind, suggested,
 * confidence, risk, reasoning, factors, alternatives, source }`, clamped by the safety
 * limits (from `limits`, or `age`, or the adult defaults).
 */
export declare function recommend(input: CoachRequest): Record<string, any>

/**
 * A recommendation from the configured LLM, under the same clamps; the rules' when the
 * model fails (`fallback` says why).
 */
export declare function recommendWithLlm(input: CoachRequest, llm?: LlmOptions | undefined | null): Promise<{ recommendation: Record<string, any>; fallback: string | null; usage: TokenUsage }>

/** A report: the payload (`version: 2`), its Markdown and its HTML. */
export interface Report {
  /** The v2 payload: the numbers, the words, who wrote them. */
  payload: Record<string, any>
  /** The report as Markdown. */
  markdown: string
  /** The report as HTML. */
  html: string
  /** Why the model's words were not used, when `writeReport` fell back to the rules. */
  fallback?: string
  /** Tokens spent (`writeReport`). */
  usage?: TokenUsage
}

/** Options of the report functions. */
export interface ReportOptions {
  /** `week` (default) or `month`: the period containing `asOf`. */
  period?: 'week' | 'month'
  /** The day the report is for (`YYYY-MM-DD`); the logbook's own day by default. */
  asOf?: string
  /** The LLM settings (`writeReport` only). */
  llm?: LlmOptions
}

/**
 * Pings the configured provider once, without retries: the settings page's "Test
 * connection". Resolves to `{ ok, provider, model }` or `{ ok: false, kind, message }`.
 */
export declare function testConnection(llm?: LlmOptions | undefined | null): Promise<ConnectionResult>

/** Tokens spent (`replog_llm::Usage`). */
export interface TokenUsage {
  /** Prompt tokens, the cached ones included. */
  inputTokens: number
  /** Generated tokens. */
  outputTokens: number
  /** Prompt tokens served from the provider's prompt cache. */
  cachedTokens: number
}

/**
 * Validates CatalogJSON text: `{ success, issues, data? }` (Zod's `safeParse` shape). Issues
 * that are only warnings leave `success` true. Throws only for bad options.
 */
export declare function validateCatalog(input: Text, options?: ValidateOptions | undefined | null): CatalogSuccess | ValidationFailure

/** Validates Logbook JSON text (`spec/logbook-json.md`): `{ success, issues, data? }`. */
export declare function validateLogbook(input: Text, options?: ValidateOptions | undefined | null): LogbookSuccess | ValidationFailure

/** Per-call options of a validation. */
export interface ValidateOptions {
  /** CatalogJSON documents (text) whose exercises the host already has. */
  catalogs?: Array<string | Buffer>
  /** The equipment the athlete has. */
  equipment?: Array<string>
  /**
   * Whether a valid result carries the document as `data`: the crate's typed document
   * (defaults it omits, numbers as the model holds them), as `parseCatalog` and
   * `parseLogbook` return it. Off by default: the verdict alone is the fast path.
   */
  data?: boolean
}

/** An invalid document: every issue, errors and warnings, in document order. */
export interface ValidationFailure {
  /** Always `false`. */
  success: false
  /** Every issue, in document order. */
  issues: Array<Issue>
}

/** How a validator is configured: the host's catalog and the athlete's equipment. */
export interface ValidatorOptions {
  /**
   * CatalogJSON documents (text) whose exercises the host already has: references may
   * resolve to them besides the document's own.
   */
  catalogs?: Array<string | Buffer>
  /**
   * The equipment the athlete has: every prescribed exercise is checked against it
   * (`equipment_unavailable`). CatalogJSON only.
   */
  equipment?: Array<string>
}

/**
 * The report with words from the configured LLM (the rules' words, and `fallback` saying
 * why, when it fails).
 */
export declare function writeReport(logbook: Text, options?: ReportOptions | undefined | null): Promise<Report>

/**
 * Stores a setting (`llm.provider`, `llm.model`, `llm.base_url`, `llm.api_key`, ...) in a
 * SQLite settings file, creating it if needed; the value is validated as the registry says,
 * and API keys are encrypted (they need `REPLOG_SECRET_KEY`). Throws with the reason when
 * the key is unknown or the value does not fit.
 */
export declare function writeSetting(settingsFile: string, key: string, value: string): void

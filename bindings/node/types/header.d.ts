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

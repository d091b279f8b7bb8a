// Generated from the crates' JSON Schemas by tests/typescript.rs (the repository's root); do not edit.
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
/** The per-athlete briefing that goes into the prompt (reference/001's `AthleteContext`). */
export interface AthleteContext {
  /** Who the athlete is. */
  athlete: AthleteProfile;
  /** The equipment the athlete has. */
  available_equipment: string[];
  /** The computed training signals. */
  performance: Performance;
  /** The athlete's goals. */
  goals: Goals;
  /** The day described; absent only for a logbook without a single date. [format date] */
  as_of?: string;
  /** Every coach's note, private ones included: pinned first, then newest first. */
  coach_notes?: NoteEntry[];
  /** The program being followed (the newest active assignment), or null. */
  current_program?: ProgramSummary;
  /** The host's exercises the athlete has the equipment for (absent without a catalog). */
  exercise_catalog?: CatalogEntry[];
  /** Earlier assignments, newest first. */
  prior_programs?: ProgramSummary[];
  /** The unit of every weight in the context. */
  unit?: Unit;
}
/** Who the athlete is, with the computed summaries of reference/001. */
export interface AthleteProfile {
  /** The athlete's name. */
  name: string;
  /** Whole months from the first workout to `as_of` (0 without workouts). [at least 0] */
  training_months: number;
  /** Workouts on or before `as_of`. [at least 0] */
  total_workouts: number;
  /** Whole years of age on `as_of`, when the birth date is known. [at least 0] */
  age?: number;
  /** The long-term goal. */
  goal?: string;
  /** What a coach should know. */
  notes?: string;
  /** The current tier. */
  tier?: Tier;
  /** Earlier tiers, oldest first. */
  tier_history?: TierEntry[];
}
/** The computed training signals of the context. */
export interface Performance {
  /** Per exercise, the most sessions first (then by name). */
  exercise_stats: ExerciseStats[];
  /** Consecutive ISO weeks with a workout, up to `as_of`'s week (or the week before when `as_of`'s week has none yet). [at least 0] */
  streak_weeks: number;
  /** Completed over prescribed sets over every programmed workout (0 to 1). */
  adherence_rate?: number;
  /** The latest logged AMRAP sets, oldest first. */
  amrap_results?: AmrapResult[];
  /** Body weights, oldest first: the first measurement and the latest ones. */
  body_weights?: BodyWeightEntry[];
  /** The latest PRs, newest first. */
  prs?: PersonalRecord[];
  /** Per ISO week with prescribed sets, the latest weeks, oldest first. */
  weekly_adherence?: AdherenceWeek[];
}
/** The athlete's goals. */
export interface Goals {
  /** The goal of the current program's cycle. */
  cycle_goal?: string;
  /** Earlier long-term goals, oldest first. */
  history?: GoalEntry[];
  /** The long-term goal (the athlete's). */
  long_term?: string;
}
/** A coach's note. */
export interface NoteEntry {
  /** The day it was written. [format date] */
  date: string;
  /** The note. */
  content: string;
  /** Kept at the top. */
  pinned?: boolean;
  /** Seen by coaches only. */
  private?: boolean;
}
/** An assigned program, summarised. */
export interface ProgramSummary {
  /** The assignment's name. */
  name: string;
  /** Where the assignment stands. */
  status: ProgramStatus;
  /** The day it was assigned. [format date] */
  assigned_at: string;
  /** Weeks in the template (1 for a loop). [at least 0] */
  weeks: number;
  /** Training days in the template's busiest week. [at least 0] */
  days_per_week: number;
  /** Workouts logged against it on or before `as_of`. [at least 0] */
  workouts_logged: number;
  /** Completed over prescribed sets in those workouts (0 to 1). */
  adherence?: number;
  /** The cycle's goal: the assignment's, else the template's. */
  goal?: string;
  /** Whether the template is one week repeated. */
  is_loop?: boolean;
  /** How far along the athlete is: the template week of the latest workout against it (absent for a loop, which is always week 1, and before the first workout). [at least 0] */
  latest_week?: number;
  /** The weeks' labels in order, when any week has one (`-` for a week without). */
  week_labels?: string[];
}
/** An exercise of the catalog the athlete has the equipment for. */
export interface CatalogEntry {
  /** The exercise's name. */
  name: string;
  /** The kind of training it is. */
  category?: Category;
  /** The equipment it needs (absent for bodyweight). */
  equipment?: string[];
}
/** A tier the athlete was in from a date. */
export interface TierEntry {
  /** The day it took effect. [format date] */
  date: string;
  /** The tier. */
  tier: Tier;
}
/** What the context says about one exercise. */
export interface ExerciseStats {
  /** The exercise: the catalog's name when it resolves there, else the first spelling seen. */
  exercise: string;
  /** Workouts with at least one logged set of it, on or before `as_of`. [at least 0] */
  sessions: number;
  /** Least-squares slope of per-session mean RPE over the last 6 sessions with RPE: rising from +0.15 a session, falling from -0.15; insufficient under 3 sessions. */
  rpe_trend: Trend;
  /** Mean weekly tonnage (weight x reps of working sets) over the last 4 ISO weeks that end on or before `as_of`, weeks without sessions counting 0. */
  volume_per_week: number;
  /** Tonnage of those 4 weeks against the 4 before: rising from +10 %, falling from -10 %; insufficient when the earlier 4 weeks have no tonnage. */
  volume_trend: Trend;
  /** Mean RPE of the working sets with RPE in the last 6 sessions; absent if none. */
  avg_rpe?: number;
  /** The best e1RM (Epley) of any working set; absent when no set has one. */
  best_e1rm?: number;
  /** Of its prescribed sets in programmed workouts, the share completed (0 to 1); absent with none prescribed. */
  completion_rate?: number;
  /** The best e1RM of the latest session that has one. */
  latest_e1rm?: number;
  /** The latest sessions, one line each, oldest first: date, working sets grouped as `sets x reps @ weight` (`s` for seconds, `m` for metres, `/side` for each side), and the mean RPE, e.g. `2026-04-10 5x5 @ 225 (RPE 8)`. */
  recent_sets?: string[];
  /** Its training maxes in date order (the latest few; see `ContextOptions::tm_history`). */
  tm_history?: TmEntry[];
}
/** A prescribed AMRAP set as it was done. */
export interface AmrapResult {
  /** The workout's date. [format date] */
  date: string;
  /** The exercise. */
  exercise: string;
  /** Reps done. [at least 0] */
  reps: number;
  /** The set's e1RM (absent past 12 reps or without weight). */
  e1rm?: number;
  /** The weight, if logged. */
  weight?: number;
}
/** A body-weight measurement. */
export interface BodyWeightEntry {
  /** The day it was measured. [format date] */
  date: string;
  /** The body weight. */
  weight: number;
}
/** A personal record: a set whose e1RM exceeds the exercise's best e1RM of all earlier dates. One per exercise and day (the day's best set); an exercise's first e1RM is never a PR, as there is nothing earlier to beat. */
export interface PersonalRecord {
  /** The day it was set. [format date] */
  date: string;
  /** The exercise. */
  exercise: string;
  /** The record's value: the set's e1RM (Epley). */
  e1rm: number;
  /** The set's weight. */
  weight: number;
  /** The set's reps. [at least 0] */
  reps: number;
}
/** Adherence in one ISO week: completed over prescribed sets across all exercises. */
export interface AdherenceWeek {
  /** The ISO week, such as `2026-W14`. */
  week: string;
  /** Sets prescribed in the week's programmed workouts. [at least 0] */
  prescribed: number;
  /** Of those, the ones completed. [at least 0] */
  completed: number;
  /** `completed / prescribed`, to two decimals. */
  rate: number;
}
/** A long-term goal from a date. */
export interface GoalEntry {
  /** The day it was set. [format date] */
  date: string;
  /** The goal. */
  goal: string;
}
/** Which way a signal is moving: `rising` going up by at least the signal's threshold; `stable` within the threshold either way; `falling` going down by at least the threshold; `insufficient_data` too little data to say. */
export type Trend = "rising" | "stable" | "falling" | "insufficient_data";
/** A training max from a date. */
export interface TmEntry {
  /** The day it took effect. [format date] */
  date: string;
  /** The training max. */
  weight: number;
}
/** What importing a document into a host would do: the exercise mappings and program decisions a coach edits, the conflicts between them, and a summary. `conflicts` and `summary` are derived from the rest: [`ImportPlanner::review`] and [`ImportPlanner::apply`] recompute them and ignore whatever an edited copy says (they may be left out of it). */
export interface ImportPlan {
  /** One mapping per exercise of the document: those it defines (in document order), then each name it only references (in order of first reference). */
  exercises: ExerciseMapping[];
  /** One entry per program of the document, in document order. */
  programs: ProgramPlan[];
  /** Problems of the decisions as they stand; apply refuses the plan while any is an error. */
  conflicts?: Conflict[];
  /** What the import would create, use, replace and skip, as decided. */
  summary?: PlanSummary;
}
/** How one exercise of the document maps to the host's catalog. */
export interface ExerciseMapping {
  /** The exercise's name in the document: its definition's name, or the first spelling of a name the document only references. Plan entries are matched to the document by this name after normalisation. */
  name: string;
  /** JSON Pointers to every `exercise` member of the document that resolves to this exercise (prescribed exercises and progression rules), in document order. */
  references: string[];
  /** How the name resolved against the host's catalog. */
  kind: MatchKind;
  /** How sure the match is, 0 to 1: 1 for exact and alias, the best candidate's score for suggested, 0 for new. */
  confidence: number;
  /** Up to three host exercises offered, best first; empty for new. */
  candidates: Candidate[];
  /** What the import does with the exercise; the coach may change it. */
  decision: ExerciseDecision;
  /** A JSON Pointer to the document's definition (`/exercises/2`); absent when the document only references the name. */
  definition?: string;
}
/** What the import does with one program of the document. */
export interface ProgramPlan {
  /** The program's name in the document; plan entries are matched to the document by this name after normalisation. */
  name: string;
  /** What the import does with the program; the coach may change it. */
  decision: ProgramDecision;
  /** The host program with the same name after normalisation, if there is one. */
  existing?: string;
}
/** A problem of the decisions of a plan, found when it is built or reviewed. */
export interface Conflict {
  /** What kind of problem. */
  code: ConflictCode;
  /** `error` when apply refuses the plan until it is resolved, `warning` when the import can go ahead but the coach should look; fixed by the code. */
  severity: ConflictSeverity;
  /** JSON Pointers into the plan of every entry involved, the one to edit first. */
  paths: string[];
  /** What is wrong and how to resolve it, for a person. */
  message: string;
}
/** What the import would do, as decided: derived from the plan's decisions. */
export interface PlanSummary {
  /** The exercises the import creates, by their final names. */
  exercises_to_create: string[];
  /** The host exercises the document's exercises map to, each once, by catalog name. */
  exercises_to_use: string[];
  /** The programs the import creates, by their final names (renamed ones included). */
  programs_to_create: string[];
  /** The host programs the import replaces, by their names. */
  programs_to_replace: string[];
  /** The document's programs left out of the import, by their names. */
  programs_to_skip: string[];
}
/** How a name was resolved: `exact` the name of a catalog exercise, after normalisation; `alias` an alias of a catalog exercise, after normalisation; `suggested` not a name the catalog knows, but like one: for a person to confirm; `new` like no catalog exercise closely enough: a new exercise. */
export type MatchKind = "exact" | "alias" | "suggested" | "new";
/** A catalog exercise offered for a name, with how sure the matcher is (0 to 1). */
export interface Candidate {
  /** The exercise's catalog name. */
  name: string;
  /** How alike the names are, 0 to 1. */
  confidence: number;
}
/** What the import does with one exercise of the document. */
export type ExerciseDecision = { action: "use"; exercise: string; } | { action: "create"; name?: string; };
/** What the import does with one program of the document. */
export type ProgramDecision = { action: "create"; } | { action: "replace"; existing: string; } | { action: "rename"; name: string; } | { action: "skip"; };
/** The kinds of [`Conflict`], each with a fixed severity: `not_in_document` error: a plan entry names an exercise or a program the document does not have; `missing_decision` error: the document has an exercise or a program the plan has no entry for (the reviewed plan adds one with the default decision, for the coach to confirm); `duplicate_decision` error: two plan entries for the same exercise or program; `unknown_host_exercise` error: a mapping uses a host exercise the host's catalog does not have; `exercise_exists` error: a mapping creates an exercise under a name the host's catalog already has; `duplicate_exercise` error: two exercises the import creates share a name or an alias; `shadowed_exercise` error: an exercise the import creates has an alias that is the name a mapping uses for a host exercise, so those references would resolve to the new exercise; `blank_name` error: a rename to an empty name; `program_exists` error: a program created under a name the host already has (replace, rename or skip it); `unknown_host_program` error: a program replaces a host program the host does not have; `program_name_taken` error: a program renamed to the name of an existing host program; `duplicate_program` error: two programs of the import end up with the same name; `same_host_exercise` warning: two exercises of the document map to the same host exercise; `equipment_differs` warning: a document exercise needs other equipment than the host exercise it maps to; `alias_taken` warning: an exercise the import creates has an alias the host's catalog already uses. */
export type ConflictCode = "not_in_document" | "missing_decision" | "duplicate_decision" | "unknown_host_exercise" | "exercise_exists" | "duplicate_exercise" | "shadowed_exercise" | "blank_name" | "program_exists" | "unknown_host_program" | "program_name_taken" | "duplicate_program" | "same_host_exercise" | "equipment_differs" | "alias_taken";
/** How serious a [`Conflict`] is: `error` apply refuses the plan until the conflict is resolved; `warning` the import can go ahead, but the coach should look. */
export type ConflictSeverity = "error" | "warning";
/** The answer for one name: what it resolved to and how sure that is. */
export interface NameMatch {
  /** The name as given. */
  input: string;
  /** How it resolved. */
  kind: MatchKind;
  /** How sure the match is, 0 to 1: 1 for exact and alias, the best candidate's score for suggested, 0 for new. */
  confidence: number;
  /** Up to three candidates, best first (ties in catalog order); empty for new. */
  candidates: Candidate[];
  /** The best candidate's catalog name; `None` for [`MatchKind::New`]. */
  exercise?: string;
}

// The exports' inputs, options and results (the model types come from model.d.ts).

/** A document: its JSON text, or a plain value read through `JSON.stringify`. */
export type DocumentInput = string | object;

/** One validation problem: where (a JSON Pointer), what (a stable snake_case code), a message a person can act on, and whether it makes the document invalid. */
export interface Issue {
  path: string;
  code: string;
  message: string;
  severity: "error" | "warning";
}

/** A validation result, the shape of Zod's `safeParse`: the data and the warnings, or every issue. */
export type Result<T> =
  | { success: true; data: T; issues: Issue[] }
  | { success: false; issues: Issue[] };

/** What `applyMappings` gives: the final document to import, or why it cannot be imported. */
export type ApplyResult =
  | { success: true; data: Catalog; issues: Issue[]; conflicts: Conflict[]; plan: ImportPlan }
  | { success: false; issues: Issue[]; conflicts: Conflict[]; plan: ImportPlan | null };

/** A JSON Schema document. */
export type JsonSchema = Record<string, unknown>;

/** The JSON Schema dialects `catalogJsonSchema` exports. */
export type Dialect = "draft2020-12" | "openai-strict";

/** The host's side of validation. */
export interface LogbookOptions {
  /** The host's catalog (a CatalogJSON document): exercise references may resolve to its exercises. */
  catalog?: DocumentInput;
}

/** Options of `validateCatalog`. */
export interface ValidateOptions extends LogbookOptions {
  /** The athlete's equipment: every prescribed exercise is checked against it. */
  equipment?: string[];
}

/** Options of `lintProgram`. */
export interface LintOptions extends ValidateOptions {
  /** The athlete's logbook (Logbook JSON): birth date and day for the youth rules. */
  logbook?: DocumentInput;
}

/** Options of `buildContext`. */
export interface ContextOptions extends LogbookOptions {
  /** The day the context describes (`YYYY-MM-DD`); default the logbook's own. */
  asOf?: string;
}

/** Options of `importPlan` and `applyMappings`. */
export interface PlanOptions {
  /** More existing host programs, by name, besides the host catalog's own. */
  programs?: string[];
}

/** Options of `renderProgramMarkdown`. */
export interface RenderOptions extends LogbookOptions {
  /** Render only the program of this name (compared after normalisation). */
  program?: string;
}

/** What the exports throw for operational failures (never for an invalid document they validate). */
export interface ReplogError extends Error {
  name: "ReplogError";
  code: "invalid_argument" | "invalid_catalog" | "invalid_plan" | "internal";
  /** The issues of an invalid document given as an option (`options.catalog`, `options.logbook`). */
  issues?: Issue[];
}

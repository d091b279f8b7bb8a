

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
  /** The document, when requested. */
  data?: Catalog
}

/**
 * The CatalogJSON types as compact TypeScript (`interface Catalog { ... }`), as prompts
 * carry them and as this package's `index.d.ts` declares them.
 */
export declare function catalogTypescript(): string

/** Whether to return the document. */
export interface DataOption {
  /** Whether a valid result carries the document as `data`. */
  data?: boolean
}

/** The JSON Schema of the LLM output envelope `{ reasoning, catalog }` in a dialect. */
export declare function envelopeSchema(dialect?: SchemaDialect): Record<string, unknown>

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

/** The JSON Schema (draft 2020-12) of a Logbook JSON v1 document. */
export declare function logbookSchema(): Record<string, unknown>

/** A valid Logbook JSON document: its warnings, and the logbook when `data: true` asked. */
export interface LogbookSuccess {
  /** Always `true`. */
  success: true
  /** Warnings only (a logged name the catalog lacks, for one). */
  issues: Array<Issue>
  /** The logbook, when requested. */
  data?: Logbook
}

/** The Logbook JSON types as compact TypeScript (`interface Logbook { ... }`). */
export declare function logbookTypescript(): string

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
   * Whether a valid result carries the document as `data` (a JavaScript object). Off by
   * default: the verdict alone is the fast path.
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

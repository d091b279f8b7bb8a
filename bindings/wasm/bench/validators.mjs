// The validators replog is compared with, built from the package's own JSON Schema
// (catalogJsonSchema("draft2020-12")): ajv (compiled, allErrors) and zod 4 (z.fromJSONSchema)
// check the same contract as far as JSON Schema can express it; typia checks the TypeScript
// types (structure and types, not ranges). Imported by Node directly and bundled for Chromium.
import Ajv2020 from "ajv/dist/2020.js";
import * as z from "zod";
import { validate as typiaValidate } from "./typia-js/catalog.js";

/** The other contenders, each `(text) => boolean` after `JSON.parse`. */
export function others(schema) {
  const ajv = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const zod = z.fromJSONSchema(schema);
  return {
    "JSON.parse + ajv (allErrors)": (text) => ajv(JSON.parse(text)),
    "JSON.parse + typia validate": (text) => typiaValidate(JSON.parse(text)).success,
    "JSON.parse + zod 4 safeParse": (text) => zod.safeParse(JSON.parse(text)).success,
  };
}

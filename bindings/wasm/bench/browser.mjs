// The bench in the page (bundled by bench.mjs with the other validators): the same contenders
// and timing as in Node, on the package's web build.
import { contenders, measure } from "./cases.mjs";
import { others } from "./validators.mjs";

/** Runs the bench on each of `documents` (`{ label, text }`) with the initialised package;
 * `options.extra` adds contenders (`(text) => boolean`) to the same rounds. */
export function run(replog, documents, options) {
  const cases = {
    ...contenders(replog, others(replog.catalogJsonSchema("draft2020-12"))),
    ...options?.extra,
  };
  return documents.map(({ label, text }) => ({ label, ...measure(cases, text, options) }));
}

// What the bench times, the same in Node and in Chromium: the contenders on a valid document
// and on the same document with four errors, timed in interleaved rounds.

/** The document with four errors (a string count, an RPE out of range, an unknown member, a
 * missing sort order), in different weeks. */
export function broken(text) {
  const doc = JSON.parse(text);
  const weeks = doc.programs[0].weeks;
  const last = weeks.length - 1;
  weeks[0].days[0].exercises[0].sets[0].reps = "8";
  weeks[Math.min(1, last)].days[0].exercises[0].sets[0].rpe = 11;
  weeks[Math.min(2, last)].days[0].exercises[0].colour = "red";
  delete weeks[last].days[0].exercises[0].sort_order;
  return JSON.stringify(doc, null, 2);
}

/** Every contender, `(text) => boolean`: replog's verdict, replog's verdict with `data` read
 * (the document as JavaScript objects), then the others. */
export function contenders(replog, others) {
  return {
    "replog validateCatalog(text)": (text) => replog.validateCatalog(text).success,
    "replog validateCatalog(text) + data": (text) => {
      const result = replog.validateCatalog(text);
      return result.success && result.data !== undefined;
    },
    ...others,
  };
}

/** The best time per call, in µs, of each contender on `text`: `rounds` rounds, each running
 * every contender `batch` times in turn, so that a slow stretch of the machine hits all of
 * them alike. `verdicts` says what each returned (the others may miss errors). */
export function measure(cases, text, { rounds = 30, batch = 50 } = {}) {
  const names = Object.keys(cases);
  const verdicts = Object.fromEntries(names.map((name) => [name, cases[name](text)]));
  for (const name of names) for (let i = 0; i < batch; i++) cases[name](text);
  const best = Object.fromEntries(names.map((name) => [name, Infinity]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      const fn = cases[name];
      const start = performance.now();
      for (let i = 0; i < batch; i++) fn(text);
      best[name] = Math.min(best[name], ((performance.now() - start) * 1000) / batch);
    }
  }
  return { micros: best, verdicts };
}

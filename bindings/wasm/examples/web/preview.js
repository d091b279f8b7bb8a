// The preview page's logic: every verdict comes from @replog/wasm (web target); this file
// only lays the results out.
import init, * as replog from "../../pkg/web/replog_wasm.js";

const $ = (id) => document.getElementById(id);
const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};
let host = null;

/** A table of rows (arrays of cells) under a header row. */
function table(head, rows) {
  const t = el("table");
  const tr = el("tr");
  head.forEach((h) => tr.append(el("th", h)));
  t.append(tr);
  for (const row of rows) {
    const r = el("tr");
    if (row.className) r.className = row.className;
    row.cells.forEach((cell) => r.append(cell instanceof Node ? cell : el("td", String(cell))));
    t.append(r);
  }
  return t;
}

/** The issues at a JSON Pointer, as a cell. */
function issuesAt(issues, pointer) {
  const td = el("td");
  for (const issue of issues.filter((i) => i.path === pointer || i.path.startsWith(pointer + "/"))) {
    td.append(el("div", `${issue.path.slice(pointer.length) || "·"} ${issue.message}`, "issue"));
  }
  return td;
}

const sets = (sets) =>
  sets.map((s) => `${s.reps ?? "AMRAP"}${s.weight != null ? ` × ${s.weight}` : ""}` +
    `${s.percent_tm != null ? ` @ ${s.percent_tm} % TM` : ""}${s.rpe != null ? ` RPE ${s.rpe}` : ""}`).join(", ");

/** The programs as tables, each row with the issues that point into it. */
function showPrograms(doc, issues) {
  const out = $("programs");
  out.replaceChildren(el("h2", "Programs"));
  (doc?.programs ?? []).forEach((program, p) => {
    out.append(el("h3", program.name ?? `program ${p + 1}`));
    const rows = [];
    (program.weeks ?? []).forEach((week, w) =>
      (week.days ?? []).forEach((day, d) =>
        (day.exercises ?? []).forEach((ex, e) => {
          const pointer = `/programs/${p}/weeks/${w}/days/${d}/exercises/${e}`;
          const mine = issues.filter((i) => i.path.startsWith(pointer));
          rows.push({
            className: mine.some((i) => i.severity === "error") ? "error" : mine.length ? "warning" : "",
            cells: [week.number, day.number, ex.exercise, sets(ex.sets ?? []), issuesAt(issues, pointer)],
          });
        })));
    out.append(table(["Week", "Day", "Exercise", "Sets", "Issues"], rows));
  });
}

/** Runs every check on the pasted document and shows the results. */
export function preview(text) {
  let raw = null;
  try { raw = JSON.parse(text); } catch { /* the validator says where */ }
  const options = host ? { catalog: host } : undefined;
  const checked = replog.validateCatalog(text, options);
  const linted = checked.success ? replog.lintProgram(text, options) : checked;
  const issues = linted.issues;
  $("verdict").replaceChildren(checked.success
    ? el("p", `Valid CatalogJSON: ${checked.data.programs?.length ?? 0} program(s).`, "ok")
    : el("p", `Invalid CatalogJSON: ${checked.issues.filter((i) => i.severity === "error").length} error(s).`, "bad"));
  $("issues").replaceChildren(el("h2", "Issues"), table(["Where", "Code", "Severity", "Message"],
    issues.map((i) => ({ className: i.severity, cells: [i.path || "/", i.code, i.severity, i.message] }))));
  showPrograms(checked.success ? checked.data : raw, issues);
  $("mappings").replaceChildren();
  $("plan").replaceChildren();
  if (host) {
    const planned = replog.importPlan(text, host);
    if (planned.success) {
      const plan = planned.data;
      $("mappings").append(el("h2", "Exercise mappings"), table(
        ["Exercise", "Match", "Confidence", "Decision", "Candidates"],
        plan.exercises.map((m) => ({ cells: [m.name, m.kind, m.confidence.toFixed(2),
          m.decision.action === "use" ? `use ${m.decision.exercise}` : "create",
          m.candidates.map((c) => c.name).join(", ")] }))));
      const s = plan.summary;
      $("plan").append(el("h2", "Import plan"), table(["Action", "Names"], [
        { cells: ["exercises to create", s.exercises_to_create.join(", ")] },
        { cells: ["exercises to use", s.exercises_to_use.join(", ")] },
        { cells: ["programs to create", s.programs_to_create.join(", ")] },
        { cells: ["programs to replace", s.programs_to_replace.join(", ")] },
        { cells: ["conflicts", plan.conflicts.map((c) => c.message).join("; ")] },
      ]));
    }
  }
  return { checked, issues };
}

async function loadHost(url) {
  const text = await (await fetch(url)).text();
  host = replog.validateCatalog(text).success ? text : null;
  $("catalog-name").textContent = host ? url : `${url} is not a valid catalog`;
}

await init();
window.replog = replog;
window.preview = preview;
const params = new URLSearchParams(location.search);
await loadHost(params.get("catalog") ?? "/examples/data/sample-program.json");
$("preview").addEventListener("click", () => preview($("document").value));
$("document").addEventListener("dragover", (e) => e.preventDefault());
$("document").addEventListener("drop", async (e) => {
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) { $("document").value = await file.text(); preview($("document").value); }
});
$("catalog-file").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  const text = await file.text();
  host = replog.validateCatalog(text).success ? text : null;
  $("catalog-name").textContent = host ? file.name : `${file.name} is not a valid catalog`;
});
$("status").textContent = "Ready.";
document.body.dataset.ready = "true";

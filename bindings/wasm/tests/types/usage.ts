// A usage file for `tsc --noEmit --strict`: every export called as an app would, through the
// package's own name, so the shipped declarations and the package's exports map are checked.
import init, {
  applyMappings,
  buildContext,
  catalogJsonSchema,
  importPlan,
  lintProgram,
  matchExercises,
  renderProgramMarkdown,
  validateCatalog,
  validateLogbook,
  type Catalog,
  type ExerciseDecision,
  type Issue,
  type ReplogError,
} from "@replog/wasm";
import nodeInit, { validateCatalog as validateInNode } from "@replog/wasm/node";

export async function preview(text: string, host: Catalog): Promise<string[]> {
  await init();
  await nodeInit();
  const lines: string[] = [];
  const checked = validateCatalog(text, { catalog: host, equipment: ["barbell"] });
  if (checked.success) {
    const programs: number = checked.data.programs?.length ?? 0;
    lines.push(`${programs} programs`, ...checked.issues.map((w: Issue) => w.path));
  } else {
    // @ts-expect-error a failed result has no data
    lines.push(String(checked.data));
    for (const issue of checked.issues) {
      const severity: "error" | "warning" = issue.severity;
      lines.push(`${issue.path} ${issue.code} ${severity}`);
    }
  }
  const node = validateInNode(JSON.parse(text) as object);
  lines.push(String(node.success));
  const logbook = validateLogbook("{}", { catalog: JSON.stringify(host) });
  if (logbook.success) lines.push(logbook.data.athlete.name);
  // @ts-expect-error only the two dialects exist
  catalogJsonSchema("draft-07");
  const schema = catalogJsonSchema("openai-strict");
  lines.push(String(schema["type"]), String(catalogJsonSchema()["$schema"]));
  for (const found of matchExercises(["Power Cleans"], host)) {
    const kind: "exact" | "alias" | "suggested" | "new" = found.kind;
    lines.push(`${found.input} ${kind} ${found.confidence}`);
  }
  const planned = importPlan(text, host, { programs: ["Month 4"] });
  if (planned.success) {
    const plan = planned.data;
    const first = plan.exercises[0];
    if (first) {
      const decision: ExerciseDecision = { action: "create", name: `${first.name} (new)` };
      first.decision = decision;
    }
    const applied = applyMappings(text, plan, host);
    if (applied.success) {
      lines.push(applied.data.programs?.[0]?.name ?? "");
    } else {
      lines.push(...applied.conflicts.map((c) => c.code), String(applied.plan?.summary));
    }
  }
  const context = buildContext("{}", { asOf: "2026-03-20", catalog: host });
  if (context.success) lines.push(context.data.available_equipment.join(","));
  const linted = lintProgram(text, { logbook: "{}", catalog: host });
  lines.push(...linted.issues.filter((i) => i.code.startsWith("lint.")).map((i) => i.message));
  const markdown = renderProgramMarkdown(text, { program: "Month 4" });
  if (markdown.success) lines.push(markdown.data.toUpperCase());
  try {
    validateCatalog(text, { catalog: "not json" });
  } catch (thrown) {
    const error = thrown as ReplogError;
    lines.push(error.code, ...(error.issues ?? []).map((i) => i.message));
  }
  return lines;
}

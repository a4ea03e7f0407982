import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import {
  type ImportProblem,
  parseCaseImportCsv,
  parseCaseImportJson,
} from "../domain/cases/import-format.js";
import { type CaseListQuery, type CaseView, caseListQuerySchema } from "../domain/cases/schemas.js";
import { getCase } from "../server/cases/get-case.js";
import { CaseImportRejected, importCases } from "../server/cases/import-cases.js";
import { findCases } from "../server/cases/list-cases.js";
import { printJson, printTable, progress, progressBar } from "./output.js";
import { cliActor, cliCaller, withRuntime } from "./with-runtime.js";

/**
 * `comity cases`: import cases kept elsewhere, list and show cases. Lists and views go
 * through the API's services (need-to-know, one audit entry per command); the command
 * line is the server's operator, who sees every case (src/server/cases/case.policy.ts).
 * Exit codes: 0 done, 1 any problem (a bad record, an unknown case, a bad option).
 */
export function registerCases(program: Command): void {
  const cases = program.command("cases").description("Cases: import, list and show");

  cases
    .command("import <file>")
    .description(
      "Import cases from JSON or CSV (docs/cases-import.md): every record is checked, nothing is written if any is bad, existing references are skipped",
    )
    .option("--format <format>", "json or csv (default: from the file's extension)")
    .option("--dry-run", "check everything and count, write nothing")
    .option("--json", "print the result (or the problems) as JSON")
    .action(async (file: string, options: { format?: string; dryRun?: boolean; json?: boolean }) => {
      const format = (options.format ?? (file.toLowerCase().endsWith(".csv") ? "csv" : "json")).toLowerCase();
      if (format !== "json" && format !== "csv") {
        progress(`--format: json or csv, not "${options.format}"`);
        process.exitCode = 1;
        return;
      }
      const text = await readFile(file, "utf8");
      const parsed = format === "csv" ? parseCaseImportCsv(text) : parseCaseImportJson(text);
      const records = parsed.cases.length + new Set(parsed.problems.map((problem) => problem.record)).size;
      progress(`Checking ${records} record(s) of ${file}...`);
      try {
        const result = await withRuntime({}, (runtime) =>
          importCases({
            services: runtime.services,
            actor: cliActor(),
            parsed,
            dryRun: options.dryRun ?? false,
            format,
            onProgress: progressBar("Importing cases"),
          }),
        );
        if (options.json) return printJson(result);
        progress(
          `${result.dryRun ? "Dry run: would import" : "Imported"} ${result.imported} case(s) with ${result.events} event(s); ${result.skipped} already there (skipped).`,
        );
      } catch (error) {
        if (!(error instanceof CaseImportRejected)) throw error;
        if (options.json)
          printJson({ error: { code: error.code, message: error.message, problems: error.problems } });
        else {
          progress(error.message);
          for (const problem of error.problems) process.stderr.write(`  ${problemLine(problem, format)}\n`);
        }
        process.exitCode = 1;
      }
    });

  cases
    .command("list")
    .description("List cases, newest first (all teams and levels: the command line is the server's operator)")
    .option("--status <status>", "only this status (received, under_examination, closed, ...)")
    .option(
      "--kind <kind>",
      "mla, extradition, asset_recovery, transfer_of_proceedings, preservation_of_data",
    )
    .option("--direction <direction>", "incoming or outgoing")
    .option("--overdue", "only cases whose next deadline has passed")
    .option("--limit <n>", "at most this many (1 to 200)", "50")
    .option("--full", "each case's whole view (facts, deadlines, checker), as `cases show`")
    .option("--json", "print as JSON")
    .action(
      async (options: {
        status?: string;
        kind?: string;
        direction?: string;
        overdue?: boolean;
        limit: string;
        full?: boolean;
        json?: boolean;
      }) => {
        const parsed = caseListQuerySchema.safeParse({
          status: options.status,
          kind: options.kind,
          direction: options.direction,
          overdue: options.overdue ? "true" : undefined,
          limit: options.limit,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) progress(`--${String(issue.path[0])}: ${issue.message}`);
          process.exitCode = 1;
          return;
        }
        const query: CaseListQuery = parsed.data;
        const result = await withRuntime({ migrate: false }, async (runtime) => {
          const caller = cliCaller(runtime.services);
          const list = await findCases({ ...caller, query });
          if (!options.full) return list;
          const views: CaseView[] = [];
          for (const item of list.items) views.push(await getCase({ ...caller, reference: item.reference }));
          return { items: views, total: list.total };
        });
        if (options.json) return printJson(result);
        if (options.full) {
          for (const view of result.items as CaseView[]) printCase(view);
        } else {
          printTable(
            result.items.map((item) => {
              const summary = item as Awaited<ReturnType<typeof findCases>>["items"][number];
              return {
                reference: summary.reference,
                kind: summary.kind,
                direction: summary.direction,
                states: `${summary.requestingState}>${summary.requestedState}`,
                status: summary.status,
                next_deadline: summary.nextDeadlineOn,
                title: summary.title.length > 60 ? `${summary.title.slice(0, 59)}…` : summary.title,
              };
            }),
          );
        }
        progress(`${result.items.length} of ${result.total} case(s).`);
      },
    );

  cases
    .command("show <reference>")
    .description(
      "Show one case: status, header, facts, deadlines with their derivation, the checker's findings",
    )
    .option("--json", "print the case's view as JSON (the API's GET /api/cases/{reference})")
    .action(async (reference: string, options: { json?: boolean }) => {
      const view = await withRuntime({ migrate: false }, (runtime) =>
        getCase({ ...cliCaller(runtime.services), reference }),
      );
      if (options.json) return printJson(view);
      printCase(view);
    });
}

function problemLine(problem: ImportProblem, format: string): string {
  const where = problem.record === 0 ? "file" : `${format === "csv" ? "line" : "record"} ${problem.record}`;
  const reference = problem.reference ? ` (${problem.reference})` : "";
  return `${where}${reference}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

const write = (line = "") => process.stdout.write(`${line}\n`);
/** "CETS024 art. 16(4)", whether or not the rule's article already says "art.". */
const cite = (reference: { instrument: string; article: string }) =>
  `${reference.instrument} ${/^(art|ст)/i.test(reference.article) ? reference.article : `art. ${reference.article}`}`;

/** A case as a reader wants it on a terminal, in English. */
export function printCase(view: CaseView): void {
  const header = view.header;
  const { checker, deadlines } = view;
  write(`${header.reference}  ${header.title}`);
  write(`  status:          ${view.status} (version ${view.version})`);
  write(
    `  kind:            ${header.kind}, ${header.direction}, ${header.requestingState} asks ${header.requestedState}`,
  );
  const basis =
    header.legalBasis?.type === "instrument"
      ? `${checker?.legalBasisCodes[0] ?? header.legalBasis.instrumentId}${header.legalBasis.articles ? `, ${header.legalBasis.articles}` : ""}`
      : header.legalBasis?.type === "reciprocity"
        ? "reciprocity"
        : "not chosen yet";
  write(`  legal basis:     ${basis}`);
  write(`  team:            ${view.team?.name ?? "none"}`);
  write(`  priority:        ${header.priority}; confidentiality: ${header.confidentiality}`);
  if (header.foreignReference) write(`  their reference: ${header.foreignReference}`);
  const dates = [
    ["received", view.receivedOn],
    ["decided", view.decidedOn],
    ["closed", view.closedOn],
  ].filter(([, on]) => on);
  write(`  opened:          ${view.openedOn}${dates.map(([what, on]) => `; ${what} ${on}`).join("")}`);

  const facts = view.facts;
  write();
  write("Facts");
  for (const offence of facts.offences) {
    const penalty =
      offence.maximumPenaltyMonths != null ? `, up to ${offence.maximumPenaltyMonths} months` : "";
    write(`  offence ${offence.id}: ${offence.article}${penalty}`);
  }
  for (const person of facts.persons)
    write(
      `  person ${person.id}: ${person.fullName}, ${person.role}${person.nationalities.length > 0 ? `, ${person.nationalities.join("/")}` : ""}`,
    );
  for (const measure of facts.measures) write(`  measure ${measure.id}: ${measure.kind} (${measure.status})`);
  for (const asset of facts.assets)
    write(
      `  asset ${asset.id}: ${asset.type}${asset.value ? `, ${asset.value.amount} ${asset.value.currency}` : ""} (${asset.stage})`,
    );
  for (const notice of facts.notices) write(`  notice ${notice.id}: ${notice.type} ${notice.number}`);
  for (const warrant of facts.warrants)
    write(`  warrant ${warrant.id}: ${warrant.kind}, ${warrant.issuedBy}, ${warrant.issuedOn}`);
  const counted =
    facts.offences.length +
    facts.persons.length +
    facts.measures.length +
    facts.assets.length +
    facts.notices.length +
    facts.warrants.length;
  if (counted === 0) write("  (none recorded)");

  write();
  write("Deadlines");
  if (deadlines.length === 0) write("  (none)");
  for (const deadline of deadlines) {
    const left =
      deadline.daysLeft === null
        ? ""
        : deadline.daysLeft < 0
          ? `, ${-deadline.daysLeft} day(s) overdue`
          : `, ${deadline.daysLeft} day(s) left`;
    write(`  ${deadline.dueOn} ${deadline.state}${left}: ${deadline.title.en}`);
    write(`    ${deadline.derivation.en}`);
  }

  if (!checker) return;
  write();
  write(`Checker${checker.legalBasisCodes.length > 0 ? ` (${checker.legalBasisCodes.join(", ")})` : ""}`);
  if (checker.grounds.length === 0) write("  grounds: none found");
  for (const ground of checker.grounds)
    write(
      `  ground: ${ground.kind}, ${ground.status === "applies" ? "applies" : "may apply"}: ${ground.title.en} (${cite(ground)})`,
    );
  for (const missing of checker.missingFacts) write(`  missing fact: ${missing.asks.en}`);
  for (const condition of checker.conditions)
    write(`  condition: ${condition.met ? "met" : "not met"}: ${condition.title.en} (${cite(condition)})`);
  for (const issue of checker.decisionIssues) write(`  decision issue: ${issue.message.en}`);
  for (const caveat of checker.caveats) write(`  caveat: ${caveat.text.en}`);
}

import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { findEngagementBySourceKey } from "../db/engagements/engagements.repository.js";
import {
  type ActionItem,
  type EngagementDetail,
  type EngagementListQuery,
  type EngagementSummary,
  engagementListQuerySchema,
  type OutcomeView,
} from "../domain/engagements/schemas.js";
import { getEngagement } from "../server/engagements/get-engagement.js";
import {
  type EngagementImportProblem,
  EngagementImportRejected,
  importEngagements,
} from "../server/engagements/import-engagements.js";
import { listEngagements } from "../server/engagements/list-engagements.js";
import { notFound } from "../server/platform/errors.js";
import { printJson, printTable, progress, progressBar } from "./output.js";
import { cliCaller, withRuntime } from "./with-runtime.js";

/**
 * `comity engagements`: list, show and import visits and meetings with their outcomes
 * (docs/engagements.md). Lists and views go through the API's services, each recorded in
 * the audit trail; the command line is the server's operator, who sees every engagement
 * and every linked case. Exit codes: 0 done, 1 any problem (a bad record, an unknown
 * engagement, a bad option, an unreadable file).
 */
export function registerEngagements(program: Command): void {
  const engagements = program
    .command("engagements")
    .description("Engagements (visits, meetings, conferences): list, show and import");

  engagements
    .command("list")
    .description("List engagements, newest first (soonest first with --upcoming)")
    .option("--state <code>", "only those with this state taking part (RU, KH, ...)")
    .option("--from <date>", "only those meeting the period from this day (YYYY-MM-DD)")
    .option("--to <date>", "only those meeting the period up to this day (YYYY-MM-DD)")
    .option("--upcoming", "only those from the office's today on, soonest first")
    .option("--kind <kind>", "outgoing_visit, incoming_visit, bilateral_meeting, multilateral_meeting, ...")
    .option("--status <status>", "planned, held, postponed or cancelled")
    .option("--q <text>", "full-text search, English or Russian (titles, agenda, participants)")
    .option("--limit <n>", "at most this many (1 to 500)", "50")
    .option("--json", "print as JSON (the API's GET /api/engagements)")
    .action(
      async (options: {
        state?: string;
        from?: string;
        to?: string;
        upcoming?: boolean;
        kind?: string;
        status?: string;
        q?: string;
        limit: string;
        json?: boolean;
      }) => {
        const parsed = engagementListQuerySchema.safeParse({
          state: options.state?.toUpperCase(),
          from: options.from,
          to: options.to,
          upcoming: options.upcoming ? "true" : undefined,
          kind: options.kind,
          status: options.status,
          q: options.q,
          limit: options.limit,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) progress(`--${String(issue.path[0])}: ${issue.message}`);
          process.exitCode = 1;
          return;
        }
        const query: EngagementListQuery = parsed.data;
        const result = await withRuntime({ migrate: false }, (runtime) =>
          listEngagements({ ...cliCaller(runtime.services), query }),
        );
        if (options.json) return printJson(result);
        printTable(
          result.engagements.map((engagement) => ({
            id: engagement.id,
            dates: datesOf(engagement),
            kind: engagement.kind,
            status: engagement.status,
            title: clip(engagement.titleEn, 60) + (engagement.isDemo ? " (demo)" : ""),
            states: engagement.states.join(","),
            open_actions: openActions(engagement),
          })),
        );
        progress(`${result.engagements.length} of ${result.total} engagement(s).`);
      },
    );

  engagements
    .command("show <id>")
    .description(
      "Show one engagement: header, participants by side, agenda, outcomes, action items, sources (ID: its id, or its import source key)",
    )
    .option("--json", "print the engagement as JSON (the API's GET /api/engagements/{id})")
    .action(async (id: string, options: { json?: boolean }) => {
      const view = await withRuntime({ migrate: false }, async (runtime) => {
        let engagementId = id;
        if (!z.uuid().safeParse(id).success) {
          const row = await findEngagementBySourceKey(runtime.services.database, id);
          if (!row) throw notFound("engagement (give its id, or the source key it was imported with)");
          engagementId = row.id;
        }
        return getEngagement({ ...cliCaller(runtime.services), id: engagementId });
      });
      if (options.json) return printJson(view);
      printEngagement(view);
    });

  engagements
    .command("import <file>")
    .description(
      "Import engagements with their outcomes from JSON (docs/engagements.md): every record is checked, nothing is written if any is bad, source keys already there are skipped",
    )
    .option("--json", "print the result (or the problems) as JSON")
    .action(async (file: string, options: { json?: boolean }) => {
      let records: unknown;
      try {
        records = JSON.parse(await readFile(file, "utf8"));
      } catch (error) {
        progress(`${file}: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const count = Array.isArray(records)
        ? records.length
        : Array.isArray((records as { engagements?: unknown[] } | null)?.engagements)
          ? (records as { engagements: unknown[] }).engagements.length
          : 0;
      progress(`Checking ${count} record(s) of ${file}...`);
      try {
        const result = await withRuntime({}, (runtime) =>
          importEngagements({
            ...cliCaller(runtime.services),
            records,
            onProgress: progressBar("Importing engagements"),
          }),
        );
        if (options.json) return printJson(result);
        progress(
          `Imported ${result.created} engagement(s) with ${result.outcomes} outcome(s); ${result.skipped} already there (skipped).`,
        );
      } catch (error) {
        if (!(error instanceof EngagementImportRejected)) throw error;
        if (options.json)
          printJson({ error: { code: error.code, message: error.message, problems: error.problems } });
        else {
          progress(error.message);
          for (const problem of error.problems) process.stderr.write(`  ${problemLine(problem)}\n`);
        }
        process.exitCode = 1;
      }
    });
}

/** "record 3 (KEY): participants.1.personId: unknown person", as the cases import prints them. */
export function problemLine(problem: EngagementImportProblem): string {
  const where = problem.record === 0 ? "file" : `record ${problem.record}`;
  const key = problem.sourceKey ? ` (${problem.sourceKey})` : "";
  return `${where}${key}: ${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
}

const write = (line = "") => process.stdout.write(`${line}\n`);
const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** The dates as the sources give them: a day, a range of days (ISO interval), a month or a year. */
export function datesOf(engagement: Pick<EngagementSummary, "startOn" | "endOn" | "precision">): string {
  if (engagement.precision === "year") return engagement.startOn.slice(0, 4);
  if (engagement.precision === "month") return engagement.startOn.slice(0, 7);
  return engagement.startOn === engagement.endOn
    ? engagement.startOn
    : `${engagement.startOn}/${engagement.endOn}`;
}

function openActions(engagement: EngagementSummary): string {
  if (engagement.openActionItems === 0) return "";
  return `${engagement.openActionItems}${engagement.overdueActionItems > 0 ? ` (${engagement.overdueActionItems} overdue)` : ""}`;
}

/** One action item on a line: due day, how it stands, status, owner, title. */
function actionLine(item: ActionItem): string {
  const closed = item.closedOn ? ` on ${item.closedOn}: ${item.closingNote ?? ""}` : "";
  return `${item.dueOn}  ${item.dueState.padEnd(8)}  ${item.status.padEnd(11)}  ${item.owner.name} (${item.owner.type}): ${item.title}${closed}`;
}

function outcomeLine(outcome: OutcomeView): string {
  const note = outcome.note ? ` [${outcome.note}]` : "";
  switch (outcome.kind) {
    case "instrument_signed":
    case "programme_adopted": {
      const parties = outcome.parties.map((party) => party.nameEn).join("; ");
      const verb = outcome.kind === "instrument_signed" ? "instrument signed" : "programme adopted";
      const term = outcome.instrument.termEnd ? ` (term ends ${outcome.instrument.termEnd})` : "";
      return `${outcome.date} ${verb}: ${outcome.instrument.code} ${outcome.instrument.titleEn}${term}; signed by ${parties}${note}`;
    }
    case "commitment":
      return `${outcome.date} ${outcome.commitmentKind}: ${outcome.textEn}${note}`;
    case "invitation": {
      const who = outcome.direction === "extended" ? "to" : "from";
      const when = outcome.expectedOn ? `, for ${outcome.expectedOn}` : "";
      const answer =
        outcome.status === "pending"
          ? "pending"
          : `${outcome.status}${outcome.answeredOn ? ` ${outcome.answeredOn}` : ""}`;
      const planned = outcome.engagement
        ? `; planned: ${outcome.engagement.titleEn} (${outcome.engagement.id})`
        : "";
      return `${outcome.date} invitation ${outcome.direction} ${who} ${outcome.counterpart}: ${outcome.eventEn}${when} (${answer}${planned})${note}`;
    }
    case "statement":
      return `${outcome.date} statement: ${outcome.titleEn}${outcome.url ? ` ${outcome.url}` : ""}${note}`;
    case "case_discussed":
      return `${outcome.date} case discussed: ${outcome.case.reference} ${outcome.case.title}${note}`;
  }
}

/** An engagement as a reader wants it on a terminal, in English. */
export function printEngagement(view: EngagementDetail): void {
  write(`${view.titleEn}${view.isDemo ? "  (demo)" : ""}`);
  write(`  ${view.titleRu}`);
  write(`  kind:            ${view.kind}, ${view.status}`);
  write(`  dates:           ${datesOf(view)}${view.precision === "day" ? "" : ` (${view.precision})`}`);
  const place = [view.city, view.placeState].filter(Boolean).join(", ");
  if (place) write(`  place:           ${place}`);
  const host = [view.hostState, view.hostAgency?.nameEn].filter(Boolean).join(", ");
  if (host) write(`  host:            ${host}`);
  write(`  states:          ${view.states.join(", ") || "none named"}`);
  write(`  confidentiality: ${view.confidentiality}`);
  if (view.invitedAt) write(`  answers the invitation of: ${view.invitedAt.titleEn} (${view.invitedAt.id})`);
  write(
    `  id:              ${view.id}${view.sourceKey ? `; source key ${view.sourceKey}` : ""} (version ${view.version})`,
  );

  write();
  write("Participants");
  if (view.participants.length === 0) write("  (none recorded)");
  const sides = [...new Set(view.participants.map((participant) => participant.side))];
  for (const side of sides) {
    write(`  ${side}`);
    for (const participant of view.participants.filter((candidate) => candidate.side === side)) {
      const who = participant.person?.nameEn ?? participant.agency?.nameEn ?? `the delegation of ${side}`;
      const position = participant.position
        ? `, ${participant.position.titleEn}, ${participant.position.agencyNameEn}`
        : participant.person && participant.agency
          ? `, ${participant.agency.nameEn}`
          : "";
      const note = participant.note ? ` (${participant.note})` : "";
      write(`    ${participant.role.padEnd(18)}  ${who}${position}${note}`);
    }
  }

  if (view.agenda.length > 0) {
    write();
    write("Agenda");
    view.agenda.forEach((item, index) => {
      write(`  ${index + 1}. ${item}`);
    });
  }
  if (view.summary) {
    write();
    write("Summary");
    write(`  ${view.summary}`);
  }

  write();
  write("Outcomes");
  if (view.outcomes.length === 0) write("  (none recorded)");
  for (const outcome of view.outcomes) write(`  ${outcomeLine(outcome)}`);

  write();
  write("Action items");
  if (view.actionItems.length === 0) write("  (none)");
  for (const item of view.actionItems) write(`  ${actionLine(item)}`);

  write();
  write("Sources");
  if (view.sources.length === 0) write("  (none cited)");
  for (const source of view.sources)
    write(
      `  - ${[source.title, source.url, source.publishedOn ? `published ${source.publishedOn}` : null].filter(Boolean).join(", ")}`,
    );
  if (view.notes) {
    write();
    write("Notes");
    write(`  ${view.notes}`);
  }
}

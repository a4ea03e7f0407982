import {
  caseColumns,
  existingCaseReferences,
  insertCaseEvents,
  insertCases,
  type NewCaseRow,
} from "../../db/cases/cases.repository.js";
import type { Executor } from "../../db/client.js";
import { findAgency } from "../../db/directory/agencies.repository.js";
import { states } from "../../db/directory/states.table.js";
import { listTeams } from "../../db/platform/teams.repository.js";
import { instrumentCodes } from "../../db/registry/instruments.repository.js";
import {
  csvField,
  type ImportCase,
  type ImportProblem,
  type ParsedImport,
} from "../../domain/cases/import-format.js";
import type { CaseEvent, CaseEventInput, CaseHeader, LegalBasis } from "../../domain/cases/model.js";
import { applyEvent } from "../../domain/cases/projection.js";
import type { CaseProjection } from "../../domain/cases/schemas.js";
import { checkTransition } from "../../domain/cases/state-machine.js";
import { AppError, forbidden } from "../platform/errors.js";
import {
  type Caller,
  type OperationContext,
  type Origin,
  runOperation,
  type Services,
} from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { registrySnapshot } from "../registry/snapshot-cache.js";
import { type CaseActor, loadCaseSubject } from "./authorize.js";
import { decideCasePlacement, type OperatorCaseSubject } from "./case.policy.js";
import { caseStreamHooks } from "./case-stream-hooks.js";
import { caseRules, evaluateWith } from "./evaluate-case.js";

/**
 * `comity cases import FILE`: cases kept elsewhere, as event streams whose dates are the
 * file's (docs/cases-import.md). All or nothing: every record is checked first (the
 * parser's schema, then here the registry codes, team names, states and agencies it names,
 * and its stream replayed through the state machine of its kind); if any record is bad,
 * nothing is written and every problem is reported with its record and field. A reference
 * that already names a case is skipped, so a file can be imported again after rows are
 * added. The good cases are written in ONE transaction, with multi-row INSERTs, and one
 * audit entry (`case.imported`) with the counts.
 *
 * An import records history, not new decisions: the conditions that block a decision in
 * the API (a consultation before a refusal) and the follow-ups it opens are not applied
 * to past events; the checker shows them on the case afterwards.
 */

/** How an import reports its progress and names its problems, inside an operation or on its own. */
export type ImportCasesInOptions = {
  /** Cases written so far, of those to write. */
  onProgress?: (done: number, total: number) => void;
  /** "csv": problems name the CSV column the user sees rather than the record's field. */
  format?: "json" | "csv";
};

export type ImportCasesOptions = Omit<Caller, "origin"> &
  ImportCasesInOptions & {
    /** Where the request came from; none for the command line. */
    origin?: Origin;
    /** The file's records (parseCaseImportJson / parseCaseImportCsv), with the parser's problems. */
    parsed: ParsedImport;
    /** Check everything and count; write nothing (not even an audit entry). */
    dryRun?: boolean;
  };

export type ImportCasesResult = {
  dryRun: boolean;
  /** Records in the file. */
  records: number;
  /** Cases written (or, in a dry run, that would be). */
  imported: number;
  events: number;
  /** Records whose reference already names a case: left as they are. */
  skipped: number;
  importedReferences: string[];
  skippedReferences: string[];
};

/** Any bad record: nothing was written. The problems are the file's, by record and field. */
export class CaseImportRejected extends AppError {
  /** In the file's order; a record's own problems in the order they were found. */
  readonly problems: ImportProblem[];

  constructor(found: ImportProblem[]) {
    const problems = [...found].sort((left, right) => left.record - right.record);
    const records = new Set(problems.map((problem) => problem.record)).size;
    super(
      422,
      "invalid_import",
      `${records} record(s) have problems; nothing was imported.`,
      problems.slice(0, 500).map((problem) => ({
        path: `record ${problem.record}${problem.reference ? ` (${problem.reference})` : ""}: ${problem.field}`,
        message: problem.message,
      })),
    );
    this.problems = problems;
  }
}

/** A record ready to write: its stream with the envelope, and its row. */
type PlannedCase = { reference: string; events: CaseEvent[]; row: NewCaseRow };
type Plan = { cases: PlannedCase[]; skipped: string[] };

/** An instrument id that names nothing: lets a stream be replayed when its code is unknown. */
const UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";

async function lookups(tx: Executor) {
  // One after another: inside a transaction the queries share one connection.
  const instruments = await instrumentCodes(tx);
  const teams = await listTeams(tx);
  const stateRows = await tx.select({ code: states.code }).from(states);
  return {
    instruments,
    teamIds: new Map(teams.map((team) => [team.name.toLowerCase(), team.id])),
    teamNames: teams.map((team) => team.name),
    existingTeamIds: new Set(teams.map((team) => team.id)),
    stateCodes: new Set(stateRows.map((row) => row.code)),
  };
}

/** Checks every record and builds what is to be written; problems rather than exceptions. */
async function prepare({
  tx,
  services,
  subject,
  parsed,
  now,
  format,
}: {
  tx: Executor;
  services: Services;
  subject: CaseActor | OperatorCaseSubject;
  parsed: ParsedImport;
  now: Date;
  format: "json" | "csv";
}): Promise<{ plan: Plan; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [...parsed.problems];
  const found = await lookups(tx);
  const existing = await existingCaseReferences(
    tx,
    parsed.cases.map((kase) => kase.header.reference),
  );
  const agencyStates = new Map<string, string | null>();
  for (const kase of parsed.cases) {
    for (const id of [kase.header.requestingAgencyId, kase.header.requestedAgencyId]) {
      if (id && !agencyStates.has(id)) agencyStates.set(id, (await findAgency(tx, id))?.stateCode ?? null);
    }
  }
  const inputs = { ...(await caseRules()), snapshot: await registrySnapshot(services.database, tx) };
  const actorId = "userId" in subject ? subject.userId : null;
  const recordedAt = now.toISOString();
  const plan: Plan = { cases: [], skipped: [] };
  const accepted: { reference: string; projection: CaseProjection; events: CaseEvent[] }[] = [];

  parsed.cases.forEach((kase, index) => {
    const record = parsed.records[index] ?? index + 1;
    const reference = kase.header.reference;
    const before = problems.length;
    const problem = (field: string, message: string) =>
      problems.push({
        record,
        reference,
        field: format === "csv" ? csvField(field, kase) : field,
        message,
      });
    const header = resolveHeader(kase, found, problem);
    for (const [field, id, state] of [
      ["header.requestingAgencyId", kase.header.requestingAgencyId, kase.header.requestingState],
      ["header.requestedAgencyId", kase.header.requestedAgencyId, kase.header.requestedState],
    ] as const) {
      if (!id) continue;
      const agencyState = agencyStates.get(id);
      if (agencyState === null) problem(field, "no such agency");
      else if (agencyState !== state) problem(field, `the agency is of ${agencyState}, not ${state}`);
    }
    kase.events.forEach((event, position) => {
      if (
        event.type === "assigned" &&
        event.payload.teamId &&
        !found.existingTeamIds.has(event.payload.teamId)
      )
        problem(`events.${position}.payload.teamId`, "no such team");
    });
    const decision = decideCasePlacement(subject, {
      teamId: header.teamId ?? null,
      confidentiality: header.confidentiality,
    });
    if (!decision.allowed) throw forbidden(decision.code, `${reference}: ${decision.message}`);

    const replayed = replay(header, kase, { actorId, recordedAt }, problem);
    if (problems.length > before || !replayed) return;
    if (existing.has(reference)) {
      plan.skipped.push(reference);
      return;
    }
    accepted.push({ reference, ...replayed });
  });
  // The rules are evaluated only for a file that will be written (or counted, in a dry run).
  if (problems.length > 0) return { plan, problems };
  for (const { reference, projection, events } of accepted) {
    const evaluation = evaluateWith(
      inputs,
      { header: projection.header, facts: projection.facts, events },
      officeToday(services, now),
    );
    plan.cases.push({
      reference,
      events,
      row: {
        ...caseColumns(projection),
        deadlines: evaluation.deadlines,
        nextDeadlineOn: evaluation.nextDeadlineOn,
      },
    });
  }
  return { plan, problems };
}

/** The header as the API knows it: the registry code and the team's name turned into ids. */
function resolveHeader(
  kase: ImportCase,
  found: Awaited<ReturnType<typeof lookups>>,
  problem: (field: string, message: string) => void,
): CaseHeader {
  const { legalBasis, team, ...rest } = kase.header;
  for (const side of ["requestingState", "requestedState"] as const) {
    if (!found.stateCodes.has(rest[side])) problem(`header.${side}`, `no state with the code ${rest[side]}`);
  }
  let teamId: string | null = null;
  if (team) {
    teamId = found.teamIds.get(team.toLowerCase()) ?? null;
    if (!teamId)
      problem(
        "header.team",
        found.teamNames.length > 0
          ? `no team named "${team}"; the teams are: ${found.teamNames.join(", ")}`
          : `no team named "${team}"; there are no teams yet (Administration > Teams)`,
      );
  }
  let basis: LegalBasis | null = null;
  if (legalBasis?.type === "instrument") {
    const instrumentId = found.instruments.get(legalBasis.instrumentCode);
    if (!instrumentId)
      problem(
        "header.legalBasis.instrumentCode",
        `no instrument with the code ${legalBasis.instrumentCode} in the registry`,
      );
    basis = {
      type: "instrument",
      instrumentId: instrumentId ?? UNKNOWN_ID,
      ...(legalBasis.articles ? { articles: legalBasis.articles } : {}),
    };
  } else if (legalBasis?.type === "reciprocity") basis = legalBasis;
  return { ...rest, teamId, legalBasis: basis } as CaseHeader;
}

/**
 * The stream through the state machine, `opened` first, as the API would append it; the
 * first refusal is the record's problem (later events would only repeat it).
 */
function replay(
  header: CaseHeader,
  kase: ImportCase,
  { actorId, recordedAt }: { actorId: string | null; recordedAt: string },
  problem: (field: string, message: string) => void,
): { projection: CaseProjection; events: CaseEvent[] } | null {
  const inputs: CaseEventInput[] = [
    { type: "opened", payload: { header, facts: kase.facts } },
    ...kase.events,
  ];
  let projection: CaseProjection | null = null;
  const events: CaseEvent[] = [];
  for (const [position, input] of inputs.entries()) {
    const check = checkTransition(projection, input);
    if (!check.ok) {
      if (position === 0) problem("header", check.message);
      else
        problem(
          `events.${position - 1}.type`,
          `event ${position} of ${inputs.length - 1} ("${input.type}"): ${check.message}`,
        );
      return null;
    }
    const event = { ...input, sequence: position + 1, recordedAt, actorId } as CaseEvent;
    projection = applyEvent(projection, event);
    events.push(event);
  }
  return { projection: projection!, events };
}

function resultOf(parsed: ParsedImport, plan: Plan, dryRun: boolean): ImportCasesResult {
  return {
    dryRun,
    records: parsed.cases.length,
    imported: plan.cases.length,
    events: plan.cases.reduce((sum, kase) => sum + kase.events.length, 0),
    skipped: plan.skipped.length,
    importedReferences: plan.cases.map((kase) => kase.reference),
    skippedReferences: plan.skipped,
  };
}

class DryRun extends Error {
  constructor(readonly result: ImportCasesResult) {
    super("dry run");
  }
}

/** Writes the plan: cases in chunks, then their streams in chunks. */
async function write(
  tx: Executor,
  plan: Plan,
  now: Date,
  onProgress: (done: number, total: number) => void,
): Promise<void> {
  const total = plan.cases.length;
  if (total === 0) return;
  onProgress(0, total);
  const ids = await insertCases(
    tx,
    plan.cases.map((kase) => kase.row),
    now,
    (done) => onProgress(done, total),
  );
  await insertCaseEvents(
    tx,
    plan.cases.flatMap((kase) => kase.events.map((event) => ({ caseId: ids.get(kase.reference)!, event }))),
  );
  // What other features keep in step with the streams (the statistic rows), in the same transaction.
  const streams = plan.cases.map((kase) => ({ caseId: ids.get(kase.reference)!, events: kase.events }));
  for (const hook of caseStreamHooks()) await hook.imported(tx, streams);
}

/**
 * Imports parsed records (parseCaseImportJson / parseCaseImportCsv, whose problems are
 * reported with the server's). Throws CaseImportRejected when any record is bad.
 */
export async function importCases({
  services,
  actor,
  origin = { requestId: null, sourceIp: null, userAgent: null },
  parsed,
  dryRun = false,
  onProgress = () => undefined,
  format = "json",
}: ImportCasesOptions): Promise<ImportCasesResult> {
  if (dryRun) {
    try {
      await services.database.transaction(async (tx) => {
        const now = services.clock();
        const subject = await loadCaseSubject({ tx, actor, origin, services, now, note: () => undefined });
        const { plan, problems } = await prepare({ tx, services, subject, parsed, now, format });
        if (problems.length > 0) throw new CaseImportRejected(problems);
        throw new DryRun(resultOf(parsed, plan, true));
      });
    } catch (error) {
      if (error instanceof DryRun) return error.result;
      throw error;
    }
  }
  return runOperation(
    services,
    { eventType: "case.imported", objectType: "case", actor, origin },
    (context) => importCasesIn(context, parsed, { format, onProgress }),
  );
}

/**
 * The import inside an operation the caller runs (seed --demo makes its teams in the same
 * transaction): checks, writes and notes the counts in the operation's audit entry.
 */
export async function importCasesIn(
  context: OperationContext,
  parsed: ParsedImport,
  options: ImportCasesInOptions = {},
): Promise<ImportCasesResult> {
  const subject = await loadCaseSubject(context);
  const { plan, problems } = await prepare({
    tx: context.tx,
    services: context.services,
    subject,
    parsed,
    now: context.now,
    format: options.format ?? "json",
  });
  if (problems.length > 0) throw new CaseImportRejected(problems);
  await write(context.tx, plan, context.now, options.onProgress ?? (() => undefined));
  const result = resultOf(parsed, plan, false);
  context.note({
    details: {
      records: result.records,
      imported: result.imported,
      events: result.events,
      skipped: result.skipped,
      // Which cases the import made; a huge import names its first thousand.
      references: result.importedReferences.slice(0, 1000),
    },
  });
  return result;
}

import { listAgencies } from "../../db/directory/agencies.repository.js";
import { existingSourceKeys } from "../../db/engagements/engagements.repository.js";
import { listTeams } from "../../db/platform/teams.repository.js";
import { findUserByUsername } from "../../db/platform/users.repository.js";
import { isStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import {
  type EngagementImportRecord,
  type EngagementImportResult,
  engagementImportRecordSchema,
} from "../../domain/engagements/schemas.js";
import { AppError, ConcealedError, ForbiddenError } from "../platform/errors.js";
import { type Caller, type OperationContext, runOperation } from "../platform/operation.js";
import { type EngagementSubject, loadEngagementSubject } from "./authorize.js";
import { insertEngagement, insertOutcome } from "./engagement-writes.js";

/**
 * `comity engagements import FILE` and POST /api/engagements/import: engagements kept
 * elsewhere, with their outcomes (docs/engagements.md, "Importing"). All or nothing: every
 * record is checked against the import schema, then recorded through the same writes as
 * the API (engagement-writes.ts), which check every reference (states, agencies, people,
 * instruments, owners, cases) and record what outcomes bring about (signatures in the
 * registry, action items). Each record is tried in a savepoint so that the problems of
 * every record are found in one pass; if there is any, the whole transaction is rolled
 * back and they are answered together (422 invalid_import, by record and field). A record
 * whose source key is already an engagement's is skipped, so a file can be imported again.
 *
 * Ids differ between installations, so a file may name, besides what the API takes by
 * name (`agencyName`, `hostAgencyName`, `instrumentCode`, `newPerson`, `caseReference`):
 * an action item's owner by `ownerTeam` (a team's name) or `ownerUser` (a user name), and
 * an instrument's agency party by `{"type": "agency", "name": ..., "state": ...}`. They are
 * turned into ids before the schema is applied.
 */

/** A problem of the file: its record (1-based; 0 for the file itself), key and field. */
export type EngagementImportProblem = {
  record: number;
  sourceKey: string | null;
  /** The field within the record ("participants.1.personId"); empty for the record as a whole. */
  field: string;
  message: string;
};

/** Any bad record: nothing was written. `fields` name each problem as `records.<index>.<field>`. */
export class EngagementImportRejected extends AppError<422> {
  readonly problems: EngagementImportProblem[];

  constructor(found: EngagementImportProblem[]) {
    const problems = [...found].sort((left, right) => left.record - right.record);
    const records = new Set(problems.map((problem) => problem.record)).size;
    super(
      422,
      "invalid_import",
      `${records} record(s) have problems; nothing was imported.`,
      problems.slice(0, 500).map((problem) => ({
        path:
          problem.record === 0
            ? problem.field || "records"
            : [`records.${problem.record - 1}`, problem.field].filter(Boolean).join("."),
        message: problem.message,
      })),
    );
    this.problems = problems;
  }
}

export type ImportEngagementsInOptions = {
  /** Everything recorded is marked as demo (comity seed --demo). */
  isDemo?: boolean;
  /** Records written so far, of those to write. */
  onProgress?: (done: number, total: number) => void;
};

export type ImportEngagementsOptions = Caller &
  Pick<ImportEngagementsInOptions, "onProgress"> & {
    /** The parsed file: an array of records, or `{ "engagements": [...] }`. */
    records: unknown;
  };

export async function importEngagements({
  services,
  actor,
  origin,
  records,
  onProgress,
}: ImportEngagementsOptions): Promise<EngagementImportResult> {
  return runOperation(
    services,
    { eventType: "engagements.imported", objectType: "engagement", actor, origin },
    (context) => importEngagementsIn(context, records, onProgress ? { onProgress } : {}),
  );
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The records of a parsed file, or the file's problem. */
function recordsOf(file: unknown): { items: unknown[] } | { problem: EngagementImportProblem } {
  if (Array.isArray(file)) return { items: file };
  if (isObject(file) && Array.isArray(file.engagements)) {
    const unknown = Object.keys(file).filter((key) => key !== "engagements" && key !== "note");
    if (unknown.length === 0) return { items: file.engagements };
    return {
      problem: {
        record: 0,
        sourceKey: null,
        field: unknown[0]!,
        message: `unknown property "${unknown[0]}": a file has "engagements" (and may have a "note")`,
      },
    };
  }
  return {
    problem: {
      record: 0,
      sourceKey: null,
      field: "",
      message: 'the file must be a list of engagements, or an object {"engagements": [...]}',
    },
  };
}

/** Lower-cased and trimmed, as names are compared (engagement-writes.ts does the same). */
const folded = (value: string | null | undefined) => (value ?? "").trim().toLocaleLowerCase("ru");

/**
 * Replaces the names a file may use instead of ids (owners, agency parties) with the ids,
 * in place on a copy of the record; problems name the field that held the name.
 */
async function resolveNames(
  context: OperationContext,
  record: JsonObject,
  problem: (field: string, message: string) => void,
  teams: { id: string; name: string }[],
): Promise<void> {
  if (!Array.isArray(record.outcomes)) return;
  for (const [index, outcome] of record.outcomes.entries()) {
    if (!isObject(outcome)) continue;
    const at = `outcomes.${index}`;
    if (isObject(outcome.action)) await resolveOwner(context, outcome.action, `${at}.action`, problem, teams);
    if (Array.isArray(outcome.parties))
      await resolveParties(context, outcome.parties, `${at}.parties`, problem);
    if (isObject(outcome.newInstrument) && Array.isArray(outcome.newInstrument.intendedParties))
      await resolveParties(
        context,
        outcome.newInstrument.intendedParties,
        `${at}.newInstrument.intendedParties`,
        problem,
      );
  }
}

async function resolveOwner(
  context: OperationContext,
  action: JsonObject,
  at: string,
  problem: (field: string, message: string) => void,
  teams: { id: string; name: string }[],
): Promise<void> {
  for (const key of ["ownerTeam", "ownerUser"] as const) {
    if (!(key in action)) continue;
    const name = action[key];
    delete action[key];
    const field = `${at}.${key}`;
    if (action.ownerTeamId || action.ownerUserId) {
      problem(field, "one owner: by name or by id, not both");
      continue;
    }
    if (typeof name !== "string" || name.trim() === "") {
      problem(field, key === "ownerTeam" ? "a team's name" : "a user name");
      continue;
    }
    if (key === "ownerTeam") {
      const team = teams.find((candidate) => folded(candidate.name) === folded(name));
      if (team) action.ownerTeamId = team.id;
      else
        problem(
          field,
          teams.length > 0
            ? `no team named "${name}"; the teams are: ${teams.map((candidate) => candidate.name).join(", ")}`
            : `no team named "${name}"; there are no teams yet (Administration > Teams)`,
        );
    } else {
      const user = await findUserByUsername(context.tx, name);
      if (user) action.ownerUserId = user.id;
      else problem(field, `no user named "${name}"`);
    }
  }
}

async function resolveParties(
  context: OperationContext,
  parties: unknown[],
  at: string,
  problem: (field: string, message: string) => void,
): Promise<void> {
  for (const [index, party] of parties.entries()) {
    if (!isObject(party) || party.type !== "agency" || !("name" in party)) continue;
    const field = `${at}.${index}`;
    const { name, state } = party;
    if ("id" in party) {
      problem(`${field}.name`, "an agency by its id or its name, not both");
      continue;
    }
    if (typeof name !== "string" || name.trim() === "") {
      problem(`${field}.name`, "an agency's name");
      continue;
    }
    if (state !== undefined && !isStateCode(state)) {
      problem(`${field}.state`, "an ISO 3166-1 alpha-2 code in capitals, such as RU or KH");
      continue;
    }
    const stateCode: StateCode | undefined = state === undefined ? undefined : state;
    const matches = (await listAgencies(context.tx, { q: name.trim(), state: stateCode }))
      .map((row) => row.agency)
      .filter((agency) =>
        [agency.nameEn, agency.nameRu, agency.abbreviation].some((known) => folded(known) === folded(name)),
      );
    if (matches.length === 1) {
      parties[index] = { type: "agency", id: matches[0]!.id };
    } else if (matches.length === 0) {
      problem(`${field}.name`, `no agency named "${name}"${stateCode ? ` in ${stateCode}` : ""}`);
    } else {
      problem(
        `${field}.name`,
        `${matches.length} agencies are named "${name}" (${matches.map((agency) => agency.stateCode).join(", ")}); add its "state"`,
      );
    }
  }
}

/** An error of the shared writes that is the record's problem (a bad reference), not the caller's. */
function isRecordProblem(error: unknown): error is AppError {
  return (
    error instanceof AppError && !(error instanceof ForbiddenError) && !(error instanceof ConcealedError)
  );
}

/** The problems an error of the shared writes names, with the field relative to record `index` (0-based). */
function problemsOf(
  error: AppError,
  index: number,
  sourceKey: string,
  at: string,
): EngagementImportProblem[] {
  const prefix = `records.${index}.`;
  const fields = error.fields && error.fields.length > 0 ? error.fields : [{ path: at, message: "" }];
  return fields.map((field) => ({
    record: index + 1,
    sourceKey,
    field: field.path.startsWith(prefix)
      ? field.path.slice(prefix.length)
      : field.path.replace(/^records\.\d+$/, ""),
    message: error.message,
  }));
}

type Checked = { index: number; record: EngagementImportRecord };

/**
 * The import inside an operation the caller runs (seed --demo makes its teams in the same
 * transaction): checks, records and notes the counts in the operation's audit entry.
 * Throws EngagementImportRejected, having written nothing that will be committed, when
 * any record is bad.
 */
export async function importEngagementsIn(
  context: OperationContext,
  file: unknown,
  options: ImportEngagementsInOptions = {},
): Promise<EngagementImportResult> {
  const found = recordsOf(file);
  if ("problem" in found) throw new EngagementImportRejected([found.problem]);
  const { items } = found;
  const subject: EngagementSubject = await loadEngagementSubject(context);
  const problems: EngagementImportProblem[] = [];
  const teams = (await listTeams(context.tx)).map((team) => ({ id: team.id, name: team.name }));

  // 1. The file's own content: names turned into ids, each record against the schema.
  const checked: Checked[] = [];
  const firstWithKey = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    const sourceKey = isObject(item) && typeof item.sourceKey === "string" ? item.sourceKey.trim() : null;
    const problem = (field: string, message: string) =>
      problems.push({ record: index + 1, sourceKey, field, message });
    if (!isObject(item)) {
      problem("", "a record is an object (an engagement with its outcomes)");
      continue;
    }
    const before = problems.length;
    if (sourceKey) {
      const earlier = firstWithKey.get(sourceKey);
      if (earlier === undefined) firstWithKey.set(sourceKey, index);
      else problem("sourceKey", `the same source key as record ${earlier + 1}`);
    }
    const copy = structuredClone(item);
    await resolveNames(context, copy, problem, teams);
    const parsed = engagementImportRecordSchema.safeParse(copy);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(issue.path.join("."), issue.message);
      continue;
    }
    if (problems.length === before) checked.push({ index, record: parsed.data });
  }

  // 2. Keys already imported are skipped; the rest are recorded, each in a savepoint.
  const existing = await existingSourceKeys(
    context.tx,
    checked.map(({ record }) => record.sourceKey),
  );
  const toWrite = checked.filter(({ record }) => !existing.has(record.sourceKey));
  const isDemo = options.isDemo ?? false;
  const onProgress = options.onProgress ?? (() => undefined);
  let outcomes = 0;
  if (toWrite.length > 0) onProgress(0, toWrite.length);
  for (const [done, { index, record }] of toWrite.entries()) {
    const { outcomes: recordOutcomes, ...engagement } = record;
    const at = `records.${index}`;
    try {
      await context.tx.transaction(async (savepoint) => {
        const inner: OperationContext = { ...context, tx: savepoint };
        const row = await insertEngagement(inner, subject, engagement, { isDemo, path: at });
        for (const [position, outcome] of recordOutcomes.entries()) {
          const outcomeAt = `${at}.outcomes.${position}`;
          try {
            await savepoint.transaction((nested) =>
              insertOutcome({ ...context, tx: nested }, subject, row, outcome, { isDemo, path: outcomeAt }),
            );
            outcomes += 1;
          } catch (error) {
            if (!isRecordProblem(error)) throw error;
            problems.push(...problemsOf(error, index, record.sourceKey, outcomeAt));
          }
        }
      });
    } catch (error) {
      if (!isRecordProblem(error)) throw error;
      problems.push(...problemsOf(error, index, record.sourceKey, at));
    }
    onProgress(done + 1, toWrite.length);
  }
  if (problems.length > 0) throw new EngagementImportRejected(problems);

  const result: EngagementImportResult = {
    records: items.length,
    created: toWrite.length,
    skipped: checked.length - toWrite.length,
    outcomes,
  };
  context.note({ details: { ...result } });
  return result;
}

import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { CaseEvent } from "../../domain/cases/model.js";
import { legalDateOf } from "../../domain/cases/projection.js";
import type { StatisticRow } from "../../domain/reports/statistic-rows.js";
import type { NewCaseRow } from "../cases/cases.repository.js";
import type { Transaction } from "../client.js";

/**
 * Writing many cases at once (`comity seed --synthetic`): the rows of cases, case_events
 * and case_statistics as COPY text, and the DDL that makes a large load cheaper, all in
 * the caller's transaction so that a failure anywhere leaves the database as it was.
 *
 * COPY text format: one line per row, columns separated by tabs, NULL as \N, and a
 * backslash, tab, newline or carriage return inside a value escaped with a backslash.
 */

export const CASE_COPY_COLUMNS = [
  "id",
  "reference",
  "kind",
  "direction",
  "requesting_state",
  "requested_state",
  "status",
  "priority",
  "confidentiality",
  "team_id",
  "legal_basis_instrument_id",
  "title",
  "offence_category",
  "opened_on",
  "received_on",
  "decided_on",
  "closed_on",
  "version",
  "projection",
  "next_deadline_on",
  "deadlines",
  "created_at",
  "updated_at",
] as const;

export const CASE_EVENT_COPY_COLUMNS = [
  "case_id",
  "sequence",
  "type",
  "occurred_on",
  "payload",
  "recorded_at",
  "actor_id",
] as const;

export const CASE_STATISTIC_COPY_COLUMNS = [
  "case_id",
  "measure",
  "on",
  "until",
  "value",
  "kind",
  "direction",
  "partner",
  "category",
  "basis",
  "team_id",
  "confidentiality",
  "started_on",
  "days",
  "grounds",
  "amount",
  "currency",
  "extent",
  "asset_id",
] as const;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY text format. */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  return NEEDS_ESCAPE.test(value) ? value.replace(SPECIAL, (character) => ESCAPES[character]!) : value;
}

/** A PostgreSQL array literal of text, every element quoted. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`).join(",")}}`;
}

function line(values: (string | number | null | undefined)[]): string {
  let text = copyValue(values[0]);
  for (let at = 1; at < values.length; at++) text += `\t${copyValue(values[at])}`;
  return `${text}\n`;
}

/** A row of `cases` (CASE_COPY_COLUMNS), as the repository's insertCases would write it. */
export function caseCopyLine(id: string, row: NewCaseRow, createdAt: string, updatedAt: string): string {
  return line([
    id,
    row.reference,
    row.kind,
    row.direction,
    row.requestingState,
    row.requestedState,
    row.status,
    row.priority,
    row.confidentiality,
    row.teamId,
    row.legalBasisInstrumentId,
    row.title,
    row.offenceCategory,
    row.openedOn,
    row.receivedOn,
    row.decidedOn,
    row.closedOn,
    row.version,
    JSON.stringify(row.projection),
    row.nextDeadlineOn ?? null,
    JSON.stringify(row.deadlines ?? []),
    createdAt,
    updatedAt,
  ]);
}

/** A row of `case_events` (CASE_EVENT_COPY_COLUMNS), as insertCaseEvents would write it. */
export function caseEventCopyLine(caseId: string, event: CaseEvent): string {
  return line([
    caseId,
    event.sequence,
    event.type,
    legalDateOf(event),
    JSON.stringify(event.payload),
    event.recordedAt,
    event.actorId,
  ]);
}

/** A row of `case_statistics` (CASE_STATISTIC_COPY_COLUMNS). */
export function caseStatisticCopyLine(caseId: string, row: StatisticRow): string {
  return line([
    caseId,
    row.measure,
    row.on,
    row.until,
    row.value,
    row.kind,
    row.direction,
    row.partner,
    row.category,
    row.basis,
    row.teamId,
    row.confidentiality,
    row.startedOn,
    row.days,
    textArray(row.grounds),
    row.amount,
    row.currency,
    row.extent,
    row.assetId,
  ]);
}

/**
 * The connection a Drizzle transaction runs on: COPY needs the driver's client itself.
 * drizzle-orm's node-postgres session keeps it as `session.client`.
 */
export function connectionOf(tx: Transaction): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== "function")
    throw new Error("connectionOf: this transaction does not expose its node-postgres client");
  return client;
}

/** Sends `text` (COPY text format, whole lines) into `table`'s `columns`. */
export async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  text: Uint8Array,
): Promise<void> {
  const stream = client.query(
    copyFrom(`COPY ${table} (${columns.map((column) => `"${column}"`).join(", ")}) FROM STDIN`),
  );
  stream.end(text);
  await finished(stream);
}

/** What `relaxForBulkLoad` took away, to put back. */
export type RelaxedSchema = {
  indexes: { table: string; name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
  triggers: { table: string; name: string }[];
};

/**
 * Before a load of many rows into `tables`: drops their secondary indexes (not those of a
 * primary key or unique constraint, which also guard the load) and their foreign keys,
 * and disables `triggers`; `restoreAfterBulkLoad` puts everything back, the foreign keys
 * validated over every row. Rebuilding an index once is far cheaper than maintaining it
 * row by row (a GIN index on full text above all), and one validation query cheaper than
 * a check per row. Inside the caller's transaction: the tables are locked (ACCESS
 * EXCLUSIVE) until it ends, and a failure rolls the DDL back with the rows.
 */
export async function relaxForBulkLoad(
  client: pg.PoolClient,
  tables: readonly string[],
  triggers: readonly { table: string; name: string }[],
): Promise<RelaxedSchema> {
  const indexes = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
      ORDER BY c.relname, i.relname`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND k.contype = 'f'
      ORDER BY c.relname, k.conname`,
    [tables],
  );
  for (const { name } of indexes.rows) await client.query(`DROP INDEX "${name}"`);
  for (const { table, name } of foreignKeys.rows)
    await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${name}"`);
  for (const { table, name } of triggers)
    await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${name}"`);
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows, triggers: [...triggers] };
}

/** Puts back what relaxForBulkLoad took away; `onStep` is told each index or key as it is done. */
export async function restoreAfterBulkLoad(
  client: pg.PoolClient,
  relaxed: RelaxedSchema,
  onStep: (name: string, milliseconds: number) => void = () => undefined,
): Promise<void> {
  for (const { table, name } of relaxed.triggers)
    await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${name}"`);
  for (const { name, definition } of relaxed.indexes) {
    const started = performance.now();
    await client.query(definition);
    onStep(name, performance.now() - started);
  }
  for (const { table, name, definition } of relaxed.foreignKeys) {
    const started = performance.now();
    await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" ${definition}`);
    onStep(name, performance.now() - started);
  }
}

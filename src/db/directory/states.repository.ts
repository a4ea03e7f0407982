import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { parseStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import { parseCsvRecords } from "../../domain/platform/csv.js";
import { type Database, type Executor, prepared } from "../client.js";
import { referenceDataLoads } from "../platform/reference-data.table.js";
import { dataDir } from "../project-paths.js";
import { states } from "./states.table.js";

export type StateRow = typeof states.$inferSelect;

export const STATES_FILE = path.join(dataDir, "states", "states.csv");
export const STATES_DATASET = "states";

export type StatesFile = { rows: StateRow[]; checksum: string };

export async function readStatesFile(file = STATES_FILE): Promise<StatesFile> {
  const text = await readFile(file, "utf8");
  const { records } = parseCsvRecords(text);
  const nullable = (value: string | undefined) => (value && value.trim() !== "" ? value.trim() : null);
  const rows = records.map(({ line, values }) => {
    if (!/^[A-Z]{2}$/.test(values.code ?? "") || !/^[A-Z]{3}$/.test(values.alpha3 ?? "")) {
      throw new Error(`${file}:${line}: bad ISO code`);
    }
    return {
      code: parseStateCode(values.code!),
      alpha3: values.alpha3!,
      numeric: nullable(values.numeric),
      nameEn: values.name_en!,
      nameRu: values.name_ru!,
      officialNameEn: nullable(values.official_name_en),
      officialNameRu: nullable(values.official_name_ru),
      region: nullable(values.region),
      subRegion: nullable(values.sub_region),
      independent: values.independent === "true",
      aliases: values.aliases ? values.aliases.split("|").filter(Boolean) : [],
    };
  });
  return { rows, checksum: createHash("sha256").update(text).digest("hex") };
}

export async function loadedChecksum(executor: Executor, name: string): Promise<string | null> {
  const rows = await executor.select().from(referenceDataLoads).where(eq(referenceDataLoads.name, name));
  return rows[0]?.checksum ?? null;
}

/** One multi-row upsert; states are never deleted (other records will refer to them). */
export async function upsertStates(executor: Executor, file: StatesFile, now: Date): Promise<void> {
  await executor
    .insert(states)
    .values(file.rows)
    .onConflictDoUpdate({
      target: states.code,
      set: {
        alpha3: sql`excluded.alpha3`,
        numeric: sql`excluded.numeric`,
        nameEn: sql`excluded.name_en`,
        nameRu: sql`excluded.name_ru`,
        officialNameEn: sql`excluded.official_name_en`,
        officialNameRu: sql`excluded.official_name_ru`,
        region: sql`excluded.region`,
        subRegion: sql`excluded.sub_region`,
        independent: sql`excluded.independent`,
        aliases: sql`excluded.aliases`,
      },
    });
  await markDatasetLoaded(executor, STATES_DATASET, file.checksum, file.rows.length, now);
}

/** Records that a reference data set with this checksum is loaded (a restart skips it). */
export async function markDatasetLoaded(
  executor: Executor,
  name: string,
  checksum: string,
  rows: number,
  now: Date,
): Promise<void> {
  await executor
    .insert(referenceDataLoads)
    .values({ name, checksum, rows, loadedAt: now })
    .onConflictDoUpdate({ target: referenceDataLoads.name, set: { checksum, rows, loadedAt: now } });
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Search by code, English or Russian name, formal name or alias. */
export function listStates(executor: Executor, query?: string) {
  const base = executor.select().from(states);
  if (!query) return base.orderBy(asc(states.nameEn));
  const pattern = likePattern(query);
  const code = query.toUpperCase();
  return base
    .where(
      sql`${states.code} = ${code} OR ${states.alpha3} = ${code}
        OR ${states.nameEn} ILIKE ${pattern} OR ${states.nameRu} ILIKE ${pattern}
        OR ${states.officialNameEn} ILIKE ${pattern} OR ${states.officialNameRu} ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM unnest(${states.aliases}) AS alias WHERE alias ILIKE ${pattern})`,
    )
    .orderBy(sql`${states.code} = ${code} DESC`, asc(states.nameEn));
}

export async function getState(executor: Executor, code: StateCode): Promise<StateRow | null> {
  // Inside a transaction the plain query; outside, the prepared one (a hot path).
  const rows =
    "$client" in executor
      ? await prepared(executor as Database, "comity_state_by_code", (db) =>
          db
            .select()
            .from(states)
            .where(eq(states.code, sql.placeholder("code")))
            .prepare("comity_state_by_code"),
        ).execute({ code })
      : await executor.select().from(states).where(eq(states.code, code));
  return rows[0] ?? null;
}

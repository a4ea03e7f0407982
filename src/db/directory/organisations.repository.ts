import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { isStateCode, type StateCode } from "../../domain/directory/state-codes.js";
import { parseCsvRecords } from "../../domain/platform/csv.js";
import { parseIsoDate } from "../../domain/platform/dates.js";
import type { Executor } from "../client.js";
import { dataDir } from "../project-paths.js";
import { memberships, organisations } from "./agencies.table.js";

export const ORGANISATIONS_FILE = path.join(dataDir, "organisations", "membership.csv");
export const ORGANISATIONS_DATASET = "organisations";
/** The snapshot's date (README of the source: "Last update: 29Jan2020"). */
export const MEMBERSHIP_AS_OF = parseIsoDate("2020-01-29");

export type MembershipFile = {
  organisations: { code: string; nameEn: string }[];
  memberships: { organisationCode: string; stateCode: StateCode; status: string; source: string }[];
  checksum: string;
};

export async function readMembershipFile(
  knownStates: ReadonlySet<string>,
  file = ORGANISATIONS_FILE,
): Promise<MembershipFile> {
  const text = await readFile(file, "utf8");
  const { records } = parseCsvRecords(text);
  const names = new Map<string, string>();
  const rows = new Map<string, MembershipFile["memberships"][number]>();
  for (const { values } of records) {
    const code = values.org_id?.trim();
    const state = values.iso2?.trim();
    if (!code || !isStateCode(state) || !knownStates.has(state)) continue;
    names.set(code, values.org_name?.trim() || code);
    // The source lists some pairs twice (two sources); the first is kept.
    const key = `${code}:${state}`;
    if (!rows.has(key))
      rows.set(key, {
        organisationCode: code,
        stateCode: state,
        status: values.status?.trim() || "member",
        source: values.source?.trim() || "",
      });
  }
  return {
    organisations: [...names].map(([code, nameEn]) => ({ code, nameEn })),
    memberships: [...rows.values()],
    checksum: createHash("sha256").update(text).digest("hex"),
  };
}

export async function replaceMemberships(executor: Executor, file: MembershipFile): Promise<void> {
  await executor.delete(memberships);
  await executor
    .insert(organisations)
    .values(file.organisations.map((row) => ({ ...row, asOf: MEMBERSHIP_AS_OF })))
    .onConflictDoUpdate({
      target: organisations.code,
      set: { nameEn: sql`excluded.name_en`, asOf: sql`excluded.as_of` },
    });
  for (let start = 0; start < file.memberships.length; start += 500) {
    await executor
      .insert(memberships)
      .values(file.memberships.slice(start, start + 500).map((row) => ({ ...row, asOf: MEMBERSHIP_AS_OF })));
  }
}

export async function listOrganisations(executor: Executor) {
  return executor
    .select({
      code: organisations.code,
      nameEn: organisations.nameEn,
      asOf: organisations.asOf,
      // Written out: in a select list drizzle renders the outer column unqualified.
      members: sql<number>`(SELECT count(*)::int FROM memberships m WHERE m.organisation_code = "organisations"."code")`,
    })
    .from(organisations)
    .orderBy(asc(organisations.nameEn));
}

export async function membershipsOf(executor: Executor, stateCode: StateCode) {
  return executor
    .select({
      organisationCode: memberships.organisationCode,
      organisationNameEn: organisations.nameEn,
      status: memberships.status,
      asOf: memberships.asOf,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.code, memberships.organisationCode))
    .where(eq(memberships.stateCode, stateCode))
    .orderBy(asc(organisations.nameEn));
}

export async function organisationCodes(executor: Executor): Promise<Set<string>> {
  const rows = await executor.select({ code: organisations.code }).from(organisations);
  return new Set(rows.map((row) => row.code));
}

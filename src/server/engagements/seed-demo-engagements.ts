import { readFile } from "node:fs/promises";
import path from "node:path";
import { findTeamByName, insertTeam } from "../../db/platform/teams.repository.js";
import { dataDir } from "../../db/project-paths.js";
import { type Actor, runOperation, type Services } from "../platform/operation.js";
import { EngagementImportRejected, importEngagementsIn } from "./import-engagements.js";

export const DEMO_ENGAGEMENTS_FILE = path.join(dataDir, "demo", "engagements.json");

export type SeedDemoEngagementsOptions = {
  services: Services;
  /** Who seeds: the `comity` command's operator; the server itself when none is given. */
  actor?: Actor;
  onProgress?: (message: string) => void;
};

export type DemoEngagementsResult = {
  /** Teams made now (those the file's action items name that did not exist). */
  teams: number;
  /** Engagements recorded now, and those already there (by source key). */
  created: number;
  skipped: number;
  outcomes: number;
};

/** The team names a file's action items give as `ownerTeam`. */
function ownerTeams(file: unknown): string[] {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (typeof value === "object" && value !== null)
      for (const [key, inner] of Object.entries(value)) {
        if (key === "ownerTeam" && typeof inner === "string") names.add(inner.trim());
        else visit(inner);
      }
  };
  visit(file);
  return [...names];
}

/**
 * `comity seed --demo`, after the demo registry and cases (the engagements sign the
 * registry's instruments and name its agencies and officials): the teams that own the
 * demo action items, then data/demo/engagements.json through the import, everything marked
 * as demo, in one transaction with one audit entry. Seeding again changes nothing: teams
 * are matched by name and engagements by source key.
 */
export async function seedDemoEngagements({
  services,
  actor = { kind: "system" },
  onProgress = () => undefined,
}: SeedDemoEngagementsOptions): Promise<DemoEngagementsResult> {
  const file: unknown = JSON.parse(await readFile(DEMO_ENGAGEMENTS_FILE, "utf8"));
  return runOperation(
    services,
    {
      eventType: "demo.engagements_seeded",
      objectType: "dataset",
      objectId: "demo",
      actor,
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      const created: string[] = [];
      for (const name of ownerTeams(file)) {
        if (await findTeamByName(context.tx, name)) continue;
        await insertTeam(context.tx, {
          name,
          description: "Demo team (comity seed --demo)",
          createdAt: context.now,
          updatedAt: context.now,
        });
        created.push(name);
      }
      context.note({ details: { teamsCreated: created } });
      // The demo file is ours: a problem in it is a bug, reported like any import's.
      const result = await importEngagementsIn(context, file, { isDemo: true }).catch((error: unknown) => {
        if (error instanceof EngagementImportRejected)
          for (const problem of error.problems)
            onProgress(
              `Demo engagements, record ${problem.record} (${problem.sourceKey}): ${problem.field}: ${problem.message}`,
            );
        throw error;
      });
      onProgress(
        `Demo: ${result.created} engagements with ${result.outcomes} outcomes, ${result.skipped} already there.`,
      );
      return {
        teams: created.length,
        created: result.created,
        skipped: result.skipped,
        outcomes: result.outcomes,
      };
    },
  );
}

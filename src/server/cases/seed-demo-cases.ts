import { readFile } from "node:fs/promises";
import path from "node:path";
import { findTeamByName, insertTeam } from "../../db/platform/teams.repository.js";
import { dataDir } from "../../db/project-paths.js";
import { parseCaseImportJson } from "../../domain/cases/import-format.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { CaseImportRejected, importCasesIn } from "./import-cases.js";

export const DEMO_CASES_FILE = path.join(dataDir, "demo", "cases.json");

export type SeedDemoCasesOptions = Omit<Caller, "origin"> & { onProgress?: (message: string) => void };

export type DemoCasesResult = {
  /** Teams made now (the file's teams that did not exist). */
  teams: number;
  cases: { imported: number; skipped: number };
};

/**
 * `comity seed --demo`, after the demo registry (whose instruments the cases cite): the
 * teams the demo cases name, then the cases of data/demo/cases.json through the import,
 * in one transaction with one audit entry. Seeding twice changes nothing the second time:
 * teams are matched by name and cases by reference.
 */
export async function seedDemoCases({
  services,
  actor,
  onProgress = () => undefined,
}: SeedDemoCasesOptions): Promise<DemoCasesResult> {
  const parsed = parseCaseImportJson(await readFile(DEMO_CASES_FILE, "utf8"));
  // The demo file is ours: a problem in it is a bug, reported like any import's.
  if (parsed.problems.length > 0) throw new CaseImportRejected(parsed.problems);
  const teamNames = [
    ...new Set(parsed.cases.map((kase) => kase.header.team).filter((name): name is string => !!name)),
  ];
  return runOperation(
    services,
    {
      eventType: "demo.cases_seeded",
      objectType: "dataset",
      objectId: "demo",
      actor,
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      const created: string[] = [];
      for (const name of teamNames) {
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
      const result = await importCasesIn(context, parsed);
      onProgress(
        `Demo: ${created.length} teams, ${result.imported} cases imported, ${result.skipped} already there.`,
      );
      return { teams: created.length, cases: { imported: result.imported, skipped: result.skipped } };
    },
  );
}

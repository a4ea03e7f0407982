import { loadedChecksum, markDatasetLoaded } from "../../db/directory/states.repository.js";
import { CATALOGUE_DATASET, readCatalogue } from "../../db/registry/catalogue.repository.js";
import {
  insertInstrument,
  insertPartyActions,
  insertRelation,
} from "../../db/registry/instruments.repository.js";
import { parsePartyActionCsv } from "../../domain/registry/party-csv.js";
import { type BackgroundWorkOptions, runOperation } from "../platform/operation.js";
import { csvLookups, toNewActions } from "./party-action-rows.js";

const SYSTEM = { kind: "system" as const };
const NO_ORIGIN = { requestId: null, sourceIp: null, userAgent: null };

/**
 * Loads the shipped catalogue (data/registry) when it changed since the last load:
 * instruments, their party lists and relations. Only what is missing is added, so a
 * registrar's corrections survive restarts.
 */
export async function loadCatalogue({ services, onProgress = () => undefined }: BackgroundWorkOptions) {
  const catalogue = await readCatalogue();
  if ((await loadedChecksum(services.database, CATALOGUE_DATASET)) === catalogue.checksum) {
    onProgress(
      `Reference data: registry catalogue already loaded (${catalogue.instruments.length} instruments).`,
    );
    return { loaded: false, instruments: 0, actions: 0, relations: 0 };
  }
  onProgress(
    `Reference data: loading the registry catalogue (${catalogue.instruments.length} instruments)...`,
  );
  return runOperation(
    services,
    {
      eventType: "reference_data.loaded",
      objectType: "dataset",
      objectId: CATALOGUE_DATASET,
      actor: SYSTEM,
      origin: NO_ORIGIN,
    },
    async (context) => {
      const existing = (await csvLookups(context.tx)).instrumentIds;
      let instruments = 0;
      for (const row of catalogue.instruments) {
        if (existing.has(row.code)) continue;
        const inserted = await insertInstrument(context.tx, {
          code: row.code,
          kind: row.kind,
          titleEn: row.titleEn,
          titleRu: row.titleRu,
          shortTitle: row.shortTitle,
          identifiers: row.identifiers,
          subjects: row.subjects,
          binding: row.binding,
          level: row.level,
          scope: row.scope,
          organisation: row.organisation,
          openedForSignature: row.openedForSignature,
          place: row.place,
          entryIntoForce: row.entryIntoForce,
          entryIntoForceDelayDays: row.entryIntoForceDelayDays,
          depositaryUrl: row.depositaryUrl,
          sources: [
            ...(row.depositaryUrl
              ? [
                  {
                    kind: "treaty_database" as const,
                    title: "Depositary status page",
                    url: row.depositaryUrl,
                  },
                ]
              : []),
            {
              kind: "document" as const,
              title: "Comity catalogue (data/registry/SOURCE.md)",
              note: row.verified
                ? "Dates confirmed against a retrieved page."
                : "Dates compiled; not yet checked against the depositary.",
            },
          ],
          origin: "catalogue",
          createdAt: context.now,
          updatedAt: context.now,
        });
        existing.set(row.code, inserted.id);
        instruments += 1;
      }
      const { instrumentIds, lookups } = await csvLookups(context.tx);
      let actions = 0;
      for (const file of catalogue.parties) {
        const { rows, problems } = parsePartyActionCsv(file.csv, { instrument: file.code }, lookups);
        if (problems.length > 0) {
          throw new Error(
            `data/registry/parties/${file.code}.csv: ${problems
              .slice(0, 5)
              .map((problem) => `line ${problem.line} ${problem.field}: ${problem.message}`)
              .join("; ")}`,
          );
        }
        actions += (
          await insertPartyActions(
            context.tx,
            toNewActions(rows, { instrumentIds, origin: "catalogue", now: context.now }),
          )
        ).length;
      }
      let relations = 0;
      for (const relation of catalogue.relations) {
        const inserted = await insertRelation(context.tx, {
          fromInstrumentId: instrumentIds.get(relation.from)!,
          toInstrumentId: instrumentIds.get(relation.to)!,
          kind: relation.kind,
          note: relation.note,
          source: { kind: "document", title: "Comity catalogue (data/registry/relations.csv)" },
          createdAt: context.now,
        });
        if (inserted) relations += 1;
      }
      await markDatasetLoaded(
        context.tx,
        CATALOGUE_DATASET,
        catalogue.checksum,
        catalogue.instruments.length,
        context.now,
      );
      context.note({ details: { instruments, actions, relations, checksum: catalogue.checksum } });
      onProgress(
        `Reference data: ${instruments} instruments, ${actions} party actions and ${relations} relations added.`,
      );
      return { loaded: true, instruments, actions, relations };
    },
  );
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { insertAgency, insertPerson, insertPosition } from "../../db/directory/agencies.repository.js";
import { agencies, people } from "../../db/directory/agencies.table.js";
import { dataDir } from "../../db/project-paths.js";
import {
  findInstrumentByCode,
  insertInstrument,
  insertPartyActions,
  insertRelation,
  insertStage,
} from "../../db/registry/instruments.repository.js";
import { agencyKindSchema } from "../../domain/directory/schemas.js";
import { stateCodeSchema } from "../../domain/directory/state-codes.js";
import { isoDateSchema } from "../../domain/platform/dates.js";
import type { Citation } from "../../domain/registry/model.js";
import {
  citationSchema,
  instrumentKindSchema,
  levelSchema,
  negotiationStageSchema,
  partyActionKindSchema,
  relationKindSchema,
  reservationPayloadSchema,
  scopeSchema,
  subjectSchema,
} from "../../domain/registry/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import type { ResolvedParty } from "./party-ref.js";

const text = z.string().min(1);
const demoPartySchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("state"), code: stateCodeSchema }),
  z.strictObject({ type: z.literal("agency"), key: text }),
]);
type DemoParty = z.infer<typeof demoPartySchema>;

/** data/demo/registry.json, checked when read: a bad date or code stops the seed with its path. */
const demoFileSchema = z.strictObject({
  /** What the file is, for its readers; not loaded. */
  note: text.optional(),
  agencies: z.array(
    z.strictObject({
      key: text,
      stateCode: stateCodeSchema,
      kind: agencyKindSchema,
      nameEn: text,
      nameRu: text,
      abbreviation: text.optional(),
      website: text.optional(),
      parent: text.optional(),
    }),
  ),
  people: z.array(
    z.strictObject({
      nameEn: text,
      nameRu: text,
      notes: text.optional(),
      positions: z.array(
        z.strictObject({
          agency: text,
          titleEn: text,
          titleRu: text,
          startOn: isoDateSchema.nullable(),
          endOn: isoDateSchema.nullable(),
        }),
      ),
    }),
  ),
  instruments: z.array(
    z.strictObject({
      code: text,
      kind: instrumentKindSchema,
      titleEn: text,
      titleRu: text,
      shortTitle: text.optional(),
      subjects: z.array(subjectSchema),
      binding: z.boolean(),
      level: levelSchema,
      scope: scopeSchema,
      openedForSignature: isoDateSchema.optional(),
      place: text.optional(),
      entryIntoForce: isoDateSchema.optional(),
      termStart: isoDateSchema.optional(),
      termEnd: isoDateSchema.optional(),
      durationMonths: z.number().int().min(1).optional(),
      notes: text.optional(),
      sources: z.array(citationSchema),
      intendedParties: z.array(demoPartySchema).optional(),
      actions: z
        .array(
          z.strictObject({
            party: demoPartySchema,
            action: partyActionKindSchema,
            date: isoDateSchema.nullable(),
            payload: reservationPayloadSchema.optional(),
            text: text.optional(),
          }),
        )
        .optional(),
      stages: z
        .array(
          z.strictObject({
            stage: negotiationStageSchema,
            date: isoDateSchema.nullable(),
            note: text.optional(),
          }),
        )
        .optional(),
      relations: z
        .array(z.strictObject({ to: text, kind: relationKindSchema, note: text.optional() }))
        .optional(),
    }),
  ),
  catalogueActions: z.array(
    z.strictObject({
      instrument: text,
      party: demoPartySchema,
      action: partyActionKindSchema,
      date: isoDateSchema.nullable(),
    }),
  ),
});

export const DEMO_FILE = path.join(dataDir, "demo", "registry.json");
const DEMO_SOURCE: Citation = {
  kind: "press_release",
  title: "Seed scenario: public press reports (design/DOMAIN.md)",
  note: "Demo data. Day and month are illustrative unless the press reports give them.",
};

export type SeedDemoOptions = Omit<Caller, "origin"> & { onProgress?: (message: string) => void };

/**
 * `comity seed --demo`: a coherent sample registry and directory, every record marked
 * as demo. Loading it twice adds nothing the second time (matched by instrument code,
 * agency name and person name).
 */
export async function seedDemo({ services, actor, onProgress = () => undefined }: SeedDemoOptions) {
  const demo = demoFileSchema.parse(JSON.parse(await readFile(DEMO_FILE, "utf8")));
  return runOperation(
    services,
    {
      eventType: "demo.seeded",
      objectType: "dataset",
      objectId: "demo",
      actor,
      origin: { requestId: null, sourceIp: null, userAgent: null },
    },
    async (context) => {
      const tx = context.tx;
      const counts = { agencies: 0, people: 0, instruments: 0, actions: 0, stages: 0, relations: 0 };
      const agencyIds = new Map<string, string>();
      for (const agency of demo.agencies) {
        const existing = await tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.stateCode, agency.stateCode), eq(agencies.nameEn, agency.nameEn)));
        if (existing[0]) {
          agencyIds.set(agency.key, existing[0].id);
          continue;
        }
        const row = await insertAgency(tx, {
          stateCode: agency.stateCode,
          kind: agency.kind,
          nameEn: agency.nameEn,
          nameRu: agency.nameRu,
          abbreviation: agency.abbreviation ?? null,
          website: agency.website ?? null,
          parentAgencyId: agency.parent ? agencyIds.get(agency.parent)! : null,
          isDemo: true,
          createdAt: context.now,
          updatedAt: context.now,
        });
        agencyIds.set(agency.key, row.id);
        counts.agencies += 1;
      }
      onProgress(`Demo: ${counts.agencies} agencies.`);
      for (const person of demo.people) {
        if (
          (await tx.select({ id: people.id }).from(people).where(eq(people.nameEn, person.nameEn))).length > 0
        )
          continue;
        const row = await insertPerson(tx, {
          nameEn: person.nameEn,
          nameRu: person.nameRu,
          notes: person.notes ?? null,
          isDemo: true,
          createdAt: context.now,
          updatedAt: context.now,
        });
        for (const position of person.positions) {
          await insertPosition(tx, {
            personId: row.id,
            agencyId: agencyIds.get(position.agency)!,
            titleEn: position.titleEn,
            titleRu: position.titleRu,
            startOn: position.startOn,
            endOn: position.endOn,
            createdAt: context.now,
          });
        }
        counts.people += 1;
      }
      onProgress(`Demo: ${counts.people} officials.`);
      const partyFields = (party: DemoParty): ResolvedParty => {
        if (party.type === "state")
          return { partyType: "state", partyCode: party.code, partyAgencyId: null, partyState: party.code };
        const id = agencyIds.get(party.key)!;
        const stateCode = demo.agencies.find((agency) => agency.key === party.key)!.stateCode;
        return { partyType: "agency", partyCode: null, partyAgencyId: id, partyState: stateCode };
      };
      const instrumentIds = new Map<string, string>();
      for (const instrument of demo.instruments) {
        const existing = await findInstrumentByCode(tx, instrument.code);
        if (existing) {
          instrumentIds.set(instrument.code, existing.id);
          continue;
        }
        const row = await insertInstrument(tx, {
          code: instrument.code,
          kind: instrument.kind,
          titleEn: instrument.titleEn,
          titleRu: instrument.titleRu,
          shortTitle: instrument.shortTitle ?? null,
          subjects: instrument.subjects,
          binding: instrument.binding,
          level: instrument.level,
          scope: instrument.scope,
          openedForSignature: instrument.openedForSignature ?? null,
          place: instrument.place ?? null,
          entryIntoForce: instrument.entryIntoForce ?? null,
          termStart: instrument.termStart ?? null,
          termEnd: instrument.termEnd ?? null,
          durationMonths: instrument.durationMonths ?? null,
          notes: instrument.notes ?? null,
          sources: instrument.sources,
          intendedParties: (instrument.intendedParties ?? []).map((party) =>
            party.type === "state" ? party : { type: "agency", id: agencyIds.get(party.key)! },
          ),
          isDemo: true,
          origin: "demo",
          createdAt: context.now,
          updatedAt: context.now,
        });
        instrumentIds.set(instrument.code, row.id);
        counts.instruments += 1;
        const inserted = await insertPartyActions(
          tx,
          (instrument.actions ?? []).map((action) => ({
            instrumentId: row.id,
            ...partyFields(action.party),
            action: action.action,
            date: action.date,
            payload: action.payload ?? null,
            text: action.text ?? null,
            source: DEMO_SOURCE,
            verified: false,
            isDemo: true,
            origin: "demo",
            createdAt: context.now,
          })),
        );
        counts.actions += inserted.length;
        for (const stage of instrument.stages ?? []) {
          await insertStage(tx, {
            instrumentId: row.id,
            stage: stage.stage,
            date: stage.date,
            note: stage.note ?? null,
            source: DEMO_SOURCE,
            isDemo: true,
            createdAt: context.now,
          });
          counts.stages += 1;
        }
      }
      for (const instrument of demo.instruments) {
        for (const relation of instrument.relations ?? []) {
          const inserted = await insertRelation(tx, {
            fromInstrumentId: instrumentIds.get(instrument.code)!,
            toInstrumentId: instrumentIds.get(relation.to)!,
            kind: relation.kind,
            note: relation.note ?? null,
            source: DEMO_SOURCE,
            isDemo: true,
            createdAt: context.now,
          });
          if (inserted) counts.relations += 1;
        }
      }
      for (const action of demo.catalogueActions) {
        const instrument = await findInstrumentByCode(tx, action.instrument);
        if (!instrument) continue;
        const inserted = await insertPartyActions(tx, [
          {
            instrumentId: instrument.id,
            ...partyFields(action.party),
            action: action.action,
            date: action.date,
            source: DEMO_SOURCE,
            verified: false,
            isDemo: true,
            origin: "demo",
            createdAt: context.now,
          },
        ]);
        counts.actions += inserted.length;
      }
      onProgress(
        `Demo: ${counts.instruments} instruments, ${counts.actions} party actions, ${counts.stages} negotiation stages, ${counts.relations} relations.`,
      );
      context.note({ details: counts });
      return counts;
    },
  );
}

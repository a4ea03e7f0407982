import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
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
import type { Citation, ReservationPayload } from "../../domain/registry/model.js";
import type {
  InstrumentKind,
  Level,
  NegotiationStage,
  PartyActionKind,
  RelationKind,
  Scope,
  Subject,
} from "../../domain/registry/vocabulary.js";
import { type Caller, runOperation } from "../platform/operation.js";

type DemoParty = { type: "state"; code: string } | { type: "agency"; key: string };
type DemoFile = {
  agencies: {
    key: string;
    stateCode: string;
    kind: string;
    nameEn: string;
    nameRu: string;
    abbreviation?: string;
    website?: string;
    parent?: string;
  }[];
  people: {
    nameEn: string;
    nameRu: string;
    notes?: string;
    positions: {
      agency: string;
      titleEn: string;
      titleRu: string;
      startOn: string | null;
      endOn: string | null;
    }[];
  }[];
  instruments: {
    code: string;
    kind: InstrumentKind;
    titleEn: string;
    titleRu: string;
    shortTitle?: string;
    subjects: Subject[];
    binding: boolean;
    level: Level;
    scope: Scope;
    openedForSignature?: string;
    place?: string;
    entryIntoForce?: string;
    termStart?: string;
    termEnd?: string;
    durationMonths?: number;
    notes?: string;
    sources: Citation[];
    intendedParties?: DemoParty[];
    actions?: {
      party: DemoParty;
      action: PartyActionKind;
      date: string | null;
      payload?: ReservationPayload;
      text?: string;
    }[];
    stages?: { stage: NegotiationStage; date: string | null; note?: string }[];
    relations?: { to: string; kind: RelationKind; note?: string }[];
  }[];
  catalogueActions: { instrument: string; party: DemoParty; action: PartyActionKind; date: string | null }[];
};

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
  const demo = JSON.parse(await readFile(DEMO_FILE, "utf8")) as DemoFile;
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
      const partyFields = (party: DemoParty) => {
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

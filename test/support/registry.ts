import { insertAgency, insertPerson, insertPosition } from "../../src/db/directory/agencies.repository.js";
import {
  findInstrumentByCode,
  insertInstrument,
  insertPartyActions,
  insertRelation,
  insertStage,
} from "../../src/db/registry/instruments.repository.js";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import type { TestApp } from "./app.js";

const day = parseIsoDate;
const state = parseStateCode;

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/**
 * Registry and directory objects made directly in the database (fixtures, not the API
 * under test), each fresh, so that a test that deletes one does not disturb another.
 */
export function registryFixtures(t: TestApp) {
  const database = t.services.database;
  const now = t.clock.now();
  return {
    async catalogueInstrument(code = "UNTOC") {
      const row = await findInstrumentByCode(database, code);
      if (!row) throw new Error(`catalogue instrument ${code} missing from the template database`);
      return row;
    },
    async freshInstrument(overrides: Record<string, unknown> = {}) {
      const n = next();
      return insertInstrument(database, {
        code: `TEST-${n}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
        kind: "treaty",
        titleEn: `Test treaty ${n}`,
        titleRu: `Тестовый договор ${n}`,
        subjects: ["extradition"],
        binding: true,
        level: "interstate",
        scope: "bilateral",
        sources: [{ kind: "url", url: "https://example.org/source" }],
        createdAt: now,
        updatedAt: now,
        ...overrides,
      });
    },
    async freshAction(instrumentId?: string) {
      const instrument = instrumentId ?? (await this.freshInstrument()).id;
      const [row] = await insertPartyActions(database, [
        {
          instrumentId: instrument,
          partyType: "state",
          partyCode: state("FR"),
          partyState: state("FR"),
          action: "signature",
          date: day(`2001-01-${String((next() % 28) + 1).padStart(2, "0")}`),
          text: `fixture ${next()}`,
          source: { kind: "url", url: "https://example.org/source" },
          origin: "manual",
          createdAt: now,
        },
      ]);
      return { instrumentId: instrument, id: row!.id };
    },
    async freshStage() {
      const instrument = await this.freshInstrument();
      const row = await insertStage(database, {
        instrumentId: instrument.id,
        stage: "initiative",
        date: day("2020-01-01"),
        createdAt: now,
      });
      return { instrumentId: instrument.id, id: row.id };
    },
    async freshRelation() {
      const from = await this.freshInstrument();
      const to = await this.freshInstrument();
      const row = await insertRelation(database, {
        fromInstrumentId: from.id,
        toInstrumentId: to.id,
        kind: "amends",
        createdAt: now,
      });
      return { instrumentId: from.id, id: row!.id, otherId: to.id };
    },
    async freshAgency(stateCode = "RU") {
      const n = next();
      return insertAgency(database, {
        stateCode: state(stateCode),
        kind: "prosecution_service",
        nameEn: `Test prosecution office ${n}`,
        nameRu: `Тестовая прокуратура ${n}`,
        createdAt: now,
        updatedAt: now,
      });
    },
    async freshPerson() {
      const n = next();
      return insertPerson(database, {
        nameEn: `Test Person ${n}`,
        nameRu: `Тестовый Человек ${n}`,
        createdAt: now,
        updatedAt: now,
      });
    },
    async freshPosition() {
      const person = await this.freshPerson();
      const agency = await this.freshAgency();
      const row = await insertPosition(database, {
        personId: person.id,
        agencyId: agency.id,
        titleEn: "Prosecutor",
        titleRu: "Прокурор",
        startOn: day("2020-01-01"),
        createdAt: now,
      });
      return { personId: person.id, id: row.id };
    },
  };
}
export type RegistryFixtures = ReturnType<typeof registryFixtures>;

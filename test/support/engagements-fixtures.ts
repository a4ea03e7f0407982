import {
  type EngagementRow,
  insertActionItem,
  insertEngagementRow,
  insertOutcomeRow,
  type NewEngagement,
} from "../../src/db/engagements/engagements.repository.js";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { instantOf, parseIsoDate } from "../../src/domain/platform/dates.js";
import type { TestApp } from "./app.js";

const day = parseIsoDate;
const state = parseStateCode;

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/**
 * A visit as a client sends it (plain strings for dates and state codes): the 26-27 May
 * 2025 working visit to Cambodia of the seed scenario, with overrides.
 */
export function engagementInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "outgoing_visit",
    titleEn: "Working visit to Cambodia",
    titleRu: "Рабочий визит в Камбоджу",
    status: "held",
    startOn: "2025-05-26",
    endOn: "2025-05-27",
    city: "Phnom Penh",
    placeState: "KH",
    hostState: "KH",
    states: ["RU", "KH"],
    agenda: ["Legal training", "Extradition practice"],
    summary: "The delegations discussed cooperation in legal training and extradition.",
    sources: [
      {
        url: "https://example.org/press/2025-05-27-cambodia",
        title: "Press release of 27 May 2025",
        publishedOn: "2025-05-27",
      },
    ],
    ...overrides,
  };
}

/**
 * Engagements, outcomes and action items made directly in the database (fixtures, not
 * the API under test), each fresh so that a test that changes one disturbs no other.
 */
export function engagementFixtures(t: TestApp) {
  const database = t.services.database;
  return {
    async engagement(overrides: Partial<NewEngagement> = {}): Promise<EngagementRow> {
      const n = next();
      const now = t.clock.now();
      return insertEngagementRow(database, {
        kind: "bilateral_meeting",
        titleEn: `Bilateral meeting ${n}`,
        titleRu: `Двусторонняя встреча ${n}`,
        status: "held",
        startOn: day("2025-05-26"),
        endOn: day("2025-05-27"),
        precision: "day",
        city: "Phnom Penh",
        placeState: state("KH"),
        hostState: state("KH"),
        states: [state("RU"), state("KH")],
        namedStates: [state("RU"), state("KH")],
        sources: [
          { url: "https://example.org/press", title: "Press release", publishedOn: day("2025-05-27") },
        ],
        createdAt: now,
        updatedAt: now,
        ...overrides,
      });
    },

    /** A pending invitation recorded at a fresh engagement. */
    async invitation(engagementOverrides: Partial<NewEngagement> = {}) {
      const engagement = await this.engagement(engagementOverrides);
      const outcome = await insertOutcomeRow(database, {
        engagementId: engagement.id,
        kind: "invitation",
        date: engagement.startOn,
        details: {
          kind: "invitation",
          direction: "extended",
          counterpart: "Prosecutor General of Cambodia",
          counterpartState: state("KH"),
          eventEn: "St Petersburg International Legal Forum",
          eventRu: "Петербургский международный юридический форум",
          expectedOn: null,
          status: "pending",
          answeredOn: null,
          answerNote: null,
        },
        createdAt: t.clock.now(),
      });
      return { engagement, outcome };
    },

    /** An open action item (a proposal) at a fresh engagement, owned by a user or a team. */
    async actionItem(
      owner: { userId: string } | { teamId: string },
      options: { dueOn?: string; engagement?: Partial<NewEngagement> } = {},
    ) {
      const engagement = await this.engagement(options.engagement);
      const now = t.clock.now();
      const outcome = await insertOutcomeRow(database, {
        engagementId: engagement.id,
        kind: "commitment",
        date: engagement.startOn,
        details: {
          kind: "commitment",
          commitmentKind: "proposal",
          textEn: "Relay the proposal on direct flights to the leadership",
          textRu: "Довести предложение о прямых рейсах до руководства",
        },
        createdAt: now,
      });
      const dueOn = day(options.dueOn ?? "2026-04-01");
      const ownerUserId = "userId" in owner ? owner.userId : null;
      const ownerTeamId = "teamId" in owner ? owner.teamId : null;
      const item = await insertActionItem(database, {
        engagementId: engagement.id,
        outcomeId: outcome.id,
        commitmentKind: "proposal",
        title: "Relay the proposal on direct flights to the leadership",
        ownerUserId,
        ownerTeamId,
        dueOn,
        status: "open",
        history: [
          {
            at: instantOf(now),
            by: null,
            status: "open",
            dueOn,
            owner: ownerUserId ? `user:${ownerUserId}` : `team:${ownerTeamId}`,
            note: null,
          },
        ],
        createdAt: now,
        updatedAt: now,
      });
      return { engagement, outcome, item };
    },
  };
}
export type EngagementFixtures = ReturnType<typeof engagementFixtures>;

import { expect } from "vitest";
import type { Client, TestApp } from "./app.js";
import { caseHeader } from "./cases.js";

/**
 * Cases for the statistics tests, opened and worked through the API by a client who may
 * (a supervisor, or a case officer in the case's team), so that their statistic rows are
 * written the way production writes them: with each event, in its transaction.
 *
 * `walk` takes a path of steps written as `"decided:refused@2025-03-10"`; each step is one
 * event, with the payload a client would send for it.
 */

export type Step = string | { type: string; payload: Record<string, unknown> };

let keys = 0;
const idempotencyKey = () => `reports-${++keys}-${Math.random().toString(36).slice(2)}`;

/** The payload of a short step: "received@2025-01-10", "decided:refused@2025-02-01" (grounds given apart). */
export function stepEvent(
  step: Step,
  grounds: readonly string[] = [],
): { type: string; payload: Record<string, unknown> } {
  if (typeof step !== "string") return step;
  const match = /^([a-z_]+)(?::([a-z_]+))?@(\d{4}-\d{2}-\d{2})$/.exec(step);
  if (!match) throw new Error(`a step is type[:detail]@YYYY-MM-DD, not "${step}"`);
  const [, type, detail, on] = match as unknown as [string, string, string | undefined, string];
  switch (type) {
    case "decided":
      return {
        type,
        payload: {
          on,
          outcome: detail ?? "granted",
          grounds: detail === "granted" || detail === undefined ? [] : grounds.map((code) => ({ code })),
        },
      };
    case "assigned":
      return { type, payload: { on, officer: "A. Smirnova" } };
    case "withdrawn":
      return { type, payload: { on, reason: "The requesting state withdrew the request." } };
    case "closed":
      return { type, payload: { on, reason: "Dealt with." } };
    case "reopened":
      return { type, payload: { on, reason: "New evidence." } };
    case "measure_status_changed":
      return { type, payload: { on, measureId: "m1", status: detail ?? "executed" } };
    case "surrender_date_set":
      return { type, payload: { on, surrenderOn: on } };
    case "surrendered":
      return { type, payload: { on } };
    default:
      return { type, payload: { on } };
  }
}

export type OpenedCase = { reference: string; id: string; version: number };

export function reportFixtures(t: TestApp) {
  return {
    /** Opens a case (incoming MLA from Kazakhstan by default) with one measure m1, as `client`. */
    async open(
      client: Client,
      header: Record<string, unknown> = {},
      options: { receivedOn?: string; facts?: Record<string, unknown> } = {},
    ): Promise<OpenedCase> {
      const response = await client.post(
        "/api/cases",
        {
          header: caseHeader({ requestingState: "KZ", requestedState: "RU", ...header }),
          facts: options.facts ?? {
            measures: [{ id: "m1", kind: "bank_information", description: "Statements of account" }],
          },
          ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}),
        },
        { "idempotency-key": idempotencyKey() },
      );
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return {
        reference: response.body.header.reference,
        id: response.body.id,
        version: response.body.version,
      };
    },

    /** Records one event on the case, at the version last seen; returns the case as now. */
    async record(client: Client, kase: OpenedCase, step: Step, grounds: readonly string[] = []) {
      const response = await client.post(`/api/cases/${kase.reference}/events`, stepEvent(step, grounds), {
        "if-match": `"v${kase.version}"`,
      });
      expect(response.status, `${JSON.stringify(step)}: ${JSON.stringify(response.body)}`).toBe(200);
      kase.version = response.body.version;
      return response.body;
    },

    /**
     * Opens a case and walks it: `received@D` first is the date of receipt given at opening
     * (incoming cases), the rest are recorded one by one. `grounds` go with every refusal
     * or partial grant of the path.
     */
    async walk(
      client: Client,
      header: Record<string, unknown>,
      steps: readonly Step[],
      grounds: readonly string[] = [],
    ): Promise<OpenedCase> {
      const [first, ...rest] = steps;
      const received =
        typeof first === "string" && first.startsWith("received@")
          ? first.slice("received@".length)
          : undefined;
      const kase = await this.open(client, header, received ? { receivedOn: received } : {});
      for (const step of received ? rest : steps) await this.record(client, kase, step, grounds);
      return kase;
    },

    /** An incoming request worked up to examination: received, registered, assigned. */
    examined(received: string, registered = received, assigned = registered): Step[] {
      return [`received@${received}`, `registered@${registered}`, `assigned@${assigned}`];
    },

    /** The statistic rows of a case, as stored. */
    async rows(caseId: string) {
      return (
        await t.db.pool.query(
          `SELECT measure, "on"::text AS on, until::text AS until, value, partner, category, days, grounds
             FROM case_statistics WHERE case_id = $1 ORDER BY measure, "on", until NULLS LAST`,
          [caseId],
        )
      ).rows;
    },
  };
}
export type ReportFixtures = ReturnType<typeof reportFixtures>;

/** A report query string from an object (arrays are not used). */
export function reportQuery(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined) search.set(name, String(value));
  return search.toString();
}

import type { IsoDate } from "../../domain/registry/model.js";

/** The date a registry read defaults to: the server's today (UTC). */
export function today(now: Date): IsoDate {
  return now.toISOString().slice(0, 10);
}

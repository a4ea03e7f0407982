import { type IsoDate, todayIn } from "../../domain/platform/dates.js";
import type { Services } from "./operation.js";

/**
 * Today in the office's time zone (COMITY_TIME_ZONE): the day every default date, "due"
 * and "overdue" is read against, whatever the server's clock zone. Operations pass their
 * own reading of the clock (`context.now`) so that every date in one operation agrees.
 */
export function officeToday(
  services: Pick<Services, "config" | "clock">,
  now: Date = services.clock(),
): IsoDate {
  return todayIn(services.config.timeZone, now);
}

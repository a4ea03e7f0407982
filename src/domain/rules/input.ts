import type { CaseEventInput, CaseFacts, CaseHeader } from "../cases/model.js";
import type { StateCode } from "../directory/state-codes.js";
import type { IsoDate } from "../platform/dates.js";
import type { ReservationPayload } from "../registry/schemas.js";
import type { Rule } from "./model.js";

/**
 * What the admissibility checker reads (evaluate.ts), in its own file so that the
 * checker's parts (questionnaire, decisions, caveats) share it without importing the
 * checker itself.
 */

/** A reservation or declaration of one of the two states to an instrument of the legal basis. */
export type RuleOverlay = {
  /** The state that made it. */
  state: StateCode;
  instrumentCode: string;
  payload: ReservationPayload;
  /** When it takes effect; null or absent: from the start. */
  effectiveOn?: IsoDate | null;
  verified?: boolean;
};

export type AdmissibilityInput = {
  header: CaseHeader;
  facts: CaseFacts;
  /** The case's events so far, in order (stored events or inputs: only type and payload are read). */
  events: readonly CaseEventInput[];
  /** Registry codes of the legal-basis instrument and its protocols in force between the pair. */
  legalBasisCodes: readonly string[];
  overlays: readonly RuleOverlay[];
  /** The date of the check: which overlays are in effect, which notices are current. */
  date: IsoDate;
  rules: readonly Rule[];
};

/** What every step of a check reads: the input, and the overlays in effect for the basis. */
export type Context = {
  input: AdmissibilityInput;
  header: CaseHeader;
  facts: CaseFacts;
  overlays: RuleOverlay[];
};

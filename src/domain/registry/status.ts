import { addDays, type IsoDate } from "../platform/dates.js";
import type { RegistryInstrument, RegistryPartyAction } from "./model.js";
import { CONSENT_ACTIONS, type PartyStatus, TERMINATING_ACTIONS } from "./vocabulary.js";

/**
 * Where a party stands towards an instrument on a date, computed from its dated
 * actions: nothing about a party is a stored flag, so the status on any past date can
 * be asked and history is never lost.
 */

export type PartyStanding = {
  status: PartyStatus;
  signedOn: IsoDate | null;
  consentOn: IsoDate | null;
  inForceFrom: IsoDate | null;
  /** True when inForceFrom was derived (consent + delay, or the instrument's own date), not recorded. */
  inForceDerived: boolean;
  endedOn: IsoDate | null;
  /** A recorded entry into force after the date (ratified, in force later). */
  scheduledInForce: IsoDate | null;
  /** Suspension in force on the date: "all", or the states it concerns. */
  suspendedTowards: "all" | string[] | null;
  /** Actions recorded without a date, which the computation could not place. */
  undated: RegistryPartyAction[];
};

const consentActions: readonly string[] = CONSENT_ACTIONS;
const SIGNATURE_BINDS: readonly string[] = ["memorandum", "cooperation_programme", "letter_of_intent"];

/** Memoranda, programmes and letters of intent take effect on signature; treaties need consent. */
export function signatureIsConsent(instrument: RegistryInstrument): boolean {
  return !instrument.binding || SIGNATURE_BINDS.includes(instrument.kind);
}
const terminatingActions: readonly string[] = TERMINATING_ACTIONS;

/**
 * The standing of one party (its actions only, in effective-date order) on `date`.
 * Entry into force for the party is the recorded entry_into_force action, else it is
 * derived as the later of consent (+ the instrument's delay, if known) and the
 * instrument's own entry into force. A withdrawal, denunciation or expiry ends it
 * when it takes effect; a later consent starts a new period.
 */
export function partyStanding(
  instrument: RegistryInstrument,
  actions: readonly RegistryPartyAction[],
  date: IsoDate,
): PartyStanding {
  let signedOn: IsoDate | null = null;
  let consentOn: IsoDate | null = null;
  let recordedInForce: IsoDate | null = null;
  let endedOn: IsoDate | null = null;
  let endKind: "withdrawn" | "expired" | null = null;
  let suspension: "all" | string[] | null = null;
  let scheduledInForce: IsoDate | null = null;
  const undated: RegistryPartyAction[] = [];
  const signatureConsents = signatureIsConsent(instrument);

  for (const action of actions) {
    const effective = action.effectiveOn ?? action.date;
    if (effective === null) {
      if (action.action !== "reservation" && action.action !== "declaration") undated.push(action);
      continue;
    }
    if (effective > date) {
      if (action.action === "entry_into_force") scheduledInForce ??= effective;
      continue;
    }
    if (action.action === "signature") signedOn ??= effective;
    if (consentActions.includes(action.action) || (action.action === "signature" && signatureConsents)) {
      if (consentOn === null || endedOn !== null) {
        // First consent, or a new one after leaving: a new period starts.
        consentOn = effective;
        recordedInForce = null;
        endedOn = null;
        endKind = null;
        suspension = null;
      }
    } else if (action.action === "signature") {
      // Recorded above.
    } else if (action.action === "entry_into_force") {
      if (recordedInForce === null || endedOn !== null) {
        recordedInForce = effective;
        endedOn = null;
        endKind = null;
      }
    } else if (terminatingActions.includes(action.action)) {
      endedOn = effective;
      endKind = action.action === "expiry" ? "expired" : "withdrawn";
    } else if (action.action === "suspension") {
      suspension = action.inRespectOf.length > 0 ? [...action.inRespectOf] : "all";
    } else if (action.action === "resumption") {
      suspension = null;
    }
  }

  let inForceFrom = recordedInForce;
  let inForceDerived = false;
  if (
    inForceFrom === null &&
    consentOn !== null &&
    (instrument.entryIntoForce !== null || signatureConsents)
  ) {
    const afterConsent = addDays(consentOn, instrument.entryIntoForceDelayDays ?? 0);
    const general = instrument.entryIntoForce;
    inForceFrom = general !== null && general > afterConsent ? general : afterConsent;
    // A bilateral treaty enters into force for both on its own date, a memorandum on
    // signature: nothing is approximated there. For a multilateral instrument the date
    // for this party was not recorded and is computed.
    inForceDerived = !signatureConsents && instrument.scope !== "bilateral";
  }
  const base = { signedOn, consentOn, inForceFrom, inForceDerived, undated, scheduledInForce };
  if (
    instrument.termEnd !== null &&
    instrument.termEnd < date &&
    (inForceFrom !== null || consentOn !== null || signedOn !== null)
  ) {
    return { ...base, status: "expired", endedOn: instrument.termEnd, suspendedTowards: null };
  }
  if (endedOn !== null && endKind !== null)
    return { ...base, status: endKind, endedOn, suspendedTowards: null };
  const inForce =
    inForceFrom !== null &&
    inForceFrom <= date &&
    (instrument.termStart === null || instrument.termStart <= date);
  if (inForce) {
    if (suspension === "all") return { ...base, status: "suspended", endedOn: null, suspendedTowards: "all" };
    return { ...base, status: "in_force", endedOn: null, suspendedTowards: suspension };
  }
  if (consentOn !== null) return { ...base, status: "consented", endedOn: null, suspendedTowards: null };
  if (signedOn !== null) return { ...base, status: "signed", endedOn: null, suspendedTowards: null };
  return { ...base, status: "none", endedOn: null, suspendedTowards: null };
}

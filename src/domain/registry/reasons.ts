import type { Caveat, Reason } from "./resolver.js";

/**
 * The resolver's reasons and caveats in English sentences, for the API's `explanation`
 * and the command line. The web app renders the same codes in English or Russian.
 */
const ACTION_WORDS: Record<string, string> = {
  signature: "signature",
  ratification: "ratification",
  accession: "accession",
  entry_into_force: "entry into force",
  withdrawal: "withdrawal",
  denunciation: "denunciation",
  suspension: "suspension",
  expiry: "expiry",
};

const on = (date: string | null) => (date ? ` on ${date}` : "");

export function explainReason(reason: Reason): string {
  switch (reason.code) {
    case "in_force_for_both":
      return `in force for both states${reason.since ? ` since ${reason.since}` : ""}`;
    case "not_a_party":
      return `${reason.state} is not a party`;
    case "signed_only":
      return `${reason.state} has only signed${on(reason.on)}`;
    case "not_yet_in_force":
      return `not yet in force for ${reason.state}${reason.from ? ` (from ${reason.from})` : ""}`;
    case "withdrawn":
      return `${reason.state} withdrew or denounced it${reason.on ? `, effective ${reason.on}` : ""}`;
    case "expired":
      return `expired${on(reason.on)}`;
    case "suspended":
      return `suspended by ${reason.state}`;
    case "excluded_by_reservation":
      return reason.reservation === "own_nationals"
        ? `excluded by ${reason.state}'s reservation: it does not extradite its own nationals`
        : `excluded by ${reason.state}'s reservation for this kind of request`;
    case "wrong_subject":
      return `does not cover this kind of request (covers: ${reason.subjects.join(", ")})`;
    case "under_negotiation":
      return `under negotiation${reason.stage ? ` (last stage: ${reason.stage.replaceAll("_", " ")}${on(reason.on)})` : ""}`;
    case "superseded_by":
      return `superseded between these states by ${reason.instrumentCode}`;
    case "non_binding":
      return "not legally binding";
    case "reciprocity":
      return "reciprocity (assurance of reciprocal treatment), the fallback when no instrument applies";
  }
}

export function explainCaveat(caveat: Caveat): string {
  switch (caveat.code) {
    case "offence_scope":
      return `only for offences within its scope (${caveat.subjects.join(", ").replaceAll("_", " ")})`;
    case "own_nationals_may_be_refused":
      return `${caveat.state} reserved the right not to extradite its own nationals`;
    case "derived_entry_into_force":
      return `entry into force for ${caveat.state} derived from its consent and the instrument's date, not recorded`;
    case "party_list_as_of":
      return `party data as of ${caveat.asOf}`;
    case "unverified_facts":
      return "some facts are not verified against the depositary";
    case "undated_action":
      return `${caveat.state}: a ${ACTION_WORDS[caveat.action] ?? caveat.action} without a date is recorded`;
    case "demo_data":
      return "demo data";
  }
}

export function explain(reasons: readonly Reason[], caveats: readonly Caveat[]): string {
  const main = reasons.map(explainReason).join("; ");
  return caveats.length > 0 ? `${main} (${caveats.map(explainCaveat).join("; ")})` : main;
}

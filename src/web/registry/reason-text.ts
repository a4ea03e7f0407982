import type { TFunction } from "i18next";
import type { ResolverCaveat, ResolverReason } from "../../domain/registry/schemas.js";
import type { Subject } from "../../domain/registry/vocabulary.js";
import { inSentence, listOf } from "./labels.js";

/**
 * The resolver's reasons and caveats as sentences in the interface language. The server
 * sends codes with parameters (resolverReasonSchema, resolverCaveatSchema); each code has
 * its sentence here.
 */
export type ReasonContext = {
  t: TFunction;
  locale: string;
  stateName: (code: string) => string;
  date: (iso: string) => string;
};

function subjects(list: readonly Subject[], context: ReasonContext): string {
  return listOf(
    list.map((subject) => inSentence(context.t(`registry.vocab.subjects.${subject}`))),
    context.locale,
  );
}

export function reasonText(reason: ResolverReason, context: ReasonContext): string {
  const { t } = context;
  switch (reason.code) {
    case "in_force_for_both":
      return reason.since
        ? t("registry.reasons.inForceForBothSince", { date: context.date(reason.since) })
        : t("registry.reasons.inForceForBoth");
    case "not_a_party":
      return t("registry.reasons.notAParty", { state: context.stateName(reason.state) });
    case "signed_only": {
      const state = context.stateName(reason.state);
      return reason.on
        ? t("registry.reasons.signedOnlyOn", { state, date: context.date(reason.on) })
        : t("registry.reasons.signedOnly", { state });
    }
    case "not_yet_in_force": {
      const state = context.stateName(reason.state);
      return reason.from
        ? t("registry.reasons.notYetInForceFrom", { state, date: context.date(reason.from) })
        : t("registry.reasons.notYetInForce", { state });
    }
    case "withdrawn": {
      const state = context.stateName(reason.state);
      return reason.on
        ? t("registry.reasons.withdrawnOn", { state, date: context.date(reason.on) })
        : t("registry.reasons.withdrawn", { state });
    }
    case "expired":
      return reason.on
        ? t("registry.reasons.expiredOn", { date: context.date(reason.on) })
        : t("registry.reasons.expired");
    case "suspended":
      return t("registry.reasons.suspended", { state: context.stateName(reason.state) });
    case "excluded_by_reservation": {
      const state = context.stateName(reason.state);
      return reason.reservation === "own_nationals"
        ? t("registry.reasons.excludedOwnNationals", { state })
        : t("registry.reasons.excludedSubject", { state });
    }
    case "wrong_subject":
      return t("registry.reasons.wrongSubject", { subjects: subjects(reason.subjects, context) });
    case "under_negotiation": {
      if (!reason.stage) return t("registry.reasons.underNegotiation");
      const stage = inSentence(t(`registry.vocab.stages.${reason.stage}`));
      return reason.on
        ? t("registry.reasons.underNegotiationStageOn", { stage, date: context.date(reason.on) })
        : t("registry.reasons.underNegotiationStage", { stage });
    }
    case "superseded_by":
      return t("registry.reasons.supersededBy", { instrument: reason.instrumentCode });
    case "non_binding":
      return t("registry.reasons.nonBinding");
    case "reciprocity":
      return t("registry.reasons.reciprocity");
  }
}

export function caveatText(caveat: ResolverCaveat, context: ReasonContext): string {
  const { t } = context;
  switch (caveat.code) {
    case "offence_scope":
      return t("registry.caveats.offenceScope", { subjects: subjects(caveat.subjects, context) });
    case "own_nationals_may_be_refused":
      return t("registry.caveats.ownNationalsMayBeRefused", { state: context.stateName(caveat.state) });
    case "derived_entry_into_force":
      return t("registry.caveats.derivedEntryIntoForce", { state: context.stateName(caveat.state) });
    case "party_list_as_of":
      return t("registry.caveats.partyListAsOf", { date: context.date(caveat.asOf) });
    case "unverified_facts":
      return t("registry.caveats.unverifiedFacts");
    case "undated_action":
      return t("registry.caveats.undatedAction", {
        state: context.stateName(caveat.state),
        action: t(`registry.vocab.actions.${caveat.action}`),
      });
    case "demo_data":
      return t("registry.caveats.demoData");
  }
}

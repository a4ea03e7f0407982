import type { TFunction } from "i18next";
import { NEGOTIATION_STAGES, PARTY_ACTIONS, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { inSentence, listOf } from "./labels.js";

/**
 * The resolver's reasons and caveats as sentences in the interface language. The server
 * sends codes with parameters; an unknown code (a newer server) returns null, and the
 * caller shows the server's English explanation instead.
 */
export type ReasonContext = {
  t: TFunction;
  locale: string;
  stateName: (code: string) => string;
  date: (iso: string) => string;
};

type Params = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function subjects(value: unknown, context: ReasonContext): string {
  const list = Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  const labels = list.map((subject) =>
    (SUBJECTS as readonly string[]).includes(subject)
      ? inSentence(context.t(`registry.vocab.subjects.${subject as (typeof SUBJECTS)[number]}`))
      : subject,
  );
  return listOf(labels, context.locale);
}

function stageLabel(value: string, context: ReasonContext): string {
  return (NEGOTIATION_STAGES as readonly string[]).includes(value)
    ? inSentence(context.t(`registry.vocab.stages.${value as (typeof NEGOTIATION_STAGES)[number]}`))
    : value;
}

function actionLabel(value: string, context: ReasonContext): string {
  return (PARTY_ACTIONS as readonly string[]).includes(value)
    ? context.t(`registry.vocab.actions.${value as (typeof PARTY_ACTIONS)[number]}`)
    : value;
}

export function reasonText(reason: Params, context: ReasonContext): string | null {
  const { t } = context;
  const state = str(reason.state);
  const stateName = state ? context.stateName(state) : "";
  const dated = (key: string) => {
    const value = str(reason[key]);
    return value ? context.date(value) : null;
  };
  switch (reason.code) {
    case "in_force_for_both": {
      const since = dated("since");
      return since
        ? t("registry.reasons.inForceForBothSince", { date: since })
        : t("registry.reasons.inForceForBoth");
    }
    case "not_a_party":
      return t("registry.reasons.notAParty", { state: stateName });
    case "signed_only": {
      const on = dated("on");
      return on
        ? t("registry.reasons.signedOnlyOn", { state: stateName, date: on })
        : t("registry.reasons.signedOnly", { state: stateName });
    }
    case "not_yet_in_force": {
      const from = dated("from");
      return from
        ? t("registry.reasons.notYetInForceFrom", { state: stateName, date: from })
        : t("registry.reasons.notYetInForce", { state: stateName });
    }
    case "withdrawn": {
      const on = dated("on");
      return on
        ? t("registry.reasons.withdrawnOn", { state: stateName, date: on })
        : t("registry.reasons.withdrawn", { state: stateName });
    }
    case "expired": {
      const on = dated("on");
      return on ? t("registry.reasons.expiredOn", { date: on }) : t("registry.reasons.expired");
    }
    case "suspended":
      return t("registry.reasons.suspended", { state: stateName });
    case "excluded_by_reservation":
      return reason.reservation === "own_nationals"
        ? t("registry.reasons.excludedOwnNationals", { state: stateName })
        : t("registry.reasons.excludedSubject", { state: stateName });
    case "wrong_subject":
      return t("registry.reasons.wrongSubject", { subjects: subjects(reason.subjects, context) });
    case "under_negotiation": {
      const stage = str(reason.stage);
      const on = dated("on");
      if (!stage) return t("registry.reasons.underNegotiation");
      return on
        ? t("registry.reasons.underNegotiationStageOn", { stage: stageLabel(stage, context), date: on })
        : t("registry.reasons.underNegotiationStage", { stage: stageLabel(stage, context) });
    }
    case "superseded_by":
      return t("registry.reasons.supersededBy", { instrument: str(reason.instrumentCode) ?? "—" });
    case "non_binding":
      return t("registry.reasons.nonBinding");
    case "reciprocity":
      return t("registry.reasons.reciprocity");
    default:
      return null;
  }
}

export function caveatText(caveat: Params, context: ReasonContext): string | null {
  const { t } = context;
  const state = str(caveat.state);
  const stateName = state ? context.stateName(state) : "";
  switch (caveat.code) {
    case "offence_scope":
      return t("registry.caveats.offenceScope", { subjects: subjects(caveat.subjects, context) });
    case "own_nationals_may_be_refused":
      return t("registry.caveats.ownNationalsMayBeRefused", { state: stateName });
    case "derived_entry_into_force":
      return t("registry.caveats.derivedEntryIntoForce", { state: stateName });
    case "party_list_as_of": {
      const asOf = str(caveat.asOf);
      return t("registry.caveats.partyListAsOf", { date: asOf ? context.date(asOf) : "—" });
    }
    case "unverified_facts":
      return t("registry.caveats.unverifiedFacts");
    case "undated_action": {
      const action = str(caveat.action);
      return t("registry.caveats.undatedAction", {
        state: stateName,
        action: action ? actionLabel(action, context) : "—",
      });
    }
    case "demo_data":
      return t("registry.caveats.demoData");
    default:
      return null;
  }
}

import { useTranslation } from "react-i18next";
import { useStateNames } from "../directory/state-names.js";
import { formatMoney, useFormat } from "../format.js";
import type { CaseView, Team } from "./cases-api.js";
import type { EventTextContext } from "./event-text.js";

/** Names of the case's persons, measures, assets and teams, for the timeline's sentences. */
export function useEventTextContext(view: CaseView, teams: Team[] | null): EventTextContext {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const persons = new Map(view.facts.persons.map((person) => [person.id, person.fullName]));
  const measures = new Map(
    view.facts.measures.map((measure) => [
      measure.id,
      `${measure.id} (${t(`cases.vocab.measureKinds.${measure.kind}`)})`,
    ]),
  );
  const assets = new Map(
    view.facts.assets.map((asset) => [
      asset.id,
      `${asset.id} (${t(`cases.vocab.assetTypes.${asset.type}`)})`,
    ]),
  );
  const teamNames = new Map((teams ?? []).map((team) => [team.id, team.name]));
  if (view.team) teamNames.set(view.team.id, view.team.name);
  return {
    t,
    date: (iso) => format.date(iso),
    stateName: (code) => names.name(code),
    personName: (id) => persons.get(id) ?? id,
    measureName: (id) => measures.get(id) ?? id,
    assetName: (id) => assets.get(id) ?? id,
    teamName: (id) => teamNames.get(id) ?? id,
    money: (amount, currency) => formatMoney(amount, currency, i18n.language),
  };
}

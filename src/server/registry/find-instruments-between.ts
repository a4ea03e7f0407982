import type { StateCode } from "../../domain/directory/state-codes.js";
import type { IsoDate } from "../../domain/platform/dates.js";
import { evaluateInstrument, instrumentsConcerning } from "../../domain/registry/resolver.js";
import type { Caller } from "../platform/operation.js";
import { registrySnapshot } from "./snapshot-cache.js";
import { candidateView } from "./views.js";

export type FindInstrumentsBetweenOptions = Pick<Caller, "services"> & {
  state: StateCode;
  partner: StateCode;
  date: IsoDate;
};

/** Everything that binds (or will bind) two states, whatever the subject: the state page. */
export async function findInstrumentsBetween({
  services,
  state,
  partner,
  date,
}: FindInstrumentsBetweenOptions) {
  const snapshot = await registrySnapshot(services.database);
  const instruments = instrumentsConcerning(snapshot, state, partner)
    .map((instrument) =>
      evaluateInstrument(snapshot, instrument, { requesting: state, requested: partner, date }),
    )
    // Only those both are connected with; a convention only one of them joined is not "between" them.
    .filter((evaluation) => !evaluation.reasons.some((reason) => reason.code === "not_a_party"))
    .map(candidateView)
    .map(({ rank: _rank, recommended: _recommended, ...rest }) => rest);
  const order = { applies: 0, non_binding: 1, superseded: 2, fallback: 3, not_applicable: 4 };
  instruments.sort(
    (a, b) =>
      order[a.status] - order[b.status] || (a.instrument?.code ?? "").localeCompare(b.instrument?.code ?? ""),
  );
  return { state, partner, date, instruments };
}

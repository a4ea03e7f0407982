import type { StateCode } from "../directory/state-codes.js";
import type { IsoDate } from "../platform/dates.js";
import type { RegistryInstrument, RegistrySnapshot, RegistryStage } from "../registry/model.js";
import { cachedStanding } from "../registry/resolver.js";
import type { PartyStatus } from "../registry/vocabulary.js";
import { SCOPE_RANK } from "../registry/vocabulary.js";

/**
 * The registry's part of a briefing pack, read from the registry snapshot (pure): the
 * instruments between two states with each one's status on a day, and the negotiations in
 * progress between them.
 */

export type InstrumentBetween = {
  instrument: RegistryInstrument;
  ours: PartyStatus;
  theirs: PartyStatus;
};

function hasActions(snapshot: RegistrySnapshot, instrumentId: string, state: StateCode): boolean {
  return (snapshot.actions.get(instrumentId)?.get(state)?.length ?? 0) > 0;
}

function order(a: RegistryInstrument, b: RegistryInstrument): number {
  return SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] || a.code.localeCompare(b.code);
}

/**
 * Every instrument on which both states (themselves or their agencies) have a recorded
 * action, with each one's status on `date` as the registry computes it (status.ts):
 * bilateral ones first, then the wider ones, each by code.
 */
export function instrumentsBetween(
  snapshot: RegistrySnapshot,
  ours: StateCode,
  partner: StateCode,
  date: IsoDate,
): InstrumentBetween[] {
  const result: InstrumentBetween[] = [];
  for (const id of snapshot.instrumentsByState.get(ours) ?? []) {
    const instrument = snapshot.instruments.get(id);
    if (!instrument || !hasActions(snapshot, id, ours) || !hasActions(snapshot, id, partner)) continue;
    result.push({
      instrument,
      ours: cachedStanding(snapshot, instrument, ours, date).status,
      theirs: cachedStanding(snapshot, instrument, partner, date).status,
    });
  }
  return result.sort((a, b) => order(a.instrument, b.instrument));
}

export type NegotiationBetween = { instrument: RegistryInstrument; latest: RegistryStage | null };

const SIGNED_STAGES: readonly string[] = ["signed", "ratification_pending"];

/**
 * The instruments both states are connected with (as intended parties, or by an action)
 * that have negotiation stages and are not signed yet (no signature or consent of either
 * state recorded, no stage "signed" or later), with their latest stage: in order of that
 * stage's day, the most recent first.
 */
export function negotiationsBetween(
  snapshot: RegistrySnapshot,
  ours: StateCode,
  partner: StateCode,
): NegotiationBetween[] {
  const theirs = snapshot.instrumentsByState.get(partner) ?? new Set<string>();
  const result: NegotiationBetween[] = [];
  for (const id of snapshot.instrumentsByState.get(ours) ?? []) {
    if (!theirs.has(id)) continue;
    const instrument = snapshot.instruments.get(id);
    const stages = snapshot.stages.get(id) ?? [];
    if (!instrument || stages.length === 0) continue;
    if (stages.some((stage) => SIGNED_STAGES.includes(stage.stage))) continue;
    if (hasActions(snapshot, id, ours) || hasActions(snapshot, id, partner)) continue;
    result.push({ instrument, latest: stages.at(-1) ?? null });
  }
  return result.sort(
    (a, b) =>
      (b.latest?.date ?? "").localeCompare(a.latest?.date ?? "") ||
      a.instrument.code.localeCompare(b.instrument.code),
  );
}

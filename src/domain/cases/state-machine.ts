import type { CaseEventInput, CaseEventPayload, CaseEventType, CaseFacts, CaseHeader } from "./model.js";
import { CASE_EVENT_TYPES } from "./model.js";
import type { CaseProjection, CustodyPeriod, Detention } from "./schemas.js";
import {
  type AssetStage,
  CASE_KINDS,
  CASE_STATUSES,
  type CaseKind,
  type CaseStatus,
  DIRECTIONS,
  type Direction,
  type MeasureStatus,
} from "./vocabulary.js";

/**
 * The life of a case, one state machine per kind and direction, written as tables: for
 * each status, the events that move the case elsewhere (`moves`) and the events that are
 * recorded without moving it (`keeps`). An event that a status's row does not name is
 * refused. Adding a kind of case is adding its tables to STATE_MACHINES; the rows are
 * built from named parts (before a decision, after it) only so that a rule shared by
 * several kinds is written once.
 *
 * Some rules cannot be read from the status alone (the request's receipt recorded once,
 * a release needs someone in custody, a measure must exist); they are the guards below
 * the tables, and `checkTransition` applies them after the table.
 */

export type DecisionOutcome = CaseEventPayload<"decided">["outcome"];

/**
 * What a row is keyed by. Most events are their own move. A decision moves the case by
 * its outcome, and the measure change that settles the last open measure completes the
 * execution, so these two have finer keys. A row that does not name the finer
 * `measure_status_changed:completing` treats it as a plain `measure_status_changed`.
 */
export type CaseMove =
  | Exclude<CaseEventType, "opened" | "decided">
  | `decided:${DecisionOutcome}`
  | "measure_status_changed:completing";

export type StatusRow = {
  /** Events that take the case to the status named. */
  moves?: Partial<Record<CaseMove, CaseStatus>>;
  /** Events recorded without changing the status. */
  keeps?: readonly CaseMove[];
};
export type StatusRows = Partial<Record<CaseStatus, StatusRow>>;

export type StateMachine = {
  kind: CaseKind;
  direction: Direction;
  /** The status `opened` gives. */
  initial: CaseStatus;
  rows: StatusRows;
};

// The parts the tables are made of.

/**
 * Filing a letter or a document records history without acting on the request, so it is
 * allowed even in a closed or withdrawn case: a late reply must not be lost, and reopening
 * a case only to file it would count as a reopening in the statistics.
 */
const FILING = ["correspondence_logged", "document_added"] as const satisfies readonly CaseMove[];

/**
 * Work on an open case that does not move it. Facts and header are not amended in a
 * closed or withdrawn case: it must be reopened first, so that every change to a finished
 * case is visible as a reopening.
 */
const CASEWORK = [
  ...FILING,
  "header_amended",
  "facts_amended",
  "consultation_held",
  "asset_stage_changed",
] as const satisfies readonly CaseMove[];

/** After a decision the request is no longer examined: no consultation, the file is corrected only. */
const CORRECTIONS = [
  ...FILING,
  "header_amended",
  "facts_amended",
  "assigned",
] as const satisfies readonly CaseMove[];

const DECISIONS = {
  "decided:granted": "granted",
  "decided:partially_granted": "partially_granted",
  "decided:refused": "refused",
} as const satisfies Partial<Record<CaseMove, CaseStatus>>;

/**
 * The person's custody and consent in an extradition case, in either direction: for an
 * outgoing request the arrest happens abroad, often on our Red Notice before our formal
 * request is sent, and we record it all the same because the foreign clocks run from it.
 */
const CUSTODY_BEFORE_DECISION = [
  "provisional_arrest",
  "released",
  "consent_recorded",
] as const satisfies readonly CaseMove[];

/**
 * An incoming request before its decision. The case opens in "received" when the request
 * (or, for extradition, a provisional arrest ahead of it) reaches us; the `received` event
 * records the date the request itself arrived, once, whenever it is entered: for
 * extradition after a provisional arrest it typically comes while the case is already
 * registered and examined. It is needed before a decision (guard below).
 *
 * Registration comes before assignment: the registry numbers a request before a
 * prosecutor is given it, which is also why `assigned` is what starts the examination.
 * The examination and the wait for additional information alternate; the requested
 * side may decide while still waiting (E24-13: it fixes a time limit and decides on what it
 * has when the limit passes), and the request for information then stays unanswered.
 */
const INCOMING_BEFORE_DECISION: StatusRows = {
  received: {
    keeps: [...CASEWORK, "received"],
    moves: { registered: "registered", withdrawn: "withdrawn" },
  },
  registered: {
    keeps: [...CASEWORK, "received", "assurance_recorded"],
    moves: { assigned: "under_examination", withdrawn: "withdrawn" },
  },
  under_examination: {
    keeps: [...CASEWORK, "received", "assigned", "assurance_recorded", "information_received"],
    moves: { information_requested: "awaiting_information", ...DECISIONS, withdrawn: "withdrawn" },
  },
  awaiting_information: {
    keeps: [...CASEWORK, "received", "assigned", "assurance_recorded", "information_requested"],
    moves: { information_received: "under_examination", ...DECISIONS, withdrawn: "withdrawn" },
  },
};

/**
 * An outgoing request before the foreign decision. `received` here is the requested
 * state's acknowledgment of receipt, which starts its examination; it may never come, and
 * the foreign side may ask for more or decide straight after our sending.
 * `information_requested` is the foreign side asking us for more, and
 * `information_received` our answer reaching it.
 */
const OUTGOING_BEFORE_DECISION: StatusRows = {
  draft: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded"],
    moves: { sent: "sent", withdrawn: "withdrawn" },
  },
  sent: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded"],
    moves: {
      received: "under_examination",
      information_requested: "awaiting_information",
      ...DECISIONS,
      withdrawn: "withdrawn",
    },
  },
  under_examination: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded", "received", "information_received"],
    moves: { information_requested: "awaiting_information", ...DECISIONS, withdrawn: "withdrawn" },
  },
  awaiting_information: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded", "received", "information_requested"],
    moves: { information_received: "under_examination", ...DECISIONS, withdrawn: "withdrawn" },
  },
};

/**
 * Withdrawal and closing are the same for every kind: a withdrawn case is closed (or
 * reopened if the withdrawal is revoked); a closed case takes only filing and, when a
 * refused own national's prosecution is asked for later, a follow-up. Reopening brings
 * the request back to examination.
 */
const ENDINGS: StatusRows = {
  withdrawn: {
    keeps: FILING,
    moves: { closed: "closed", reopened: "under_examination" },
  },
  closed: {
    keeps: [...FILING, "follow_up_opened"],
    moves: { reopened: "under_examination" },
  },
};

/**
 * Assistance (MLA, transfer of proceedings, preservation, asset recovery) after the
 * decision: the first measure change starts the execution, and the change that settles
 * the last open measure (executed, partially executed, refused or withdrawn) completes
 * it. A granted request with nothing to execute may be closed at once. The execution may
 * still need information from the other side, which does not send the case back to
 * examination. A refused request records its measures as refused and may lead to a
 * follow-up (E24-6.2-style prosecution at home), then is closed.
 */
const ASSISTANCE_AFTER_DECISION: StatusRows = {
  granted: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded", "information_received"],
    moves: {
      measure_status_changed: "in_execution",
      "measure_status_changed:completing": "executed",
      withdrawn: "withdrawn",
      closed: "closed",
    },
  },
  partially_granted: {
    keeps: [...CASEWORK, "assigned", "assurance_recorded", "information_received", "follow_up_opened"],
    moves: {
      measure_status_changed: "in_execution",
      "measure_status_changed:completing": "executed",
      withdrawn: "withdrawn",
      closed: "closed",
    },
  },
  in_execution: {
    keeps: [
      ...CASEWORK,
      "assigned",
      "assurance_recorded",
      "measure_status_changed",
      "information_requested",
      "information_received",
      "follow_up_opened",
    ],
    moves: { "measure_status_changed:completing": "executed", withdrawn: "withdrawn" },
  },
  refused: {
    keeps: [...CORRECTIONS, "measure_status_changed", "follow_up_opened"],
    moves: { closed: "closed" },
  },
  executed: {
    keeps: [...CORRECTIONS, "asset_stage_changed", "follow_up_opened"],
    moves: { closed: "closed" },
  },
  ...ENDINGS,
};

/**
 * Extradition after the decision: setting the surrender date starts the execution (and
 * may be set again: E24-18.5, force majeure), the surrender ends it. Surrender may also
 * follow the grant directly when no date was formally set. The person may be arrested
 * for surrender and must be released when refused, when the case is withdrawn, or when
 * not taken over in time (E24-18.4). Execution may become impossible (death, escape:
 * E24-20), so an extradition in execution can be closed; the custody guard keeps a case
 * with someone in custody open. Seized property is handed over as measures, which never
 * move the case (there is no "executed" status in extradition).
 */
const EXTRADITION_AFTER_DECISION: StatusRows = {
  granted: {
    keeps: [
      ...CASEWORK,
      "assigned",
      "assurance_recorded",
      "information_received",
      "measure_status_changed",
      "provisional_arrest",
      "released",
    ],
    moves: {
      surrender_date_set: "in_execution",
      surrendered: "surrendered",
      withdrawn: "withdrawn",
      closed: "closed",
    },
  },
  partially_granted: {
    keeps: [
      ...CASEWORK,
      "assigned",
      "assurance_recorded",
      "information_received",
      "measure_status_changed",
      "provisional_arrest",
      "released",
      "follow_up_opened",
    ],
    moves: {
      surrender_date_set: "in_execution",
      surrendered: "surrendered",
      withdrawn: "withdrawn",
      closed: "closed",
    },
  },
  in_execution: {
    keeps: [
      ...CASEWORK,
      "assigned",
      "assurance_recorded",
      "information_requested",
      "information_received",
      "measure_status_changed",
      "surrender_date_set",
      "provisional_arrest",
      "released",
      "follow_up_opened",
    ],
    moves: { surrendered: "surrendered", withdrawn: "withdrawn", closed: "closed" },
  },
  refused: {
    keeps: [...CORRECTIONS, "measure_status_changed", "released", "follow_up_opened"],
    moves: { closed: "closed" },
  },
  surrendered: {
    keeps: [...CORRECTIONS, "measure_status_changed", "asset_stage_changed", "follow_up_opened"],
    moves: { closed: "closed" },
  },
  withdrawn: {
    keeps: [...FILING, "released"],
    moves: { closed: "closed", reopened: "under_examination" },
  },
  closed: ENDINGS.closed,
};

/** The same rows with more events kept in the statuses named. */
function withKeeps(
  rows: StatusRows,
  statuses: readonly CaseStatus[],
  moves: readonly CaseMove[],
): StatusRows {
  const out: StatusRows = { ...rows };
  for (const status of statuses) {
    const row = rows[status];
    if (row) out[status] = { ...row, keeps: [...(row.keeps ?? []), ...moves] };
  }
  return out;
}

/** The same rows with more moves in the statuses named. */
function withMoves(
  rows: StatusRows,
  statuses: readonly CaseStatus[],
  moves: Partial<Record<CaseMove, CaseStatus>>,
): StatusRows {
  const out: StatusRows = { ...rows };
  for (const status of statuses) {
    const row = rows[status];
    if (row) out[status] = { ...row, moves: { ...row.moves, ...moves } };
  }
  return out;
}

const BEFORE_INCOMING_DECISION: readonly CaseStatus[] = [
  "received",
  "registered",
  "under_examination",
  "awaiting_information",
];
const BEFORE_OUTGOING_DECISION: readonly CaseStatus[] = [
  "draft",
  "sent",
  "under_examination",
  "awaiting_information",
];

/**
 * Asset recovery executes through the assets themselves: the first freezing or
 * confiscation after the grant starts the execution, as a measure change does.
 */
const ASSET_RECOVERY_AFTER_DECISION = withMoves(ASSISTANCE_AFTER_DECISION, ["granted", "partially_granted"], {
  asset_stage_changed: "in_execution",
});

/**
 * Expedited preservation is carried out at once, before the request is formally decided
 * (Budapest art. 29(3): preservation does not wait for dual criminality), so measures
 * change while the request is still being examined; only the decision moves the case.
 */
const PRESERVATION_INCOMING_BEFORE_DECISION = withKeeps(
  INCOMING_BEFORE_DECISION,
  ["registered", "under_examination", "awaiting_information"],
  ["measure_status_changed"],
);

function machine(kind: CaseKind, direction: Direction, rows: StatusRows): StateMachine {
  return { kind, direction, initial: direction === "incoming" ? "received" : "draft", rows };
}

export const STATE_MACHINES: Record<CaseKind, Record<Direction, StateMachine>> = {
  mla: {
    incoming: machine("mla", "incoming", { ...INCOMING_BEFORE_DECISION, ...ASSISTANCE_AFTER_DECISION }),
    outgoing: machine("mla", "outgoing", { ...OUTGOING_BEFORE_DECISION, ...ASSISTANCE_AFTER_DECISION }),
  },
  extradition: {
    incoming: machine("extradition", "incoming", {
      ...withKeeps(INCOMING_BEFORE_DECISION, BEFORE_INCOMING_DECISION, CUSTODY_BEFORE_DECISION),
      ...EXTRADITION_AFTER_DECISION,
    }),
    outgoing: machine("extradition", "outgoing", {
      ...withKeeps(OUTGOING_BEFORE_DECISION, BEFORE_OUTGOING_DECISION, CUSTODY_BEFORE_DECISION),
      ...EXTRADITION_AFTER_DECISION,
    }),
  },
  asset_recovery: {
    incoming: machine("asset_recovery", "incoming", {
      ...INCOMING_BEFORE_DECISION,
      ...ASSET_RECOVERY_AFTER_DECISION,
    }),
    outgoing: machine("asset_recovery", "outgoing", {
      ...OUTGOING_BEFORE_DECISION,
      ...ASSET_RECOVERY_AFTER_DECISION,
    }),
  },
  transfer_of_proceedings: {
    incoming: machine("transfer_of_proceedings", "incoming", {
      ...INCOMING_BEFORE_DECISION,
      ...ASSISTANCE_AFTER_DECISION,
    }),
    outgoing: machine("transfer_of_proceedings", "outgoing", {
      ...OUTGOING_BEFORE_DECISION,
      ...ASSISTANCE_AFTER_DECISION,
    }),
  },
  preservation_of_data: {
    incoming: machine("preservation_of_data", "incoming", {
      ...PRESERVATION_INCOMING_BEFORE_DECISION,
      ...ASSISTANCE_AFTER_DECISION,
    }),
    outgoing: machine("preservation_of_data", "outgoing", {
      ...OUTGOING_BEFORE_DECISION,
      ...ASSISTANCE_AFTER_DECISION,
    }),
  },
};

export function stateMachineFor(kind: CaseKind, direction: Direction): StateMachine {
  return STATE_MACHINES[kind][direction];
}

export function initialStatus(header: Pick<CaseHeader, "kind" | "direction">): CaseStatus {
  return stateMachineFor(header.kind, header.direction).initial;
}

function statusMoves(row: StatusRow | undefined): [CaseMove, CaseStatus][] {
  return Object.entries(row?.moves ?? {}) as [CaseMove, CaseStatus][];
}

/** The statuses the machine can reach from its initial status, in CASE_STATUSES order. */
export function statusesFor(kind: CaseKind, direction: Direction): CaseStatus[] {
  const machine = stateMachineFor(kind, direction);
  const reached = new Set<CaseStatus>([machine.initial]);
  const queue: CaseStatus[] = [machine.initial];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const [, target] of statusMoves(machine.rows[status])) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return CASE_STATUSES.filter((status) => reached.has(status));
}

/** Every status a case can be in, whatever its kind: the web app's filter. */
export function allReachableStatuses(): CaseStatus[] {
  const reached = new Set(
    CASE_KINDS.flatMap((kind) => DIRECTIONS.flatMap((direction) => statusesFor(kind, direction))),
  );
  return CASE_STATUSES.filter((status) => reached.has(status));
}

// Facts that events change, shared with the projection.

/** A measure in one of these has been dealt with: it no longer changes, and counts towards completion. */
export const SETTLED_MEASURE_STATUSES: readonly MeasureStatus[] = [
  "executed",
  "partially_executed",
  "refused",
  "withdrawn",
];

export function isSettledMeasure(status: MeasureStatus): boolean {
  return SETTLED_MEASURE_STATUSES.includes(status);
}

/**
 * An asset moves forward only: identified, traced, frozen, confiscated, returned. It may
 * skip a stage (cash seized and frozen at once) and stay at one (a freezing order renewed),
 * and it may be released from any stage. Returned and released are ends: an asset seized
 * again after a release is recorded as a new asset, so that each stage history is one line.
 */
const ASSET_STAGE_ORDER: Record<AssetStage, number> = {
  identified: 0,
  traced: 1,
  frozen: 2,
  confiscated: 3,
  returned: 4,
  shared: 4,
  released: 4,
};
export const FINAL_ASSET_STAGES: readonly AssetStage[] = ["returned", "shared", "released"];

/**
 * Whether a custody period concerns the person an event names. Most extradition cases
 * concern one person and many events leave the person unnamed, so an unnamed person on
 * either side matches.
 */
function samePerson(left: string | null | undefined, right: string | null | undefined): boolean {
  return left === null || left === undefined || right === null || right === undefined || left === right;
}

/** The custody still running for the person named (or anyone, when unnamed), latest first. */
export function runningCustody(
  detention: Detention | null,
  personId: string | null | undefined,
): CustodyPeriod | undefined {
  return detention?.custody.findLast(
    (period) => period.endedOn === null && samePerson(period.personId, personId),
  );
}

// Guards.

export type TransitionRefusalCode = "illegal_transition" | "invalid_reference";
export type TransitionRefusal = { ok: false; code: TransitionRefusalCode; message: string };
export type TransitionCheck = { ok: true; status: CaseStatus } | TransitionRefusal;

const illegal = (message: string): TransitionRefusal => ({ ok: false, code: "illegal_transition", message });
const invalidReference = (message: string): TransitionRefusal => ({
  ok: false,
  code: "invalid_reference",
  message,
});

const KIND_NAMES: Record<CaseKind, string> = {
  mla: "MLA",
  extradition: "extradition",
  asset_recovery: "asset recovery",
  transfer_of_proceedings: "transfer of proceedings",
  preservation_of_data: "preservation of data",
};

/** "An incoming extradition case": both directions begin with a vowel. */
function caseLabel(header: Pick<CaseHeader, "kind" | "direction">): string {
  return `An ${header.direction} ${KIND_NAMES[header.kind]} case`;
}

/** Completes "... cannot ___". */
const EVENT_VERBS: Record<CaseEventType, string> = {
  opened: "be opened again",
  header_amended: "have its header amended",
  facts_amended: "have its facts amended",
  received: 'be "received"',
  registered: 'be "registered"',
  sent: 'be "sent"',
  assigned: 'be "assigned"',
  information_requested: "have information requested",
  information_received: "record information received",
  consultation_held: "record a consultation",
  provisional_arrest: "record a provisional arrest",
  released: "record a release from custody",
  consent_recorded: "record the person's consent",
  assurance_recorded: "record an assurance",
  decided: 'be "decided"',
  measure_status_changed: "change a measure's status",
  asset_stage_changed: "change an asset's stage",
  surrender_date_set: "have a surrender date set",
  surrendered: "record a surrender",
  correspondence_logged: "log correspondence",
  follow_up_opened: "open a follow-up",
  document_added: "take a new document",
  withdrawn: 'be "withdrawn"',
  closed: 'be "closed"',
  reopened: 'be "reopened"',
};

/** The steps a hint proposes, as instructions. */
const MOVE_HINTS: Partial<Record<CaseMove, string>> = {
  received: 'record "received"',
  registered: "register it",
  assigned: "assign it",
  sent: "send it",
  information_requested: "request information",
  information_received: "record the information received",
  "decided:granted": "grant it",
  "decided:partially_granted": "grant it in part",
  "decided:refused": "refuse it",
  measure_status_changed: "start executing a measure",
  "measure_status_changed:completing": "settle every measure",
  asset_stage_changed: "move an asset to its next stage",
  surrender_date_set: "set the surrender date",
  surrendered: "record the surrender",
  reopened: "reopen it",
};

type Guard<T extends CaseEventType> = {
  /** Holds whatever the payload says: it also decides whether the event is offered. */
  always?: (projection: CaseProjection) => TransitionRefusal | null;
  payload?: (projection: CaseProjection, payload: CaseEventPayload<T>) => TransitionRefusal | null;
};

function personProblem(
  projection: CaseProjection,
  personId: string | null | undefined,
): TransitionRefusal | null {
  if (personId === null || personId === undefined) return null;
  return projection.facts.persons.some((person) => person.id === personId)
    ? null
    : invalidReference(`Person "${personId}" is not among the case's persons.`);
}

const GUARDS: { [T in CaseEventType]?: Guard<T> } = {
  header_amended: {
    payload: (projection, { header }) => headerProblem(mergeHeader(projection.header, header)),
  },
  facts_amended: {
    payload: (_projection, { facts }) => factsProblem(facts),
  },
  received: {
    always: (projection) =>
      projection.receivedOn === null
        ? null
        : illegal(
            projection.header.direction === "incoming"
              ? `The request's receipt is already recorded (on ${projection.receivedOn}).`
              : `The requested state's acknowledgment of receipt is already recorded (on ${projection.receivedOn}).`,
          ),
  },
  information_received: {
    always: (projection) =>
      projection.informationRequests.some((request) => request.receivedOn === null)
        ? null
        : invalidReference("There is no outstanding request for information to answer."),
  },
  provisional_arrest: {
    payload: (projection, { personId }) => {
      const problem = personProblem(projection, personId);
      if (problem) return problem;
      const running = runningCustody(projection.detention, personId);
      return running
        ? illegal(
            `${running.personId ? `Person "${running.personId}" is` : "The person is"} already in custody since ${running.arrestedOn}; record the release first.`,
          )
        : null;
    },
  },
  released: {
    always: (projection) =>
      runningCustody(projection.detention, null)
        ? null
        : invalidReference("No one is in custody in this case: a release needs a prior arrest."),
    payload: (projection, { personId }) =>
      personProblem(projection, personId) ??
      (runningCustody(projection.detention, personId)
        ? null
        : invalidReference(
            `Person "${personId}" is not in custody in this case: a release needs a prior arrest.`,
          )),
  },
  consent_recorded: {
    payload: (projection, { personId }) => {
      const problem = personProblem(projection, personId);
      if (problem) return problem;
      const earlier = projection.detention?.consents.find((consent) =>
        samePerson(consent.personId, personId),
      );
      return earlier ? illegal(`The person's consent is already recorded (on ${earlier.on}).`) : null;
    },
  },
  decided: {
    always: (projection) => {
      const { header } = projection;
      if (header.direction !== "incoming" || projection.receivedOn !== null) return null;
      // Simplified extradition (CETS 209 art. 4) needs no formal request once the person consents.
      if (header.kind === "extradition" && projection.detention?.consentedOn) return null;
      return illegal(
        `${caseLabel(header)} cannot be "decided" before the request's receipt is recorded; record "received" with the date it arrived${header.kind === "extradition" ? ", or the person's consent to simplified extradition" : ""}.`,
      );
    },
  },
  measure_status_changed: {
    always: (projection) =>
      projection.facts.measures.some((measure) => !isSettledMeasure(measure.status))
        ? null
        : invalidReference("The case has no measure left to change: every measure is settled."),
    payload: (projection, { measureId, status }) => {
      const measure = projection.facts.measures.find((candidate) => candidate.id === measureId);
      if (!measure) return invalidReference(`Measure "${measureId}" is not among the case's measures.`);
      if (isSettledMeasure(measure.status))
        return invalidReference(
          `Measure "${measureId}" is already "${measure.status}"; a settled measure does not change.`,
        );
      if (status === "requested")
        return invalidReference(`Measure "${measureId}" cannot go back to "requested".`);
      return null;
    },
  },
  asset_stage_changed: {
    always: (projection) =>
      projection.facts.assets.some((asset) => !FINAL_ASSET_STAGES.includes(asset.stage))
        ? null
        : invalidReference(
            "The case has no asset left to move: every asset is returned, shared or released.",
          ),
    payload: (projection, { assetId, stage }) => {
      const asset = projection.facts.assets.find((candidate) => candidate.id === assetId);
      if (!asset) return invalidReference(`Asset "${assetId}" is not among the case's assets.`);
      if (FINAL_ASSET_STAGES.includes(asset.stage))
        return invalidReference(`Asset "${assetId}" is already "${asset.stage}"; it does not change again.`);
      if (stage !== "released" && ASSET_STAGE_ORDER[stage] < ASSET_STAGE_ORDER[asset.stage])
        return invalidReference(
          `Asset "${assetId}" is "${asset.stage}" and cannot go back to "${stage}" (trace, freeze, confiscate, return).`,
        );
      return null;
    },
  },
  surrendered: {
    payload: (projection, { personId }) => personProblem(projection, personId),
  },
  follow_up_opened: {
    always: (projection) => {
      const outcome = projection.decisions.at(-1)?.outcome;
      return outcome === "refused" || outcome === "partially_granted"
        ? null
        : illegal("A follow-up is opened after a full or partial refusal, and this case has none.");
    },
  },
  document_added: {
    payload: (projection, { documentId }) =>
      projection.documents.some((document) => document.documentId === documentId)
        ? invalidReference(`Document ${documentId} is already in the case.`)
        : null,
  },
  closed: {
    always: (projection) =>
      runningCustody(projection.detention, null)
        ? illegal(
            `${caseLabel(projection.header)} cannot be "closed" while the person is in custody; record the release or the surrender first.`,
          )
        : null,
  },
  reopened: {
    always: (projection) => {
      const { header } = projection;
      if (header.direction === "incoming" && projection.registeredOn === null)
        return illegal(
          `${caseLabel(header)} that was never registered cannot be "reopened"; open a new case for the request.`,
        );
      if (header.direction === "outgoing" && projection.sentOn === null)
        return illegal(
          `${caseLabel(header)} that was never sent cannot be "reopened"; open a new draft instead.`,
        );
      return null;
    },
  },
};

/** A header amendment changes the fields it names; `null` clears a field, a missing field stays. */
export function mergeHeader(
  header: CaseHeader,
  amendment: CaseEventPayload<"header_amended">["header"],
): CaseHeader {
  const merged: Record<string, unknown> = { ...header };
  for (const [field, value] of Object.entries(amendment)) if (value !== undefined) merged[field] = value;
  return merged as CaseHeader;
}

function headerProblem(header: CaseHeader): TransitionRefusal | null {
  return header.requestingState === header.requestedState
    ? invalidReference(
        `The requesting and the requested state must differ (both are ${header.requestingState}).`,
      )
    : null;
}

/** Ids are what events refer to, so they must be unique, and persons named in facts must exist. */
export function factsProblem(facts: CaseFacts): TransitionRefusal | null {
  const collections: [string, readonly { id: string }[]][] = [
    ["offence", facts.offences],
    ["person", facts.persons],
    ["measure", facts.measures],
    ["asset", facts.assets],
    ["notice", facts.notices],
    ["warrant", facts.warrants],
  ];
  for (const [name, items] of collections) {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (seen.has(id)) return invalidReference(`Two ${name}s have the same id "${id}".`);
      seen.add(id);
    }
  }
  const persons = new Set(facts.persons.map((person) => person.id));
  for (const [name, items] of [
    ["Notice", facts.notices],
    ["Warrant", facts.warrants],
  ] as const) {
    for (const item of items) {
      if (item.personId && !persons.has(item.personId))
        return invalidReference(
          `${name} "${item.id}" names person "${item.personId}", who is not among the case's persons.`,
        );
    }
  }
  return null;
}

/** The moves an event may be, finest first: the row is searched in this order. */
function movesOf(projection: CaseProjection, input: CaseEventInput): CaseMove[] {
  switch (input.type) {
    case "opened":
      return [];
    case "decided":
      return [`decided:${input.payload.outcome}`];
    case "measure_status_changed":
      return completesExecution(projection.facts, input.payload)
        ? ["measure_status_changed:completing", "measure_status_changed"]
        : ["measure_status_changed"];
    default:
      return [input.type];
  }
}

/** Whether this change settles the last open measure (and there was one to settle). */
function completesExecution(facts: CaseFacts, change: CaseEventPayload<"measure_status_changed">): boolean {
  const measure = facts.measures.find((candidate) => candidate.id === change.measureId);
  if (!measure || isSettledMeasure(measure.status) || !isSettledMeasure(change.status)) return false;
  return facts.measures.every((other) => other.id === change.measureId || isSettledMeasure(other.status));
}

/** Every move an event type can be. */
function movesOfType(type: CaseEventType): CaseMove[] {
  switch (type) {
    case "opened":
      return [];
    case "decided":
      return ["decided:granted", "decided:partially_granted", "decided:refused"];
    case "measure_status_changed":
      return ["measure_status_changed", "measure_status_changed:completing"];
    default:
      return [type];
  }
}

function lookUp(
  row: StatusRow | undefined,
  status: CaseStatus,
  moves: readonly CaseMove[],
): CaseStatus | null {
  for (const move of moves) {
    const target = row?.moves?.[move];
    if (target) return target;
    if (row?.keeps?.includes(move)) return status;
  }
  return null;
}

function machineNames(machine: StateMachine, type: CaseEventType): boolean {
  const moves = movesOfType(type);
  return Object.values(machine.rows).some(
    (row) =>
      moves.some((move) => row.moves?.[move] !== undefined) ||
      moves.some((move) => row.keeps?.includes(move)),
  );
}

/**
 * The shortest list of forward steps after which the event would be allowed. Withdrawal
 * and closing are never proposed: they are decisions, not ways round a refusal.
 */
function pathTo(machine: StateMachine, from: CaseStatus, type: CaseEventType): CaseMove[] | null {
  const wanted = movesOfType(type);
  const allowedIn = (status: CaseStatus) => lookUp(machine.rows[status], status, wanted) !== null;
  const previous = new Map<CaseStatus, { from: CaseStatus; move: CaseMove } | null>([[from, null]]);
  const queue: CaseStatus[] = [from];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    if (status !== from && allowedIn(status)) {
      const steps: CaseMove[] = [];
      for (let step = previous.get(status); step; step = previous.get(step.from)) steps.unshift(step.move);
      return steps;
    }
    for (const [move, target] of statusMoves(machine.rows[status])) {
      if (move === "withdrawn" || move === "closed" || MOVE_HINTS[move] === undefined) continue;
      if (!previous.has(target)) {
        previous.set(target, { from: status, move });
        queue.push(target);
      }
    }
  }
  return null;
}

function tableRefusal(
  machine: StateMachine,
  projection: CaseProjection,
  type: CaseEventType,
): TransitionRefusal {
  const subject = caseLabel(projection.header);
  if (!machineNames(machine, type))
    return illegal(`"${type}" does not apply to ${subject.replace(/^An/, "an")}.`);
  const refused = `${subject} that is "${projection.status}" cannot ${EVENT_VERBS[type]}`;
  const steps = pathTo(machine, projection.status, type);
  if (steps && steps.length > 0) {
    const hints = steps.map((move) => MOVE_HINTS[move] as string);
    const last = hints.pop() as string;
    return illegal(`${refused}; ${hints.length > 0 ? `${hints.join(", ")} and ${last}` : last} first.`);
  }
  const offered = allowedEventTypes(projection);
  return illegal(
    `${refused}. ${offered.length > 0 ? `Allowed now: ${offered.map((allowed) => `"${allowed}"`).join(", ")}.` : "Nothing more can be recorded."}`,
  );
}

function guardRefusal(projection: CaseProjection, input: CaseEventInput): TransitionRefusal | null {
  const guard = GUARDS[input.type] as Guard<typeof input.type> | undefined;
  if (!guard) return null;
  return guard.always?.(projection) ?? guard.payload?.(projection, input.payload as never) ?? null;
}

/**
 * Whether the event may be appended to the case, and the status it leads to. `null` for a
 * case not yet opened: only `opened` is accepted then. The payload is taken as already
 * validated by its schema; this checks what the schema cannot see: the case's status,
 * and the facts and history the event refers to.
 */
export function checkTransition(projection: CaseProjection | null, input: CaseEventInput): TransitionCheck {
  if (projection === null) {
    if (input.type !== "opened")
      return illegal(`A case begins with "opened"; "${input.type}" cannot be its first event.`);
    const problem = headerProblem(input.payload.header) ?? factsProblem(input.payload.facts);
    return problem ?? { ok: true, status: initialStatus(input.payload.header) };
  }
  if (input.type === "opened")
    return illegal(`Case ${projection.header.reference} is already opened; it cannot be opened again.`);
  const machine = stateMachineFor(projection.header.kind, projection.header.direction);
  const status = lookUp(machine.rows[projection.status], projection.status, movesOf(projection, input));
  if (status === null) return tableRefusal(machine, projection, input.type);
  return guardRefusal(projection, input) ?? { ok: true, status };
}

/** Event types recorded by the server itself, never offered as a button. */
export const SERVER_RECORDED_EVENT_TYPES: readonly CaseEventType[] = ["opened", "follow_up_opened"];

/**
 * The events the case's status allows and whose payload-independent guards hold: what
 * the web app offers. An event listed may still be refused for its payload (an unknown
 * measure); one not listed is refused whatever its payload. `follow_up_opened` is listed
 * when allowed, for the server; the web app leaves out SERVER_RECORDED_EVENT_TYPES.
 */
export function allowedEventTypes(projection: CaseProjection): CaseEventType[] {
  const machine = stateMachineFor(projection.header.kind, projection.header.direction);
  const row = machine.rows[projection.status];
  return CASE_EVENT_TYPES.filter((type) => {
    if (lookUp(row, projection.status, movesOfType(type)) === null) return false;
    const guard = GUARDS[type] as Guard<typeof type> | undefined;
    return !guard?.always?.(projection);
  });
}

import type { StateCode } from "../directory/state-codes.js";
import type { Instant, IsoDate, PartialIsoDate } from "../platform/dates.js";
import type { ActionStatus, CommitmentKind, InvitationDirection, InvitationStatus } from "./vocabulary.js";

/**
 * The engagements feature's data as it is stored: what the tables' JSON columns hold
 * (src/db/engagements/engagements.table.ts). Types only.
 */

/** A source of an engagement or an outcome, as stored. */
export type EngagementSource = { url: string | null; title: string | null; publishedOn: IsoDate | null };

/** One change of an action item, appended to its history. */
export type ActionItemEvent = {
  at: Instant;
  /** The user name of who changed it; null for the server's operator (the `comity` command). */
  by: string | null;
  status: ActionStatus;
  dueOn: IsoDate;
  /** "user:<id>" or "team:<id>". */
  owner: string;
  note: string | null;
};

/** The fields of each kind of outcome that are not columns of their own (links are columns). */
export type OutcomeDetails =
  | { kind: "instrument_signed" }
  | { kind: "programme_adopted" }
  | { kind: "commitment"; commitmentKind: CommitmentKind; textEn: string; textRu: string | null }
  | {
      kind: "invitation";
      direction: InvitationDirection;
      counterpart: string;
      counterpartState: StateCode | null;
      eventEn: string;
      eventRu: string | null;
      expectedOn: PartialIsoDate | null;
      status: InvitationStatus;
      answeredOn: IsoDate | null;
      answerNote: string | null;
    }
  | { kind: "statement"; titleEn: string; titleRu: string | null; text: string | null; url: string | null }
  | { kind: "case_discussed" };

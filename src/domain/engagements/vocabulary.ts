/**
 * The words of the engagements feature: visits, meetings and what they produced.
 * Constants and their types only; the server, the database checks and the web app read them.
 */

/** What kind of engagement: who travels, or how the sides meet. */
export const ENGAGEMENT_KINDS = [
  "incoming_visit",
  "outgoing_visit",
  "bilateral_meeting",
  "multilateral_meeting",
  "conference",
  "call",
  "working_group",
  "signing_ceremony",
  "other",
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Where an engagement stands. Planned ones may be postponed or cancelled; held ones have outcomes. */
export const ENGAGEMENT_STATUSES = ["planned", "held", "postponed", "cancelled"] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/**
 * How precisely the sources date an engagement: a day (or a range of days), or only a
 * month or a year ("in January 2021"). The stored range then covers the whole month or year.
 */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A participant's part in their delegation. */
export const PARTICIPANT_ROLES = ["head_of_delegation", "member", "host", "observer"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** What an engagement produced. */
export const OUTCOME_KINDS = [
  "instrument_signed",
  "programme_adopted",
  "commitment",
  "invitation",
  "statement",
  "case_discussed",
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** What was said across the table that someone now has to do: each becomes an action item. */
export const COMMITMENT_KINDS = ["commitment", "agreement", "proposal"] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** Whether the office extended the invitation or received it. */
export const INVITATION_DIRECTIONS = ["extended", "received"] as const;
export type InvitationDirection = (typeof INVITATION_DIRECTIONS)[number];

/** An invitation's answer; accepting one creates the planned engagement it invites to. */
export const INVITATION_STATUSES = ["pending", "accepted", "declined"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** An action item's life: open, in progress, then done or dropped (each with a closing note). */
export const ACTION_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ["done", "dropped"];

/** Days before an action item's due day on which its owner is reminded (then one overdue notice). */
export const ACTION_REMINDER_DAYS = [7, 1] as const;

/** An action item "due soon" on the home page: due within this many days. */
export const DUE_SOON_DAYS = 14;

/**
 * The registry's words. Each list is the single source for the database checks, the
 * API schemas, the CSV format and the web app's labels.
 */

export const INSTRUMENT_KINDS = [
  "treaty",
  "convention",
  "protocol",
  "memorandum",
  "cooperation_programme",
  "letter_of_intent",
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const SUBJECTS = [
  "extradition",
  "mla",
  "asset_recovery",
  "transfer_of_sentenced_persons",
  "transfer_of_proceedings",
  "cybercrime",
  "corruption",
  "organized_crime",
  "terrorism",
  "drug_trafficking",
  "money_laundering",
  "environmental_crime",
  "legal_training",
  "general_cooperation",
] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Who concluded it: states, governments, or agencies (prosecutors' offices, ministries). */
export const LEVELS = ["interstate", "intergovernmental", "interagency"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Reach, used to rank candidate legal bases: a bilateral treaty is cited before a
 * regional convention, which is cited before a universal one.
 */
export const SCOPES = ["bilateral", "plurilateral", "regional", "universal"] as const;
export type Scope = (typeof SCOPES)[number];
export const SCOPE_RANK: Record<Scope, number> = { bilateral: 1, plurilateral: 2, regional: 3, universal: 4 };

export const PARTY_TYPES = ["state", "agency", "organisation"] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** Ways of becoming bound (consent to be bound, Vienna Convention art. 11). */
export const CONSENT_ACTIONS = ["ratification", "acceptance", "approval", "accession", "succession"] as const;
/** Ways of ceasing to be bound, taking effect on `effectiveOn` (or the action's date). */
export const TERMINATING_ACTIONS = ["withdrawal", "denunciation", "expiry"] as const;

export const PARTY_ACTIONS = [
  "signature",
  ...CONSENT_ACTIONS,
  "entry_into_force",
  "reservation",
  "declaration",
  ...TERMINATING_ACTIONS,
  "suspension",
  "resumption",
] as const;
export type PartyActionKind = (typeof PARTY_ACTIONS)[number];

export const NEGOTIATION_STAGES = [
  "initiative",
  "mandate",
  "negotiation_round",
  "draft_agreed",
  "initialled",
  "approved_for_signature",
  "signed",
  "ratification_pending",
] as const;
export type NegotiationStage = (typeof NEGOTIATION_STAGES)[number];

/**
 * protocol_of: the newer instrument adds to the older; amends: it changes it;
 * supersedes: it replaces it between the parties bound by both (Chisinau 2002 and
 * Minsk 1993); aims_at: a programme or MoU prepares a treaty not yet concluded.
 */
export const RELATION_KINDS = ["protocol_of", "amends", "supersedes", "aims_at"] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Structured reservations and declarations; anything else is "other" with free text. */
export const RESERVATION_KINDS = [
  "own_nationals",
  "nationals_definition",
  "central_authority",
  "languages",
  "channels",
  "subject_exclusion",
  "other",
] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

export const CHANNELS = [
  "diplomatic",
  "central_authority",
  "direct_judicial",
  "interpol",
  "electronic",
] as const;

export const SOURCE_KINDS = [
  "document",
  "url",
  "press_release",
  "official_gazette",
  "treaty_database",
  "other",
] as const;

export const AGENCY_KINDS = [
  "prosecution_service",
  "ministry_of_justice",
  "court",
  "police",
  "fiu",
  "foreign_affairs",
  "other",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds of request the resolver answers for, and the subjects of instruments that cover each. */
export const REQUEST_KINDS = [
  "extradition",
  "mla",
  "asset_recovery",
  "transfer_of_proceedings",
  "transfer_of_sentenced_persons",
  "preservation_of_data",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const SUBJECTS_COVERING: Record<RequestKind, readonly Subject[]> = {
  extradition: ["extradition"],
  mla: ["mla"],
  asset_recovery: ["asset_recovery", "mla"],
  transfer_of_proceedings: ["transfer_of_proceedings"],
  transfer_of_sentenced_persons: ["transfer_of_sentenced_persons"],
  preservation_of_data: ["cybercrime", "mla"],
};

/** Subjects that limit an instrument to certain offences (a caveat when it is cited). */
export const OFFENCE_SUBJECTS: readonly Subject[] = [
  "cybercrime",
  "corruption",
  "organized_crime",
  "terrorism",
  "drug_trafficking",
  "money_laundering",
  "environmental_crime",
];

/** The relation of a partner to a chosen state, for the world map. */
export const MAP_RELATIONS = ["in_force", "signed", "negotiating", "mou_only", "none"] as const;
export type MapRelation = (typeof MAP_RELATIONS)[number];

/** Where a party stands towards an instrument on a date (status.ts computes it from the dated actions). */
export const PARTY_STATUSES = [
  "none",
  "signed",
  "consented",
  "in_force",
  "suspended",
  "withdrawn",
  "expired",
] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** Days before an instrument's term ends on which the registry's editors are reminded (then one "expired" notice). */
export const TERM_REMINDER_DAYS = [180, 90, 30] as const;

import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from "../platform/vocabulary.js";

/**
 * The words of cases. Each list is the single source for the database checks, the API
 * schemas, the import format and the web app's labels (en and ru).
 */

/** Kinds of case. Each kind and direction has its own state machine (state-machine.ts). */
export const CASE_KINDS = [
  "mla",
  "extradition",
  "asset_recovery",
  "transfer_of_proceedings",
  "preservation_of_data",
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Incoming: a foreign state asks us. Outgoing: we ask a foreign state. */
export const DIRECTIONS = ["incoming", "outgoing"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PRIORITIES = ["normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * Confidentiality, lowest first: the platform's levels, which a user's clearance also
 * uses. A user sees a case only if their clearance is at least the case's level (and
 * they are on its team, or their role reads every case).
 */
export { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel };
export const CONFIDENTIALITY_RANK: Record<ConfidentialityLevel, number> = {
  standard: 0,
  restricted: 1,
  secret: 2,
};

export const PERSON_ROLES = [
  "sought",
  "suspect",
  "accused",
  "convicted",
  "witness",
  "victim",
  "expert",
  "holder_of_assets",
  "other",
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Whether an extradition is sought to prosecute or to enforce a sentence (thresholds differ). */
export const EXTRADITION_PURPOSES = ["prosecution", "enforcement"] as const;
export type ExtraditionPurpose = (typeof EXTRADITION_PURPOSES)[number];

export const MEASURE_KINDS = [
  "service_of_documents",
  "witness_hearing",
  "suspect_interview",
  "videoconference_hearing",
  "search_and_seizure",
  "production_of_records",
  "bank_information",
  "expedited_preservation",
  "disclosure_of_traffic_data",
  "interception",
  "freezing",
  "confiscation",
  "return_of_assets",
  "transfer_of_evidence",
  "other",
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** Measures that compel: coercive measures need dual criminality more often (DOMAIN.md §4.10.2). */
export const COERCIVE_MEASURES: readonly MeasureKind[] = [
  "search_and_seizure",
  "bank_information",
  "disclosure_of_traffic_data",
  "interception",
  "freezing",
  "confiscation",
];

export const MEASURE_STATUSES = [
  "requested",
  "in_progress",
  "executed",
  "partially_executed",
  "refused",
  "withdrawn",
] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const ASSET_TYPES = [
  "bank_account",
  "real_estate",
  "vehicle",
  "vessel",
  "aircraft",
  "securities",
  "company_shares",
  "cash",
  "virtual_assets",
  "other",
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

/**
 * An asset's life: trace -> freeze -> confiscate -> return to the requesting state, or
 * share between the states (asset sharing, UNTOC art. 14(3)(b), UNCAC art. 57(5)); or
 * released at any point.
 */
export const ASSET_STAGES = [
  "identified",
  "traced",
  "frozen",
  "confiscated",
  "returned",
  "shared",
  "released",
] as const;
export type AssetStage = (typeof ASSET_STAGES)[number];

/** Whether a stage's amount is the asset's whole value or part of it (a partial freezing). */
export const ASSET_EXTENTS = ["whole", "partial"] as const;
export type AssetExtent = (typeof ASSET_EXTENTS)[number];

export const ASSURANCE_KINDS = [
  "death_penalty",
  "fair_trial",
  "prison_conditions",
  "no_torture",
  "return_to_serve_sentence",
  "speciality",
  "other",
] as const;
export type AssuranceKind = (typeof ASSURANCE_KINDS)[number];

export const WARRANT_KINDS = [
  "arrest_warrant",
  "detention_order",
  "conviction",
  "judgment",
  "court_order",
] as const;
export type WarrantKind = (typeof WARRANT_KINDS)[number];

export const CORRESPONDENCE_CHANNELS = [
  "diplomatic",
  "central_authority",
  "direct_judicial",
  "interpol",
  "email",
  "e_codex",
  "other",
] as const;
export type CorrespondenceChannel = (typeof CORRESPONDENCE_CHANNELS)[number];

/** Every status any state machine can project; each kind and direction uses a subset. */
export const CASE_STATUSES = [
  "draft",
  "sent",
  "received",
  "registered",
  "under_examination",
  "awaiting_information",
  "granted",
  "partially_granted",
  "refused",
  "in_execution",
  "executed",
  "surrendered",
  "withdrawn",
  "closed",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The statuses the list of cases offers as a filter: every status some kind and
 * direction can reach (a test compares it with the state machines of state-machine.ts).
 */
export const FILTER_STATUSES: readonly CaseStatus[] = CASE_STATUSES;

/**
 * The kinds of document a case accepts: the media type stored and served back for each,
 * and the extensions a file of that kind may have (document-types.ts checks the bytes).
 */
export const DOCUMENT_TYPES = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  jpg: { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  png: { mediaType: "image/png", extensions: ["png"] },
  txt: { mediaType: "text/plain; charset=utf-8", extensions: ["txt"] },
  eml: { mediaType: "message/rfc822", extensions: ["eml"] },
  msg: { mediaType: "application/vnd.ms-outlook", extensions: ["msg"] },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(DOCUMENT_TYPES).flatMap(
  (type) => type.extensions,
);

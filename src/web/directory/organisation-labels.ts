import type { TFunction } from "i18next";

/** Organisations of the membership snapshot, named in the interface language by code. */
export const ORGANISATION_CODES = [
  "AL",
  "ARF",
  "ASEAN",
  "AU",
  "BRICS",
  "CARICOM",
  "CE",
  "CIS",
  "CSTO",
  "EAEC",
  "EAEU",
  "EFTA",
  "EU",
  "FATF",
  "G-20",
  "G-7",
  "GCC",
  "INTERPOL",
  "NATO",
  "OAS",
  "OIC",
  "OSCE",
  "SCHENGEN_CONVENTION",
  "SCO",
  "UN",
] as const;
type OrganisationCode = (typeof ORGANISATION_CODES)[number];

// Dashes separate nothing in the translation files, but keep keys plain: "G-20" -> "G20".
const key = (code: OrganisationCode) => code.replaceAll("-", "") as "G20";

export function organisationName(code: string, nameEn: string, t: TFunction): string {
  const known = ORGANISATION_CODES.find((candidate) => candidate === code);
  return known ? t(`directory.organisations.names.${key(known)}`) : nameEn;
}

const STATUSES = {
  member: "member",
  observer: "observer",
  partner: "partner",
  associate: "associate",
  "associate member": "associateMember",
  "candidate country": "candidate",
  "de facto member": "deFactoMember",
  "dialogue member": "dialogueMember",
  "dialogue partner": "dialoguePartner",
  "participating member": "participatingMember",
  subbureau: "subbureau",
} as const;

export function membershipStatusLabel(status: string, t: TFunction): string {
  const found = (STATUSES as Record<string, (typeof STATUSES)[keyof typeof STATUSES]>)[status];
  return found ? t(`directory.organisations.statuses.${found}`) : status;
}

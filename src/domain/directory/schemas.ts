import { z } from "zod";

import { isoDateSchema } from "../platform/dates.js";
import { changeFieldsOf } from "../platform/schemas.js";
import { stateCodeSchema } from "./state-codes.js";

export const stateSchema = z
  .strictObject({
    code: stateCodeSchema,
    alpha3: z.string(),
    numeric: z.string().nullable(),
    nameEn: z.string(),
    nameRu: z.string(),
    officialNameEn: z.string().nullable(),
    officialNameRu: z.string().nullable(),
    region: z.string().nullable(),
    subRegion: z.string().nullable(),
    independent: z.boolean(),
  })
  .meta({ id: "State" });
export type State = z.infer<typeof stateSchema>;

export const stateListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
});
export const stateListSchema = z.strictObject({ states: z.array(stateSchema) });
export const stateParamsSchema = z.strictObject({ code: stateCodeSchema });

// --- agencies, people and positions -------------------------------------------------------

export const AGENCY_KINDS = [
  "prosecution_service",
  "ministry_of_justice",
  "court",
  "police",
  "fiu",
  "foreign_affairs",
  "other",
] as const;
export const agencyKindSchema = z.enum(AGENCY_KINDS);
const isoDate = isoDateSchema;
const text = (max: number) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

const agencyFields = {
  stateCode: stateCodeSchema,
  kind: agencyKindSchema,
  nameEn: text(500),
  nameRu: text(500),
  nameOriginal: text(500).nullish(),
  abbreviation: text(50).nullish(),
  parentAgencyId: z.uuid().nullish(),
  website: httpUrl.nullish(),
};
export const createAgencySchema = z.strictObject(agencyFields);
export const updateAgencySchema = z
  .strictObject(changeFieldsOf(agencyFields))
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "nothing to change",
  });

export const agencySchema = z
  .strictObject({
    id: z.uuid(),
    stateCode: stateCodeSchema,
    kind: agencyKindSchema,
    nameEn: z.string(),
    nameRu: z.string(),
    nameOriginal: z.string().nullable(),
    abbreviation: z.string().nullable(),
    parentAgencyId: z.string().nullable(),
    parentNameEn: z.string().nullable(),
    website: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Agency" });
export type Agency = z.infer<typeof agencySchema>;
export const agencyListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  state: stateCodeSchema.optional(),
  kind: agencyKindSchema.optional(),
});
export const agencyListSchema = z.strictObject({ agencies: z.array(agencySchema) });

const personFields = { nameEn: text(300), nameRu: text(300), notes: text(4000).nullish() };
export const createPersonSchema = z.strictObject(personFields);
export const updatePersonSchema = z
  .strictObject({
    nameEn: personFields.nameEn.optional(),
    nameRu: personFields.nameRu.optional(),
    notes: personFields.notes,
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "nothing to change",
  });

export const createPositionSchema = z
  .strictObject({
    agencyId: z.uuid(),
    titleEn: text(300),
    titleRu: text(300),
    startOn: isoDate.nullable(),
    endOn: isoDate.nullish(),
    sourceUrl: httpUrl.nullish(),
  })
  .refine((value) => !value.startOn || !value.endOn || value.startOn <= value.endOn, {
    message: "ends before it starts",
    path: ["endOn"],
  });

export const positionSchema = z
  .strictObject({
    id: z.uuid(),
    personId: z.uuid(),
    agencyId: z.uuid(),
    agencyNameEn: z.string(),
    agencyNameRu: z.string(),
    stateCode: stateCodeSchema,
    titleEn: z.string(),
    titleRu: z.string(),
    startOn: isoDateSchema.nullable(),
    endOn: isoDateSchema.nullable(),
    sourceUrl: z.string().nullable(),
  })
  .meta({ id: "Position" });
export const personSchema = z
  .strictObject({
    id: z.uuid(),
    nameEn: z.string(),
    nameRu: z.string(),
    notes: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    positions: z.array(positionSchema),
  })
  .meta({ id: "Person" });
export type Person = z.infer<typeof personSchema>;
export const personListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  state: stateCodeSchema.optional(),
  agency: z.uuid().optional(),
  /** Only people holding a position on this date ("Prosecutor General of X on date D"). */
  on: isoDate.optional(),
  title: z.string().trim().max(200).optional(),
});
export const personListSchema = z.strictObject({ people: z.array(personSchema) });
export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const positionParamsSchema = z.strictObject({ id: z.uuid(), positionId: z.uuid() });

// --- international organisations ----------------------------------------------------------

export const organisationSchema = z
  .strictObject({
    code: z.string(),
    nameEn: z.string(),
    members: z.number().int(),
    asOf: isoDateSchema,
  })
  .meta({ id: "Organisation" });
export const organisationListSchema = z.strictObject({
  organisations: z.array(organisationSchema),
  asOf: isoDateSchema,
  note: z.string(),
});
export const membershipSchema = z.strictObject({
  organisationCode: z.string(),
  organisationNameEn: z.string(),
  status: z.string(),
  asOf: isoDateSchema,
});
export const stateDetailSchema = stateSchema.extend({
  memberships: z.array(membershipSchema),
  agencies: z.array(agencySchema),
});

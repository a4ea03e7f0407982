import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { parseCsvRecords } from "../../domain/platform/csv.js";
import { isoDateSchema } from "../../domain/platform/dates.js";
import { IDENTIFIER_SCHEMES } from "../../domain/registry/schemas.js";
import {
  INSTRUMENT_KINDS,
  LEVELS,
  RELATION_KINDS,
  SCOPES,
  SUBJECTS,
} from "../../domain/registry/vocabulary.js";
import { dataDir } from "../project-paths.js";

/**
 * The shipped catalogue (data/registry): instruments, their party lists, relations.
 * Reading is separate from loading so that the loader can skip an unchanged catalogue.
 */
export const CATALOGUE_DIR = path.join(dataDir, "registry");
export const CATALOGUE_DATASET = "registry-catalogue";

/** A row of instruments.csv, checked: a bad row stops the load with its line and field. */
const catalogueInstrumentSchema = z.strictObject({
  code: z.string().min(1),
  kind: z.enum(INSTRUMENT_KINDS),
  shortTitle: z.string().nullable(),
  titleEn: z.string().min(1),
  titleRu: z.string().nullable(),
  organisation: z.string().nullable(),
  identifiers: z.array(z.strictObject({ scheme: z.enum(IDENTIFIER_SCHEMES), value: z.string() })),
  openedForSignature: isoDateSchema.nullable(),
  place: z.string().nullable(),
  entryIntoForce: isoDateSchema.nullable(),
  entryIntoForceDelayDays: z.number().int().min(0).nullable(),
  subjects: z.array(z.enum(SUBJECTS)),
  scope: z.enum(SCOPES),
  level: z.enum(LEVELS),
  binding: z.boolean(),
  depositaryUrl: z.string().nullable(),
  verified: z.boolean(),
});
export type CatalogueInstrument = z.infer<typeof catalogueInstrumentSchema>;

const catalogueRelationSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  kind: z.enum(RELATION_KINDS),
  note: z.string().nullable(),
});

export type Catalogue = {
  instruments: CatalogueInstrument[];
  /** One CSV text per instrument code (parties/<CODE>.csv). */
  parties: { code: string; csv: string }[];
  relations: z.infer<typeof catalogueRelationSchema>[];
  checksum: string;
};

const empty = (value: string | undefined) => (value && value.trim() !== "" ? value.trim() : null);

function checked<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${where}, ${issue.path.join(".")}: ${issue.message}`);
}

export async function readCatalogue(dir = CATALOGUE_DIR): Promise<Catalogue> {
  const hash = createHash("sha256");
  const instrumentsText = await readFile(path.join(dir, "instruments.csv"), "utf8");
  const relationsText = await readFile(path.join(dir, "relations.csv"), "utf8");
  hash.update(instrumentsText).update(relationsText);
  const instruments = parseCsvRecords(instrumentsText).records.map(({ line, values }) =>
    checked(
      catalogueInstrumentSchema,
      {
        code: values.code!.trim(),
        kind: values.kind!.trim(),
        shortTitle: empty(values.short_title),
        titleEn: values.title_en!.trim(),
        titleRu: empty(values.title_ru),
        organisation: empty(values.organisation),
        identifiers: (values.identifiers ?? "")
          .split("|")
          .filter(Boolean)
          .map((pair) => {
            const [scheme, ...rest] = pair.split(":");
            return { scheme: scheme!, value: rest.join(":") };
          }),
        openedForSignature: empty(values.opened_for_signature),
        place: empty(values.place),
        entryIntoForce: empty(values.entry_into_force),
        entryIntoForceDelayDays: empty(values.entry_into_force_delay_days)
          ? Number(values.entry_into_force_delay_days)
          : null,
        subjects: (values.subjects ?? "")
          .split(";")
          .map((subject) => subject.trim())
          .filter(Boolean),
        scope: values.scope!.trim(),
        level: values.level!.trim(),
        binding: values.binding?.trim() === "true",
        depositaryUrl: empty(values.depositary_url),
        verified: values.verified?.trim() === "true",
      },
      `${CATALOGUE_DIR}/instruments.csv line ${line}`,
    ),
  );
  const partyFiles = (await readdir(path.join(dir, "parties")))
    .filter((name) => name.endsWith(".csv"))
    .sort();
  const parties = [];
  for (const name of partyFiles) {
    const csv = await readFile(path.join(dir, "parties", name), "utf8");
    hash.update(name).update(csv);
    parties.push({ code: name.replace(/\.csv$/, ""), csv });
  }
  const relations = parseCsvRecords(relationsText).records.map(({ line, values }) =>
    checked(
      catalogueRelationSchema,
      {
        from: values.from?.trim(),
        to: values.to?.trim(),
        kind: values.kind?.trim(),
        note: empty(values.note),
      },
      `${CATALOGUE_DIR}/relations.csv line ${line}`,
    ),
  );
  return { instruments, parties, relations, checksum: hash.digest("hex") };
}

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseCsvRecords } from "../../domain/platform/csv.js";
import { dataDir } from "../project-paths.js";

/**
 * The shipped catalogue (data/registry): instruments, their party lists, relations.
 * Reading is separate from loading so that the loader can skip an unchanged catalogue.
 */
export const CATALOGUE_DIR = path.join(dataDir, "registry");
export const CATALOGUE_DATASET = "registry-catalogue";

export type CatalogueInstrument = {
  code: string;
  kind: string;
  shortTitle: string | null;
  titleEn: string;
  titleRu: string | null;
  organisation: string | null;
  identifiers: { scheme: string; value: string }[];
  openedForSignature: string | null;
  place: string | null;
  entryIntoForce: string | null;
  entryIntoForceDelayDays: number | null;
  subjects: string[];
  scope: string;
  level: string;
  binding: boolean;
  depositaryUrl: string | null;
  verified: boolean;
};

export type Catalogue = {
  instruments: CatalogueInstrument[];
  /** One CSV text per instrument code (parties/<CODE>.csv). */
  parties: { code: string; csv: string }[];
  relations: { from: string; to: string; kind: string; note: string | null }[];
  checksum: string;
};

const empty = (value: string | undefined) => (value && value.trim() !== "" ? value.trim() : null);

export async function readCatalogue(dir = CATALOGUE_DIR): Promise<Catalogue> {
  const hash = createHash("sha256");
  const instrumentsText = await readFile(path.join(dir, "instruments.csv"), "utf8");
  const relationsText = await readFile(path.join(dir, "relations.csv"), "utf8");
  hash.update(instrumentsText).update(relationsText);
  const instruments = parseCsvRecords(instrumentsText).records.map(({ values }) => ({
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
  }));
  const partyFiles = (await readdir(path.join(dir, "parties")))
    .filter((name) => name.endsWith(".csv"))
    .sort();
  const parties = [];
  for (const name of partyFiles) {
    const csv = await readFile(path.join(dir, "parties", name), "utf8");
    hash.update(name).update(csv);
    parties.push({ code: name.replace(/\.csv$/, ""), csv });
  }
  const relations = parseCsvRecords(relationsText).records.map(({ values }) => ({
    from: values.from!.trim(),
    to: values.to!.trim(),
    kind: values.kind!.trim(),
    note: empty(values.note),
  }));
  return { instruments, parties, relations, checksum: hash.digest("hex") };
}

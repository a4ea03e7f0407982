import { readFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { states } from "../../db/directory/states.table.js";
import { dataDir } from "../../db/project-paths.js";
import { instruments } from "../../db/registry/instruments.table.js";
import { type OffenceCategory, parseOffenceCategories } from "../../domain/cases/offence-categories.js";
import type { Bilingual } from "../../domain/platform/schemas.js";
import { fixedLabel, NONE_KEY } from "../../domain/reports/labels.js";
import type { ReportDimension } from "../../domain/reports/vocabulary.js";

/**
 * The English and Russian label of every key a report shows: states from the directory,
 * instruments from the registry, offence categories from data/cases (read once per
 * process), everything else from src/domain/reports/labels.ts. A key nothing names is
 * shown as written (a category code not in the lists, an instrument since removed).
 */

let categories: Map<string, OffenceCategory> | undefined;

/** ICCS sections and divisions and the EAW list, by code (data/cases/SOURCE.md). */
export function offenceCategories(): Map<string, OffenceCategory> {
  categories ??= new Map(
    parseOffenceCategories(
      readFileSync(path.join(dataDir, "cases", "iccs_level1_level2.csv"), "utf8"),
      readFileSync(path.join(dataDir, "cases", "eaw_art2_2_offences.csv"), "utf8"),
    ).map((category) => [category.code, category]),
  );
  return categories;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function categoryLabel(code: string): Bilingual {
  const fixed = fixedLabel("category", code);
  if (fixed) return fixed;
  const category = offenceCategories().get(code);
  if (!category) return { en: code, ru: code };
  if (category.scheme === "eaw")
    return {
      en: `${capitalised(category.labelEn)} (EAW list)`,
      ru: `${capitalised(category.labelRu)} (перечень ЕОА)`,
    };
  return { en: category.labelEn, ru: category.labelRu };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The labels of these keys of one dimension. */
export async function labelsOf(
  executor: Executor,
  dimension: ReportDimension,
  keys: readonly string[],
): Promise<Map<string, Bilingual>> {
  const labels = new Map<string, Bilingual>();
  const unknown: string[] = [];
  for (const key of keys) {
    const fixed = dimension === "category" ? categoryLabel(key) : fixedLabel(dimension, key);
    if (fixed) labels.set(key, fixed);
    else unknown.push(key);
  }
  if (dimension === "partner" && unknown.length > 0) {
    const rows = await executor
      .select({ code: states.code, nameEn: states.nameEn, nameRu: states.nameRu })
      .from(states)
      .where(inArray(states.code, unknown as never[]));
    for (const row of rows) labels.set(row.code, { en: row.nameEn, ru: row.nameRu });
  }
  if (dimension === "basis") {
    const ids = unknown.filter((key) => UUID.test(key));
    if (ids.length > 0) {
      const rows = await executor
        .select({
          id: instruments.id,
          shortTitle: instruments.shortTitle,
          titleEn: instruments.titleEn,
          titleRu: instruments.titleRu,
        })
        .from(instruments)
        .where(inArray(instruments.id, ids));
      for (const row of rows)
        labels.set(row.id, {
          en: row.shortTitle ?? row.titleEn,
          ru: row.titleRu ?? row.shortTitle ?? row.titleEn,
        });
    }
  }
  for (const key of unknown)
    if (!labels.has(key)) labels.set(key, key === NONE_KEY ? { en: "—", ru: "—" } : { en: key, ru: key });
  return labels;
}

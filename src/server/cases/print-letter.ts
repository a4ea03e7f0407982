import { inArray } from "drizzle-orm";
import { states } from "../../db/directory/states.table.js";
import type { LetterQuery } from "../../domain/cases/schemas.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { registrySnapshot } from "../registry/snapshot-cache.js";
import { loadCaseActor, openCase } from "./authorize.js";
import { evaluateCase } from "./evaluate-case.js";
import { lettersMissingItems, renderRequestLetter, requestIncomplete } from "./letters/request-letter.js";

export type PrintLetterOptions = Caller & {
  reference: string;
  /** The language, and whether a marked draft is asked for. */
  query: LetterQuery;
};

export type PrintedLetter = { pdf: Buffer; filename: string };

/**
 * The letter of request of a case (docs/cases-letters.md), if the user may read the case:
 * built from its header and facts, in English or Russian, refused with 422
 * request_incomplete while the legal basis's required content is missing, unless a marked
 * draft is asked for. The printing is recorded in the audit trail; the PDF is rendered
 * after the transaction, which only reads.
 */
export async function printLetter({
  services,
  actor,
  origin,
  reference,
  query,
}: PrintLetterOptions): Promise<PrintedLetter> {
  const draft = query.draft === "true";
  const issuedOn = officeToday(services);
  const input = await runOperation(
    services,
    { eventType: "case.letter_printed", objectType: "case", objectId: reference, actor, origin },
    async (context) => {
      const row = await openCase(context, await loadCaseActor(context), reference, "read");
      const { header, facts } = row.projection;
      const evaluation = await evaluateCase(context, { header, facts, events: [] }, issuedOn);
      const missing = lettersMissingItems(evaluation.checker.requestContent);
      context.note({
        objectId: row.id,
        details: {
          reference: row.reference,
          language: query.language,
          draft,
          missing: missing.map((m) => m.item),
        },
      });
      if (missing.length > 0 && !draft) throw requestIncomplete(missing);
      const snapshot = await registrySnapshot(services.database, context.tx);
      const basis = header.legalBasis;
      const instrument =
        basis?.type === "instrument" ? snapshot.instruments.get(basis.instrumentId) : undefined;
      const names = await context.tx
        .select({
          code: states.code,
          nameEn: states.nameEn,
          nameRu: states.nameRu,
          officialNameEn: states.officialNameEn,
          officialNameRu: states.officialNameRu,
        })
        .from(states)
        .where(inArray(states.code, [header.requestingState, header.requestedState]));
      return { header, facts, requiredContent: evaluation.checker.requestContent, instrument, names };
    },
  );
  const byCode = new Map(input.names.map((name) => [name.code, name]));
  const pdf = await renderRequestLetter({
    header: input.header,
    facts: input.facts,
    language: query.language,
    instrument: input.instrument
      ? {
          code: input.instrument.code,
          titleEn: input.instrument.titleEn,
          titleRu: input.instrument.titleRu ?? input.instrument.titleEn,
        }
      : null,
    stateNames: (code) => {
      const name = byCode.get(code);
      return {
        en: name?.officialNameEn ?? name?.nameEn ?? code,
        ru: name?.officialNameRu ?? name?.nameRu ?? code,
      };
    },
    requiredContent: input.requiredContent,
    issuedOn,
    draft,
  });
  // References may hold "/" (KH/PG/2025/041): keep the file name safe.
  const filename = `${input.header.reference.replace(/[^A-Za-z0-9._-]/g, "_")}-${query.language}.pdf`;
  return { pdf, filename };
}

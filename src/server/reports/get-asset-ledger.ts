import { assetLedgerFigures } from "../../db/reports/statistics.repository.js";
import type { AssetLedger, AssetLedgerQuery } from "../../domain/reports/schemas.js";
import { ASSET_AMOUNT_STAGES, type AssetAmountStage } from "../../domain/reports/vocabulary.js";
import { type Caller, runOperation } from "../platform/operation.js";
import { loadReportReader } from "./authorize.js";
import { labelsOf } from "./report-labels.js";

export type GetAssetLedgerOptions = Caller & { query: AssetLedgerQuery };

/** ISO 4217's code for "no currency": the row of stage changes recorded without an amount. */
export const NO_CURRENCY = "XXX";

type Amounts = Record<AssetAmountStage, string>;

/** A decimal sum as money is written: at least two decimals, no trailing zeros beyond. */
export function decimalText(value: string | null): string {
  if (value === null) return "0.00";
  const [whole = "0", fraction = ""] = value.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return `${whole}.${trimmed.padEnd(2, "0")}`;
}

/** Adds two non-negative decimal strings exactly (amounts have at most four decimals). */
function addDecimal(left: string, right: string): string {
  const scale = (text: string) => {
    const [whole = "0", fraction = ""] = text.split(".");
    return BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, "0").slice(0, 4));
  };
  const sum = scale(left) + scale(right);
  const whole = sum / 10_000n;
  const fraction = (sum % 10_000n).toString().padStart(4, "0");
  return decimalText(`${whole}.${fraction}`);
}

const zeroAmounts = (): Amounts =>
  Object.fromEntries(ASSET_AMOUNT_STAGES.map((stage) => [stage, "0.00"])) as Amounts;

/**
 * The asset recovery ledger (docs/statistics.md): the amounts recorded at each stage in
 * the period (traced, frozen, confiscated, returned, shared), summed per partner, year or
 * kind and per currency, never converted; stage changes recorded without an amount are
 * counted in a row of their own (currency XXX), so that they are not read as zero.
 */
export async function getAssetLedger({
  services,
  actor,
  origin,
  query,
}: GetAssetLedgerOptions): Promise<AssetLedger> {
  return runOperation(
    services,
    { eventType: "reports.asset_ledger_read", objectType: "report", actor, origin },
    async (context) => {
      await loadReportReader(context);
      const { figures, cases } = await assetLedgerFigures(context.tx, query);
      const rows = new Map<
        string,
        { key: string; currency: string; amounts: Amounts; withoutAmount: number }
      >();
      for (const figure of figures) {
        const currency = figure.currency ?? NO_CURRENCY;
        const id = `${figure.key}|${currency}`;
        const row = rows.get(id) ?? { key: figure.key, currency, amounts: zeroAmounts(), withoutAmount: 0 };
        if ((ASSET_AMOUNT_STAGES as readonly string[]).includes(figure.stage) && figure.amount !== null)
          row.amounts[figure.stage as AssetAmountStage] = decimalText(figure.amount);
        row.withoutAmount += figure.withoutAmount;
        rows.set(id, row);
      }
      const caseCounts = new Map(
        cases.map((counted) => [`${counted.key}|${counted.currency ?? NO_CURRENCY}`, counted.cases]),
      );
      const labels = await labelsOf(context.tx, query.by, [
        ...new Set([...rows.values()].map((row) => row.key)),
      ]);
      const totals = new Map<string, Amounts>();
      for (const row of rows.values()) {
        if (row.currency === NO_CURRENCY) continue;
        const total = totals.get(row.currency) ?? zeroAmounts();
        for (const stage of ASSET_AMOUNT_STAGES) total[stage] = addDecimal(total[stage], row.amounts[stage]);
        totals.set(row.currency, total);
      }
      const ledger: AssetLedger = {
        from: query.from,
        to: query.to,
        rows: [...rows.entries()]
          .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
          .map(([id, row]) => ({
            key: row.key,
            label: labels.get(row.key) ?? { en: row.key, ru: row.key },
            currency: row.currency,
            amounts: row.amounts,
            withoutAmount: row.withoutAmount,
            cases: caseCounts.get(id) ?? 0,
          })),
        totals: [...totals.entries()]
          .sort(([left], [right]) => (left < right ? -1 : 1))
          .map(([currency, amounts]) => ({ currency, amounts })),
      };
      context.note({
        details: {
          query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)),
          rows: ledger.rows.length,
        },
      });
      return ledger;
    },
  );
}

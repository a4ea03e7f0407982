/**
 * The data bundle of the date-holidays package (its "./data" export), which ships without
 * types. Only the fields the calendar reads are declared: whether a country is covered,
 * and its weekend where the data gives one (Bangladesh: Friday and Saturday).
 */
declare module "date-holidays/data" {
  export const data: {
    version: string;
    license: string;
    holidays: Record<string, { weekend?: string[]; dayoff?: string }>;
  };
}

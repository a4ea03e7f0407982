#!/usr/bin/env node
// Builds data/states/states.csv from the reference copies in ../shared/data
// (datasets/country-codes and i18n-iso-countries). Run after updating either source:
//   node scripts/build-states-data.mjs [path/to/shared/data]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const shared = process.argv[2] ?? path.resolve("..", "shared", "data");
const read = (file) => readFileSync(path.join(shared, file), "utf8");

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

const [header, ...rows] = parseCsv(read("country-codes/country-codes.csv"));
const col = (name) => header.indexOf(name);
const byAlpha2 = new Map(rows.map((r) => [r[col("ISO3166-1-Alpha-2")].trim(), r]));

const codes = JSON.parse(read("i18n-iso-countries/codes.json"));
const en = JSON.parse(read("i18n-iso-countries/en.json")).countries;
const ru = JSON.parse(read("i18n-iso-countries/ru.json")).countries;
const names = (value) => (Array.isArray(value) ? value : [value]);
const shortest = (value) => names(value).reduce((a, b) => (b.length < a.length ? b : a));
// Short forms where the source gives only a long one.
const ruOverrides = { KP: "КНДР", MD: "Молдавия" };
const enOverrides = { GB: "United Kingdom", US: "United States" };

const clean = (value) => (value ?? "").trim() || null;
const out = [
  [
    "code",
    "alpha3",
    "numeric",
    "name_en",
    "name_ru",
    "official_name_en",
    "official_name_ru",
    "region",
    "sub_region",
    "independent",
    "aliases",
  ],
];
for (const [alpha2, alpha3, numeric] of codes) {
  const row = byAlpha2.get(alpha2);
  const get = (name) => (row ? clean(row[col(name)]) : null);
  const nameEn = enOverrides[alpha2] ?? get("CLDR display name") ?? names(en[alpha2])[0];
  const nameRu = ruOverrides[alpha2] ?? shortest(ru[alpha2]);
  const aliases = [...new Set([...names(en[alpha2]), ...names(ru[alpha2])])].filter(
    (alias) => alias !== nameEn && alias !== nameRu,
  );
  out.push([
    alpha2,
    alpha3,
    numeric,
    nameEn,
    nameRu,
    get("UNTERM English Formal") ?? get("official_name_en"),
    get("UNTERM Russian Formal") ?? get("official_name_ru"),
    get("Region Name"),
    get("Sub-region Name"),
    get("is_independent") === "Yes" ? "true" : "false",
    aliases.join("|"),
  ]);
}
const csvField = (value) => {
  const text = value ?? "";
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
writeFileSync("data/states/states.csv", `${out.map((r) => r.map(csvField).join(",")).join("\n")}\n`);
console.log(`data/states/states.csv: ${out.length - 1} states`);

import type { TFunction } from "i18next";

const REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania"] as const;
const SUB_REGIONS = {
  "Australia and New Zealand": "australiaNewZealand",
  "Central Asia": "centralAsia",
  "Eastern Asia": "easternAsia",
  "Eastern Europe": "easternEurope",
  "Latin America and the Caribbean": "latinAmericaCaribbean",
  Melanesia: "melanesia",
  Micronesia: "micronesia",
  "Northern Africa": "northernAfrica",
  "Northern America": "northernAmerica",
  "Northern Europe": "northernEurope",
  Polynesia: "polynesia",
  "South-eastern Asia": "southEasternAsia",
  "Southern Asia": "southernAsia",
  "Southern Europe": "southernEurope",
  "Sub-Saharan Africa": "subSaharanAfrica",
  "Western Asia": "westernAsia",
  "Western Europe": "westernEurope",
} as const;

/** UN M49 region names come from the reference data in English; the interface translates them. */
export function regionLabel(region: string | null, t: TFunction): string | null {
  if (!region) return null;
  const known = REGIONS.find((name) => name === region);
  return known ? t(`directory.regions.${known}`) : region;
}

export function subRegionLabel(subRegion: string | null, t: TFunction): string | null {
  if (!subRegion) return null;
  const key = (SUB_REGIONS as Record<string, (typeof SUB_REGIONS)[keyof typeof SUB_REGIONS]>)[subRegion];
  return key ? t(`directory.subRegions.${key}`) : subRegion;
}

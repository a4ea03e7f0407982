import type { MapRelation } from "../../../domain/registry/vocabulary.js";

/**
 * The map's fills: the Okabe-Ito palette, told apart with the common colour-vision
 * deficiencies; the legend names each colour and the table below lists the partners,
 * so nothing depends on colour alone.
 */
export const RELATION_FILLS: Record<MapRelation, string> = {
  in_force: "#009E73",
  signed: "#0072B2",
  negotiating: "#E69F00",
  mou_only: "#CC79A7",
  none: "#dee2e6",
};

export const SELECTED_FILL = "#1f3a68";
/** Territories without an ISO code in the atlas (Kosovo, Northern Cyprus, Somaliland). */
export const NO_DATA_FILL = "#f8f9fa";

export const RELATION_ORDER: readonly MapRelation[] = [
  "in_force",
  "signed",
  "negotiating",
  "mou_only",
  "none",
];

/**
 * The classes of the reports' world map: up to five steps from the smallest figure above
 * zero to the largest, each a colour of one sequential palette (ColorBrewer "Blues", which
 * reads in order for every common colour-vision deficiency); no figure is light grey.
 */

export const MAP_CLASS_FILLS = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;
export const MAP_NONE_FILL = "#e9ecef";

/** One class: figures from `from` to `to`, both included. */
export type MapClass = { from: number; to: number; fill: string };

/** Steps of a round size ("1 – 10", "11 – 20", …), as many as the figures need, at most five. */
export function mapClasses(values: readonly number[]): MapClass[] {
  const positive = values.filter((value) => value > 0);
  if (positive.length === 0) return [];
  const max = Math.max(...positive);
  const integers = positive.every((value) => Number.isInteger(value));
  if (integers && max <= MAP_CLASS_FILLS.length) {
    // A handful of cases: one class per count, the darker colours, so that even 1 stands out.
    return Array.from({ length: max }, (_, index) => ({
      from: index + 1,
      to: index + 1,
      fill: MAP_CLASS_FILLS[MAP_CLASS_FILLS.length - max + index] ?? "",
    }));
  }
  const raw = max / MAP_CLASS_FILLS.length;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((size) => size >= raw) ?? raw;
  const classes: MapClass[] = [];
  for (let index = 0; index < MAP_CLASS_FILLS.length; index += 1) {
    const from = index === 0 ? (integers ? 1 : 0) : index * step + (integers ? 1 : 0);
    const to = (index + 1) * step;
    if (from > max) break;
    classes.push({ from, to, fill: MAP_CLASS_FILLS[index] ?? "" });
  }
  return classes;
}

/** The fill of a figure in these classes; no figure (or zero) is grey. */
export function fillOfValue(value: number | undefined, classes: readonly MapClass[]): string {
  if (value === undefined || value <= 0) return MAP_NONE_FILL;
  const found = classes.find((item) => value <= item.to);
  return found?.fill ?? classes[classes.length - 1]?.fill ?? MAP_NONE_FILL;
}

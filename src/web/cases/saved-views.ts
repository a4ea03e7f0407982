import { useCallback, useEffect, useState } from "react";
import type { CaseFilters } from "./cases-api.js";

/**
 * Saved views: named sets of list filters, kept in this browser for the signed-in user.
 *
 * Comity keeps no case data in the browser's storage (SECURITY.md, ASVS 14.3.3). A view
 * holds only the structured filters (status, kind, direction, partner state, team,
 * priority, deadlines), never the free-text search, which may be a person's name.
 */
export type SavedView = { name: string; filters: CaseFilters };

export const SAVED_FILTER_KEYS = [
  "status",
  "kind",
  "direction",
  "state",
  "teamId",
  "priority",
  "overdue",
  "dueWithinDays",
  "sort",
] as const satisfies readonly (keyof CaseFilters)[];

const MAX_VIEWS = 20;
const MAX_NAME = 60;

export function storageKey(userId: string): string {
  return `comity.cases.views.${userId}`;
}

/** Only the structured filters, as strings, in a fixed order. */
export function savableFilters(filters: CaseFilters): CaseFilters {
  const out: Record<string, string> = {};
  for (const key of SAVED_FILTER_KEYS) {
    const value = filters[key];
    if (typeof value === "string" && value !== "") out[key] = value;
  }
  return out as CaseFilters;
}

/** Views as stored, with anything malformed (an older or edited entry) left out. */
export function parseViews(raw: string | null): SavedView[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const views: SavedView[] = [];
  for (const item of data) {
    if (typeof item !== "object" || item === null) continue;
    const { name, filters } = item as { name?: unknown; filters?: unknown };
    if (typeof name !== "string" || !name.trim() || typeof filters !== "object" || filters === null) continue;
    views.push({ name: name.trim().slice(0, MAX_NAME), filters: savableFilters(filters as CaseFilters) });
  }
  return views.slice(0, MAX_VIEWS);
}

/** Adds a view, or replaces the one with the same name (case-insensitive). */
export function withView(views: SavedView[], view: SavedView): SavedView[] {
  const name = view.name.trim().slice(0, MAX_NAME);
  const rest = views.filter((existing) => existing.name.toLocaleLowerCase() !== name.toLocaleLowerCase());
  return [...rest, { name, filters: savableFilters(view.filters) }].slice(-MAX_VIEWS);
}

export function withoutView(views: SavedView[], name: string): SavedView[] {
  return views.filter((view) => view.name !== name);
}

/** Whether the filters shown are those of a view (the view's chip is then marked as current). */
export function sameFilters(left: CaseFilters, right: CaseFilters): boolean {
  const a = savableFilters(left);
  const b = savableFilters(right);
  return SAVED_FILTER_KEYS.every((key) => (a[key] ?? "") === (b[key] ?? ""));
}

function read(userId: string): SavedView[] {
  try {
    return parseViews(window.localStorage.getItem(storageKey(userId)));
  } catch {
    // Storage can be switched off (private mode, policy): views then last for the visit.
    return [];
  }
}

function write(userId: string, views: SavedView[]): void {
  try {
    if (views.length === 0) window.localStorage.removeItem(storageKey(userId));
    else window.localStorage.setItem(storageKey(userId), JSON.stringify(views));
  } catch {
    // See read(): the views stay in memory.
  }
}

export function useSavedViews(userId: string) {
  const [views, setViews] = useState<SavedView[]>(() => read(userId));
  useEffect(() => setViews(read(userId)), [userId]);
  const save = useCallback(
    (view: SavedView) =>
      setViews((current) => {
        const next = withView(current, view);
        write(userId, next);
        return next;
      }),
    [userId],
  );
  const remove = useCallback(
    (name: string) =>
      setViews((current) => {
        const next = withoutView(current, name);
        write(userId, next);
        return next;
      }),
    [userId],
  );
  return { views, save, remove };
}

import { listCases } from "../../db/cases/cases.repository.js";
import { listActionItems } from "../../db/engagements/engagements.repository.js";
import { listTeams } from "../../db/platform/teams.repository.js";
import { overdueByTeam } from "../../db/reports/dashboard.repository.js";
import { lastCaseChange } from "../../db/reports/statistics.repository.js";
import { isStateCode } from "../../domain/directory/state-codes.js";
import { addDays, addMonths, addYears, type IsoDate, parseIsoDate } from "../../domain/platform/dates.js";
import { hasPermission } from "../../domain/platform/roles.js";
import type { Dashboard, ReportQuery } from "../../domain/reports/schemas.js";
import { type CaseActor, loadCaseActor } from "../cases/authorize.js";
import { caseVisibility } from "../cases/case.policy.js";
import { toCaseSummary } from "../cases/views.js";
import { loadEngagementSubject } from "../engagements/authorize.js";
import {
  type EngagementSubject,
  engagementVisibility,
  isEngagementOperator,
} from "../engagements/engagement.policy.js";
import { actionItemViews } from "../engagements/engagement-view.js";
import { unauthorized } from "../platform/errors.js";
import { type Caller, type OperationContext, runOperation } from "../platform/operation.js";
import { officeToday } from "../platform/today.js";
import { computeReport } from "./compute-report.js";

/** How far ahead "due soon" looks, in days (today included). */
export const DUE_SOON_DAYS = 14;
/** How many cases and action items each list of the dashboard shows (the totals count them all). */
export const DASHBOARD_LIST_LIMIT = 10;
/** Months of the intake trend. */
export const TREND_MONTHS = 24;

/**
 * The home page of the signed-in user (docs/statistics.md, "Dashboard"), in one read:
 * - their cases with a deadline past or within 14 days: their teams' cases, or every case
 *   they may see when their role reads every team's (cases.read_all), always within their
 *   clearance; null when their role reads no case;
 * - the action items they own (themselves or one of their teams) past due or due within 14
 *   days; null when their role reads no engagement;
 * - for a supervisor (a role that reads every team's cases): per team they are a member of
 *   (every team when they are in none), the cases whose next deadline has passed and the
 *   open action items past due that the team or one of its members owns;
 * - with reports.read, figures over every case: this month's requests received and sent
 *   against the same days a year earlier, requests per month over 24 months, the six most
 *   active partners this year, refusals by ground this year, and the cases pending today.
 */
export async function getDashboard({ services, actor, origin }: Caller): Promise<Dashboard> {
  return runOperation(
    services,
    { eventType: "reports.dashboard_read", objectType: "dashboard", actor, origin },
    async (context) => {
      if (context.actor.kind !== "user") throw unauthorized();
      const today = officeToday(context.services, context.now);
      const reader = await loadCaseActor(context);
      const engagementReader = await loadEngagementSubject(context);
      const casesSection = await casesOf(context, reader, today);
      const actionItems = await actionItemsOf(context, engagementReader, today);
      const teams = await teamsOf(context, reader, engagementReader, today);
      const statistics = hasPermission(reader.role, "reports.read")
        ? await cachedStatistics(context, today)
        : null;
      context.note({
        details: {
          overdueCases: casesSection?.overdueTotal ?? null,
          dueSoonCases: casesSection?.dueSoonTotal ?? null,
          teams: teams?.length ?? null,
          statistics: statistics !== null,
        },
      });
      return { today, cases: casesSection, actionItems, teams, statistics };
    },
  );
}

async function casesOf(
  context: OperationContext,
  reader: CaseActor,
  today: IsoDate,
): Promise<Dashboard["cases"]> {
  if (!hasPermission(reader.role, "cases.read")) return null;
  const visibility = caseVisibility(reader);
  const page = { limit: DASHBOARD_LIST_LIMIT, offset: 0 };
  const overdue = await listCases(
    context.tx,
    visibility,
    { ...page, overdue: "true", sort: "nextDeadlineOn" },
    today,
  );
  const dueSoon = await listCases(
    context.tx,
    visibility,
    { ...page, dueWithinDays: DUE_SOON_DAYS, sort: "nextDeadlineOn" },
    today,
  );
  return {
    overdue: overdue.rows.map(toCaseSummary),
    dueSoon: dueSoon.rows.map(toCaseSummary),
    overdueTotal: overdue.total,
    dueSoonTotal: dueSoon.total,
  };
}

async function actionItemsOf(
  context: OperationContext,
  subject: EngagementSubject,
  today: IsoDate,
): Promise<Dashboard["actionItems"]> {
  if (isEngagementOperator(subject) || !hasPermission(subject.role, "engagements.read")) return null;
  const visibility = engagementVisibility(subject);
  const mine = { userId: subject.userId, teamIds: [...subject.teamIds] };
  const page = { limit: DASHBOARD_LIST_LIMIT, offset: 0 };
  const overdue = await listActionItems(context.tx, visibility, { mine, overdueOn: today }, page);
  const upcoming = await listActionItems(
    context.tx,
    visibility,
    { mine, open: true, notOverdueOn: today },
    page,
  );
  const horizon = addDays(today, DUE_SOON_DAYS);
  return {
    overdue: await actionItemViews(context.tx, overdue.rows, today),
    dueSoon: await actionItemViews(
      context.tx,
      upcoming.rows.filter((row) => row.dueOn <= horizon),
      today,
    ),
  };
}

async function teamsOf(
  context: OperationContext,
  reader: CaseActor,
  engagement: EngagementSubject,
  today: IsoDate,
): Promise<Dashboard["teams"]> {
  if (!hasPermission(reader.role, "cases.read_all")) return null;
  const all = await listTeams(context.tx);
  const supervised = reader.teamIds.size > 0 ? all.filter((team) => reader.teamIds.has(team.id)) : all;
  const counts = await overdueByTeam(context.tx, {
    teamIds: supervised.map((team) => team.id),
    caseLevels: caseVisibility(reader).levels,
    engagementLevels: engagementVisibility(engagement).levels,
    today,
  });
  return supervised.map((team) => ({
    id: team.id,
    name: team.name,
    overdueCases: counts.get(team.id)?.cases ?? 0,
    overdueActionItems: counts.get(team.id)?.actionItems ?? 0,
  }));
}

/**
 * The figures are the same for every reader (aggregates over all cases) and take hundreds
 * of milliseconds at a million cases, so each server keeps the last ones it computed and
 * serves them while no case has changed since (cases.updated_at), the office day is the
 * same and they are under a minute old. The minute bounds the one case the marker misses: a
 * transaction that began before the last change seen and committed after it.
 */
const STATISTICS_MAX_AGE_MS = 60_000;
const statisticsCache = new WeakMap<
  OperationContext["services"],
  { key: string; computedAt: number; statistics: NonNullable<Dashboard["statistics"]> }
>();

async function cachedStatistics(
  context: OperationContext,
  today: IsoDate,
): Promise<NonNullable<Dashboard["statistics"]>> {
  const key = `${today}|${await lastCaseChange(context.tx)}`;
  const cached = statisticsCache.get(context.services);
  const now = context.now.getTime();
  if (
    cached &&
    cached.key === key &&
    now - cached.computedAt < STATISTICS_MAX_AGE_MS &&
    now >= cached.computedAt
  )
    return cached.statistics;
  const statistics = await statisticsOf(context, today);
  statisticsCache.set(context.services, { key, computedAt: now, statistics });
  return statistics;
}

async function statisticsOf(
  context: OperationContext,
  today: IsoDate,
): Promise<NonNullable<Dashboard["statistics"]>> {
  const report = (query: Omit<ReportQuery, "compare"> & { compare?: ReportQuery["compare"] }) =>
    computeReport(context.tx, { compare: "none", ...query } as ReportQuery, context.now);
  const monthStart = parseIsoDate(`${today.slice(0, 7)}-01`);
  const yearStart = parseIsoDate(`${today.slice(0, 4)}-01-01`);
  // This month and the same days a year earlier: two short windows (compare=previous_year
  // would also count the whole of last year, which the dashboard does not show).
  const intake = await report({ measure: "requests", from: monthStart, to: today, by: "direction" });
  const intakeLastYear = await report({
    measure: "requests",
    from: addYears(monthStart, -1),
    to: addYears(today, -1),
    by: "direction",
  });
  const direction = (key: string, figure: "value" | "samePeriodLastYear") =>
    (figure === "value" ? intake : intakeLastYear).rows.find((row) => row.key === key)?.value ?? 0;
  const trend = await report({
    measure: "requests",
    from: addMonths(monthStart, -(TREND_MONTHS - 1)),
    to: today,
    by: "month",
    split: "direction",
  });
  const cell = (cells: { key: string; value: number | null }[], key: string) =>
    cells.find((entry) => entry.key === key)?.value ?? 0;
  const partners = await report({ measure: "requests", from: yearStart, to: today, by: "partner", top: 6 });
  const refusals = await report({ measure: "refusals", from: yearStart, to: today, by: "ground" });
  const pending = await report({ measure: "pending", from: yearStart, to: today });
  return {
    intake: {
      month: today.slice(0, 7),
      incoming: direction("incoming", "value") ?? 0,
      outgoing: direction("outgoing", "value") ?? 0,
      incomingLastYear: direction("incoming", "samePeriodLastYear") ?? 0,
      outgoingLastYear: direction("outgoing", "samePeriodLastYear") ?? 0,
    },
    trend: trend.rows.map((row) => ({
      month: row.key,
      incoming: cell(row.cells, "incoming"),
      outgoing: cell(row.cells, "outgoing"),
    })),
    topPartners: partners.rows.flatMap((row) =>
      isStateCode(row.key) ? [{ partner: row.key, label: row.label, value: row.value ?? 0 }] : [],
    ),
    refusalsByGround: refusals.rows.map((row) => ({
      ground: row.key,
      label: row.label,
      value: row.value ?? 0,
    })),
    pending: pending.total.value ?? 0,
  };
}

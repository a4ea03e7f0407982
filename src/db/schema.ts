/** Every table, for drizzle-kit and for typed queries. One export per feature file. */

export * from "./cases/cases.table.js";
export * from "./directory/agencies.table.js";
export * from "./directory/states.table.js";
export * from "./engagements/engagements.table.js";
export * from "./notifications/notifications.table.js";
export * from "./platform/account-tokens.table.js";
export * from "./platform/audit.table.js";
export * from "./platform/idempotency-keys.table.js";
export * from "./platform/reference-data.table.js";
export * from "./platform/sessions.table.js";
export * from "./platform/teams.table.js";
export * from "./platform/users.table.js";
export * from "./registry/instruments.table.js";
export * from "./reports/reports.table.js";

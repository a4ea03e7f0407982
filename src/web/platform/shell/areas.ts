import {
  IconBooks,
  IconBriefcase,
  IconChartBar,
  IconHome,
  IconInbox,
  IconListSearch,
  IconUsers,
  IconUsersGroup,
  IconWorld,
  type TablerIcon,
} from "@tabler/icons-react";
import type { Permission } from "../../../domain/platform/vocabulary.js";

export type AreaKey =
  | "home"
  | "registry"
  | "cases"
  | "engagements"
  | "intake"
  | "reports"
  | "directory"
  | "users"
  | "audit";

export type SectionKey =
  | "instruments"
  | "resolver"
  | "map"
  | "import"
  | "states"
  | "agencies"
  | "officials"
  | "organisations"
  | "accounts"
  | "teams"
  | "engagementsList"
  | "calendar"
  | "actionItems"
  | "figures"
  | "assetRecovery";

/** A part of an area, listed under it in the navigation while the area is open. */
export type Section = {
  key: SectionKey;
  path: string;
  permission: Permission | null;
  /** Addresses that belong to this section besides `path` (its own pages). */
  also?: readonly string[];
};

export type Area = {
  key: AreaKey;
  icon: TablerIcon;
  /** Built areas have a path; planned ones are listed but lead nowhere yet. */
  path: string | null;
  permission: Permission | null;
  sections?: readonly Section[];
};

export const AREAS: readonly Area[] = [
  { key: "home", icon: IconHome, path: "/", permission: null },
  {
    key: "registry",
    icon: IconBooks,
    path: "/registry",
    permission: "registry.read",
    sections: [
      {
        key: "instruments",
        path: "/registry",
        permission: null,
        also: ["/registry/instruments/*", "/registry/new", "/registry/states/*"],
      },
      { key: "resolver", path: "/registry/resolve", permission: null },
      { key: "map", path: "/registry/map", permission: null },
      { key: "import", path: "/registry/import", permission: "registry.write" },
    ],
  },
  { key: "cases", icon: IconBriefcase, path: "/cases", permission: "cases.read" },
  {
    key: "engagements",
    icon: IconUsersGroup,
    path: "/engagements",
    permission: "engagements.read",
    sections: [
      {
        key: "engagementsList",
        path: "/engagements",
        permission: null,
        also: ["/engagements/new", "/engagements/:id", "/engagements/:id/edit"],
      },
      { key: "calendar", path: "/engagements/calendar", permission: null },
      { key: "actionItems", path: "/engagements/actions", permission: null },
    ],
  },
  { key: "intake", icon: IconInbox, path: null, permission: null },
  {
    key: "reports",
    icon: IconChartBar,
    path: "/reports",
    permission: "reports.read",
    sections: [
      { key: "figures", path: "/reports", permission: null },
      { key: "assetRecovery", path: "/reports/assets", permission: null },
    ],
  },
  {
    key: "directory",
    icon: IconWorld,
    path: "/directory/states",
    permission: "directory.read",
    sections: [
      { key: "states", path: "/directory/states", permission: null },
      { key: "agencies", path: "/directory/agencies", permission: null },
      { key: "officials", path: "/directory/officials", permission: null, also: ["/directory/officials/*"] },
      { key: "organisations", path: "/directory/organisations", permission: null },
    ],
  },
  {
    key: "users",
    icon: IconUsers,
    path: "/admin/users",
    permission: "users.read",
    sections: [
      { key: "accounts", path: "/admin/users", permission: null },
      // Auditors see the accounts, not the teams: only administrators manage those.
      { key: "teams", path: "/admin/teams", permission: "teams.manage" },
    ],
  },
  { key: "audit", icon: IconListSearch, path: "/audit", permission: "audit.read" },
];

export function isAreaVisible(
  area: { permission: Permission | null },
  permissions: readonly Permission[],
): boolean {
  return area.permission === null || permissions.includes(area.permission);
}

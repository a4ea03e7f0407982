import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import type { Permission } from "../domain/platform/vocabulary.js";
import { AppLayout } from "./app-layout.js";
import { NotFoundRoute } from "./not-found-route.js";
import { RequireAuth } from "./platform/auth/require-auth.js";
import { RequirePermission } from "./platform/auth/require-permission.js";
import { PublicLayout } from "./platform/shell/public-layout.js";
import { RootLayout } from "./platform/shell/root-layout.js";
import { RouteErrorPage } from "./platform/shell/route-error-page.js";

/** One chunk per page: a page's code is loaded when it is first opened. */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy takes components of any props; each keeps its own
function page<Module extends Record<Name, ComponentType<any>>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = page(() => import("./platform/shell/home-page.js"), "HomePage");
const LoginPage = page(() => import("./platform/auth/login-page.js"), "LoginPage");
const SecondFactorPage = page(() => import("./platform/auth/second-factor-page.js"), "SecondFactorPage");
const SetupPage = page(() => import("./platform/auth/setup-page.js"), "SetupPage");
const InvitationPage = page(() => import("./platform/auth/invitation-page.js"), "InvitationPage");
const StatesPage = page(() => import("./directory/states-page.js"), "StatesPage");
const AgenciesPage = page(() => import("./directory/agencies-page.js"), "AgenciesPage");
const PeoplePage = page(() => import("./directory/people-page.js"), "PeoplePage");
const PersonPage = page(() => import("./directory/person-page.js"), "PersonPage");
const OrganisationsPage = page(() => import("./directory/organisations-page.js"), "OrganisationsPage");
const RegistryPage = page(() => import("./registry/registry-page.js"), "RegistryPage");
const InstrumentPage = page(() => import("./registry/instrument-page.js"), "InstrumentPage");
const InstrumentCreatePage = page(
  () => import("./registry/instrument-create-page.js"),
  "InstrumentCreatePage",
);
const InstrumentEditPage = page(() => import("./registry/instrument-edit-page.js"), "InstrumentEditPage");
const ResolverPage = page(() => import("./registry/resolver-page.js"), "ResolverPage");
const RegistryStatePage = page(() => import("./registry/state-page.js"), "RegistryStatePage");
// The map, react-simple-maps and the world's TopoJSON come in a chunk of their own.
const MapPage = page(() => import("./registry/map/map-page.js"), "MapPage");
const ImportPage = page(() => import("./registry/import-page.js"), "ImportPage");
const CasesPage = page(() => import("./cases/cases-page.js"), "CasesPage");
const CaseWizardPage = page(() => import("./cases/case-wizard-page.js"), "CaseWizardPage");
const CasePage = page(() => import("./cases/case-page.js"), "CasePage");
const UsersPage = page(() => import("./platform/users/users-page.js"), "UsersPage");
const TeamsPage = page(() => import("./platform/teams/teams-page.js"), "TeamsPage");
const AuditPage = page(() => import("./platform/audit/audit-page.js"), "AuditPage");
const ProfilePage = page(() => import("./platform/profile/profile-page.js"), "ProfilePage");
const EngagementsPage = page(() => import("./engagements/engagements-page.js"), "EngagementsPage");
const CalendarPage = page(() => import("./engagements/calendar-page.js"), "CalendarPage");
const ActionItemsPage = page(() => import("./engagements/action-items-page.js"), "ActionItemsPage");
const EngagementPage = page(() => import("./engagements/engagement-page.js"), "EngagementPage");
const EngagementCreatePage = page(
  () => import("./engagements/engagement-create-page.js"),
  "EngagementCreatePage",
);
const EngagementEditPage = page(() => import("./engagements/engagement-edit-page.js"), "EngagementEditPage");
const EngagementImportPage = page(() => import("./engagements/import-page.js"), "EngagementImportPage");
const ReportsPage = page(() => import("./reports/reports-page.js"), "ReportsPage");
const AssetLedgerPage = page(() => import("./reports/asset-ledger-page.js"), "AssetLedgerPage");
// The home page's dashboard (the user's cases and action items due, and the figures), in a
// chunk of its own: the platform's home page imports no feature, it gets it as `sections`.
const Dashboard = page(() => import("./reports/dashboard.js"), "Dashboard");
// What engagements show on other features' pages, in chunks of their own: the registry and
// the directory import no engagements code, the pages get these as `sections`.
const EngagementsWithState = page(
  () => import("./engagements/related-engagements.js"),
  "EngagementsWithState",
);
const EngagementsAttended = page(() => import("./engagements/related-engagements.js"), "EngagementsAttended");
const SignedAtEngagements = page(() => import("./engagements/related-engagements.js"), "SignedAtEngagements");

/** A section of another feature's page: loaded on its own, without holding up the page. */
function section(element: ReactNode) {
  return <Suspense fallback={null}>{element}</Suspense>;
}

/** A page that only roles with `permission` may open (the server checks again). */
function guarded(path: string, permission: Permission, element: ReactNode) {
  return { path, element: <RequirePermission permission={permission}>{element}</RequirePermission> };
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: "/",
      element: <RootLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicLayout />,
          children: [
            { path: "login", element: <LoginPage /> },
            { path: "login/mfa", element: <SecondFactorPage /> },
            { path: "setup", element: <SetupPage /> },
            { path: "invite", element: <InvitationPage /> },
          ],
        },
        {
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          children: [
            { index: true, element: <HomePage sections={section(<Dashboard />)} /> },
            { path: "directory", element: <Navigate to="/directory/states" replace /> },
            guarded("directory/states", "directory.read", <StatesPage />),
            guarded("directory/agencies", "directory.read", <AgenciesPage />),
            guarded("directory/officials", "directory.read", <PeoplePage />),
            guarded(
              "directory/officials/:id",
              "directory.read",
              <PersonPage sections={(personId) => section(<EngagementsAttended personId={personId} />)} />,
            ),
            guarded("directory/organisations", "directory.read", <OrganisationsPage />),
            guarded("registry", "registry.read", <RegistryPage />),
            guarded("registry/new", "registry.write", <InstrumentCreatePage />),
            guarded(
              "registry/instruments/:id",
              "registry.read",
              <InstrumentPage
                sections={(instrumentId) => section(<SignedAtEngagements instrumentId={instrumentId} />)}
              />,
            ),
            guarded("registry/instruments/:id/edit", "registry.write", <InstrumentEditPage />),
            guarded("registry/resolve", "registry.read", <ResolverPage />),
            guarded(
              "registry/states/:code",
              "registry.read",
              <RegistryStatePage sections={(code) => section(<EngagementsWithState code={code} />)} />,
            ),
            guarded("registry/map", "registry.read", <MapPage />),
            guarded("registry/import", "registry.write", <ImportPage />),
            guarded("cases", "cases.read", <CasesPage />),
            guarded("cases/new", "cases.write", <CaseWizardPage />),
            guarded("cases/:reference", "cases.read", <CasePage />),
            guarded("engagements", "engagements.read", <EngagementsPage />),
            guarded("engagements/new", "engagements.write", <EngagementCreatePage />),
            guarded("engagements/import", "engagements.write", <EngagementImportPage />),
            guarded("engagements/calendar", "engagements.read", <CalendarPage />),
            guarded("engagements/actions", "engagements.read", <ActionItemsPage />),
            guarded("engagements/:id", "engagements.read", <EngagementPage />),
            guarded("engagements/:id/edit", "engagements.write", <EngagementEditPage />),
            guarded("reports", "reports.read", <ReportsPage />),
            guarded("reports/assets", "reports.read", <AssetLedgerPage />),
            { path: "admin", element: <Navigate to="/admin/users" replace /> },
            {
              path: "admin/users",
              element: (
                <RequirePermission permission="users.read">
                  <UsersPage />
                </RequirePermission>
              ),
            },
            guarded("admin/teams", "teams.manage", <TeamsPage />),
            {
              path: "audit",
              element: (
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              ),
            },
            { path: "profile", element: <ProfilePage /> },
          ],
        },
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}

import { Suspense, useEffect } from "react";
import { Outlet } from "react-router";
import { applyLocale } from "../../i18n/i18n.js";
import { useSession } from "../auth/session.js";
import { FullPageLoader } from "./page-loader.js";

/** Once signed in, the language saved with the account wins over this browser's choice. */
function AccountLocale() {
  const session = useSession();
  const locale = session.authenticated ? session.user?.locale : undefined;
  useEffect(() => {
    if (locale) void applyLocale(locale);
  }, [locale]);
  return null;
}

export function RootLayout() {
  return (
    <Suspense fallback={<FullPageLoader />}>
      <AccountLocale />
      <Outlet />
    </Suspense>
  );
}

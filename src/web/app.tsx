import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { RouterProvider } from "react-router";
import { onSignInRequired } from "./api/client.js";
import { createQueryClient } from "./api/query-client.js";
import { i18n } from "./i18n/i18n.js";
import { setSignInReason } from "./platform/auth/next-path.js";
import { refreshSession } from "./platform/auth/session.js";
import { createAppRouter } from "./routes.js";
import { cssVariablesResolver, fixedColorScheme, theme } from "./theme.js";

/**
 * A protected call found no valid session: ask the server again, and the route guard
 * (RequireAuth) sends the user to sign in, keeping the page they wanted.
 */
function signInRequiredHandler(queryClient: QueryClient): (code: string) => void {
  let busy = false;
  return (code) => {
    if (busy) return;
    busy = true;
    setSignInReason(code);
    refreshSession(queryClient)
      .catch(() => null)
      .finally(() => {
        busy = false;
      });
  };
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);

  useEffect(() => onSignInRequired(signInRequiredHandler(queryClient)), [queryClient]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={fixedColorScheme}
        forceColorScheme="light"
      >
        <QueryClientProvider client={queryClient}>
          {/* No fade: a notification read or checked mid-fade has too little contrast. */}
          <Notifications position="top-right" limit={4} transitionDuration={0} />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { withNext } from "./next-path.js";
import { forgetUserData, useSession } from "./session.js";

function SignInRedirect({ to }: { to: string }) {
  const queryClient = useQueryClient();
  // Whatever was fetched for the previous session goes with it.
  useEffect(() => forgetUserData(queryClient), [queryClient]);
  return <Navigate to={to} replace />;
}

/** Pages behind sign-in: without a complete session, go to sign in and come back here after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.authenticated) return children;
  const next = `${location.pathname}${location.search}`;
  const secondFactorPending = session.user !== null && (session.mfa === "enrol" || session.mfa === "verify");
  return <SignInRedirect to={withNext(secondFactorPending ? "/login/mfa" : "/login", next)} />;
}

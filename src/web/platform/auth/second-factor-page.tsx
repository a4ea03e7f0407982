import { Button, Paper, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { okSchema } from "../../../domain/platform/schemas.js";
import { request, setCsrfToken } from "../../api/client.js";
import { PageHeader } from "../shell/page-header.js";
import { EnrolAuthenticator } from "./enrol-authenticator.js";
import { safeNextPath, withNext } from "./next-path.js";
import { refreshSession, useSession } from "./session.js";
import { TotpCodeForm } from "./totp-code-form.js";

/** The second sign-in step: enrol an authenticator app the first time, then a code every time. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));

  const completed = async (csrfToken: string) => {
    setCsrfToken(csrfToken);
    await refreshSession(queryClient);
    await navigate(next, { replace: true });
  };
  const sessionEnded = (message: string) => {
    void refreshSession(queryClient)
      .catch(() => null)
      .then(() => navigate(withNext("/login", next), { replace: true, state: { notice: message } }));
  };

  // Ends the half-open session so that the sign-in page accepts another user.
  const abandon = useMutation({
    mutationFn: () =>
      request("/api/auth/logout", { method: "POST", schema: okSchema, redirectOnSignInRequired: false }),
    onSettled: () => refreshSession(queryClient),
  });

  if (session.authenticated) return <Navigate to={next} replace />;
  if (!session.user || session.mfa === "none" || session.mfa === "done") {
    return <Navigate to={withNext("/login", next)} replace />;
  }

  const enrolling = session.mfa === "enrol";
  return (
    <>
      <PageHeader
        title={enrolling ? t("mfa.enrolTitle") : t("mfa.verifyTitle")}
        description={t("mfa.signedInAs", { name: session.user.displayName, username: session.user.username })}
      />
      {enrolling ? (
        <EnrolAuthenticator onSuccess={completed} onSessionEnded={sessionEnded} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md">
            <Text>{t("mfa.verifyIntro")}</Text>
            <TotpCodeForm
              endpoint="/api/auth/mfa/verify"
              submitLabel={t("mfa.verify")}
              onSuccess={completed}
              onSessionEnded={sessionEnded}
            />
            <Text size="sm">{t("mfa.lostDevice")}</Text>
          </Stack>
        </Paper>
      )}
      <Button variant="subtle" mt="lg" px={0} onClick={() => abandon.mutate()} loading={abandon.isPending}>
        {t("mfa.otherAccount")}
      </Button>
    </>
  );
}

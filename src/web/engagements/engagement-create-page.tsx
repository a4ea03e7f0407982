import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createEngagementSchema } from "../../domain/engagements/schemas.js";
import { zodFieldErrors } from "../forms/form-errors.js";
import { i18n } from "../i18n/i18n.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { engagementErrorMessage, serverProblems } from "./engagement-errors.js";
import { EngagementForm } from "./engagement-form.js";
import {
  type EngagementFormValues,
  emptyEngagementValues,
  engagementBody,
  remapEngagementErrors,
} from "./engagement-form-values.js";
import { createEngagement, ENGAGEMENTS_KEY, engagementKey, type NewEngagement } from "./engagements-api.js";

/** A key per submission of the same values: a retry after a lost answer records the engagement once. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function EngagementCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useOfficeToday();
  const queryClient = useQueryClient();
  const initial = useMemo(() => emptyEngagementValues(today), [today]);
  const lastValues = useRef<EngagementFormValues>(initial);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: NewEngagement) => {
      const text = JSON.stringify(body);
      if (attempt.current?.body !== text) attempt.current = { body: text, key: newKey() };
      return createEngagement(body, attempt.current.key);
    },
    onSuccess: async (detail) => {
      notifySuccess(i18n.t("engagements.form.created"));
      queryClient.setQueryData(engagementKey(detail.id), detail);
      await queryClient.invalidateQueries({ queryKey: [...ENGAGEMENTS_KEY, "list"] });
      await navigate(`/engagements/${detail.id}`);
    },
  });
  const serverErrors = useMemo(
    () => remapEngagementErrors(serverProblems(create.error, t), lastValues.current),
    [create.error, t],
  );
  return (
    <>
      <PageHeader title={t("engagements.form.newTitle")} description={t("engagements.form.newSubtitle")} />
      <EngagementForm
        initial={initial}
        busy={create.isPending}
        serverErrors={serverErrors}
        submitLabel={t("engagements.form.create")}
        alert={
          create.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.form.createFailed")}
            >
              {engagementErrorMessage(create.error, t)}
            </Alert>
          ) : null
        }
        onCancel={() => void navigate("/engagements")}
        onSubmit={(values) => {
          lastValues.current = values;
          const body = engagementBody(values);
          const parsed = createEngagementSchema.safeParse(body);
          if (!parsed.success) return remapEngagementErrors(zodFieldErrors(parsed.error, t), values);
          create.mutate(body);
          return null;
        }}
      />
    </>
  );
}

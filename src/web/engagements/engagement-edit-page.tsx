import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { updateEngagementSchema } from "../../domain/engagements/schemas.js";
import { zodFieldErrors } from "../forms/form-errors.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { engagementErrorMessage, isStale, serverProblems } from "./engagement-errors.js";
import { EngagementForm } from "./engagement-form.js";
import {
  type EngagementFormValues,
  engagementBody,
  engagementChanges,
  remapEngagementErrors,
  valuesFromDetail,
} from "./engagement-form-values.js";
import {
  ACTION_ITEMS_KEY,
  ENGAGEMENTS_KEY,
  type EngagementChanges,
  engagementKey,
  updateEngagement,
  useEngagement,
} from "./engagements-api.js";
import { titleIn } from "./labels.js";

export function EngagementEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const query = useEngagement(id);
  const detail = query.data;
  // The form's language of names is the one it was opened in; a new version resets it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version, not a new object, resets the form
  const initial = useMemo(
    () => (detail ? valuesFromDetail(detail, i18n.language) : null),
    [detail?.id, detail?.version],
  );
  const lastValues = useRef<EngagementFormValues | null>(null);
  const save = useMutation({
    mutationFn: (changes: EngagementChanges) => {
      if (!detail) throw new Error("the engagement is not loaded");
      return updateEngagement(detail, changes);
    },
    onSuccess: async (next) => {
      notifySuccess(i18n.t("engagements.form.saved"));
      queryClient.setQueryData(engagementKey(next.id), next);
      await queryClient.invalidateQueries({ queryKey: [...ENGAGEMENTS_KEY, "list"] });
      await queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
      await navigate(`/engagements/${next.id}`);
    },
    onError: async (error) => {
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: engagementKey(id) });
    },
  });
  const serverErrors = useMemo(
    () =>
      lastValues.current ? remapEngagementErrors(serverProblems(save.error, t), lastValues.current) : {},
    [save.error, t],
  );
  return (
    <>
      <PageHeader
        title={
          detail
            ? t("engagements.form.editTitle", { title: titleIn(detail, i18n.language) })
            : t("engagements.page.loading")
        }
      />
      {query.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("engagements.page.loadFailed")}>
          {engagementErrorMessage(query.error, t)}
        </Alert>
      ) : null}
      {query.isPending ? <PageLoader /> : null}
      {detail && initial ? (
        <EngagementForm
          initial={initial}
          resetKey={detail.version}
          busy={save.isPending}
          serverErrors={serverErrors}
          submitLabel={t("engagements.form.save")}
          alert={
            save.isError ? (
              <Alert
                color={isStale(save.error) ? "orange" : "red"}
                icon={<IconAlertCircle aria-hidden />}
                title={
                  isStale(save.error) ? t("engagements.form.staleTitle") : t("engagements.form.saveFailed")
                }
              >
                {isStale(save.error)
                  ? t("engagements.form.staleText")
                  : engagementErrorMessage(save.error, t)}
              </Alert>
            ) : null
          }
          onCancel={() => void navigate(`/engagements/${detail.id}`)}
          onSubmit={(values) => {
            lastValues.current = values;
            const changes = engagementChanges(engagementBody(values), engagementBody(initial));
            // Nothing changed: nothing to send, back to the page.
            if (Object.keys(changes).length === 0) {
              void navigate(`/engagements/${detail.id}`);
              return null;
            }
            const parsed = updateEngagementSchema.safeParse(changes);
            if (!parsed.success) return remapEngagementErrors(zodFieldErrors(parsed.error, t), values);
            save.mutate(changes);
            return null;
          }}
        />
      ) : null}
    </>
  );
}

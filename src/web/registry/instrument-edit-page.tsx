import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { type InstrumentDetail, updateInstrumentSchema } from "../../domain/registry/schemas.js";
import { errorMessage, hasCode } from "../api/errors.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { changedFields } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { formErrorPaths } from "./instrument-create-page.js";
import { InstrumentForm } from "./instrument-form.js";
import {
  type InstrumentFormValues,
  instrumentFields,
  otherIntendedParties,
  valuesFromDetail,
} from "./instrument-form-values.js";
import { instrumentKey, REGISTRY_KEY, updateInstrument, useInstrument } from "./registry-api.js";

export function InstrumentEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const instrument = useInstrument(id, undefined);
  const update = useMutation({
    mutationFn: ({ detail, changes }: { detail: InstrumentDetail; changes: Record<string, unknown> }) =>
      updateInstrument(detail, changes),
    onSuccess: async (detail) => {
      notifySuccess(i18n.t("registry.form.saved", { code: detail.code }));
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
      await navigate(`/registry/instruments/${detail.id}`);
    },
    onError: async (error) => {
      if (hasCode(error, "stale_version"))
        await queryClient.invalidateQueries({ queryKey: instrumentKey(id) });
    },
  });
  const detail = instrument.data;
  const title = detail
    ? t("registry.form.editTitle", { code: detail.code })
    : t("registry.form.editTitleLoading");
  const stale = hasCode(update.error, "stale_version");
  const serverErrors = useMemo(
    () => (stale ? {} : formErrorPaths(serverFieldErrors(update.error))),
    [update.error, stale],
  );

  const submit = (values: InstrumentFormValues) => {
    if (!detail) return null;
    const keep = otherIntendedParties(detail);
    const before = instrumentFields(valuesFromDetail(detail), keep);
    const changes = changedFields(instrumentFields(values, keep), before);
    if (Object.keys(changes).length === 0) {
      void navigate(`/registry/instruments/${detail.id}`);
      return null;
    }
    const parsed = updateInstrumentSchema.safeParse(changes);
    if (!parsed.success) return formErrorPaths(zodFieldErrors(parsed.error, t));
    update.mutate({ detail, changes });
    return null;
  };

  return (
    <>
      <PageHeader title={title} description={t("registry.form.editSubtitle")} />
      {instrument.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.instrument.loadFailed")}>
          {errorMessage(instrument.error, t)}
        </Alert>
      ) : null}
      {instrument.isPending ? <PageLoader /> : null}
      {detail ? (
        <InstrumentForm
          mode="edit"
          initial={valuesFromDetail(detail)}
          resetKey={`${detail.id}-${detail.version}`}
          busy={update.isPending}
          serverErrors={serverErrors}
          alert={
            update.isError ? (
              <Alert
                color={stale ? "orange" : "red"}
                icon={<IconAlertCircle aria-hidden />}
                title={stale ? t("registry.form.staleTitle") : t("registry.form.saveFailed")}
              >
                {stale ? t("registry.form.staleText") : errorMessage(update.error, t)}
              </Alert>
            ) : null
          }
          onCancel={() => void navigate(`/registry/instruments/${detail.id}`)}
          onSubmit={submit}
        />
      ) : null}
    </>
  );
}

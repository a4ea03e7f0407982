import { Alert } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { createInstrumentSchema } from "../../domain/registry/schemas.js";
import { errorMessage } from "../api/errors.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { InstrumentForm } from "./instrument-form.js";
import { EMPTY_INSTRUMENT, newInstrumentBody } from "./instrument-form-values.js";
import { createInstrument, REGISTRY_KEY } from "./registry-api.js";

/** Intended parties are chosen as states; the schema reports them as intendedParties.N.code. */
export function formErrorPaths(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.startsWith("intendedParties") ? "intendedStates" : path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export function InstrumentCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createInstrument,
    onSuccess: async (detail) => {
      notifySuccess(i18n.t("registry.form.created", { code: detail.code }));
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
      await navigate(`/registry/instruments/${detail.id}`);
    },
  });
  const serverErrors = useMemo(() => formErrorPaths(serverFieldErrors(create.error)), [create.error]);
  return (
    <>
      <PageHeader title={t("registry.form.newTitle")} description={t("registry.form.newSubtitle")} />
      <InstrumentForm
        mode="create"
        initial={EMPTY_INSTRUMENT}
        busy={create.isPending}
        serverErrors={serverErrors}
        alert={
          create.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.form.createFailed")}>
              {errorMessage(create.error, t)}
            </Alert>
          ) : null
        }
        onCancel={() => void navigate("/registry")}
        onSubmit={(values) => {
          const parsed = createInstrumentSchema.safeParse(newInstrumentBody(values));
          if (!parsed.success) return formErrorPaths(zodFieldErrors(parsed.error, t));
          create.mutate(newInstrumentBody(values));
          return null;
        }}
      />
    </>
  );
}

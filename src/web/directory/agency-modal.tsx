import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  AGENCY_KINDS,
  type Agency,
  createAgencySchema,
  updateAgencySchema,
} from "../../domain/directory/schemas.js";
import { errorMessage, hasCode } from "../api/errors.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { changedFields, focusFirstInvalid, URL_PLACEHOLDER } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { useLastPresent } from "../platform/shell/use-last-present.js";
import { AgencySelect } from "./agency-select.js";
import { createAgency, DIRECTORY_KEY, type NewAgency, updateAgency } from "./directory-api.js";
import { StateSelect } from "./state-select.js";

type Values = {
  stateCode: string | null;
  kind: string;
  nameEn: string;
  nameRu: string;
  nameOriginal: string;
  abbreviation: string;
  parentAgencyId: string | null;
  website: string;
};

const EMPTY: Values = {
  stateCode: null,
  kind: "prosecution_service",
  nameEn: "",
  nameRu: "",
  nameOriginal: "",
  abbreviation: "",
  parentAgencyId: null,
  website: "",
};

function valuesOf(agency: Agency | null): Values {
  if (!agency) return EMPTY;
  return {
    stateCode: agency.stateCode,
    kind: agency.kind,
    nameEn: agency.nameEn,
    nameRu: agency.nameRu,
    nameOriginal: agency.nameOriginal ?? "",
    abbreviation: agency.abbreviation ?? "",
    parentAgencyId: agency.parentAgencyId,
    website: agency.website ?? "",
  };
}

function bodyOf(values: Values): NewAgency {
  const text = (value: string) => value.trim() || null;
  return {
    stateCode: values.stateCode ?? "",
    kind: values.kind as NewAgency["kind"],
    nameEn: values.nameEn.trim(),
    nameRu: values.nameRu.trim(),
    nameOriginal: text(values.nameOriginal),
    abbreviation: text(values.abbreviation),
    parentAgencyId: values.parentAgencyId,
    website: text(values.website),
  };
}

type Props = {
  /** "new" to add an agency, an agency to edit it, null when closed. */
  target: Agency | "new" | null;
  onClose: () => void;
};

/** Adds or edits an agency; an edit is sent with If-Match so a concurrent change is not overwritten. */
export function AgencyModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shown = useLastPresent(target);
  const agency = shown && shown !== "new" ? shown : null;
  const form = useForm<Values>({ mode: "controlled", initialValues: valuesOf(agency) });
  const version = agency?.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record or version arrives
  useEffect(() => {
    const values = valuesOf(target && target !== "new" ? target : null);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
  }, [target === "new" ? "new" : target?.id, version]);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = bodyOf(values);
      if (!agency) return createAgency(body);
      return updateAgency(agency, changedFields(body, bodyOf(valuesOf(agency))));
    },
    onSuccess: async (saved) => {
      notifySuccess(
        i18n.t(agency ? "directory.agencies.saved" : "directory.agencies.created", { name: saved.nameEn }),
      );
      await queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      save.reset();
      onClose();
    },
    onError: async (error) => {
      form.setErrors(serverFieldErrors(error));
      if (hasCode(error, "stale_version")) await queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body = bodyOf(values);
    if (agency) {
      const changes = changedFields(body, bodyOf(valuesOf(agency)));
      if (Object.keys(changes).length === 0) {
        close();
        return;
      }
      const parsed = updateAgencySchema.safeParse(changes);
      if (!parsed.success) {
        form.setErrors(zodFieldErrors(parsed.error, t));
        focusFirstInvalid();
        return;
      }
    } else {
      const parsed = createAgencySchema.safeParse(body);
      if (!parsed.success) {
        form.setErrors(zodFieldErrors(parsed.error, t));
        focusFirstInvalid();
        return;
      }
    }
    save.mutate(values);
  });
  const stale = hasCode(save.error, "stale_version");
  const title = agency
    ? t("directory.agencies.editTitle", { name: agency.nameEn })
    : t("directory.agencies.newTitle");

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={title}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError ? (
            <Alert
              color={stale ? "orange" : "red"}
              icon={<IconAlertCircle aria-hidden />}
              title={stale ? t("registry.form.staleTitle") : t("directory.agencies.saveFailed")}
            >
              {stale ? t("registry.form.staleText") : errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <StateSelect
              label={t("directory.agencies.state")}
              required
              value={form.values.stateCode}
              onChange={(code) => {
                form.setFieldValue("stateCode", code);
                form.setFieldValue("parentAgencyId", null);
              }}
              error={form.errors.stateCode}
              data-autofocus
            />
            <Select
              label={t("directory.agencies.kind")}
              data={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`directory.agencyKinds.${kind}`) }))}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("kind")}
            />
          </SimpleGrid>
          <TextInput
            label={t("directory.agencies.nameEn")}
            required
            lang="en"
            maxLength={500}
            {...form.getInputProps("nameEn")}
          />
          <TextInput
            label={t("directory.agencies.nameRu")}
            required
            lang="ru"
            maxLength={500}
            {...form.getInputProps("nameRu")}
          />
          <TextInput
            label={t("directory.agencies.nameOriginal")}
            maxLength={500}
            {...form.getInputProps("nameOriginal")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("directory.agencies.abbreviation")}
              maxLength={50}
              {...form.getInputProps("abbreviation")}
            />
            <TextInput
              type="url"
              label={t("directory.agencies.website")}
              placeholder={URL_PLACEHOLDER}
              maxLength={2000}
              {...form.getInputProps("website")}
            />
          </SimpleGrid>
          <AgencySelect
            key={form.values.stateCode ?? "none"}
            label={t("directory.agencies.parent")}
            description={t("directory.agencies.parentHint")}
            value={form.values.parentAgencyId}
            onChange={(id) => form.setFieldValue("parentAgencyId", id)}
            state={form.values.stateCode}
            exclude={agency?.id ?? null}
            initialLabel={agency?.parentNameEn ?? null}
            error={form.errors.parentAgencyId}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {agency ? t("common.save") : t("directory.agencies.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import {
  createPersonSchema,
  createPositionSchema,
  type Person,
  updatePersonSchema,
} from "../../domain/directory/schemas.js";
import { errorMessage, hasCode } from "../api/errors.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { changedFields, focusFirstInvalid, URL_PLACEHOLDER } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { AgencySelect } from "./agency-select.js";
import {
  addPosition,
  createPerson,
  DIRECTORY_KEY,
  type NewPerson,
  type NewPosition,
  personKey,
  updatePerson,
} from "./directory-api.js";

type PersonValues = { nameEn: string; nameRu: string; notes: string };

function personBody(values: PersonValues): NewPerson {
  return { nameEn: values.nameEn.trim(), nameRu: values.nameRu.trim(), notes: values.notes.trim() || null };
}

function personValues(person: Person | null): PersonValues {
  return { nameEn: person?.nameEn ?? "", nameRu: person?.nameRu ?? "", notes: person?.notes ?? "" };
}

type PersonProps = {
  opened: boolean;
  /** The official to edit; null to add one. */
  person: Person | null;
  onClose: () => void;
  onSaved?: (person: Person) => void;
};

/** Names of an official in English and Russian, with notes. */
export function PersonModal({ opened, person, onClose, onSaved }: PersonProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PersonValues>({ mode: "controlled", initialValues: personValues(person) });
  const version = person?.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record or version arrives
  useEffect(() => {
    const values = personValues(person);
    form.setValues(values);
    form.resetDirty(values);
  }, [person?.id, version, opened]);
  const save = useMutation({
    mutationFn: (values: PersonValues) =>
      person
        ? updatePerson(person, changedFields(personBody(values), personBody(personValues(person))))
        : createPerson(personBody(values)),
    onSuccess: async (saved) => {
      notifySuccess(
        i18n.t(person ? "directory.people.saved" : "directory.people.created", { name: saved.nameEn }),
      );
      await queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
      save.reset();
      onClose();
      onSaved?.(saved);
    },
    onError: async (error) => {
      form.setErrors(serverFieldErrors(error));
      if (hasCode(error, "stale_version") && person)
        await queryClient.invalidateQueries({ queryKey: personKey(person.id) });
    },
  });
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body = personBody(values);
    const parsed = person
      ? updatePersonSchema.safeParse(changedFields(body, personBody(personValues(person))))
      : createPersonSchema.safeParse(body);
    if (!parsed.success) {
      if (person && parsed.error.issues.every((issue) => issue.message === "nothing to change")) {
        close();
        return;
      }
      form.setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid();
      return;
    }
    save.mutate(values);
  });
  const stale = hasCode(save.error, "stale_version");
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={person ? t("directory.people.editTitle") : t("directory.people.newTitle")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError ? (
            <Alert
              color={stale ? "orange" : "red"}
              icon={<IconAlertCircle aria-hidden />}
              title={stale ? t("registry.form.staleTitle") : t("directory.people.saveFailed")}
            >
              {stale ? t("registry.form.staleText") : errorMessage(save.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("directory.people.nameEn")}
            required
            lang="en"
            maxLength={300}
            data-autofocus
            {...form.getInputProps("nameEn")}
          />
          <TextInput
            label={t("directory.people.nameRu")}
            required
            lang="ru"
            maxLength={300}
            {...form.getInputProps("nameRu")}
          />
          <Textarea
            label={t("directory.people.notes")}
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps("notes")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {person ? t("common.save") : t("directory.people.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type PositionValues = {
  agencyId: string | null;
  titleEn: string;
  titleRu: string;
  startOn: string;
  endOn: string;
  sourceUrl: string;
};
const EMPTY_POSITION: PositionValues = {
  agencyId: null,
  titleEn: "",
  titleRu: "",
  startOn: "",
  endOn: "",
  sourceUrl: "",
};

/** A post held by the official: agency, title in both languages, from, to, and a source. */
export function PositionModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PositionValues>({ mode: "controlled", initialValues: EMPTY_POSITION });
  const add = useMutation({
    mutationFn: (body: NewPosition) => addPosition(personId, body),
    onSuccess: async () => {
      notifySuccess(i18n.t("directory.positions.added"));
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body: NewPosition = {
      agencyId: values.agencyId ?? "",
      titleEn: values.titleEn.trim(),
      titleRu: values.titleRu.trim(),
      startOn: values.startOn || null,
      endOn: values.endOn || null,
      sourceUrl: values.sourceUrl.trim() || null,
    };
    const parsed = createPositionSchema.safeParse(body);
    if (!parsed.success) {
      form.setErrors(zodFieldErrors(parsed.error, t));
      focusFirstInvalid();
      return;
    }
    add.mutate(body);
  });
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("directory.positions.newTitle")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {add.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("directory.positions.failed")}>
              {errorMessage(add.error, t)}
            </Alert>
          ) : null}
          <AgencySelect
            label={t("directory.positions.agency")}
            required
            value={form.values.agencyId}
            onChange={(id) => form.setFieldValue("agencyId", id)}
            error={form.errors.agencyId}
          />
          <TextInput
            label={t("directory.positions.titleEn")}
            required
            lang="en"
            maxLength={300}
            {...form.getInputProps("titleEn")}
          />
          <TextInput
            label={t("directory.positions.titleRu")}
            required
            lang="ru"
            maxLength={300}
            {...form.getInputProps("titleRu")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t("directory.positions.startOn")}
              description={t("directory.positions.startOnHint")}
              {...form.getInputProps("startOn")}
            />
            <TextInput
              type="date"
              label={t("directory.positions.endOn")}
              description={t("directory.positions.endOnHint")}
              {...form.getInputProps("endOn")}
            />
          </SimpleGrid>
          <TextInput
            type="url"
            label={t("directory.positions.sourceUrl")}
            placeholder={URL_PLACEHOLDER}
            maxLength={2000}
            {...form.getInputProps("sourceUrl")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("directory.positions.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createRelationSchema } from "../../domain/registry/schemas.js";
import { RELATION_KINDS } from "../../domain/registry/vocabulary.js";
import { errorMessage } from "../api/errors.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import {
  CitationFields,
  type CitationValues,
  EMPTY_CITATION,
  isBlankCitation,
  toCitation,
} from "./citation-fields.js";
import { titlesOf } from "./instrument-title.js";
import { addFact, instrumentKey, type NewRelation, useInstrumentSearch } from "./registry-api.js";

type Values = { kind: string; toInstrumentId: string | null; note: string; source: CitationValues };
const INITIAL: Values = {
  kind: "protocol_of",
  toInstrumentId: null,
  note: "",
  source: { ...EMPTY_CITATION },
};

type Props = { instrument: { id: string; code: string }; opened: boolean; onClose: () => void };

/** "This instrument is a protocol to / amends / supersedes / aims at" another, found by search. */
export function RelationModal({ instrument, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: "controlled", initialValues: INITIAL });
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const found = useInstrumentSearch(debounced);
  const options = (found.data?.instruments ?? [])
    .filter((candidate) => candidate.id !== instrument.id)
    .map((candidate) => ({
      value: candidate.id,
      label: `${candidate.code} — ${titlesOf(candidate, i18n.language).primary}`,
    }));
  const selected = form.values.toInstrumentId;
  if (selected && chosenLabel && !options.some((option) => option.value === selected)) {
    options.unshift({ value: selected, label: chosenLabel });
  }
  const add = useMutation({
    mutationFn: (body: NewRelation) => addFact(instrument.id, "relations", body),
    onSuccess: async () => {
      notifySuccess(i18n.t("registry.relationForm.done"));
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: instrumentKey(instrument.id) });
      if (selected) await queryClient.invalidateQueries({ queryKey: instrumentKey(selected) });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body: NewRelation = {
      toInstrumentId: values.toInstrumentId ?? "",
      kind: values.kind as NewRelation["kind"],
      note: values.note.trim() || null,
      source: isBlankCitation(values.source) ? null : toCitation(values.source),
    };
    const parsed = createRelationSchema.safeParse(body);
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
      title={t("registry.relationForm.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {add.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("registry.relationForm.failed")}
            >
              {errorMessage(add.error, t)}
            </Alert>
          ) : null}
          <Text size="sm">{t("registry.relationForm.intro", { code: instrument.code })}</Text>
          <Select
            label={t("registry.relationForm.kind")}
            data={RELATION_KINDS.map((kind) => ({
              value: kind,
              label: t(`registry.vocab.relations.outgoing.${kind}`),
            }))}
            allowDeselect={false}
            required
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("kind")}
          />
          <Select
            label={t("registry.relationForm.other")}
            description={t("registry.relationForm.otherHint")}
            data={options}
            value={selected}
            onChange={(value, option) => {
              form.setFieldValue("toInstrumentId", value);
              setChosenLabel(option?.label ?? null);
            }}
            error={form.errors.toInstrumentId}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            required
            nothingFoundMessage={found.isFetching ? t("common.loading") : t("common.nothingFound")}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={t("registry.relationForm.note")}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("note")}
          />
          <CitationFields
            legend={t("registry.relationForm.source")}
            description={t("registry.stageForm.sourceHint")}
            inputProps={(field) => form.getInputProps(`source.${field}`)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("registry.relationForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

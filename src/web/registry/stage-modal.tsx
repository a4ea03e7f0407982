import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { createStageSchema } from "../../domain/registry/schemas.js";
import { NEGOTIATION_STAGES } from "../../domain/registry/vocabulary.js";
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
import { addFact, instrumentKey, type NewStage, REGISTRY_KEY } from "./registry-api.js";

type Values = { stage: string; date: string; note: string; source: CitationValues };
const INITIAL: Values = { stage: "initiative", date: "", note: "", source: { ...EMPTY_CITATION } };

type Props = { instrumentId: string; opened: boolean; onClose: () => void };

/** A step of the negotiation pipeline: initiative, mandate, rounds, draft agreed, initialled... */
export function StageModal({ instrumentId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: "controlled", initialValues: INITIAL });
  const add = useMutation({
    mutationFn: (body: NewStage) => addFact(instrumentId, "stages", body),
    onSuccess: async () => {
      notifySuccess(i18n.t("registry.stageForm.done"));
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: instrumentKey(instrumentId) });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_KEY, "instruments"] });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body: NewStage = {
      stage: values.stage as NewStage["stage"],
      date: values.date || null,
      note: values.note.trim() || null,
      source: isBlankCitation(values.source) ? null : toCitation(values.source),
    };
    const parsed = createStageSchema.safeParse(body);
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
      title={t("registry.stageForm.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {add.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.stageForm.failed")}>
              {errorMessage(add.error, t)}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t("registry.stageForm.stage")}
              data={NEGOTIATION_STAGES.map((stage) => ({
                value: stage,
                label: t(`registry.vocab.stages.${stage}`),
              }))}
              allowDeselect={false}
              required
              data-autofocus
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("stage")}
            />
            <TextInput type="date" label={t("registry.stageForm.date")} {...form.getInputProps("date")} />
          </SimpleGrid>
          <Textarea
            label={t("registry.stageForm.note")}
            autosize
            minRows={2}
            maxLength={4000}
            {...form.getInputProps("note")}
          />
          <CitationFields
            legend={t("registry.stageForm.source")}
            description={t("registry.stageForm.sourceHint")}
            inputProps={(field) => form.getInputProps(`source.${field}`)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("registry.stageForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { answerInvitationSchema } from "../../domain/engagements/schemas.js";
import { ENGAGEMENT_KINDS } from "../../domain/engagements/vocabulary.js";
import { StateMultiSelect, StateSelect } from "../directory/state-select.js";
import { zodFieldErrors } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { engagementErrorMessage, isStale, serverProblems } from "./engagement-errors.js";
import {
  ACTION_ITEMS_KEY,
  answerInvitation,
  ENGAGEMENTS_KEY,
  type EngagementDetail,
  engagementKey,
  type InvitationAnswer,
} from "./engagements-api.js";
import { type AcceptValues, acceptBody, acceptValues, type Invitation } from "./invitation-values.js";
import { textIn } from "./labels.js";

function acceptPath(path: string): string {
  const field = path.replace(/^engagement\./, "");
  if (field === "startOn" || field === "endOn" || field === "precision") return "on";
  if (field.startsWith("states")) return "states";
  return field;
}

type Props = {
  engagement: EngagementDetail;
  invitation: Invitation;
  answer: "accepted" | "declined";
  onClose: () => void;
};

/** Accepts an invitation (planning the engagement it invites to) or declines it with a note. */
export function InvitationModal({ engagement, invitation, answer, onClose }: Props) {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const queryClient = useQueryClient();
  const accept = useForm<AcceptValues>({
    mode: "controlled",
    initialValues: acceptValues(invitation, engagement),
  });
  const decline = useForm<{ note: string }>({ mode: "controlled", initialValues: { note: "" } });
  const sent = useRef(false);
  const send = useMutation({
    mutationFn: (body: InvitationAnswer) => answerInvitation(engagement, invitation.id, body),
    onSuccess: async (result) => {
      notifySuccess(
        answer === "accepted"
          ? i18n.t("engagements.invitationForm.accepted")
          : i18n.t("engagements.invitationForm.declined"),
      );
      if (result.engagement.id === engagement.id)
        queryClient.setQueryData(engagementKey(engagement.id), result.engagement);
      onClose();
      await queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY });
      await queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
    },
    onError: async (error) => {
      sent.current = false;
      const problems = serverProblems(error, t, acceptPath);
      if (answer === "accepted") accept.setErrors(problems);
      else decline.setErrors(problems);
      focusFirstInvalid();
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: engagementKey(engagement.id) });
    },
  });
  const submitAccept = accept.onSubmit((values) => {
    if (sent.current) return;
    const body = acceptBody(values);
    const parsed = answerInvitationSchema.safeParse(body);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(zodFieldErrors(parsed.error, t))) {
        const field = acceptPath(path);
        if (!(field in errors)) errors[field] = message;
      }
      accept.setErrors(errors);
      focusFirstInvalid();
      return;
    }
    sent.current = true;
    send.mutate(body);
  });
  const submitDecline = decline.onSubmit((values) => {
    if (sent.current) return;
    sent.current = true;
    send.mutate({ answer: "declined", note: values.note.trim() || null });
  });
  const event = textIn(invitation.eventEn, invitation.eventRu, language);
  const precision = accept.values.precision;
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        answer === "accepted"
          ? t("engagements.invitationForm.acceptTitle")
          : t("engagements.invitationForm.declineTitle")
      }
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          {t("engagements.invitationForm.about", { event, counterpart: invitation.counterpart })}
        </Text>
        {send.isError ? (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title={t("engagements.invitationForm.failed")}
          >
            {engagementErrorMessage(send.error, t)}
          </Alert>
        ) : null}
        {answer === "accepted" ? (
          <form onSubmit={submitAccept} noValidate>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t("engagements.invitationForm.acceptHint")}
              </Text>
              <Select
                label={t("engagements.fields.kind")}
                data={ENGAGEMENT_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`engagements.vocab.kinds.${kind}`),
                }))}
                allowDeselect={false}
                required
                comboboxProps={{ withinPortal: true }}
                data-autofocus
                {...accept.getInputProps("kind")}
              />
              <TextInput
                label={t("engagements.fields.titleEn")}
                required
                maxLength={500}
                lang="en"
                {...accept.getInputProps("titleEn")}
              />
              <TextInput
                label={t("engagements.fields.titleRu")}
                required
                maxLength={500}
                lang="ru"
                {...accept.getInputProps("titleRu")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t("engagements.invitationForm.precision")}
                  data={(["day", "month", "year"] as const).map((value) => ({
                    value,
                    label: t(`engagements.form.dateModes.${value}`),
                  }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  value={precision}
                  onChange={(value) => {
                    if (!value) return;
                    accept.setFieldValue("precision", value as AcceptValues["precision"]);
                    accept.setFieldValue("on", "");
                  }}
                />
                {precision === "day" ? (
                  <TextInput
                    type="date"
                    label={t("engagements.form.day")}
                    required
                    {...accept.getInputProps("on")}
                  />
                ) : precision === "month" ? (
                  <TextInput
                    type="month"
                    label={t("engagements.form.month")}
                    description={t("engagements.form.monthHint")}
                    required
                    maxLength={7}
                    {...accept.getInputProps("on")}
                  />
                ) : (
                  <TextInput
                    label={t("engagements.form.year")}
                    description={t("engagements.form.yearHint")}
                    required
                    inputMode="numeric"
                    maxLength={4}
                    {...accept.getInputProps("on")}
                  />
                )}
                <TextInput
                  label={t("engagements.fields.city")}
                  maxLength={200}
                  {...accept.getInputProps("city")}
                />
                <StateSelect
                  label={t("engagements.fields.placeState")}
                  value={accept.values.placeState}
                  onChange={(code) => accept.setFieldValue("placeState", code)}
                  clearable
                />
              </SimpleGrid>
              <StateMultiSelect
                label={t("engagements.fields.states")}
                value={accept.values.states}
                onChange={(codes) => accept.setFieldValue("states", codes)}
                error={accept.errors.states}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={send.isPending}>
                  {t("engagements.invitationForm.acceptSubmit")}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <form onSubmit={submitDecline} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t("engagements.invitationForm.declineNote")}
                autosize
                minRows={2}
                maxLength={4000}
                data-autofocus
                {...decline.getInputProps("note")}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" color="red" loading={send.isPending}>
                  {t("engagements.invitationForm.declineSubmit")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { engagementErrorMessage, isStale } from "./engagement-errors.js";
import {
  ACTION_ITEMS_KEY,
  ENGAGEMENTS_KEY,
  type EngagementDetail,
  engagementKey,
  type OutcomeView,
  removeOutcome,
} from "./engagements-api.js";
import { removalBlock, removalEffect, removalRefusalKey } from "./remove-outcome-values.js";

type Props = { engagement: EngagementDetail; outcome: OutcomeView; onClose: () => void };

/** Confirms removing an outcome recorded by mistake, saying what else goes with it. */
export function RemoveOutcomeModal({ engagement, outcome, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sent = useRef(false);
  const effect = removalEffect(outcome, engagement.actionItems);
  const block = removalBlock(outcome, engagement.actionItems);
  const send = useMutation({
    mutationFn: () => removeOutcome(engagement, outcome.id),
    onSuccess: async (updated) => {
      notifySuccess(i18n.t("engagements.removeOutcome.removed"));
      queryClient.setQueryData(engagementKey(engagement.id), updated);
      onClose();
      await queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY });
      await queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY });
    },
    onError: async (error) => {
      sent.current = false;
      if (isStale(error)) await queryClient.invalidateQueries({ queryKey: engagementKey(engagement.id) });
    },
  });
  const refusal = send.isError ? removalRefusalKey(send.error, outcome) : null;
  const remove = () => {
    if (sent.current) return;
    sent.current = true;
    send.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t("engagements.removeOutcome.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <Stack gap="md">
        {block ? (
          <Alert color="orange" icon={<IconAlertCircle aria-hidden />}>
            {t(`engagements.removeOutcome.${block}`)}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t("engagements.removeOutcome.intro")}</Text>
            {effect.kind === "signatures" ? (
              <Text size="sm">
                {t("engagements.removeOutcome.signatures", { count: effect.count, code: effect.code })}
              </Text>
            ) : null}
            {effect.kind === "actionItem" ? (
              <Text size="sm">{t("engagements.removeOutcome.actionItem", { title: effect.title })}</Text>
            ) : null}
          </>
        )}
        {send.isError ? (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title={t("engagements.removeOutcome.failed")}
          >
            {refusal ? t(refusal) : engagementErrorMessage(send.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {block ? t("engagements.removeOutcome.close") : t("common.cancel")}
          </Button>
          {block ? null : (
            <Button color="red" loading={send.isPending} onClick={remove}>
              {t("engagements.removeOutcome.submit")}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

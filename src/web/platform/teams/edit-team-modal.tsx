import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";
import { hasCode } from "../../api/errors.js";
import { i18n } from "../../i18n/i18n.js";
import { notifySuccess } from "../shell/notify.js";
import { useLastPresent } from "../shell/use-last-present.js";
import {
  DESCRIPTION_MAX_LENGTH,
  isValidDescription,
  isValidTeamName,
  type TeamValues,
  teamChanges,
  teamErrorMessage,
  teamFieldErrors,
  teamValues,
} from "./team-form.js";
import { storeTeam, TEAMS_KEY, type TeamChanges, updateTeam } from "./teams-api.js";

type Props = { team: Team | null; onClose: () => void; onExited: () => void };

/**
 * Rename a team or change its description; sent with If-Match so a concurrent change is
 * not overwritten.
 */
export function EditTeamModal({ team, onClose, onExited }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TeamValues>({
    mode: "controlled",
    initialValues: teamValues(team),
    validate: {
      name: (value) => (isValidTeamName(value) ? null : i18n.t("teams.validation.name")),
      description: (value) => (isValidDescription(value) ? null : i18n.t("teams.validation.description")),
    },
  });
  const update = useMutation({
    mutationFn: ({ target, changes }: { target: Team; changes: TeamChanges }) => updateTeam(target, changes),
    onSuccess: async (saved) => {
      notifySuccess(i18n.t("teams.edit.done", { name: saved.name }));
      storeTeam(queryClient, saved);
      update.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
    onError: async (error) => {
      form.setErrors(teamFieldErrors(error, t));
      if (hasCode(error, "stale_version")) await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
  });

  // A refetch after a conflict brings a new version: show what is stored now.
  const version = team?.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record or version arrives
  useEffect(() => {
    if (!team) return;
    const stored = teamValues(team);
    form.setValues(stored);
    form.resetDirty(stored);
  }, [team?.id, version]);

  const close = () => {
    update.reset();
    onClose();
  };
  const submit = (values: TeamValues) => {
    if (!team) return;
    const changes = teamChanges(team, values);
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    update.mutate({ target: team, changes });
  };

  const shown = useLastPresent(team);
  const stale = hasCode(update.error, "stale_version");
  return (
    <Modal
      opened={team !== null}
      onClose={close}
      onExitTransitionEnd={onExited}
      title={shown ? t("teams.edit.title", { name: shown.name }) : ""}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          {update.isError ? (
            <Alert
              color={stale ? "orange" : "red"}
              icon={<IconAlertCircle aria-hidden />}
              title={stale ? t("teams.edit.staleTitle") : t("teams.edit.failed")}
            >
              {stale ? t("teams.edit.staleText") : teamErrorMessage(update.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("teams.fields.name")}
            autoComplete="off"
            maxLength={200}
            required
            data-autofocus
            {...form.getInputProps("name")}
          />
          <Textarea
            label={t("teams.fields.description")}
            description={t("teams.fields.descriptionHint")}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={DESCRIPTION_MAX_LENGTH}
            {...form.getInputProps("description")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

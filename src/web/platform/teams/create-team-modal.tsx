import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Team } from "../../../domain/platform/schemas.js";
import { i18n } from "../../i18n/i18n.js";
import { notifySuccess } from "../shell/notify.js";
import {
  DESCRIPTION_MAX_LENGTH,
  isValidDescription,
  isValidTeamName,
  newTeamBody,
  type TeamValues,
  teamErrorMessage,
  teamFieldErrors,
  teamValues,
} from "./team-form.js";
import { createTeam, storeTeam, TEAMS_KEY } from "./teams-api.js";

type Props = {
  opened: boolean;
  onClose: () => void;
  onExited: () => void;
  /** A new team has no members: the page goes on to the members dialog. */
  onCreated: (team: Team) => void;
};

export function CreateTeamModal({ opened, onClose, onExited, onCreated }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<TeamValues>({
    mode: "controlled",
    initialValues: teamValues(null),
    validate: {
      name: (value) => (isValidTeamName(value) ? null : i18n.t("teams.validation.name")),
      description: (value) => (isValidDescription(value) ? null : i18n.t("teams.validation.description")),
    },
  });
  const create = useMutation({
    mutationFn: (values: TeamValues) => createTeam(newTeamBody(values)),
    onSuccess: async (team) => {
      notifySuccess(i18n.t("teams.create.done", { name: team.name }));
      form.reset();
      create.reset();
      storeTeam(queryClient, team);
      onCreated(team);
      await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    },
    onError: (error) => form.setErrors(teamFieldErrors(error, t)),
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={onExited}
      title={t("teams.create.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md">
          {create.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("teams.create.failed")}>
              {teamErrorMessage(create.error, t)}
            </Alert>
          ) : null}
          <TextInput
            label={t("teams.fields.name")}
            description={t("teams.create.nameHint")}
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
            <Button type="submit" loading={create.isPending}>
              {t("teams.create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

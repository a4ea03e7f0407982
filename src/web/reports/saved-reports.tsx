import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconDeviceFloppy, IconDots, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportQuery, SavedReport } from "../../domain/reports/schemas.js";
import { errorMessage } from "../api/errors.js";
import { ConfirmDialog } from "../platform/shell/confirm-dialog.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { reportTitle } from "./labels.js";
import { sameQuery } from "./report-query.js";
import { useSavedReportMutations, useSavedReports } from "./reports-api.js";

type Props = {
  query: ReportQuery;
  onOpen: (report: SavedReport) => void;
};

type Editing = { mode: "save" } | { mode: "rename"; report: SavedReport };

/** The name and sharing of a saved report, for saving the current query or renaming one. */
function NameDialog({
  editing,
  busy,
  error,
  onClose,
  onSubmit,
}: {
  editing: Editing;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  onSubmit: (name: string, shared: boolean) => void;
}) {
  const { t } = useTranslation();
  const report = editing.mode === "rename" ? editing.report : null;
  const [name, setName] = useState(report?.name ?? "");
  const [shared, setShared] = useState(report?.shared ?? false);
  const [missing, setMissing] = useState(false);
  return (
    <Modal
      opened
      onClose={onClose}
      title={report ? t("reports.saved.renameTitle") : t("reports.saved.saveTitle")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) {
            setMissing(true);
            return;
          }
          onSubmit(name.trim(), shared);
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t("reports.saved.name")}
            description={t("reports.saved.nameHint")}
            required
            maxLength={200}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t("registry.validation.required") : undefined}
            data-autofocus
          />
          <Checkbox
            label={t("reports.saved.shared")}
            description={t("reports.saved.sharedHint")}
            checked={shared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          {error ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />}>
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Saved reports: the reader's own (renamed, shared or deleted here) and those colleagues share. */
export function SavedReports({ query, onOpen }: Props) {
  const { t } = useTranslation();
  const saved = useSavedReports();
  const { save, update, remove } = useSavedReportMutations();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SavedReport | null>(null);
  const items = saved.data ?? [];
  const mine = items.filter((report) => report.mine);
  const shared = items.filter((report) => !report.mine);

  const close = () => {
    setEditing(null);
    save.reset();
    update.reset();
  };
  const submit = (name: string, sharedFlag: boolean) => {
    if (!editing) return;
    if (editing.mode === "save") {
      save.mutate(
        { name, shared: sharedFlag, query },
        {
          onSuccess: () => {
            close();
            notifySuccess(t("reports.saved.savedNotice", { name }));
          },
        },
      );
    } else {
      update.mutate(
        { report: editing.report, changes: { name, shared: sharedFlag } },
        {
          onSuccess: () => {
            close();
            notifySuccess(t("reports.saved.renamedNotice", { name }));
          },
        },
      );
    }
  };

  const list = (reports: SavedReport[], label: string) => (
    <Stack gap={6} component="ul" className="nav-list" aria-label={label}>
      {reports.map((report) => {
        const current = sameQuery(report.query, query);
        return (
          <li key={report.id} data-testid="saved-report">
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  ta="left"
                  onClick={() => onOpen(report)}
                  aria-current={current ? "true" : undefined}
                >
                  {report.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {report.mine
                    ? reportTitle(report.query, t)
                    : t("reports.saved.sharedBy", { name: report.owner.displayName })}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                {report.mine && report.shared ? (
                  <Badge size="xs" variant="light" leftSection={<IconUsers size={12} aria-hidden />}>
                    {t("reports.saved.sharedBadge")}
                  </Badge>
                ) : null}
                {report.mine ? (
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t("reports.saved.actionsFor", { name: report.name })}
                      >
                        <IconDots size={16} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setEditing({ mode: "rename", report })}>
                        {t("reports.saved.rename")}
                      </Menu.Item>
                      <Menu.Item
                        onClick={() =>
                          update.mutate(
                            { report, changes: { query } },
                            {
                              onSuccess: () =>
                                notifySuccess(t("reports.saved.replacedNotice", { name: report.name })),
                            },
                          )
                        }
                        disabled={current}
                      >
                        {t("reports.saved.replace")}
                      </Menu.Item>
                      <Menu.Item color="red" onClick={() => setDeleting(report)}>
                        {t("reports.saved.delete")}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                ) : null}
              </Group>
            </Group>
          </li>
        );
      })}
    </Stack>
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="saved-reports-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h4" id="saved-reports-heading">
          {t("reports.saved.title")}
        </Title>
        <Button
          size="xs"
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          onClick={() => setEditing({ mode: "save" })}
        >
          {t("reports.saved.save")}
        </Button>
      </Group>
      {saved.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("reports.saved.loadFailed")}>
          {errorMessage(saved.error, t)}
        </Alert>
      ) : null}
      {saved.isPending ? <Text size="sm">{t("common.loading")}</Text> : null}
      {saved.data && items.length === 0 ? <Text size="sm">{t("reports.saved.empty")}</Text> : null}
      <Stack gap="md">
        {mine.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t("reports.saved.mine")}
            </Title>
            {list(mine, t("reports.saved.mine"))}
          </Stack>
        ) : null}
        {shared.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h6">
              {t("reports.saved.sharedWithMe")}
            </Title>
            {list(shared, t("reports.saved.sharedWithMe"))}
          </Stack>
        ) : null}
      </Stack>
      {editing ? (
        <NameDialog
          editing={editing}
          busy={save.isPending || update.isPending}
          error={
            save.isError ? errorMessage(save.error, t) : update.isError ? errorMessage(update.error, t) : null
          }
          onClose={close}
          onSubmit={submit}
        />
      ) : null}
      <ConfirmDialog
        opened={deleting !== null}
        title={t("reports.saved.deleteTitle")}
        confirmLabel={t("reports.saved.delete")}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error, t) : null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting, {
            onSuccess: () => {
              setDeleting(null);
              notifySuccess(t("reports.saved.deletedNotice", { name }));
            },
          });
        }}
      >
        {t("reports.saved.deleteText", { name: deleting?.name ?? "" })}
      </ConfirmDialog>
    </Paper>
  );
}

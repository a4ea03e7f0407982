import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconBookmark, IconClockExclamation, IconHourglass, IconList, IconX } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseFilters } from "./cases-api.js";
import { type SavedView, sameFilters, savableFilters } from "./saved-views.js";

/** The quick views: every case, those due within a week, those overdue. */
export type QuickView = "all" | "dueSoon" | "overdue";
export const DUE_SOON_DAYS = "7";

export function quickViewOf(filters: CaseFilters): QuickView | null {
  if (filters.overdue === "true" && !filters.dueWithinDays) return "overdue";
  if (filters.dueWithinDays === DUE_SOON_DAYS && !filters.overdue) return "dueSoon";
  if (!filters.overdue && !filters.dueWithinDays) return "all";
  return null;
}

type Props = {
  filters: CaseFilters;
  views: SavedView[];
  onQuickView: (view: QuickView) => void;
  onApply: (view: SavedView) => void;
  onSave: (name: string) => void;
  onRemove: (name: string) => void;
};

/** Quick views and the user's saved views, as toggle buttons (aria-pressed marks the current one). */
export function SavedViewsBar({ filters, views, onQuickView, onApply, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const quick = quickViewOf(filters);
  const quickViews: { key: QuickView; label: string; icon: typeof IconList }[] = [
    { key: "all", label: t("cases.views.all"), icon: IconList },
    { key: "dueSoon", label: t("cases.views.dueSoon"), icon: IconHourglass },
    { key: "overdue", label: t("cases.views.overdue"), icon: IconClockExclamation },
  ];
  const close = () => {
    setNaming(false);
    setError(null);
  };
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t("cases.views.nameRequired"));
      return;
    }
    onSave(trimmed);
    setName("");
    close();
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="case-views-heading">
      <Title order={2} size="h4" id="case-views-heading" mb="sm">
        {t("cases.views.title")}
      </Title>
      <Stack gap="sm">
        <Group gap="xs" role="group" aria-label={t("cases.views.quick")}>
          {quickViews.map((view) => {
            const Icon = view.icon;
            const current = quick === view.key;
            return (
              <Button
                key={view.key}
                size="xs"
                radius="xl"
                variant={current ? "filled" : "default"}
                aria-pressed={current}
                leftSection={<Icon size={14} aria-hidden />}
                onClick={() => onQuickView(view.key)}
              >
                {view.label}
              </Button>
            );
          })}
        </Group>
        <Group gap="xs" align="center">
          <Text size="sm" fw={600} id="case-saved-views-label">
            {t("cases.views.saved")}
          </Text>
          {views.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("cases.views.none")}
            </Text>
          ) : (
            <Group
              gap="xs"
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-labelledby="case-saved-views-label"
            >
              {views.map((view) => {
                const current = sameFilters(view.filters, filters);
                return (
                  <Group key={view.name} gap={0} component="li" wrap="nowrap">
                    <Button
                      size="xs"
                      radius="xl"
                      variant={current ? "filled" : "light"}
                      aria-pressed={current}
                      leftSection={<IconBookmark size={14} aria-hidden />}
                      onClick={() => onApply(view)}
                      style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
                    >
                      {view.name}
                    </Button>
                    <ActionIcon
                      size={30}
                      variant={current ? "filled" : "light"}
                      radius="xl"
                      aria-label={t("cases.views.remove", { name: view.name })}
                      onClick={() => onRemove(view.name)}
                      style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0 }}
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                );
              })}
            </Group>
          )}
          <Button
            ref={opener}
            size="xs"
            variant="subtle"
            leftSection={<IconBookmark size={14} aria-hidden />}
            onClick={() => setNaming(true)}
            disabled={Object.keys(savableFilters(filters)).length === 0}
          >
            {t("cases.views.save")}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={naming}
        onClose={close}
        onExitTransitionEnd={() => opener.current?.focus()}
        title={t("cases.views.saveTitle")}
        closeButtonProps={{ "aria-label": t("common.closeDialog") }}
        centered
      >
        <form onSubmit={save} noValidate>
          <Stack gap="md">
            <Text size="sm">{t("cases.views.saveHint")}</Text>
            <TextInput
              label={t("cases.views.name")}
              required
              maxLength={60}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit">{t("cases.views.saveSubmit")}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}

import { Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type ActionType, actionsFor } from "./actions.js";
import type { CaseView } from "./cases-api.js";

export type { ActionType };

const DANGER = new Set<ActionType>(["withdrawn", "closed"]);

type Props = {
  view: CaseView;
  onAction: (type: ActionType, trigger: HTMLElement) => void;
};

/** One button per event the case allows now; each opens the form for that event. */
export function CaseActions({ view, onAction }: Props) {
  const { t } = useTranslation();
  const { lifecycle, filing } = actionsFor(view);
  if (lifecycle.length + filing.length === 0) {
    return <Text size="sm">{t("cases.actions.none")}</Text>;
  }
  const button = (type: ActionType, primary: boolean) => (
    <Button
      key={type}
      size="xs"
      variant={primary ? "light" : "default"}
      color={DANGER.has(type) ? "red" : undefined}
      onClick={(event) => onAction(type, event.currentTarget)}
    >
      {t(`cases.actions.${type}`)}
    </Button>
  );
  return (
    <Stack gap="xs">
      {lifecycle.length > 0 ? (
        <Group gap="xs" role="group" aria-label={t("cases.actions.record")}>
          {lifecycle.map((type) => button(type, true))}
        </Group>
      ) : null}
      {filing.length > 0 ? (
        <Group gap="xs" role="group" aria-label={t("cases.actions.file")}>
          {filing.map((type) => button(type, false))}
        </Group>
      ) : null}
    </Stack>
  );
}

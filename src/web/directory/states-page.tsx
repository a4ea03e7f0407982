import { Alert, Group, Loader, Paper, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { useStates } from "./states-api.js";
import { StatesTable } from "./states-table.js";

export function StatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 300);
  const states = useStates(debounced);
  const count = states.data?.states.length ?? 0;

  return (
    <>
      <PageHeader title={t("directory.title")} description={t("directory.subtitle")} />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <Group align="flex-end" justify="space-between" gap="md">
            <TextInput
              type="search"
              label={t("directory.searchLabel")}
              description={t("directory.searchHint")}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={
                states.isFetching ? <Loader size="xs" role="status" aria-label={t("common.loading")} /> : null
              }
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maxLength={100}
              w={{ base: "100%", sm: 420 }}
            />
            <Text size="sm" fw={600} role="status" aria-live="polite">
              {states.data ? t("directory.count", { total: format.number(count) }) : ""}
            </Text>
          </Group>
        </Paper>
        {states.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("directory.loadFailed")}>
            {errorMessage(states.error, t)}
          </Alert>
        ) : null}
        {states.isPending ? <PageLoader /> : null}
        {states.data && count === 0 ? <Text>{t("directory.empty", { query: debounced.trim() })}</Text> : null}
        {states.data && count > 0 ? <StatesTable states={states.data.states} /> : null}
      </Stack>
    </>
  );
}

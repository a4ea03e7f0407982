import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconSearch, IconUserPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { isStateCode } from "../../domain/directory/state-codes.js";
import { isoDateOrNull } from "../../domain/platform/dates.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { usePermission } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { type PeopleFilters, usePeople } from "./directory-api.js";
import { PersonModal } from "./person-modals.js";
import { byRecency, heldOn } from "./positions.js";
import { useStateNames } from "./state-names.js";
import { StateSelect } from "./state-select.js";

/** Officials by name, or "who held this post on this date" (a query, not a field). */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const navigate = useNavigate();
  const canWrite = usePermission("directory.write");
  const [params, setParams] = useSearchParams();
  const [name, setName] = useState(params.get("q") ?? "");
  const [title, setTitle] = useState(params.get("title") ?? "");
  const [debouncedName] = useDebouncedValue(name.trim(), 300);
  const [debouncedTitle] = useDebouncedValue(title.trim(), 300);
  const stateParam = params.get("state");
  const state = isStateCode(stateParam) ? stateParam : null;
  const on = isoDateOrNull(params.get("on"));
  const [creating, setCreating] = useState(false);
  const filters: PeopleFilters = {
    q: debouncedName || undefined,
    title: debouncedTitle || undefined,
    state: state ?? undefined,
    on: on ?? undefined,
  };
  const people = usePeople(filters);
  const russian = i18n.language === "ru";
  const list = people.data?.people ?? [];

  const setParam = (key: string, value: string | null) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clear = () => {
    setName("");
    setTitle("");
    setParams(new URLSearchParams(), { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("directory.people.title")}
        description={t("directory.people.subtitle")}
        actions={
          canWrite ? (
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t("directory.people.new")}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="people-search-heading">
          <Title order={2} size="h4" id="people-search-heading" mb="xs">
            {t("directory.people.searchTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("directory.people.searchHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <TextInput
              type="search"
              label={t("directory.people.name")}
              description={t("directory.people.nameHint")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setParam("q", event.currentTarget.value.trim() || null);
              }}
              maxLength={200}
            />
            <StateSelect
              label={t("directory.people.state")}
              value={state}
              onChange={(code) => setParam("state", code)}
              clearable
            />
            <TextInput
              label={t("directory.people.post")}
              description={t("directory.people.postHint")}
              value={title}
              onChange={(event) => {
                setTitle(event.currentTarget.value);
                setParam("title", event.currentTarget.value.trim() || null);
              }}
              maxLength={200}
            />
            <TextInput
              type="date"
              label={t("directory.people.on")}
              description={t("directory.people.onHint")}
              value={on ?? ""}
              onChange={(event) => setParam("on", event.currentTarget.value || null)}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={clear}>
              {t("registry.filters.clear")}
            </Button>
          </Group>
        </Paper>
        <Group justify="space-between">
          <Text size="sm" fw={600} role="status" aria-live="polite">
            {people.data
              ? on
                ? t("directory.people.countOn", { total: format.number(list.length), date: format.date(on) })
                : t("directory.people.count", { total: format.number(list.length) })
              : ""}
          </Text>
          {people.isFetching && people.data ? (
            <Loader size="xs" role="status" aria-label={t("common.loading")} />
          ) : null}
        </Group>
        {people.isError ? (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("directory.people.loadFailed")}>
            {errorMessage(people.error, t)}
          </Alert>
        ) : null}
        {people.isPending ? <PageLoader /> : null}
        {people.data && list.length === 0 ? <Text>{t("directory.people.empty")}</Text> : null}
        {list.length > 0 ? (
          <TableScroll label={t("directory.people.caption")} minWidth={760}>
            <Table striped highlightOnHover withTableBorder>
              <Table.Caption className="visually-hidden">{t("directory.people.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("directory.people.name")}</Table.Th>
                  <Table.Th scope="col">
                    {on ? t("directory.people.postOn") : t("directory.people.latestPost")}
                  </Table.Th>
                  <Table.Th scope="col">{t("directory.people.period")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((person) => {
                  const sorted = [...person.positions].sort(byRecency);
                  const position = (on ? sorted.find((item) => heldOn(item, on)) : undefined) ?? sorted[0];
                  return (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Group gap={6}>
                          <Anchor
                            component={Link}
                            to={`/directory/officials/${person.id}`}
                            size="sm"
                            fw={500}
                          >
                            {russian ? person.nameRu : person.nameEn}
                          </Anchor>
                          {person.isDemo ? <DemoBadge size="xs" /> : null}
                        </Group>
                        <Text size="xs" c="dimmed" lang={russian ? "en" : "ru"}>
                          {russian ? person.nameEn : person.nameRu}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {position ? (
                          <>
                            <Text size="sm">{russian ? position.titleRu : position.titleEn}</Text>
                            <Text size="xs" c="dimmed">
                              {russian ? position.agencyNameRu : position.agencyNameEn} ·{" "}
                              {names.name(position.stateCode)}
                            </Text>
                          </>
                        ) : (
                          "—"
                        )}
                      </Table.Td>
                      <Table.Td>
                        {position
                          ? t("directory.positions.range", {
                              from: position.startOn ? format.date(position.startOn) : "…",
                              to: position.endOn
                                ? format.date(position.endOn)
                                : t("directory.positions.present"),
                            })
                          : "—"}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
      {canWrite ? (
        <PersonModal
          opened={creating}
          person={null}
          onClose={() => setCreating(false)}
          onSaved={(person) => void navigate(`/directory/officials/${person.id}`)}
        />
      ) : null}
    </>
  );
}

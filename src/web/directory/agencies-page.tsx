import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconAlertCircle, IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AGENCY_KINDS, type Agency } from "../../domain/directory/schemas.js";
import { isStateCode } from "../../domain/directory/state-codes.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { usePermission } from "../platform/auth/session.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { AgencyModal } from "./agency-modal.js";
import { useAgencies } from "./directory-api.js";
import { useStateNames } from "./state-names.js";
import { StateSelect } from "./state-select.js";

const ANY = "any";

export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const canWrite = usePermission("directory.write");
  const canReadRegistry = usePermission("registry.read");
  const [params, setParams] = useSearchParams();
  const stateParam = params.get("state");
  const state = isStateCode(stateParam) ? stateParam : null;
  const kind = AGENCY_KINDS.find((value) => value === params.get("kind")) ?? null;
  const [search, setSearch] = useState(params.get("q") ?? "");
  const [debounced] = useDebouncedValue(search, 300);
  const q = debounced.trim();
  const agencies = useAgencies({ q: q || undefined, state: state ?? undefined, kind: kind ?? undefined });
  const [target, setTarget] = useState<Agency | "new" | null>(null);
  const russian = i18n.language === "ru";

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced search changes the address
  useEffect(() => setParam("q", q || null), [q]);

  const list = agencies.data?.agencies ?? [];
  // The server names the parent in English; the list usually has it in both languages.
  const parentName = (agency: Agency) => {
    const parent = list.find((candidate) => candidate.id === agency.parentAgencyId);
    if (parent) return russian ? parent.nameRu : parent.nameEn;
    return agency.parentNameEn ?? "—";
  };
  // A record being edited follows the list after a refetch (new version after a conflict).
  const editing =
    target && target !== "new" ? (list.find((agency) => agency.id === target.id) ?? target) : target;

  return (
    <>
      <PageHeader
        title={t("directory.agencies.title")}
        description={t("directory.agencies.subtitle")}
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setTarget("new")}>
              {t("directory.agencies.new")}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="search"
              label={t("directory.agencies.search")}
              description={t("directory.agencies.searchHint")}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              maxLength={200}
            />
            <StateSelect
              label={t("directory.agencies.state")}
              value={state}
              onChange={(code) => setParam("state", code)}
              clearable
            />
            <Select
              label={t("directory.agencies.kind")}
              data={[
                { value: ANY, label: t("registry.filters.any") },
                ...AGENCY_KINDS.map((value) => ({ value, label: t(`directory.agencyKinds.${value}`) })),
              ]}
              value={kind ?? ANY}
              onChange={(value) => setParam("kind", value && value !== ANY ? value : null)}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Paper>
        <Group justify="space-between">
          <Text size="sm" fw={600} role="status" aria-live="polite">
            {agencies.data ? t("directory.agencies.count", { total: format.number(list.length) }) : ""}
          </Text>
          {agencies.isFetching && agencies.data ? (
            <Loader size="xs" role="status" aria-label={t("common.loading")} />
          ) : null}
        </Group>
        {agencies.isError ? (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title={t("directory.agencies.loadFailed")}
          >
            {errorMessage(agencies.error, t)}
          </Alert>
        ) : null}
        {agencies.isPending ? <PageLoader /> : null}
        {agencies.data && list.length === 0 ? <Text>{t("directory.agencies.empty")}</Text> : null}
        {list.length > 0 ? (
          <TableScroll label={t("directory.agencies.caption")} minWidth={900}>
            <Table striped highlightOnHover withTableBorder>
              <Table.Caption className="visually-hidden">{t("directory.agencies.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("directory.agencies.name")}</Table.Th>
                  <Table.Th scope="col">{t("directory.agencies.state")}</Table.Th>
                  <Table.Th scope="col">{t("directory.agencies.kind")}</Table.Th>
                  <Table.Th scope="col">{t("directory.agencies.parent")}</Table.Th>
                  <Table.Th scope="col">{t("directory.agencies.website")}</Table.Th>
                  {canWrite ? (
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t("registry.timeline.actions")}</span>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((agency) => (
                  <Table.Tr key={agency.id}>
                    <Table.Td maw={420}>
                      <Group gap={6}>
                        <Text size="sm" fw={500} lang={russian ? "ru" : "en"}>
                          {russian ? agency.nameRu : agency.nameEn}
                        </Text>
                        {agency.abbreviation ? (
                          <Badge size="xs" color="gray" variant="outline">
                            {agency.abbreviation}
                          </Badge>
                        ) : null}
                        {agency.isDemo ? <DemoBadge size="xs" /> : null}
                      </Group>
                      <Text size="xs" c="dimmed" lang={russian ? "en" : "ru"}>
                        {russian ? agency.nameEn : agency.nameRu}
                      </Text>
                      {agency.nameOriginal ? (
                        <Text size="xs" c="dimmed">
                          {agency.nameOriginal}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {canReadRegistry ? (
                        <Anchor component={Link} to={`/registry/states/${agency.stateCode}`} size="sm">
                          {names.name(agency.stateCode)}
                        </Anchor>
                      ) : (
                        names.name(agency.stateCode)
                      )}
                    </Table.Td>
                    <Table.Td>{t(`directory.agencyKinds.${agency.kind}`)}</Table.Td>
                    <Table.Td>{parentName(agency)}</Table.Td>
                    <Table.Td>
                      {agency.website ? (
                        <ExternalLink href={agency.website}>{t("directory.agencies.site")}</ExternalLink>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                    {canWrite ? (
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t("directory.agencies.editLabel", {
                            name: russian ? agency.nameRu : agency.nameEn,
                          })}
                          onClick={() => setTarget(agency)}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
      {canWrite ? <AgencyModal target={editing} onClose={() => setTarget(null)} /> : null}
    </>
  );
}

import { Alert, Stack, Table, Text } from "@mantine/core";
import { IconAlertCircle, IconCalendarEvent } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { useOrganisations } from "./directory-api.js";
import { organisationName } from "./organisation-labels.js";

/** International organisations and their member counts, from a dated snapshot. */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const organisations = useOrganisations();
  const data = organisations.data;
  const rows = [...(data?.organisations ?? [])]
    .map((organisation) => ({
      ...organisation,
      name: organisationName(organisation.code, organisation.nameEn, t),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  return (
    <>
      <PageHeader
        title={t("directory.organisations.title")}
        description={t("directory.organisations.subtitle")}
      />
      <Stack gap="md">
        {organisations.isError ? (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title={t("directory.organisations.loadFailed")}
          >
            {errorMessage(organisations.error, t)}
          </Alert>
        ) : null}
        {organisations.isPending ? <PageLoader /> : null}
        {data ? (
          <>
            <Alert
              color="orange"
              icon={<IconCalendarEvent aria-hidden />}
              title={t("directory.organisations.snapshot", { date: format.date(data.asOf) })}
            >
              <Text size="sm">{t("directory.organisations.snapshotText")}</Text>
              <Text size="sm" mt={4} lang="en">
                {data.note}
              </Text>
            </Alert>
            <TableScroll label={t("directory.organisations.caption")} minWidth={560}>
              <Table striped highlightOnHover withTableBorder>
                <Table.Caption className="visually-hidden">
                  {t("directory.organisations.caption")}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("directory.organisations.code")}</Table.Th>
                    <Table.Th scope="col">{t("directory.organisations.name")}</Table.Th>
                    <Table.Th scope="col">{t("directory.organisations.members")}</Table.Th>
                    <Table.Th scope="col">{t("directory.organisations.asOf")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((organisation) => (
                    <Table.Tr key={organisation.code}>
                      <Table.Td ff="monospace">{organisation.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {organisation.name}
                        </Text>
                        {organisation.name !== organisation.nameEn ? (
                          <Text size="xs" c="dimmed" lang="en">
                            {organisation.nameEn}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(organisation.members)}</Table.Td>
                      <Table.Td>{format.date(organisation.asOf)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </>
        ) : null}
      </Stack>
    </>
  );
}

import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { State } from "../../domain/directory/schemas.js";
import { usePermission } from "../platform/auth/session.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { regionLabel, subRegionLabel } from "./region-label.js";

/** Names in the interface language first, the other language beneath as secondary text. */
export function StatesTable({ states }: { states: State[] }) {
  const { t, i18n } = useTranslation();
  const russian = i18n.language === "ru";
  // A state's name opens its registry page: memberships, agencies, and what binds it with a partner.
  const linked = usePermission("registry.read");
  return (
    <TableScroll label={t("directory.caption")} minWidth={640}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption className="visually-hidden">{t("directory.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("directory.columns.code")}</Table.Th>
            <Table.Th scope="col">{t("directory.columns.alpha3")}</Table.Th>
            <Table.Th scope="col">{t("directory.columns.numeric")}</Table.Th>
            <Table.Th scope="col">{t("directory.columns.name")}</Table.Th>
            <Table.Th scope="col">{t("directory.columns.region")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {states.map((state) => {
            const [name, otherName, otherLanguage] = russian
              ? [state.nameRu, state.nameEn, "en"]
              : [state.nameEn, state.nameRu, "ru"];
            return (
              <Table.Tr key={state.code}>
                <Table.Td ff="monospace" fw={600}>
                  {state.code}
                </Table.Td>
                <Table.Td ff="monospace">{state.alpha3}</Table.Td>
                <Table.Td ff="monospace">{state.numeric ?? "—"}</Table.Td>
                <Table.Td>
                  {linked ? (
                    <Anchor component={Link} to={`/registry/states/${state.code}`} size="sm" fw={500}>
                      {name}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" lang={otherLanguage}>
                    {otherName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{regionLabel(state.region, t) ?? "—"}</Text>
                  {state.subRegion ? (
                    <Text size="xs" c="dimmed">
                      {subRegionLabel(state.subRegion, t)}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

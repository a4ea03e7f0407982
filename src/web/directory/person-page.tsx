import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconAlertCircle, IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Person } from "../../domain/directory/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { i18n } from "../i18n/i18n.js";
import { useOfficeToday, usePermission } from "../platform/auth/session.js";
import { ConfirmDialog } from "../platform/shell/confirm-dialog.js";
import { DemoBadge } from "../platform/shell/demo-badge.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { DIRECTORY_KEY, removePosition, usePerson } from "./directory-api.js";
import { PersonModal, PositionModal } from "./person-modals.js";
import { byRecency, heldOn } from "./positions.js";
import { useStateNames } from "./state-names.js";

type Position = Person["positions"][number];

/** An official and their positions; `sections`: what other features show about them (routes.tsx composes them). */
export function PersonPage({ sections }: { sections?: (personId: string) => ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const { id = "" } = useParams();
  const person = usePerson(id);
  const canWrite = usePermission("directory.write");
  const canReadRegistry = usePermission("registry.read");
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"none" | "names" | "position">("none");
  const [removing, setRemoving] = useState<Position | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const remove = useMutation({
    mutationFn: (position: Position) => removePosition(id, position.id),
    onSuccess: async () => {
      notifySuccess(i18n.t("directory.positions.removed"));
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: DIRECTORY_KEY });
    },
  });
  const russian = i18n.language === "ru";
  const data = person.data;
  const today = useOfficeToday();
  const positions = data ? [...data.positions].sort(byRecency) : [];

  return (
    <>
      <PageHeader
        title={data ? (russian ? data.nameRu : data.nameEn) : t("directory.people.loading")}
        description={
          data ? (
            <Text span lang={russian ? "en" : "ru"}>
              {russian ? data.nameEn : data.nameRu}
            </Text>
          ) : undefined
        }
        actions={
          data && canWrite ? (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={18} aria-hidden />}
                onClick={() => setDialog("names")}
              >
                {t("directory.people.editNames")}
              </Button>
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog("position")}>
                {t("directory.positions.add")}
              </Button>
            </>
          ) : null
        }
      />
      {person.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("directory.people.loadFailed")}>
          {errorMessage(person.error, t)}
        </Alert>
      ) : null}
      {person.isPending ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          {data.isDemo ? (
            <Group>
              <DemoBadge />
              <Text size="sm">{t("registry.demo.recordText")}</Text>
            </Group>
          ) : null}
          {data.notes ? (
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {data.notes}
            </Text>
          ) : null}
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="person-positions">
            <Title order={2} size="h4" id="person-positions" mb="sm">
              {t("directory.positions.title")}
            </Title>
            {positions.length === 0 ? (
              <Text size="sm">{t("directory.positions.empty")}</Text>
            ) : (
              <TableScroll label={t("directory.positions.title")} minWidth={820}>
                <Table striped withTableBorder>
                  <Table.Caption className="visually-hidden">{t("directory.positions.title")}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("directory.positions.post")}</Table.Th>
                      <Table.Th scope="col">{t("directory.positions.agency")}</Table.Th>
                      <Table.Th scope="col">{t("directory.positions.period")}</Table.Th>
                      <Table.Th scope="col">{t("directory.positions.source")}</Table.Th>
                      {canWrite ? (
                        <Table.Th scope="col">
                          <VisuallyHidden>{t("registry.timeline.actions")}</VisuallyHidden>
                        </Table.Th>
                      ) : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {positions.map((position) => {
                      const title = russian ? position.titleRu : position.titleEn;
                      return (
                        <Table.Tr key={position.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {title}
                            </Text>
                            <Text size="xs" c="dimmed" lang={russian ? "en" : "ru"}>
                              {russian ? position.titleEn : position.titleRu}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{russian ? position.agencyNameRu : position.agencyNameEn}</Text>
                            {canReadRegistry ? (
                              <Anchor
                                component={Link}
                                to={`/registry/states/${position.stateCode}`}
                                size="xs"
                              >
                                {names.name(position.stateCode)}
                              </Anchor>
                            ) : (
                              <Text size="xs">{names.name(position.stateCode)}</Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {t("directory.positions.range", {
                                from: position.startOn ? format.date(position.startOn) : "…",
                                to: position.endOn
                                  ? format.date(position.endOn)
                                  : t("directory.positions.present"),
                              })}
                            </Text>
                            {heldOn(position, today) ? (
                              <Text size="xs" c="green.9" fw={600}>
                                {t("directory.positions.current")}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            {position.sourceUrl ? (
                              <ExternalLink href={position.sourceUrl}>
                                {t("directory.positions.sourceLink")}
                              </ExternalLink>
                            ) : (
                              "—"
                            )}
                          </Table.Td>
                          {canWrite ? (
                            <Table.Td ta="right">
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t("directory.positions.removeLabel", { title })}
                                onClick={(event) => {
                                  opener.current = event.currentTarget;
                                  remove.reset();
                                  setRemoving(position);
                                }}
                              >
                                <IconTrash size={16} aria-hidden />
                              </ActionIcon>
                            </Table.Td>
                          ) : null}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Paper>
          {sections?.(data.id)}
          {canWrite ? (
            <>
              <PersonModal opened={dialog === "names"} person={data} onClose={() => setDialog("none")} />
              <PositionModal
                personId={data.id}
                opened={dialog === "position"}
                onClose={() => setDialog("none")}
              />
              <ConfirmDialog
                opened={removing !== null}
                title={t("directory.positions.removeTitle")}
                confirmLabel={t("directory.positions.remove")}
                danger
                busy={remove.isPending}
                error={remove.isError ? errorMessage(remove.error, t) : null}
                onConfirm={() => removing && remove.mutate(removing)}
                onClose={() => setRemoving(null)}
                onExited={() => opener.current?.focus()}
              >
                {removing
                  ? t("directory.positions.removeText", {
                      title: russian ? removing.titleRu : removing.titleEn,
                    })
                  : null}
              </ConfirmDialog>
            </>
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}

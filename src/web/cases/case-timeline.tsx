import { Alert, Stack, Table, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { dayIn, type IsoDate } from "../../domain/platform/dates.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { useOffice } from "../platform/auth/session.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { useEventTextContext } from "./case-context.js";
import { type CaseEventView, type CaseView, type Team, useCaseEvents } from "./cases-api.js";
import { eventLines } from "./event-text.js";
import { eventTypeLabel } from "./labels.js";

function actorName(event: CaseEventView, system: string): string {
  return event.actor?.displayName ?? (event.actorId ? event.actorId.slice(0, 8) : system);
}

/**
 * The legal date of an event: its `on` (the opening's is the case's `openedOn`, which older
 * streams without one take from the recording). An amendment has none: it shows the day it
 * was recorded, in the office's time zone.
 */
function eventDay(event: CaseEventView, view: CaseView, timeZone: string): IsoDate {
  if (event.type === "opened") return view.openedOn;
  if ("on" in event.payload) return event.payload.on;
  return dayIn(timeZone, event.recordedAt);
}

/** Every event of the case, newest first: the legal date, what happened, and who recorded it when. */
export function CaseTimeline({ view, teams }: { view: CaseView; teams: Team[] | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const office = useOffice();
  const events = useCaseEvents(view.header.reference, view.version);
  const context = useEventTextContext(view, teams);
  if (events.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("cases.timeline.loadFailed")}>
        {errorMessage(events.error, t)}
      </Alert>
    );
  }
  if (!events.data) return <PageLoader />;
  const newestFirst = [...events.data].sort((a, b) => b.sequence - a.sequence);
  const caption = t("cases.timeline.caption");
  return (
    <TableScroll label={caption} minWidth={800}>
      <Table striped withTableBorder verticalSpacing="sm" data-testid="case-timeline">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("cases.timeline.date")}</Table.Th>
            <Table.Th scope="col">{t("cases.timeline.event")}</Table.Th>
            <Table.Th scope="col">{t("cases.timeline.details")}</Table.Th>
            <Table.Th scope="col">{t("cases.timeline.recorded")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((event) => {
            const lines = eventLines(event, context);
            return (
              <Table.Tr key={event.sequence}>
                <Table.Td>
                  <Text size="sm">{format.date(eventDay(event, view, office.timeZone))}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {eventTypeLabel(event.type, t)}
                  </Text>
                </Table.Td>
                <Table.Td maw={480}>
                  {lines.length > 0 ? (
                    <Stack gap={2}>
                      {lines.map((line, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one event never move
                        <Text key={index} size="sm" style={{ whiteSpace: "pre-wrap" }}>
                          {line}
                        </Text>
                      ))}
                    </Stack>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{actorName(event, t("cases.timeline.system"))}</Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(event.recordedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

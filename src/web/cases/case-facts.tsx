import { Badge, Box, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { AssetStage, MeasureStatus } from "../../domain/cases/vocabulary.js";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import type { CaseView } from "./cases-api.js";
import { CASE_ANSWERS, OFFENCE_ANSWERS } from "./facts-values.js";
import { noticeTypeLabel } from "./labels.js";

const MEASURE_COLORS: Record<MeasureStatus, string> = {
  requested: "gray",
  in_progress: "blue",
  executed: "green",
  partially_executed: "teal",
  refused: "red",
  withdrawn: "gray",
};

const STAGE_COLORS: Record<AssetStage, string> = {
  identified: "gray",
  traced: "blue",
  frozen: "indigo",
  confiscated: "orange",
  returned: "green",
  shared: "teal",
  released: "gray",
};

function Section({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {empty ? <Text size="sm">{empty}</Text> : children}
    </Box>
  );
}

function useMonths() {
  const { t } = useTranslation();
  return (months: number | null | undefined) => {
    if (months === null || months === undefined) return "—";
    return months % 12 === 0 && months > 0
      ? t("cases.facts.years", { years: months / 12 })
      : t("cases.facts.monthsValue", { months });
  };
}

/** The case's facts as its events left them: measure statuses and asset stages are current. */
export function CaseFacts({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const months = useMonths();
  const { facts } = view;
  const persons = new Map(facts.persons.map((person) => [person.id, person.fullName]));
  const person = (id: string | null | undefined) => (id ? (persons.get(id) ?? id) : "—");
  const yesNo = (value: boolean | null | undefined) =>
    value === true ? t("common.yes") : value === false ? t("common.no") : t("cases.facts.answers.unknown");
  const table = (caption: string, minWidth: number, head: string[], rows: ReactNode) => (
    <TableScroll label={caption} minWidth={minWidth}>
      <Table striped withTableBorder verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {head.map((label) => (
              <Table.Th key={label} scope="col">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </TableScroll>
  );

  return (
    <Stack gap="xl">
      <Section
        id="facts-view-offences"
        title={t("cases.facts.offences")}
        empty={facts.offences.length === 0 ? t("cases.facts.noOffences") : null}
      >
        {table(
          t("cases.facts.offences"),
          900,
          [
            t("cases.facts.article"),
            t("cases.facts.description"),
            t("cases.facts.category"),
            t("cases.facts.maximumPenalty"),
            t("cases.facts.committedOn"),
            t("cases.facts.answersShort"),
          ],
          facts.offences.map((offence) => {
            const answered = OFFENCE_ANSWERS.filter(
              (answer) => offence[answer] !== null && offence[answer] !== undefined,
            );
            return (
              <Table.Tr key={offence.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {offence.article}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {offence.id}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm">{offence.description}</Text>
                </Table.Td>
                <Table.Td>{offence.category ?? "—"}</Table.Td>
                <Table.Td>{months(offence.maximumPenaltyMonths)}</Table.Td>
                <Table.Td>{offence.committedOn ? format.date(offence.committedOn) : "—"}</Table.Td>
                <Table.Td maw={260}>
                  {answered.length === 0 ? (
                    "—"
                  ) : (
                    <Stack gap={0}>
                      {answered.map((answer) => (
                        <Text key={answer} size="xs">
                          {`${t(`cases.facts.offenceAnswer.${answer}`)}: ${yesNo(offence[answer])}`}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          }),
        )}
      </Section>

      <Section
        id="facts-view-persons"
        title={t("cases.facts.persons")}
        empty={facts.persons.length === 0 ? t("cases.facts.noPersons") : null}
      >
        {table(
          t("cases.facts.persons"),
          800,
          [
            t("cases.facts.fullName"),
            t("cases.facts.role"),
            t("cases.facts.nationalities"),
            t("cases.facts.birthDate"),
            t("cases.facts.location"),
          ],
          facts.persons.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {entry.fullName}
                </Text>
                {entry.otherNames.length > 0 ? (
                  <Text size="xs" c="dimmed">
                    {entry.otherNames.join("; ")}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`cases.vocab.personRoles.${entry.role}`)}</Table.Td>
              <Table.Td>
                {entry.nationalities.length > 0
                  ? entry.nationalities.map((code) => names.name(code)).join(", ")
                  : "—"}
              </Table.Td>
              <Table.Td>{entry.birthDate ? format.date(entry.birthDate) : "—"}</Table.Td>
              <Table.Td>{entry.location ?? "—"}</Table.Td>
            </Table.Tr>
          )),
        )}
      </Section>

      <Section
        id="facts-view-measures"
        title={t("cases.facts.measures")}
        empty={facts.measures.length === 0 ? t("cases.facts.noMeasures") : null}
      >
        {table(
          t("cases.facts.measures"),
          800,
          [
            t("cases.facts.measureKind"),
            t("cases.facts.description"),
            t("cases.facts.executingAuthority"),
            t("cases.facts.status"),
          ],
          facts.measures.map((measure) => (
            <Table.Tr key={measure.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`cases.vocab.measureKinds.${measure.kind}`)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {measure.id}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm">{measure.description}</Text>
              </Table.Td>
              <Table.Td>{measure.executingAuthority ?? "—"}</Table.Td>
              <Table.Td>
                <Badge color={MEASURE_COLORS[measure.status]} variant="light">
                  {t(`cases.vocab.measureStatuses.${measure.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          )),
        )}
      </Section>

      <Section
        id="facts-view-assets"
        title={t("cases.facts.assets")}
        empty={facts.assets.length === 0 ? t("cases.facts.noAssets") : null}
      >
        {table(
          t("cases.facts.assets"),
          900,
          [
            t("cases.facts.assetType"),
            t("cases.facts.description"),
            t("cases.facts.value"),
            t("cases.facts.holder"),
            t("cases.facts.location"),
            t("cases.facts.stage"),
          ],
          facts.assets.map((asset) => (
            <Table.Tr key={asset.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t(`cases.vocab.assetTypes.${asset.type}`)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {asset.id}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm">{asset.description}</Text>
              </Table.Td>
              <Table.Td>
                {asset.value ? (
                  <Text size="sm" ff="monospace">{`${asset.value.amount} ${asset.value.currency}`}</Text>
                ) : (
                  "—"
                )}
                {asset.valuedOn ? (
                  <Text size="xs" c="dimmed">
                    {t("cases.facts.valuedOnValue", { date: format.date(asset.valuedOn) })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{asset.holder ?? "—"}</Table.Td>
              <Table.Td>
                {[asset.location, asset.locationState ? names.name(asset.locationState) : null]
                  .filter(Boolean)
                  .join(", ") || "—"}
              </Table.Td>
              <Table.Td>
                <Badge color={STAGE_COLORS[asset.stage]} variant="light">
                  {t(`cases.vocab.assetStages.${asset.stage}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          )),
        )}
      </Section>

      <Section
        id="facts-view-notices"
        title={t("cases.facts.notices")}
        empty={facts.notices.length === 0 ? t("cases.facts.noNotices") : null}
      >
        {table(
          t("cases.facts.notices"),
          700,
          [
            t("cases.facts.noticeType"),
            t("cases.facts.noticeNumber"),
            t("cases.facts.issuedOn"),
            t("cases.facts.expiresOn"),
            t("cases.facts.person"),
          ],
          facts.notices.map((notice) => (
            <Table.Tr key={notice.id}>
              <Table.Td>{noticeTypeLabel(notice.type, t)}</Table.Td>
              <Table.Td ff="monospace">{notice.number}</Table.Td>
              <Table.Td>{notice.issuedOn ? format.date(notice.issuedOn) : "—"}</Table.Td>
              <Table.Td>{notice.expiresOn ? format.date(notice.expiresOn) : "—"}</Table.Td>
              <Table.Td>{person(notice.personId)}</Table.Td>
            </Table.Tr>
          )),
        )}
      </Section>

      <Section
        id="facts-view-warrants"
        title={t("cases.facts.warrants")}
        empty={facts.warrants.length === 0 ? t("cases.facts.noWarrants") : null}
      >
        {table(
          t("cases.facts.warrants"),
          800,
          [
            t("cases.facts.warrantKind"),
            t("cases.facts.issuedBy"),
            t("cases.facts.issuedOn"),
            t("cases.facts.warrantReference"),
            t("cases.facts.person"),
            t("cases.facts.warrantFlags"),
          ],
          facts.warrants.map((warrant) => (
            <Table.Tr key={warrant.id}>
              <Table.Td>{t(`cases.vocab.warrantKinds.${warrant.kind}`)}</Table.Td>
              <Table.Td>{warrant.issuedBy}</Table.Td>
              <Table.Td>{format.date(warrant.issuedOn)}</Table.Td>
              <Table.Td>{warrant.reference ?? "—"}</Table.Td>
              <Table.Td>{person(warrant.personId)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {warrant.inAbsentia ? (
                    <Badge variant="outline" color="orange">
                      {t("cases.facts.inAbsentia")}
                    </Badge>
                  ) : null}
                  {warrant.final ? (
                    <Badge variant="outline" color="navy">
                      {t("cases.facts.final")}
                    </Badge>
                  ) : null}
                  {!warrant.inAbsentia && !warrant.final ? "—" : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          )),
        )}
      </Section>

      <Section id="facts-view-answers" title={t("cases.facts.caseAnswers")} empty={null}>
        <Stack gap={2}>
          {CASE_ANSWERS.map((answer) => (
            <Text key={answer} size="sm">
              {`${t(`cases.facts.caseAnswer.${answer}`)}: ${yesNo(facts[answer])}`}
            </Text>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}

import { Alert, Anchor, Group, List, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { useResolve } from "../registry/registry-api.js";
import type { Team } from "./cases-api.js";
import { kindAndDirection } from "./labels.js";
import { candidateLabel, candidateValue, resolveQueryOf } from "./wizard-basis-step.js";
import type { WizardForm } from "./wizard-request-step.js";
import { missingItems, RECIPROCITY, stepOfItem, type WizardStep } from "./wizard-values.js";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="30%" fw={600}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Step 4: everything entered, and what a complete request still lacks. */
export function WizardReviewStep({
  form,
  teams,
  onGoTo,
}: {
  form: WizardForm;
  teams: Team[] | null;
  onGoTo: (step: WizardStep) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const today = useOfficeToday();
  const values = form.values;
  const resolve = useResolve(resolveQueryOf(values, today));
  const missing = missingItems(values);
  const chosen = resolve.data?.candidates.find((candidate) => candidateValue(candidate) === values.basis);
  const basis =
    values.basis === null
      ? t("cases.wizard.basisNotKnown")
      : values.basis === RECIPROCITY
        ? t("cases.basis.reciprocity")
        : chosen
          ? candidateLabel(chosen, i18n.language, t("cases.basis.reciprocity"))
          : values.basis;
  const team = teams?.find((candidate) => candidate.id === values.teamId)?.name;
  const state = (code: string | null) => (code ? `${names.name(code)} (${code})` : "—");
  const { facts } = values;

  return (
    <Stack gap="lg">
      <section aria-labelledby="wizard-completeness">
        <Title order={3} size="h5" id="wizard-completeness" mb="xs">
          {t("cases.wizard.completeness")}
        </Title>
        {missing.length === 0 ? (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />}>
            {t("cases.wizard.complete")}
          </Alert>
        ) : (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t("cases.wizard.stillMissing")}
          >
            <Text size="sm" mb="xs">
              {t("cases.wizard.stillMissingHint")}
            </Text>
            <List size="sm" spacing={4}>
              {missing.map((item) => (
                <List.Item key={item}>
                  <Group gap="xs">
                    <span>{t(`cases.wizard.missing.${item}`)}</span>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onGoTo(stepOfItem(item))}
                    >
                      {t("cases.wizard.goToStep", { step: t(`cases.wizard.steps.${stepOfItem(item)}`) })}
                    </Anchor>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </section>

      <section aria-labelledby="wizard-summary">
        <Title order={3} size="h5" id="wizard-summary" mb="xs">
          {t("cases.wizard.summary")}
        </Title>
        <Table withTableBorder verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{t("cases.wizard.summary")}</Table.Caption>
          <Table.Tbody>
            <Row label={t("cases.fields.reference")}>
              <Text size="sm" ff="monospace">
                {values.reference || "—"}
              </Text>
            </Row>
            <Row label={t("cases.fields.title")}>{values.title || "—"}</Row>
            <Row label={t("cases.fields.kind")}>{kindAndDirection(values.kind, values.direction, t)}</Row>
            <Row label={t("cases.fields.requestingState")}>{state(values.requestingState)}</Row>
            <Row label={t("cases.fields.requestedState")}>{state(values.requestedState)}</Row>
            {values.direction === "incoming" ? (
              <Row label={t("cases.fields.receivedOn")}>
                {values.receivedOn ? format.date(values.receivedOn) : "—"}
              </Row>
            ) : null}
            <Row label={t("cases.fields.legalBasis")}>
              {basis}
              {values.basis && values.basis !== RECIPROCITY && values.basisArticles.trim()
                ? `, ${values.basisArticles.trim()}`
                : ""}
            </Row>
            <Row label={t("cases.fields.priority")}>{t(`cases.vocab.priorities.${values.priority}`)}</Row>
            <Row label={t("cases.fields.confidentiality")}>
              {t(`cases.vocab.confidentiality.${values.confidentiality}`)}
            </Row>
            {teams ? <Row label={t("cases.fields.team")}>{team ?? "—"}</Row> : null}
            <Row label={t("cases.facts.offences")}>
              {facts.offences.length === 0
                ? "—"
                : facts.offences.map((offence) => offence.article || offence.id).join("; ")}
            </Row>
            <Row label={t("cases.facts.persons")}>
              {facts.persons.length === 0
                ? "—"
                : facts.persons
                    .map(
                      (person) =>
                        `${person.fullName || person.id} (${t(`cases.vocab.personRoles.${person.role}`)})`,
                    )
                    .join("; ")}
            </Row>
            <Row label={t("cases.facts.measures")}>
              {facts.measures.length === 0
                ? "—"
                : facts.measures.map((measure) => t(`cases.vocab.measureKinds.${measure.kind}`)).join("; ")}
            </Row>
            <Row label={t("cases.facts.assets")}>
              {facts.assets.length === 0
                ? "—"
                : facts.assets
                    .map(
                      (asset) =>
                        `${t(`cases.vocab.assetTypes.${asset.type}`)}${asset.amount ? ` (${asset.amount} ${asset.currency})` : ""}`,
                    )
                    .join("; ")}
            </Row>
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

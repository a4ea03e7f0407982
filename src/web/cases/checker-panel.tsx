import { Alert, Badge, Box, Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconCheck, IconHelpCircle, IconX } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Bilingual } from "../../domain/platform/schemas.js";
import type { RuleReference } from "../../domain/rules/schemas.js";
import { useFormat } from "../format.js";
import { inLanguage } from "./bilingual.js";
import type { CaseView } from "./cases-api.js";
import { groundLabel, questionLabel } from "./labels.js";

/** "E24-3.1 · CETS024 art. 3(1)", with an "unverified" badge when a lawyer has not confirmed the rule. */
export function Citation({ item }: { item: RuleReference }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed" ff="monospace">
        {[item.ruleId, [item.instrument, item.article].filter(Boolean).join(" ")].filter(Boolean).join(" · ")}
      </Text>
      {!item.verified ? (
        <Badge color="orange" variant="light" size="xs">
          {t("cases.checker.unverified")}
        </Badge>
      ) : null}
    </Group>
  );
}

function Block({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb={hint ? 2 : "xs"}>
        {title}
      </Title>
      {hint ? (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      ) : null}
      {children}
    </Box>
  );
}

/** A list of findings as cards (the grounds, the conditions). */
function FindingList({ children }: { children: ReactNode }) {
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
      {children}
    </Stack>
  );
}

/** One finding: its title and citation, its badges at the side, then the rule's explanation. */
function FindingCard({
  title,
  cited,
  badges,
  explanation,
  children,
}: {
  title: string;
  cited: RuleReference;
  badges: ReactNode;
  explanation: string;
  children?: ReactNode;
}) {
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ flex: 1 }}>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Citation item={cited} />
        </Stack>
        <Group gap={4}>{badges}</Group>
      </Group>
      <Text size="sm" mt={4}>
        {explanation}
      </Text>
      {children}
    </Paper>
  );
}

function StatusBadge({ status }: { status: "applies" | "may_apply" }) {
  const { t } = useTranslation();
  return status === "applies" ? (
    <Badge color="red" variant="light" size="sm">
      {t("cases.checker.applies")}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" size="sm" c="dark">
      {t("cases.checker.mayApply")}
    </Badge>
  );
}

type Props = {
  view: CaseView;
  /** Opens "Amend facts" with the answers shown; null when facts cannot be amended now. */
  onAnswer: ((trigger: HTMLElement) => void) | null;
};

/** The admissibility checker's findings: it cites the rules, it does not decide. */
export function CheckerPanel({ view, onAnswer }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  const text = (value: Bilingual) => inLanguage(value, language);
  const persons = new Map(view.facts.persons.map((person) => [person.id, person.fullName]));
  const offences = new Map(view.facts.offences.map((offence) => [offence.id, offence.article]));
  const subject = (offenceId: string | null | undefined, personId: string | null | undefined) =>
    [
      offenceId ? (offences.get(offenceId) ?? offenceId) : null,
      personId ? (persons.get(personId) ?? personId) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  const {
    grounds,
    missingFacts: missing,
    conditions,
    thresholds,
    requestContent: content,
    judgementGrounds: judgement,
    notes,
    followUps,
    caveats,
    decisionIssues: issues,
  } = view.checker;
  const mandatory = grounds.filter((ground) => ground.kind === "mandatory");
  const optional = grounds.filter((ground) => ground.kind === "optional");
  const months = (value: number | null) =>
    value === null ? t("cases.facts.answers.unknown") : t("cases.facts.monthsValue", { months: value });

  const groundList = (list: typeof grounds, kind: "mandatory" | "optional") =>
    list.length === 0 ? (
      <Text size="sm">{t("cases.checker.noGrounds")}</Text>
    ) : (
      <FindingList>
        {list.map((ground) => (
          <FindingCard
            key={`${kind}-${ground.ruleId}-${ground.ground}`}
            title={text(ground.title) || groundLabel(ground.ground, t)}
            cited={ground}
            badges={
              <>
                <StatusBadge status={ground.status} />
                <Badge variant="outline" color="navy" size="sm">
                  {groundLabel(ground.ground, t)}
                </Badge>
                {ground.advisory ? (
                  <Badge variant="light" color="gray" size="sm">
                    {t("cases.checker.advisory")}
                  </Badge>
                ) : null}
              </>
            }
            explanation={text(ground.explanation)}
          >
            {ground.facts.length > 0 ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t("cases.checker.because", {
                  facts: ground.facts
                    .map((fact) =>
                      [questionLabel(fact.fact, t), subject(fact.offenceId, fact.personId)]
                        .filter(Boolean)
                        .join(": "),
                    )
                    .join("; "),
                })}
              </Text>
            ) : null}
            {ground.exceptions.length > 0 ? (
              <List size="xs" mt={4}>
                {ground.exceptions.map((exception) => (
                  <List.Item key={exception}>{exception}</List.Item>
                ))}
              </List>
            ) : null}
          </FindingCard>
        ))}
      </FindingList>
    );

  return (
    <Stack gap="lg" data-testid="checker-panel">
      <Text size="sm">
        {view.checker.basis === "reciprocity"
          ? t("cases.checker.onReciprocity")
          : view.checker.legalBasisCodes.length > 0
            ? t("cases.checker.onBasis", { codes: view.checker.legalBasisCodes.join(", ") })
            : t("cases.checker.noBasis")}
      </Text>
      {issues.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t("cases.checker.decisionIssues")}>
          <List size="sm">
            {issues.map((issue) => (
              <List.Item key={`${issue.ruleId}-${issue.eventIndex}`}>{text(issue.message)}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}

      <Block
        id="checker-missing"
        title={t("cases.checker.missingFacts")}
        hint={t("cases.checker.missingFactsHint")}
      >
        {missing.length === 0 ? (
          <Text size="sm">{t("cases.checker.noMissingFacts")}</Text>
        ) : (
          <Stack gap="xs">
            <List size="sm" spacing={4} icon={<IconHelpCircle size={16} aria-hidden />}>
              {missing.map((fact) => (
                <List.Item key={`${fact.question}-${fact.offenceId ?? ""}-${fact.personId ?? ""}`}>
                  <Text size="sm" span>
                    {text(fact.asks) || questionLabel(fact.question, t)}
                  </Text>
                  {subject(fact.offenceId, fact.personId) ? (
                    <Text size="xs" c="dimmed" span>
                      {` (${subject(fact.offenceId, fact.personId)})`}
                    </Text>
                  ) : null}
                  {fact.ruleIds.length > 0 ? (
                    <Text size="xs" c="dimmed" ff="monospace" span>
                      {` ${fact.ruleIds.join(", ")}`}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
            {onAnswer ? (
              <Group>
                <Button size="xs" variant="default" onClick={(event) => onAnswer(event.currentTarget)}>
                  {t("cases.checker.answer")}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </Block>

      <Block
        id="checker-mandatory"
        title={t("cases.checker.mandatory")}
        hint={t("cases.checker.mandatoryHint")}
      >
        {groundList(mandatory, "mandatory")}
      </Block>
      <Block id="checker-optional" title={t("cases.checker.optional")} hint={t("cases.checker.optionalHint")}>
        {groundList(optional, "optional")}
      </Block>
      {judgement.length > 0 ? (
        <Block
          id="checker-judgement"
          title={t("cases.checker.judgement")}
          hint={t("cases.checker.judgementHint")}
        >
          <List size="sm" spacing={4}>
            {judgement.map((ground) => (
              <List.Item key={`${ground.ruleId}-${ground.ground}`}>
                <Text size="sm" span fw={600}>
                  {text(ground.title) || groundLabel(ground.ground, t)}
                </Text>
                <Citation item={ground} />
              </List.Item>
            ))}
          </List>
        </Block>
      ) : null}

      <Block
        id="checker-conditions"
        title={t("cases.checker.conditions")}
        hint={t("cases.checker.conditionsHint")}
      >
        {conditions.length === 0 ? (
          <Text size="sm">{t("cases.checker.noConditions")}</Text>
        ) : (
          <FindingList>
            {conditions.map((condition) => (
              <FindingCard
                key={`${condition.ruleId}-${condition.before}`}
                title={text(condition.title)}
                cited={condition}
                badges={
                  <>
                    {condition.met ? (
                      <Badge color="green" leftSection={<IconCheck size={12} aria-hidden />}>
                        {t("cases.checker.met")}
                      </Badge>
                    ) : (
                      <Badge color="red" leftSection={<IconX size={12} aria-hidden />}>
                        {t("cases.checker.unmet")}
                      </Badge>
                    )}
                    {condition.blocking && !condition.met ? (
                      <Badge color="red" variant="outline">
                        {t("cases.checker.blocking")}
                      </Badge>
                    ) : null}
                  </>
                }
                explanation={text(condition.explanation)}
              />
            ))}
          </FindingList>
        )}
      </Block>

      <Block id="checker-thresholds" title={t("cases.checker.thresholds")}>
        {thresholds.length === 0 ? (
          <Text size="sm">{t("cases.checker.noThresholds")}</Text>
        ) : (
          <List size="sm" spacing={6}>
            {thresholds.map((threshold) => (
              <List.Item key={`${threshold.ruleId}-${threshold.offenceId ?? ""}`}>
                <Group gap="xs">
                  <Text size="sm" span>
                    {t("cases.checker.threshold", {
                      offence: threshold.offenceId
                        ? (offences.get(threshold.offenceId) ?? threshold.offenceId)
                        : "—",
                      required: months(threshold.requiredMonths),
                      actual: months(threshold.actualMonths),
                    })}
                  </Text>
                  {threshold.passes === true ? (
                    <Badge color="green" size="sm">
                      {t("cases.checker.passes")}
                    </Badge>
                  ) : threshold.passes === false ? (
                    <Badge color="red" size="sm">
                      {t("cases.checker.fails")}
                    </Badge>
                  ) : (
                    <Badge color="gray" size="sm">
                      {t("cases.checker.unknownThreshold")}
                    </Badge>
                  )}
                  {threshold.advisory ? (
                    <Badge color="gray" variant="light" size="sm">
                      {t("cases.checker.advisory")}
                    </Badge>
                  ) : null}
                </Group>
                <Citation item={threshold} />
              </List.Item>
            ))}
          </List>
        )}
      </Block>

      {content.length > 0 ? (
        <Block
          id="checker-content"
          title={t("cases.checker.requiredContent")}
          hint={t("cases.checker.requiredContentHint")}
        >
          <Stack gap="sm">
            {content.map((requirement) => (
              <Box key={requirement.ruleId}>
                <Text size="sm" fw={600}>
                  {language === "ru" ? requirement.titleRu : requirement.titleEn}
                </Text>
                <Citation
                  item={{
                    ruleId: requirement.ruleId,
                    instrument: requirement.instrumentCode,
                    article: requirement.article,
                    verified: requirement.verified,
                  }}
                />
                <List size="sm" spacing={2} mt={4}>
                  {requirement.items.map((item) => (
                    <List.Item
                      key={item.item}
                      icon={
                        item.present === true ? (
                          <IconCheck size={16} aria-hidden color="var(--mantine-color-green-9)" />
                        ) : item.present === false ? (
                          <IconX size={16} aria-hidden color="var(--mantine-color-red-9)" />
                        ) : (
                          <IconHelpCircle size={16} aria-hidden />
                        )
                      }
                    >
                      <Text size="sm" span>
                        {`${language === "ru" ? item.labelRu : item.labelEn} — ${
                          item.present === true
                            ? t("cases.checker.present")
                            : item.present === false
                              ? t("cases.checker.absent")
                              : t("cases.checker.confirm")
                        }`}
                      </Text>
                      {item.present !== true && (item.hintEn || item.hintRu) ? (
                        <Text size="xs" c="dimmed">
                          {language === "ru" ? item.hintRu : item.hintEn}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Box>
            ))}
          </Stack>
        </Block>
      ) : null}

      {followUps.length > 0 ? (
        <Block id="checker-follow-ups" title={t("cases.checker.followUps")}>
          <List size="sm" spacing={4}>
            {followUps.map((followUp) => (
              <List.Item key={`${followUp.ruleId}-${followUp.task}`}>
                <Text size="sm" span>
                  {`${t(`cases.vocab.followUpTasks.${followUp.task}`)} — ${t(`cases.checker.followUpStatus.${followUp.status}`)}`}
                  {followUp.decidedOn ? ` (${format.date(followUp.decidedOn)})` : ""}
                </Text>
                <Text size="xs" c="dimmed">
                  {text(followUp.note)}
                </Text>
                <Citation item={followUp} />
              </List.Item>
            ))}
          </List>
        </Block>
      ) : null}

      {notes.length > 0 ? (
        <Block id="checker-notes" title={t("cases.checker.notes")}>
          <List size="sm" spacing={4}>
            {notes.map((note) => (
              <List.Item key={note.ruleId}>
                <Text size="sm" fw={600} span>
                  {text(note.title)}
                </Text>
                <Text size="sm">{text(note.explanation)}</Text>
                <Citation item={note} />
              </List.Item>
            ))}
          </List>
        </Block>
      ) : null}

      {caveats.length > 0 ? (
        <Block id="checker-caveats" title={t("cases.checker.caveats")}>
          <List size="sm" spacing={4} icon={<IconAlertTriangle size={16} aria-hidden />}>
            {caveats.map((caveat) => (
              <List.Item key={caveat.code}>{text(caveat.text)}</List.Item>
            ))}
          </List>
        </Block>
      ) : null}
    </Stack>
  );
}

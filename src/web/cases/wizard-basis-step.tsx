import { Alert, Box, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type IsoDate, isIsoDate } from "../../domain/platform/dates.js";
import type { CandidateView } from "../../domain/registry/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useStateNames } from "../directory/state-names.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { CandidateCard } from "../registry/candidate-card.js";
import { titlesOf } from "../registry/instrument-title.js";
import { type ResolveQuery, useResolve } from "../registry/registry-api.js";
import type { WizardForm } from "./wizard-request-step.js";
import { RECIPROCITY, type WizardValues } from "./wizard-values.js";

const NOT_KNOWN = "none";

/**
 * The resolver's question for the wizard's answers so far, on the day an incoming request
 * arrived or else today; null until both states are chosen.
 */
export function resolveQueryOf(values: WizardValues, today: IsoDate): ResolveQuery | null {
  const { requestingState, requestedState } = values;
  if (!requestingState || !requestedState || requestingState === requestedState) return null;
  const date = values.direction === "incoming" && isIsoDate(values.receivedOn) ? values.receivedOn : today;
  const sought = values.facts.persons.find((person) => person.role === "sought");
  const nationality = values.kind === "extradition" ? sought?.nationalities[0] : undefined;
  return { requesting: requestingState, requested: requestedState, kind: values.kind, date, nationality };
}

/** The value of a candidate's radio button: its instrument, or reciprocity. */
export function candidateValue(candidate: Pick<CandidateView, "instrument">): string {
  return candidate.instrument?.id ?? RECIPROCITY;
}

/** "CETS024 — European Convention on Extradition", or "Reciprocity". */
export function candidateLabel(
  candidate: Pick<CandidateView, "instrument">,
  language: string,
  reciprocity: string,
) {
  if (!candidate.instrument) return reciprocity;
  return `${candidate.instrument.code} — ${titlesOf(candidate.instrument, language).primary}`;
}

/** Step 2: the resolver's candidates for the two states, the kind and the date; the user picks one. */
export function WizardBasisStep({ form }: { form: WizardForm }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const today = useOfficeToday();
  const values = form.values;
  const query = resolveQueryOf(values, today);
  const resolve = useResolve(query);
  const candidates = resolve.data?.candidates ?? [];
  // Instruments that do not apply cannot be chosen: they are listed apart, for the record.
  const usable = candidates.filter((candidate) => candidate.status !== "not_applicable");
  const inapplicable = candidates.filter((candidate) => candidate.status === "not_applicable");
  const touched = useRef(values.basis !== null);

  // The recommended basis is chosen for the user once, until they choose themselves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer of the resolver proposes a basis
  useEffect(() => {
    if (touched.current || !resolve.data) return;
    const recommended = resolve.data.candidates.find((candidate) => candidate.recommended);
    if (recommended) form.setFieldValue("basis", candidateValue(recommended));
  }, [resolve.data]);

  if (!query) {
    return (
      <Alert color="orange" icon={<IconInfoCircle aria-hidden />}>
        {t("cases.wizard.basisNeedsStates")}
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm" role="status" aria-live="polite">
        {resolve.data
          ? t("cases.wizard.basisSummary", {
              requesting: names.name(query.requesting),
              requested: names.name(query.requested),
              kind: t(`cases.vocab.kinds.${values.kind}`),
              date: format.date(query.date),
              number: format.number(candidates.length),
            })
          : ""}
      </Text>
      {resolve.isError ? (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("cases.wizard.resolveFailed")}>
          {errorMessage(resolve.error, t)}
        </Alert>
      ) : null}
      {resolve.isPending ? <PageLoader /> : null}
      <Radio.Group
        label={t("cases.wizard.basisChoice")}
        description={t("cases.wizard.basisChoiceHint")}
        value={values.basis ?? NOT_KNOWN}
        onChange={(value) => {
          touched.current = true;
          form.setFieldValue("basis", value === NOT_KNOWN ? null : value);
        }}
        error={form.errors.basis}
      >
        <Stack gap="md" mt="sm" component="ol" p={0} m={0} style={{ listStyle: "none" }}>
          {usable.map((candidate) => {
            const value = candidateValue(candidate);
            return (
              <Box component="li" key={`${candidate.rank}-${value}`}>
                <Radio
                  value={value}
                  mb="xs"
                  fw={600}
                  label={candidateLabel(candidate, i18n.language, t("cases.basis.reciprocity"))}
                />
                <CandidateCard candidate={candidate} states={[query.requesting, query.requested]} />
              </Box>
            );
          })}
          <Box component="li">
            <Radio value={NOT_KNOWN} label={t("cases.wizard.basisNotKnown")} />
          </Box>
        </Stack>
      </Radio.Group>
      {inapplicable.length > 0 ? (
        <details>
          <summary>
            <Text span size="sm" fw={600}>
              {t("cases.wizard.inapplicable", { number: format.number(inapplicable.length) })}
            </Text>
          </summary>
          <Stack gap="sm" mt="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {inapplicable.map((candidate) => (
              <Box component="li" key={`${candidate.rank}-${candidateValue(candidate)}`}>
                <CandidateCard candidate={candidate} states={[query.requesting, query.requested]} />
              </Box>
            ))}
          </Stack>
        </details>
      ) : null}
      {values.basis && values.basis !== RECIPROCITY ? (
        <TextInput
          label={t("cases.fields.articles")}
          description={t("cases.wizard.articlesHint")}
          maxLength={200}
          {...form.getInputProps("basisArticles")}
        />
      ) : null}
      {values.basis === RECIPROCITY ? (
        <Textarea
          label={t("cases.fields.reciprocityNote")}
          description={t("cases.wizard.reciprocityNoteHint")}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps("reciprocityNote")}
        />
      ) : null}
    </Stack>
  );
}

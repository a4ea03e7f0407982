import { Alert, Button, Group, Paper, Stack, Stepper, Title } from "@mantine/core";
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { z } from "zod";
import { errorMessage } from "../api/errors.js";
import { issueMessage } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { useOfficeToday, useSession } from "../platform/auth/session.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { CASES_KEY, createCase, type NewCase, useTeams } from "./cases-api.js";
import { FactsEditor, type FactsFormApi } from "./facts-editor.js";
import { serverErrorsByField } from "./server-errors.js";
import { WizardBasisStep } from "./wizard-basis-step.js";
import { useWizardForm, WizardRequestStep } from "./wizard-request-step.js";
import { WizardReviewStep } from "./wizard-review-step.js";
import {
  checkBody,
  randomKey,
  stepOfField,
  WIZARD_STEPS,
  type WizardStep,
  type WizardValues,
  wizardPath,
} from "./wizard-values.js";

/** The schema's problems as the wizard's field errors, with the states' own rule added. */
function problems(values: WizardValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = checkBody(values);
  if (!check.ok) {
    for (const issue of check.issues as z.core.$ZodIssue[]) {
      const path = wizardPath(issue.path.map(String).join("."));
      if (!(path in errors)) errors[path] = issueMessage(issue, t);
    }
  }
  if (!values.requestingState) errors.requestingState = t("cases.wizard.chooseState");
  if (!values.requestedState) errors.requestedState = t("cases.wizard.chooseState");
  if (values.requestingState && values.requestingState === values.requestedState)
    errors.requestedState = t("cases.wizard.differentStates");
  return errors;
}

function errorsOfStep(errors: Record<string, string>, step: WizardStep): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfField(path) === step));
}

/** Opens a case in four steps: the request, its legal basis, its facts, and a review. */
export function CaseWizardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const today = useOfficeToday();
  const form = useWizardForm(today);
  const [active, setActive] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // One key per submitted body: a retry of the same body reuses it, a changed body gets a new one.
  const submission = useRef<{ key: string; body: string } | null>(null);
  const step = WIZARD_STEPS[active] ?? "request";
  const userId = useSession().user?.id;

  // A user in exactly one team opens cases for it unless they choose otherwise.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the arrival of the teams proposes one
  useEffect(() => {
    const mine = (teams.data ?? []).filter((team) => team.members.some((member) => member.userId === userId));
    if (mine.length === 1 && form.getValues().teamId === null)
      form.setFieldValue("teamId", mine[0]?.id ?? null);
  }, [teams.data]);

  const create = useMutation({
    mutationFn: ({ body, key }: { body: NewCase; key: string }) => createCase(body, key),
    onSuccess: async (view) => {
      notifySuccess(i18n.t("cases.wizard.created", { reference: view.header.reference }));
      await queryClient.invalidateQueries({ queryKey: CASES_KEY });
      await navigate(`/cases/${encodeURIComponent(view.header.reference)}`);
    },
    onError: (error) => {
      const errors = serverErrorsByField(error, wizardPath);
      if (Object.keys(errors).length === 0) return;
      form.setErrors(errors);
      const first = Object.keys(errors)[0] ?? "";
      goTo(WIZARD_STEPS.indexOf(stepOfField(first)));
      focusFirstInvalid();
    },
  });

  const goTo = (index: number) => {
    setActive(index);
    window.setTimeout(() => heading.current?.focus(), 0);
  };
  const next = () => {
    const errors = errorsOfStep(problems(form.getValues(), t), step);
    if (step !== "review" && Object.keys(errors).length > 0) {
      form.setErrors(errors);
      focusFirstInvalid();
      return;
    }
    form.clearErrors();
    goTo(Math.min(active + 1, WIZARD_STEPS.length - 1));
  };
  const submit = () => {
    const values = form.getValues();
    const errors = problems(values, t);
    const check = checkBody(values);
    if (Object.keys(errors).length > 0 || !check.ok) {
      form.setErrors(errors);
      const first = Object.keys(errors)[0] ?? "";
      goTo(WIZARD_STEPS.indexOf(stepOfField(first)));
      focusFirstInvalid();
      return;
    }
    const body = JSON.stringify(check.body);
    if (submission.current?.body !== body) submission.current = { key: randomKey(), body };
    create.mutate({ body: check.body, key: submission.current.key });
  };

  return (
    <>
      <PageHeader title={t("cases.wizard.title")} description={t("cases.wizard.subtitle")} />
      <Stack gap="lg">
        <Stepper
          active={active}
          onStepClick={(index) => (index < active ? goTo(index) : undefined)}
          allowNextStepsSelect={false}
          size="sm"
          aria-label={t("cases.wizard.stepsLabel")}
        >
          {WIZARD_STEPS.map((name) => (
            <Stepper.Step
              key={name}
              label={t(`cases.wizard.steps.${name}`)}
              description={t(`cases.wizard.stepHints.${name}`)}
            />
          ))}
        </Stepper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="wizard-step-heading">
          <Title order={2} size="h3" id="wizard-step-heading" ref={heading} tabIndex={-1} mb="md">
            {t("cases.wizard.stepHeading", {
              number: active + 1,
              total: WIZARD_STEPS.length,
              step: t(`cases.wizard.steps.${step}`),
            })}
          </Title>
          {create.isError ? (
            <Alert
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("cases.wizard.createFailed")}
              mb="md"
              role="alert"
            >
              {errorMessage(create.error, t)}
            </Alert>
          ) : null}
          {step === "request" ? <WizardRequestStep form={form} teams={teams.data ?? null} /> : null}
          {step === "basis" ? <WizardBasisStep form={form} /> : null}
          {step === "facts" ? (
            <FactsEditor form={form as unknown as FactsFormApi} kind={form.values.kind} headingLevel={3} />
          ) : null}
          {step === "review" ? (
            <WizardReviewStep
              form={form}
              teams={teams.data ?? null}
              onGoTo={(target) => goTo(WIZARD_STEPS.indexOf(target))}
            />
          ) : null}
          <Group justify="space-between" mt="lg">
            <Group gap="sm">
              <Button variant="default" onClick={() => void navigate("/cases")}>
                {t("common.cancel")}
              </Button>
              {active > 0 ? (
                <Button
                  variant="default"
                  leftSection={<IconArrowLeft size={16} aria-hidden />}
                  onClick={() => goTo(active - 1)}
                >
                  {t("cases.wizard.back")}
                </Button>
              ) : null}
            </Group>
            {step === "review" ? (
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                onClick={submit}
                loading={create.isPending}
              >
                {t("cases.wizard.submit")}
              </Button>
            ) : (
              <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={next}>
                {t("cases.wizard.next")}
              </Button>
            )}
          </Group>
        </Paper>
      </Stack>
    </>
  );
}

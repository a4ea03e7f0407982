import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { createPartyActionSchema } from "../../domain/registry/schemas.js";
import { CHANNELS, PARTY_ACTIONS, RESERVATION_KINDS, SUBJECTS } from "../../domain/registry/vocabulary.js";
import { errorMessage } from "../api/errors.js";
import { AgencySelect } from "../directory/agency-select.js";
import { useOrganisations } from "../directory/directory-api.js";
import { StateMultiSelect, StateSelect } from "../directory/state-select.js";
import { serverFieldErrors, zodFieldErrors } from "../forms/form-errors.js";
import { focusFirstInvalid } from "../forms/form-helpers.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { CitationFields, type CitationValues, EMPTY_CITATION, toCitation } from "./citation-fields.js";
import { languageName } from "./labels.js";
import { addFact, instrumentKey, type NewPartyAction, REGISTRY_KEY } from "./registry-api.js";

type PartyType = "state" | "agency" | "organisation";

type Values = {
  partyType: PartyType;
  state: string | null;
  agencyId: string | null;
  organisation: string | null;
  action: string;
  date: string;
  effectiveOn: string;
  inRespectOf: string[];
  payloadKind: string;
  payloadSubjects: string[];
  payloadText: string;
  payloadLanguages: string[];
  payloadChannels: string[];
  text: string;
  source: CitationValues;
  asOf: string;
  verified: boolean;
};

const INITIAL: Values = {
  partyType: "state",
  state: null,
  agencyId: null,
  organisation: null,
  action: "signature",
  date: "",
  effectiveOn: "",
  inRespectOf: [],
  payloadKind: "none",
  payloadSubjects: [],
  payloadText: "",
  payloadLanguages: [],
  payloadChannels: [],
  text: "",
  source: { ...EMPTY_CITATION },
  asOf: "",
  verified: false,
};

/** Languages offered for a "languages" declaration (ISO 639-1); more can be typed in the CSV or API. */
const LANGUAGE_CODES = [
  "en",
  "fr",
  "ru",
  "es",
  "ar",
  "zh",
  "de",
  "it",
  "pt",
  "km",
  "th",
  "vi",
  "id",
  "ms",
  "hy",
  "az",
  "ka",
  "kk",
  "ky",
  "tg",
  "uz",
  "tk",
  "be",
  "uk",
  "ro",
  "tr",
  "fa",
  "mn",
  "ja",
  "ko",
  "hi",
  "sr",
  "hr",
  "bs",
  "mk",
  "bg",
  "el",
  "pl",
  "cs",
  "sk",
  "hu",
  "sl",
  "lt",
  "lv",
  "et",
  "fi",
  "sv",
  "no",
  "da",
  "nl",
] as const;

function payloadOf(values: Values): NewPartyAction["payload"] {
  if (values.action !== "reservation" && values.action !== "declaration") return null;
  const text = values.payloadText.trim();
  switch (values.payloadKind) {
    case "own_nationals":
      return values.payloadSubjects.length > 0
        ? { kind: "own_nationals", subjects: values.payloadSubjects as (typeof SUBJECTS)[number][] }
        : { kind: "own_nationals" };
    case "nationals_definition":
      return { kind: "nationals_definition", definition: text };
    case "central_authority":
      return { kind: "central_authority", authority: text };
    case "languages":
      return { kind: "languages", languages: values.payloadLanguages };
    case "channels":
      return { kind: "channels", channels: values.payloadChannels as (typeof CHANNELS)[number][] };
    case "subject_exclusion":
      return { kind: "subject_exclusion", subjects: values.payloadSubjects as (typeof SUBJECTS)[number][] };
    case "other":
      return { kind: "other", text };
    default:
      return null;
  }
}

function partyOf(values: Values): NewPartyAction["party"] {
  if (values.partyType === "agency") return { type: "agency", id: values.agencyId ?? "" };
  if (values.partyType === "organisation") return { type: "organisation", code: values.organisation ?? "" };
  return { type: "state", code: values.state ?? "" };
}

export function bodyOf(values: Values): NewPartyAction {
  return {
    party: partyOf(values),
    action: values.action as NewPartyAction["action"],
    date: values.date || null,
    effectiveOn: values.effectiveOn || null,
    inRespectOf: values.inRespectOf,
    payload: payloadOf(values),
    text: values.text.trim() || null,
    source: toCitation(values.source),
    asOf: values.asOf || null,
    verified: values.verified,
  };
}

/** The schema's paths ("party.code", "payload.definition") as this form's fields. */
function formPath(path: string, values: Values): string {
  if (path.startsWith("party")) {
    return values.partyType === "agency"
      ? "agencyId"
      : values.partyType === "organisation"
        ? "organisation"
        : "state";
  }
  if (path.startsWith("inRespectOf")) return "inRespectOf";
  if (path === "payload" || path === "payload.kind") return "payloadKind";
  if (path.startsWith("payload.subjects")) return "payloadSubjects";
  if (path.startsWith("payload.languages")) return "payloadLanguages";
  if (path.startsWith("payload.channels")) return "payloadChannels";
  if (path.startsWith("payload.")) return "payloadText";
  return path;
}

function remap(errors: Record<string, string>, values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = formPath(path, values);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

type Props = { instrumentId: string; opened: boolean; onClose: () => void };

/** Records one dated fact about a party, with its source (required) and, for reservations, its content. */
export function PartyActionModal({ instrumentId, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const form = useForm<Values>({ mode: "controlled", initialValues: INITIAL });
  const add = useMutation({
    mutationFn: (body: NewPartyAction) => addFact(instrumentId, "actions", body),
    onSuccess: async () => {
      notifySuccess(i18n.t("registry.actionForm.done"));
      form.reset();
      onClose();
      await queryClient.invalidateQueries({ queryKey: instrumentKey(instrumentId) });
      await queryClient.invalidateQueries({ queryKey: [...REGISTRY_KEY, "instruments"] });
    },
    onError: (error) => {
      form.setErrors(remap(serverFieldErrors(error), form.getValues()));
      focusFirstInvalid();
    },
  });
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const body = bodyOf(values);
    const parsed = createPartyActionSchema.safeParse(body);
    if (!parsed.success) {
      form.setErrors(remap(zodFieldErrors(parsed.error, t), values));
      focusFirstInvalid();
      return;
    }
    add.mutate(body);
  });
  const values = form.values;
  const withPayload = values.action === "reservation" || values.action === "declaration";
  const subjectOptions = SUBJECTS.map((subject) => ({
    value: subject,
    label: t(`registry.vocab.subjects.${subject}`),
  }));

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("registry.actionForm.title")}
      closeButtonProps={{ "aria-label": t("common.closeDialog") }}
      size="xl"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {add.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.actionForm.failed")}>
              {errorMessage(add.error, t)}
            </Alert>
          ) : null}
          <Fieldset legend={t("registry.actionForm.party")}>
            <Stack gap="sm">
              <SegmentedControl
                aria-label={t("registry.actionForm.partyType")}
                data={(["state", "agency", "organisation"] as const).map((type) => ({
                  value: type,
                  label: t(`registry.vocab.partyTypes.${type}`),
                }))}
                {...form.getInputProps("partyType")}
              />
              {values.partyType === "state" ? (
                <StateSelect
                  label={t("registry.vocab.partyTypes.state")}
                  required
                  value={values.state}
                  onChange={(code) => form.setFieldValue("state", code)}
                  error={form.errors.state}
                  data-autofocus
                />
              ) : null}
              {values.partyType === "agency" ? (
                <AgencySelect
                  label={t("registry.vocab.partyTypes.agency")}
                  required
                  value={values.agencyId}
                  onChange={(id) => form.setFieldValue("agencyId", id)}
                  error={form.errors.agencyId}
                />
              ) : null}
              {values.partyType === "organisation" ? (
                <Select
                  label={t("registry.vocab.partyTypes.organisation")}
                  required
                  searchable
                  data={(organisations.data?.organisations ?? []).map((organisation) => ({
                    value: organisation.code,
                    label: `${organisation.nameEn} (${organisation.code})`,
                  }))}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps("organisation")}
                />
              ) : null}
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t("registry.actionForm.action")}
              data={PARTY_ACTIONS.map((action) => ({
                value: action,
                label: t(`registry.vocab.actions.${action}`),
              }))}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps("action")}
            />
            <TextInput
              type="date"
              label={t("registry.actionForm.date")}
              description={t("registry.actionForm.dateHint")}
              {...form.getInputProps("date")}
            />
            <TextInput
              type="date"
              label={t("registry.actionForm.effectiveOn")}
              description={t("registry.actionForm.effectiveOnHint")}
              {...form.getInputProps("effectiveOn")}
            />
          </SimpleGrid>
          <StateMultiSelect
            label={t("registry.actionForm.inRespectOf")}
            description={t("registry.actionForm.inRespectOfHint")}
            value={values.inRespectOf}
            onChange={(codes) => form.setFieldValue("inRespectOf", codes)}
            error={form.errors.inRespectOf}
          />
          {withPayload ? (
            <Fieldset legend={t("registry.actionForm.content")}>
              <Stack gap="sm">
                <Select
                  label={t("registry.actionForm.contentKind")}
                  description={t("registry.actionForm.contentKindHint")}
                  data={[
                    { value: "none", label: t("registry.actionForm.noContent") },
                    ...RESERVATION_KINDS.map((kind) => ({
                      value: kind,
                      label: t(`registry.vocab.reservationKinds.${kind}`),
                    })),
                  ]}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps("payloadKind")}
                />
                {values.payloadKind === "own_nationals" || values.payloadKind === "subject_exclusion" ? (
                  <MultiSelect
                    label={t("registry.actionForm.payloadSubjects")}
                    description={
                      values.payloadKind === "own_nationals"
                        ? t("registry.actionForm.ownNationalsHint")
                        : t("registry.actionForm.subjectExclusionHint")
                    }
                    required={values.payloadKind === "subject_exclusion"}
                    data={subjectOptions}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps("payloadSubjects")}
                  />
                ) : null}
                {values.payloadKind === "nationals_definition" ||
                values.payloadKind === "central_authority" ||
                values.payloadKind === "other" ? (
                  <Textarea
                    label={t(`registry.actionForm.payloadText.${values.payloadKind}`)}
                    required
                    autosize
                    minRows={2}
                    maxLength={values.payloadKind === "central_authority" ? 500 : 8000}
                    {...form.getInputProps("payloadText")}
                  />
                ) : null}
                {values.payloadKind === "languages" ? (
                  <MultiSelect
                    label={t("registry.actionForm.payloadLanguages")}
                    required
                    data={LANGUAGE_CODES.map((code) => ({
                      value: code,
                      label: `${languageName(code, i18n.language)} (${code})`,
                    }))}
                    searchable
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps("payloadLanguages")}
                  />
                ) : null}
                {values.payloadKind === "channels" ? (
                  <MultiSelect
                    label={t("registry.actionForm.payloadChannels")}
                    required
                    data={CHANNELS.map((channel) => ({
                      value: channel,
                      label: t(`registry.vocab.channels.${channel}`),
                    }))}
                    comboboxProps={{ withinPortal: true }}
                    {...form.getInputProps("payloadChannels")}
                  />
                ) : null}
              </Stack>
            </Fieldset>
          ) : null}
          <Textarea
            label={t("registry.actionForm.text")}
            description={t("registry.actionForm.textHint")}
            autosize
            minRows={2}
            maxLength={8000}
            {...form.getInputProps("text")}
          />
          <CitationFields
            legend={t("registry.actionForm.source")}
            description={t("registry.actionForm.sourceHint")}
            inputProps={(field) => form.getInputProps(`source.${field}`)}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t("registry.actionForm.asOf")}
              description={t("registry.actionForm.asOfHint")}
              {...form.getInputProps("asOf")}
            />
            <Stack justify="center">
              <Checkbox
                label={t("registry.actionForm.verified")}
                description={t("registry.actionForm.verifiedHint")}
                {...form.getInputProps("verified", { type: "checkbox" })}
              />
            </Stack>
          </SimpleGrid>
          {Object.keys(form.errors).length > 0 ? (
            <Text size="sm" c="red.8" role="alert">
              {t("registry.form.fixErrors")}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("registry.actionForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

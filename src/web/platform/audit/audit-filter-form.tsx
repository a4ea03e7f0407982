import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconFilter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { auditOutcomeSchema } from "../../../domain/platform/schemas.js";
import { AUDIT_OUTCOMES } from "../../../domain/platform/vocabulary.js";
import { i18n } from "../../i18n/i18n.js";
import type { AuditFilters } from "./audit-api.js";
import { KNOWN_EVENT_TYPES, KNOWN_OBJECT_TYPES } from "./event-label.js";
import { localInputToInstant } from "./local-date-time.js";

type Values = {
  eventType: string;
  outcome: string;
  actor: string;
  objectType: string;
  objectId: string;
  from: string;
  to: string;
};

const EMPTY: Values = {
  eventType: "",
  outcome: "any",
  actor: "",
  objectType: "",
  objectId: "",
  from: "",
  to: "",
};

function toFilters(values: Values): AuditFilters {
  const text = (value: string) => value.trim() || undefined;
  const outcome = auditOutcomeSchema.safeParse(values.outcome);
  return {
    eventType: text(values.eventType),
    outcome: outcome.success ? outcome.data : undefined,
    actor: text(values.actor),
    objectType: text(values.objectType),
    objectId: text(values.objectId),
    from: localInputToInstant(values.from),
    to: localInputToInstant(values.to),
  };
}

export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: EMPTY,
    validate: {
      to: (value, values) => {
        const from = localInputToInstant(values.from);
        const to = localInputToInstant(value);
        return from && to && to < from ? i18n.t("audit.filters.toBeforeFrom") : null;
      },
    },
  });
  const outcomes = [
    { value: "any", label: t("audit.filters.anyOutcome") },
    ...AUDIT_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
  ];
  const clear = () => {
    form.setValues(EMPTY);
    onApply({});
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-filters-heading">
      <form onSubmit={form.onSubmit((values) => onApply(toFilters(values)))} noValidate>
        <Title order={2} size="h4" id="audit-filters-heading" mb="sm">
          {t("audit.filters.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <Autocomplete
            label={t("audit.filters.eventType")}
            data={[...KNOWN_EVENT_TYPES]}
            maxLength={100}
            {...form.getInputProps("eventType")}
          />
          <Select
            label={t("audit.filters.outcome")}
            data={outcomes}
            allowDeselect={false}
            {...form.getInputProps("outcome")}
          />
          <TextInput
            label={t("audit.filters.actor")}
            description={t("audit.filters.actorHint")}
            maxLength={100}
            {...form.getInputProps("actor")}
          />
          <Autocomplete
            label={t("audit.filters.objectType")}
            data={[...KNOWN_OBJECT_TYPES]}
            maxLength={100}
            {...form.getInputProps("objectType")}
          />
          <TextInput
            label={t("audit.filters.objectId")}
            maxLength={200}
            {...form.getInputProps("objectId")}
          />
          <TextInput type="datetime-local" label={t("audit.filters.from")} {...form.getInputProps("from")} />
          <TextInput type="datetime-local" label={t("audit.filters.to")} {...form.getInputProps("to")} />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="md">
          <Button variant="default" onClick={clear}>
            {t("audit.filters.clear")}
          </Button>
          <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
            {t("audit.filters.apply")}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

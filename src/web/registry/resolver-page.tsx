import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconArrowsExchange, IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { isIsoDate, isoDateOrNull } from "../../domain/platform/dates.js";
import { resolveQuerySchema } from "../../domain/registry/schemas.js";
import { REQUEST_KINDS, type RequestKind } from "../../domain/registry/vocabulary.js";
import { errorMessage } from "../api/errors.js";
import { useStateNames } from "../directory/state-names.js";
import { StateSelect } from "../directory/state-select.js";
import { useFormat } from "../format.js";
import { useOfficeToday } from "../platform/auth/session.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { PageLoader } from "../platform/shell/page-loader.js";
import { CandidateCard } from "./candidate-card.js";
import { type ResolveQuery, useResolve } from "./registry-api.js";

type Values = {
  requesting: string | null;
  requested: string | null;
  kind: string;
  date: string;
  nationality: string | null;
};

/** The query in the address, when it is complete and valid: a result can be shared as a link. */
function queryFrom(params: URLSearchParams): ResolveQuery | null {
  const candidate = {
    requesting: params.get("requesting") ?? "",
    requested: params.get("requested") ?? "",
    kind: params.get("kind") ?? "",
    date: params.get("date") ?? "",
    nationality: params.get("nationality") || undefined,
  };
  const parsed = resolveQuerySchema.safeParse(candidate);
  if (!parsed.success) return null;
  return {
    ...parsed.data,
    nationality: parsed.data.kind === "extradition" ? parsed.data.nationality : undefined,
  };
}

export function ResolverPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useStateNames();
  const today = useOfficeToday();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const resolve = useResolve(query);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      requesting: params.get("requesting"),
      requested: params.get("requested"),
      kind: REQUEST_KINDS.find((kind) => kind === params.get("kind")) ?? "mla",
      date: isoDateOrNull(params.get("date")) ?? today,
      nationality: params.get("nationality"),
    },
    validate: {
      requesting: (value) => (value ? null : t("registry.resolver.chooseState")),
      requested: (value, values) =>
        !value
          ? t("registry.resolver.chooseState")
          : value === values.requesting
            ? t("registry.validation.differentStates")
            : null,
      date: (value) => (isIsoDate(value) ? null : t("registry.validation.date")),
    },
  });
  const submit = form.onSubmit((values) => {
    const next = new URLSearchParams();
    next.set("requesting", values.requesting ?? "");
    next.set("requested", values.requested ?? "");
    next.set("kind", values.kind);
    next.set("date", values.date);
    if (values.kind === "extradition" && values.nationality) next.set("nationality", values.nationality);
    setParams(next);
  });
  const swap = () => {
    const { requesting, requested } = form.getValues();
    form.setValues({ requesting: requested, requested: requesting });
  };
  const candidates = resolve.data?.candidates ?? [];
  const recommended = candidates.find((candidate) => candidate.recommended);

  return (
    <>
      <PageHeader title={t("registry.resolver.title")} description={t("registry.resolver.subtitle")} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="resolver-form-heading">
          <Title order={2} size="h4" id="resolver-form-heading" mb="sm">
            {t("registry.resolver.question")}
          </Title>
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <StateSelect
                label={t("registry.resolver.requesting")}
                required
                value={form.values.requesting}
                onChange={(code) => form.setFieldValue("requesting", code)}
                error={form.errors.requesting}
              />
              <ActionIcon
                variant="default"
                size="lg"
                mb={form.errors.requesting || form.errors.requested ? 24 : 2}
                aria-label={t("registry.resolver.swap")}
                onClick={swap}
              >
                <IconArrowsExchange size={18} aria-hidden />
              </ActionIcon>
              <StateSelect
                label={t("registry.resolver.requested")}
                required
                value={form.values.requested}
                onChange={(code) => form.setFieldValue("requested", code)}
                error={form.errors.requested}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
              <Select
                label={t("registry.resolver.kind")}
                data={REQUEST_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`registry.vocab.requestKinds.${kind}`),
                }))}
                allowDeselect={false}
                required
                {...form.getInputProps("kind")}
              />
              <TextInput
                type="date"
                label={t("registry.resolver.date")}
                required
                {...form.getInputProps("date")}
              />
              {form.values.kind === "extradition" ? (
                <StateSelect
                  label={t("registry.resolver.nationality")}
                  description={t("registry.resolver.nationalityHint")}
                  value={form.values.nationality}
                  onChange={(code) => form.setFieldValue("nationality", code)}
                  clearable
                />
              ) : null}
            </SimpleGrid>
            <Group justify="flex-end" mt="md">
              <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />}>
                {t("registry.resolver.submit")}
              </Button>
            </Group>
          </form>
        </Paper>

        <section aria-labelledby="resolver-results-heading">
          <Title order={2} size="h4" id="resolver-results-heading" mb="xs">
            {t("registry.resolver.results")}
          </Title>
          <div role="status" aria-live="polite">
            {query && resolve.data ? (
              <Text size="sm" mb="sm">
                {t("registry.resolver.summary", {
                  requesting: names.name(query.requesting),
                  requested: names.name(query.requested),
                  kind: t(`registry.vocab.requestKinds.${query.kind as RequestKind}`),
                  date: format.date(query.date),
                  count: format.number(candidates.length),
                })}
                {recommended?.instrument
                  ? ` ${t("registry.resolver.recommendedIs", { code: recommended.instrument.code })}`
                  : recommended
                    ? ` ${t("registry.resolver.recommendedReciprocity")}`
                    : ""}
              </Text>
            ) : null}
          </div>
          {!query ? <Text size="sm">{t("registry.resolver.empty")}</Text> : null}
          {resolve.isError ? (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("registry.resolver.failed")}>
              {errorMessage(resolve.error, t)}
            </Alert>
          ) : null}
          {query && resolve.isPending ? <PageLoader /> : null}
          {query && resolve.data ? (
            <Stack gap="sm">
              <Group gap="md">
                <Anchor
                  component={Link}
                  to={`/registry/states/${query.requesting}?partner=${query.requested}&date=${query.date}`}
                  size="sm"
                >
                  {t("registry.resolver.pairLink", {
                    requesting: names.name(query.requesting),
                    requested: names.name(query.requested),
                  })}
                </Anchor>
                <Anchor
                  component={Link}
                  to={`/registry/map?state=${query.requesting}&date=${query.date}`}
                  size="sm"
                >
                  {t("registry.resolver.mapLink", { state: names.name(query.requesting) })}
                </Anchor>
              </Group>
              <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: "none" }}>
                {candidates.map((candidate) => (
                  <li key={`${candidate.rank}-${candidate.instrument?.id ?? "reciprocity"}`}>
                    <CandidateCard candidate={candidate} states={[query.requesting, query.requested]} />
                  </li>
                ))}
              </Stack>
            </Stack>
          ) : null}
        </section>
      </Stack>
    </>
  );
}

import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { InstrumentDetail } from "../../domain/registry/schemas.js";
import { useFormat } from "../format.js";
import { ExternalLink } from "../platform/shell/external-link.js";
import { SubjectBadges } from "./badges.js";
import { Citation } from "./citation.js";
import { identifierSchemeLabel, languageName } from "./labels.js";

export const ORIGINS = ["catalogue", "manual", "import", "demo"] as const;

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="div">
      <Text size="xs" c="dimmed" component="dt" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** Everything recorded about the instrument itself: titles, identifiers, dates, texts, sources. */
export function InstrumentOverview({ detail }: { detail: InstrumentDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const date = (value: string | null) => (value ? format.date(value) : "—");
  const origin = ORIGINS.find((value) => value === detail.origin);
  const term =
    detail.termStart || detail.termEnd
      ? t("registry.instrument.termRange", { from: date(detail.termStart), to: date(detail.termEnd) })
      : "—";
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="dl" m={0}>
        <Field label={t("registry.fields.titleEn")}>
          <span lang="en">{detail.titleEn}</span>
        </Field>
        <Field label={t("registry.fields.titleRu")}>
          {detail.titleRu ? <span lang="ru">{detail.titleRu}</span> : "—"}
        </Field>
        <Field label={t("registry.fields.titleOriginal")}>
          {detail.titleOriginal ? (
            <span lang={detail.originalLanguage ?? undefined}>
              {detail.titleOriginal}
              {detail.originalLanguage ? ` (${languageName(detail.originalLanguage, i18n.language)})` : ""}
            </span>
          ) : (
            "—"
          )}
        </Field>
        <Field label={t("registry.fields.shortTitle")}>{detail.shortTitle ?? "—"}</Field>
        <Field label={t("registry.fields.identifiers")}>
          {detail.identifiers.length > 0
            ? detail.identifiers
                .map((identifier) => `${identifierSchemeLabel(identifier.scheme, t)}: ${identifier.value}`)
                .join("; ")
            : "—"}
        </Field>
        <Field label={t("registry.fields.organisation")}>{detail.organisation ?? "—"}</Field>
        <Field label={t("registry.fields.kind")}>{t(`registry.vocab.kinds.${detail.kind}`)}</Field>
        <Field label={t("registry.fields.scope")}>{t(`registry.vocab.scopes.${detail.scope}`)}</Field>
        <Field label={t("registry.fields.level")}>{t(`registry.vocab.levels.${detail.level}`)}</Field>
        <Field label={t("registry.fields.binding")}>
          {detail.binding ? t("registry.vocab.binding") : t("registry.vocab.nonBinding")}
        </Field>
        <Field label={t("registry.fields.subjects")}>
          <SubjectBadges subjects={detail.subjects} />
        </Field>
        <Field label={t("registry.fields.origin")}>
          {origin ? t(`registry.vocab.origins.${origin}`) : detail.origin}
        </Field>
        <Field label={t("registry.fields.openedForSignature")}>
          {date(detail.openedForSignature)}
          {detail.place ? ` · ${detail.place}` : ""}
        </Field>
        <Field label={t("registry.fields.entryIntoForce")}>
          {date(detail.entryIntoForce)}
          {detail.entryIntoForceDelayDays !== null ? (
            <Text size="xs" c="dimmed" component="span" display="block">
              {t("registry.instrument.delay", { days: format.number(detail.entryIntoForceDelayDays) })}
            </Text>
          ) : null}
        </Field>
        <Field label={t("registry.fields.term")}>
          {term}
          {detail.durationMonths !== null ? (
            <Text size="xs" c="dimmed" component="span" display="block">
              {t("registry.instrument.duration", { months: format.number(detail.durationMonths) })}
            </Text>
          ) : null}
        </Field>
        <Field label={t("registry.fields.depositaryUrl")}>
          {detail.depositaryUrl ? (
            <ExternalLink href={detail.depositaryUrl}>{t("registry.instrument.depositaryLink")}</ExternalLink>
          ) : (
            "—"
          )}
        </Field>
        <Field label={t("registry.fields.texts")}>
          {detail.texts.length > 0 ? (
            <Stack gap={2} component="span">
              {detail.texts.map((text) => (
                <span key={text.url}>
                  <ExternalLink href={text.url}>
                    {text.title ?? languageName(text.language, i18n.language)}
                  </ExternalLink>{" "}
                  <Badge size="xs" color="gray" variant="outline">
                    {text.language}
                  </Badge>
                </span>
              ))}
            </Stack>
          ) : (
            "—"
          )}
        </Field>
        {detail.intendedParties.length > 0 ? (
          <Field label={t("registry.fields.intendedParties")}>
            <Group gap={6} component="span">
              {detail.intendedParties.map((party) =>
                party.type === "state" && party.code ? (
                  <Anchor key={party.code} component={Link} to={`/registry/states/${party.code}`} size="sm">
                    {i18n.language === "ru" ? party.nameRu : party.nameEn}
                  </Anchor>
                ) : (
                  <span key={party.agencyId ?? party.code}>
                    {i18n.language === "ru" ? party.nameRu : party.nameEn}
                  </span>
                ),
              )}
            </Group>
          </Field>
        ) : null}
      </SimpleGrid>
      <Stack gap="xs">
        <Text size="sm" fw={600} component="h3" m={0}>
          {t("registry.fields.sources")}
        </Text>
        {detail.sources.length > 0 ? (
          <List spacing="xs" listStyleType="none" pl={0}>
            {detail.sources.map((source) => (
              <List.Item
                key={`${source.kind}-${source.title ?? ""}-${source.url ?? ""}-${source.date ?? ""}`}
              >
                <Citation citation={source} />
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Stack>
      {detail.notes ? (
        <Stack gap="xs">
          <Text size="sm" fw={600} component="h3" m={0}>
            {t("registry.fields.notes")}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {detail.notes}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}

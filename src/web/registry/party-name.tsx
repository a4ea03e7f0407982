import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PartyView } from "../../domain/registry/schemas.js";

/** A party in the interface language; a state links to its registry page. */
export function PartyName({ party, withOther = true }: { party: PartyView; withOther?: boolean }) {
  const { t, i18n } = useTranslation();
  const russian = i18n.language === "ru";
  const name = russian ? party.nameRu : party.nameEn;
  const other = russian ? party.nameEn : party.nameRu;
  return (
    <>
      {party.type === "state" && party.code ? (
        <Anchor component={Link} to={`/registry/states/${party.code}`} size="sm" fw={500}>
          {name}
        </Anchor>
      ) : (
        <Text size="sm" fw={500}>
          {name}
        </Text>
      )}
      {withOther && other !== name ? (
        <Text size="xs" c="dimmed" lang={russian ? "en" : "ru"}>
          {other}
        </Text>
      ) : null}
      {party.type !== "state" ? (
        <Text size="xs" c="dimmed">
          {t(`registry.vocab.partyTypes.${party.type}`)}
          {party.state ? ` · ${party.state}` : ""}
        </Text>
      ) : null}
    </>
  );
}

import { Fieldset, Select, SimpleGrid, Text, Textarea, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SOURCE_KINDS } from "../../domain/registry/vocabulary.js";
import { URL_PLACEHOLDER } from "../forms/form-helpers.js";

export type CitationValues = { kind: string; title: string; url: string; date: string; note: string };

export const EMPTY_CITATION: CitationValues = { kind: "document", title: "", url: "", date: "", note: "" };

export function isBlankCitation(values: CitationValues): boolean {
  return !values.title.trim() && !values.url.trim() && !values.date && !values.note.trim();
}

/** The form's strings as the API's citation: blanks are left out. */
export function toCitation(values: CitationValues) {
  const text = (value: string) => value.trim() || null;
  return {
    kind: values.kind as (typeof SOURCE_KINDS)[number],
    title: text(values.title),
    url: text(values.url),
    date: values.date || null,
    note: text(values.note),
  };
}

export function fromCitation(citation: {
  kind: string;
  title?: string | null;
  url?: string | null;
  date?: string | null;
  note?: string | null;
}): CitationValues {
  return {
    kind: citation.kind,
    title: citation.title ?? "",
    url: citation.url ?? "",
    date: citation.date ?? "",
    note: citation.note ?? "",
  };
}

type InputProps = { value?: unknown; onChange?: unknown; error?: ReactNode };

type Props = {
  legend: ReactNode;
  description?: ReactNode;
  /** form.getInputProps for one field of this citation ("kind", "title", ...). */
  inputProps: (field: keyof CitationValues) => InputProps;
  required?: boolean;
};

/** Kind, title or web address, date and note of one source. */
export function CitationFields({ legend, description, inputProps, required }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend}>
      {description ? (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t("registry.citation.kind")}
          data={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`registry.vocab.sourceKinds.${kind}`) }))}
          allowDeselect={false}
          required={required}
          comboboxProps={{ withinPortal: true }}
          {...(inputProps("kind") as object)}
        />
        <TextInput type="date" label={t("registry.citation.date")} {...(inputProps("date") as object)} />
        <TextInput
          label={t("registry.citation.title")}
          description={t("registry.citation.titleOrUrl")}
          maxLength={500}
          {...(inputProps("title") as object)}
        />
        <TextInput
          type="url"
          label={t("registry.citation.url")}
          placeholder={URL_PLACEHOLDER}
          maxLength={2000}
          {...(inputProps("url") as object)}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label={t("registry.citation.note")}
        autosize
        minRows={1}
        maxRows={4}
        maxLength={2000}
        {...(inputProps("note") as object)}
      />
    </Fieldset>
  );
}

import { SimpleGrid, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { URL_PLACEHOLDER } from "../forms/form-helpers.js";

type InputProps = { value?: unknown; onChange?: unknown; error?: ReactNode };

/** Title, web address and publication day of one source (a press release, a communiqué). */
export function SourceFields({
  inputProps,
}: {
  inputProps: (field: "title" | "url" | "publishedOn") => InputProps;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput
        label={t("engagements.sources.title")}
        description={t("engagements.sources.titleOrUrl")}
        // The hint under the field keeps the three inputs on one line.
        inputWrapperOrder={["label", "input", "description", "error"]}
        maxLength={500}
        {...(inputProps("title") as object)}
      />
      <TextInput
        type="url"
        label={t("engagements.sources.url")}
        placeholder={URL_PLACEHOLDER}
        maxLength={2000}
        {...(inputProps("url") as object)}
      />
      <TextInput
        type="date"
        label={t("engagements.sources.publishedOnLabel")}
        {...(inputProps("publishedOn") as object)}
      />
    </SimpleGrid>
  );
}

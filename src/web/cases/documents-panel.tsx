import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconDownload, IconFileText, IconUpload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACCEPTED_EXTENSIONS } from "../../domain/cases/vocabulary.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { type CaseView, documentUrl, letterUrl, uploadDocument } from "./cases-api.js";
import { isStale } from "./server-errors.js";

/**
 * The content the legal basis requires that the case does not record (the checker's
 * request-content check), each item once, in the reader's language: while any is missing
 * the server prints only a marked draft.
 */
export function missingLetterItems(view: CaseView, language: string): string[] {
  const seen = new Map<string, string>();
  for (const content of view.checker.requestContent)
    for (const item of content.items)
      if (item.present === false && !seen.has(item.item))
        seen.set(item.item, language === "ru" ? item.labelRu : item.labelEn);
  return [...seen.values()];
}

function sizeText(bytes: number, locale: string): string {
  const format = (value: number, unit: "kilobyte" | "megabyte" | "byte") =>
    new Intl.NumberFormat(locale, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return format(bytes, "byte");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "kilobyte");
  return format(bytes / (1024 * 1024), "megabyte");
}

type Props = { view: CaseView; canWrite: boolean; onChanged: () => Promise<unknown> };

/** The case's documents with their SHA-256, an upload field, and the generated request letter. */
export function DocumentsPanel({ view, canWrite, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadDocument(view, chosen),
    onSuccess: async () => {
      notifySuccess(i18n.t("cases.documents.uploaded", { name: file?.name ?? "" }));
      setFile(null);
      await onChanged();
    },
    onError: async (error) => {
      if (isStale(error)) await onChanged();
    },
  });
  const reference = view.header.reference;
  const missing = missingLetterItems(view, i18n.language);
  const caption = t("cases.documents.caption");
  const accept = ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(",");

  return (
    <Stack gap="lg">
      <section aria-labelledby="case-letter">
        <Title order={2} size="h4" id="case-letter" mb="xs">
          {t("cases.documents.letter")}
        </Title>
        <Text size="sm" mb="xs">
          {t("cases.documents.letterHint")}
        </Text>
        {missing.length > 0 ? (
          <>
            <Text size="sm" mb={4}>
              {t("cases.documents.letterMissing")}
            </Text>
            <List size="sm" mb="xs" data-testid="letter-missing">
              {missing.map((label) => (
                <List.Item key={label}>{label}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        <Group gap="sm">
          {(["en", "ru"] as const).map((language) => (
            <Button
              key={language}
              component="a"
              href={letterUrl(reference, language, missing.length > 0)}
              target="_blank"
              rel="noopener"
              variant="default"
              leftSection={<IconFileText size={16} aria-hidden />}
            >
              {t(
                missing.length > 0
                  ? `cases.documents.draftIn.${language}`
                  : `cases.documents.letterIn.${language}`,
              )}
            </Button>
          ))}
        </Group>
      </section>

      {canWrite ? (
        <section aria-labelledby="case-upload">
          <Title order={2} size="h4" id="case-upload" mb="xs">
            {t("cases.documents.upload")}
          </Title>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <Stack gap="sm">
              {upload.isError ? (
                <Alert
                  color="red"
                  icon={<IconAlertCircle aria-hidden />}
                  title={t("cases.documents.uploadFailed")}
                  role="alert"
                >
                  {isStale(upload.error) ? t("cases.events.staleText") : errorMessage(upload.error, t)}
                </Alert>
              ) : null}
              <Group align="flex-end" gap="sm">
                <FileInput
                  label={t("cases.documents.file")}
                  description={t("cases.documents.fileHint", { types: ACCEPTED_EXTENSIONS.join(", ") })}
                  accept={accept}
                  value={file}
                  onChange={setFile}
                  clearable
                  clearButtonProps={{ "aria-label": t("common.clear") }}
                  style={{ flex: 1, maxWidth: 520 }}
                />
                <Button
                  type="submit"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  disabled={!file}
                  loading={upload.isPending}
                >
                  {t("cases.documents.uploadSubmit")}
                </Button>
              </Group>
            </Stack>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="case-documents">
        <Title order={2} size="h4" id="case-documents" mb="xs">
          {t("cases.documents.title")}
        </Title>
        {view.documents.length === 0 ? (
          <Text size="sm">{t("cases.documents.none")}</Text>
        ) : (
          <TableScroll label={caption} minWidth={900}>
            <Table striped withTableBorder verticalSpacing="sm">
              <Table.Caption className="visually-hidden">{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("cases.documents.name")}</Table.Th>
                  <Table.Th scope="col">{t("cases.documents.added")}</Table.Th>
                  <Table.Th scope="col">{t("cases.documents.size")}</Table.Th>
                  <Table.Th scope="col">{t("cases.documents.sha256")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...view.documents].reverse().map((document) => (
                  <Table.Tr key={document.documentId}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Anchor href={documentUrl(reference, document.documentId)} download size="sm">
                          <Group gap={4} wrap="nowrap" component="span">
                            <IconDownload size={14} aria-hidden />
                            <span>{document.name}</span>
                          </Group>
                        </Anchor>
                        {document.kind === "generated" ? (
                          <Badge size="xs" variant="light" color="navy">
                            {t("cases.documents.generated")}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.date(document.on)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{sizeText(document.size, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="xs" ff="monospace" className="break-all">
                        {document.sha256}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </section>
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconCheck, IconDownload, IconFileImport, IconListCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { instrumentCodeSchema, PARTY_ACTION_CSV_COLUMNS } from "../../domain/registry/schemas.js";
import { errorMessage } from "../api/errors.js";
import { useFormat } from "../format.js";
import { i18n } from "../i18n/i18n.js";
import { notifySuccess } from "../platform/shell/notify.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { csvProblems } from "./csv-problems.js";
import { exportUrl, importPartyActions, REGISTRY_KEY } from "./registry-api.js";

const EXAMPLE = [
  PARTY_ACTION_CSV_COLUMNS.join(","),
  "CETS024,AL,ratification,1998-05-19,https://www.coe.int/en/web/conventions/full-list,2024-01-15,true",
  "CETS024,AL,entry_into_force,1998-08-17,,2024-01-15,false",
].join("\n");

export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [instrument, setInstrument] = useState("");
  const [exportCode, setExportCode] = useState("");
  const [checked, setChecked] = useState<string | null>(null);
  const code = instrument.trim().toUpperCase();
  const codeValid = !code || instrumentCodeSchema.safeParse(code).success;
  const exportValid = exportCode.trim() === "" || instrumentCodeSchema.safeParse(exportCode.trim()).success;
  const key = file ? `${file.name}:${file.size}:${file.lastModified}:${code}` : null;

  const run = useMutation({
    mutationFn: async ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error("no file");
      const csv = await file.text();
      return importPartyActions({ csv, instrument: code || undefined, dryRun });
    },
    onSuccess: async (result) => {
      if (result.dryRun) {
        setChecked(key);
        return;
      }
      setChecked(null);
      notifySuccess(i18n.t("registry.import.done", { inserted: result.inserted }));
      await queryClient.invalidateQueries({ queryKey: REGISTRY_KEY });
    },
    onError: () => setChecked(null),
  });
  const problems = run.isError ? csvProblems(run.error) : csvProblems(null, run.data);
  const canImport = key !== null && checked === key && !run.isPending;
  const result = run.data;

  return (
    <>
      <PageHeader title={t("registry.import.title")} description={t("registry.import.subtitle")} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-format-heading">
          <Title order={2} size="h4" id="import-format-heading" mb="xs">
            {t("registry.import.formatTitle")}
          </Title>
          <Text size="sm" mb="xs">
            {t("registry.import.formatIntro")}
          </Text>
          <List size="sm" spacing={2} mb="sm">
            {PARTY_ACTION_CSV_COLUMNS.map((column) => (
              <List.Item key={column}>
                <Code>{column}</Code> — {t(`registry.import.columns.${column}`)}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mb="xs">
            {t("registry.import.formatRules")}
          </Text>
          <Code block>{EXAMPLE}</Code>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-file-heading">
          <Title order={2} size="h4" id="import-file-heading" mb="sm">
            {t("registry.import.fileTitle")}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <FileInput
              label={t("registry.import.file")}
              description={t("registry.import.fileHint")}
              accept=".csv,text/csv"
              value={file}
              onChange={(value) => {
                setFile(value);
                setChecked(null);
                run.reset();
              }}
              clearable
              clearButtonProps={{ "aria-label": t("common.clear") }}
            />
            <TextInput
              label={t("registry.import.instrument")}
              description={t("registry.import.instrumentHint")}
              value={instrument}
              onChange={(event) => {
                setInstrument(event.currentTarget.value);
                setChecked(null);
              }}
              error={codeValid ? null : t("registry.validation.instrumentCode")}
              maxLength={48}
              spellCheck={false}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="md">
            <Button
              variant="default"
              leftSection={<IconListCheck size={16} aria-hidden />}
              disabled={!file || !codeValid}
              loading={run.isPending && run.variables?.dryRun === true}
              onClick={() => run.mutate({ dryRun: true })}
            >
              {t("registry.import.check")}
            </Button>
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={!canImport}
              loading={run.isPending && run.variables?.dryRun === false}
              onClick={() => run.mutate({ dryRun: false })}
            >
              {t("registry.import.submit")}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs" ta="right">
            {t("registry.import.checkFirst")}
          </Text>

          <div role="status" aria-live="polite">
            {result && problems.length === 0 ? (
              <Alert
                mt="md"
                color="green"
                icon={<IconCheck aria-hidden />}
                title={result.dryRun ? t("registry.import.checkedTitle") : t("registry.import.importedTitle")}
              >
                <Text size="sm">
                  {result.dryRun
                    ? t("registry.import.checkedText", {
                        rows: format.number(result.rows),
                        inserted: format.number(result.inserted),
                        unchanged: format.number(result.unchanged),
                      })
                    : t("registry.import.importedText", {
                        rows: format.number(result.rows),
                        inserted: format.number(result.inserted),
                        unchanged: format.number(result.unchanged),
                      })}
                </Text>
              </Alert>
            ) : null}
          </div>
          {run.isError ? (
            <Alert
              mt="md"
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("registry.import.failed")}
              role="alert"
            >
              {errorMessage(run.error, t)}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <Stack gap="xs" mt="md">
              <Text size="sm" fw={600}>
                {t("registry.import.problems", { count: format.number(problems.length) })}
              </Text>
              <TableScroll label={t("registry.import.problemsCaption")} minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Caption className="visually-hidden">
                    {t("registry.import.problemsCaption")}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("registry.import.line")}</Table.Th>
                      <Table.Th scope="col">{t("registry.import.column")}</Table.Th>
                      <Table.Th scope="col">{t("registry.import.problem")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.map((problem) => (
                      <Table.Tr key={`${problem.line}-${problem.field}-${problem.message}`}>
                        <Table.Td ff="monospace">{problem.line ?? "—"}</Table.Td>
                        <Table.Td ff="monospace">{problem.field || "—"}</Table.Td>
                        <Table.Td lang="en">{problem.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Stack>
          ) : null}
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-export-heading">
          <Title order={2} size="h4" id="import-export-heading" mb="xs">
            {t("registry.import.exportTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("registry.import.exportText")}
          </Text>
          <Group align="flex-end" gap="sm">
            <Button
              component="a"
              href={exportUrl()}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t("registry.import.exportAll")}
            </Button>
            <TextInput
              label={t("registry.import.exportInstrument")}
              value={exportCode}
              onChange={(event) => setExportCode(event.currentTarget.value)}
              error={exportValid ? null : t("registry.validation.instrumentCode")}
              maxLength={48}
              spellCheck={false}
            />
            {exportCode.trim() && exportValid ? (
              <Anchor href={exportUrl(exportCode.trim().toUpperCase())} download size="sm" mb={8}>
                {t("registry.import.exportOne", { code: exportCode.trim().toUpperCase() })}
              </Anchor>
            ) : null}
          </Group>
        </Paper>
      </Stack>
    </>
  );
}

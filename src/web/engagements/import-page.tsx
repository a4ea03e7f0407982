import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconAlertCircle, IconCheck, IconFileImport, IconList } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { engagementImportResultSchema } from "../../domain/engagements/schemas.js";
import { ApiError, request } from "../api/client.js";
import { useFormat } from "../format.js";
import { PageHeader } from "../platform/shell/page-header.js";
import { TableScroll } from "../platform/shell/table-scroll.js";
import { REGISTRY_KEY } from "../registry/registry-api.js";
import { engagementErrorMessage } from "./engagement-errors.js";
import { ACTION_ITEMS_KEY, ENGAGEMENTS_KEY } from "./engagements-api.js";
import {
  fileProblemText,
  type ImportBody,
  type ImportFileProblem,
  importProblemRows,
  type ParsedImport,
  parseImportFile,
  recordsWithProblems,
} from "./import-values.js";

const EXAMPLE = `{
  "engagements": [
    {
      "sourceKey": "2025-05-26:kh-working-visit",
      "kind": "outgoing_visit",
      "titleEn": "Working visit to the Kingdom of Cambodia",
      "titleRu": "Рабочий визит в Королевство Камбоджа",
      "status": "held",
      "startOn": "2025-05-26",
      "endOn": "2025-05-27",
      "placeState": "KH",
      "states": ["RU", "KH"],
      "outcomes": [{ "kind": "statement", "titleEn": "Joint press release" }]
    }
  ]
}`;

type Source = "file" | "paste";
/** What the page has to send: nothing yet, a file being read, or a text checked for its shape. */
type Input = { state: "none" } | { state: "reading" } | { state: "read"; parsed: ParsedImport };

function importRecords(body: ImportBody) {
  return request("/api/engagements/import", {
    method: "POST",
    body,
    schema: engagementImportResultSchema,
  });
}

/** Reads the chosen file; a file the browser cannot read is a problem of its own. */
function useFileInput(file: File | null): Input {
  const [input, setInput] = useState<Input>({ state: "none" });
  useEffect(() => {
    if (!file) {
      setInput({ state: "none" });
      return;
    }
    let current = true;
    setInput({ state: "reading" });
    const unreadable: ImportFileProblem = { kind: "unreadable" };
    file.text().then(
      (text) => current && setInput({ state: "read", parsed: parseImportFile(text) }),
      () => current && setInput({ state: "read", parsed: { ok: false, problem: unreadable } }),
    );
    return () => {
      current = false;
    };
  }, [file]);
  return input;
}

/**
 * Engagements kept elsewhere, from the JSON file `comity engagements import` reads
 * (docs/engagements.md, "Importing engagements"). The file's shape is checked here; the
 * server checks every record and answers all their problems at once, having imported
 * nothing, and they are shown by record and field.
 */
export function EngagementImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<Source>("file");
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const fileInput = useFileInput(file);
  const pastedInput = useMemo<Input>(
    () => (pasted.trim() === "" ? { state: "none" } : { state: "read", parsed: parseImportFile(pasted) }),
    [pasted],
  );
  const input = source === "file" ? fileInput : pastedInput;

  const run = useMutation({
    mutationFn: importRecords,
    onSuccess: async (result) => {
      if (result.created === 0) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ENGAGEMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ACTION_ITEMS_KEY }),
        queryClient.invalidateQueries({ queryKey: REGISTRY_KEY }),
      ]);
    },
  });
  const parsed = input.state === "read" ? input.parsed : null;
  const body = parsed?.ok ? parsed.body : null;
  const sent = run.variables?.records ?? [];
  const problems = run.isError ? importProblemRows(run.error, sent) : [];
  const withProblems = recordsWithProblems(problems);
  const forbidden = run.error instanceof ApiError && run.error.status === 403;
  const result = run.data;

  const changeSource = (value: string) => {
    setSource(value === "paste" ? "paste" : "file");
    run.reset();
  };

  return (
    <>
      <PageHeader title={t("engagements.import.title")} description={t("engagements.import.subtitle")} />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-format-heading">
          <Title order={2} size="h4" id="import-format-heading" mb="xs">
            {t("engagements.import.formatTitle")}
          </Title>
          <Text size="sm" mb="xs">
            {t("engagements.import.formatIntro")}
          </Text>
          <List size="sm" spacing={2} mb="sm">
            <List.Item>{t("engagements.import.rules.allOrNothing")}</List.Item>
            <List.Item>{t("engagements.import.rules.sourceKey")}</List.Item>
            <List.Item>{t("engagements.import.rules.registry")}</List.Item>
          </List>
          <Text size="sm" mb="xs">
            {t("engagements.import.formatDocs")}
          </Text>
          <Text size="sm" mb="xs">
            {t("engagements.import.example")}
          </Text>
          <Code block>{EXAMPLE}</Code>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-input-heading">
          <Title order={2} size="h4" id="import-input-heading" mb="sm">
            {t("engagements.import.inputTitle")}
          </Title>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t("engagements.import.source")}
              data={[
                { value: "file", label: t("engagements.import.sources.file") },
                { value: "paste", label: t("engagements.import.sources.paste") },
              ]}
              value={source}
              onChange={changeSource}
              style={{ alignSelf: "flex-start" }}
            />
            {source === "file" ? (
              <FileInput
                label={t("engagements.import.file")}
                description={t("engagements.import.fileHint")}
                accept=".json,application/json"
                value={file}
                onChange={(value) => {
                  setFile(value);
                  run.reset();
                }}
                clearable
                clearButtonProps={{ "aria-label": t("common.clear") }}
                maw={560}
              />
            ) : (
              <Textarea
                label={t("engagements.import.paste")}
                description={t("engagements.import.pasteHint")}
                value={pasted}
                onChange={(event) => {
                  setPasted(event.currentTarget.value);
                  run.reset();
                }}
                autosize
                minRows={8}
                maxRows={24}
                spellCheck={false}
                styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
              />
            )}
          </Stack>

          <div role="status" aria-live="polite">
            {input.state === "reading" ? (
              <Text size="sm" mt="sm">
                {t("engagements.import.reading")}
              </Text>
            ) : null}
            {body && !run.isPending && !run.isSuccess && !run.isError ? (
              <Text size="sm" mt="sm" data-testid="import-ready">
                {t("engagements.import.ready", { count: body.records.length })}
              </Text>
            ) : null}
          </div>

          {parsed && !parsed.ok ? (
            <Alert
              mt="md"
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.import.fileProblem")}
              role="alert"
              data-testid="import-file-problem"
            >
              <Text size="sm">{fileProblemText(parsed.problem, t)}</Text>
              {parsed.problem.kind === "notJson" && parsed.problem.detail ? (
                <Text size="xs" mt={4} ff="monospace" lang="en">
                  {parsed.problem.detail}
                </Text>
              ) : null}
            </Alert>
          ) : null}

          <Group justify="flex-end" mt="md">
            <Button
              leftSection={<IconFileImport size={16} aria-hidden />}
              disabled={!body || run.isPending}
              loading={run.isPending}
              onClick={() => body && run.mutate(body)}
            >
              {t("engagements.import.submit")}
            </Button>
          </Group>

          <div role="status" aria-live="polite">
            {run.isPending ? (
              <Group gap="xs" mt="sm" data-testid="import-progress">
                <Loader size="sm" aria-hidden />
                <Text size="sm">{t("engagements.import.importing", { count: sent.length })}</Text>
              </Group>
            ) : null}
            {result ? (
              <Alert
                mt="md"
                color="green"
                icon={<IconCheck aria-hidden />}
                title={
                  result.created > 0
                    ? t("engagements.import.importedTitle", { count: result.created })
                    : t("engagements.import.nothingNewTitle")
                }
                data-testid="import-result"
              >
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0}>
                  {(["records", "created", "skipped", "outcomes"] as const).map((figure) => (
                    <div key={figure}>
                      <Text component="dt" size="sm" c="dimmed">
                        {t(`engagements.import.${figure}`)}
                      </Text>
                      <Text component="dd" fz="xl" fw={700} m={0} data-testid={`import-${figure}`}>
                        {format.number(result[figure])}
                      </Text>
                    </div>
                  ))}
                </SimpleGrid>
                <Button
                  component={Link}
                  to="/engagements"
                  variant="default"
                  size="xs"
                  mt="sm"
                  leftSection={<IconList size={16} aria-hidden />}
                >
                  {t("engagements.import.toList")}
                </Button>
              </Alert>
            ) : null}
          </div>

          {run.isError ? (
            <Alert
              mt="md"
              color="red"
              icon={<IconAlertCircle aria-hidden />}
              title={t("engagements.import.failed")}
              role="alert"
            >
              <Text size="sm">
                {problems.length > 0
                  ? withProblems > 0
                    ? t("engagements.import.problems", { count: withProblems })
                    : t("engagements.import.problemsInFile")
                  : engagementErrorMessage(run.error, t)}
              </Text>
              {forbidden ? (
                <Text size="sm" mt={4}>
                  {t("engagements.import.forbiddenHint")}
                </Text>
              ) : null}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <TableScroll label={t("engagements.import.problemsCaption")} minWidth={640}>
              <Table striped withTableBorder mt="md" data-testid="import-problems">
                <Table.Caption className="visually-hidden">
                  {t("engagements.import.problemsCaption")}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("engagements.import.record")}</Table.Th>
                    <Table.Th scope="col">{t("engagements.import.sourceKey")}</Table.Th>
                    <Table.Th scope="col">{t("engagements.import.field")}</Table.Th>
                    <Table.Th scope="col">{t("engagements.import.problem")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((problem) => (
                    <Table.Tr key={`${problem.record}-${problem.field}-${problem.message}`}>
                      <Table.Td ff="monospace">{problem.record ?? "—"}</Table.Td>
                      <Table.Td ff="monospace">{problem.sourceKey ?? "—"}</Table.Td>
                      <Table.Td ff="monospace">{problem.field || "—"}</Table.Td>
                      <Table.Td lang="en">{problem.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          ) : null}
        </Paper>
      </Stack>
    </>
  );
}

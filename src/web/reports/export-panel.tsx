import { Button, Checkbox, Divider, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type IsoDate, yearOf } from "../../domain/platform/dates.js";
import type { ReportQuery } from "../../domain/reports/schemas.js";
import { REPORT_FORMATS, type ReportFormat, SUPPRESSION_THRESHOLD } from "../../domain/reports/vocabulary.js";
import { DownloadStatus, useDownload } from "../platform/shell/download-status.js";
import { yearOptions } from "./periods.js";
import { questionnaireUrl, reportExportUrl } from "./reports-api.js";

const QUESTIONNAIRE_FORMATS = ["csv", "xlsx"] as const;

/**
 * The report as a file (CSV, XLSX, or PDF with its chart and statement), for use inside
 * the office or for publication (small counts suppressed), and the de-identified figures
 * of a year for a treaty-review questionnaire. Each download shows its progress.
 */
export function ExportPanel({ query, today }: { query: ReportQuery; today: IsoDate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "ru" ? "ru" : "en";
  const download = useDownload();
  const [publish, setPublish] = useState(false);
  const [year, setYear] = useState(String(yearOf(today) - 1));
  const exportFile = (format: ReportFormat) =>
    void download.start(
      reportExportUrl(query, format, publish, lang),
      `report.${format}`,
      t("reports.export.fileLabel", { format: t(`reports.export.formats.${format}`) }),
    );
  const questionnaire = (format: (typeof QUESTIONNAIRE_FORMATS)[number]) =>
    void download.start(
      questionnaireUrl(Number(year), format, lang),
      `questionnaire-${year}.${format}`,
      t("reports.export.questionnaireLabel", { year, format: t(`reports.export.formats.${format}`) }),
    );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="export-heading">
      <Title order={2} size="h4" id="export-heading" mb="sm">
        {t("reports.export.title")}
      </Title>
      <Stack gap="sm">
        <Checkbox
          label={t("reports.export.publish")}
          description={t("reports.export.publishHint", { threshold: SUPPRESSION_THRESHOLD })}
          checked={publish}
          onChange={(event) => setPublish(event.currentTarget.checked)}
        />
        <Group gap="xs" role="group" aria-label={t("reports.export.formatsLabel")}>
          {REPORT_FORMATS.map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => exportFile(format)}
              disabled={download.busy}
            >
              {t(`reports.export.buttons.${format}`)}
            </Button>
          ))}
        </Group>
        <Divider />
        <Title order={3} size="h5">
          {t("reports.export.questionnaireTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("reports.export.questionnaireHint", { threshold: SUPPRESSION_THRESHOLD })}
        </Text>
        <Group gap="xs" align="flex-end">
          <Select
            label={t("reports.export.questionnaireYear")}
            data={yearOptions(today).map((value) => ({ value: String(value), label: String(value) }))}
            value={year}
            onChange={(value) => value && setYear(value)}
            allowDeselect={false}
            w={140}
            comboboxProps={{ withinPortal: true }}
          />
          {QUESTIONNAIRE_FORMATS.map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => questionnaire(format)}
              disabled={download.busy}
            >
              {t(`reports.export.questionnaireButtons.${format}`)}
            </Button>
          ))}
        </Group>
        <DownloadStatus state={download.state} />
      </Stack>
    </Paper>
  );
}

import { Group, Progress, Stack, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DownloadProgress, fetchFile, saveFile } from "../../api/download.js";
import { errorMessage } from "../../api/errors.js";
import { useFormat } from "../../format.js";
import { i18n } from "../../i18n/i18n.js";
import { notifyError, notifySuccess } from "./notify.js";

export type DownloadState = {
  /** What is being fetched (the button's label), while it is. */
  label: string | null;
  progress: DownloadProgress | null;
};

/**
 * One file fetched at a time, with its progress: `start` fetches and saves it, then says
 * so; a refusal is said in a notification in the interface language.
 */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ label: null, progress: null });
  const busy = useRef(false);
  const start = async (url: string, fallbackName: string, label: string) => {
    if (busy.current) return;
    busy.current = true;
    setState({ label, progress: { received: 0, total: null } });
    try {
      const file = await fetchFile(url, fallbackName, (progress) => setState({ label, progress }));
      saveFile(file);
      notifySuccess(i18n.t("downloads.done", { name: file.fileName }));
    } catch (error) {
      notifyError(i18n.t("downloads.failed"), errorMessage(error, i18n.t));
    } finally {
      busy.current = false;
      setState({ label: null, progress: null });
    }
  };
  return { state, start, busy: state.label !== null };
}

/** Kilobytes or megabytes, in the interface language. */
function size(bytes: number, format: (value: number) => string, t: TFunction) {
  if (bytes < 1024 * 1024)
    return t("downloads.kilobytes", { size: format(Math.max(1, Math.round(bytes / 1024))) });
  return t("downloads.megabytes", { size: format(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}

/** The progress of the running download: a bar when the size is known, the bytes received otherwise. */
export function DownloadStatus({ state }: { state: DownloadState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { label, progress } = state;
  if (!label || !progress) return <div role="status" aria-live="polite" />;
  const percent = progress.total
    ? Math.min(100, Math.round((progress.received / progress.total) * 100))
    : null;
  const received = size(progress.received, format.number, t);
  return (
    <Stack gap={4} role="status" aria-live="polite" maw={420}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text size="sm">{t("downloads.preparing", { name: label })}</Text>
        <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {percent !== null && progress.total
            ? t("downloads.receivedOf", { received, total: size(progress.total, format.number, t) })
            : t("downloads.received", { received })}
        </Text>
      </Group>
      {percent !== null ? (
        <Progress value={percent} aria-label={t("downloads.progressLabel", { name: label })} size="sm" />
      ) : (
        <Progress value={100} animated striped aria-hidden size="sm" />
      )}
    </Stack>
  );
}

import { notifications } from "@mantine/notifications";
import { i18n } from "../../i18n/i18n.js";

/** Notifications confirm what happened; they are announced (role="alert") and close by themselves. */
export function notifySuccess(message: string, title?: string): void {
  notifications.show({
    color: "green",
    title,
    message,
    autoClose: 6000,
    closeButtonProps: { "aria-label": i18n.t("common.closeNotification") },
  });
}

export function notifyError(title: string, message: string): void {
  notifications.show({
    color: "red",
    title,
    message,
    autoClose: 10000,
    closeButtonProps: { "aria-label": i18n.t("common.closeNotification") },
  });
}

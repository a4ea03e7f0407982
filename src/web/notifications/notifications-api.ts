import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type NotificationList,
  notificationListSchema,
  notificationSchema,
  readAllNotificationsSchema,
} from "../../domain/notifications/schemas.js";
import { request } from "../api/client.js";

export const NOTIFICATIONS_KEY = ["notifications"] as const;

/** The newest notifications the bell lists; the unread count covers all of them. */
export const BELL_SIZE = 20;
/** How often the bell asks for new ones (the job writes reminders once an hour). */
export const BELL_POLL_MS = 60_000;

/** The newest notifications and the unread count, asked again every minute while the page is visible. */
export function useBellNotifications() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, "bell"],
    queryFn: ({ signal }): Promise<NotificationList> =>
      request("/api/notifications", { query: { limit: BELL_SIZE }, schema: notificationListSchema, signal }),
    refetchInterval: BELL_POLL_MS,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      request(`/api/notifications/${encodeURIComponent(id)}/read`, {
        method: "POST",
        schema: notificationSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      request("/api/notifications/read-all", { method: "POST", schema: readAllNotificationsSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

import type { TFunction } from "i18next";

/** Event types the server writes today; any other type is shown as it is stored. */
export const KNOWN_EVENT_TYPES = [
  "access.denied",
  "audit.read",
  "audit.verified",
  "auth.login",
  "auth.logout",
  "auth.mfa.enrolled",
  "auth.mfa.enrolment_started",
  "auth.mfa.verified",
  "reference_data.loaded",
  "setup.link_issued",
  "user.access_reset",
  "user.created",
  "user.disabled",
  "user.enabled",
  "user.invitation_accepted",
  "user.password_changed",
  "user.preferences_changed",
  "user.unlocked",
  "user.updated",
] as const;
type KnownEventType = (typeof KNOWN_EVENT_TYPES)[number];

export const KNOWN_OBJECT_TYPES = [
  "user",
  "session",
  "route",
  "audit_log",
  "audit_entry",
  "dataset",
  "setup",
] as const;

function isKnown(eventType: string): eventType is KnownEventType {
  return (KNOWN_EVENT_TYPES as readonly string[]).includes(eventType);
}

// Dots separate keys in the translation files, so "auth.mfa.verified" is looked up as "auth_mfa_verified".
type EventKey<T extends string> = T extends `${infer Head}.${infer Tail}` ? `${Head}_${EventKey<Tail>}` : T;

function eventKey<T extends KnownEventType>(eventType: T): EventKey<T> {
  return eventType.replaceAll(".", "_") as EventKey<T>;
}

export function eventLabel(eventType: string, t: TFunction): string {
  return isKnown(eventType) ? t(`audit.events.${eventKey(eventType)}`) : eventType;
}

import { Badge, Group, NavLink, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, matchPath, useLocation } from "react-router";
import { useSession } from "../auth/session.js";
import { AREAS, type Area, isAreaVisible, type Section } from "./areas.js";

function isActive(area: Area, pathname: string): boolean {
  if (!area.path) return false;
  if (area.path === "/") return pathname === "/";
  const section = area.path.split("/").slice(0, 2).join("/");
  return matchPath({ path: section, end: false }, pathname) !== null;
}

function matches(pattern: string, pathname: string): boolean {
  return matchPath({ path: pattern, end: true }, pathname) !== null;
}

/**
 * The section the address belongs to: one whose own path it is, else one that claims it
 * among its pages ("/engagements/:id" claims any id, but "/engagements/calendar" is the
 * calendar's own).
 */
function activeSection(sections: readonly Section[], pathname: string): Section | undefined {
  return (
    sections.find((section) => matches(section.path, pathname)) ??
    sections.find((section) => (section.also ?? []).some((pattern) => matches(pattern, pathname)))
  );
}

/** A planned area: shown so users know it is coming, but neither a link nor focusable. */
function PlannedArea({ area }: { area: Area }) {
  const { t } = useTranslation();
  const Icon = area.icon;
  return (
    <Group gap="sm" px="sm" py={8} wrap="nowrap" c="gray.7">
      <Icon size={20} stroke={1.5} aria-hidden />
      <Text component="span" size="sm" style={{ flex: 1 }}>
        {t(`nav.areas.${area.key}`)}
      </Text>
      <Badge size="xs" color="gray" variant="light">
        {t("nav.planned")}
      </Badge>
    </Group>
  );
}

/** The open area's sections, indented under it. */
function Sections({ area, onNavigate }: { area: Area; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { permissions } = useSession();
  const sections = (area.sections ?? []).filter((section) => isAreaVisible(section, permissions));
  const current = activeSection(sections, pathname);
  return (
    <ul className="nav-list" aria-label={t("nav.sectionsOf", { area: t(`nav.areas.${area.key}`) })}>
      {sections.map((section) => {
        const active = section === current;
        return (
          <li key={section.key}>
            <NavLink
              component={Link}
              to={section.path}
              label={t(`nav.sections.${section.key}`)}
              active={active}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              pl={44}
              py={6}
              variant="subtle"
            />
          </li>
        );
      })}
    </ul>
  );
}

export function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { permissions } = useSession();
  const areas = AREAS.filter((area) => isAreaVisible(area, permissions));
  return (
    <ul className="nav-list">
      {areas.map((area) => {
        const Icon = area.icon;
        const active = isActive(area, pathname);
        const withSections = active && (area.sections?.length ?? 0) > 0;
        // With its sections shown, the area's link is not itself "the page": a section is.
        const current = active && !withSections;
        return (
          <li key={area.key}>
            {area.path ? (
              <>
                <NavLink
                  component={Link}
                  to={area.path}
                  label={t(`nav.areas.${area.key}`)}
                  description={area.key === "users" ? t("nav.usersDescription") : undefined}
                  leftSection={<Icon size={20} stroke={1.5} aria-hidden />}
                  active={active}
                  variant={withSections ? "subtle" : "light"}
                  aria-current={current ? "page" : undefined}
                  onClick={onNavigate}
                />
                {withSections ? <Sections area={area} onNavigate={onNavigate} /> : null}
              </>
            ) : (
              <PlannedArea area={area} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

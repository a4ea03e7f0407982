import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { useDocumentTitle } from "./use-document-title.js";

type Props = { title: string; description?: ReactNode; actions?: ReactNode };

/**
 * The page's one h1 and its document title. After a navigation inside the app the
 * heading takes focus, so a screen reader announces the new page and Tab continues
 * from its top.
 */
export function PageHeader({ title, description, actions }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useDocumentTitle(title);
  useEffect(() => {
    // "default" is the entry the browser loaded first: focus stays where the browser put it.
    if (key !== "default") heading.current?.focus();
  }, [key]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md">
      <Stack gap={4}>
        <Title order={1} ref={heading} tabIndex={-1} fz={28}>
          {title}
        </Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

import { Table } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { label: string; minWidth: number; children: ReactNode };

/**
 * Wide tables scroll sideways on narrow screens. The scrolling box is a named, focusable
 * region, so that keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, minWidth, children }: Props) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

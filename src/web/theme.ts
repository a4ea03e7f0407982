import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorSchemeManager,
  type MantineColorsTuple,
  type MantineTransition,
} from "@mantine/core";

/**
 * A restrained navy for a public office, and darker ends of the status palettes:
 * Mantine's defaults put small badge and error text below the WCAG AA contrast of
 * 4.5:1 (green, orange and yellow badge text, red error text, "dimmed" grey).
 */
const navy: MantineColorsTuple = [
  "#eef2f9",
  "#dbe3f1",
  "#b5c6e2",
  "#8da7d3",
  "#6b8cc5",
  "#5279b9",
  "#3f67aa",
  "#325793",
  "#284878",
  "#1f3a68",
];

function withDarkEnd(name: string, shades: Record<number, string>): MantineColorsTuple {
  const base = DEFAULT_THEME.colors[name];
  if (!base) throw new Error(`Mantine has no colour ${name}`);
  const palette = [...base];
  for (const [index, value] of Object.entries(shades)) palette[Number(index)] = value;
  return palette as unknown as MantineColorsTuple;
}

/**
 * Dialogs move in without fading: text inside a half-transparent dialog has too little
 * contrast while it fades, which an accessibility check run at that moment reports, and
 * less motion suits the office anyway. Menus and lists open at once.
 */
const dialogIn: MantineTransition = {
  in: { transform: "translateY(0)" },
  out: { transform: "translateY(-12px)" },
  transitionProperty: "transform",
};
const drawerIn: MantineTransition = {
  in: { transform: "translateX(0)" },
  out: { transform: "translateX(100%)" },
  transitionProperty: "transform",
};
const instant = { transitionProps: { duration: 0 } };

export const theme = createTheme({
  primaryColor: "navy",
  primaryShade: { light: 8, dark: 8 },
  colors: {
    navy,
    red: withDarkEnd("red", { 8: "#c92a2a", 9: "#a51d1d" }),
    green: withDarkEnd("green", { 9: "#1b6e2f" }),
    orange: withDarkEnd("orange", { 9: "#a63c06" }),
    yellow: withDarkEnd("yellow", { 9: "#8a5a00" }),
    teal: withDarkEnd("teal", { 9: "#0b6b54" }),
  },
  defaultRadius: "sm",
  focusRing: "auto",
  headings: { fontWeight: "650" },
  components: {
    Table: { defaultProps: { verticalSpacing: "xs", horizontalSpacing: "sm" } },
    // A badge in a narrow table column keeps its whole word instead of an ellipsis.
    Badge: {
      defaultProps: { variant: "light", radius: "sm" },
      styles: { root: { minWidth: "max-content" } },
    },
    Modal: { defaultProps: { transitionProps: { transition: dialogIn, duration: 150 } } },
    Drawer: { defaultProps: { transitionProps: { transition: drawerIn, duration: 200 } } },
    Menu: { defaultProps: instant },
    Popover: { defaultProps: instant },
    Combobox: { defaultProps: instant },
    Tooltip: { defaultProps: instant },
    // A dialog's <header> is not the page's banner landmark; the dialog role and title name it.
    ModalHeader: { defaultProps: { role: "none" } },
    DrawerHeader: { defaultProps: { role: "none" } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-8)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
  },
  dark: {},
});

/**
 * The colour scheme is fixed (light) and never stored: the browser may keep only the
 * interface language (security requirement), so Mantine's localStorage manager is replaced.
 */
export const fixedColorScheme: MantineColorSchemeManager = {
  get: () => "light",
  set: () => {},
  subscribe: () => {},
  unsubscribe: () => {},
  clear: () => {},
};

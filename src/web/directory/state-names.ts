import { useTranslation } from "react-i18next";
import type { State } from "../../domain/directory/schemas.js";
import { useStates } from "./states-api.js";

export type StateNames = {
  states: State[];
  /** The state's name in the interface language; the code itself while the list loads. */
  name: (code: string | null | undefined) => string;
  /** The name in the other language, for secondary text. */
  otherName: (code: string | null | undefined) => string | null;
  byCode: (code: string) => State | undefined;
  ready: boolean;
};

/** Every state (loaded once and shared with the states page) and their names. */
export function useStateNames(): StateNames {
  const { i18n } = useTranslation();
  const all = useStates("");
  const states = all.data?.states ?? [];
  const russian = i18n.language === "ru";
  // Keyed by plain strings: names are asked for codes of any origin (an address, a free-text field).
  const index = new Map<string, State>(states.map((state) => [state.code, state]));
  return {
    states,
    ready: all.data !== undefined,
    byCode: (code) => index.get(code),
    name: (code) => {
      if (!code) return "";
      const state = index.get(code);
      if (!state) return code;
      return russian ? state.nameRu : state.nameEn;
    },
    otherName: (code) => {
      const state = code ? index.get(code) : undefined;
      if (!state) return null;
      return russian ? state.nameEn : state.nameRu;
    },
  };
}

import "./map.css";
import { Text } from "@mantine/core";
import { type ComponentProps, type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ComposableMap, Geographies, Geography } from "react-simple-maps";
import topology from "../../../../data/world-atlas/countries-110m.json" with { type: "json" };
import type { State } from "../../../domain/directory/schemas.js";
import type { MapRelation } from "../../../domain/registry/vocabulary.js";
import { NO_DATA_FILL, RELATION_FILLS, SELECTED_FILL } from "./map-colors.js";

type GeographySource = ComponentProps<typeof Geographies>["geography"];
const WORLD = topology as unknown as GeographySource;

export type Partner = { state: string; relation: MapRelation; instruments: number };

type Props = {
  /** The state the map is about, or none (a map of figures, such as the reports'). */
  selected: string | null;
  /** By ISO 3166-1 alpha-2 code. */
  partners: Map<string, Partner>;
  /**
   * Another colouring than by relation (the reports' map colours by a figure): each
   * country's fill and name. The registry's map leaves these out.
   */
  fillOf?: (code: string) => string;
  describeOf?: (code: string) => string;
  /** What the line above the map says while no country is pointed at. */
  hint?: string;
  /** By ISO 3166-1 numeric code ("643"), from the states of the directory. */
  statesByNumeric: Map<string, State>;
  stateName: (code: string) => string;
  onOpen: (code: string) => void;
  /** The label of the whole map (what it shows, for whom). */
  label: string;
};

/**
 * The world coloured by each country's relation to the selected state. Countries are
 * links (Enter or a click opens what binds the two); each has a name that says its
 * relation, and the table under the map lists the same partners.
 */
export function WorldMap({
  selected,
  partners,
  fillOf,
  describeOf,
  hint,
  statesByNumeric,
  stateName,
  onOpen,
  label,
}: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [active, setActive] = useState<string | null>(null);
  const describe = (code: string) => {
    if (describeOf) return describeOf(code);
    if (code === selected) return t("registry.map.selectedCountry", { state: stateName(code) });
    const partner = partners.get(code);
    const relation = partner?.relation ?? "none";
    return t("registry.map.countryLabel", {
      state: stateName(code),
      relation: t(`registry.vocab.mapRelations.${relation}`),
    });
  };
  const keyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(code);
    }
  };
  return (
    <div className="world-map">
      <Text size="sm" fw={600} mih={22} aria-hidden>
        {active ? describe(active) : (hint ?? t("registry.map.hoverHint"))}
      </Text>
      <ComposableMap
        projection="geoEqualEarth"
        projectionConfig={{ scale: 147 }}
        width={800}
        height={400}
        role="group"
        aria-label={label}
      >
        <Geographies geography={WORLD}>
          {({ geographies }) =>
            // Countries in alphabetical order of their names: the order in which Tab visits them.
            [...geographies]
              .sort((a, b) => {
                const x = statesByNumeric.get(String(a.id ?? ""));
                const y = statesByNumeric.get(String(b.id ?? ""));
                return (x ? stateName(x.code) : "").localeCompare(y ? stateName(y.code) : "", locale);
              })
              .map((geography) => {
                const numeric = typeof geography.id === "string" ? geography.id : null;
                const state = numeric ? statesByNumeric.get(numeric) : undefined;
                if (!state) {
                  return (
                    <Geography
                      key={geography.rsmKey}
                      geography={geography}
                      className="map-country"
                      fill={NO_DATA_FILL}
                      tabIndex={-1}
                      aria-hidden
                      focusable={false}
                    />
                  );
                }
                const code = state.code;
                const partner = partners.get(code);
                const relation: MapRelation = partner?.relation ?? "none";
                const fill = fillOf
                  ? fillOf(code)
                  : code === selected
                    ? SELECTED_FILL
                    : RELATION_FILLS[relation];
                return (
                  <Geography
                    key={geography.rsmKey}
                    geography={geography}
                    className={`map-country${active === code ? " is-active" : ""}`}
                    fill={fill}
                    role="link"
                    tabIndex={0}
                    aria-label={describe(code)}
                    data-testid={`map-country-${code}`}
                    data-relation={code === selected ? "selected" : relation}
                    onMouseEnter={() => setActive(code)}
                    onMouseLeave={() => setActive((current) => (current === code ? null : current))}
                    onFocus={() => setActive(code)}
                    onBlur={() => setActive((current) => (current === code ? null : current))}
                    onClick={() => onOpen(code)}
                    onKeyDown={keyDown(code)}
                  />
                );
              })
          }
        </Geographies>
      </ComposableMap>
    </div>
  );
}

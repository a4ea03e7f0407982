import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ROLE_PERMISSIONS } from "./roles.js";
import { PERMISSIONS, ROLES } from "./vocabulary.js";

const docs = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/roles.md"),
  "utf8",
);

/** The "Permissions per role" table of docs/roles.md, as {permission: {role: granted}}. */
function documentedTable(): Record<string, Record<string, boolean>> {
  const section = docs.split("## Permissions per role")[1]!.split("\n\n")[1]!;
  const [header, , ...rows] = section.trim().split("\n");
  const roles = header!
    .split("|")
    .slice(2, -1)
    .map((cell) => cell.trim());
  return Object.fromEntries(
    rows.map((row) => {
      const cells = row
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim());
      const permission = cells[0]!.replaceAll("`", "");
      return [permission, Object.fromEntries(roles.map((role, index) => [role, cells[index + 1] === "yes"]))];
    }),
  );
}

describe("role table", () => {
  it("docs/roles.md documents exactly the permissions the code grants", () => {
    const table = documentedTable();
    expect(Object.keys(table).sort()).toEqual([...PERMISSIONS].sort());
    for (const permission of PERMISSIONS) {
      for (const role of ROLES) {
        expect(table[permission]?.[role], `${role} / ${permission}`).toBe(
          ROLE_PERMISSIONS[role].includes(permission),
        );
      }
    }
  });

  it("every role is documented, and every permission is granted to someone", () => {
    for (const role of ROLES) expect(docs).toMatch(new RegExp(`\\|\\s*\`${role}\`\\s*\\|`));
    for (const permission of PERMISSIONS)
      expect(ROLES.some((role) => ROLE_PERMISSIONS[role].includes(permission))).toBe(true);
  });
});

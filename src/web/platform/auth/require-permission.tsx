import type { ReactNode } from "react";
import type { Permission } from "../../../domain/platform/vocabulary.js";
import { ForbiddenPage } from "../shell/forbidden-page.js";
import { usePermission } from "./session.js";

/** The server enforces permissions; this only spares the user a page that would refuse them. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return usePermission(permission) ? children : <ForbiddenPage />;
}

import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { findUserByUsername, listUsers } from "../db/platform/users.repository.js";
import { displayNameSchema, usernameSchema } from "../domain/platform/schemas.js";
import { changeUserStatus } from "../server/platform/users/change-user-status.js";
import { createAdministrator } from "../server/platform/users/create-administrator.js";
import { toUserView } from "../server/platform/users/user-view.js";
import { printJson, printTable, progress } from "./output.js";
import { cliCaller, withRuntime } from "./with-runtime.js";

function parseOrExit<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
  name: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    progress(`${name}: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    process.exit(2);
  }
  return parsed.data;
}

export function registerUsers(program: Command): void {
  const users = program.command("users").description("Manage accounts from the server's shell");

  users
    .command("create-admin")
    .description(
      "Create an administrator: prints a one-time invitation link, or takes the password from stdin",
    )
    .requiredOption("--username <name>", "user name (Latin letters, digits, . _ -)")
    .option("--display-name <name>", "full name shown in the interface")
    .option("--password-stdin", "read the password from standard input instead of issuing an invitation link")
    .option("--json", "print the result as JSON")
    .action(
      async (options: {
        username: string;
        displayName?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const username = parseOrExit(usernameSchema, options.username, "--username");
        const displayName = parseOrExit(displayNameSchema, options.displayName ?? username, "--display-name");
        const password = options.passwordStdin ? readFileSync(0, "utf8").replace(/\r?\n$/, "") : undefined;
        const result = await withRuntime({}, async (runtime) => {
          const created = await createAdministrator({
            ...cliCaller(runtime.services),
            username,
            displayName,
            password,
          });
          return {
            ...created,
            url: created.invitation ? `${runtime.services.config.publicUrl}${created.invitation.path}` : null,
          };
        });
        if (options.json) return printJson(result);
        progress(`Administrator "${result.user.username}" created.`);
        if (result.url) {
          process.stdout.write(
            `Invitation link (one use, valid until ${result.invitation?.expiresAt}):\n${result.url}\n`,
          );
        } else {
          progress("Sign in with the password given; an authenticator app is enrolled at first sign-in.");
        }
      },
    );

  users
    .command("list")
    .description("List accounts")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const rows = await withRuntime({}, async (runtime) =>
        (await listUsers(runtime.services.database)).map(toUserView),
      );
      if (options.json) return printJson({ users: rows });
      printTable(
        rows.map((user) => ({
          username: user.username,
          name: user.displayName,
          role: user.role,
          status: user.status,
          mfa: user.mfaEnrolled ? "yes" : "no",
          last_login: user.lastLoginAt ?? "",
        })),
      );
    });

  for (const change of ["unlock", "disable"] as const) {
    users
      .command(`${change} <username>`)
      .description(
        change === "unlock"
          ? "Release the lock left by five failed sign-ins"
          : "Disable an account; its sessions end at once",
      )
      .option("--json", "print the result as JSON")
      .action(async (username: string, options: { json?: boolean }) => {
        const user = await withRuntime({}, async (runtime) => {
          const found = await findUserByUsername(runtime.services.database, username);
          if (!found) {
            progress(`No account "${username}".`);
            process.exitCode = 1;
            return null;
          }
          return changeUserStatus({ ...cliCaller(runtime.services), userId: found.id, change });
        });
        if (!user) return;
        if (options.json) return printJson(user);
        progress(
          `${user.username}: ${change === "unlock" ? "unlocked" : "disabled"} (status ${user.status}).`,
        );
      });
  }
}

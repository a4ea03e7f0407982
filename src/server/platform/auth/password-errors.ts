import type { PasswordProblem } from "../../../domain/platform/password-policy.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../domain/platform/vocabulary.js";
import { AppError } from "../errors.js";

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good password.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  banned: "This password is on the list of commonly used passwords.",
  contains_personal_data: "Do not build the password on your name or user name.",
  too_guessable: "This password follows a pattern that is easy to guess; add unrelated words.",
};

export function passwordProblemError(problems: PasswordProblem[], field: string): AppError {
  const first = problems[0] ?? "too_guessable";
  return new AppError(400, `password_${first}`, PASSWORD_PROBLEM_MESSAGES[first], [
    {
      path: `body.${field}`,
      message: problems.map((problem) => PASSWORD_PROBLEM_MESSAGES[problem]).join(" "),
    },
  ]);
}

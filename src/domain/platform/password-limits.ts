/** Password length limits, in Unicode code points (see password-policy.ts for the rules). */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

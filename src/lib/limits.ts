/**
 * Limits the forms show and the server enforces. Plain constants, so a page can
 * import them without pulling the validation library (zod) into the browser.
 */
export const PASSWORD_MIN = 12;
export const DESCRIPTION_MAX = 5000;
export const LOWERING_REASON_MIN = 20;

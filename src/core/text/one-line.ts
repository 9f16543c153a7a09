// Names and titles as every door takes them (SPEC §7 "Holders, versions and
// limits"): an agent's name and a model are one line with no control
// characters, refused otherwise; a title has its control characters removed
// (a line break or tab becomes a space). One function each, called by the
// core commands, so no door can let through what another refuses.

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- line breaks and tabs, each become a space
const BREAKS = /[\t\n\r\u000c\u2028\u2029]+/g;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Why `value` cannot be written as a one-line name (`what`: "the agent name", "the model"), or null. */
export function oneLineProblem(value: string, what: string, maxChars: number): string | null {
  const name = value.trim();
  if (name === "") return `${what} is empty`;
  if (/[\r\n\u2028\u2029]/.test(value)) return `${what} must be one line`;
  const bad = CONTROL.exec(value);
  if (bad !== null) return `${what} contains a control character (${codePoint(bad[0])})`;
  if ([...name].length > maxChars) return `${what} is longer than ${maxChars} characters`;
  return null;
}

/** A title or description as one line: line breaks and tabs become spaces, other control characters go. */
export const withoutControls = (text: string): string => text.replace(BREAKS, " ").replace(CONTROLS, "");

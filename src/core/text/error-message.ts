// One line for whatever was thrown: an Error's message, else its text.
export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

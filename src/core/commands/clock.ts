// One clock for "today". Every door passes `new Date()` (tests pass a fixed
// one), and every date a command writes comes from here, so the CLI, the
// Obsidian CLI handlers and the plugin's actions agree on the day.
import { formatISO } from "date-fns";

/** The calendar day of `now`, in the local time zone, as YYYY-MM-DD. */
export const today = (now: Date): string => formatISO(now, { representation: "date" });

// The clock of the Node doors. With SOURCE_QUEUE_NOW=<ISO time> (tests only,
// as SOURCE_QUEUE_FAIL_AT in fault-injection.ts) every lease is decided and
// written at that moment, so a test can let leases run out without waiting
// an hour (SPEC §7: a rejected review returns to the queue once its lease has
// expired). Unset or not a time, it is the real clock.
const fixed = process.env.SOURCE_QUEUE_NOW === undefined ? null : new Date(process.env.SOURCE_QUEUE_NOW);
const offset = fixed === null || Number.isNaN(fixed.getTime()) ? 0 : fixed.getTime() - Date.now();

/** Now, shifted by SOURCE_QUEUE_NOW when a test sets it (time still runs from there). */
export const nodeNow = (): Date => new Date(Date.now() + offset);

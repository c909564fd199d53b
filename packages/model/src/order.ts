/**
 * Orders strings by their UTF-16 code units: for ids and ISO timestamps, the same order as
 * `localeCompare`, without its collator. A page's first `localeCompare` loads ICU's collation
 * data (30–40 ms in Chromium) and each call costs several times a plain comparison, and the
 * canvas sorts every card and connection by id on load.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

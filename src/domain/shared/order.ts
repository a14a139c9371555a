/**
 * Orders strings by UTF-16 code units, as Array#sort does by default and as git lists paths: the same on
 * every machine, and free. localeCompare depends on the runner's locale and its first call loads ICU's
 * collator (about 9 ms of a run).
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

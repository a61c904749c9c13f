/**
 * CSV of the rows behind a chart, written with d3 (d3-dsv) (RFC 4180 quoting).
 * Text that a spreadsheet would run as a formula (=, +, @, a tab, a carriage
 * return, or - before a non-digit) gets a leading apostrophe, the usual
 * defence against CSV injection; numbers, dates and the rest go out as they are.
 */
import { csvFormat } from "d3";

export type CsvValue = string | number | boolean | null | undefined | Date;

export function safeCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "string") return String(value);
  return /^[=+@\t\r]/.test(value) || /^-(?![\d.])/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly Record<string, CsvValue>[], columns: readonly string[]): string {
  const clean = rows.map((row) => Object.fromEntries(columns.map((c) => [c, safeCell(row[c])])));
  return `${csvFormat(clean, [...columns])}\n`;
}

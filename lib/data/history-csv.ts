import 'server-only';
// H1 export: the lending history as CSV (RFC 4180: comma-separated, quoted where needed, CRLF lines; UTF-8
// with a byte-order mark so spreadsheet programs read accents right). A cell that a spreadsheet
// would run as a formula (starting with = + - @, or a tab / carriage return) gets a leading `'`.
import type { HistoryEntry } from './history';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvHeadings {
  title: string;
  author: string;
  library: string;
  branch: string;
  lentOn: string;
  returnedOn: string;
}

export function historyCsv(entries: readonly HistoryEntry[], headings: CsvHeadings): string {
  const lines = [
    [headings.title, headings.author, headings.library, headings.branch, headings.lentOn, headings.returnedOn],
    ...entries.map((e) => [e.title, e.author, e.libraryName, `${e.branchCode} ${e.branchName}`, e.lentOn, e.returnedOn]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** `leenhistoriek-zo-2026-11-20.csv`: only safe characters, whatever the slug. */
export function historyFileName(prefix: string, slug: string, today: string): string {
  return `${prefix}-${slug.replace(/[^a-z0-9-]/g, '_')}-${today}.csv`;
}

// Import errors: a JSON path in the document (`loans[3].item`) and what is wrong with it.
import type { z } from 'zod';

export interface ImportError {
  /** `loans[3].item`: dots between keys, `[i]` for array positions; `(document)` for the whole. */
  path: string;
  message: string;
}

/** More errors than this are summarised: past a few hundred, a reader fixes the export instead. */
export const MAX_ERRORS = 200;

export type PathSegment = string | number | symbol;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Collects every error; `list()` caps them at MAX_ERRORS with a "… and N more" note. */
export class ErrorList {
  private readonly errors: ImportError[] = [];

  add(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  get size(): number {
    return this.errors.length;
  }

  list(): ImportError[] {
    if (this.errors.length <= MAX_ERRORS) return [...this.errors];
    const more = this.errors.length - MAX_ERRORS;
    return [
      ...this.errors.slice(0, MAX_ERRORS),
      { path: '(document)', message: `… and ${more} more error${more === 1 ? '' : 's'}` },
    ];
  }
}

/** zod issues → import errors; an unknown key becomes one error at its own path. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], errors: ErrorList): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.add(formatPath([...issue.path, key]), 'unknown field');
    } else {
      errors.add(formatPath(issue.path), issue.message);
    }
  }
}

/** A value as the document wrote it, cut short: an error message is not a place for a whole record. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Kinder messages than zod's defaults for the common cases; undefined keeps zod's. */
export function zodMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required field is missing';
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${preview(issue.input)}`;
  }
  return undefined;
}

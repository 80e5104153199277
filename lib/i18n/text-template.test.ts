// textTemplate: one formatting with a marker, then plain filling — the same text as formatting each
// value, wherever the argument stands and however often.
import { describe, expect, it } from 'vitest';
import { textTemplate } from './text-template';

describe('textTemplate', () => {
  it.each([
    ['argument at the end', (v: string) => `Selecteer ${v}`, 'De taal der liefde', 'Selecteer De taal der liefde'],
    ['argument at the start', (v: string) => `${v} selecteren`, 'Boerenpsalm', 'Boerenpsalm selecteren'],
    ['argument twice', (v: string) => `${v} (${v})`, 'x', 'x (x)'],
    ['value with replacement patterns', (v: string) => `door ${v}`, '$& $1 {author}', 'door $& $1 {author}'],
    ['no argument used', () => 'Kiezen', 'ignored', 'Kiezen'],
  ])('%s', (_, format, value, expected) => {
    expect(textTemplate(format)(value)).toBe(expected);
    expect(textTemplate(format)(value)).toBe(format(value));
  });

  it('formats once, however many values are filled in', () => {
    let calls = 0;
    const fill = textTemplate((v) => {
      calls += 1;
      return `voor ${v}`;
    });
    expect(['An', 'Bert', 'Cas'].map(fill)).toEqual(['voor An', 'voor Bert', 'voor Cas']);
    expect(calls).toBe(1);
  });
});

// A translated message with ONE plain text argument ("Selecteer {title}", "door {author}"), formatted
// once with a marker in the argument's place and then filled in by plain string joining. A table
// of hundreds of rows would otherwise call the translator once per row, and each next-intl call
// builds its formatter cache key anew (JSON of the message, locale and formats): the largest cost
// of a loans row (issue 16). Only for arguments ICU inserts verbatim: a plain {name}, never one in a
// plural or select, nor a number or date (those are formatted by locale).
export const TEXT_MARK = '\u0000';

export function textTemplate(format: (mark: string) => string): (value: string) => string {
  const parts = format(TEXT_MARK).split(TEXT_MARK);
  return (value) => parts.join(value);
}

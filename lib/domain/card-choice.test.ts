import { describe, expect, it } from 'vitest';
import { chooseCardRecord, namedLibrary, type CardChoice, type PinAnswer } from './card-choice';

// Records by their library: home (a home library's own record), guest (the guest library's record of
// the same person under the home card number), other (an old card of someone else with the same number).
type Rec = 'home' | 'guest' | 'other';

describe('R14 chooseCardRecord: one proved record, or ask which library', () => {
  it.each<[string, [Rec, PinAnswer][], CardChoice<Rec>]>([
    ['no record with the number', [], { kind: 'none' }],
    ['one record, right PIN', [['home', 'match']], { kind: 'match', card: 'home' }],
    ['one record, wrong PIN', [['home', 'no_match']], { kind: 'none' }],
    ['library named: only its record is asked, right PIN', [['guest', 'match']], { kind: 'match', card: 'guest' }],
    ['home and guest record share number and PIN: never the first silently', [['home', 'match'], ['guest', 'match']], { kind: 'choose_library' }],
    ['shared number, PIN right only at the guest record', [['home', 'no_match'], ['guest', 'match']], { kind: 'match', card: 'guest' }],
    ['shared number, PIN right only at the home record', [['home', 'match'], ['other', 'no_match']], { kind: 'match', card: 'home' }],
    ['shared number, wrong PIN everywhere', [['home', 'no_match'], ['guest', 'no_match'], ['other', 'no_match']], { kind: 'none' }],
    ['right at one, another library unreachable: not known to be unique', [['home', 'match'], ['guest', 'unreachable']], { kind: 'choose_library' }],
    ['three records, right at two', [['home', 'match'], ['other', 'no_match'], ['guest', 'match']], { kind: 'choose_library' }],
    ['nothing right, a library unreachable: try later', [['home', 'no_match'], ['guest', 'unreachable']], { kind: 'unreachable', card: 'guest' }],
    ['only record unreachable', [['guest', 'unreachable']], { kind: 'unreachable', card: 'guest' }],
  ])('%s', (_title, answers, expected) => {
    expect(chooseCardRecord(answers.map(([card, answer]) => ({ card, answer })))).toEqual(expected);
  });
});

describe('R14 namedLibrary: the select posts an ISIL, or empty for any library', () => {
  it.each<[string | null | undefined, string | null]>([
    [undefined, null],
    [null, null],
    ['', null],
    ['   ', null],
    ['NL-0702881037', 'NL-0702881037'],
    [' BE-ZOT01 ', 'BE-ZOT01'],
  ])('%j → %j', (value, expected) => {
    expect(namedLibrary(value)).toBe(expected);
  });
});

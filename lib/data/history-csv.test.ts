import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv, historyFileName } from './history-csv';

describe('H1 CSV export cells', () => {
  it.each([
    ['Max Havelaar', 'Max Havelaar'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6', "'+31 6"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tstart', "'\tstart"],
    ['a, b', '"a, b"'],
    ['regel 1\nregel 2', '"regel 1\nregel 2"'],
    ['zeg "hoi"', '"zeg ""hoi"""'],
    [null, ''],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('H1 writes a header, one CRLF line per entry and a byte-order mark', () => {
    const csv = historyCsv(
      [{ id: 1, title: '=cmd', author: null, material: 'book', libraryName: 'Bib, Zottegem', branchCode: '3550', branchName: 'Zottegem', lentOn: '2026-01-01', returnedOn: '2026-01-10' }],
      { title: 'Titel', author: 'Auteur', library: 'Bibliotheek', branch: 'Vestiging', lentOn: 'Geleend', returnedOn: 'Terug' },
    );
    expect(csv).toBe("\uFEFFTitel,Auteur,Bibliotheek,Vestiging,Geleend,Terug\r\n'=cmd,,\"Bib, Zottegem\",3550 Zottegem,2026-01-01,2026-01-10\r\n");
  });

  it('file names keep only safe characters', () => {
    expect(historyFileName('leenhistoriek', 'xx-ab_c_1', '2026-11-20')).toBe('leenhistoriek-xx-ab_c_1-2026-11-20.csv');
    expect(historyFileName('leenhistoriek', 'a"b\r\n', '2026-11-20')).toBe('leenhistoriek-a_b__-2026-11-20.csv');
  });
});

import { expect, it } from 'vitest';
import { describeOnDatabases } from '@/test/db';
import { branches, digitalCollections, libraries, libraryDigitalCollections, regions } from '@/db/schema';
import { libraryChoices, listNetwork } from './network';

describeOnDatabases('listNetwork (%s)', (t) => {
  it('returns an empty network from an empty database in one query', async () => {
    t.queries.reset();
    await expect(listNetwork(t.db)).resolves.toEqual({ regions: [], outsideRegions: [], guestLending: [] });
    expect(t.queries).toHaveLength(1);
  });

  it('returns regions with libraries, branches and collections, the rest apart — in one round trip (P4)', async () => {
    const [zo, dender] = await t.db
      .insert(regions)
      .values([
        { code: 'ZO', name: 'Regio Zottegem-Oosterzele', kind: '3b', feeBlockThresholdCents: 500 },
        { code: 'DE', name: 'Regio Dender', kind: '3a', feeBlockThresholdCents: 1000 },
      ])
      .returning();
    await t.db
      .insert(regions)
      .values({ code: 'LEEG', name: 'Regio Zonder Bibliotheken', kind: '3c', feeBlockThresholdCents: 0 });
    const [ebooks, films] = await t.db
      .insert(digitalCollections)
      .values([
        { code: 'ebooks', name: 'E-boeken' },
        { code: 'films', name: 'Films' },
      ])
      .returning();
    const [zottegem, oosterzele, ninove, gent, amsterdam] = await t.db
      .insert(libraries)
      .values([
        { isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem', country: 'BE', regionId: zo!.id },
        { isil: 'BE-OOS01', name: 'Bibliotheek Oosterzele', country: 'BE', regionId: zo!.id },
        { isil: 'BE-NIN01', name: 'Bibliotheek Ninove', country: 'BE', regionId: dender!.id },
        { isil: 'BE-GEN01', name: 'Bibliotheek Gent', country: 'BE' },
        { isil: 'NL-0702881037', name: 'Bibliotheek Amsterdam', country: 'NL' },
      ])
      .returning();
    await t.db.insert(branches).values([
      { libraryId: zottegem!.id, code: '3550', name: 'Zottegem' },
      { libraryId: zottegem!.id, code: '3551', name: 'Strijpen' },
      { libraryId: oosterzele!.id, code: '3560', name: 'Oosterzele' },
      { libraryId: ninove!.id, code: '3400', name: 'Ninove' },
      { libraryId: gent!.id, code: '9000', name: 'De Krook' },
      { libraryId: amsterdam!.id, code: '1037', name: 'Centrale' },
    ]);
    await t.db.insert(libraryDigitalCollections).values([
      { libraryId: zottegem!.id, digitalCollectionId: films!.id },
      { libraryId: zottegem!.id, digitalCollectionId: ebooks!.id },
      { libraryId: gent!.id, digitalCollectionId: ebooks!.id },
    ]);

    t.queries.reset();
    const network = await listNetwork(t.db);
    expect(t.queries).toHaveLength(1);

    const library = (isil: string, name: string, country: 'BE' | 'NL') => ({ isil, name, country });
    expect(network).toEqual({
      regions: [
        {
          code: 'DE',
          name: 'Regio Dender',
          kind: '3a',
          transport: false,
          libraries: [
            { ...library('BE-NIN01', 'Bibliotheek Ninove', 'BE'), branches: [{ code: '3400', name: 'Ninove' }], digitalCollections: [] },
          ],
        },
        { code: 'LEEG', name: 'Regio Zonder Bibliotheken', kind: '3c', transport: true, libraries: [] },
        {
          code: 'ZO',
          name: 'Regio Zottegem-Oosterzele',
          kind: '3b',
          transport: true,
          libraries: [
            {
              ...library('BE-OOS01', 'Bibliotheek Oosterzele', 'BE'),
              branches: [{ code: '3560', name: 'Oosterzele' }],
              digitalCollections: [],
            },
            {
              ...library('BE-ZOT01', 'Bibliotheek Zottegem', 'BE'),
              branches: [
                { code: '3550', name: 'Zottegem' },
                { code: '3551', name: 'Strijpen' },
              ],
              digitalCollections: [
                { code: 'ebooks', name: 'E-boeken' },
                { code: 'films', name: 'Films' },
              ],
            },
          ],
        },
      ],
      outsideRegions: [
        {
          ...library('BE-GEN01', 'Bibliotheek Gent', 'BE'),
          branches: [{ code: '9000', name: 'De Krook' }],
          digitalCollections: [{ code: 'ebooks', name: 'E-boeken' }],
        },
      ],
      guestLending: [
        {
          ...library('NL-0702881037', 'Bibliotheek Amsterdam', 'NL'),
          branches: [{ code: '1037', name: 'Centrale' }],
          digitalCollections: [],
        },
      ],
    });

    // R14: the card forms' choice of library lists every library of the network, by name.
    expect(libraryChoices(network)).toEqual([
      { isil: 'NL-0702881037', name: 'Bibliotheek Amsterdam' },
      { isil: 'BE-GEN01', name: 'Bibliotheek Gent' },
      { isil: 'BE-NIN01', name: 'Bibliotheek Ninove' },
      { isil: 'BE-OOS01', name: 'Bibliotheek Oosterzele' },
      { isil: 'BE-ZOT01', name: 'Bibliotheek Zottegem' },
    ]);
  });
});

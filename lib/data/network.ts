import 'server-only';
// The library network as shown on the public home page: regions with their libraries, the
// libraries outside any region, and the Dutch libraries for guest lending (Landelijk lenen).
//
// Not account-scoped, unlike every other lib/data function (ARCHITECTURE: authorise in the data
// layer, P3): it reads only public facts about libraries — names, ISIL codes, branches, which
// digital collections they license — and nothing about patrons, accounts, loans or fees. It needs
// no session, so it takes no account; it still takes the database as a parameter like the rest.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '@/db/client';
import { jsonValue, rowsOf } from '@/db/rows';

const namedCode = z.object({ code: z.string(), name: z.string() });

const libraryView = z.object({
  isil: z.string(),
  name: z.string(),
  country: z.enum(['BE', 'NL']),
  branches: z.array(namedCode),
  digitalCollections: z.array(namedCode),
});

const regionView = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['3a', '3b', '3c']),
  libraries: z.array(libraryView),
});

const networkView = z.object({
  regions: z.array(regionView),
  /** Libraries in no region (each a card of its own, R2), except the Dutch guest libraries. */
  outsideRegions: z.array(libraryView),
  /** Dutch libraries in no region: guest lending with a home card (R10). */
  guestLending: z.array(libraryView),
});

export type LibraryView = z.infer<typeof libraryView>;
export type RegionView = z.infer<typeof regionView> & {
  /** R3: `3b`/`3c` regions arrange transport between their libraries, `3a` does not. */
  transport: boolean;
};
export type NetworkView = Omit<z.infer<typeof networkView>, 'regions'> & { regions: RegionView[] };

/**
 * The whole public network in ONE statement (P4): json aggregation in correlated subqueries.
 * Ordered by name (regions, libraries, collections) and by code (branches).
 */
export async function listNetwork(db: Executor): Promise<NetworkView> {
  const result = await db.execute(sql`
    with library_json as (
      select
        l.id,
        l.region_id,
        l.country,
        l.name,
        json_build_object(
          'isil', l.isil,
          'name', l.name,
          'country', l.country,
          'branches', coalesce(
            (select json_agg(json_build_object('code', b.code, 'name', b.name) order by b.code, b.name)
               from branches b
              where b.library_id = l.id),
            '[]'::json),
          'digitalCollections', coalesce(
            (select json_agg(json_build_object('code', dc.code, 'name', dc.name) order by dc.name, dc.code)
               from library_digital_collections ldc
               join digital_collections dc on dc.id = ldc.digital_collection_id
              where ldc.library_id = l.id),
            '[]'::json)
        ) as view
      from libraries l
    )
    select json_build_object(
      'regions', coalesce(
        (select json_agg(
                  json_build_object(
                    'code', r.code,
                    'name', r.name,
                    'kind', r.kind,
                    'libraries', coalesce(
                      (select json_agg(lj.view order by lj.name, lj.id)
                         from library_json lj
                        where lj.region_id = r.id),
                      '[]'::json)
                  )
                  order by r.name, r.id)
           from regions r),
        '[]'::json),
      'outsideRegions', coalesce(
        (select json_agg(lj.view order by lj.name, lj.id)
           from library_json lj
          where lj.region_id is null and lj.country <> 'NL'),
        '[]'::json),
      'guestLending', coalesce(
        (select json_agg(lj.view order by lj.name, lj.id)
           from library_json lj
          where lj.region_id is null and lj.country = 'NL'),
        '[]'::json)
    ) as network
  `);
  const parsed = networkView.parse(jsonValue(rowsOf<{ network: unknown }>(result)[0]?.network));
  return {
    ...parsed,
    regions: parsed.regions.map((region) => ({ ...region, transport: region.kind !== '3a' })),
  };
}

/** R14: every library of the network by name, for the card forms' choice of a card's library. */
export function libraryChoices(view: NetworkView): { isil: string; name: string }[] {
  const all = [...view.regions.flatMap((r) => r.libraries), ...view.outsideRegions, ...view.guestLending];
  return all.map(({ isil, name }) => ({ isil, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.isil.localeCompare(b.isil));
}

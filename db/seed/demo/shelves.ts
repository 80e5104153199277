// Spare copies on the shelves of every branch of the demo network.
import { TITLES } from '../titles';
import type { DemoBuilder } from './builder';
import { LIBRARY_SPECS } from './libraries';

/** Titles that exist as exactly one copy in the demo network (RN2 needs "no available copy"). */
const SINGLE_COPY_TITLES = new Set(['bonita-avenue', 'sprakeloos', 'de-ontdekking-van-de-hemel']);

/** 40 copies per Belgian branch and 25 per Dutch one, never of the single-copy titles. */
export function addSpareCopies(b: DemoBuilder): void {
  const shelf = TITLES.filter((t) => !SINGLE_COPY_TITLES.has(t.key));
  let next = 0;
  for (const l of LIBRARY_SPECS)
    for (const [branch] of l.branches)
      for (let i = 0; i < (l.country === 'NL' ? 25 : 40); i++) {
        b.item((shelf[next % shelf.length] as (typeof shelf)[number]).key, [l.isil, branch]);
        next += 7; // a stride co-prime with the list length spreads titles over branches
      }
}
